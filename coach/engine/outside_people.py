"""People the story marks as customers or users: never the teammate a first step asks.

"Marta, a bookkeeper at one of the client firms, called support twice" names Marta as someone the
work touched; a step that says "Ask Marta to bring you into a support call" turns a customer into
a colleague. A name counts as outside the team when the story gives it a customer's role ("a
customer called Ines", "Ines, one of our users"), places it at another firm ("Ines from Acme",
"Ines, a bookkeeper at a client firm"), or has it contact support or complain ("Ines called
support", "Ines emailed us"); a name given to a role of the team ("our support lead Marta")
stays a colleague.
"""

from __future__ import annotations

import re

__all__ = ["outside"]

_CUSTOMER = (
    r"(?:customers?|clients?|users?|patients?|shoppers?|buyers?|subscribers?|tenants?|guests?|"
    r"members?|students?|parents?|merchants?|partners?|riders?|drivers?|passengers?|residents?|"
    r"account holders?|end[- ]users?|caller|callers)"
)
_FIRM = r"(?:firms?|company|companies|practices?|clinics?|shops?|stores?|agenc(?:y|ies)|offices?|"
_FIRM += r"hospitals?|schools?|restaurants?|depots?|warehouses?|branch(?:es)?|sites?)"
_CONTACT = (
    r"(?:called|phoned|rang|emailed|wrote to|messaged|contacted|reached out to|tweeted at|"
    r"complained to|escalated to)"
)


def _patterns(name: str) -> list[re.Pattern[str]]:
    n = re.escape(name)
    return [
        # "Marta, a bookkeeper at one of the client firms", "Marta, one of our users"
        re.compile(
            rf"\b{n}\s*(?:,|\(|—|–|-)\s*(?:a|an|one of (?:our|the|my|their)|our|the|who is a)\b"
            rf"[^,.;()]{{0,60}}?(?:\b{_CUSTOMER}\b|\b(?:at|from|with)\s+(?!our\b|my\b)"
            rf"[^,.;()]{{0,40}}\b{_FIRM}\b)",
            re.I,
        ),
        # "a customer called Marta", "one of our clients, Marta", "the user Marta"
        re.compile(
            rf"\b{_CUSTOMER}\s*(?:,\s*|\s+(?:called|named)\s+|\s+){n}\b",
            re.I,
        ),
        # "Marta from Acme", "Marta at the Leeds depot", "Marta at a client firm"
        re.compile(
            rf"\b{n}\s+(?:from|at)\s+(?!our\b|my\b|the office\b|work\b|home\b)"
            rf"(?:[A-Z][\w&-]+|(?:a|an|one of the|the)\s+[^,.;]{{0,30}}\b(?:{_CUSTOMER}|{_FIRM})\b)",
        ),
        # "Marta called support twice", "Marta emailed us", "Marta complained"
        re.compile(
            rf"\b{n}\s+(?:(?:then|also|finally|even|just|had)\s+)?(?:{_CONTACT}\s+(?:our\s+|the\s+)?"
            r"(?:support|helpdesk|help desk|customer service|service desk|us|in)\b|complained|churned|"
            r"gave up|filed a (?:ticket|complaint)|opened a ticket|left a (?:review|complaint)|"
            r"cancell?ed (?:her|his|their) (?:account|subscription|plan|order))",
            re.I,
        ),
    ]


_TEAM_ROLE = re.compile(
    r"\b(?:my|our|the)\s+(?:tech |team |engineering |product |support |new )?"
    r"(?:manager|lead|pm|product manager|designer|support team|support lead|qa|cto|director|"
    r"account manager|teammate|colleague|architect|analyst|researcher)\b,?\s+$",
    re.I,
)


def outside(name: str, story: str) -> bool:
    """True when ``story`` marks ``name`` as a customer or user, not a teammate."""
    if " " in name.strip():  # "your product manager": a role of the team, never a customer
        return False
    for match in re.finditer(rf"\b{re.escape(name)}\b", story):
        if _TEAM_ROLE.search(story[max(0, match.start() - 40) : match.start()]):
            return False  # "our support lead Marta": a colleague, named with her role
    return any(p.search(story) for p in _patterns(name))
