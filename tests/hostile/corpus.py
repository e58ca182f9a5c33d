"""The hostile corpus: every broken, hostile or odd input issue 6 lists, built by code in a folder.

Nothing here is committed as a binary: each file is made from a few lines (reportlab, python-docx,
a zip written by hand), so what a test feeds the tool is visible in the test's own source. Each
file is listed with what the report must say of it: its status, and a piece of the reason.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.builders import VALID_REQUEST, blank_pdf_bytes, docx_bytes, msg_bytes, pdf_bytes, rewrite_zip
from tests.ole_writer import compound_file

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs" / "bundles"
GOOD_LETTER = SAMPLES / "s251-baseline" / "cag" / "23-CAG-0088 outcome letter.pdf"
GOOD_LETTER_CAG = "23/CAG/0088"
NHS_NUMBER = "943 476 5919"  # passes the check digit: must never be printed whole
NHS_DIGITS = NHS_NUMBER.replace(" ", "")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
MB = 1024 * 1024


@dataclass(frozen=True)
class Expect:
    """What the report must say of one file: its status and a piece of its reason (or a note)."""

    status: str  # ok, no_text, unreadable
    # A substring of the reason (unreadable) or of a note (ok); a tuple when either of two limits may
    # be met first, depending on the machine's speed.
    reason: str | tuple[str, ...] | None = None
    pages: int | None = None

    def found_in(self, text: str) -> bool:
        reasons = self.reason if isinstance(self.reason, tuple) else (self.reason,)
        return any(reason in text for reason in reasons)


# --- PDFs -----------------------------------------------------------------------------------------


def encrypted_pdf() -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, encrypt="secret", invariant=1)
    drawing.drawString(72, 720, "Confidential outcome letter")
    drawing.save()
    return buffer.getvalue()


def repeated_deflate(unit: bytes, total: int) -> bytes:
    """A zlib stream of `unit` repeated to `total` bytes, made without compressing `total` bytes:
    one megabyte is compressed and fully flushed (no reference crosses the flush), and that block
    is repeated. The checksum of the whole is computed from the megabyte's."""
    chunk = unit * (MB // len(unit))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = total // len(chunk)
    checksum = 1
    for _ in range(count):  # adler32 of the whole, a megabyte at a time (cheap: no inflation)
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + block * count + b"\x03\x00" + struct.pack(">I", checksum)


def stream_bomb_pdf(unit: bytes, total: int) -> bytes:
    """A one-page PDF whose content stream is `unit` repeated to `total` bytes, flated twice, so a
    few kilobytes inflate to `total`: a Flate bomb."""
    stream = zlib.compress(repeated_deflate(unit, total), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zeros_bomb_pdf() -> bytes:
    """About 12 KB that inflate to 4 GiB of zeros: PDFium would hold them all in memory."""
    return stream_bomb_pdf(bytes(4096), 4096 * MB)


def text_operator_bomb_pdf() -> bytes:
    """About 2 KB whose content stream inflates to 256 MiB of text operators: PDFium builds an
    object for each, and used to abort the whole process (SIGABRT)."""
    return stream_bomb_pdf(b"BT /F1 12 Tf 10 10 Td (A) Tj ET\n", 256 * MB)


def long_pdf(pages: int = 1000) -> bytes:
    """A text PDF of `pages` pages, one line each: about 0.4 s and 0.5 MB for 1,000 pages."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        drawing.setFont("Helvetica", 11)
        drawing.drawString(72, 770, f"Study protocol appendix, page {number} of {pages}.")
        drawing.drawString(72, 750, "Participants are followed up for ten years after recruitment.")
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


# --- Zips written by hand -------------------------------------------------------------------------


def zeros_deflated(megabytes: int) -> bytes:
    """A raw deflate stream of `megabytes` MB of zeros, built from one compressed MB (about 1 KB a MB).

    After a full flush the compressor holds no history, so every MB compresses to the same bytes.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = compressor.compress(bytes(MB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return one * megabytes + compressor.flush()


@dataclass(frozen=True)
class RawMember:
    """A zip member written exactly as given: the sizes and CRC may lie about the data."""

    name: str
    data: bytes  # as stored (already deflated when `deflated`)
    declared_size: int
    crc: int
    deflated: bool = True
    mode: int | None = None  # unix mode bits, e.g. a symlink


def raw_zip(members: list[RawMember]) -> bytes:
    """A zip archive written field by field, so that a test can declare sizes the data does not have."""
    out = io.BytesIO()
    central = io.BytesIO()
    for member in members:
        offset = out.tell()
        name = member.name.encode("utf-8")
        method = 8 if member.deflated else 0
        flags = 0x800  # names are UTF-8
        fields = (
            20,
            flags,
            method,
            0,
            0x21,
            member.crc,
            len(member.data),
            member.declared_size,
            len(name),
            0,
        )
        out.write(b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + name + member.data)
        external = (member.mode << 16) if member.mode is not None else 0
        central.write(
            b"PK\x01\x02"
            + struct.pack(
                "<HHHHHHIIIHHHHHII",
                0x0314,  # made by: unix, so the mode bits count
                20,
                flags,
                method,
                0,
                0x21,
                member.crc,
                len(member.data),
                member.declared_size,
                len(name),
                0,
                0,
                0,
                0,
                external,
                offset,
            )
            + name
        )
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    count = len(members)
    out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def members_of(data: bytes) -> list[RawMember]:
    """The members of an ordinary zip (a DOCX) as raw members, to add hostile ones beside them."""
    members = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            content = archive.read(info)
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = compressor.compress(content) + compressor.flush()
            members.append(RawMember(info.filename, packed, len(content), zlib.crc32(content)))
    return members


def stored(name: str, content: bytes, mode: int | None = None) -> RawMember:
    return RawMember(name, content, len(content), zlib.crc32(content), deflated=False, mode=mode)


# --- DOCX -----------------------------------------------------------------------------------------

DOCUMENT_XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>"
)
BILLION_LAUGHS_DTD = (
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
EXTERNAL_DTD = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def plain_docx(text: str = "Meeting notes about the study.") -> bytes:
    return docx_bytes([text])


def docx_with_document_xml(xml: bytes) -> bytes:
    return rewrite_zip(plain_docx(), {"word/document.xml": xml})


def billion_laughs_docx() -> bytes:
    return docx_with_document_xml(DOCUMENT_XML_HEAD + BILLION_LAUGHS_DTD + BODY % b"&lol9;")


def external_entity_docx() -> bytes:
    return docx_with_document_xml(DOCUMENT_XML_HEAD + EXTERNAL_DTD + BODY % b"&xxe;")


def entity_after_long_prolog_docx() -> bytes:
    """The DTD put after 8 KB of comment, past where a look at the first bytes of a part would stop."""
    padding = b"<!-- " + b"padding " * 1024 + b"-->\n"
    return docx_with_document_xml(DOCUMENT_XML_HEAD + padding + EXTERNAL_DTD + BODY % b"&xxe;")


def utf16_entity_docx() -> bytes:
    """The external entity in a UTF-16 part, where the bytes `<!DOCTYPE` never occur."""
    xml = '<?xml version="1.0" encoding="UTF-16"?>' + EXTERNAL_DTD.decode() + (BODY % b"&xxe;").decode()
    return docx_with_document_xml(xml.encode("utf-16"))


def utf32_entity_docx() -> bytes:
    """The external entity in a UTF-32 part: an encoding Word never writes, refused as such."""
    xml = EXTERNAL_DTD.decode() + (BODY % b"&xxe;").decode()
    return docx_with_document_xml(xml.encode("utf-32"))


def declared_bomb_docx() -> bytes:
    """A real DOCX plus a part that declares 2 GB (its data is 1 KB): refused before inflating."""
    bomb = zeros_deflated(1)
    return raw_zip([*members_of(plain_docx()), RawMember("word/media/image1.bin", bomb, 2048 * MB, 0)])


def ratio_bomb_docx() -> bytes:
    """A real DOCX plus a part that honestly inflates 64 KB to 64 MB (a ratio of 1,000)."""
    bomb = zeros_deflated(64)
    return raw_zip(
        [
            *members_of(plain_docx()),
            RawMember("word/media/image1.bin", bomb, 64 * MB, zlib.crc32(bytes(64 * MB))),
        ]
    )


def lying_bomb_docx() -> bytes:
    """word/document.xml declares 2 KB, but its data inflates to 1 GB: never inflated past 2 KB."""
    members = [m for m in members_of(plain_docx()) if m.name != "word/document.xml"]
    return raw_zip([*members, RawMember("word/document.xml", zeros_deflated(1024), 2048, 0)])


def no_main_part_docx() -> bytes:
    return rewrite_zip(plain_docx(), {"word/document.xml": None})


# --- Text -----------------------------------------------------------------------------------------

CP1252_TEXT = "Participant information sheet – version 2.0 – “linkage” to hospital records, café.\n" * 20


def one_line_text(size: int = 5 * MB) -> bytes:
    sentence = b"The study links hospital records for consenting participants and reports yearly. "
    return (sentence * (size // len(sentence) + 1))[:size]


# --- Requests -------------------------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
)
NOT_YAML = "title: [unclosed\npurpose: {also: unclosed\n\t- tab: here\n"
WRONG_TYPES = (
    VALID_REQUEST.replace("commercial: false", 'commercial: "no"')
    .replace("identifiers: [nhs_number, date_of_birth, postcode]", "identifiers: nhs_number")
    .replace("submitted: 2024-05-01", "submitted: 5")
)
CONTROL_CHARACTERS = 'title: "\x1b[2J\x9b31m"\npurpose: x\n'
NOT_TEXT = "\x00\x01\x02 binary \xff"
REQUESTS = {
    "not_yaml": NOT_YAML,
    "alias_bomb": ALIAS_BOMB,
    "wrong_types": WRONG_TYPES,
    "control_characters": CONTROL_CHARACTERS,
    "not_a_mapping": "- just\n- a list\n",
    "empty": "",
}
REQUEST_REASONS = {
    "not_yaml": "not valid YAML",
    "alias_bomb": "aliases (*name) expand to more than",
    "wrong_types": "commercial: should be true or false, not 'no'",
    "control_characters": "special characters are not allowed",
    "not_a_mapping": "should be a mapping of fields",
    "empty": "should be a mapping of fields",
}


# --- The folder bundle ----------------------------------------------------------------------------

ODD_NAME = "odd <b>&amp; 'single' \"double\" #1 %20 $HOME; (copy) [v2].txt"
UNICODE_NAME = "Résumé – consent ✓.docx"


# Every file of the hostile folder bundle, by the path the report shows, and what it must say.
# The links, the pipe and the file whose name is not UTF-8 are made by `build_folder_bundle`.
FOLDER_EXPECT: dict[str, Expect] = {
    "good/23-CAG-0088 outcome letter.pdf": Expect("ok", pages=4),
    f"good/{UNICODE_NAME}": Expect("ok"),
    "pdf/truncated.pdf": Expect("unreadable", "corrupt or truncated"),
    "pdf/corrupt.pdf": Expect("unreadable", "corrupt or truncated"),
    "pdf/encrypted.pdf": Expect("unreadable", "encrypted: it needs a password"),
    "pdf/scan.pdf": Expect("no_text", pages=3),
    # Either cap may be met first: inflating toward 1 GiB takes seconds on a loaded machine.
    "pdf/flate bomb 4 GiB.pdf": Expect(
        "unreadable",
        ("memory limit of 1,024 MB (raise it with --max-memory-mb)", "(raise it with --timeout)"),
    ),
    "pdf/text operators 256 MiB.pdf": Expect(
        "unreadable",
        ("memory limit of 1,024 MB (raise it with --max-memory-mb)", "(raise it with --timeout)"),
    ),
    "pdf/protocol appendix 1000 pages.pdf": Expect("ok", pages=1000),
    "misnamed/photo.pdf": Expect("unreadable", "named .pdf but is a PNG image"),
    "misnamed/random.pdf": Expect("unreadable", "named .pdf but is binary data"),
    "misnamed/photo.docx": Expect("unreadable", "named .docx but is a PNG image"),
    "misnamed/random.docx": Expect("unreadable", "named .docx but is binary data"),
    "empty/empty.pdf": Expect("unreadable", "the file is empty"),
    "empty/empty.docx": Expect("unreadable", "the file is empty"),
    "empty/empty.txt": Expect("unreadable", "the file is empty"),
    "docx/zip-bomb-declared.docx": Expect(
        "unreadable", "over the limit of 500 MB (a zip bomb?) (raise it with --max-inflated-mb)"
    ),
    "docx/zip-bomb-ratio.docx": Expect("unreadable", "over the limit of 200 to 1 (a zip bomb?)"),
    "docx/zip-bomb-lying-sizes.docx": Expect("unreadable", "damaged zip archive (Bad CRC-32"),
    "docx/billion-laughs.docx": Expect("unreadable", "declares a DTD or entities"),
    "docx/external-entity.docx": Expect("unreadable", "declares a DTD or entities"),
    "docx/entity-after-long-prolog.docx": Expect("unreadable", "declares a DTD or entities"),
    "docx/entity-in-utf16-part.docx": Expect("unreadable", "declares a DTD or entities"),
    "docx/entity-in-utf32-part.docx": Expect("unreadable", "an encoding Word never writes"),
    "docx/no-main-part.docx": Expect("unreadable", "word/document.xml"),
    "zips/nested.zip": Expect("unreadable", "nested archives are not opened"),
    "msg/looped chains.msg": Expect("unreadable", "a sector chain that loops or leaves the file"),
    "msg/truncated.msg": Expect("unreadable", "not a readable Outlook message"),
    "msg/word file renamed.msg": Expect("unreadable", "save the message as .eml, or send its attachments as PDF or DOCX"),
    "names/file with  two spaces .txt": Expect("ok"),
    f"names/{ODD_NAME}": Expect("ok"),
    "names/patient *** *** 5919 letter.txt": Expect("ok"),  # the name holds an NHS number: masked
    "names/line\ufffdbreak.txt": Expect("ok"),  # a line break in the name
    "names/caf\ufffd latin-1.txt": Expect("ok"),  # a name that is not UTF-8
    "text/cp1252.txt": Expect("ok", "not UTF-8: decoded as"),
    "text/utf16.txt": Expect("ok", "decoded as utf-16"),
    "text/one line 5 MB.txt": Expect("ok"),
    "links/passwd.txt": Expect("unreadable", "a link that points outside the bundle: refused, not followed"),
    "links/etc": Expect("unreadable", "a link to a folder that points outside the bundle: refused"),
    "links/loop.txt": Expect("unreadable", "a link that leads nowhere (broken, or a loop)"),
    "links/inside.pdf": Expect("ok", pages=4),
    "links/pipe.txt": Expect("unreadable", "not a regular file"),
}


def folder_contents() -> dict[str, bytes]:
    """The regular files of the hostile folder bundle, by their real names."""
    letter = GOOD_LETTER.read_bytes()
    truncated = pdf_bytes([["A letter long enough to be cut in half, " * 20]])
    return {
        "good/23-CAG-0088 outcome letter.pdf": letter,
        f"good/{UNICODE_NAME}": docx_bytes(
            ["PARTICIPANT CONSENT FORM", f"Example: NHS number {NHS_NUMBER}"],
            footer="Consent form version 2.0, 1 March 2020",
        ),
        "pdf/truncated.pdf": truncated[: len(truncated) // 3],
        "pdf/corrupt.pdf": b"%PDF-1.7\n" + random_bytes(4000, 1),
        "pdf/encrypted.pdf": encrypted_pdf(),
        "pdf/scan.pdf": blank_pdf_bytes(3),
        "pdf/flate bomb 4 GiB.pdf": zeros_bomb_pdf(),
        "pdf/text operators 256 MiB.pdf": text_operator_bomb_pdf(),
        "pdf/protocol appendix 1000 pages.pdf": long_pdf(1000),
        "misnamed/photo.pdf": PNG,
        "misnamed/random.pdf": random_bytes(4096, 2),
        "misnamed/photo.docx": PNG,
        "misnamed/random.docx": random_bytes(4096, 3),
        "empty/empty.pdf": b"",
        "empty/empty.docx": b"",
        "empty/empty.txt": b"",
        "docx/zip-bomb-declared.docx": declared_bomb_docx(),
        "docx/zip-bomb-ratio.docx": ratio_bomb_docx(),
        "docx/zip-bomb-lying-sizes.docx": lying_bomb_docx(),
        "docx/billion-laughs.docx": billion_laughs_docx(),
        "docx/external-entity.docx": external_entity_docx(),
        "docx/entity-after-long-prolog.docx": entity_after_long_prolog_docx(),
        "docx/entity-in-utf16-part.docx": utf16_entity_docx(),
        "docx/entity-in-utf32-part.docx": utf32_entity_docx(),
        "docx/no-main-part.docx": no_main_part_docx(),
        "zips/nested.zip": zipfile_bytes({"inner/letter.pdf": letter}),
        "msg/looped chains.msg": looped_msg(),
        "msg/truncated.msg": msg_bytes("Outcome", "See attached.", {"letter.pdf": letter})[:4096],
        "msg/word file renamed.msg": compound_file({"WordDocument": b"x" * 100}),
        "names/file with  two spaces .txt": b"Notes of the steering group meeting.\n",
        f"names/{ODD_NAME}": b"<script>alert('name')</script> notes of a meeting\n",
        f"names/patient {NHS_DIGITS} letter.txt": b"A letter about one participant.\n",
        "names/line\nbreak.txt": b"A file whose name holds a line break.\n",
        "text/cp1252.txt": CP1252_TEXT.encode("cp1252"),
        "text/utf16.txt": "Consent form version 1.0\n".encode("utf-16"),
        "text/one line 5 MB.txt": one_line_text(),
    }


def looped_msg() -> bytes:
    """An Outlook message whose every sector chain points back at itself (a reader that followed
    chains blindly would loop, or read one sector again and again as the text)."""
    good = msg_bytes("Outcome", "Dear Dr Smith, see attached.", {"letter.pdf": pdf_bytes([["CAG letter"]])})
    fat = struct.unpack("<128I", good[-512:])  # tests.ole_writer writes one FAT sector, last
    return good[:-512] + struct.pack("<128I", *(i if v < 0xFFFFFFFA else v for i, v in enumerate(fat)))


def zipfile_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def build_folder_bundle(root: Path, request: str = ALIAS_BOMB) -> Path:
    """Write the hostile folder bundle at `root` (see FOLDER_EXPECT), with `request` as its request.yaml.

    Beside the regular files: links to /etc/passwd, to /etc, to itself and to a file inside the
    bundle; a named pipe; a file whose name is Latin-1, not UTF-8."""
    for relative, content in folder_contents().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (root / "request.yaml").write_text(request, encoding="utf-8")
    links = root / "links"
    links.mkdir()
    os.symlink("/etc/passwd", links / "passwd.txt")
    os.symlink("/etc", links / "etc")
    os.symlink("loop.txt", links / "loop.txt")
    os.symlink("../good/23-CAG-0088 outcome letter.pdf", links / "inside.pdf")
    os.mkfifo(links / "pipe.txt")
    with open(os.fsencode(root / "names") + b"/caf\xe9 latin-1.txt", "wb") as stream:
        stream.write(b"A file whose name is not UTF-8.\n")
    return root


# --- The zip bundle -------------------------------------------------------------------------------

ZIP_SYMLINK_MODE = 0o120777


# Every member of the hostile .zip bundle, by the path the report shows, and what it must say.
ZIP_EXPECT: dict[str, Expect] = {
    "cag/outcome letter.pdf": Expect("ok", pages=4),
    "../evil.txt": Expect("unreadable", "a zip member whose path leaves the bundle: refused, not extracted"),
    "bundle/../../evil2.txt": Expect("unreadable", "leaves the bundle"),
    "/abs/path.txt": Expect("unreadable", "leaves the bundle"),
    "C:/windows/evil.txt": Expect("unreadable", "leaves the bundle"),
    "passwd.txt": Expect("unreadable", "a link inside the zip: refused, not followed"),
    "inner.zip": Expect("unreadable", "nested archives are not opened"),
    "padding.txt": Expect("unreadable", "over the limit of 200 to 1 (a zip bomb?)"),
    "Résumé – notes ✓.txt": Expect("ok"),
    "big.txt": Expect("unreadable", "over the limit of 50 MB a file (raise it with --max-file-mb)"),
}


def build_zip_bundle(path: Path) -> Path:
    """A `.zip` bundle (see ZIP_EXPECT) with members that escape, a link, a nested zip, a member
    compressed 1,000 to 1, one over the file size limit, and a request with wrong types."""
    letter = GOOD_LETTER.read_bytes()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed_letter = compressor.compress(letter) + compressor.flush()
    members = [
        RawMember("bundle/cag/outcome letter.pdf", packed_letter, len(letter), zlib.crc32(letter)),
        stored("bundle/request.yaml", WRONG_TYPES.encode()),
        stored("../evil.txt", b"written outside?"),
        stored("bundle/../../evil2.txt", b"written outside?"),
        stored("/abs/path.txt", b"absolute"),
        stored("C:\\windows\\evil.txt", b"a drive"),
        stored("bundle/passwd.txt", b"/etc/passwd", mode=ZIP_SYMLINK_MODE),
        stored("bundle/inner.zip", zipfile_bytes({"x/letter.pdf": letter})),
        RawMember("bundle/padding.txt", zeros_deflated(40), 40 * MB, zlib.crc32(bytes(40 * MB))),
        RawMember("bundle/big.txt", zeros_deflated(1), 60 * MB, 0),  # declared over 50 MB: never inflated
        stored("bundle/Résumé – notes ✓.txt", b"Notes.\n"),
    ]
    path.write_bytes(raw_zip(members))
    return path


def copy_sample(name: str, to: Path) -> Path:
    shutil.copytree(SAMPLES / name, to)
    return to


# --- Issue 11: deep folders ------------------------------------------------------------------------

PATH_MAX = 4096  # Linux's, with the terminating NUL: a longer path cannot be opened by name
LONG_FOLDER = "d" * 40


def _folder_chain(start: Path, names: list[str], files: dict[int, tuple[str, bytes]]) -> None:
    """Make the folders `names`, each inside the one before, under `start`, through descriptors (a
    path past PATH_MAX cannot be made by name); `files[i]` is written in the i-th folder."""
    descriptor = os.open(start, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for index, name in enumerate(names):
            os.mkdir(name, dir_fd=descriptor)
            child = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = child
            if index in files:
                file_name, content = files[index]
                written = os.open(file_name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
                os.write(written, content)
                os.close(written)
    finally:
        os.close(descriptor)


def build_deep_bundle(root: Path) -> dict[str, Expect]:
    """A folder bundle with 200 nested folders of 40 letters (paths of about 8 KB, past the system's
    limit), a file whose own name takes its path past the limit, and 150 nested one-letter folders
    (past the walk's depth limit of 100, under the path limit): every path that can be opened is
    read, and each of the others is reported. Returns what the report must say of each entry; the
    paths past the limit depend on where `root` is, so they are computed here as the tool does."""
    root.mkdir(parents=True)
    (root / "shallow").mkdir()
    (root / "shallow" / "letter.pdf").write_bytes(GOOD_LETTER.read_bytes())
    expect = {"shallow/letter.pdf": Expect("ok", pages=4)}

    def length(relative: str) -> int:
        return len(os.fsencode(str(root / relative)))

    # The last folder of the long chain that can still be opened, and the first that cannot.
    last_open = max(i for i in range(200) if length("/".join([LONG_FOLDER] * (i + 1))) < PATH_MAX)
    open_path = "/".join([LONG_FOLDER] * (last_open + 1))
    # A name that takes the path of a file in that folder past the limit (at most 255 bytes a name).
    long_name = "x" * (PATH_MAX - length(open_path)) + ".txt"
    _folder_chain(
        root,
        [LONG_FOLDER] * 200,
        {2: ("notes.txt", b"Steering group notes.\n"), last_open: (long_name, b"Never read.\n")},
    )
    expect["/".join([LONG_FOLDER] * 3) + "/notes.txt"] = Expect("ok")
    expect[f"{open_path}/{long_name}"] = Expect("unreadable", "the path is too long to open")
    expect[f"{open_path}/{LONG_FOLDER}"] = Expect("unreadable", "a folder whose path is too long to open")
    _folder_chain(root, ["a"] * 150, {0: ("top.txt", b"Near the top.\n"), 149: ("bottom.txt", b"Lost.\n")})
    expect["a/top.txt"] = Expect("ok")
    expect["/".join(["a"] * 101)] = Expect(
        "unreadable", "a folder nested 101 levels deep, past the limit of 100"
    )
    return expect


# --- Issue 11: zips with too many members, or several members of one name -------------------------


def many_members_zip(path: Path, count: int) -> Path:
    """A `.zip` bundle of `count` small text members (10,001: about 1.3 MB, made in a fraction of a second)."""
    members = [stored(f"bundle/notes/note-{index:05d}.txt", b"Notes.\n") for index in range(count)]
    path.write_bytes(raw_zip(members))
    return path


CONSENT_V1 = b"PARTICIPANT CONSENT FORM\nConsent form version 1.0, 1 March 2019\n"
CONSENT_V2 = b"PARTICIPANT CONSENT FORM\nConsent form version 2.0, 1 March 2020\n"


def duplicate_members_zip(path: Path) -> Path:
    """A `.zip` bundle holding two members named `consent.txt` (version 1.0, then 2.0), three named
    `notes.txt` (the last two the same), and two `request.yaml` (a valid one, then one with wrong
    types). `unzip -o` and extractall keep the last of each."""
    members = [
        stored("bundle/consent.txt", CONSENT_V1),
        stored("bundle/request.yaml", VALID_REQUEST.encode()),
        stored("bundle/notes.txt", b"Steering group notes, first draft.\n"),
        stored("bundle/notes.txt", b"Steering group notes, final.\n"),
        stored("bundle/letter.pdf", GOOD_LETTER.read_bytes()),
        stored("bundle/consent.txt", CONSENT_V2),
        stored("bundle/notes.txt", b"Steering group notes, final.\n"),
        stored("bundle/request.yaml", WRONG_TYPES.encode()),
    ]
    path.write_bytes(raw_zip(members))
    return path


# --- Issue 11: requests that ended in an internal error, or ran for hours --------------------------

IDENTIFIERS_LINE = "identifiers: [nhs_number, date_of_birth, postcode]"


def request_with_long_number(fmt: str, digits: int = 5000) -> tuple[str, str]:
    """(file name, text) of a request whose `commercial` is a number of `digits` digits: Python's
    int() refuses past 4,300 digits (ValueError: Exceeds the limit ...)."""
    number = "7" * digits
    if fmt == "json":
        return "request.json", '{"title": "Asthma outcomes", "commercial": ' + number + "}"
    return "request.yaml", VALID_REQUEST.replace("commercial: false", f"commercial: {number}")


def request_with_invalid_items(count: int = 174_000) -> str:
    """`identifiers` holding `count` items that are not identifiers, on one line (174,000: 1 MB)."""
    items = ", ".join(f"x{index % 4096:03x}" for index in range(count))
    return VALID_REQUEST.replace(IDENTIFIERS_LINE, f"identifiers: [{items}]", 1)


def request_with_distinct_mappings(count: int = 81_000) -> str:
    """`identifiers` holding `count` different mappings (81,000: 0.96 MB), which jsonschema's
    uniqueItems compared pair by pair."""
    items = ", ".join(f"{{a: {index}}}" for index in range(count))
    return VALID_REQUEST.replace(IDENTIFIERS_LINE, f"identifiers: [{items}]", 1)


def request_bundle(root: Path, name: str, text: str) -> Path:
    """A bundle of the good CAG letter and the request `text` as `name`."""
    root.mkdir(parents=True)
    shutil.copy(GOOD_LETTER, root / "letter.pdf")
    (root / name).write_text(text, encoding="utf-8")
    return root
