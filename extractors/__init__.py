"""Facts from documents. `extract(document)` runs every extractor on one readable document.

Each extractor is a function `(document, facts) -> None` that adds what it finds to `facts`;
registering one is one line in EXTRACTORS.
"""

from __future__ import annotations

from extractors.facts import DocumentFacts, Fact
from extractors.title import extract_title
from pipeline.model import Document, Status

EXTRACTORS = (extract_title,)

__all__ = ["DocumentFacts", "Fact", "extract"]


def extract(document: Document) -> DocumentFacts:
    facts = DocumentFacts()
    if document.status is not Status.OK or document.parsed is None:
        return facts
    for extractor in EXTRACTORS:
        extractor(document, facts)
    return facts
