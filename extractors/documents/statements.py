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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from extractors.facts import DocumentFacts, Fact
from extractors.names.nhs_bodies import NHS_BODY
from extractors.text.negation import is_negated, masked_text
from extractors.text.spans import (
    evidence_at,
    join_soft_breaks,
    quote_around,
    sentence_bounds,
    sentence_breaks,
)
from pipeline.findings import QUOTE_LIMIT
from pipeline.model import Block, Document

# The names of NHS England and its predecessors: for this product one body (extractors.names.nhs_bodies).
NHS_ENGLAND = NHS_BODY.pattern


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
        """The sentence that holds [start, end) (extractors.text.spans)."""
        return sentence_bounds(self.text, start, end)

    def quote(self, start: int, end: int, limit: int = QUOTE_LIMIT) -> str:
        """The sentence around a match, cut to about `limit` characters centred on the match."""
        return quote_around(self.text, start, end, limit)

    def negated(self, start: int, end: int) -> bool:
        """Is the mention denied in its own clause? (extractors.text.negation)"""
        return is_negated(self.text, start, end)


def _prepared(raw: str) -> tuple[str, str, tuple[int, ...], tuple[int, ...]]:
    """Joined text, the same with wording that denies nothing blanked, and its sentence breaks."""
    text = join_soft_breaks(raw)
    starts, ends = sentence_breaks(raw)
    return text, masked_text(text), starts, ends


def passages(document: Document, precheck: re.Pattern[str]) -> Iterator[Passage]:
    """The blocks of `document` whose raw text passes the cheap `precheck`, as passages."""
    for block in document.parsed.blocks:
        if precheck.search(block.text):
            yield passage_of(block)


def passage_of(block: Block) -> Passage:
    return Passage(block, *_prepared(block.text))


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
