"""Turning one bundle file into a Document: read its bytes, hash them, parse them within the limits.

With a cache (`pipeline.cache`), a document already parsed and extracted by an earlier run comes back
from it, facts and all, and is not parsed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.bundle import BundleFile
from pipeline.errors import DarsError, LimitExceeded, WithheldDocument
from pipeline.limits import Limits, over_memory, time_limit
from pipeline.model import Document, Status
from pipeline.readers import parse
from pipeline.readers.text_tools import no_addresses

if TYPE_CHECKING:
    from pipeline.cache import DocumentCache
    from pipeline.isolation import DocumentReader

# checks.md DOC-002: a PDF with fewer than 50 characters of text has no text layer.
NO_TEXT_LAYER_CHARS = 50


def load_document(
    file: BundleFile,
    limits: Limits,
    cache: DocumentCache | None = None,
    reader: DocumentReader | None = None,
) -> Document:
    """Read, parse and extract one file. Never raises for a bad file: its status and reason say
    what went wrong, and it carries (empty) facts all the same.

    The bytes are read here; parsing and extraction run in `reader` (an isolated worker process,
    `pipeline.isolation`) when one is given, else in this process. A document found in `cache`
    is neither parsed nor extracted again, and a new one is added to it."""
    document = _load(file, limits, cache, reader)
    document.notes.extend(file.notes)
    return document


def _load(
    file: BundleFile, limits: Limits, cache: DocumentCache | None, reader: DocumentReader | None
) -> Document:
    try:
        data = file.read()
    except DarsError as exc:
        return _without_facts(Document(file.path, file.size, None, Status.UNREADABLE, reason=str(exc)))
    sha256 = hashlib.sha256(data).hexdigest()
    if cache is not None:
        cached = cache.load(cache.key(sha256, file.path, limits))
        if cached is not None:
            status, parsed, facts = cached
            if parsed.table_pages:
                parsed.table_loader = _pdf_table_loader(data)
            return Document(file.path, len(data), sha256, status, parsed=parsed, facts=facts)
    if reader is not None:
        document = reader.read(file.path, data, sha256)
    else:
        document = parse_and_extract(file.path, data, sha256, limits)
    if cache is not None:
        store_document(document, limits, cache)
    return document


def parse_and_extract(
    path: str, data: bytes, sha256: str, limits: Limits, on_parsed: Callable[[], None] | None = None
) -> Document:
    """Parse a file's bytes, then extract its facts, each step within the time limit. `on_parsed` is
    called between the two (an isolated worker tells its parent, which restarts its clock)."""
    document = parse_document(path, data, sha256, limits)
    if on_parsed is not None:
        on_parsed()
    extract_within_limit(document, limits)
    return document


def parse_document(path: str, data: bytes, sha256: str, limits: Limits) -> Document:
    """The file's bytes as a Document with its blocks, or unreadable with the reason."""
    try:
        with time_limit(limits.max_seconds_per_document, "reading the document"):
            parsed = parse(path, data, limits)
    except WithheldDocument as exc:
        return Document(path, len(data), sha256, Status.WITHHELD, reason=str(exc))
    except DarsError as exc:
        return Document(path, len(data), sha256, Status.UNREADABLE, reason=str(exc))
    except MemoryError:
        return Document(path, len(data), sha256, Status.UNREADABLE, reason=over_memory(limits))
    except RecursionError:
        return Document(
            path, len(data), sha256, Status.UNREADABLE, reason="the document is nested too deeply"
        )
    except Exception as exc:  # noqa: BLE001 - a library's surprise about one file must not stop the bundle
        reason = f"the file could not be parsed ({type(exc).__name__}: {no_addresses(str(exc))})"
        return Document(path, len(data), sha256, Status.UNREADABLE, reason=reason[:300])
    status = Status.OK
    if parsed.format in ("pdf", "image") and _text_layer(parsed) < NO_TEXT_LAYER_CHARS:
        status = Status.NO_TEXT  # a scan, even where OCR read it: DOC-002 says so
    return Document(path, len(data), sha256, status, parsed=parsed)


def _text_layer(parsed) -> int:
    """Characters of text outside the pages read by OCR: a scan's stamp ("Scanned with CamScanner")
    on a page OCR read is not a text layer."""
    ocr_pages = {b.page for b in parsed.blocks if b.ocr}
    return sum(len(b.text.strip()) for b in parsed.blocks if b.page not in ocr_pages or b.page is None)


def extract_within_limit(document: Document, limits: Limits) -> None:
    """Extract a document's facts. A document over the time or memory limit, or one an extractor
    fails on, is unreadable (DOC-001) and adds no facts: the rest of the bundle is still checked."""
    from extractors import extract

    try:
        with time_limit(limits.max_seconds_per_document, "reading the document"):
            document.facts = extract(document)
        return
    except LimitExceeded as exc:
        reason = str(exc)
    except MemoryError:
        reason = over_memory(limits)
    except RecursionError:
        reason = "the document is nested too deeply to extract its facts"
    except Exception as exc:  # noqa: BLE001 - one document's surprise must not stop the bundle
        reason = f"its facts could not be extracted (internal error: {type(exc).__name__}: {exc})"[:300]
    document.status, document.reason = Status.UNREADABLE, reason
    _without_facts(document)


def _without_facts(document: Document) -> Document:
    from extractors import DocumentFacts

    document.facts = DocumentFacts()
    return document


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
