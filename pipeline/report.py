"""The report of one run, and its JSON form (report.md). Every view renders `Report.to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline import __version__
from pipeline.bundle import display_name
from pipeline.findings import Finding, Severity, Skip
from pipeline.model import Document, Status

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Report:
    source: Path
    kind: str  # folder, zip, file
    as_of: date
    request_file: str | None
    documents: list[Document]
    findings: list[Finding]
    skipped: list[Skip]
    request_usable: bool = False  # a data request that loaded and passed its schema (no REQ-001)
    notes: list[str] = field(default_factory=list)  # about the bundle as a whole (its root, ...)
    headline: dict[str, str | None] = field(default_factory=dict)  # the request's reference, title, basis
    register: dict | None = None  # the CAG register given with --cag-register (`CagRegister.to_dict`)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def verdict(self) -> str:
        """report.md: `ready` needs a usable data request, at least one document, no errors and no
        warnings; a document checked alone is never ready (`no_findings` takes its place)."""
        if self.count(Severity.ERROR):
            return "not_ready"
        if self.count(Severity.WARNING):
            return "needs_review"
        if self.kind == "file":
            return "no_findings"
        if not self.request_usable or not self.documents:
            # REQ-001, REQ-002 and DOC-008 already say so; this keeps the rule whatever the checks do.
            return "needs_review"
        return "ready"

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "dars-evidence", "version": __version__},
            "bundle": {
                "path": display_name(self.source.as_posix()),
                "type": self.kind,
                "as_of": self.as_of.isoformat(),
                "request": self.request_file,
                "reference": self.headline.get("reference"),
                "title": self.headline.get("title"),
                "basis": self.headline.get("basis"),
                "notes": list(self.notes),
                "cag_register": self.register,
            },
            "documents": [document_dict(document) for document in self.documents],
            "findings": [finding.to_dict() for finding in self.findings],
            "skipped": [skip.to_dict() for skip in self.skipped],
            "summary": {
                "documents": len(self.documents),
                "unreadable": sum(1 for d in self.documents if d.status is Status.UNREADABLE),
                "no_text": sum(1 for d in self.documents if d.status is Status.NO_TEXT),
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
                "verdict": self.verdict,
            },
        }


def document_dict(document: Document) -> dict:
    facts = document.facts
    data = {
        "path": document.path,
        "sha256": document.sha256,
        "size": document.size,
        "status": document.status.value,
        "format": document.parsed.format if document.parsed else None,
        "kind": facts.kind if facts else "other",
        "title": facts.title if facts else None,
        "version": facts.version if facts else None,
        "date": facts.date if facts else None,
        "pages": document.pages,
        "references": {k: list(v) for k, v in facts.references.items()} if facts else {},
        "identifiers": list(facts.identifiers) if facts else [],
        "datasets": list(facts.datasets) if facts else [],
        "organisations": list(facts.organisations) if facts else [],
        "facts": [fact.to_dict() for fact in facts.facts] if facts else [],
    }
    if document.reason:
        data["reason"] = document.reason
    notes = [*document.notes, *(document.parsed.notes if document.parsed else [])]
    if notes:
        data["notes"] = notes
    return data
