"""The run: load → parse → extract → check, for one bundle or one document. Returns a Report."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from checks import run_checks
from checks.context import CheckContext
from pipeline.bundle import Bundle, open_bundle
from pipeline.errors import DarsError
from pipeline.isolation import DocumentReader, close_shared_reader, isolation_wanted, shared_reader
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load import load_document
from pipeline.report import Report
from pipeline.request import LoadedRequest, RequestProblem, load_request

if TYPE_CHECKING:
    from pipeline.cache import DocumentCache
    from pipeline.config import Settings
    from pipeline.register import CagRegister


def check_path(
    path: Path,
    as_of: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    today: date | None = None,
    cache: DocumentCache | None = None,
    register: CagRegister | None = None,
    settings: Settings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check a bundle folder, a .zip bundle, or a single document.

    With `cache`, documents parsed and extracted by an earlier run are taken from it, and the
    others are added to it. `register` is the CAG register, read once by the caller (`load_register`).
    `settings` (pipeline.config) choose the checks that run. `progress(read, of)` hears of each
    document as it is read (the service shows it while a submission is checked)."""
    from pipeline.run_time import run_time

    generated = run_time()
    with open_bundle(path, limits) as bundle, document_reader(limits) as reader:
        documents = []
        for file in bundle.files:
            if progress is not None:
                progress(len(documents), len(bundle.files))
            documents.append(load_document(file, limits, cache, reader))
        request, request_sha256 = _load_request(bundle, limits)
    as_of_date = as_of or (request.submitted if request else None) or today or date.today()
    ctx = CheckContext(
        tuple(documents), request, as_of_date, single_document=bundle.is_single_document, register=register
    )
    findings, skipped = run_checks(ctx, settings.enabled if settings else None)
    return Report(
        source=path,
        kind=bundle.kind,
        as_of=as_of_date,
        request_file=request.file if request else None,
        request_sha256=request_sha256,
        documents=documents,
        findings=findings,
        skipped=skipped,
        request_usable=bool(request and request.usable),
        notes=list(bundle.notes),
        headline=dict(request.headline) if request else {},
        register=register.to_dict() if register else None,
        generated=generated,
        settings=settings,
        limits=limits,
    )


# Whether bundles checked in this process share one reader (`shared_document_readers`).
_sharing = False


@contextmanager
def document_reader(limits: Limits) -> Iterator[DocumentReader | None]:
    """An isolated worker to read documents in (`pipeline.isolation`), or None to read them here
    when DARS_EVIDENCE_IN_PROCESS=1. Within `shared_document_readers`, the one this process keeps."""
    if not isolation_wanted():
        yield None
        return
    if _sharing:
        yield shared_reader(limits)
        return
    with DocumentReader(limits) as reader:
        yield reader


@contextmanager
def shared_document_readers() -> Iterator[None]:
    """Bundles checked inside share this process's reader and its warm child (a batch's queue)."""
    global _sharing
    before, _sharing = _sharing, True
    try:
        yield
    finally:
        _sharing = before
        if not before:
            close_shared_reader()


def share_document_readers() -> None:
    """Every bundle this process checks shares its reader: for a batch's worker processes."""
    global _sharing
    _sharing = True


def _load_request(bundle: Bundle, limits: Limits) -> tuple[LoadedRequest | None, str | None]:
    """The request, and the sha256 of its bytes (a resubmission's changed request shows as changed)."""
    if bundle.request is None:
        return None, None
    try:
        data = bundle.request.read()
    except DarsError as exc:
        problem = RequestProblem("", f"the file cannot be read: {exc}")
        return LoadedRequest(bundle.request.path, None, [problem]), None
    loaded = load_request(bundle.request.path, data, limits.max_seconds_per_document)
    return loaded, hashlib.sha256(data).hexdigest()
