"""Signing in and out."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from pipeline.service.accounts import authenticate
from pipeline.service.guard import csrf_token, current_user, sign_in
from pipeline.service.web import both, is_api, json_body, respond, sent_csrf


async def signin_page(request: Request) -> Response:
    return respond(
        request, "service_signin.html.j2", {"user": current_user(request), "csrf": csrf_token(request)}
    )


async def signin(request: Request) -> Response:
    if is_api(request):
        await sent_csrf(request)
        body = await json_body(request)
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


ROUTES = [
    *both("/signin", signin_page, ["GET"]),
    *both("/signin", signin, ["POST"]),
    *both("/signout", signout, ["POST"]),
]
