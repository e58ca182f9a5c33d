"""A reviewer's journey through the service in a real browser: Playwright driving Debian's Chromium.

`dars-evidence serve` runs as a subprocess on a free loopback port over a temporary data folder,
with a reviewer made by `serve --create-reviewer`, as the README's steps do by hand. In Chromium the
reviewer signs in, uploads a sample bundle, waits while the request page reloads itself, reads the
report, accepts a finding the resubmission does not fix, uploads the resubmission and sees the fixed
finding resolved while the accepted one stays accepted. Every page is watched: no console error, no
CSP violation, no request leaving 127.0.0.1; a control at the end proves the watcher hears one.

Screenshots go to the test's tmp folder; with DARS_SCREENSHOTS=docs they are written as
docs/service-*.png (the README's). Playwright's own browser builds are never downloaded: it launches
the system's chromium, and the test skips, saying why, without it or without playwright.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUNDLES = ROOT / "sample_docs" / "bundles"
FIRST, RESUBMISSION = "s251-org-gaps", "s251-org-gaps-v2"
# `dars-evidence check` on the two bundles: v2's request says the university holds its contract
# (ORG-001 resolved), still gives no processing location for the hosting company (ORG-002, the finding
# the reviewer accepts) and adds MHSDS, which its section 251 evidence does not name (DATA-001, new).
FIXED, ACCEPTED, NEW = "ORG-001", "ORG-002", "DATA-001"
REVIEWER, PASSWORD = "rita", "a long passphrase"
TITLE = "NIC-148-ORG Castlebridge cohort"
REASON = "Hosted in the UK: the hosting company's contract names its London data centre"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 45_000  # a check takes about 2 s here; the page reloads itself every 3 s
VIEWPORT = {"width": 1200, "height": 900}


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from pipeline.cli import main; main()", *args]


def zipped(bundle: str, folder: Path) -> Path:
    """The sample bundle zipped as the README's journey does it (`python -m zipfile -c`)."""
    path = folder / f"{bundle}.zip"
    made = subprocess.run(
        [sys.executable, "-m", "zipfile", "-c", str(path), f"{BUNDLES / bundle}/"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    return path


@pytest.fixture
def sync_api():
    if find_chromium() is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); the browser journey needs it")
    return pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )


@pytest.fixture
def service(tmp_path: Path):
    """`dars-evidence serve` on a free loopback port; its base URL. Its log is printed on failure."""
    data = tmp_path / "data"
    made = subprocess.run(
        cli("serve", "--data", str(data), "--create-reviewer", REVIEWER),
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        cli("serve", "--data", str(data), "--port", str(port)), stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_listening(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        print((tmp_path / "serve.log").read_text(errors="replace")[-3000:])


def wait_until_listening(base: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "dars-evidence serve exited at start"
        try:
            with urllib.request.urlopen(f"{base}/signin", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"dars-evidence serve did not answer on {base} within {seconds} s")


class Watcher:
    """What the browser reports on every page: console errors (CSP violations among them), script
    errors, and requests to anywhere but the service."""

    def __init__(self, page, base: str) -> None:
        self.errors: list[str] = []
        self.elsewhere: list[str] = []
        host = urlsplit(base).netloc
        page.on("console", lambda message: self._console(message, page))
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on(
            "request",
            lambda request: (
                self.elsewhere.append(request.url) if urlsplit(request.url).netloc != host else None
            ),
        )

    def _console(self, message, page) -> None:
        if message.type == "error":
            self.errors.append(f"{page.url}: {message.text}")

    def assert_quiet(self) -> None:
        assert self.errors == [], self.errors
        assert self.elsewhere == [], self.elsewhere


class Screenshots:
    """Each screenshot to the test's folder, and to DARS_SCREENSHOTS (e.g. docs) when it is set."""

    def __init__(self, folder: Path) -> None:
        self.folders = [folder]
        wanted = os.environ.get("DARS_SCREENSHOTS")
        if wanted:
            self.folders.append(ROOT / wanted if not Path(wanted).is_absolute() else Path(wanted))

    def take(self, page, name: str, full_page: bool = False) -> None:
        # 64 colours keep the text sharp at a third of the size (docs/ is in the repository)
        image = Image.open(io.BytesIO(page.screenshot(full_page=full_page))).convert("RGB").quantize(64)
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            image.save(folder / f"service-{name}.png", optimize=True)


@pytest.fixture
def browser_page(sync_api, service):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
            context.set_default_timeout(WAIT_MS)
            # nothing leaves the machine, whatever a page asks for (the Watcher still hears it)
            host = urlsplit(service).netloc
            context.route(
                lambda url: urlsplit(url).netloc != host, lambda route: route.abort("blockedbyclient")
            )
            yield context.new_page()
        finally:
            browser.close()


def wait_for_report(page, number: int) -> None:
    """The request page reloads itself while submission `number` is checked; wait until it is done."""
    page.get_by_role("heading", name=f"Latest submission ({number}): done").wait_for()


def sign_in(page, base: str, shots: Screenshots) -> None:
    page.goto(f"{base}/")
    assert page.url == f"{base}/signin", "a visitor not signed in is sent to the sign-in page"
    page.get_by_label("Name").fill(REVIEWER)
    page.get_by_label("Password").fill(PASSWORD)
    shots.take(page, "signin")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    assert f"{REVIEWER} (reviewer)" in page.locator("header").inner_text()


def upload_first(page, base: str, bundle: Path, shots: Screenshots) -> str:
    """Uploads a new request and waits for its report; the request page's URL."""
    page.get_by_role("link", name="Upload", exact=True).click()
    page.wait_for_url(f"{base}/requests/new")
    page.get_by_label("DARS reference or title").fill(TITLE)
    page.get_by_label("Bundle").set_input_files(bundle)
    shots.take(page, "upload")
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url(f"{base}/requests/*")
    wait_for_report(page, 1)
    shots.take(page, "request", full_page=True)
    return page.url


def read_queue_and_report(page, request_url: str, shots: Screenshots) -> None:
    page.get_by_role("link", name="Requests", exact=True).click()
    row = page.locator("tr", has_text=TITLE)
    assert "not ready" in row.inner_text(), row.inner_text()
    shots.take(page, "queue")
    page.goto(request_url)
    page.get_by_role("link", name="Read the report").click()
    report = page.locator("body").inner_text()
    assert FIXED in report and ACCEPTED in report, report[:2000]
    page.goto(request_url)


def accept(page, expect, shots: Screenshots) -> str:
    """Accepts the finding the resubmission leaves open, with a reason; its fingerprint."""
    row = page.locator(f"#findings tr[data-code='{ACCEPTED}']")
    fingerprint = row.get_attribute("data-fingerprint")
    row.locator("input[name='reason']").fill(REASON)
    row.get_by_role("button", name="Accept").click()
    assert_accepted(page, expect, fingerprint)
    expect(page.locator("main")).to_contain_text("1 error(s), 0 warning(s), 1 accepted")
    expect(page.locator("#audit tr", has_text=ACCEPTED)).to_contain_text(REASON)
    shots.take(page, "acceptance", full_page=True)
    return fingerprint


def assert_accepted(page, expect, fingerprint: str) -> None:
    row = page.locator(f"#findings tr[data-fingerprint='{fingerprint}']")
    expect(row).to_have_class(re.compile(r"\baccepted\b"))
    expect(row).to_contain_text(f"Accepted by {REVIEWER}")
    expect(row.get_by_role("button", name="Withdraw")).to_be_visible()


def resubmit(page, request_url: str, bundle: Path, shots: Screenshots) -> None:
    page.get_by_label("Bundle").set_input_files(bundle)
    page.get_by_role("button", name="Upload and check").click()
    page.wait_for_url(request_url)
    wait_for_report(page, 2)
    shots.take(page, "changes", full_page=True)


def assert_a_violation_is_heard(page, watcher: Watcher) -> None:
    """The control: a CSP violation on a service page must be heard, or the watcher heard nothing."""
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"http://198.51.100.7/x.png\">')")
    page.wait_for_timeout(300)
    assert any("Content Security Policy" in error for error in watcher.errors), watcher.errors
    assert watcher.elsewhere == ["http://198.51.100.7/x.png"], watcher.elsewhere


def test_reviewer_journey_upload_accept_resubmit(sync_api, browser_page, service, tmp_path):
    page, shots, expect = browser_page, Screenshots(tmp_path / "screenshots"), sync_api.expect
    expect.set_options(timeout=WAIT_MS)
    watcher = Watcher(page, service)
    print(f"screenshots in {shots.folders}")

    sign_in(page, service, shots)
    request_url = upload_first(page, service, zipped(FIRST, tmp_path), shots)
    read_queue_and_report(page, request_url, shots)
    fingerprint = accept(page, expect, shots)
    resubmit(page, request_url, zipped(RESUBMISSION, tmp_path), shots)

    resolved = page.locator(f"#changes h3:has-text('Resolved') + ul li[data-code='{FIXED}']")
    expect(resolved).to_have_count(1)
    expect(page.locator(f"#changes h3:has-text('New') + ul li[data-code='{NEW}']")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("needs review")
    expect(page.locator("main")).to_contain_text("0 error(s), 1 warning(s), 1 accepted")
    expect(page.locator(f"#findings tr[data-code='{FIXED}']")).to_have_count(0)
    assert_accepted(page, expect, fingerprint)
    shown = page.request.get(request_url.replace("/requests/", "/api/requests/")).json()
    assert [f["code"] for f in shown["findings"] if f.get("accepted")] == [ACCEPTED], shown["findings"]
    assert shown["latest"]["number"] == 2

    watcher.assert_quiet()
    assert_a_violation_is_heard(page, watcher)
