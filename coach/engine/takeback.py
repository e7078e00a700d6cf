"""A chunk of a coach turn that takes back what the turn has said so far.

A reasoning model whose prompt opens the think block (``<think>`` at the end of the template's
generation prompt) streams its thinking as plain text until a ``</think>`` with no opening tag
shows what it was. The model coach then yields ``TAKE_BACK``: the session drops the turn's saved
text and shells drop (or mark) what they showed; the reply follows. It is an empty ``str``, so a
consumer that only joins the chunks loses nothing and gains nothing.
"""

from __future__ import annotations


class TakeBack(str):
    """The marker's type: ``isinstance(chunk, TakeBack)``."""


TAKE_BACK = TakeBack("")
THINKING_NOTE = "the model's thinking, not its reply"
