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
    ".docm": ("pipeline.readers.docx", "read_docx", "docx"),
    ".doc": ("pipeline.readers.doc", "read_doc", "doc"),
    ".xlsx": ("pipeline.readers.sheets", "read_xlsx", "xlsx"),
    ".csv": ("pipeline.readers.sheets", "read_csv", "csv"),
    ".html": ("pipeline.readers.html", "read_html", "html"),
    ".htm": ("pipeline.readers.html", "read_html", "html"),
    ".eml": ("pipeline.readers.mail", "read_eml", "eml"),
    ".msg": ("pipeline.readers.msg", "read_msg", "msg"),
    ".txt": ("pipeline.readers.text", "read_text", "txt"),
    ".md": ("pipeline.readers.text", "read_text", "md"),
    ".rtf": ("pipeline.readers.rtf", "read_rtf", "rtf"),
    ".odt": ("pipeline.readers.odt", "read_odt", "odt"),
    ".png": ("pipeline.readers.image", "read_image", "image"),
    ".jpg": ("pipeline.readers.image", "read_image", "image"),
    ".jpeg": ("pipeline.readers.image", "read_image", "image"),
    ".tif": ("pipeline.readers.image", "read_image", "image"),
    ".tiff": ("pipeline.readers.image", "read_image", "image"),
}

# What to ask the applicant for instead of a file that is not read.
SEND_PDF_OR_DOCX = "send it as PDF or DOCX"
SEND_SEARCHABLE = (
    "send it as a searchable PDF, or as DOCX (this image format is not read by OCR: PNG, JPEG and TIFF are)"
)
KNOWN_FORMATS = {
    ".dot": f"an old Word template (save it as .docx, or {SEND_PDF_OR_DOCX})",
    ".pages": f"an Apple Pages file ({SEND_PDF_OR_DOCX})",
    ".xls": "an old Excel workbook (save it as .xlsx or .csv)",
    ".xlsm": "a macro-enabled Excel workbook (save it as .xlsx or .csv; macros are never run)",
    ".ods": "an OpenDocument spreadsheet (save it as .xlsx or .csv)",
    ".ppt": f"an old PowerPoint presentation ({SEND_PDF_OR_DOCX})",
    ".pptx": f"a PowerPoint presentation ({SEND_PDF_OR_DOCX})",
    ".odp": f"an OpenDocument presentation ({SEND_PDF_OR_DOCX})",
    ".gif": f"a GIF image ({SEND_SEARCHABLE})",
    ".bmp": f"a bitmap image ({SEND_SEARCHABLE})",
    ".heic": f"a phone photo (HEIC) ({SEND_SEARCHABLE})",
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
        what = KNOWN_FORMATS.get(suffix) or (
            f"'{suffix or 'no extension'}' files ({describe_content(data)}; {SEND_PDF_OR_DOCX})"
        )
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
