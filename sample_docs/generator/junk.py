"""Files a bundle may hold that are not readable documents: a truncated PDF, an empty file, a
spreadsheet and an OpenDocument text (formats the tool refuses), and the macOS debris of a zipped
folder (``.DS_Store``, ``__MACOSX/._name`` AppleDouble files). All built deterministically."""

from __future__ import annotations

from .zipping import write_zip


def truncated(pdf: bytes, keep: int = 900) -> bytes:
    """The head of a PDF, as left by an interrupted upload: no page tree, no cross-reference table."""
    return pdf[:keep]


def xlsx(rows: list[list[str]]) -> bytes:
    """A minimal valid .xlsx workbook with inline strings."""

    def cell(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    members = [
        (
            "[Content_Types].xml",
            (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/>'
                b'<Override PartName="/xl/workbook.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                b'<Override PartName="/xl/worksheets/sheet1.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                b"</Types>"
            ),
        ),
        (
            "_rels/.rels",
            (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                b'officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ),
        ),
        (
            "xl/workbook.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} {rel_ns}>'
                '<sheets><sheet name="Data specification" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ).encode(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                b'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}>'
                f"<sheetData>{sheet_rows}</sheetData></worksheet>"
            ).encode(),
        ),
    ]
    return write_zip(members)


def odt(paragraphs: list[str]) -> bytes:
    """A minimal OpenDocument text; its mimetype member comes first and uncompressed, as the format requires."""
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    ).encode()
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        b'manifest:version="1.2">'
        b'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        b"</manifest:manifest>"
    )
    return write_zip(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
            ("META-INF/manifest.xml", manifest),
        ],
        stored=("mimetype",),
    )


DS_STORE = b"\x00\x00\x00\x01Bud1" + bytes(2048 - 8)


def apple_double(name: str) -> bytes:
    """The ``__MACOSX/._name`` resource-fork companion that Finder adds to zips."""
    return (
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\x00\x00\x00\x32"
        b"\x00\x00\x00\x20\x00\x00\x00\x02\x00\x00\x00\x52\x00\x00"
        + name.encode()[:16].ljust(16, b"\x00")
        + bytes(32)
    )
