"""The web service through Starlette's TestClient: sign-in, upload, report, access rules, restart."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from starlette.testclient import TestClient

from pipeline.service.app import create_app
from pipeline.service.database import open_database
from pipeline.service.guard import PAGE_CSP
from pipeline.views.html_view import REPORT_CSP

BUNDLES = Path(__file__).resolve().parents[2] / "sample_docs" / "bundles"
PASSWORD = "correct horse battery"


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return buffer.getvalue()


def client(data: Path, **options) -> TestClient:
    """The app over `data`, checking each upload before it answers unless `synchronous=False`."""
    options.setdefault("synchronous", True)
    return TestClient(create_app(data, **options), follow_redirects=False)


def form_token(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def sign_in(web: TestClient, name: str) -> str:
    """Signs in through the HTML form; the session's CSRF token."""
    token = form_token(web.get("/signin").text)
    answer = web.post("/signin", data={"csrf": token, "name": name, "password": PASSWORD})
    assert answer.status_code == 303, answer.text
    return form_token(web.get("/requests/new").text)


def upload(web: TestClient, token: str, bundle: str, title: str = "NIC-1", to: str = "/requests"):
    return web.post(
        to,
        data={"csrf": token, "title": title},
        files={"bundle": ("../../etc/passwd.zip", zipped(BUNDLES / bundle), "application/zip")},
    )


def test_signin_upload_report_and_resubmission(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        answer = upload(web, token, "consent-baseline")
        assert answer.status_code == 303
        page = web.get(answer.headers["location"])
        assert page.status_code == 200
        assert page.headers["content-security-policy"] == PAGE_CSP
        assert re.findall(r"<script[^>]*>", page.text) == ['<script src="/static/upload.js" defer>']
        request_id = int(answer.headers["location"].rsplit("/", 1)[1])
        found = web.get(f"/api/requests/{request_id}").json()
        assert found["latest"]["state"] == "done", found["latest"]
        assert found["latest"]["verdict"] == "ready"
        report = web.get(f"/requests/{request_id}/submissions/1/report.html")
        assert report.status_code == 200 and report.headers["content-security-policy"] == REPORT_CSP
        assert "Content-Security-Policy" in report.text
        saved = web.get(f"/requests/{request_id}/submissions/1/report.json")
        assert saved.json()["summary"]["verdict"] == "ready"
        assert str(data) not in saved.text and saved.json()["bundle"]["path"].startswith("submission 1 (")
        # a resubmission that brings a problem: its changes name it as new
        assert (
            upload(web, token, "consent-no-ethics", to=f"/requests/{request_id}/submissions").status_code
            == 303
        )
        found = web.get(f"/api/requests/{request_id}").json()
        assert [s["number"] for s in found["submissions"]] == [1, 2]
        assert found["changes"]["baseline"] == "submission 1"
        assert found["changes"]["new"] and not found["changes"]["resolved"]
        assert "Changes since submission 1" in web.get(f"/requests/{request_id}").text
        queue = web.get("/api/requests").json()["requests"]
        assert [(r["title"], r["latest"]["verdict"]) for r in queue] == [("NIC-1", "needs_review")]
    stored = list((data / "submissions").rglob("*.zip"))
    assert len(stored) == 2 and all(len(p.stem) == 64 for p in stored)  # named by sha256, never by the upload


def test_an_applicant_asking_for_anothers_request_gets_404(data):
    with client(data) as web:
        request_id = int(
            upload(web, sign_in(web, "alice"), "consent-baseline", title="Alice's secret")
            .headers["location"]
            .rsplit("/", 1)[1]
        )
    with client(data) as web:
        token = sign_in(web, "bob")
        for path in (
            f"/requests/{request_id}",
            f"/api/requests/{request_id}",
            f"/requests/{request_id}/submissions/1/report.html",
        ):
            answer = web.get(path)
            assert answer.status_code == 404, path
            assert "Alice" not in answer.text
        assert (
            upload(web, token, "consent-baseline", to=f"/requests/{request_id}/submissions").status_code
            == 404
        )
        assert web.get("/api/requests").json()["requests"] == []
    with client(data) as web:
        sign_in(web, "rita")  # a reviewer sees every request
        assert web.get(f"/api/requests/{request_id}").json()["request"]["title"] == "Alice's secret"


def test_a_form_without_its_csrf_token_is_refused(data):
    with client(data) as web:
        sign_in(web, "alice")
        answer = web.post(
            "/requests",
            data={"title": "NIC-1"},
            files={"bundle": ("b.zip", zipped(BUNDLES / "consent-baseline"), "application/zip")},
        )
        assert answer.status_code == 403
        assert (
            web.post(
                "/requests", data={"title": "x", "csrf": "forged"}, files={"bundle": ("b.zip", b"PK")}
            ).status_code
            == 403
        )
        assert web.get("/api/requests").json()["requests"] == []
        # the sign-in form too
        assert web.post("/signin", data={"name": "alice", "password": PASSWORD}).status_code == 403


def test_an_oversized_upload_is_refused(data):
    with client(data, max_upload_mb=1) as web:
        token = sign_in(web, "alice")
        big = b"PK" + bytes(2 << 20)
        answer = web.post("/requests", data={"csrf": token, "title": "big"}, files={"bundle": ("b.zip", big)})
        assert answer.status_code == 413
        assert web.get("/api/requests").json()["requests"] == []
    assert not list((data / "submissions").rglob("*.zip"))


def test_a_zip_slip_in_an_upload_costs_the_submission_never_the_service(data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escaped.txt", "out")
        archive.writestr("request.yaml", "reference: NIC-9\n")
    with client(data) as web:
        token = sign_in(web, "alice")
        answer = web.post(
            "/requests", data={"csrf": token, "title": "slip"}, files={"bundle": ("s.zip", buffer.getvalue())}
        )
        assert answer.status_code == 303
        latest = web.get("/api/requests").json()["requests"][0]["latest"]
        assert latest["state"] == "done"
        saved = web.get(f"/requests/{latest['request_id']}/submissions/1/report.json").json()
        assert [(d["path"], d["status"]) for d in saved["documents"]] == [("../../escaped.txt", "unreadable")]
        assert web.get("/").status_code == 200
    assert not (data.parent / "escaped.txt").exists() and not list(data.rglob("escaped.txt"))


def test_signed_out_and_expired_sessions(data):
    with client(data) as web:
        assert web.get("/").status_code == 303
        assert web.get("/api/requests").status_code == 401
    with client(data, session_lifetime=0) as web:
        sign_in_page = web.get("/signin").text
        web.post("/signin", data={"csrf": form_token(sign_in_page), "name": "alice", "password": PASSWORD})
        assert web.get("/api/requests").status_code == 401
    with client(data) as web:
        token = form_token(web.get("/signin").text)
        wrong = web.post("/signin", data={"csrf": token, "name": "alice", "password": "not the password"})
        assert wrong.status_code == 401


def test_nothing_is_lost_across_a_restart(data):
    with client(data) as web:
        request_id = (
            upload(web, sign_in(web, "alice"), "consent-baseline").headers["location"].rsplit("/", 1)[1]
        )
    with client(data) as web:  # a new app object on the same folder
        sign_in(web, "alice")
        found = web.get(f"/api/requests/{request_id}").json()
        assert found["latest"]["verdict"] == "ready"
        assert web.get(f"/requests/{request_id}/submissions/1/report.md").status_code == 200


def test_a_check_interrupted_by_a_stop_is_marked_failed_at_start(data):
    from pipeline.service import queries
    from pipeline.service.checking import INTERRUPTED

    engine = open_database(data)
    request_id = queries.create_request(engine, "NIC-2", 2)
    submission_id = queries.add_submission(engine, request_id, "0" * 64, 10, 2)
    queries.update_submission(engine, submission_id, state="checking")
    with client(data) as web:
        sign_in(web, "alice")
        latest = web.get(f"/api/requests/{request_id}").json()["latest"]
    assert (latest["state"], latest["reason"]) == ("failed", INTERRUPTED)


def test_the_other_routes_filters_and_refusals(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        upload(web, token, "consent-baseline", title="B ready")
        upload(web, token, "consent-no-ethics", title="A needs review")
        assert web.get("/api/requests/new").json()["max_upload_mb"] == 100
        titles = lambda query: [r["title"] for r in web.get(f"/api/requests{query}").json()["requests"]]  # noqa: E731
        assert titles("") == ["A needs review", "B ready"]
        assert titles("?verdict=ready") == ["B ready"]
        assert titles("?sort=title") == ["A needs review", "B ready"]
        assert "A needs review" in web.get("/?verdict=needs_review").text
        not_a_zip = web.post(
            "/requests", data={"csrf": token, "title": "x"}, files={"bundle": ("x.zip", b"hello")}
        )
        assert not_a_zip.status_code == 400 and "not a .zip" in not_a_zip.text
        untitled = upload(web, token, "consent-baseline", title="")
        assert untitled.status_code == 400
        assert web.get("/requests/1/submissions/1/report.exe").status_code == 404
        assert web.get("/requests/1/submissions/9/report.html").status_code == 404
        assert web.post("/signout", data={"csrf": token}).status_code == 303
        assert web.get("/api/requests").status_code == 401


def test_a_request_page_reloads_itself_while_its_submission_waits(data):
    from pipeline.service import queries

    engine = open_database(data)
    request_id = queries.create_request(engine, "NIC-3", 2)
    queries.add_submission(engine, request_id, "0" * 64, 10, 2)
    app = create_app(data, synchronous=True)
    with TestClient(app, follow_redirects=False) as web:  # the lifespan re-queues it: the blob is missing
        sign_in(web, "alice")
        latest = web.get(f"/api/requests/{request_id}").json()
        assert (
            latest["latest"]["state"] == "failed" and latest["latest"]["reason"] and latest["refresh"] is None
        )
        queries.update_submission(engine, latest["latest"]["id"], state="queued")
        page = web.get(f"/requests/{request_id}").text
        assert '<meta http-equiv="refresh" content="3">' in page
