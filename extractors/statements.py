"""Statements in a document: the sentence-level machinery that the consent, privacy-notice and
sharing extractors share.

Those extractors look for statements ("we will link your records with NHS England", "the University
of Leeds is the data controller") rather than single words, so they need four things:

- The text of a block with its soft line breaks joined. PDFium ends every printed line with a break
  and the sentence splitter cuts at breaks, so a statement that wraps would lose its second half
  (and its negation). Joining replaces one character with one, so an offset into the joined text is
  an offset into the block, and evidence still points at the original words.
- Negation that ignores negative wording that denies nothing the extractors look for: conditions
  ("if you do not want your records linked, tell us"), reassurance ("this will not affect your
  care"), de-identification ("in a form that does not identify you", "with names removed").
- The sentence around a match, and each sentence only once.
- A fact whose evidence quotes the joined sentence, and no repeated fact where a PDF page and the
  table read from it hold the same words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractors.facts import DocumentFacts, Fact
from extractors.negation import is_negated
from extractors.spans import SENTENCE_END, evidence_at
from pipeline.findings import QUOTE_LIMIT
from pipeline.model import Block, Document

# A printed line at least this long that ends without punctuation was wrapped, not ended.
WRAPPED_LINE = 45
HARD_END = ".!?"
LINE_BREAK = re.compile("\n")
LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]\s|\(?[a-z]\)\s|[•·▪■□☐❑●○◦*\-–]\s)")
JOINING_TAIL = re.compile(
    r"(?:[,:(&/\-–]|\b(?:and|or|of|the|to|a|an|by|with|from|for|in|on|that|your|our))$", re.I
)

# The names of NHS England and its predecessors (domain.md, "Bodies and names"): for this product
# one body. Shared by every extractor that asks whether NHS England is named.
NHS_ENGLAND = (
    r"(?:NHS\s+England(?:\s+and\s+Improvement)?|NHS\s*Digital|NHSD\b|HSCIC\b|"
    r"Health\s+and\s+Social\s+Care\s+Information\s+Cent(?:re|er)|"
    r"NHS\s+Information\s+Cent(?:re|er)(?:\s+for\s+[Hh]ealth\s+and\s+[Ss]ocial\s+[Cc]are)?|NHS\s+IC\b)"
)

# A full stop after these is not a sentence end ("art. 6.1.e", "e.g. NHS Digital").
ABBREVIATION = re.compile(
    r"\b(?:arts?|e\.g|i\.e|nos?|dr|st|mr|mrs|ms|prof|etc|vs?|ref|para|sec|reg|approx|vol|fig|tel|incl)\.$",
    re.I,
)

SUBORDINATE = re.compile(
    r",?\s+(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that)|because|as\s+long\s+as|provided\s+that|whereas|"
    r"while|whilst|until|before|after|once)\b|,\s+(?:which|who|whose|where|when|and|or)\b",
    re.IGNORECASE,
)

# Negative wording that denies nothing of interest; blanked before negation is tested.
HARMLESS_NEGATIONS = re.compile(
    r"\b(?:if|unless|should|whether|in\s+case|where)\s+(?:\w+\s+){1,3}?(?:do|does|did|would|are|is|can|could)?\s*"
    r"(?:not|n't|no\s+longer|never)\b"
    r"|\b(?:if|unless|should)\s+(?:\w+\s+){1,3}?(?:decide|choose|prefer|wish|want|ask)\s+not\b"
    r"|\b(?:will|would|does|do|shall|should|can|could|won't|doesn't|wouldn't)\s*(?:not\s+)?(?:in\s+any\s+way\s+)?affect\w*"
    r"|\bwithout\s+affecting\b|\bnot\s+affect\w*"
    r"|\b(?:do|does|will)\s+not\s+(?:have|need)\s+to\b|\b(?:don't|doesn't)\s+(?:have|need)\s+to\b"
    r"|\b(?:not|cannot|can't|won't|no\s+longer)\s+(?:be\s+)?(?:able\s+to\s+)?(?:be\s+)?(?:used\s+to\s+)?"
    r"(?:directly\s+|personally\s+)?identif\w*"
    r"|\b(?:with|once|after|when)\s+(?:(?:your|all|any|the|their)\s+)?(?:[\w-]+\s+){0,4}?(?:removed|stripped|omitted)\b"
    r"|\bwithout\s+(?:(?:your|any|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:names?|identif\w*|personal\s+details|"
    r"contact\s+details|details\s+that)"
    r"|\bnot[\s-]for[\s-]profit\b|\bat\s+no\s+(?:cost|charge)\b|\bno\s+matter\b"
    # the answer boxes of a consent form: "Yes ☐ No ☐", "tick Yes or No"
    r"|\b(?:tick|select|circle|answer|mark|choose|initial|put)\s+(?:the\s+)?[\"'‘“]?(?:yes|no)\b"
    r"|\byes\b[\W_]{0,6}(?:or\s+)?\bno\b|\bno\b[\W_]{0,6}(?:or\s+)?\byes\b|\b(?:yes|no)\s*[☐□❑■▢☑☒]",
    re.IGNORECASE,
)


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


@dataclass(frozen=True, slots=True)
class Passage:
    """A block seen by the statement extractors: its joined text, the same with harmless negation
    blanked (for negation tests only), and where its sentences end."""

    block: Block
    text: str
    masked: str
    break_starts: tuple[int, ...]  # each sentence end: where the break between sentences starts ...
    break_ends: tuple[int, ...]  # ... and where the next sentence starts

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence that holds [start, end), as `extractors.spans` cuts sentences, except that a
        full stop after an abbreviation ("art. 6", "e.g.") ends nothing."""
        before = bisect_right(self.break_ends, start) - 1
        after = bisect_left(self.break_starts, end)
        left = self.break_ends[before] if before >= 0 else 0
        right = self.break_starts[after] if after < len(self.break_starts) else len(self.text)
        return left, right

    def quote(self, start: int, end: int, limit: int = QUOTE_LIMIT) -> str:
        """The sentence around a match, cut to about `limit` characters centred on the match."""
        left, right = self.sentence(start, end)
        if right - left > limit:
            half = max((limit - (end - start)) // 2, 0)
            left, right = max(left, start - half), min(right, end + half)
        return " ".join(self.text[left:right].split())

    def negated(self, start: int, end: int) -> bool:
        """Is the mention denied? Only its own clause is read: the sentence is cut first, then at
        subordinate joints ("..., so that we cannot tell who it is about", "..., who will not keep
        them"), since a denial there is about something else."""
        left, right = self.sentence(start, end)
        for joint in SUBORDINATE.finditer(self.text, left, start):
            left = joint.end()
        following = SUBORDINATE.search(self.text, end, right)
        if following:
            right = following.start()
        return is_negated(self.masked[left:right], start - left, end - left)


@lru_cache(maxsize=4096)
def _prepared(raw: str) -> tuple[str, str, tuple[int, ...], tuple[int, ...]]:
    """Joined text, masked text and sentence breaks of a block's text; the three statement
    extractors read the same blocks, so each is prepared once."""
    text = join_soft_breaks(raw)
    masked = HARMLESS_NEGATIONS.sub(lambda m: " " * len(m.group(0)), text)
    breaks = [
        m
        for m in SENTENCE_END.finditer(text)
        if not ABBREVIATION.search(text, max(0, m.start() - 8), m.start())
    ]
    return text, masked, tuple(m.start() for m in breaks), tuple(m.end() for m in breaks)


def passages(document: Document, precheck: re.Pattern[str]) -> Iterator[Passage]:
    """The blocks of `document` whose raw text passes the cheap `precheck`, as passages."""
    for block in document.parsed.blocks:
        if precheck.search(block.text):
            yield Passage(block, *_prepared(block.text))


def sentences(passage: Passage, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Each sentence of the passage that holds a match of `pattern`, once, in order."""
    seen: set[tuple[int, int]] = set()
    for match in pattern.finditer(passage.text):
        bounds = passage.sentence(match.start(), match.end())
        if bounds not in seen:
            seen.add(bounds)
            yield bounds


@dataclass(slots=True)
class FactSink:
    """Adds facts to a document's facts, once per (name, value, sentence): a PDF page and the table
    read from it, or two names of one body in a sentence, give one fact."""

    document: Document
    facts: DocumentFacts
    seen: set[tuple[str, str, str]] = field(default_factory=set)

    def add(
        self,
        passage: Passage,
        name: str,
        value: Any,
        start: int,
        end: int,
        extractor: str,
        detail: dict[str, Any] | None = None,
    ) -> None:
        left, right = passage.sentence(start, end)
        key = (name, repr(value), re.sub(r"[\W_]+", " ", passage.text[left:right]).lower().strip())
        if key in self.seen:
            return
        self.seen.add(key)
        evidence = evidence_at(self.document, passage.block, start, end, quote=passage.quote(start, end))
        self.facts.add(Fact(name, value, evidence, extractor=extractor, detail=detail))


def as_written(text: str) -> str:
    """A span as written, with its whitespace collapsed."""
    return " ".join(text.split())
