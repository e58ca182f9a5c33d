"""TXT and MD: UTF-8 first; another encoding is detected (and noted) or the file is reported."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.sniff import describe_content
from pipeline.readers.text_tools import clean_text

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
BOMS = (
    ("utf-8-sig", b"\xef\xbb\xbf"),
    ("utf-32", b"\xff\xfe\x00\x00"),
    ("utf-32", b"\x00\x00\xfe\xff"),
    ("utf-16", b"\xff\xfe"),
    ("utf-16", b"\xfe\xff"),
)
# A line longer than this is split for the model; quoting still works on the pieces.
MAX_BLOCK_CHARS = 20_000


def read_text(data: bytes, limits: Limits, fmt: str = "txt") -> ParsedDocument:
    text, note = decode(data)
    if len(text) > limits.max_text_chars:
        raise UnreadableDocument(f"the file holds more than {limits.max_text_chars:,} characters of text")
    blocks: list[Block] = []
    line = 1
    paragraph = 0
    position = 0
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    for match in [*PARAGRAPH_BREAK.finditer(normalised), None]:
        end = match.start() if match else len(normalised)
        chunk = normalised[position:end]
        cleaned = clean_text(chunk)
        if cleaned:
            paragraph += 1
            for piece_start in range(0, len(cleaned), MAX_BLOCK_CHARS):
                blocks.append(
                    Block(
                        index=len(blocks),
                        text=cleaned[piece_start : piece_start + MAX_BLOCK_CHARS],
                        part=Part.BODY,
                        paragraph=paragraph,
                        line=line + _leading_newlines(chunk),
                    )
                )
        if match is None:
            break
        line += normalised.count("\n", position, match.end())
        position = match.end()
    notes = [note] if note else []
    return ParsedDocument(format=fmt, blocks=blocks, notes=notes)


def _leading_newlines(chunk: str) -> int:
    return len(chunk) - len(chunk.lstrip("\n"))


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of `data`, and a note when it was not plain UTF-8."""
    for encoding, bom in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None if encoding == "utf-8-sig" else f"decoded as {encoding}"
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    what = describe_content(data)
    if what not in ("text", "binary data"):
        raise UnreadableDocument(f"the file is named as text but is {what}")
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument("the text is not UTF-8 and its encoding could not be determined")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise UnreadableDocument(f"the text is not UTF-8 and does not decode as {best.encoding}") from None
    if "\x00" in text:
        raise UnreadableDocument("the file holds binary data, not text")
    return text, f"not UTF-8: decoded as {best.encoding}"
