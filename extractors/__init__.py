"""Facts from documents. `extract(document)` runs every extractor on one readable document.

Each extractor is a function `(document, facts) -> None` that adds what it finds to `facts`;
registering one is one line in EXTRACTORS.
"""

from __future__ import annotations

from extractors.documents.cag_letters import extract_cag_letter_facts
from extractors.documents.commercial import extract_commercial
from extractors.documents.consent import extract_consent
from extractors.documents.datasets import extract_datasets
from extractors.documents.dspt import extract_dspt
from extractors.documents.honorary_contracts import extract_honorary_contracts
from extractors.documents.identifiers import extract_identifiers
from extractors.documents.kinds import extract_kind
from extractors.documents.organisations import extract_organisations
from extractors.documents.privacy_notice import extract_privacy_notice
from extractors.documents.purpose import extract_purpose
from extractors.documents.records_period import extract_records_period
from extractors.documents.references import extract_references
from extractors.documents.reviewed_documents import extract_reviewed_documents
from extractors.documents.sharing import extract_sharing
from extractors.documents.support_end import extract_support_end
from extractors.documents.title import extract_title
from extractors.documents.version_date import extract_version_and_date
from extractors.facts import DocumentFacts, Fact
from pipeline.errors import LimitExceeded
from pipeline.model import Document, Status

# Order matters where one extractor reads another's result: version and date need the kind.
EXTRACTORS = (
    extract_title,
    extract_kind,
    extract_references,
    extract_identifiers,
    extract_datasets,
    extract_organisations,
    extract_version_and_date,
    extract_cag_letter_facts,
    extract_reviewed_documents,
    extract_purpose,
    extract_consent,
    extract_privacy_notice,
    extract_sharing,
    extract_support_end,
    extract_records_period,
    extract_dspt,
    extract_honorary_contracts,
    extract_commercial,
)

__all__ = ["DocumentFacts", "Fact", "extract"]


def extract(document: Document) -> DocumentFacts:
    """Run every extractor. One that fails is noted on the document and the others still run.
    A time limit (LimitExceeded) is not caught here: the run reports the document as over time."""
    facts = DocumentFacts()
    if document.status is Status.UNREADABLE or document.parsed is None:
        return facts
    if document.status is Status.NO_TEXT and not any(block.ocr for block in document.parsed.blocks):
        return facts  # a scan no OCR read: nothing to extract
    for extractor in EXTRACTORS:
        try:
            extractor(document, facts)
        except LimitExceeded:
            raise
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not cost the document its other facts
            name = getattr(extractor, "__name__", "an extractor")
            document.parsed.notes.append(
                f"{name} failed ({type(exc).__name__}: {exc}); facts may be incomplete"
            )
    return facts
