"""The cyclic garbage collector is off while the app starts, then its start-up objects are frozen.

Measured in a pty (issue 15): before the first frame, Python's collector ran ~120 times, once over
the whole heap of freshly imported modules, and took about a third of the CPU to first paint (it
runs whenever enough objects were allocated, and importing Textual, pydantic and the engine
allocates little else). Start-up makes almost no cyclic garbage, so nothing is lost by waiting.
``resume`` then moves what start-up built (modules, classes, styles: alive for the whole run) to
the permanent generation, so later collections, e.g. while a reply streams, never walk it again.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until ``resume`` (only if it is on: never re-enable what was off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what exists now and turn the collector back on; nothing if ``pause`` did not run."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
