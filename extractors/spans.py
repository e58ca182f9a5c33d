"""From a match in a block to the evidence a reviewer reads: the sentence around it, and where it is."""

from __future__ import annotations

import re

from pipeline.findings import QUOTE_LIMIT, Evidence
from pipeline.model import Block, Document

# A sentence ends at . ! ? ; followed by space, or at a line break that closes a short line
# (headings, table cells, footers).
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'“‘])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence (or line) of `text` that holds [start, end)."""
    left = 0
    # Search one character past `start`: the break's lookahead must see the match's first letter.
    for match in SENTENCE_END.finditer(text, 0, min(len(text), start + 1)):
        if match.end() <= start:
            left = match.end()
    right_match = SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return left, right


def quote_around(text: str, start: int, end: int, limit: int = QUOTE_LIMIT) -> str:
    """The sentence around a match, cut to about `limit` characters centred on the match."""
    left, right = sentence_bounds(text, start, end)
    if right - left > limit:
        half = max((limit - (end - start)) // 2, 0)
        left = max(left, start - half)
        right = min(right, end + half)
    return " ".join(text[left:right].split())


def evidence_at(document: Document, block: Block, start: int, end: int, quote: str | None = None) -> Evidence:
    return Evidence(
        document=document.path,
        quote=quote if quote is not None else quote_around(block.text, start, end),
        page=block.page,
        location=block.location,
        address=f"{block.address}#{start}-{end}",
    )
