"""The first-person words of an answer and their second-person form, for giving it back
("I was late with my fix" → "you were late with your fix"); data for ``reflections``."""

from __future__ import annotations

SWAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "i'm": "you're",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "we're": "you're",
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "im": "you're",
    "ive": "you've",
}
AFTER_I = {"am": "are", "was": "were", "wasn't": "weren't"}
