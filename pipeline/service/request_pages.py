"""The queue of requests, a request's page, and its stored reports."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from pipeline.service import queries
from pipeline.service.checking import REPORT_FORMATS
from pipeline.service.uploads import upload_limits
from pipeline.service.web import NotFound, both, respond, signed_in, the_request
from pipeline.views.html_view import REPORT_CSP

VERDICTS = ("ready", "needs_review", "not_ready")
MEDIA = {"json": "application/json", "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}


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


async def request_page(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    state = request.app.state
    entries = queries.request_submissions(state.engine, found["id"])
    latest = entries[-1] if entries else None
    report_html = changes = None
    if latest and latest["state"] == "done":
        report_json = state.checker.report_path(latest["id"], "json")
        changes = json.loads(report_json.read_text(encoding="utf-8")).get("changes")
        report_html = f"/requests/{found['id']}/submissions/{latest['number']}/report.html"
    data = {
        "user": user,
        "request": found,
        "submissions": entries,
        "latest": latest,
        "changes": changes,
        "report": report_html,
        **upload_limits(state),
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


ROUTES = [
    Route("/", queue_page, methods=["GET"]),
    Route("/api/requests", queue_page, methods=["GET"]),
    *both("/requests/{request_id:int}", request_page, ["GET"]),
    Route("/requests/{request_id:int}/submissions/{number:int}/report.{fmt}", report_file, methods=["GET"]),
]
