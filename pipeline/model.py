"""The document model: what every reader produces and every later stage points into.

A document is a list of blocks in reading order. Each block has a stable address (`#/blocks/N`) and
knows where it sits in the original file: a PDF page, or a DOCX paragraph, table row, header or
footer. Facts and findings cite blocks rather than copying positions around, so a quote can always
be traced back to the page or paragraph a reviewer should open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Part(StrEnum):
    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    NOTE = "note"  # a DOCX footnote, endnote or comment
    FIELD = "field"  # a PDF form field's value
    COMMENT = "comment"  # a PDF comment or annotation (sticky note, text box)


@dataclass(frozen=True, slots=True)
class Block:
    """One addressable piece of text: a PDF page, a paragraph, a table row, a header or a footer, a
    PDF form field's value or a PDF comment."""

    index: int
    text: str
    part: Part = Part.BODY
    page: int | None = None  # 1-based PDF page
    paragraph: int | None = None  # 1-based body paragraph (DOCX) or text paragraph (TXT/MD)
    table: int | None = None  # 1-based table number in the document
    row: int | None = None  # 1-based row within that table
    section: int | None = None  # 1-based DOCX section, for headers and footers
    line: int | None = None  # 1-based first line (TXT/MD)
    cells: tuple[str, ...] | None = None  # the row's cells, for table rows
    style: str | None = None  # DOCX paragraph style id ("Title", "Heading1"), a hint of structure
    note: str | None = None  # a DOCX note, as Word shows it: "footnote 3", "endnote 1", "comment 2"
    sheet: str | None = None  # a spreadsheet's sheet (XLSX) or the CSV's name, for its table rows
    label: str | None = None  # where else the block sits, in words ("header", "subject"): e-mail, HTML
    field: str | None = None  # the PDF form field's name, for form-field values
    ocr: bool = False  # the text was read from an image by OCR
    confidence: float | None = None  # the OCR engine's mean confidence (0-1), for OCR text

    @property
    def address(self) -> str:
        return f"#/blocks/{self.index}"

    @property
    def location(self) -> str:
        """Where a reviewer finds this block, in words."""
        where: list[str] = []
        if self.page is not None:
            where.append(f"page {self.page}" + (" (OCR)" if self.ocr else ""))
        if self.note is not None:
            where.append(self.note)
        elif self.sheet is not None:
            where.append(f"sheet {self.sheet}, row {self.row}")
        elif self.label is not None:
            where.append(self.label)
        elif self.part is Part.FIELD:
            where.append(f'field "{self.field}"')
        elif self.part is Part.COMMENT:
            where.append("comment")
        elif self.part is Part.TABLE and self.table is not None:
            where.append(f"table {self.table}, row {self.row}")
        elif self.part in (Part.HEADER, Part.FOOTER):
            where.append(f"{self.part.value}" + (f" (section {self.section})" if self.section else ""))
        elif self.paragraph is not None:
            where.append(f"paragraph {self.paragraph}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return ", ".join(where) or "document"


@dataclass(slots=True)
class ParsedDocument:
    """A readable document: its blocks in reading order and what the reader noticed.

    PDF table rows are costly to get (pdfplumber, ~0.5 s a page), and only some extractors need a
    table's structure; its words are already in the page text. So a PDF reader may leave them to
    `table_loader`, which `ensure_tables()` runs once, appending the rows after the page blocks.
    """

    format: str  # pdf, docx, txt, md
    blocks: list[Block]
    pages: int | None = None  # PDF only; DOCX has no fixed pages
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. "decoded as cp1252"
    # Pages that draw a ruled table, and a loader that returns their rows as blocks (PDF only).
    table_pages: tuple[int, ...] = ()
    table_loader: Callable[[list[int], int, int], list[Block]] | None = field(default=None, repr=False)
    loaded_table_pages: set[int] = field(default_factory=set, repr=False)
    tables_loaded: int = 0

    def ensure_tables(self, pages: Iterable[int] | None = None) -> None:
        """Add the rows of the deferred tables on `pages` (all of them by default), once each.

        New blocks are numbered after the existing ones, so earlier addresses never move.
        """
        if self.table_loader is None:
            return
        wanted = [
            p
            for p in (self.table_pages if pages is None else pages)
            if p in self.table_pages and p not in self.loaded_table_pages
        ]
        if not wanted:
            return
        self.loaded_table_pages.update(wanted)
        rows = self.table_loader(sorted(wanted), len(self.blocks), self.tables_loaded)
        self.tables_loaded = max([self.tables_loaded, *(b.table or 0 for b in rows)])
        self.blocks.extend(rows)

    @property
    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    @property
    def text_length(self) -> int:
        return sum(len(block.text.strip()) for block in self.blocks)


class Status(StrEnum):
    OK = "ok"
    NO_TEXT = "no_text"  # DOC-002
    UNREADABLE = "unreadable"  # DOC-001
    WITHHELD = "withheld"  # DOC-009: a participant cohort file, not read on purpose


@dataclass(slots=True)
class Document:
    """A file of the bundle, readable or not. `parsed` is None when the file could not be read."""

    path: str  # relative to the bundle, '/' separators
    size: int
    sha256: str | None
    status: Status
    reason: str | None = None  # why it is unreadable, in words
    parsed: ParsedDocument | None = None
    facts: object | None = None  # extractors.DocumentFacts, attached by the extract stage
    notes: list[str] = field(default_factory=list)  # from the bundle (a zip's copies of one name)

    @property
    def pages(self) -> int | None:
        return self.parsed.pages if self.parsed else None

    def block(self, index: int) -> Block:
        assert self.parsed is not None
        return self.parsed.blocks[index]
