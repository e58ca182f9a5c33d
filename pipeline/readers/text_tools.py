"""Small text clean-ups shared by the readers."""

from __future__ import annotations

import re

LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
LIGATURE = re.compile("[\ufb00-\ufb04]")
# PDFium marks a hyphen it inserted at a line break with U+FFFE or U+0002; NUL and other
# control characters are never text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ADDRESS = re.compile(r"<([^<>]*?) (?:object )?at 0x[0-9a-fA-F]+>")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_text(text: str) -> str:
    """Normalise line ends, ligatures, odd spaces and control characters; keep line structure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if LIGATURE.search(text):  # translate() looks up every character: only when there is one
        text = text.translate(LIGATURES)
    text = CONTROL.sub("", text)
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def clean_cell(text: str | None) -> str:
    return " ".join((text or "").split())


def no_addresses(text: str) -> str:
    """`text` without the memory addresses of objects (`<_io.BytesIO object at 0x7f...>` becomes
    `<_io.BytesIO>`), so a reason does not change from one run to the next."""
    return ADDRESS.sub(r"<\1>", text)
