"""The HTML report in a real browser: headless Chromium opens a report of a hostile bundle.

It checks that the verdict and every finding code are on the page (outside folded sections), that
the script and image tags in the documents stay text and run nothing, and that the page makes no
network request. A control page with the same payloads unescaped must run them and make its
request, so a passing test means the browser was really watching. A screenshot is kept beside the
test's output (its path is printed) so a failure can be looked at.

Skipped, with the reason, where no Chromium is installed; CI installs it (`.ci/run`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.run import check_path
from pipeline.views import render
from tests.report_fixtures import BEACON, IMG, SCRIPT, write_hostile_bundle
from tests.test_views_html import Page

pytestmark = pytest.mark.slow

BROWSER_TIMEOUT = 90  # seconds; a cold start on a slow CI machine takes a few


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "/usr/bin/chromium"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium(page: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium on `page`: no sandbox (CI runs as root), no profile, no name lookups."""
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); the browser test needs it")
    profile = work / f"profile-{len(list(work.glob('profile-*')))}"
    command = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
        # Chromium's own background traffic (updates, sign-in) must not leave a test machine.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *args,
        page.resolve().as_uri(),
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, f"chromium failed ({result.returncode}): {result.stderr[-2000:]}"
    return result


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for: requests keyed to the file:// page (browser chores are not)."""
    raw = netlog.read_text(encoding="utf-8")
    try:
        log = json.loads(raw)
    except json.JSONDecodeError:  # Chromium may exit before closing the event list
        log = json.loads(raw.rstrip().rstrip(",") + "]}")
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and "url" in event.get("params", {})
        and "file://" in event["params"].get("network_isolation_key", "")
    ]


def open_page(page: Path, work: Path) -> tuple[str, list[str]]:
    """The page's DOM after it has loaded and settled, and the requests it made."""
    netlog = work / f"{page.stem}.netlog.json"
    result = chromium(page, work, f"--log-net-log={netlog}", "--virtual-time-budget=3000", "--dump-dom")
    return result.stdout, page_requests(netlog)


@pytest.fixture(scope="module")
def hostile_report_page(tmp_path_factory) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("browser")
    bundle = write_hostile_bundle(work / "hostile-bundle")
    report = check_path(bundle).to_dict()
    page = work / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    return page, report


def test_browser_control_page_runs_scripts_and_makes_requests(tmp_path: Path) -> None:
    """The same payloads, unescaped and without the report's policy: the browser runs and fetches."""
    control = tmp_path / "control.html"
    control.write_text(f"<!DOCTYPE html><title>before</title><body><p>x</p>{SCRIPT}{IMG}{BEACON}</body>")
    dom, requests = open_page(control, tmp_path)
    assert "<title>pwned</title>" in dom and 'data-pwned="1"' in dom
    assert any(url.startswith("http://127.0.0.1:9/beacon") for url in requests), requests


def test_browser_report_shows_verdict_and_codes_runs_nothing_requests_nothing(hostile_report_page) -> None:
    page, report = hostile_report_page
    work = page.parent
    screenshot = work / "report.png"
    chromium(page, work, f"--screenshot={screenshot}", "--window-size=1280,2000")
    print(f"\nscreenshot of the report in Chromium: {screenshot}")
    assert screenshot.stat().st_size > 10_000

    dom, requests = open_page(page, work)
    (work / "report.dom.html").write_text(dom, encoding="utf-8")
    assert requests == [], f"the report made network requests: {requests}"

    # Nothing ran: the title is the report's own, no element was marked, no script or image exists.
    title = dom[dom.index("<title>") + 7 : dom.index("</title>")]
    assert "pwned" not in title and title.startswith("Not ready")
    assert "data-pwned" not in dom.replace("data-pwned','1'", "")
    tags = {tag for tag, _ in Page(dom).tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link"}, tags

    # The attack text is shown as text, and the verdict and every finding code are on view.
    visible = "".join(Page(dom).text_outside_details)
    text = Page(dom).all_text
    assert "<script>document.title='pwned'" in text and "onerror=" in text
    assert "&lt;script&gt;" in dom
    verdict = {"ready": "Ready", "needs_review": "Needs review", "not_ready": "Not ready"}
    assert verdict[report["summary"]["verdict"]] in visible
    assert report["findings"], "the hostile bundle should produce findings"
    for finding in report["findings"]:
        assert finding["code"] in visible, finding["code"]
    for document in report["documents"]:
        assert document["path"] in text


SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"


def test_browser_report_reads_in_order_header_verdict_asks_errors_warnings(tmp_path: Path) -> None:
    """issue 14: in the page as Chromium lays it out, the header (reference, title, as-of date, run
    time, version) comes first, then the verdict, the changes (when there is a baseline), what to ask
    the applicant, the errors and then the warnings. The screenshot of this page is docs/report-screenshot.png."""
    report = check_path(SAMPLES / "consent-no-linkage").to_dict()
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    screenshot = tmp_path / "report.png"
    chromium(page, tmp_path, f"--screenshot={screenshot}", "--window-size=1280,2000")
    print(f"\nscreenshot of the report in Chromium: {screenshot}")
    assert screenshot.stat().st_size > 10_000

    dom, requests = open_page(page, tmp_path)
    assert requests == []
    text = " ".join("".join(Page(dom[dom.index("<body") :]).text_outside_details).split())
    header = [
        report["bundle"]["reference"],
        report["bundle"]["title"],
        "Judged as of 2024-03-18",
        "run 2026-12-06 12:00 UTC",  # SOURCE_DATE_EPOCH, as the tests set it
        f"dars-evidence {report['tool']['version']}",
    ]
    body = [
        "Not ready",
        *(["Changes since the baseline"] if report.get("changes") else []),
        "What to ask the applicant (2)",
        "Errors (1)",
        "Warnings (3)",
    ]
    positions = [text.find(part) for part in [*header, *body]]
    assert -1 not in positions, [part for part, at in zip([*header, *body], positions, strict=True) if at < 0]
    assert positions == sorted(positions), list(zip([*header, *body], positions, strict=True))
    # What to ask: the error's action first, then the one action the three DATA-001 share, naming each dataset.
    asks = text[text.index("What to ask the applicant") : text.index("Errors (1)")]
    assert asks.index("CON-003") < asks.index("DATA-001")
    for name in (
        "HES Admitted Patient Care (hes_apc)",
        "HES Outpatients (hes_op)",
        "Civil Registrations of Death",
    ):
        assert name in asks
    # The three DATA-001 warnings are one card, listing the searched files once.
    warnings = text[text.index("Warnings (3)") : text.index("Documents (10)")]
    assert warnings.count("DATA-001") == 1 and warnings.count("pis/pis-v3.0.pdf") == 1


def test_browser_report_of_a_resubmission_leads_with_the_changes(tmp_path: Path) -> None:
    """issue 14: a resubmission checked against its baseline reads, in Chromium, header, verdict,
    the changes since the baseline, what to ask, then the warnings; ORG-001, resolved, is only among
    the changes."""
    from pipeline.changes import compare

    baseline = check_path(SAMPLES / "s251-org-gaps").to_dict()
    report = check_path(SAMPLES / "s251-org-gaps-v2").to_dict()
    report["changes"] = compare(baseline, report, "v1.json")
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    dom, requests = open_page(page, tmp_path)
    assert requests == []
    text = " ".join("".join(Page(dom[dom.index("<body") :]).text_outside_details).split())
    order = [
        report["bundle"]["reference"],
        "Needs review",
        "Changes since v1.json",
        "What to ask the applicant",
        "Warnings (2)",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [part for part, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))
    changes = text[positions[2] : positions[3]]
    assert "ORG-001" in changes and "DATA-001" in changes and "CAPRA-News-issue-4.pdf" in changes
    assert "ORG-001" not in text[positions[3] :].split("Documents (")[0]
