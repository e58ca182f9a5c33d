"""DOCX: body paragraphs and tables in document order, headers, footers, tracked insertions, content controls.

python-docx's `paragraph.text` drops tracked-change insertions and `doc.paragraphs` cannot see
content controls (`w:sdt`), so the body is walked as XML. Deleted text (`w:del`, `w:moveFrom`),
field codes and the fallback copy of text boxes are left out: a reviewer does not see them.
Versions and dates often live only in footers, so every section's own headers and footers
(default, first page, even pages) are read too. Footnotes, endnotes and comments follow, each a
block cited as Word shows it (`footnote 3`, `comment 2`): notes are numbered in the order the body
refers to them, comments in the order the document holds them.

The package is read straight from its parts with lxml (`docx_package`), not through python-docx's
object model: only the parts walked here are parsed, each once, with its DTD check in that pass.

A DOCM (or a DOTX/DOTM template) is read the same way: its macros (`word/vbaProject.bin`) are
bytes that nothing here runs or even opens.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from lxml import etree

from pipeline.errors import DarsError, UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.docx_package import (
    CORE_PROPERTIES,
    OFFICE_DOCUMENT,
    RAW_XML,
    WordPackage,
    open_package,
)
from pipeline.readers.sniff import describe_content
from pipeline.readers.text_tools import clean_cell, clean_text, no_addresses
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

# The main parts of a Word document: DOCX, DOCM (macros, never run), and the two kinds of template.
WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
CT = "application/vnd.openxmlformats-officedocument."
CORE_PROPERTIES_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
# The parts parsed: those the reader walks (python-docx's XmlPart types among them). python-docx
# also parsed styles, numbering and settings, which nothing here reads (the largest parts of a
# package: 350 KB of styles in Word's default template); they get the DTD scan like every other part.
XML_PART_TYPES = {
    *WORD_MAIN_TYPES,
    CORE_PROPERTIES_TYPE,
    CT + "wordprocessingml.comments+xml",
    CT + "wordprocessingml.footer+xml",
    CT + "wordprocessingml.header+xml",
}

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# (relationship type, element of one note, reference to it in the body, what Word calls it)
NOTE_PARTS = (
    (RT + "footnotes", W + "footnote", W + "footnoteReference", "footnote"),
    (RT + "endnotes", W + "endnote", W + "endnoteReference", "endnote"),
    (RT + "comments", W + "comment", W + "commentReference", "comment"),
)
W_ID, W_TYPE = W + "id", W + "type"
IMAGE_REL = RT + "image"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
SECT_PR = W + "sectPr"

# (reference element, its w:type, block part), in python-docx's order of a section's slots.
HEADER_FOOTER_SLOTS = (
    (W + "headerReference", "default", Part.HEADER),
    (W + "headerReference", "first", Part.HEADER),
    (W + "headerReference", "even", Part.HEADER),
    (W + "footerReference", "default", Part.FOOTER),
    (W + "footerReference", "first", Part.FOOTER),
    (W + "footerReference", "even", Part.FOOTER),
)


def read_docx(data: bytes, limits: Limits) -> ParsedDocument:
    document = _open(data, limits)
    builder = _BlockBuilder()
    headers, footers = _headers_and_footers(document)
    for part, section, element in headers:
        builder.walk(element, part=part, section=section)
    builder.walk(document.body, part=Part.BODY)
    for part, section, element in footers:
        builder.walk(element, part=part, section=section)
    for label, element in _notes(document):
        builder.note(element, label)
    metadata = {}
    title = _title(document)
    if title:
        metadata["title"] = clean_cell(title)
    return ParsedDocument(format="docx", blocks=builder.blocks, metadata=metadata)


class _Document:
    """The main part's tree and every parsed part's (XML_PART_TYPES), by part name."""

    def __init__(
        self, package: WordPackage, main: str, trees: dict[str, etree._Element], notes: dict[str, bytes]
    ) -> None:
        self.package = package
        self.main = main
        self.trees = trees
        self.notes = notes
        self.element = trees[main]
        self.body = self.element.find(W + "body")


def _open(data: bytes, limits: Limits) -> _Document:
    what = describe_content(data)
    if what != "a zip archive":
        raise UnreadableDocument(f"the file is named .docx but is {what}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                check_zip_sizes(archive, limits, "the DOCX")
                names = archive.namelist()
            except ZIP_ERRORS as exc:
                raise UnreadableDocument(f"the DOCX is a damaged zip archive ({exc})") from None
            if "[Content_Types].xml" not in names:
                raise UnreadableDocument(
                    "the file is a zip archive but not a Word document (no [Content_Types].xml)"
                )
            return _open_parts(archive, names)
    except UnsafeXml as exc:
        raise UnreadableDocument(str(exc)) from None
    except DarsError:
        raise
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


def _open_parts(archive: zipfile.ZipFile, names: list[str]) -> _Document:
    """The package's relationships walked, every part that is not parsed scanned for a DTD, the
    main part checked to be a Word document, then the parts the reader walks parsed once each."""
    package = open_package(archive, names)
    to_parse = _xml_parts(package)
    read = {"/[Content_Types].xml", *(_rels_name(source) for source in package.rels)}
    try:
        for name in names:
            if "/" + name not in to_parse and "/" + name not in read:
                with archive.open(name) as stream:
                    check_xml_part(stream, name, "the DOCX")
    except ZIP_ERRORS as exc:
        raise UnreadableDocument(f"the DOCX is a damaged zip archive ({exc})") from None
    main = _main_part(package)
    content_type = package.content_type(main)
    if content_type not in WORD_MAIN_TYPES:
        raise UnreadableDocument(
            f"the file is a zip package but not a Word document (its main part is {content_type}): "
            "send it as PDF or DOCX"
        )
    trees = {name: package.parse(name) for name in to_parse}
    notes = {}  # footnotes and endnotes: python-docx kept their bytes unparsed, parsed when read
    for reltype, _tag, _reference, _word in NOTE_PARTS:
        name = package.related(main, reltype)
        if name is not None and name not in trees:
            notes[name] = package.blob(name)
    return _Document(package, main, trees, notes)


def _rels_name(source: str) -> str:
    folder, name = source.rsplit("/", 1)
    return f"{folder}/_rels/{name}.rels"


def _xml_parts(package: WordPackage) -> dict[str, str]:
    """Part name -> content type of every part to parse: one of XML_PART_TYPES, unless the
    relationship that first reaches it is an image's (python-docx's rule)."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for rels in package.rels.values():
        for rel in rels:
            if rel.external or rel.target in seen:
                continue
            seen.add(rel.target)
            content_type = package.content_type(rel.target)
            if rel.reltype != IMAGE_REL and content_type in XML_PART_TYPES:
                found[rel.target] = content_type
    return found


def _main_part(package: WordPackage) -> str:
    """The package's officeDocument part, with python-docx's errors for none and for several."""
    rels = [rel for rel in package.rels.get("/", []) if rel.reltype == OFFICE_DOCUMENT]
    if not rels:
        raise KeyError(f"no relationship of type '{OFFICE_DOCUMENT}' in collection")
    if len(rels) > 1:
        raise ValueError(f"multiple relationships of type '{OFFICE_DOCUMENT}' in collection")
    if rels[0].external:
        raise ValueError("target_part property on _Relationship is undefined when target mode is External")
    return rels[0].target


def _no_addresses(exc: Exception) -> str:
    """An error's text without the memory addresses some libraries print (`<... object at 0x7f...>`),
    so a reason is the same on every run."""
    return no_addresses(str(exc))


def _title(document: _Document) -> str:
    """The core properties' title (dc:title), as python-docx's `core_properties.title` gives it."""
    rels = [rel for rel in document.package.rels.get("/", []) if rel.reltype == CORE_PROPERTIES]
    if len(rels) != 1 or rels[0].external:
        return ""
    tree = document.trees.get(rels[0].target)
    if tree is None or document.package.content_type(rels[0].target) != CORE_PROPERTIES_TYPE:
        return ""
    element = tree.find(DC_TITLE)
    return element.text or "" if element is not None else ""


def _notes(document: _Document):
    """(location, element) for each footnote, endnote and comment, in that order."""
    body = document.body
    for reltype, tag, reference, word in NOTE_PARTS:
        name = document.package.related(document.main, reltype)
        if name is None:
            continue
        if name in document.trees:
            root = document.trees[name]  # comments, parsed with the package as python-docx did
        else:
            try:
                root = etree.fromstring(document.notes[name], RAW_XML)
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


def _sections(document: _Document) -> list:
    """The w:sectPr of each section, in order: those in body paragraphs' properties, then the body's."""
    return document.element.xpath(
        "./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": W[1:-1]}
    )


def _headers_and_footers(document: _Document) -> tuple[list, list]:
    headers, footers, seen = [], [], set()
    for number, section in enumerate(_sections(document), start=1):
        for reference_tag, kind, part in HEADER_FOOTER_SLOTS:
            reference = next(
                (ref for ref in section.iterchildren(reference_tag) if ref.get(W_TYPE) == kind), None
            )
            if reference is None:
                continue  # linked to the previous section's
            try:
                element = document.trees[document.package.target(document.main, reference.get(R_ID))]
            except KeyError:  # a broken header is not a broken document
                continue
            key = (part, etree.tostring(element, encoding="unicode", pretty_print=True))
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
