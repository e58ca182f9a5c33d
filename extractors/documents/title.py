"""The document's title: a Title or Heading style in DOCX, else the first substantial line."""

from __future__ import annotations

import re

from extractors.facts import DocumentFacts, Fact
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from pipeline.findings import Evidence
from pipeline.model import Document, Part

TITLE_STYLES = ("Title", "Heading1", "Heading 1")
MAX_TITLE_CHARS = 160


def extract_title(document: Document, facts: DocumentFacts) -> None:
    blocks = [b for b in document.parsed.blocks if b.part is Part.BODY]
    styled = next((b for b in blocks if b.style in TITLE_STYLES), None)
    if styled is not None:
        chosen, title, how = styled, " ".join(styled.text.split()), "style"
    else:
        chosen, title, how = _subject_after_salutation(blocks)
        if chosen is None:
            chosen = next((b for b in blocks if _first_line(b.text)), None)
            if chosen is None:
                return
            title, how = _first_line(chosen.text), "first-line"
    title = title[:MAX_TITLE_CHARS]
    facts.title = title
    facts.add(
        Fact(
            "title",
            title,
            Evidence(
                document.path, quote=title, page=chosen.page, location=chosen.location, address=chosen.address
            ),
            extractor="title:" + how,
        )
    )


SALUTATION = compile_folded(r"^\s*dear\s+\w", re.IGNORECASE)
SUBJECT_PREFIX = re.compile(r"^\s*(?:re|subject|ref)\s*[:\-–]\s*", re.IGNORECASE)
LETTER_OPENING_LINES = 25


def _subject_after_salutation(blocks):
    """A letter's subject line: the first line after 'Dear ...' near the top of the letter."""
    seen = 0
    for block in blocks[:3]:
        lines = [line.strip() for line in block.text.splitlines() if line.strip()]
        for position, line in enumerate(lines):
            seen += 1
            if seen > LETTER_OPENING_LINES:
                return None, "", ""
            if SALUTATION.match(line) and position + 1 < len(lines):
                subject = SUBJECT_PREFIX.sub("", lines[position + 1])
                if len(subject) >= 4:
                    return block, subject, "subject-line"
    return None, "", ""


# Lines of a letterhead or address block, not a title: a UK postcode, a phone number, an e-mail or
# web address, a salutation, or a date standing alone.
NOT_A_TITLE = compile_folded(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b(?:tel|telephone|phone|fax|email|e-mail)\b|@|www\.|https?://|^dear\b",
    re.IGNORECASE,
)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if len(stripped) < 4 or not any(ch.isalpha() for ch in stripped) or NOT_A_TITLE.search(stripped):
            continue
        dates = find_dates(stripped)
        if dates and len(stripped) - sum(len(d.text) for d in dates) < 12:
            continue
        return stripped
    return ""
