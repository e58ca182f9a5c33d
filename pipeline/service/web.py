"""What every route shares: one answer as HTML or as JSON, who is signed in, the CSRF check, and the
request the user may see. Each page's data is built once and shown twice: as HTML (the report's Jinja2
environment, autoescaped) and as JSON under /api/, with the same access rules.

A request the user may not see is a 404 whose body never names it; a form without the session's
CSRF token is a 403; a user not signed in is sent to /signin (the API answers 401).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pipeline.service import queries
from pipeline.service.guard import CsrfRefused, check_csrf, csrf_token, current_user


class NotSignedIn(Exception):
    pass


class NotFound(Exception):
    pass


class BadRequest(Exception):
    """A body the route cannot read: the message says what it wants."""


async def json_body(request: Request) -> dict:
    """The JSON object sent to an /api/ route; BadRequest (400) when the body is not one."""
    try:
        body = await request.json()
    except ValueError:
        raise BadRequest("send a JSON object (Content-Type: application/json)") from None
    if not isinstance(body, dict):
        raise BadRequest("send a JSON object, not a list or a value")
    return body


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


# Errors


def refusal(request: Request, message: str, status: int, back: str | None = None) -> Response:
    """A refusal said once: `{"error": message}` for the API, the message page for a browser."""
    if is_api(request):
        return JSONResponse({"error": message}, status_code=status)
    data = {"user": current_user(request), "message": message, **({"back": back} if back else {})}
    return respond(request, "service_message.html.j2", data, status)


async def not_found(request: Request, _exc: Exception) -> Response:
    return refusal(request, "There is no such page, or it is not yours to see.", 404)


async def csrf_refused(request: Request, _exc: Exception) -> Response:
    return refusal(request, "The form had no valid security token: reload the page and send it again.", 403)


async def not_signed_in(request: Request, _exc: Exception) -> Response:
    if is_api(request):
        return JSONResponse({"error": "sign in first (POST /api/signin)"}, status_code=401)
    return RedirectResponse("/signin", status_code=303)


async def bad_request(request: Request, exc: Exception) -> Response:
    return refusal(request, str(exc), 400)


EXCEPTION_HANDLERS = {
    BadRequest: bad_request,
    NotFound: not_found,
    404: not_found,
    CsrfRefused: csrf_refused,
    NotSignedIn: not_signed_in,
}


def both(path: str, endpoint, methods: list[str]) -> list[Route]:
    """The page at `path` and its JSON counterpart at /api`path`."""
    return [Route(path, endpoint, methods=methods), Route(f"/api{path}", endpoint, methods=methods)]
