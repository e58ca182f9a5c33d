"""The routes. Each page's data is built once and shown twice: as HTML (the report's Jinja2
environment, autoescaped) and as JSON under /api/, with the same access rules.

A request the user may not see is a 404 whose body never names it; a form without the session's
CSRF token is a 403; a user not signed in is sent to /signin (the API answers 401).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.service import queries
from pipeline.service.accounts import authenticate
from pipeline.service.checking import REPORT_FORMATS
from pipeline.service.guard import CsrfRefused, check_csrf, csrf_token, current_user, sign_in
from pipeline.service.uploads import UploadRefused, read_upload
from pipeline.views.html_view import REPORT_CSP

VERDICTS = ("ready", "needs_review", "not_ready")
MEDIA = {"json": "application/json", "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}


class NotSignedIn(Exception):
    pass


class NotFound(Exception):
    pass


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def respond(request: Request, template: str, data: dict, status: int = 200) -> Response:
    if is_api(request):
        return JSONResponse(data, status_code=status)
    from pipeline.views.html_view import environment

    user = data.get("user")
    html = environment().get_template(template).render(data=data, user=user, csrf=csrf_token(request))
    return Response(html, status_code=status, media_type="text/html; charset=utf-8")


def signed_in(request: Request) -> dict:
    user = current_user(request)
    if user is None:
        raise NotSignedIn()
    return user


async def sent_csrf(request: Request, form=None) -> None:
    if is_api(request):
        check_csrf(request, request.headers.get("x-csrf-token"))
    else:
        check_csrf(request, form.get("csrf") if form is not None else None)


def the_request(request: Request, user: dict) -> dict:
    found = queries.visible_request(request.app.state.engine, user, request.path_params["request_id"])
    if found is None:
        raise NotFound()
    return found


# Sign-in


async def signin_page(request: Request) -> Response:
    return respond(
        request, "service_signin.html.j2", {"user": current_user(request), "csrf": csrf_token(request)}
    )


async def signin(request: Request) -> Response:
    if is_api(request):
        await sent_csrf(request)
        body = await request.json()
        name, password = str(body.get("name", "")), str(body.get("password", ""))
    else:
        form = await request.form(max_files=0, max_fields=5)
        await sent_csrf(request, form)
        name, password = str(form.get("name", "")), str(form.get("password", ""))
    user = authenticate(request.app.state.engine, name, password)
    if user is None:
        return respond(
            request,
            "service_signin.html.j2",
            {"user": None, "error": "The name or the password is wrong."},
            401,
        )
    sign_in(request, user)
    if is_api(request):
        return JSONResponse({"user": user, "csrf": request.session["csrf"]})
    return RedirectResponse("/", status_code=303)


async def signout(request: Request) -> Response:
    form = None if is_api(request) else await request.form(max_files=0, max_fields=5)
    await sent_csrf(request, form)
    request.session.clear()
    return (
        JSONResponse({"signed_out": True})
        if is_api(request)
        else RedirectResponse("/signin", status_code=303)
    )


# The queue


async def queue_page(request: Request) -> Response:
    user = signed_in(request)
    rows = queries.queue(request.app.state.engine, user)
    verdict = request.query_params.get("verdict")
    if verdict in VERDICTS:
        rows = [row for row in rows if row["latest"] and row["latest"]["verdict"] == verdict]
    sort = request.query_params.get("sort")
    if sort == "title":
        rows.sort(key=lambda row: row["title"].casefold())
    elif sort == "errors":
        rows.sort(key=lambda row: -((row["latest"] or {}).get("errors") or 0))
    return respond(request, "service_queue.html.j2", {"user": user, "requests": rows, "verdicts": VERDICTS})


# A request


async def request_page(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    state = request.app.state
    entries = queries.request_submissions(state.engine, found["id"])
    latest = entries[-1] if entries else None
    report_html = changes = None
    if latest and latest["state"] == "done":
        report_json = state.checker.report_path(latest["id"], "json")
        import json

        changes = json.loads(report_json.read_text(encoding="utf-8")).get("changes")
        report_html = f"/requests/{found['id']}/submissions/{latest['number']}/report.html"
    data = {
        "user": user,
        "request": found,
        "submissions": entries,
        "latest": latest,
        "changes": changes,
        "report": report_html,
        "max_upload_mb": state.max_upload_bytes // (1 << 20),
        # while a submission is checked the page reloads itself (no script: a meta refresh)
        "refresh": 3 if latest and latest["state"] in ("queued", "checking") else None,
    }
    return respond(request, "service_request.html.j2", data)


async def report_file(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    fmt = request.path_params["fmt"]
    if fmt not in REPORT_FORMATS:
        raise NotFound()
    number = request.path_params["number"]
    entry = next(
        (
            s
            for s in queries.request_submissions(request.app.state.engine, found["id"])
            if s["number"] == number
        ),
        None,
    )
    if entry is None or entry["state"] != "done":
        raise NotFound()
    path = request.app.state.checker.report_path(entry["id"], fmt)
    headers = {"content-security-policy": REPORT_CSP}
    return FileResponse(path, media_type=MEDIA[fmt], headers=headers)


# Uploads


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


# Errors


async def not_found(request: Request, _exc: Exception) -> Response:
    message = "There is no such page, or it is not yours to see."
    if is_api(request):
        return JSONResponse({"error": message}, status_code=404)
    return respond(
        request, "service_message.html.j2", {"user": current_user(request), "message": message}, 404
    )


async def csrf_refused(request: Request, _exc: Exception) -> Response:
    message = "The form had no valid security token: reload the page and send it again."
    if is_api(request):
        return JSONResponse({"error": message}, status_code=403)
    return respond(request, "service_message.html.j2", {"user": None, "message": message}, 403)


async def not_signed_in(request: Request, _exc: Exception) -> Response:
    if is_api(request):
        return JSONResponse({"error": "sign in first (POST /api/signin)"}, status_code=401)
    return RedirectResponse("/signin", status_code=303)


EXCEPTION_HANDLERS = {
    NotFound: not_found,
    404: not_found,
    CsrfRefused: csrf_refused,
    NotSignedIn: not_signed_in,
}


def _both(path: str, endpoint, methods: list[str]) -> list[Route]:
    return [Route(path, endpoint, methods=methods), Route(f"/api{path}", endpoint, methods=methods)]


ROUTES = [
    *_both("/signin", signin_page, ["GET"]),
    *_both("/signin", signin, ["POST"]),
    *_both("/signout", signout, ["POST"]),
    Route("/", queue_page, methods=["GET"]),
    Route("/api/requests", queue_page, methods=["GET"]),
    *_both("/requests/new", upload_page, ["GET"]),
    *_both("/requests", upload_new, ["POST"]),
    *_both("/requests/{request_id:int}", request_page, ["GET"]),
    *_both("/requests/{request_id:int}/submissions", upload_resubmission, ["POST"]),
    Route("/requests/{request_id:int}/submissions/{number:int}/report.{fmt}", report_file, methods=["GET"]),
]
