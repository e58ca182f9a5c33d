"""ODT (OpenDocument text): headings, paragraphs and table rows in document order, by odfpy.

The package is checked first as a DOCX is: its declared sizes (a zip bomb) and every XML part for a
DTD or entities (`xml_guard`), before odfpy's parser sees it. Nothing is run or fetched.
"""

from __future__ import annotations

import io

from pipeline.errors import DarsError, UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.text_tools import clean_cell, clean_text
from pipeline.readers.xml_guard import check_package

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def read_odt(data: bytes, limits: Limits) -> ParsedDocument:
    _check_package(data, limits)
    from odf import teletype
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except DarsError:
        raise
    except Exception as exc:  # noqa: BLE001 - odfpy reports damage in many shapes
        raise UnreadableDocument(f"the ODT cannot be parsed ({type(exc).__name__})") from None
    builder = _Builder(teletype)
    builder.walk(document.text)
    return ParsedDocument(format="odt", blocks=builder.blocks)


def _check_package(data: bytes, limits: Limits) -> None:
    check_package(
        data,
        limits,
        "the ODT",
        lambda archive, names: "mimetype" in names and archive.read("mimetype").startswith(ODT_MIMETYPE),
        "the file is named .odt but is not an OpenDocument text (send it as PDF or DOCX)",
    )


class _Builder:
    def __init__(self, teletype) -> None:
        self.teletype = teletype
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, node) -> None:
        for child in node.childNodes:
            name = getattr(child, "qname", (None, None))[1]
            if name in ("p", "h"):
                text = clean_text(self.teletype.extractText(child))
                if text:
                    self.paragraphs += 1
                    self.blocks.append(Block(len(self.blocks), text, Part.BODY, paragraph=self.paragraphs))
            elif name == "table":
                self.tables += 1
                self._table(child, self.tables)
            elif name is not None:
                self.walk(child)

    def _table(self, table, number: int) -> None:
        rows = [
            node for node in _descendants(table) if getattr(node, "qname", (None, None))[1] == "table-row"
        ]
        for row_number, row in enumerate(rows, start=1):
            cells = tuple(
                clean_cell(self.teletype.extractText(cell))
                for cell in row.childNodes
                if getattr(cell, "qname", (None, None))[1] == "table-cell"
            )
            if any(cells):
                text = " | ".join(cells)
                self.blocks.append(
                    Block(len(self.blocks), text, Part.TABLE, table=number, row=row_number, cells=cells)
                )


def _descendants(node):
    for child in node.childNodes:
        yield child
        yield from _descendants(child)
