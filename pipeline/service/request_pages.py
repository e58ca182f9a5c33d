"""The queue of requests, a request's page, and its stored reports."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.service import acceptances, queries
from pipeline.service.checking import REPORT_FORMATS
from pipeline.service.uploads import upload_limits
from pipeline.service.web import NotFound, both, is_api, refusal, respond, sent_csrf, signed_in, the_request
from pipeline.views.html_view import REPORT_CSP

VERDICTS = ("ready", "needs_review", "not_ready")
MEDIA = {"json": "application/json", "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}


SORTS = {
    "newest": (lambda row: -row["id"]),
    "oldest": (lambda row: row["id"]),
    "title": (lambda row: row["title"].casefold()),
    "errors": (lambda row: -((row["latest"] or {}).get("errors") or 0)),
    "warnings": (lambda row: -((row["latest"] or {}).get("warnings") or 0)),
    "verdict": (lambda row: _verdict_rank((row["latest"] or {}).get("verdict"))),
}
STATES = ("queued", "checking", "failed")


async def queue_page(request: Request) -> Response:
    """The requests the user may see, filtered by verdict or state (`?show=`) and by words of the
    title or owner (`?q=`), sorted by `?sort=` (newest first by default)."""
    user = signed_in(request)
    rows = queries.queue(request.app.state.engine, user)
    show = request.query_params.get("show") or request.query_params.get("verdict") or ""
    if show in VERDICTS:
        rows = [row for row in rows if row["latest"] and row["latest"]["verdict"] == show]
    elif show in STATES:
        rows = [row for row in rows if row["latest"] and row["latest"]["state"] == show]
    else:
        show = ""
    words = request.query_params.get("q", "").casefold().split()
    if words:
        rows = [row for row in rows if all(w in f"{row['title']} {row['owner']}".casefold() for w in words)]
    sort = request.query_params.get("sort", "newest")
    sort = sort if sort in SORTS else "newest"
    rows.sort(key=SORTS[sort])
    chosen = {"show": show, "q": " ".join(words), "sort": sort}
    data = {
        "user": user,
        "requests": rows,
        "verdicts": VERDICTS,
        "chosen": chosen,
        "links": {
            "show": {name: _queue_link(chosen, show=name) for name in ("", *VERDICTS, *STATES)},
            "sort": {name: _queue_link(chosen, sort=name) for name in SORTS},
        },
    }
    return respond(request, "service_queue.html.j2", data)


def _verdict_rank(verdict: str | None) -> int:
    """Worst first: not ready, needs review, ready, then those not checked."""
    order = ("not_ready", "needs_review", "ready")
    return order.index(verdict) if verdict in order else len(order)


def _queue_link(chosen: dict, **change: str) -> str:
    from urllib.parse import urlencode

    query = {key: value for key, value in {**chosen, **change}.items() if value and value != "newest"}
    return "/?" + urlencode(query) if query else "/"


async def request_page(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    state = request.app.state
    entries = queries.request_submissions(state.engine, found["id"])
    latest = entries[-1] if entries else None
    # the report shown is the latest whose check finished, while a newer one may still be checked
    checked = next((entry for entry in reversed(entries) if entry["state"] == "done"), None)
    report = {}
    held = acceptances.of_request(state.engine, found["id"])
    in_force = {entry["fingerprint"]: entry for entry in held if entry["withdrawn"] is None}
    if checked is not None:
        report = state.checker.stored_report(checked["id"])
    data = {
        "user": user,
        "request": found,
        "submissions": entries,
        "latest": latest,
        "checked": checked,
        "summary": report.get("summary"),
        "findings": [_finding_row(finding, in_force) for finding in report.get("findings", [])],
        "changes": report.get("changes"),
        "report": (
            f"/requests/{found['id']}/submissions/{checked['number']}/report.html" if checked else None
        ),
        "acceptances": held,
        "audit": acceptances.audit(state.engine, found["id"]),
        "may_accept": user["role"] == "reviewer",
        **upload_limits(state),
        # while a submission is checked the page reloads itself (no script: a meta refresh)
        "refresh": 3 if latest and latest["state"] in ("queued", "checking") else None,
        "progress": state.checker.progress(latest["id"])
        if latest and latest["state"] == "checking"
        else None,
    }
    return respond(request, "service_request.html.j2", data)


def _finding_row(finding: dict, in_force: dict[str, dict]) -> dict:
    """What the request page lists of a finding (the whole of it is in the report), with the
    acceptance that holds it, when one does."""
    row = {key: finding.get(key) for key in ("code", "fingerprint", "severity", "title", "message", "action")}
    if "accepted" in finding:
        row["accepted"] = finding["accepted"]
        if finding["fingerprint"] in in_force:
            row["acceptance"] = in_force[finding["fingerprint"]]["id"]
    return row


async def report_file(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    fmt = request.path_params.get("fmt", "json")  # the /api/ twin answers the JSON report
    if fmt not in REPORT_FORMATS:
        raise NotFound()
    entry = _numbered(request, found)
    if entry["state"] != "done":
        raise NotFound()
    path = request.app.state.checker.report_path(entry["id"], fmt)
    headers = {"content-security-policy": REPORT_CSP}
    return FileResponse(path, media_type=MEDIA[fmt], headers=headers)


async def check_again(request: Request) -> Response:
    """A failed submission checked again from what was stored (a check cut short by a stop, say):
    nothing is uploaded again, and the submission keeps its number."""
    user = signed_in(request)
    found = the_request(request, user)
    form = None if is_api(request) else await request.form(max_files=0, max_fields=2)
    await sent_csrf(request, form)
    entry = _numbered(request, found)
    if entry["state"] != "failed":
        return refusal(
            request,
            "only a submission whose check failed is checked again",
            400,
            back=f"/requests/{found['id']}",
        )
    state = request.app.state
    queries.update_submission(state.engine, entry["id"], state="queued", reason=None, checked=None)
    state.checker.submit(entry["id"])
    if is_api(request):
        return JSONResponse({"submission": queries.submission(state.engine, entry["id"])}, status_code=202)
    return RedirectResponse(f"/requests/{found['id']}", status_code=303)


def _numbered(request: Request, found: dict) -> dict:
    """The request's submission whose number is in the path; 404 when there is none."""
    number = request.path_params["number"]
    for entry in queries.request_submissions(request.app.state.engine, found["id"]):
        if entry["number"] == number:
            return entry
    raise NotFound()


ROUTES = [
    Route("/", queue_page, methods=["GET"]),
    Route("/api/requests", queue_page, methods=["GET"]),
    *both("/requests/{request_id:int}", request_page, ["GET"]),
    Route("/requests/{request_id:int}/submissions/{number:int}/report.{fmt}", report_file, methods=["GET"]),
    Route("/api/requests/{request_id:int}/submissions/{number:int}/report", report_file, methods=["GET"]),
    *both("/requests/{request_id:int}/submissions/{number:int}/check-again", check_again, ["POST"]),
]
