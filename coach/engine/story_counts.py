"""Numbers that count things in the story, not options of a list just shown.

"One of them rang three times before anyone called back" names no struggle: "one of" and "three
times" count people and calls. Its own module, importing nothing of the engine, so the reading of
choices (``coach.engine.choices``) can use it without a cycle.
"""

from __future__ import annotations

__all__ = ["counts_things"]

# After a number, these count things in the story ("rang three times", "two clients lost a day",
# "the second time she called"): the number is not an option's.
_UNITS_TEXT = """
    time day week month hour minute morning afternoon evening night year person client
    customer user call ticket file try attempt order invoice email message shift store
"""
_UNITS = frozenset(_UNITS_TEXT.split())
# A verb that says a choice fits ("2 sounds like me", "the first fits"), not a plural noun.
_FITS_TEXT = """
    fits sounds matches feels rings hits stands applies resonates matters describes seems
    works is was comes
"""
_FITS = frozenset(_FITS_TEXT.split())


def counts_things(tokens: list[str], index: int) -> bool:
    """The number at ``tokens[index]`` counts things in the story ("three times", "one of them
    rang", "the second time"), in an answer long enough to be story, rather than naming an option."""
    if len(tokens) < 5 or index + 1 >= len(tokens):
        return False
    after = tokens[index + 1].lower()
    if after == "of" and not tokens[index].lower().endswith(("st", "nd", "rd", "th")):
        return tokens[index].lower() in ("one", "two", "three", "four") or tokens[index].isdigit()
    if after in _FITS:
        return False
    single = after[:-1] if after.endswith("s") and not after.endswith("ss") else after
    return single in _UNITS or after in _UNITS
