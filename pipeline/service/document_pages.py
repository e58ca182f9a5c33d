"""Checking one document without opening a request: an applicant's draft notice or letter, checked
as `dars-evidence check FILE` checks it and then forgotten (nothing of it is kept: not the file,
not the report). The page answers with the HTML report, under the report's own policy; the API
with the JSON report.

The upload is written to a temporary file the service names (`document` and the plain suffix of
the name it came with, which picks the reader); the name it came with is only shown, cleaned and
escaped. The check runs off the event loop, a few at a time (`CHECKS_AT_ONCE`), its document read
in the isolated worker as in any run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from pipeline.bundle import display_name
from pipeline.service.upload_names import safe_base_name, safe_suffix
from pipeline.service.uploads import UploadRefused, read_upload, upload_limits
from pipeline.service.web import both, is_api, respond, sent_csrf, signed_in
from pipeline.views.html_view import REPORT_CSP

CHECKS_AT_ONCE = 2  # each reads its document in a worker process; the machine has few cores
NOT_KEPT = "checked by the service and not kept: neither the document nor this report was stored"


async def document_page(request: Request) -> Response:
    user = signed_in(request)
    return respond(request, "service_document.html.j2", {"user": user, **upload_limits(request.app.state)})


async def check_document_upload(request: Request) -> Response:
    user = signed_in(request)
    if is_api(request):
        await sent_csrf(request)  # refused before the body is read
    try:
        form = await read_upload(request, request.app.state.max_upload_bytes, max_files=1)
    except UploadRefused as refused:
        return _refused(request, user, refused.status, refused.message)
    try:
        if not is_api(request):
            await sent_csrf(request, form)
        part = form.get("document")
        if part is None or isinstance(part, str):
            return _refused(request, user, 400, "choose a document to check")
        shown = safe_base_name(part.filename)
        if safe_suffix(shown) == ".zip":  # the run would open it as a bundle
            return _refused(request, user, 400, "a .zip is a bundle: upload it as a request (Upload)")
        async with _slots(request):
            report = await run_in_threadpool(check_document, part.file, shown)
    finally:
        await form.close()
    from pipeline.views import render

    if is_api(request):
        return Response(render(report, "json"), media_type="application/json")
    return Response(
        render(report, "html"),
        media_type="text/html; charset=utf-8",
        headers={"content-security-policy": REPORT_CSP},
    )


def check_document(source: BinaryIO, shown: str) -> dict:
    """The report of one document (as `dars-evidence check FILE`), named `shown` in it."""
    from pipeline.run import check_path

    with tempfile.TemporaryDirectory(prefix="dars-document-") as folder:
        path = Path(folder) / f"document{safe_suffix(shown)}"
        source.seek(0)
        with path.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 16)
        report = check_path(path).to_dict()
    report = relabel(report, path.name, display_name(shown))
    report["bundle"]["path"] = display_name(shown)
    report["bundle"]["notes"] = [*report["bundle"].get("notes", []), NOT_KEPT]
    return report


def relabel(value, temporary: str, shown: str):
    """`value` with the temporary file's name (and its attachments' `name/...` paths) shown as
    the name the document came with."""
    if isinstance(value, dict):
        return {key: relabel(item, temporary, shown) for key, item in value.items()}
    if isinstance(value, list):
        return [relabel(item, temporary, shown) for item in value]
    if isinstance(value, str):
        if value == temporary:
            return shown
        if value.startswith(f"{temporary}/"):
            return shown + value[len(temporary) :]
    return value


def _slots(request: Request) -> anyio.Semaphore:
    """The app's bound on documents checked at once (made in the event loop that serves it)."""
    state = request.app.state
    if getattr(state, "document_slots", None) is None:
        state.document_slots = anyio.Semaphore(CHECKS_AT_ONCE)
    return state.document_slots


def _refused(request: Request, user: dict, status: int, message: str) -> Response:
    data = {"user": user, "error": message, **upload_limits(request.app.state)}
    return respond(request, "service_document.html.j2", data, status)


ROUTES = [
    *both("/documents/new", document_page, ["GET"]),
    *both("/documents", check_document_upload, ["POST"]),
]
