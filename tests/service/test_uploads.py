"""Uploads through the TestClient: a bundle's files sent together, upload names that never become
paths, the limits on files and archives, and the pages' one script (issue 17)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from pipeline.service.accounts import create_user
from pipeline.service.archive_limits import MAX_ARCHIVE_DEPTH
from pipeline.service.database import open_database
from pipeline.service.guard import PAGE_CSP
from tests.builders import zip_bytes
from tests.service.test_service import BUNDLES, PASSWORD, client, sign_in, zipped

BASELINE = BUNDLES / "consent-baseline"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    engine = open_database(tmp_path / "data")
    create_user(engine, "rita", PASSWORD, "reviewer")
    create_user(engine, "alice", PASSWORD, "applicant")
    engine.dispose()
    return tmp_path / "data"


def bundle_files(folder: Path = BASELINE) -> list[tuple[str, bytes]]:
    """The bundle's files as a browser sends a multiple selection: base names and bytes."""
    return [(file.name, file.read_bytes()) for file in sorted(folder.rglob("*")) if file.is_file()]


def post_files(web, token: str, files: list[tuple[str, bytes]], to: str = "/requests", title: str = "NIC-7"):
    parts = [("bundle", (name, content, "application/octet-stream")) for name, content in files]
    return web.post(to, data={"csrf": token, "title": title}, files=parts)


def stored_members(data: Path) -> list[list[str]]:
    return [zipfile.ZipFile(path).namelist() for path in sorted((data / "submissions").rglob("*.zip"))]


def nested_zip(depth: int) -> bytes:
    """A .zip holding a .zip ... `depth` archives deep, the innermost holding a request."""
    content = zip_bytes({"request.yaml": b"reference: NIC-9\n"})
    for level in range(depth - 1):
        content = zip_bytes({f"level{level}.zip": content})
    return content


def test_a_bundles_files_sent_together_are_one_submission_checked_under_clean_names(data):
    files = bundle_files()
    renamed = {
        "transparency-notice.pdf": "../../transparency-notice.pdf",
        "pis-v3.0.pdf": "a/b\\pis-v3.0.pdf",
    }
    sent = [(renamed.get(name, name), content) for name, content in files]
    with client(data) as web:
        token = sign_in(web, "alice")
        answer = post_files(web, token, sent)
        assert answer.status_code == 303, answer.text
        request_id = int(answer.headers["location"].rsplit("/", 1)[1])
        latest = web.get(f"/api/requests/{request_id}").json()["latest"]
        assert latest["state"] == "done", latest
        report = web.get(f"/requests/{request_id}/submissions/1/report.json").json()
        names = sorted(name for name, _ in files if name != "request.yaml")
        assert sorted(d["path"] for d in report["documents"]) == names
        assert report["bundle"]["request"] == "request.yaml"
        assert report["summary"]["verdict"] in ("ready", "needs_review")
        # the same files in another order make the same zip: stored once, by the same sha256
        again = web.post(
            f"/api/requests/{request_id}/submissions",
            headers={"X-CSRF-Token": token},
            files=[("bundle", (name, content)) for name, content in reversed(sent)],
        )
        assert again.status_code == 201, again.text
        assert again.json()["submission"]["sha256"] == latest["sha256"]
    assert stored_members(data) == [sorted((name for name, _ in files), key=lambda n: (n.casefold(), n))]
    assert not list(data.parent.rglob("transparency-notice.pdf"))  # never written under its own name


def raw_multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart body written by hand, its file names sent as they are (a client would escape
    control characters; a hostile one need not)."""
    boundary = "dars-boundary-7"
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for filename, content in files:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="bundle"; filename="{filename}"\r\n'
        body += head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_upload_names_become_clean_unique_member_names_never_paths(data):
    sent = [
        ("../../x.pdf", b"%PDF-1 first"),
        ("a/b\\c.pdf", b"%PDF-1 second"),
        ("C:\\Users\\x.pdf", b"%PDF-1 third"),
        ("..", b"dots"),
        ("tab\tbell\x07\u202e.pdf", b"%PDF-1 fourth"),
        (".hidden request.yaml", b"reference: NIC-9\n"),
        ("request.yaml", b"reference: NIC-9\n"),
    ]
    with client(data) as web:
        token = sign_in(web, "alice")
        body, content_type = raw_multipart({"csrf": token, "title": "names"}, sent)
        answer = web.post("/requests", content=body, headers={"content-type": content_type})
        assert answer.status_code == 303, answer.text
        report = web.get("/requests/1/submissions/1/report.json").json()
    [members] = stored_members(data)
    expected = [
        "x.pdf",
        "x (2).pdf",
        "c.pdf",
        "file",
        "tab_bell__.pdf",
        "hidden request.yaml",
        "request.yaml",
    ]
    assert sorted(members) == sorted(expected)
    assert sorted(d["path"] for d in report["documents"]) == sorted(set(expected) - {"request.yaml"})
    assert not list(data.parent.rglob("x.pdf")) and not list(data.parent.rglob("c.pdf"))


def test_one_document_without_a_request_is_checked_and_reported_not_refused(data):
    notice = BASELINE / "transparency-notice.pdf"
    with client(data) as web:
        token = sign_in(web, "alice")
        answer = post_files(web, token, [(notice.name, notice.read_bytes())])
        assert answer.status_code == 303
        report = web.get("/requests/1/submissions/1/report.json").json()
    assert [d["path"] for d in report["documents"]] == ["transparency-notice.pdf"]
    assert "REQ-002" in {f["code"] for f in report["findings"]}


def test_too_many_files_are_refused_while_the_upload_is_read(data):
    with client(data, max_files=3) as web:
        token = sign_in(web, "alice")
        answer = post_files(web, token, bundle_files()[:4])
        assert answer.status_code == 413
        assert "more than 3 files" in answer.text and 'class="error"' in answer.text
        api = web.post(
            "/api/requests",
            headers={"X-CSRF-Token": token},
            data={"title": "NIC-7"},
            files=[("bundle", (name, content)) for name, content in bundle_files()[:4]],
        )
        assert api.status_code == 413 and "more than 3 files" in api.json()["error"]
        assert post_files(web, token, bundle_files()[:3]).status_code == 303  # at the limit: taken
    assert len(stored_members(data)) == 1


def test_a_zip_with_too_many_members_is_refused_before_it_is_stored(data):
    crowded = zip_bytes({f"doc{n}.txt": b"x" for n in range(6)})
    with client(data, max_files=5) as web:
        token = sign_in(web, "alice")
        answer = post_files(web, token, [("crowded.zip", crowded)])
        assert answer.status_code == 413 and "crowded.zip has 6 files, over the limit of 5" in answer.text
        inner = post_files(web, token, [("outer.zip", zip_bytes({"in.zip": crowded}))])
        assert inner.status_code == 413 and "outer.zip/in.zip has 6 files" in inner.text
        assert web.get("/api/requests").json()["requests"] == []
    assert not stored_members(data)


def test_a_zip_nested_too_deep_is_refused_and_one_at_the_limit_taken(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        too_deep = post_files(web, token, [("deep.zip", nested_zip(MAX_ARCHIVE_DEPTH + 1))])
        assert too_deep.status_code == 413
        assert f"nested {MAX_ARCHIVE_DEPTH + 1} deep" in too_deep.text
        # a .zip sent among other files is one level down already
        among = post_files(
            web, token, [("deep.zip", nested_zip(MAX_ARCHIVE_DEPTH)), ("request.yaml", b"a: 1\n")]
        )
        assert among.status_code == 413
        assert post_files(web, token, [("ok.zip", nested_zip(MAX_ARCHIVE_DEPTH))]).status_code == 303
        damaged = post_files(web, token, [("broken.zip", b"PK\x03\x04 not really")])
        assert damaged.status_code == 400 and "not a readable .zip" in damaged.text
    assert len(stored_members(data)) == 1


def test_the_pages_script_is_served_and_the_upload_forms_point_to_it(data):
    with client(data) as web:
        token = sign_in(web, "alice")
        script = web.get("/static/upload.js")
        assert script.status_code == 200
        assert script.headers["content-type"].startswith("text/javascript")
        assert "XMLHttpRequest" in script.text and "innerHTML" not in script.text
        upload_page = web.get("/requests/new")
        assert "script-src 'self'" in upload_page.headers["content-security-policy"]
        assert upload_page.headers["content-security-policy"] == PAGE_CSP
        assert '<script src="/static/upload.js" defer></script>' in upload_page.text
        assert 'data-upload="/api/requests"' in upload_page.text and "data-dropzone" in upload_page.text
        assert "<button>Upload and check</button>" in upload_page.text
        location = post_files(web, token, [("b.zip", zipped(BASELINE))]).headers["location"]
        request_page = web.get(location).text
        assert f'data-upload="/api/{location.lstrip("/")}/submissions"' in request_page
        assert '<input name="bundle" type="file" multiple required>' in request_page


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=\"/static/)[^>]*>|<script[^>]*>[^<]+</script>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=|javascript:", re.I)


def test_no_page_has_an_inline_script_or_event_handler(data):
    with client(data) as web:
        pages = [web.get("/signin").text]
        token = sign_in(web, "rita")
        location = post_files(web, token, [("b.zip", zipped(BASELINE))]).headers["location"]
        pages += [
            web.get(path).text
            for path in ("/", "/requests/new", location, f"{location}/audit", "/documents/new", "/nowhere")
        ]
        pages.append(post_files(web, token, [("x.zip", b"not a zip")]).text)
    for page in pages:
        assert not INLINE_SCRIPT.search(page), page
        assert not INLINE_HANDLER.search(page), page


def test_serve_takes_the_file_limit_from_its_option(tmp_path, monkeypatch):
    from pipeline.cli import main

    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(app=app, **options))
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--data", str(tmp_path), "--max-files", "7", "--max-upload-mb", "3"])
    assert exit_info.value.code == 0
    assert started["host"] == "127.0.0.1"
    assert (started["app"].state.max_files, started["app"].state.max_upload_bytes) == (7, 3 << 20)


def test_an_encrypted_archive_inside_is_left_to_the_run_not_a_server_error(data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("locked.zip", nested_zip(2))
        archive.writestr("request.yaml", "reference: NIC-9\n")
    locked = bytearray(buffer.getvalue())
    # mark locked.zip (the first member) as encrypted, in its local header and its central record
    locked[6] |= 0x1
    central = int.from_bytes(locked[-6:-2], "little")  # where the end record says the directory starts
    locked[central + 8] |= 0x1
    assert zipfile.ZipFile(io.BytesIO(bytes(locked))).getinfo("locked.zip").flag_bits & 0x1
    with client(data) as web:
        answer = post_files(web, sign_in(web, "alice"), [("outer.zip", bytes(locked))])
        assert answer.status_code == 303, answer.text


def test_a_damaged_zip_is_refused_or_taken_never_a_crash():
    import random

    from pipeline.limits import DEFAULT_LIMITS
    from pipeline.service.archive_limits import check_archive
    from pipeline.service.uploads import UploadRefused

    sound = zip_bytes({"request.yaml": b"a: 1\n", "in.zip": nested_zip(2), "doc.pdf": b"%PDF" * 50})
    chance = random.Random(7)
    outcomes = set()
    for _ in range(400):
        damaged = bytearray(sound)
        for _ in range(chance.randint(1, 6)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        try:
            check_archive(io.BytesIO(bytes(damaged)), "f.zip", 100, DEFAULT_LIMITS)
            outcomes.add("taken")
        except UploadRefused as refused:
            outcomes.add(refused.status)
    assert outcomes == {"taken", 400, 413}
