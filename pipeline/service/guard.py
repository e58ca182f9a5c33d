"""Who is signed in, the CSRF token of their session, and the headers every response carries.

Sessions live in a signed cookie (Starlette's SessionMiddleware, itsdangerous): it lapses after
`idle` seconds unused, and `current_user` ends it `lifetime` seconds after sign-in whatever the use.
Every form carries the session's CSRF token (field `csrf`; the JSON API sends it as `X-CSRF-Token`).
"""

from __future__ import annotations

import hmac
import secrets
import time

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline.service.accounts import user_by_id
from pipeline.views.html_view import SERVICE_CSP

# The report's policy (views/templates/report.html.j2), forms allowed back to the service only and
# no framing. Pages load nothing from elsewhere and run only the service's own script
# (/static/upload.js): no inline script, no inline event handler.
PAGE_CSP = f"{SERVICE_CSP}; frame-ancestors 'none'"
# A stored report is served with the report's own policy (REPORT_CSP), as the HTML file carries it.


class CsrfRefused(Exception):
    """A form or API call without the session's CSRF token."""


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise CsrfRefused()


def sign_in(request: Request, user: dict) -> None:
    request.session.clear()
    request.session.update({"user": user["id"], "since": int(time.time()), "csrf": secrets.token_urlsafe(32)})


def current_user(request: Request) -> dict | None:
    """The signed-in user, or None (a session past its lifetime is ended here)."""
    user_id, since = request.session.get("user"), request.session.get("since")
    if user_id is None or since is None:
        return None
    if time.time() - since >= request.app.state.session_lifetime:
        request.session.clear()
        return None
    return user_by_id(request.app.state.engine, user_id)


class SecurityHeaders:
    """Adds the CSP (unless the response set its own) and the other defensive headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
