"""What an uploaded file's name may become: a member name inside the zip the service builds, or a
suffix for a temporary file. Never a path: the name a browser sends is the sender's to choose
(`../../etc/passwd`, `C:\\x`, a line break), so only a cleaned base name is kept, and the service
never opens a file by it.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

from pipeline.bundle import BIDI_CONTROLS

MAX_NAME_CHARS = 120  # long enough for any real document name, short enough for any file system
FORBIDDEN = set('/\\:*?"<>|')  # separators, a drive's colon, and what Windows will not unzip
FALLBACK = "file"


def safe_base_name(sent: str | None) -> str:
    """`sent`'s last component, cleaned: no separators, no `..`, no control or bidi characters,
    no leading dots (a hidden file would not be checked), at most MAX_NAME_CHARS, never empty."""
    last = (sent or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(
        "_" if char in FORBIDDEN or char in BIDI_CONTROLS or unicodedata.category(char)[0] == "C" else char
        for char in unicodedata.normalize("NFC", last)
    )
    kept = kept.strip().lstrip(".").strip()
    if not kept:
        return FALLBACK
    if len(kept) > MAX_NAME_CHARS:
        suffix = safe_suffix(kept)
        kept = kept[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix
    return kept


def safe_suffix(name: str) -> str:
    """The name's suffix when it is a plain one (`.pdf`, `.docx`), lower-cased; else ''."""
    suffix = PurePosixPath(name).suffix.lower()
    if 1 < len(suffix) <= 8 and suffix[1:].isascii() and suffix[1:].isalnum():
        return suffix
    return ""


def unique_names(names: list[str]) -> list[str]:
    """`names` with later duplicates (compared case-blind, as some file systems do) renamed
    `name (2).pdf`, `name (3).pdf`; order kept."""
    taken: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate, number = name, 2
        while candidate.casefold() in taken:
            path = PurePosixPath(name)
            stem, suffix = (path.stem, path.suffix) if path.suffix else (name, "")
            candidate, number = f"{stem} ({number}){suffix}", number + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out
