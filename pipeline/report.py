"""The report of one run, and its JSON form (report.md). Every view renders `Report.to_dict()`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.acceptance import Acceptance, match_acceptances
from pipeline.bundle import display_name
from pipeline.findings import Finding, Severity, Skip
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.model import Document, Status

if TYPE_CHECKING:
    from pipeline.config import Settings

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
    request_sha256: str | None = None
    accepted: dict[int, Acceptance] = field(default_factory=dict)  # by place in `findings`
    unused_acceptances: list[dict] | None = None  # None: no acceptance file was read

    def accept(self, acceptances: list[Acceptance]) -> None:
        """Mark the findings a reviewer accepted (`pipeline.acceptance`); expiry is judged at the as-of date."""
        keys = [{"code": f.code, "fingerprint": f.fingerprint} for f in self.findings]
        self.accepted, self.unused_acceptances = match_acceptances(keys, acceptances, self.as_of)
    generated: str | None = None  # the time of the run (pipeline.run_time)
    settings: Settings | None = None  # the configuration and options in force (pipeline.config)
    limits: Limits = DEFAULT_LIMITS

    def count(self, severity: Severity) -> int:
        """Findings of `severity`, the accepted aside: they count in neither the verdict nor the exit status."""
        return sum(
            1
            for i, finding in enumerate(self.findings)
            if finding.severity is severity and i not in self.accepted
        )

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

    @property
    def fails(self) -> bool:
        """Exit status 1: an error finding, or with `fail-on = "warning"` a warning too."""
        if self.settings is None:
            return self.has_errors
        return self.settings.fails(self.count(Severity.ERROR), self.count(Severity.WARNING))

    def to_dict(self) -> dict:
        from checks import all_checks
        from pipeline.asks import asks
        from pipeline.config import Settings

        findings = [self._finding_dict(i, finding) for i, finding in enumerate(self.findings)]
        settings = self.settings or Settings()
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "dars-evidence", "version": __version__},
            "generated": self.generated,
            "bundle": {
                "path": display_name(self.source.as_posix()),
                "type": self.kind,
                "as_of": self.as_of.isoformat(),
                "request": self.request_file,
                "request_sha256": self.request_sha256,
                "reference": self.headline.get("reference"),
                "title": self.headline.get("title"),
                "basis": self.headline.get("basis"),
                "notes": list(self.notes),
                "cag_register": self.register,
            },
            "documents": [document_dict(document) for document in self.documents],
            "findings": findings,
            "asks": asks([finding for finding in findings if "accepted" not in finding]),
            "skipped": [skip.to_dict() for skip in self.skipped],
            **({} if self.unused_acceptances is None else {"unused_acceptances": self.unused_acceptances}),
            "summary": {
                "documents": len(self.documents),
                "unreadable": sum(1 for d in self.documents if d.status is Status.UNREADABLE),
                "no_text": sum(1 for d in self.documents if d.status is Status.NO_TEXT),
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
                "accepted": len(self.accepted),
                "verdict": self.verdict,
            },
            "settings": settings.to_dict([check.code for check in all_checks()], self.limits),
        }

    def _finding_dict(self, index: int, finding: Finding) -> dict:
        data = finding.to_dict()
        if index in self.accepted:
            data["accepted"] = self.accepted[index].record()
        return data


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
