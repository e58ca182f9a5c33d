"""DOCX: body paragraphs and tables in document order, headers, footers, tracked insertions, content controls.

python-docx's `paragraph.text` drops tracked-change insertions and `doc.paragraphs` cannot see
content controls (`w:sdt`), so the body is walked as XML. Deleted text (`w:del`, `w:moveFrom`),
field codes and the fallback copy of text boxes are left out: a reviewer does not see them.
Versions and dates often live only in footers, so every section's own headers and footers
(default, first page, even pages) are read too. Footnotes, endnotes and comments follow, each a
block cited as Word shows it (`footnote 3`, `comment 2`): notes are numbered in the order the body
refers to them, comments in the order the document holds them.

A DOCM (or a DOTX/DOTM template) is read the same way: its macros (`word/vbaProject.bin`) are
bytes that nothing here runs or even opens.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from pipeline.errors import DarsError, UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.sniff import describe_content
from pipeline.readers.text_tools import clean_cell, clean_text, no_addresses
from pipeline.readers.xml_guard import check_package

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

# The main parts of a Word document: DOCX, DOCM (macros, never run), and the two kinds of template.
WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
for _content_type in WORD_MAIN_TYPES:
    PartFactory.part_type_for.setdefault(_content_type, DocumentPart)

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# (relationship type, element of one note, reference to it in the body, what Word calls it)
NOTE_PARTS = (
    (RT + "footnotes", W + "footnote", W + "footnoteReference", "footnote"),
    (RT + "endnotes", W + "endnote", W + "endnoteReference", "endnote"),
    (RT + "comments", W + "comment", W + "commentReference", "comment"),
)
W_ID, W_TYPE = W + "id", W + "type"
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

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
    for label, element in _notes(document):
        builder.note(element, label)
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
    check_package(
        data,
        limits,
        "the DOCX",
        lambda archive, names: "[Content_Types].xml" in names,
        "the file is a zip archive but not a Word document (no [Content_Types].xml)",
    )
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type not in WORD_MAIN_TYPES or not isinstance(part, DocumentPart):
            raise UnreadableDocument(
                f"the file is a zip package but not a Word document (its main part is {part.content_type}): "
                "send it as PDF or DOCX"
            )
        return part.document
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
        raise UnreadableDocument(f"the file is not a Word document ({_no_addresses(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - lxml and zip errors surface in many shapes
        raise UnreadableDocument(
            f"the DOCX cannot be parsed ({type(exc).__name__}: {_no_addresses(exc)})"
        ) from None


def _no_addresses(exc: Exception) -> str:
    """An error's text without the memory addresses some libraries print (`<... object at 0x7f...>`),
    so a reason is the same on every run."""
    return no_addresses(str(exc))


def _notes(document):
    """(location, element) for each footnote, endnote and comment, in that order."""
    body = document.element.body
    rels = document.part.rels
    for reltype, tag, reference, word in NOTE_PARTS:
        part = next(
            (rel.target_part for rel in rels.values() if rel.reltype == reltype and not rel.is_external), None
        )
        if part is None:
            continue
        try:
            root = etree.fromstring(part.blob, SAFE_XML)
        except etree.XMLSyntaxError as exc:
            raise UnreadableDocument(f"the DOCX holds damaged XML in its {word}s ({exc})") from None
        notes = [
            element
            for element in root.iter(tag)
            if element.get(W_TYPE) in (None, "normal")  # not the separator lines Word keeps there
        ]
        if word != "comment":
            order = {ref.get(W_ID): n for n, ref in enumerate(body.iter(reference))}
            notes.sort(key=lambda element: order.get(element.get(W_ID), len(order)))
        for number, element in enumerate(notes, start=1):
            yield f"{word} {number}", element


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

    def note(self, element, label: str) -> None:
        """A footnote, endnote or comment: its paragraphs (and any table's rows) as one block."""
        text = clean_text("\n".join(paragraph_text(p) for p in element.iter(P) if p.getparent().tag != TC))
        rows = [
            " | ".join(clean_cell(paragraph_text(cell)) for cell in _children(row, TC))
            for row in element.iter(TR)
        ]
        text = "\n".join(t for t in (text, *rows) if t.strip(" |"))
        if text:
            self.blocks.append(Block(index=len(self.blocks), text=text, part=Part.NOTE, note=label))

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
