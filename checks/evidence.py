"""Evidence helpers shared by checks: a request field, a fact, or the list of what was searched."""

from __future__ import annotations

from collections.abc import Iterable

from checks.context import CheckContext
from pipeline.findings import Evidence
from pipeline.model import Document


def request_evidence(ctx: CheckContext, path: str) -> Evidence:
    """The line of the data request that holds the field `path` (e.g. `organisations[0].dsfc`)."""
    loaded = ctx.request
    line, words = loaded.locate(path)
    return Evidence(loaded.file, quote=words or path, location=f"line {line}, {path}" if line else path)


def fact_evidence(facts: Iterable) -> list[Evidence]:
    """The evidence of each fact, without repeating the same quote from the same place."""
    seen: set[tuple[str, str | None, str]] = set()
    evidence: list[Evidence] = []
    for fact in facts:
        key = (fact.evidence.document, fact.evidence.location, fact.evidence.quote)
        if key not in seen:
            seen.add(key)
            evidence.append(fact.evidence)
    return evidence


def searched(documents: Iterable[Document]) -> tuple[str, ...]:
    """The paths of the documents that were read for something that turned out to be absent."""
    return tuple(document.path for document in documents)


def describe(documents: Iterable[Document]) -> str:
    """'a.pdf (consent_form), b.docx (protocol)': what a reviewer needs to see what was searched."""
    return ", ".join(f"{d.path} ({d.facts.kind})" for d in documents) or "no readable documents"


def document_subject(document: Document) -> str:
    """A document for a fingerprint, never by its path: by its own kind, version and date (or title),
    which a renamed or re-typeset copy keeps; else, when it says nothing of itself, by its content."""
    facts = document.facts
    if facts is not None and (facts.kind != "other" or facts.title):
        parts = (facts.kind, facts.version and f"version {facts.version}", facts.date, facts.title)
        return " ".join(part for part in parts if part)
    return f"sha256 {document.sha256 or document.size}"
