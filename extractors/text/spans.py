"""Sentences in a block's text, and from a match to the evidence a reviewer reads.

PDFium ends every printed line with a line break, so a sentence that wraps would be cut in two
and lose its context or its negation. `join_soft_breaks` turns the breaks that wrap a sentence
into spaces (one character for one, so offsets into the joined text are offsets into the block),
and sentences are then cut at sentence punctuation (not after "art." or "e.g.") and at the breaks
that remain: headings, list items, table rows and short lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from extractors.text.casefold import compile_folded, fold
from pipeline.findings import QUOTE_LIMIT, Evidence
from pipeline.model import Block, Document

# A sentence ends at . ! ? ; followed by space and a capital, digit or quote, or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'“‘])|\n")
# A printed line at least this long that ends without punctuation was wrapped, not ended.
WRAPPED_LINE = 45
HARD_END = ".!?"
LINE_BREAK = re.compile("\n")
LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]\s|\(?[a-z]\)\s|[•·▪■□☐❑●○◦*\-–]\s)")
JOINING_TAIL = compile_folded(
    r"(?:[,:(&/\-–]|\b(?:and|or|of|the|to|a|an|by|with|from|for|in|on|that|your|our))$", re.I
)
# A full stop after these is not a sentence end ("art. 6.1.e", "e.g. NHS Digital").
ABBREVIATION = compile_folded(
    r"\b(?:arts?|e\.g|i\.e|nos?|dr|st|mr|mrs|ms|prof|etc|vs?|ref|para|sec|reg|approx|vol|fig|tel|incl)\.$",
    re.I,
)


@lru_cache(maxsize=4096)
def join_soft_breaks(text: str) -> str:
    """`text` with the line breaks that wrap a sentence turned into spaces (same length)."""
    if "\n" not in text:
        return text
    chars = list(text)
    line_start = 0
    for newline in LINE_BREAK.finditer(text):
        index = newline.start()
        previous = text[line_start:index].rstrip()
        line_start = index + 1
        following = text[index + 1 : index + 2]
        if not previous or not following.strip() or previous[-1] in HARD_END:
            continue
        if LIST_ITEM.match(text, index + 1):
            continue  # a numbered or bulleted item starts its own statement
        if (
            following.islower()
            or following.isdigit()
            or following in "([&'\"‘“"
            or len(previous) >= WRAPPED_LINE
            or JOINING_TAIL.search(previous)
        ):
            chars[index] = " "
    return "".join(chars)


@lru_cache(maxsize=4096)
def sentence_breaks(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each sentence break of the joined text starts and ends."""
    joined = join_soft_breaks(text)
    folded = fold(joined)
    found = [
        m
        for m in SENTENCE_END.finditer(joined)
        if not ABBREVIATION.search_folded(folded, max(0, m.start() - 8), m.start())
    ]
    return tuple(m.start() for m in found), tuple(m.end() for m in found)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence of `text` that holds [start, end), read across wrapped lines."""
    starts, ends = sentence_breaks(text)
    before = bisect_right(ends, start) - 1
    after = bisect_left(starts, end)
    left = ends[before] if before >= 0 else 0
    right = starts[after] if after < len(starts) else len(text)
    return left, right


def sentences(text: str):
    """(start, end) of each sentence of `text`, in order."""
    starts, ends = sentence_breaks(text)
    left = 0
    for break_start, break_end in zip(starts, ends, strict=True):
        if break_start > left:
            yield left, break_start
        left = break_end
    if left < len(text):
        yield left, len(text)


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
