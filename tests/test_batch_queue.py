"""`dars-evidence batch` for queues (issue 15): the index and failed pages, resume through the
manifest, interruption by SIGINT or SIGTERM, stale reports, and findings counted by code."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.batch_manifest import Manifest, Options, bundle_inputs, new_entry
from pipeline.batch_resume import stale_reports
from pipeline.cli import main
from pipeline.limits import DEFAULT_LIMITS
from tests.builders import VALID_REQUEST, pdf_bytes
from tests.test_batch import notes_bundle, thin_bundle

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_TITLE = '<script>alert("title")</script> & <img src=x onerror=alert(1)>'
HOSTILE_NAME = "<b onmouseover=alert(1)>x"
# The only tags the index and the failed pages are drawn with; a tag from a document would be another.
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2", "p", "section",
    "strong", "code", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "a", "span", "ul", "li",
    "footer",
}  # fmt: skip


def run_batch_cli(*args: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr), pytest.raises(SystemExit) as exit_info:
        main(["batch", *args])
    return exit_info.value.code, stdout.getvalue(), stderr.getvalue()


def read_summary(out: Path) -> list[dict]:
    with (out / "summary.csv").open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def checked_lines(err: str) -> list[str]:
    """The progress lines of the bundles checked in a run (`[k/n] name: ...`)."""
    return [line for line in err.splitlines() if line.startswith("[")]


def small_queue(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        thin_bundle(root / name)
    return root


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.hrefs += [value for key, value in attrs if key == "href"]


def parsed(page: Path) -> Tags:
    tags = Tags()
    tags.feed(page.read_text(encoding="utf-8"))
    return tags


def test_index_links_every_bundle_failed_ones_included(tmp_path: Path) -> None:
    queue = small_queue(tmp_path / "in", ["alpha"])
    notes_bundle(queue / "beta")
    (queue / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path / "out"
    code, stdout, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    assert code == 1 and stdout == ""
    progress = checked_lines(err)  # done of total, failures so far, and the time left while there is some
    assert progress[0].startswith("[1/3] alpha: not_ready") and progress[0].endswith(" s left")
    assert progress[2].startswith("[3/3] broken: failed: ") and progress[2].endswith("; 1 failed")
    rows = {row["name"]: row for row in read_summary(out)}
    assert {name: row["report"] for name, row in rows.items()} == {
        "alpha": "alpha.html",
        "beta": "beta.html",
        "broken": "broken.html",
    }
    index = (out / "index.html").read_text(encoding="utf-8")
    assert parsed(out / "index.html").hrefs == ["./alpha.html", "./beta.html", "./broken.html"]
    for text in ("DARS-NIC-123456-A1B2C", "Long-term outcomes of childhood asthma", "section_251", "REQ-002"):
        assert text in index
    assert "default-src &#39;none&#39;" in index or "default-src 'none'" in index
    failed = (out / "broken.html").read_text(encoding="utf-8")
    assert "not a readable zip archive" in failed and rows["broken"]["error"] in failed
    assert parsed(out / "broken.html").tags <= PAGE_TAGS


def test_index_and_failed_page_escape_every_piece_of_document_text(tmp_path: Path) -> None:
    queue = tmp_path / "in"
    queue.mkdir()
    bundle = thin_bundle(queue / HOSTILE_NAME)
    (bundle / "request.yaml").write_text(
        VALID_REQUEST.replace("Long-term outcomes of childhood asthma", json.dumps(HOSTILE_TITLE))
    )
    (queue / f"{HOSTILE_NAME}-broken.zip").write_bytes(b"not a zip")
    out = tmp_path / "out"
    run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    for page in (out / "index.html", out / f"{HOSTILE_NAME}-broken.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text and "<b " not in text, page.name
        assert parsed(page).tags <= PAGE_TAGS, page.name
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; &amp; &lt;img" in index
    # Links are percent-encoded file names beside the index: nothing a name holds makes them go elsewhere.
    assert all(
        href.startswith("./%3Cb%20onmouseover%3Dalert%281%29%3Ex")
        for href in parsed(out / "index.html").hrefs
    )


def test_rerun_of_an_unchanged_queue_checks_nothing_and_keeps_every_row(tmp_path: Path) -> None:
    queue = small_queue(tmp_path / "in", ["a", "b"])
    notes_bundle(queue / "c")  # no request: judged at today, kept today
    out = tmp_path / "out"
    run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    first = read_summary(out)
    stamps = {path.name: path.stat().st_mtime_ns for path in out.glob("[abc].*")}
    code, _, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    assert checked_lines(err) == []
    assert "3 bundles unchanged since the last run: kept" in err and "(3 kept from the last run)" in err
    assert read_summary(out) == first and code == 1
    assert {path.name: path.stat().st_mtime_ns for path in out.glob("[abc].*")} == stamps
    assert "3 unchanged bundles kept from an earlier run" in (out / "index.html").read_text(encoding="utf-8")
    _, _, forced = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1", "--force")
    assert len(checked_lines(forced)) == 3 and "kept" not in forced


def test_a_changed_file_reruns_that_bundle_only(tmp_path: Path) -> None:
    queue = small_queue(tmp_path / "in", ["a", "b", "c"])
    out = tmp_path / "out"
    run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    (queue / "b" / "cag" / "outcome.pdf").write_bytes(pdf_bytes([["An unrelated letter about parking."]]))
    _, _, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    assert [line.split(":")[0] for line in checked_lines(err)] == ["[1/1] b"]
    assert "2 bundles unchanged" in err
    report = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert any(doc["path"] == "cag/outcome.pdf" and "sha256" in doc for doc in report["documents"])
    entry = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bundles"]["b"]
    assert entry["inputs"]["files"]["cag/outcome.pdf"] == next(
        doc["sha256"] for doc in report["documents"] if doc["path"] == "cag/outcome.pdf"
    )
    # Other options are other inputs: a different as-of date checks every bundle again.
    _, _, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1", "--as-of", "2024-06-01")
    assert len(checked_lines(err)) == 3


def test_reports_of_bundles_no_longer_in_the_queue_are_listed_as_stale(tmp_path: Path) -> None:
    queue = small_queue(tmp_path / "in", ["keep", "gone"])
    out = tmp_path / "out"
    run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    (out / "old-tool-report.json").write_text("{}")  # from a run before the manifest existed
    for path in (queue / "gone").rglob("*"):
        if path.is_file():
            path.unlink()
    for path in sorted((queue / "gone").rglob("*"), reverse=True):
        path.rmdir()
    (queue / "gone").rmdir()
    _, _, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    assert "3 stale report files" in err and "gone.html, gone.json, old-tool-report.json" in err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Stale reports" in index and "gone.json" in index and "./gone.json" not in index
    assert [row["name"] for row in read_summary(out)] == ["keep"]
    assert set(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["bundles"]) == {"keep"}
    assert (out / "gone.json").exists()  # listed, never deleted


def test_stale_reports_count_a_view_not_written_this_time_but_not_a_bundle_not_reached(
    tmp_path: Path,
) -> None:
    from pipeline.batch import Target

    for name in (
        "a.json",
        "a.html",
        "a.md",
        "b.json",
        "index.html",
        "summary.csv",
        "manifest.json",
        ".x.partial",
    ):
        (tmp_path / name).write_text("")
    targets = [Target("a", tmp_path / "in" / "a"), Target("b", tmp_path / "in" / "b")]
    assert stale_reports(tmp_path, targets, {"a": ["a.json", "a.html"]}) == ["a.md"]


def test_statistics_count_findings_by_code_across_the_queue(tmp_path: Path) -> None:
    queue = small_queue(tmp_path / "in", ["a", "b"])
    notes_bundle(queue / "c")
    out = tmp_path / "out"
    code, stdout, _ = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1", "--statistics")
    found: Counter = Counter()
    bundles: Counter = Counter()
    for name in ("a", "b", "c"):
        codes = [
            f["code"] for f in json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["findings"]
        ]
        found.update(codes)
        bundles.update(set(codes))
    lines = {line.split()[0]: line.split() for line in stdout.splitlines()[1:-1]}
    assert {code_: (int(cells[2]), int(cells[3])) for code_, cells in lines.items()} == {
        code_: (found[code_], bundles[code_]) for code_ in found
    }
    assert stdout.splitlines()[-1] == f"{sum(found.values())} findings of {len(found)} codes across 3 bundles"
    # A re-run keeps every bundle and still counts them all.
    _, again, _ = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1", "--statistics")
    assert again == stdout
    assert "Findings by code across the queue" in (out / "index.html").read_text(encoding="utf-8")


def test_a_bundle_judged_at_today_is_checked_again_on_another_day(tmp_path: Path) -> None:
    notes_bundle(tmp_path / "c")
    options = Options(None, DEFAULT_LIMITS, ("json", "html"))
    inputs = bundle_inputs(tmp_path / "c", options)
    (tmp_path / "c.json").write_text("{}")
    today = date.today()
    row = {"name": "c", "verdict": "needs_review", "as_of": today.isoformat()}
    manifest = Manifest(tmp_path, {"c": new_entry(inputs, row, ["c.json"], {}, today)})
    assert manifest.reusable("c", inputs, today) is not None
    assert manifest.reusable("c", inputs, today + timedelta(days=1)) is None
    assert (
        manifest.reusable(
            "c", bundle_inputs(tmp_path / "c", Options(today, DEFAULT_LIMITS, ("json",))), today
        )
        is None
    )
    (tmp_path / "c.json").unlink()  # a report deleted by hand is written again
    assert manifest.reusable("c", inputs, today) is None


def test_a_bundle_that_timed_out_is_checked_again(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text("")
    row = {"name": "s", "verdict": "failed", "error": "timed out after 2 s"}
    manifest = Manifest(tmp_path, {"s": new_entry({"x": 1}, row, ["s.json"], {}, None)})
    assert manifest.reusable("s", {"x": 1}, date.today()) is None


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_leaves_a_summary_and_index_and_a_rerun_finishes_the_rest(
    tmp_path: Path, signal_number: int
) -> None:
    names = [f"bundle-{number}" for number in range(5)]
    queue = small_queue(tmp_path / "in", names)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-c",
        "from pipeline.cli import main; main()",
        "batch",
        str(queue),
        "-o",
        str(out),
    ]
    process = subprocess.Popen(
        [*command, "--jobs", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while not (out / "bundle-0.html").exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal_number)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted:" in err and "Traceback" not in err
    rows = read_summary(out)
    assert 1 <= len(rows) < len(names)
    assert [row["name"] for row in rows] == names[: len(rows)]  # --jobs 1: the first ones, in order
    assert all(row["verdict"] == "not_ready" and row["report"] == f"{row['name']}.html" for row in rows)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Interrupted." in index and "Not checked yet" in index
    assert parsed(out / "index.html").hrefs == [f"./{row['name']}.html" for row in rows]
    assert not list(out.glob(".*.partial"))

    code, _, err = run_batch_cli(str(queue), "-o", str(out), "--jobs", "1")
    assert code == 1
    assert [line.split(":")[0].split()[1] for line in checked_lines(err)] == names[len(rows) :]
    assert f"{len(rows)} bundles unchanged" in err or f"{len(rows)} bundle unchanged" in err
    assert [row["name"] for row in read_summary(out)] == names
    assert "Interrupted." not in (out / "index.html").read_text(encoding="utf-8")


def test_progress_bar_counts_failures_and_estimates_the_time_left() -> None:
    from contextlib import ExitStack

    from pipeline.batch import Target
    from pipeline.batch_progress import _Bar

    with ExitStack() as stack:
        bar = _Bar(stack)
        bar.begin(4, 2)
        bar.started -= 10  # two bundles in 10 s: two left take about 10 s more
        bar(Target("a", Path("a")), {"verdict": "failed", "error": "timed out after 2 s"})
        bar(Target("b", Path("b")), {"verdict": "ready", "errors": 0, "warnings": 0, "seconds": 1.0})
        assert bar.state() == "1 failed, about 10 s left"
        assert bar.bar.tasks[0].total == 4 and bar.bar.tasks[0].completed == 2


def test_a_document_reader_dies_with_the_worker_that_started_it(tmp_path: Path) -> None:
    """A worker killed (its time limit, Ctrl-C) must not leave its reader holding the batch's pipes."""
    script = (
        "import sys, time\n"
        "from pipeline.isolation import DocumentReader\nfrom pipeline.limits import DEFAULT_LIMITS\n"
        "reader = DocumentReader(DEFAULT_LIMITS)\nreader._start()\n"
        "print(reader._process.pid, flush=True)\ntime.sleep(120)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(worker.stdout.readline())
    worker.kill()
    worker.wait(timeout=30)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{child}").exists() and _state(child) != "Z" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists() or _state(child) == "Z"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "gone"
