"""What a file really is, from its first bytes, so a misnamed file gets a clear reason."""

from __future__ import annotations

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls/.msg)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)


TEXT_CONTROLS = {9, 10, 12, 13}  # tab, line feed, form feed, carriage return


def describe_content(data: bytes) -> str:
    """A short description of what the bytes are: 'a PNG image', 'empty', 'text', 'binary data'."""
    if not data:
        return "empty"
    head = data[:1024]
    for magic, what in SIGNATURES:
        if head.startswith(magic):
            return what
    if b"%PDF-" in head:  # PDFs may carry junk before the header
        return "a PDF"
    if b"\x00" in head:
        return "binary data"
    # Random bytes hold a control character one time in nine; text in any 8-bit encoding hardly any.
    controls = sum(1 for byte in head if (byte < 32 and byte not in TEXT_CONTROLS) or byte == 127)
    if controls * 20 > len(head):
        return "binary data"
    return "text"
