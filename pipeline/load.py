"""Turning one bundle file into a Document: read its bytes, hash them, parse them within the limits.

With a cache (`pipeline.cache`), a document already parsed and extracted by an earlier run comes back
from it, facts and all, and is not parsed again.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from pipeline.bundle import BundleFile
from pipeline.errors import DarsError
from pipeline.limits import Limits, time_limit
from pipeline.model import Document, Status
from pipeline.readers import parse

if TYPE_CHECKING:
    from pipeline.cache import DocumentCache

# checks.md DOC-002: a PDF with fewer than 50 characters of text has no text layer.
NO_TEXT_LAYER_CHARS = 50


def load_document(file: BundleFile, limits: Limits, cache: DocumentCache | None = None) -> Document:
    """Never raises for a bad file: its status and reason say what went wrong.

    A document that comes from `cache` already carries its facts (`document.facts` is set)."""
    document = _load(file, limits, cache)
    document.notes.extend(file.notes)
    return document


def _load(file: BundleFile, limits: Limits, cache: DocumentCache | None) -> Document:
    try:
        data = file.read()
    except DarsError as exc:
        return Document(file.path, file.size, None, Status.UNREADABLE, reason=str(exc))
    sha256 = hashlib.sha256(data).hexdigest()
    if cache is not None:
        cached = cache.load(cache.key(sha256, file.path, limits))
        if cached is not None:
            status, parsed, facts = cached
            if parsed.table_pages:
                parsed.table_loader = _pdf_table_loader(data)
            return Document(file.path, len(data), sha256, status, parsed=parsed, facts=facts)
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


def store_document(document: Document, limits: Limits, cache: DocumentCache) -> None:
    """Keep a parsed and extracted document for the next run. Unreadable ones are not kept: a
    reason such as a time limit depends on the run, not on the file."""
    if document.status in (Status.OK, Status.NO_TEXT) and document.parsed is not None and document.sha256:
        key = cache.key(document.sha256, document.path, limits)
        cache.store(key, document.status, document.parsed, document.facts)


def _pdf_table_loader(data: bytes):
    """The PDF reader's deferred table loader, made again for a document from the cache."""

    def load(pages: list[int], first: int, tables_before: int):
        from pipeline.readers.pdf import table_blocks

        return table_blocks(data, pages, first, tables_before)

    return load
