"""Sentence bounds and negation that hold when a mention opens its sentence.

`spans.sentence_bounds` looks for the sentence end with `finditer(text, 0, start)`, whose lookahead
for the next sentence's capital cannot see past `start`; so a mention that opens a sentence ("...
data. Names will be kept") is read as part of the sentence before, and a negation there ("We will
not share data.") leaks onto it. These wrappers cut the text at the mention's own sentence first.

They also end the clause at a clause of purpose, reason or result that follows the mention:
"... finds records of your hospital admissions, and sends them back labelled with a study number,
so that we cannot tell who it is about" does not deny the admissions.
"""

from __future__ import annotations

import re

from extractors.negation import is_negated

FOLLOWING_CLAUSE = re.compile(
    r"(?i),?\s+\b(?:so\s+that|so\s+as\s+to|in\s+order\s+to|because|since|such\s+that|meaning\s+that|to\s+ensure)\b"
)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'“‘])|\n")


def sentence_start(text: str, start: int) -> int:
    """Where the sentence (or line) holding text[start] begins."""
    left = 0
    for match in SENTENCE_END.finditer(text, 0, min(len(text), start + 1)):
        if match.end() <= start:
            left = match.end()
    return left


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    left = sentence_start(text, start)
    following = SENTENCE_END.search(text, end)
    return left, following.start() if following else len(text)


def negated(text: str, start: int, end: int) -> bool:
    """`negation.is_negated`, with the text cut at the start of the mention's sentence."""
    left, right = sentence_span(text, start, end)
    following = FOLLOWING_CLAUSE.search(text, end, right)
    if following:
        right = following.start()
    return is_negated(text[left:right], start - left, end - left)
