"""Opening a cohort file as a stream of text: size, emptiness, binary content and encoding.

The file is never read whole: its first chunk decides the encoding (a BOM, UTF-8, else the one
charset-normalizer detects), and the rest is decoded as it is read. A reason here is a COH-001.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.readers.sniff import describe_content

HEAD_BYTES = 1 << 20  # the first chunk the encoding is decided on
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CannotOpen(Exception):
    """Why the file cannot be read as a CSV (COH-001); never quotes the file."""


@dataclass(frozen=True, slots=True)
class Opened:
    stream: io.TextIOWrapper
    encoding: str


def open_cohort(path: Path, max_bytes: int) -> Opened:
    """The file as a text stream, or CannotOpen with the reason."""
    size = path.stat().st_size
    if size > max_bytes:
        raise CannotOpen(
            f"the file is {size / 1024 / 1024:.1f} MB, over the size limit of "
            f"{max_bytes / 1024 / 1024:g} MB (--max-file-mb)"
        )
    raw = path.open("rb")
    try:
        head = raw.read(HEAD_BYTES)
        encoding = _encoding(head, complete=len(head) < HEAD_BYTES)
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    except BaseException:
        raw.close()
        raise
    return Opened(stream, encoding)


def _encoding(head: bytes, complete: bool) -> str:
    for bom, encoding in BOMS:
        if head.startswith(bom):
            if not head[len(bom) :].decode(encoding.replace("-sig", ""), errors="ignore").strip():
                raise CannotOpen("the file is empty")
            return encoding
    if not head.strip():
        raise CannotOpen("the file is empty")
    what = describe_content(head)
    if what != "text":
        raise CannotOpen(f"the file holds binary content ({what}), not text")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=complete)  # a character cut at the chunk's end is not an error
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(head[:200_000]).best()
    if best is None or best.encoding is None:
        raise CannotOpen("the text is not UTF-8 and its encoding could not be determined")
    return best.encoding
