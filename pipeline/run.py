"""The run: load → parse → extract → check, for one bundle or one document. Returns a Report."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checks import run_checks
from checks.context import CheckContext
from extractors import DocumentFacts, extract
from pipeline.bundle import Bundle, open_bundle
from pipeline.errors import DarsError, LimitExceeded
from pipeline.limits import DEFAULT_LIMITS, Limits, time_limit
from pipeline.load import load_document, store_document
from pipeline.model import Document, Status
from pipeline.report import Report
from pipeline.request import LoadedRequest, RequestProblem, load_request

if TYPE_CHECKING:
    from pipeline.cache import DocumentCache


def check_path(
    path: Path,
    as_of: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    today: date | None = None,
    cache: DocumentCache | None = None,
) -> Report:
    """Check a bundle folder, a .zip bundle, or a single document.

    With `cache`, documents parsed and extracted by an earlier run are taken from it, and the
    others are added to it."""
    with open_bundle(path, limits) as bundle:
        documents = [load_document(file, limits, cache) for file in bundle.files]
        request = _load_request(bundle)
    for document in documents:
        if document.facts is not None:  # from the cache
            continue
        extract_within_limit(document, limits)
        if cache is not None:
            store_document(document, limits, cache)
    as_of_date = (
        as_of or (request.request.submitted if request and request.usable else None) or today or date.today()
    )
    ctx = CheckContext(tuple(documents), request, as_of_date, single_document=bundle.is_single_document)
    findings, skipped = run_checks(ctx)
    return Report(
        source=path,
        kind=bundle.kind,
        as_of=as_of_date,
        request_file=request.file if request else None,
        documents=documents,
        findings=findings,
        skipped=skipped,
        request_usable=bool(request and request.usable),
        notes=list(bundle.notes),
    )


def extract_within_limit(document: Document, limits: Limits) -> None:
    """Extract a document's facts; a document over the time limit is unreadable (DOC-001) and adds none."""
    try:
        with time_limit(limits.max_seconds_per_document, "reading the document"):
            document.facts = extract(document)
    except LimitExceeded as exc:
        document.status, document.reason, document.facts = Status.UNREADABLE, str(exc), DocumentFacts()


def _load_request(bundle: Bundle) -> LoadedRequest | None:
    if bundle.request is None:
        return None
    try:
        data = bundle.request.read()
    except DarsError as exc:
        return LoadedRequest(
            bundle.request.path, None, [RequestProblem("", f"the file cannot be read: {exc}")]
        )
    return load_request(bundle.request.path, data)
