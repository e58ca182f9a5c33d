"""Every route of the service, walked from its table (so a new route is covered the day it lands):
signed out, a page sends to /signin and the API answers 401; a request that is not the user's is a 404
that never names it, whatever the route; and no route answers with a server error."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Route

from pipeline.service.pages import ROUTES
from tests.service.test_service import client, sign_in, upload

OPEN = {"/signin", "/api/signin", "/signout", "/api/signout", "/static/{name}"}
VALUES = {"request_id": "1", "number": "1", "fmt": "html", "acceptance_id": "1", "name": "upload.js"}


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: VALUES.get(m.group(1), "1"), path)


def routes() -> list[tuple[str, str, str]]:
    """(method, template, concrete path) of every route."""
    walked = []
    for route in ROUTES:
        assert isinstance(route, Route)
        for method in sorted(route.methods - {"HEAD"}):
            walked.append((method, route.path, concrete(route.path)))
    return walked


@pytest.mark.parametrize(("method", "template", "path"), routes(), ids=lambda v: str(v))
def test_signed_out_every_route_is_refused_or_sent_to_sign_in(data, method, template, path):
    if template in OPEN or "{" not in template and template.startswith(("/static",)):
        pytest.skip("open by design")
    with client(data) as web:
        answer = web.request(method, path)
    assert answer.status_code < 500
    if path.startswith("/api/"):
        assert answer.status_code == 401
    else:
        assert answer.status_code == 303 and answer.headers["location"] == "/signin"


def test_every_route_of_a_request_not_yours_is_a_404_that_never_names_it(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        assert upload(web, token, "s251-org-gaps", title="Alice's confidential request").status_code == 303
    with client(data) as web:
        token = sign_in(web, "bob")
        checked = 0
        for method, template, path in routes():
            if "{request_id" not in template:
                continue
            answer = web.request(method, path, data={"csrf": token}, headers={"X-CSRF-Token": token})
            assert answer.status_code == 404, (method, path, answer.status_code)
            assert "confidential" not in answer.text.lower() and "alice" not in answer.text.lower()
            checked += 1
        assert checked >= 6


def test_no_route_answers_a_signed_in_user_with_a_server_error(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        assert upload(web, token, "s251-org-gaps").status_code == 303
        for method, _template, path in routes():
            if path.endswith("/signout"):
                continue
            answer = web.request(method, path, data={"csrf": token}, headers={"X-CSRF-Token": token})
            assert answer.status_code < 500, (method, path, answer.text[:200])
