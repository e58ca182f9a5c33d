"""Uploading a bundle: a new request, or a resubmission of one.

The form's file field `bundle` takes a .zip, or the bundle's files themselves (several, or one
document with its request.yaml), which are kept as one zip the service builds (`built_bundle`).
The limits are enforced before anything is stored: the size while the body streams, the number of
files while it is parsed, and an archive's members and nesting from its central directories.
A bundle without a request.yaml is not refused: its check reports it, as the run does.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.limits import DEFAULT_LIMITS
from pipeline.service import queries
from pipeline.service.archive_limits import check_archive
from pipeline.service.built_bundle import build_bundle
from pipeline.service.upload_names import safe_base_name
from pipeline.service.uploads import UploadRefused, read_upload, upload_limits
from pipeline.service.web import both, is_api, respond, sent_csrf, signed_in, the_request


async def upload_page(request: Request) -> Response:
    user = signed_in(request)
    return respond(request, "service_upload.html.j2", {"user": user, **upload_limits(request.app.state)})


async def upload_new(request: Request) -> Response:
    user = signed_in(request)
    return await _upload(request, user, None)


async def upload_resubmission(request: Request) -> Response:
    user = signed_in(request)
    return await _upload(request, user, the_request(request, user))


async def _upload(request: Request, user: dict, existing: dict | None) -> Response:
    state = request.app.state
    if is_api(request):
        await sent_csrf(request)  # refused before the body is read
    try:
        form = await read_upload(request, state.max_upload_bytes, state.max_files)
    except UploadRefused as refused:
        return _refused(request, user, refused.status, refused.message)
    try:
        return await _store_and_check(request, user, existing, form)
    except UploadRefused as refused:
        return _refused(request, user, refused.status, refused.message)
    finally:
        await form.close()


async def _store_and_check(request: Request, user: dict, existing: dict | None, form) -> Response:
    state = request.app.state
    if not is_api(request):
        await sent_csrf(request, form)
    title = str(form.get("title") or "").strip()[:200]
    if existing is None and not title:
        return _refused(request, user, 400, "give the request its DARS reference or a title")
    files = [part for part in form.getlist("bundle") if not isinstance(part, str)]
    if not files:
        return _refused(request, user, 400, "choose a .zip bundle, or the bundle's files, to upload")
    sha256, size = await run_in_threadpool(_store, files, state.max_files, state.blobs)
    request_id = existing["id"] if existing else queries.create_request(state.engine, title, user["id"])
    submission_id = queries.add_submission(state.engine, request_id, sha256, size, user["id"])
    state.checker.submit(submission_id)
    if is_api(request):
        return JSONResponse(
            {"request": request_id, "submission": queries.submission(state.engine, submission_id)},
            status_code=201,
        )
    return RedirectResponse(f"/requests/{request_id}", status_code=303)


def _store(files: list, max_files: int, blobs) -> tuple[str, int]:
    """The bundle stored by its sha256 (hashing and zipping off the event loop)."""
    with the_bundle(files, max_files) as bundle:
        return blobs.put(bundle)  # no name the sender chose is used here


@contextmanager
def the_bundle(files: list, max_files: int) -> Iterator[BinaryIO]:
    """The one .zip sent, or a zip built of the files sent; refused (UploadRefused) past a limit."""
    if len(files) == 1 and safe_base_name(files[0].filename).lower().endswith(".zip"):
        sent = files[0].file
        sent.seek(0)
        if sent.read(2) != b"PK":
            raise UploadRefused(400, "the upload is not a .zip file")
        check_archive(sent, safe_base_name(files[0].filename), max_files, DEFAULT_LIMITS)
        yield sent
        return
    for part in files:
        if safe_base_name(part.filename).lower().endswith(".zip"):  # a member of the built bundle
            check_archive(part.file, safe_base_name(part.filename), max_files, DEFAULT_LIMITS, depth=2)
    with tempfile.SpooledTemporaryFile(max_size=1 << 20) as built:
        build_bundle([(part.filename, part.file) for part in files], built)
        yield built


def _refused(request: Request, user: dict, status: int, message: str) -> Response:
    return respond(
        request,
        "service_upload.html.j2",
        {"user": user, "error": message, **upload_limits(request.app.state)},
        status,
    )


SCRIPT = Path(__file__).parent / "static" / "upload.js"


async def upload_script(_request: Request) -> Response:
    """The pages' one script (drag and drop, progress): ours, served from the service itself."""
    return FileResponse(SCRIPT, media_type="text/javascript; charset=utf-8")


ROUTES = [
    Route("/static/upload.js", upload_script, methods=["GET"]),
    *both("/requests/new", upload_page, ["GET"]),
    *both("/requests", upload_new, ["POST"]),
    *both("/requests/{request_id:int}/submissions", upload_resubmission, ["POST"]),
]
