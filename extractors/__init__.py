"""Facts from documents. `extract(document)` runs every extractor on one readable document.

Each extractor is a function `(document, facts) -> None` that adds what it finds to `facts`;
registering one is one line in EXTRACTORS.
"""

from __future__ import annotations

from extractors.cag_letters import extract_cag_letter_facts
from extractors.facts import DocumentFacts, Fact
from extractors.kinds import extract_kind
from extractors.purpose import extract_purpose
from extractors.reviewed_documents import extract_reviewed_documents
from extractors.title import extract_title
from extractors.version_date import extract_version_and_date
from pipeline.model import Document, Status

# Order matters where one extractor reads another's result: version and date need the kind.
EXTRACTORS = (
    extract_title,
    extract_kind,
    extract_version_and_date,
    extract_cag_letter_facts,
    extract_reviewed_documents,
    extract_purpose,
)

__all__ = ["DocumentFacts", "Fact", "extract"]


def extract(document: Document) -> DocumentFacts:
    facts = DocumentFacts()
    if document.status is not Status.OK or document.parsed is None:
        return facts
    for extractor in EXTRACTORS:
        extractor(document, facts)
    return facts
