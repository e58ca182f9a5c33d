"""Prose that a PDF wrapped across lines, joined again without moving any character.

PDFium ends every visual line with a line break, and `spans.sentence_bounds` treats each break as
the end of a sentence, so "we will not\nreceive your name" loses its negation and "Research
Ethics\nCommittee (14/SW/0123)" its context. `flowed` replaces a line break with a space where the
text plainly runs on (the next line starts in lower case, or the line ends with a comma or a
joining word), and keeps it where a new line starts a heading, a bullet or a table row. The result
has the same length as the input, so offsets found in it are offsets in the block's text.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.spans import quote_around

# Words that cannot end a sentence: a line ending with one runs on.
# fmt: off
JOINING_WORDS = frozenset({
    "and", "or", "of", "the", "to", "your", "their", "our", "will", "be", "not", "no", "with", "by", "for",
    "from", "a", "an", "in", "on", "as", "is", "are", "that", "which", "may", "can",
})
# fmt: on
ENDS_RUNNING_TEXT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,)")
STARTS_RUNNING_TEXT = frozenset("abcdefghijklmnopqrstuvwxyz(")


@lru_cache(maxsize=1024)
def flowed(text: str) -> str:
    """`text` with run-on line breaks replaced by spaces (same length, same offsets).

    A break runs on when the next line starts in lower case (after a letter, digit, comma or
    bracket), or when the line ends with a comma or a joining word and the next line has text.
    Visiting each break is much faster than a regular expression with look-behinds.
    """
    breaks = []
    at = text.find("\n")
    while at != -1:
        if 0 < at < len(text) - 1 and _runs_on(text, at):
            breaks.append(at)
        at = text.find("\n", at + 1)
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        chars[at] = " "
    return "".join(chars)


def _runs_on(text: str, at: int) -> bool:
    before, after = text[at - 1], text[at + 1]
    if after.isspace():
        return False
    if before == "," or (before in ENDS_RUNNING_TEXT and after in STARTS_RUNNING_TEXT):
        return True
    word_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    return text[word_start:at].lower() in JOINING_WORDS


def flowed_quote(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], read across wrapped lines."""
    return quote_around(flowed(text), start, end)
