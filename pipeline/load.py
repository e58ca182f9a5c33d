"""Turning one bundle file into a Document: read its bytes, hash them, parse them within the limits."""

from __future__ import annotations

import hashlib

from pipeline.bundle import BundleFile
from pipeline.errors import DarsError
from pipeline.limits import Limits, time_limit
from pipeline.model import Document, Status
from pipeline.readers import parse

# checks.md DOC-002: a PDF with fewer than 50 characters of text has no text layer.
NO_TEXT_LAYER_CHARS = 50


def load_document(file: BundleFile, limits: Limits) -> Document:
    """Never raises for a bad file: its status and reason say what went wrong."""
    try:
        data = file.read()
    except DarsError as exc:
        return Document(file.path, file.size, None, Status.UNREADABLE, reason=str(exc))
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        with time_limit(limits.max_seconds_per_document, "reading the document"):
            parsed = parse(file.path, data, limits)
    except DarsError as exc:
        return Document(file.path, len(data), sha256, Status.UNREADABLE, reason=str(exc))
    except MemoryError:
        return Document(
            file.path, len(data), sha256, Status.UNREADABLE, reason="the document needs too much memory"
        )
    except RecursionError:
        return Document(
            file.path, len(data), sha256, Status.UNREADABLE, reason="the document is nested too deeply"
        )
    except Exception as exc:  # noqa: BLE001 - a library's surprise about one file must not stop the bundle
        reason = f"the file could not be parsed ({type(exc).__name__}: {exc})"
        return Document(file.path, len(data), sha256, Status.UNREADABLE, reason=reason[:300])
    status = Status.OK
    if parsed.format == "pdf" and parsed.text_length < NO_TEXT_LAYER_CHARS:
        status = Status.NO_TEXT
    return Document(file.path, len(data), sha256, status, parsed=parsed)
