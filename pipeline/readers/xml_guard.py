"""Whether an XML part declares a DTD, found in its bytes before any XML parser sees it.

Entities (billion laughs, external entities) can only be declared in a document type declaration,
and that may only stand in the prolog, before the root element. So the prolog is read here by hand,
streaming: the XML declaration, comments, processing instructions and white space are skipped, and
the first markup declaration (`<!DOCTYPE`, or any other `<!...` that is not a comment) is the answer.
The first element start means there is none. The answer never depends on what lxml or libxml2 does
with the part (lxml 6.2 stops an entity expansion itself, which used to change the reason shown).

Word writes UTF-8 (rarely UTF-16) and never a DTD. A part in an encoding that could spell `<!DOCTYPE`
in other bytes (UTF-32, EBCDIC, UTF-7 and the like, by byte-order mark or declaration) is refused
too: no real DOCX holds one, and a parser that supports it would read what this scan cannot.
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

CHUNK = 64 * 1024
FIRST_CHUNK = 1024

# Declared encodings whose bytes spell ASCII markup as ASCII (or that are UTF-16, sniffed by its bytes).
SAFE_ENCODINGS = {
    "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "iso-latin-1",
    "windows-1252", "cp1252", "utf-16", "utf-16le", "utf-16be", "utf16",
}  # fmt: skip
XML_DECLARATION = re.compile(r"<\?xml\s[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")


class UnsafeXml(Exception):
    """The part declares a DTD or entities, or is in an encoding the scan cannot read."""


def check_xml_part(stream: BinaryIO, name: str, what: str = "the DOCX") -> None:
    """Raise UnsafeXml when the part named `name` of `what` ("the DOCX", "the workbook") declares a
    DTD or entities, or hides its markup in an encoding Office never writes. Parts that are not XML
    (images) pass at once."""
    head = stream.read(4)
    encoding = _sniff(head)
    if encoding is None:
        raise UnsafeXml(
            f"{what} part {name} is XML in an encoding Word never writes (UTF-32 or EBCDIC); refused"
        )
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    buffer = decoder.decode(head)
    first = True
    size = FIRST_CHUNK  # a prolog is usually over within it: no need to inflate 64 KB of each part
    while True:
        verdict, buffer = _scan_prolog(buffer, first, name, what)
        first = False
        if verdict is not None:
            if verdict:
                raise UnsafeXml(dtd_message(name, what))
            return
        chunk = stream.read(size)
        size = CHUNK
        if not chunk:
            return
        buffer += decoder.decode(chunk)


def dtd_message(name: str, what: str = "the DOCX") -> str:
    return (
        f"{what} part {name} declares a DTD or entities, which Word never writes "
        "(an entity-expansion or external-entity attack?); refused"
    )


def _sniff(head: bytes) -> str | None:
    """The codec to read the prolog with, from the first four bytes (XML 1.0, appendix F), or None
    for an encoding the scan refuses."""
    if head.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\x00<", b"<\x00\x00\x00")):
        return None  # UTF-32
    if head.startswith(b"\x4c\x6f\xa7\x94"):
        return None  # EBCDIC '<?xm'
    if head.startswith(b"\xfe\xff") or head.startswith(b"\x00<"):
        return "utf-16-be"
    if head.startswith(b"\xff\xfe") or head.startswith(b"<\x00"):
        return "utf-16-le"
    return "utf-8"


def _scan_prolog(text: str, first: bool, name: str, what: str) -> tuple[bool | None, str]:
    """Consume the prolog items whole in `text`. Returns (True: a declaration, False: none, None:
    read more) and the unconsumed rest."""
    position = 0
    if first:
        text = text.lstrip("\ufeff")
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        rest = text[position:]
        if not rest:
            return None, ""
        if rest[0] != "<":
            return False, ""  # not XML (an image, or text): a parser that needs it will say so
        if len(rest) < 10:
            return None, rest  # too short to tell `<!--`, `<?xml ` and `<!DOCTYPE` apart yet
        if rest.startswith("<!--"):
            end = rest.find("-->", 4)
            if end < 0:
                return None, "<!--" + rest[-2:]  # keep the tail: the end may straddle two chunks
            position += end + 3
        elif rest.startswith("<?"):
            end = rest.find("?>", 2)
            if end < 0:
                return None, "<?" + rest[-1:]
            declaration = XML_DECLARATION.match(rest[: end + 2])
            if declaration and declaration.group(1).strip().lower() not in SAFE_ENCODINGS:
                raise UnsafeXml(
                    f"{what} part {name} declares the encoding {declaration.group(1)[:40]!r}, which "
                    "Word never writes; refused"
                )
            position += end + 2
        elif rest.startswith("<!"):
            return True, ""  # <!DOCTYPE, <!ENTITY, or any markup declaration
        else:
            return False, ""  # the root element: the prolog is over


def check_package(data: bytes, limits, what: str, is_format, not_format: str) -> None:
    """The checks every Office package (DOCX, XLSX, ODT) gets before its reader opens it: a zip
    whose declared sizes are not a bomb's (CPython's zipfile never inflates a member past its
    declared size, so they bound what the reader can inflate), `is_format(names)` true of its
    members (else UnreadableDocument(`not_format`)), and no XML part declaring a DTD or entities."""
    import io
    import zipfile

    from pipeline.errors import UnreadableDocument
    from pipeline.readers.zip_guard import ZIP_ERRORS, check_zip_sizes

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_sizes(archive, limits, what)
            names = archive.namelist()
            if not is_format(archive, names):
                raise UnreadableDocument(not_format)
            for name in names:
                with archive.open(name) as stream:
                    check_xml_part(stream, name, what)
    except UnsafeXml as exc:
        raise UnreadableDocument(str(exc)) from None
    except ZIP_ERRORS as exc:
        raise UnreadableDocument(f"{what} is a damaged zip archive ({exc})") from None
