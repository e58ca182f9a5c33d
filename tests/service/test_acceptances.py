"""Accepting findings in the browser: a reviewer accepts with a reason, the report shows it at once,
a resubmission keeps it while its fingerprint matches, a withdrawal ends it, and the audit log keeps
both. Only a reviewer accepts; an applicant who may not see the request gets 404."""

from __future__ import annotations

import re

from tests.service.test_service import client, sign_in, upload

ORG_GAPS, FIXED = "s251-org-gaps", "s251-org-gaps-v2"  # v2 fixes ORG-001 and keeps ORG-002


def open_request(web, token) -> int:
    answer = upload(web, token, ORG_GAPS)
    assert answer.status_code == 303, answer.text
    return int(answer.headers["location"].rsplit("/", 1)[1])


def finding(web, request_id: int, code: str) -> dict:
    found = web.get(f"/api/requests/{request_id}").json()
    return next(f for f in found["findings"] if f["code"] == code)


def accept(
    web, token, request_id: int, fingerprint: str, reason: str = "Location confirmed in its DSPT entry"
):
    return web.post(
        f"/requests/{request_id}/acceptances",
        data={"csrf": token, "fingerprint": fingerprint, "reason": reason},
    )


def test_an_acceptance_shows_at_once_holds_across_a_resubmission_and_can_be_withdrawn(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        request_id = open_request(web, token)
        before = web.get(f"/api/requests/{request_id}").json()
        assert before["summary"]["verdict"] == "not_ready"
        org_002 = finding(web, request_id, "ORG-002")
        assert "accepted" not in org_002

        answer = accept(web, token, request_id, org_002["fingerprint"])
        assert answer.status_code == 303
        now = web.get(f"/api/requests/{request_id}").json()
        assert finding(web, request_id, "ORG-002")["accepted"]["by"] == "rita"
        assert (
            now["summary"]["accepted"] == 1
            and now["summary"]["warnings"] == before["summary"]["warnings"] - 1
        )
        page = web.get(f"/requests/{request_id}").text
        row = re.search(rf'<tr data-fingerprint="{org_002["fingerprint"]}"[^>]*>', page).group(0)
        assert 'class="accepted"' in row and "Accepted by rita" in page
        report = web.get(f"/requests/{request_id}/submissions/1/report.html").text
        assert "Location confirmed in its DSPT entry" in report

        assert upload(web, token, FIXED, to=f"/requests/{request_id}/submissions").status_code == 303
        after = web.get(f"/api/requests/{request_id}").json()
        assert [f["code"] for f in after["changes"]["resolved"]] == ["ORG-001"]
        assert (
            finding(web, request_id, "ORG-002")["accepted"]["reason"]
            == "Location confirmed in its DSPT entry"
        )
        page = web.get(f"/requests/{request_id}").text
        assert re.search(r'<section id="changes">.*<li data-code="ORG-001">', page, re.S)

        acceptance = after["acceptances"][0]["id"]
        answer = web.post(
            f"/requests/{request_id}/acceptances/{acceptance}/withdraw",
            data={"csrf": token, "reason": "The DSPT entry lapsed"},
        )
        assert answer.status_code == 303
        assert "accepted" not in finding(web, request_id, "ORG-002")
        log = web.get(f"/api/requests/{request_id}/audit").json()["audit"]
        assert [(a["action"], a["code"], a["by"]) for a in log] == [
            ("accepted", "ORG-002", "rita"),
            ("withdrawn", "ORG-002", "rita"),
        ]
        assert log[1]["reason"] == "The DSPT entry lapsed"
        assert "The DSPT entry lapsed" in web.get(f"/requests/{request_id}/audit").text


def test_the_api_accepts_with_its_csrf_header(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        request_id = open_request(web, token)
        org_001 = finding(web, request_id, "ORG-001")
        sent = {"fingerprint": org_001["fingerprint"], "reason": "DSFC signed; copy on file"}
        assert web.post(f"/api/requests/{request_id}/acceptances", json=sent).status_code == 403
        answer = web.post(
            f"/api/requests/{request_id}/acceptances", json=sent, headers={"X-CSRF-Token": token}
        )
        assert answer.status_code == 201, answer.text
        assert answer.json()["latest"]["errors"] == 0
        assert web.get(f"/api/requests/{request_id}").json()["summary"]["verdict"] == "needs_review"


def test_refusals(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        request_id = open_request(web, token)
        fingerprint = finding(web, request_id, "ORG-002")["fingerprint"]
        assert accept(web, token, request_id, "0" * 16).status_code == 404  # not a finding of the report
        assert accept(web, token, request_id, fingerprint, reason="   ").status_code == 400
        assert (
            web.post(
                f"/requests/{request_id}/acceptances", data={"fingerprint": fingerprint, "reason": "x"}
            ).status_code
            == 403
        )  # no CSRF token
        assert accept(web, token, request_id, fingerprint).status_code == 303
        assert accept(web, token, request_id, fingerprint).status_code == 400  # accepted already
        assert (
            web.post(f"/requests/{request_id}/acceptances/999/withdraw", data={"csrf": token}).status_code
            == 404
        )
        assert web.get("/api/requests/999/audit").status_code == 404


def test_an_applicant_never_accepts(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        request_id = open_request(web, token)
        fingerprint = finding(web, request_id, "ORG-002")["fingerprint"]
        page = web.get(f"/requests/{request_id}").text
        assert "<button>Accept</button>" not in page
        assert accept(web, token, request_id, fingerprint).status_code == 403
        assert web.get(f"/api/requests/{request_id}").json()["acceptances"] == []
    with client(data) as web:
        token = sign_in(web, "bob")
        answer = accept(web, token, request_id, fingerprint)
        assert answer.status_code == 404 and "s251" not in answer.text.lower()


def test_submissions_are_checked_in_worker_processes(data):
    """The pool the service runs: real worker processes; a submission whose check breaks fails with
    the reason while the next one is checked."""
    import time

    with client(data, synchronous=False) as web:
        token = sign_in(web, "rita")
        first = open_request(web, token)
        state = web.app.state
        broken = upload(web, token, ORG_GAPS, title="broken")
        broken_id = int(broken.headers["location"].rsplit("/", 1)[1])
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            states = [web.get(f"/api/requests/{i}").json()["latest"]["state"] for i in (first, broken_id)]
            if all(s in ("done", "failed") for s in states):
                break
            time.sleep(0.3)
        assert states == ["done", "done"]
        # the stored upload removed under it: its re-check in a worker fails, and says why
        blob = state.blobs.path(web.get(f"/api/requests/{broken_id}").json()["latest"]["sha256"])
        blob.unlink()
        assert upload(web, token, "consent-baseline", to=f"/requests/{first}/submissions").status_code == 303
        state.checker.submit(web.get(f"/api/requests/{broken_id}").json()["latest"]["id"])
        while time.monotonic() < deadline:
            latest = [web.get(f"/api/requests/{i}").json()["latest"] for i in (first, broken_id)]
            if all(s["state"] in ("done", "failed") for s in latest):
                break
            time.sleep(0.3)
        assert latest[0]["state"] == "done"
        assert latest[1]["state"] == "failed" and latest[1]["reason"]
