"""The document's title: a Title or Heading style in DOCX, else the first substantial line."""

from __future__ import annotations

from extractors.facts import DocumentFacts, Fact
from pipeline.findings import Evidence
from pipeline.model import Document, Part

TITLE_STYLES = ("Title", "Heading1", "Heading 1")
MAX_TITLE_CHARS = 160


def extract_title(document: Document, facts: DocumentFacts) -> None:
    blocks = [b for b in document.parsed.blocks if b.part is Part.BODY]
    styled = next((b for b in blocks if b.style in TITLE_STYLES), None)
    chosen = styled or next((b for b in blocks if _first_line(b.text)), None)
    if chosen is None:
        return
    title = _first_line(chosen.text) if styled is None else " ".join(chosen.text.split())
    title = title[:MAX_TITLE_CHARS]
    facts.title = title
    facts.add(
        Fact(
            "title",
            title,
            Evidence(
                document.path, quote=title, page=chosen.page, location=chosen.location, address=chosen.address
            ),
            extractor="title:" + ("style" if styled else "first-line"),
        )
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if len(stripped) >= 4 and any(ch.isalpha() for ch in stripped):
            return stripped
    return ""
