"""One backend per format behind one call: `parse(name, data, limits)` gives a ParsedDocument.

The readers are imported lazily: a text file does not pay for PDFium or python-docx.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import ParsedDocument
from pipeline.readers.sniff import describe_content

# suffix -> (module, function, format name)
BACKENDS: dict[str, tuple[str, str, str]] = {
    ".pdf": ("pipeline.readers.pdf", "read_pdf", "pdf"),
    ".docx": ("pipeline.readers.docx", "read_docx", "docx"),
    ".txt": ("pipeline.readers.text", "read_text", "txt"),
    ".md": ("pipeline.readers.text", "read_text", "md"),
    ".png": ("pipeline.readers.image", "read_image", "image"),
    ".jpg": ("pipeline.readers.image", "read_image", "image"),
    ".jpeg": ("pipeline.readers.image", "read_image", "image"),
    ".tif": ("pipeline.readers.image", "read_image", "image"),
    ".tiff": ("pipeline.readers.image", "read_image", "image"),
}

KNOWN_FORMATS = {
    ".doc": "an old Word .doc file (save it as .docx or PDF)",
    ".odt": "an OpenDocument text file (save it as .docx or PDF)",
    ".rtf": "an RTF file (save it as .docx or PDF)",
    ".xlsx": "an Excel workbook",
    ".xls": "an old Excel workbook",
    ".csv": "a CSV table",
    ".pptx": "a PowerPoint presentation",
    ".msg": "an Outlook message",
    ".eml": "an e-mail message",
    ".zip": "a zip archive inside the bundle (nested archives are not opened)",
}


def supported_suffixes() -> list[str]:
    return sorted(BACKENDS)


def parse(name: str, data: bytes, limits: Limits) -> ParsedDocument:
    """Parse one file's bytes by its suffix. Raises UnreadableDocument with the reason."""
    suffix = _suffix(name)
    if not data:
        raise UnreadableDocument("the file is empty")
    backend = BACKENDS.get(suffix)
    if backend is None:
        what = KNOWN_FORMATS.get(suffix) or f"'{suffix or 'no extension'}' files ({describe_content(data)})"
        accepted = ", ".join(supported_suffixes())
        raise UnreadableDocument(f"unsupported format: {what}; accepted formats are {accepted}")
    module, function, fmt = backend
    reader: Callable = getattr(import_module(module), function)
    if fmt in ("txt", "md"):
        return reader(data, limits, fmt)
    return reader(data, limits)


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    slash = name.rfind("/")
    return name[dot:].lower() if dot > slash + 1 else ""
