"""The documents a CAG or REC letter lists as reviewed: description, kind, version and date.

Letters list them in a table (Document | Version | Date) or as lines under a heading ("The
following documents were reviewed:" then "Protocol, version 3.0, 01/02/2021"). Each row's
description is classified like a document title; rows whose kind cannot be decided are kept with
kind null, so a check can ignore them (S251-007).
"""

from __future__ import annotations

import re

from extractors.documents.kinds import classify_title
from extractors.facts import DocumentFacts, Fact
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from extractors.text.spans import evidence_at
from extractors.text.versions import find_versions
from pipeline.model import Block, Document, Part

LETTER_KINDS = {"cag_approval", "cag_amendment", "cag_annual_review", "rec_approval"}
HEADING = compile_folded(
    r"\b(?:documents?\s+(?:reviewed|considered|submitted|approved)|reviewed\s+documents|approved\s+documents|"
    r"the\s+following\s+documents?|list\s+of\s+documents)\b",
    re.IGNORECASE,
)
# A table's header row as PDF text: "Document Version Date" on one line.
TABLE_HEADER = compile_folded(
    r"^\s*(?:documents?|title|description)\s+(?:version|date)\b.*$", re.IGNORECASE | re.MULTILINE
)
BARE_VERSION = compile_folded(
    r"^\s*(?:v(?:ersion)?\.?\s*)?(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\s*$", re.IGNORECASE
)
LIST_LINES_AFTER_HEADING = 25


def extract_reviewed_documents(document: Document, facts: DocumentFacts) -> None:
    if facts.kind not in LETTER_KINDS:
        return
    document.parsed.ensure_tables(_pages_near_heading(document.parsed.blocks))
    rows = list(_table_rows(document.parsed.blocks))
    if not rows:
        rows = list(_listed_rows(document.parsed.blocks))
    for block, start, end, description, version, date in rows:
        kind = classify_title(description)
        facts.add(
            Fact(
                "reviewed_document",
                description,
                evidence_at(document, block, start, end, quote=" ".join(block.text[start:end].split())),
                extractor="reviewed_documents:" + ("table" if block.part is Part.TABLE else "list"),
                detail={"kind": kind, "version": version, "date": date},
            )
        )


def _table_rows(blocks: list[Block]):
    columns: dict[str, int] | None = None
    table = None
    for block in blocks:
        if block.part is not Part.TABLE or not block.cells:
            continue
        if block.table != table:
            table, columns = block.table, None
        header = _header_columns(block.cells)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        cells = block.cells
        description = cells[columns["document"]] if columns["document"] < len(cells) else ""
        if not description.strip():
            continue
        version = (
            _version_of(cells[columns["version"]])
            if "version" in columns and columns["version"] < len(cells)
            else None
        )
        date = (
            _date_of(cells[columns["date"]]) if "date" in columns and columns["date"] < len(cells) else None
        )
        if version is None and date is None:
            version, date = _version_of(description), _date_of(description)
        yield block, 0, len(block.text), description.strip(), version, date


def _pages_near_heading(blocks: list[Block]) -> list[int]:
    """Pages whose text introduces a list of documents, and the page after (a table may run on)."""
    pages: set[int] = set()
    for block in blocks:
        if (
            block.page is not None
            and block.part is Part.BODY
            and (HEADING.search(block.text) or TABLE_HEADER.search(block.text))
        ):
            pages.update((block.page, block.page + 1))
    return sorted(pages)


def _header_columns(cells: tuple[str, ...]) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        lowered = cell.lower()
        if "document" in lowered or lowered.strip() in ("title", "description", "item"):
            columns.setdefault("document", index)
        elif "version" in lowered:
            columns.setdefault("version", index)
        elif "date" in lowered:
            columns.setdefault("date", index)
    if "document" in columns and ("version" in columns or "date" in columns):
        return columns
    return None


def _listed_rows(blocks: list[Block]):
    """Lines after a 'documents reviewed' heading that carry a version or a date."""
    for block in blocks:
        if block.part is Part.TABLE:
            continue
        heading = HEADING.search(block.text)
        if not heading:
            continue
        position = block.text.find("\n", heading.end())
        lines_seen = 0
        while position != -1 and lines_seen < LIST_LINES_AFTER_HEADING:
            start = position + 1
            end = block.text.find("\n", start)
            end = len(block.text) if end == -1 else end
            line = block.text[start:end]
            position = end if end < len(block.text) else -1
            lines_seen += 1
            if not line.strip():
                continue
            version, date = _version_of(line), _date_of(line)
            if version is None and date is None:
                if lines_seen > 2:
                    break  # the list has ended
                continue
            description = re.split(
                r",|\(|\bv(?:ersion)?\.?\s*\d|\bdated\b", line, maxsplit=1, flags=re.IGNORECASE
            )[0]
            description = description.strip(" -–•*:\t")
            if description:
                yield block, start, end, description, version, date


def _version_of(text: str) -> str | None:
    bare = BARE_VERSION.match(text)
    if bare:
        return bare.group(1)
    versions = find_versions(text)
    return versions[0].value if versions else None


def _date_of(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0].iso if dates else None
