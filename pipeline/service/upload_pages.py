"""Uploading a bundle: a new request, or a resubmission of one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from pipeline.service import queries
from pipeline.service.uploads import UploadRefused, read_upload
from pipeline.service.web import both, is_api, respond, sent_csrf, signed_in, the_request


async def upload_page(request: Request) -> Response:
    user = signed_in(request)
    max_mb = request.app.state.max_upload_bytes // (1 << 20)
    return respond(request, "service_upload.html.j2", {"user": user, "max_upload_mb": max_mb})


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
        form = await read_upload(request, state.max_upload_bytes)
    except UploadRefused as refused:
        return _refused(request, user, refused.status, refused.message)
    try:
        return await _store_and_check(request, user, existing, form)
    finally:
        await form.close()


async def _store_and_check(request: Request, user: dict, existing: dict | None, form) -> Response:
    state = request.app.state
    if not is_api(request):
        await sent_csrf(request, form)
    bundle = form.get("bundle")
    if bundle is None or isinstance(bundle, str):
        return _refused(request, user, 400, "choose a .zip bundle to upload")
    head = await bundle.read(4)
    if head[:2] != b"PK":
        return _refused(request, user, 400, "the upload is not a .zip file")
    title = str(form.get("title") or "").strip()[:200]
    if existing is None and not title:
        return _refused(request, user, 400, "give the request its DARS reference or a title")
    sha256, size = state.blobs.put(bundle.file)  # the upload's own name is never used
    request_id = existing["id"] if existing else queries.create_request(state.engine, title, user["id"])
    submission_id = queries.add_submission(state.engine, request_id, sha256, size, user["id"])
    state.checker.submit(submission_id)
    if is_api(request):
        return JSONResponse(
            {"request": request_id, "submission": queries.submission(state.engine, submission_id)},
            status_code=201,
        )
    return RedirectResponse(f"/requests/{request_id}", status_code=303)


def _refused(request: Request, user: dict, status: int, message: str) -> Response:
    data = {"user": user, "error": message, "max_upload_mb": request.app.state.max_upload_bytes // (1 << 20)}
    return respond(request, "service_upload.html.j2", data, status)


ROUTES = [
    *both("/requests/new", upload_page, ["GET"]),
    *both("/requests", upload_new, ["POST"]),
    *both("/requests/{request_id:int}/submissions", upload_resubmission, ["POST"]),
]
