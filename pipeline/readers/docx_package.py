"""A Word package read straight from its parts with lxml: the parts the DOCX reader walks, and no more.

python-docx's `Document()` builds an object for every part and element of the package (about
10 ms a file) where the reader only walks `word/document.xml`, its headers, footers, notes and
comments as XML. So the package is opened here the way python-docx opens it (the relationships
from `_rels/.rels` to the main part and on, part names resolved as `PackURI` resolves them, content
types from `[Content_Types].xml`), with the same errors for a part that is missing or has no
content type, and only the parts the reader needs are parsed.

Safety is python-docx's parser with entities never resolved, no network and no DTD loaded, and one
pass per part: a part the reader parses is refused when its parsed tree has a document type
declaration (or when it cannot be parsed and the prolog scan of `xml_guard` finds one); every
other part is refused by that prolog scan, before anything is parsed. Its first bytes are always
checked for an encoding Word never writes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from pipeline.readers.xml_guard import UnsafeXml, check_xml_part, dtd_message

# python-docx's own parser (`docx.oxml.parser.oxml_parser`), with network and DTDs shut out too.
WORD_XML = etree.XMLParser(
    remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
# The parser the reader used for notes' raw bytes (python-docx keeps them as bytes, unparsed).
RAW_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = RT + "officeDocument"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
EXTERNAL = "External"
READ_CHUNK = 64 * 1024
# How much of a part's start is checked for a foreign encoding before it is parsed.
HEAD_BYTES = 1024


@dataclass(slots=True)
class Relationship:
    rid: str
    reltype: str
    target: str  # the part name (`/word/header1.xml`), or the external address
    external: bool


@dataclass(slots=True)
class WordPackage:
    """The opened package: its content types, every internal part's relationships in file order."""

    archive: zipfile.ZipFile
    names: set[str]
    overrides: dict[str, str] = field(default_factory=dict)  # lower-cased part name -> content type
    defaults: dict[str, str] = field(default_factory=dict)  # lower-cased extension -> content type
    rels: dict[str, list[Relationship]] = field(default_factory=dict)  # source part name ("/" the package)
    what: str = "the DOCX"

    def content_type(self, partname: str) -> str:
        """As python-docx's `_ContentTypeMap`: an override for the part, else its extension's default."""
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        extension = posixpath.splitext(partname)[1][1:].lower()
        if extension in self.defaults:
            return self.defaults[extension]
        raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")

    def related(self, source: str, reltype: str) -> str | None:
        """The part name of the first internal relationship of `reltype` from `source`."""
        return next(
            (rel.target for rel in self.rels.get(source, []) if rel.reltype == reltype and not rel.external),
            None,
        )

    def target(self, source: str, rid: str) -> str:
        """The part an internal relationship `rid` of `source` points to (KeyError if none)."""
        for rel in self.rels.get(source, []):
            if rel.rid == rid and not rel.external:
                return rel.target
        raise KeyError(rid)

    def blob(self, partname: str) -> bytes:
        return read_member(self.archive, partname[1:])

    def parse(self, partname: str, parser: etree.XMLParser = WORD_XML) -> etree._Element:
        """The part's root element, refused when it declares a DTD (one pass: the parse itself)."""
        return parse_part(self.blob(partname), partname[1:], parser, self.what)


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, read in chunks: zipfile's `read()` asks zlib for up to 2 GB in one call and
    only then cuts to the declared size, so a member lying about its size would inflate whole."""
    chunks = []
    with archive.open(name) as stream:
        while chunk := stream.read(READ_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def parse_part(data: bytes, name: str, parser: etree.XMLParser, what: str = "the DOCX") -> etree._Element:
    """Parse one XML part safely. UnsafeXml for a DTD or a foreign encoding; XMLSyntaxError for
    XML that is damaged and declares nothing."""
    check_xml_part(io.BytesIO(data[:HEAD_BYTES]), name, what)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        check_xml_part(io.BytesIO(data), name, what)  # a declaration libxml2 stopped on first?
        raise
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnsafeXml(dtd_message(name, what))
    return root


def open_package(archive: zipfile.ZipFile, names: list[str], what: str = "the DOCX") -> WordPackage:
    """Content types and the relationship graph from the package's root, walked as python-docx walks
    it: every internal part reached must exist (zipfile's KeyError) and have a content type."""
    package = WordPackage(archive, set(names), what=what)
    types = package.parse("/[Content_Types].xml")
    for element in types:
        if element.tag == TYPES_NS + "Override":
            package.overrides[(element.get("PartName") or "").lower()] = element.get("ContentType")
        elif element.tag == TYPES_NS + "Default":
            package.defaults[(element.get("Extension") or "").lower()] = element.get("ContentType")
    package.rels["/"] = _relationships(package, "/")
    _walk(package, "/", [])
    return package


def _walk(package: WordPackage, source: str, visited: list[str]) -> None:
    """Depth first from `source`, as python-docx's `_walk_phys_parts`: each part's relationships
    read, then the part itself (it must exist), its content type looked up, then its own parts."""
    for rel in package.rels[source]:
        if rel.external or rel.target in visited:
            continue
        visited.append(rel.target)
        package.rels[rel.target] = _relationships(package, rel.target)
        if rel.target[1:] not in package.names:
            package.archive.getinfo(rel.target[1:])  # zipfile's own KeyError, as python-docx gives it
        package.content_type(rel.target)
        _walk(package, rel.target, visited)


def _relationships(package: WordPackage, source: str) -> list[Relationship]:
    """The relationships of `source` from its `.rels` part, none when it has no such part."""
    base = posixpath.split(source)[0]
    rels_name = posixpath.join(base, "_rels", posixpath.split(source)[1] + ".rels")
    if rels_name[1:] not in package.names:
        return []
    root = package.parse(rels_name)
    found = []
    for element in root:
        if element.tag != RELS_NS + "Relationship":
            continue
        external = element.get("TargetMode", "Internal") == EXTERNAL
        target = element.get("Target") or ""
        if not external:
            target = posixpath.abspath(posixpath.join(base, target))
        found.append(Relationship(element.get("Id") or "", element.get("Type") or "", target, external))
    return found
