"""Issue 6: a hostile bundle, built by code, checked through the real command line in the sandbox.

One folder bundle holds every broken or hostile file the issue lists (`corpus.FOLDER_EXPECT`), and
one `.zip` bundle every hostile kind of member. Each is checked once, in a subprocess with the
network blocked; the tests then assert, file by file, the status and the reason the report gives,
that the good documents among them were still read, and that nothing was read or written outside
the bundle and the report.

The bundles and the runs are made once a session (conftest.py). The per-document time limit is
3 s there (`--timeout 3`), so the 5 MB single-line text is reported over time (its facts take
about 20 s to extract on this machine) and the run stays short; with the default limits it is read
(test_hostile_one_line_of_5_mb_is_read_with_the_default_limits, marked slow).
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from pipeline.bundle import BundleFile
from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import load_document
from pipeline.model import Status
from pipeline.run import check_path
from tests.hostile.cli import WHOLE_NHS_NUMBER
from tests.hostile.corpus import (
    FOLDER_EXPECT,
    GOOD_LETTER,
    GOOD_LETTER_CAG,
    REQUEST_REASONS,
    REQUESTS,
    UNICODE_NAME,
    ZIP_EXPECT,
    Expect,
    one_line_text,
)

OVER_TIME = "took longer than the limit of 3 s a document (raise it with --timeout)"
FOLDER_EXPECT_FAST = {**FOLDER_EXPECT, "text/one line 5 MB.txt": Expect("unreadable", OVER_TIME)}


@pytest.fixture(scope="module")
def folder_report(folder_run) -> dict:
    _, out, run = folder_run
    assert (run.code, run.stderr) == (1, ""), run.stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def documents(report: dict) -> dict[str, dict]:
    return {document["path"]: document for document in report["documents"]}


def test_hostile_folder_peak_memory_stays_under_2_gb(folder_report: dict) -> None:
    """The Flate bombs inflate to 256 MiB and 4 GiB; each is read by a worker capped at 1,024 MB.
    RUSAGE_CHILDREN holds the largest resident size of any process this test process has waited
    for, the command line and its reader workers included (a bound on each; the command line itself
    holds only the bundle's bytes and facts)."""
    import resource

    bombs = [
        d
        for d in folder_report["documents"]
        if d["path"].startswith(("pdf/flate bomb", "pdf/text operators"))
    ]
    assert len(bombs) == 2 and all(d["status"] == "unreadable" for d in bombs)
    peak_bytes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak_bytes < 2 * 1024**3, peak_bytes


def test_hostile_folder_lists_every_file_once(folder_report: dict) -> None:
    paths = [document["path"] for document in folder_report["documents"]]
    assert sorted(paths) == sorted(FOLDER_EXPECT_FAST) and len(set(paths)) == len(paths)
    assert folder_report["summary"]["documents"] == len(FOLDER_EXPECT_FAST)


@pytest.mark.parametrize("path", sorted(FOLDER_EXPECT_FAST))
def test_hostile_folder_file_status_and_reason(folder_report: dict, path: str) -> None:
    expect = FOLDER_EXPECT_FAST[path]
    document = documents(folder_report)[path]
    assert document["status"] == expect.status, document.get("reason")
    if expect.status == "unreadable":
        assert expect.found_in(document["reason"])
        doc_001 = [
            f for f in folder_report["findings"] if f["code"] == "DOC-001" and f["documents"] == [path]
        ]
        assert len(doc_001) == 1 and expect.found_in(doc_001[0]["message"])
    elif expect.reason:
        assert any(expect.found_in(note) for note in document.get("notes", [])), document.get("notes")
    else:
        assert "reason" not in document
    if expect.status == "no_text":
        assert [f["code"] for f in folder_report["findings"] if f["documents"] == [path]] == ["DOC-002"]
    if expect.pages is not None:
        assert document["pages"] == expect.pages


def test_hostile_folder_good_documents_are_still_read(folder_report: dict) -> None:
    by_path = documents(folder_report)
    letter = by_path["good/23-CAG-0088 outcome letter.pdf"]
    assert letter["kind"] == "cag_approval" and GOOD_LETTER_CAG in letter["references"]["cag"]
    assert letter["facts"], "the letter's facts are missing"
    consent = by_path[f"good/{UNICODE_NAME}"]
    assert consent["kind"] == "consent_form" and consent["version"] == "2.0"
    long_pdf = by_path["pdf/protocol appendix 1000 pages.pdf"]
    assert long_pdf["pages"] == 1000 and long_pdf["title"] == "Study protocol appendix, page 1 of 1000."
    assert by_path["text/utf16.txt"]["title"] == "Consent form version 1.0"
    assert "“linkage”" in json.dumps(by_path["text/cp1252.txt"], ensure_ascii=False)


def test_hostile_folder_request_alias_bomb_is_req_001_and_the_checks_go_on(folder_report: dict) -> None:
    codes = {finding["code"] for finding in folder_report["findings"]}
    [problem] = [f for f in folder_report["findings"] if f["code"] == "REQ-001"]
    assert "aliases" in problem["message"]
    assert {"DOC-001", "DOC-002", "DOC-003", "DOC-006"} <= codes


def test_hostile_folder_limit_hit_names_the_limit_and_its_option(folder_report: dict) -> None:
    reason = documents(folder_report)["text/one line 5 MB.txt"]["reason"]
    assert OVER_TIME in reason
    bomb = documents(folder_report)["docx/zip-bomb-declared.docx"]["reason"]
    assert "over the limit of 500 MB" in bomb and "--max-inflated-mb" in bomb


def test_hostile_folder_run_reads_and_writes_nothing_outside_and_connects_nowhere(folder_run) -> None:
    bundle, out, run = folder_run
    assert str(bundle / "good" / UNICODE_NAME) in run.paths("open"), "the sandbox did not see the bundle read"
    assert run.network == []
    assert run.outside(bundle, out) == []
    assert run.written() == [str(out / "report.json")]
    assert not any(path.startswith("/etc/passwd") for path in run.paths("open"))


def test_hostile_folder_report_has_no_whole_nhs_number(folder_run) -> None:
    _, out, run = folder_run
    text = (out / "report.json").read_text(encoding="utf-8")
    assert not WHOLE_NHS_NUMBER.search(text) and not WHOLE_NHS_NUMBER.search(run.stderr)
    assert "*** *** 5919" in text


def test_hostile_zip_members_status_and_reason(zip_run) -> None:
    root, _archive, out, run = zip_run
    assert (run.code, run.stderr) == (1, ""), run.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    by_path = documents(report)
    assert sorted(by_path) == sorted(ZIP_EXPECT)
    for path, expect in ZIP_EXPECT.items():
        assert by_path[path]["status"] == expect.status, (path, by_path[path].get("reason"))
        if expect.reason:
            assert expect.found_in(by_path[path]["reason"]), path
    assert GOOD_LETTER_CAG in by_path["cag/outcome letter.pdf"]["references"]["cag"]
    assert any(f["code"] == "REQ-001" and "should be" in f["message"] for f in report["findings"])


def test_hostile_zip_is_never_extracted_and_connects_nowhere(zip_run) -> None:
    root, archive, out, run = zip_run
    assert run.network == []
    assert run.written() == [str(out / "report.json")]
    assert run.outside(archive, out) == []
    assert sorted(p.name for p in root.rglob("*")) == sorted(
        ["queue", "hostile.zip", "out", "report.json", "events.jsonl"]
    )
    assert not re.search(r"evil", " ".join(run.paths("open")))


@pytest.mark.parametrize("variant", sorted(REQUESTS))
def test_hostile_request_is_req_001_and_the_documents_are_still_checked(tmp_path: Path, variant: str) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy(GOOD_LETTER, bundle / "letter.pdf")
    (bundle / "request.yaml").write_bytes(REQUESTS[variant].encode("utf-8"))
    started = time.monotonic()
    report = check_path(bundle).to_dict()
    assert time.monotonic() - started < 30
    problems = [f["message"] for f in report["findings"] if f["code"] == "REQ-001"]
    assert problems and any(REQUEST_REASONS[variant] in message for message in problems), problems
    [letter] = report["documents"]
    assert letter["status"] == "ok" and GOOD_LETTER_CAG in letter["references"]["cag"]
    assert {"LB-002", "S251-004"} <= {skip["code"] for skip in report["skipped"]}


@pytest.mark.slow
def test_hostile_one_line_of_5_mb_is_read_with_the_default_limits() -> None:
    """Slow (about 25 s here): the extractors take about 4 s a MB of such dense text."""
    data = one_line_text()
    started = time.monotonic()
    document = load_document(BundleFile("one line.txt", len(data), opener=lambda: data), DEFAULT_LIMITS)
    assert document.status is Status.OK, document.reason
    blocks = document.parsed.blocks
    assert "".join(block.text for block in blocks) == data.decode().strip() and len(blocks) == 263
    assert {block.paragraph for block in blocks} == {1} and document.facts.facts
    assert time.monotonic() - started < DEFAULT_LIMITS.max_seconds_per_document
