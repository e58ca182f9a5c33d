"""Documents made by hand for extractor tests: text in, a Document out."""

from __future__ import annotations

from extractors import extract
from extractors.facts import DocumentFacts
from pipeline.model import Block, Document, ParsedDocument, Part, Status


def pdf_document(pages: list[str], path: str = "document.pdf") -> Document:
    blocks = [Block(index=i, text=text, page=i + 1) for i, text in enumerate(pages)]
    return Document(path, 1000, "sha", Status.OK, parsed=ParsedDocument("pdf", blocks, pages=len(pages)))


def docx_document(
    paragraphs: list[str],
    footer: str | None = None,
    header: str | None = None,
    path: str = "document.docx",
    title_style: bool = False,
) -> Document:
    blocks: list[Block] = []
    if header:
        blocks.append(Block(index=0, text=header, part=Part.HEADER, section=1))
    for number, text in enumerate(paragraphs, start=1):
        style = "Title" if title_style and number == 1 else None
        blocks.append(Block(index=len(blocks), text=text, paragraph=number, style=style))
    if footer:
        blocks.append(Block(index=len(blocks), text=footer, part=Part.FOOTER, section=1))
    return Document(path, 1000, "sha", Status.OK, parsed=ParsedDocument("docx", blocks))


def facts_of(document: Document) -> DocumentFacts:
    document.facts = extract(document)
    return document.facts
