"""The facts extracted from one document, each fact with the evidence it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.findings import Evidence

REFERENCE_KINDS = ("cag", "rec", "iras", "dars")


@dataclass(frozen=True, slots=True)
class Fact:
    name: str  # "version", "document_date", "cag_reference", "support_action", ...
    value: Any
    evidence: Evidence
    extractor: str  # which extractor (and pattern) found it
    detail: dict[str, Any] | None = None  # structured extras: {"body": "NHS Digital"}, a period's bounds

    def to_dict(self) -> dict:
        data = {"name": self.name, "value": self.value, "extractor": self.extractor}
        if self.detail:
            data["detail"] = self.detail
        data.update({k: v for k, v in self.evidence.to_dict().items() if k != "document"})
        return data


@dataclass(slots=True)
class DocumentFacts:
    kind: str = "other"
    title: str | None = None
    version: str | None = None
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or YYYY-MM for a month-only date
    references: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in REFERENCE_KINDS})
    identifiers: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    organisations: list[dict[str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def add(self, fact: Fact) -> None:
        self.facts.append(fact)

    def named(self, name: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.name == name]
