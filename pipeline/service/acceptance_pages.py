"""Accepting a finding of a request's latest report, withdrawing an acceptance, and the audit log.

Only a reviewer accepts or withdraws (an applicant who may see the request gets 403; one who may not,
404). After either, the latest report is made again at once with the acceptances in force.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from pipeline.service import acceptances, queries
from pipeline.service.web import (
    NotFound,
    both,
    is_api,
    json_body,
    refusal,
    respond,
    sent_csrf,
    signed_in,
    the_request,
)

log = logging.getLogger(__name__)


class Forbidden(Exception):
    """A signed-in user asking for what their role does not allow."""


async def accept_finding(request: Request) -> Response:
    user, found, sent = await _reviewer_form(request)
    latest = queries.latest_checked(request.app.state.engine, found["id"])
    finding = _finding(request, latest, str(sent.get("fingerprint") or ""))
    try:
        acceptance_id = acceptances.accept(
            request.app.state.engine, found["id"], finding, str(sent.get("reason") or ""), user
        )
    except acceptances.AcceptanceRefused as refused:
        return refusal(request, str(refused), 400, back=f"/requests/{found['id']}")
    await _reapply(request, found["id"])
    if is_api(request):
        return JSONResponse({"acceptance": acceptance_id, **_state(request, found)}, status_code=201)
    return RedirectResponse(f"/requests/{found['id']}#findings", status_code=303)


async def withdraw_acceptance(request: Request) -> Response:
    user, found, sent = await _reviewer_form(request)
    try:
        acceptances.withdraw(
            request.app.state.engine,
            found["id"],
            request.path_params["acceptance_id"],
            str(sent.get("reason") or ""),
            user,
        )
    except LookupError:
        raise NotFound() from None
    except acceptances.AcceptanceRefused as refused:
        return refusal(request, str(refused), 400, back=f"/requests/{found['id']}")
    await _reapply(request, found["id"])
    if is_api(request):
        return JSONResponse(_state(request, found))
    return RedirectResponse(f"/requests/{found['id']}#findings", status_code=303)


async def audit_page(request: Request) -> Response:
    user = signed_in(request)
    found = the_request(request, user)
    data = {"user": user, "request": found, "audit": acceptances.audit(request.app.state.engine, found["id"])}
    return respond(request, "service_audit.html.j2", data)


async def _reviewer_form(request: Request) -> tuple[dict, dict, dict]:
    """The signed-in reviewer, the request (404 when not theirs to see) and the form or JSON sent."""
    user = signed_in(request)
    found = the_request(request, user)
    if is_api(request):
        await sent_csrf(request)
        sent = await json_body(request)
    else:
        sent = await request.form(max_files=0, max_fields=5)
        await sent_csrf(request, sent)
    if user["role"] != "reviewer":
        raise Forbidden()
    return user, found, sent


def _finding(request: Request, latest: dict | None, fingerprint: str) -> dict:
    """The finding of the latest report with `fingerprint`: only what a reviewer was shown is accepted."""
    if latest is not None:
        for finding in request.app.state.checker.stored_report(latest["id"])["findings"]:
            if finding["fingerprint"] == fingerprint:
                return finding
    raise NotFound()


async def _reapply(request: Request, request_id: int) -> None:
    try:
        await run_in_threadpool(request.app.state.checker.reapply, request_id)
    except Exception:  # the acceptance stands; the next submission's report shows it
        log.exception("the report of request %s could not be made again", request_id)


def _state(request: Request, found: dict) -> dict:
    engine = request.app.state.engine
    return {
        "acceptances": acceptances.of_request(engine, found["id"]),
        "latest": queries.latest_checked(engine, found["id"]),
    }


async def forbidden(request: Request, _exc: Exception) -> Response:
    return refusal(request, "Only a reviewer accepts findings or withdraws acceptances.", 403)


ROUTES = [
    *both("/requests/{request_id:int}/acceptances", accept_finding, ["POST"]),
    *both(
        "/requests/{request_id:int}/acceptances/{acceptance_id:int}/withdraw", withdraw_acceptance, ["POST"]
    ),
    *both("/requests/{request_id:int}/audit", audit_page, ["GET"]),
]
EXCEPTION_HANDLERS = {Forbidden: forbidden}
