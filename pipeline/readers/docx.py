"""DOCX: body paragraphs and tables in document order, headers, footers, tracked insertions, content controls.

python-docx's `paragraph.text` drops tracked-change insertions and `doc.paragraphs` cannot see
content controls (`w:sdt`), so the body is walked as XML. Deleted text (`w:del`, `w:moveFrom`),
field codes and the fallback copy of text boxes are left out: a reviewer does not see them.
Versions and dates often live only in footers, so every section's own headers and footers
(default, first page, even pages) are read too.
"""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from pipeline.errors import DarsError, UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.sniff import describe_content
from pipeline.readers.text_tools import clean_cell, clean_text
from pipeline.readers.xml_guard import UnsafeXml, check_xml_part
from pipeline.readers.zip_guard import ZIP_ERRORS, check_zip_sizes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (
    W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
T, TAB, BR, CR, NO_BREAK_HYPHEN = (W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen"))
P_PR, P_STYLE, VAL = W + "pPr", W + "pStyle", W + "val"
# Subtrees whose text a reader of the document does not see.
HIDDEN = {W + "del", W + "moveFrom", W + "instrText", W + "delText", MC + "Fallback", P_PR, W + "rPr"}
# Containers whose children are body-level content (content controls, custom XML).
WRAPPERS = {SDT_CONTENT, CUSTOM_XML}

HEADER_FOOTER_SLOTS = (
    ("header", Part.HEADER),
    ("first_page_header", Part.HEADER),
    ("even_page_header", Part.HEADER),
    ("footer", Part.FOOTER),
    ("first_page_footer", Part.FOOTER),
    ("even_page_footer", Part.FOOTER),
)


def read_docx(data: bytes, limits: Limits) -> ParsedDocument:
    document = _open(data, limits)
    builder = _BlockBuilder()
    headers, footers = _headers_and_footers(document)
    for part, section, element in headers:
        builder.walk(element, part=part, section=section)
    builder.walk(document.element.body, part=Part.BODY)
    for part, section, element in footers:
        builder.walk(element, part=part, section=section)
    metadata = {}
    try:
        props = document.core_properties
        if props.title:
            metadata["title"] = clean_cell(props.title)
    except Exception:  # noqa: BLE001 - core properties are optional and often malformed
        pass
    return ParsedDocument(format="docx", blocks=builder.blocks, metadata=metadata)


def _open(data: bytes, limits: Limits):
    what = describe_content(data)
    if what != "a zip archive":
        raise UnreadableDocument(f"the file is named .docx but is {what}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # CPython's zipfile never inflates a member past its declared size, so checking the
            # declared sizes bounds what python-docx can inflate below.
            check_zip_sizes(archive, limits, "the DOCX")
            names = archive.namelist()
            if "[Content_Types].xml" not in names:
                raise UnreadableDocument(
                    "the file is a zip archive but not a Word document (no [Content_Types].xml)"
                )
            for name in names:
                with archive.open(name) as stream:
                    check_xml_part(stream, name)
    except UnsafeXml as exc:
        raise UnreadableDocument(str(exc)) from None
    except ZIP_ERRORS as exc:
        raise UnreadableDocument(f"the DOCX is a damaged zip archive ({exc})") from None
    try:
        return docx.Document(io.BytesIO(data))
    except DarsError:
        raise
    except PackageNotFoundError:
        raise UnreadableDocument("the file is not a Word document package") from None
    except KeyError as exc:
        raise UnreadableDocument(f"the DOCX is missing a part it refers to ({exc})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UnreadableDocument(f"the DOCX is a damaged zip archive ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocument(f"the DOCX holds damaged XML ({exc})") from None
    except ValueError as exc:
        raise UnreadableDocument(f"the file is not a Word document ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml and zip errors surface in many shapes
        raise UnreadableDocument(f"the DOCX cannot be parsed ({type(exc).__name__}: {exc})") from None


def _headers_and_footers(document) -> tuple[list, list]:
    headers, footers, seen = [], [], set()
    for number, section in enumerate(document.sections, start=1):
        for slot, part in HEADER_FOOTER_SLOTS:
            try:
                story = getattr(section, slot)
                if story.is_linked_to_previous:
                    continue
                element = story._element  # the w:hdr / w:ftr root
            except Exception:  # noqa: BLE001 - a broken header is not a broken document
                continue
            key = (part, str(element.xml))
            if key in seen:
                continue
            seen.add(key)
            (headers if part is Part.HEADER else footers).append((part, number, element))
    return headers, footers


class _BlockBuilder:
    """Turns WordprocessingML into blocks, numbering body paragraphs and tables as Word orders them."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, container, part: Part, section: int | None = None) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self._paragraph(child, part, section)
            elif tag == TBL:
                self._table(child, part, section)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.walk(content, part, section)
            elif tag in WRAPPERS:
                self.walk(child, part, section)

    def _paragraph(self, element, part: Part, section: int | None) -> None:
        if part is Part.BODY:
            self.paragraphs += 1
        text = clean_text(paragraph_text(element))
        if not text:
            return
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                part=part,
                paragraph=self.paragraphs if part is Part.BODY else None,
                section=section,
                style=_style_of(element),
            )
        )

    def _table(self, element, part: Part, section: int | None) -> None:
        self.tables += 1
        table_number = self.tables
        for row_number, row in enumerate(_children(element, TR), start=1):
            cells = tuple(clean_cell(paragraph_text(cell)) for cell in _children(row, TC))
            if not any(cells):
                continue
            self.blocks.append(
                Block(
                    index=len(self.blocks),
                    text=" | ".join(cells),
                    part=Part.TABLE if part is Part.BODY else part,
                    table=table_number,
                    row=row_number,
                    section=section,
                    cells=cells,
                )
            )


def paragraph_text(element) -> str:
    """The visible text under an element: runs, tracked insertions, hyperlinks, fields' results."""
    out: list[str] = []
    _collect(element, out)
    return "".join(out)


def _collect(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in HIDDEN:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append("\t")
        elif tag in (BR, CR):
            out.append("\n")
        elif tag == NO_BREAK_HYPHEN:
            out.append("-")
        elif tag in (P, TR):
            if out and not out[-1].endswith((" ", "\n")):
                out.append(" ")
            _collect(child, out)
        else:
            _collect(child, out)


def _children(element, tag: str):
    """The children of `element` with `tag` (a table's rows, a row's cells), with those a content
    control wraps."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from (inner for inner in content if inner.tag == tag)


def _style_of(paragraph) -> str | None:
    properties = paragraph.find(P_PR)
    if properties is None:
        return None
    style = properties.find(P_STYLE)
    return style.get(VAL) if style is not None else None
