"""Evidence and findings: the one shape every check returns and every view prints.

A finding must cite what it rests on: either evidence (a document, where in it, and the words) or,
for something absent, the places that were searched. `Finding` refuses to exist without one of
the two, so a finding without evidence cannot reach a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pipeline.masking import mask_nhs_numbers

QUOTE_LIMIT = 300


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


def clip_quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Collapse whitespace and cut a quote to about `limit` characters, on a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + " …"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding or fact comes from: a document, a place in it, and the words there."""

    document: str
    quote: str = ""
    page: int | None = None
    location: str | None = None  # "paragraph 12", "table 1, row 3", "line 7", "the file"
    address: str | None = None  # "#/blocks/12" in the document model
    # Reference data outside the bundle (the CAG register): its source, and sheet and row for page.
    source: str | None = None
    sheet: str | None = None
    row: int | None = None

    def __post_init__(self) -> None:
        if not self.document:
            raise ValueError("evidence must name its document")
        object.__setattr__(self, "quote", clip_quote(self.quote))

    def to_dict(self) -> dict:
        if self.source:
            data = {"source": self.source, "document": self.document, "sheet": self.sheet, "row": self.row}
            data["quote"] = mask_nhs_numbers(self.quote)
        else:
            data = {"document": self.document, "page": self.page, "quote": mask_nhs_numbers(self.quote)}
        if self.location:
            data["location"] = self.location
        if self.address:
            data["address"] = self.address
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    title: str
    message: str
    action: str
    evidence: tuple[Evidence, ...] = ()
    searched: tuple[str, ...] = ()  # for an absence: what was searched
    documents: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.evidence and not self.searched:
            raise ValueError(f"{self.code}: a finding needs evidence or a list of what was searched")
        if not self.message or not self.action:
            raise ValueError(f"{self.code}: a finding needs a message and an action")
        if not self.documents:
            named = [e.document for e in self.evidence] + list(self.searched)
            object.__setattr__(self, "documents", tuple(dict.fromkeys(named)))

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "message": mask_nhs_numbers(self.message),
            "documents": list(self.documents),
            "evidence": [e.to_dict() for e in self.evidence],
            "action": self.action,
        }
        if self.searched:
            data["searched"] = list(self.searched)
        return data


@dataclass(frozen=True, slots=True)
class Skip:
    code: str
    reason: str

    def to_dict(self) -> dict:
        return {"code": self.code, "reason": self.reason}
