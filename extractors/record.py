"""Adding facts without repeating them, and the summary lists that keep first-seen order.

A PDF gives each ruled table twice (in the page text and as table rows) and a letterhead repeats a
reference on every page, so the same finding would otherwise be recorded many times. One fact per
name, value and page (or block, where there are no pages) keeps the evidence a reviewer needs and
drops the echoes.
"""

from __future__ import annotations

import json
from typing import Any

from extractors.facts import DocumentFacts, Fact
from extractors.text.spans import evidence_at, quote_around
from pipeline.model import Block, Document


def append_unique(items: list, item: Any) -> None:
    if item not in items:
        items.append(item)


class FactRecorder:
    """Adds facts from one extractor module to a document's facts, one per (name, value, place)."""

    def __init__(self, document: Document, facts: DocumentFacts, module: str) -> None:
        self.document = document
        self.facts = facts
        self.module = module
        self._seen: set[tuple[str, str, object]] = set()

    def add(
        self,
        name: str,
        value: Any,
        block: Block,
        start: int,
        end: int,
        pattern: str,
        quote_span: tuple[int, int] | None = None,
    ) -> bool:
        """Record a fact found at block.text[start:end]; False when it repeats one already recorded.

        The quote is the sentence around `quote_span` (default: the match), read across wrapped
        lines, so it holds the matched words and the context that decided the match.
        """
        place = block.page if block.page is not None else block.index
        key = (name, json.dumps(value, sort_keys=True), place)
        if key in self._seen:
            return False
        self._seen.add(key)
        q_start, q_end = quote_span or (start, end)
        quote = quote_around(block.text, q_start, q_end)
        evidence = evidence_at(self.document, block, start, end, quote=quote)
        self.facts.add(Fact(name, value, evidence, extractor=f"{self.module}:{pattern}"))
        return True
