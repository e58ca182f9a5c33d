"""The single-document check page (issue 17): one file checked as `dars-evidence check FILE`
checks it, answered as the HTML report (under the report's own policy) or as JSON, and not kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.service.accounts import create_user
from pipeline.service.database import open_database
from pipeline.service.document_pages import NOT_KEPT
from pipeline.views.html_view import REPORT_CSP
from tests.service.test_service import BUNDLES, PASSWORD, client, form_token, sign_in

NOTICE = BUNDLES / "consent-baseline" / "transparency-notice.pdf"
CONSENT_FORM = BUNDLES / "consent-baseline" / "consent" / "Consent form v2.docx"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    engine = open_database(folder)
    create_user(engine, "rita", PASSWORD, "reviewer")
    create_user(engine, "alice", PASSWORD, "applicant")
    engine.dispose()
    return folder


def stored(data: Path) -> list[Path]:
    """Everything the service keeps besides its database and key."""
    return [
        p
        for p in data.rglob("*")
        if p.is_file() and not p.name.startswith(("service.sqlite3", "session.key"))
    ]


def test_an_applicant_checks_one_pdf_and_reads_its_html_report(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        page = web.get("/documents/new")
        assert page.status_code == 200 and "Nothing is kept" in page.text
        assert '<input name="document" type="file" required>' in page.text
        answer = web.post(
            "/documents",
            data={"csrf": token},
            files={"document": ("../Tom & Jerry's notice.pdf", NOTICE.read_bytes(), "application/pdf")},
        )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-security-policy"] == REPORT_CSP
    assert "Tom &amp; Jerry&#39;s notice.pdf" in answer.text and "Tom & Jerry" not in answer.text
    assert "document.pdf" not in answer.text  # the service's own name for it never shows
    assert NOT_KEPT in answer.text
    assert not stored(data)


def test_the_api_answers_the_json_report_of_a_docx(data):
    with client(data) as web:
        token = sign_in(web, "rita")
        answer = web.post(
            "/api/documents",
            headers={"X-CSRF-Token": token},
            files={"document": ("a/b\\Consent form v2.docx", CONSENT_FORM.read_bytes())},
        )
    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert report["bundle"]["type"] == "file" and report["bundle"]["path"] == "Consent form v2.docx"
    assert [(d["path"], d["status"], d["format"]) for d in report["documents"]] == [
        ("Consent form v2.docx", "ok", "docx")
    ]
    assert NOT_KEPT in report["bundle"]["notes"]
    assert str(data) not in answer.text and "/tmp" not in answer.text
    assert not stored(data)


def test_the_document_page_needs_a_signed_in_user_and_the_forms_token(data):
    with client(data) as web:
        assert web.get("/documents/new").status_code == 303
        assert web.get("/api/documents/new").status_code == 401
        signin_token = form_token(web.get("/signin").text)
        sent = {"document": ("n.pdf", NOTICE.read_bytes())}
        assert web.post("/documents", data={"csrf": signin_token}, files=sent).status_code == 303
        assert web.post("/api/documents", files=sent).status_code == 401
        token = sign_in(web, "alice")
        assert web.post("/documents", data={"csrf": "forged"}, files=sent).status_code == 403
        assert web.post("/api/documents", files=sent).status_code == 403
        assert web.get("/api/documents/new").json()["max_upload_mb"] == 100
        empty = web.post("/documents", data={"csrf": token})
        assert empty.status_code == 415  # no file part at all: not a multipart form
        two = web.post(
            "/api/documents",
            headers={"X-CSRF-Token": token},
            files=[("document", ("a.pdf", b"1")), ("document", ("b.pdf", b"2"))],
        )
        assert two.status_code == 413 and "more than 1 files" in two.json()["error"]
        bundle = web.post(
            "/documents", data={"csrf": token}, files={"document": ("b.ZIP", b"PK\x05\x06" + bytes(18))}
        )
        assert bundle.status_code == 400 and "a .zip is a bundle" in bundle.text
    with client(data, max_upload_mb=1) as web:
        token = sign_in(web, "alice")
        big = web.post("/documents", data={"csrf": token}, files={"document": ("big.pdf", bytes(2 << 20))})
        assert big.status_code == 413 and "larger than the limit of 1 MB" in big.text
    assert not stored(data)


def test_documents_are_checked_a_few_at_a_time_off_the_event_loop(data, monkeypatch):
    import threading
    import time

    import anyio
    import httpx

    from pipeline.service import document_pages
    from pipeline.service.app import create_app

    running, most = [0], [0]
    lock = threading.Lock()

    def slow_check(source, shown):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.3)  # blocks a worker thread, never the event loop
        with lock:
            running[0] -= 1
        return {"bundle": {"path": shown}}

    monkeypatch.setattr(document_pages, "check_document", slow_check)

    async def five_at_once() -> list[int]:
        transport = httpx.ASGITransport(app=create_app(data, synchronous=True))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as web:
            token = (await web.get("/api/signin")).json()["csrf"]
            signed = await web.post(
                "/api/signin", json={"name": "alice", "password": PASSWORD}, headers={"X-CSRF-Token": token}
            )
            headers = {"X-CSRF-Token": signed.json()["csrf"]}
            statuses: list[int] = []

            async def one(number: int) -> None:
                files = {"document": (f"d{number}.pdf", b"%PDF-1.4")}
                statuses.append((await web.post("/api/documents", headers=headers, files=files)).status_code)

            async with anyio.create_task_group() as group:
                for number in range(5):
                    group.start_soon(one, number)
                # the loop still answers while the checks wait
                assert (await web.get("/api/documents/new")).status_code == 200
            return statuses

    assert anyio.run(five_at_once) == [200] * 5
    assert most[0] == document_pages.CHECKS_AT_ONCE
