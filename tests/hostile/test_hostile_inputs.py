"""Issue 11: the other ways a run ended without a report, each now a report, through the real command.

Each case is a small bundle built by code (`corpus.py`), checked once with `dars-evidence check
--format json` in the sandbox (`cli.py`): the command prints its report and exits 0 or 1, never 2,
and what the report says of each file is asserted.
"""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

from tests.hostile.cli import Run, run_cli
from tests.hostile.corpus import (
    build_deep_bundle,
    duplicate_members_zip,
    many_members_zip,
    plain_docx,
)


def check_json(bundle: Path, tmp_path: Path, *options: str) -> tuple[Run, dict]:
    """`dars-evidence check BUNDLE --format json OPTIONS`, the report read from what it printed."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    run = run_cli("check", str(bundle), "--format", "json", *options, cwd=out, log=tmp_path / "events.jsonl")
    assert run.code in (0, 1) and run.stderr == "", run.stderr
    return run, json.loads(run.stdout)


def assert_documents(report: dict, expect: dict) -> None:
    """Every document is listed once, with the status and (for an unreadable one) the reason and the
    DOC-001 finding `expect` gives."""
    by_path = {document["path"]: document for document in report["documents"]}
    assert sorted(by_path) == sorted(expect) and len(by_path) == len(report["documents"])
    for path, wanted in expect.items():
        document = by_path[path]
        assert document["status"] == wanted.status, (path[-80:], document.get("reason"))
        if wanted.status == "unreadable":
            assert wanted.reason in document["reason"], (path[-80:], document["reason"])
            [finding] = [f for f in report["findings"] if f["code"] == "DOC-001" and f["documents"] == [path]]
            assert wanted.reason in finding["message"]
        if wanted.pages is not None:
            assert document["pages"] == wanted.pages


def test_deep_folder_paths_past_the_system_limit_are_doc_001_and_the_rest_is_checked(tmp_path: Path) -> None:
    bundle = tmp_path / "deep"
    expect = build_deep_bundle(bundle)
    run, report = check_json(bundle, tmp_path)
    assert run.code == 1
    assert_documents(report, expect)
    too_long = [f for f in report["findings"] if "too long to open" in f["message"]]
    assert len(too_long) == 2 and all("nearer the bundle's root" in f["action"] for f in too_long)
    assert all("system opens at most 4,095" in f["message"] for f in too_long)
    # Nothing past the limit was opened or listed, and nothing outside the bundle.
    assert run.outside(bundle, tmp_path / "out") == []
    assert all(len(path.encode()) < 4096 for path in [*run.paths("open"), *run.paths("list")])


def test_zip_over_the_member_limit_is_doc_001_on_the_archive_with_its_option(tmp_path: Path) -> None:
    archive = many_members_zip(tmp_path / "many.zip", 10_001)
    run, report = check_json(archive, tmp_path)
    assert run.code == 1 and report["summary"]["verdict"] == "not_ready"
    [document] = report["documents"]
    reason = "the bundle many.zip has 10,001 members, over the limit of 10,000 (raise it with --max-members)"
    assert document["path"] == "many.zip" and document["status"] == "unreadable" and document["reason"] == reason
    [finding] = [f for f in report["findings"] if f["code"] == "DOC-001"]
    assert finding["message"] == f"many.zip cannot be read: {reason}"
    assert run.outside(archive, tmp_path / "out") == []


def test_max_members_option_sets_the_member_limit_of_check_batch_and_extract(tmp_path: Path) -> None:
    archive = many_members_zip(tmp_path / "twelve.zip", 12)
    _, report = check_json(archive, tmp_path, "--max-members", "11")
    assert "has 12 members, over the limit of 11 (raise it with --max-members)" in report["documents"][0]["reason"]
    _, report = check_json(archive, tmp_path, "--max-members", "12")
    assert report["summary"]["documents"] == 12 and report["summary"]["unreadable"] == 0

    docx = tmp_path / "form.docx"
    docx.write_bytes(plain_docx())
    members = len(zipfile.ZipFile(docx).infolist())
    out = tmp_path / "extract"
    out.mkdir()
    run = run_cli("extract", str(docx), "--max-members", "2", cwd=out, log=out / "events.jsonl")
    assert run.code == 1 and run.stderr == ""
    assert f"has {members} members, over the limit of 2 (raise it with --max-members)" in run.stdout

    queue = tmp_path / "queue"
    queue.mkdir()
    many_members_zip(queue / "many.zip", 3)
    run = run_cli(
        "batch", str(queue), "--out", str(tmp_path / "batch"), "--jobs", "1", "--max-members", "2",
        cwd=out, log=out / "batch-events.jsonl",
    )  # fmt: skip
    assert run.code == 1, run.stderr
    [row] = csv.DictReader((tmp_path / "batch" / "summary.csv").open())
    assert (row["name"], row["verdict"], row["codes"], row["error"]) == ("many", "not_ready", "DOC-001 REQ-002", "")
    saved = json.loads((tmp_path / "batch" / "many.json").read_text())
    assert "over the limit of 2 (raise it with --max-members)" in saved["documents"][0]["reason"]


def test_zip_with_members_of_one_name_checks_the_last_the_one_unzip_keeps(tmp_path: Path) -> None:
    archive = duplicate_members_zip(tmp_path / "copies.zip")
    run, report = check_json(archive, tmp_path)
    assert run.code == 1
    by_path = {document["path"]: document for document in report["documents"]}
    assert sorted(by_path) == ["consent.txt", "letter.pdf", "notes.txt"]

    # The same bytes as what Python's extractall (and `unzip -o`) leaves on disk.
    unzipped = tmp_path / "unzipped"
    zipfile.ZipFile(archive).extractall(unzipped)
    for path, document in by_path.items():
        assert document["sha256"] == hashlib.sha256((unzipped / "bundle" / path).read_bytes()).hexdigest()
    consent = by_path["consent.txt"]
    assert consent["version"] == "2.0" and consent["status"] == "ok"
    assert consent["notes"][0] == (
        "the archive holds 2 members named consent.txt; the last one, which unzip keeps, was checked "
        "(the other one differs from it, by size and CRC-32)"
    )
    assert by_path["notes.txt"]["notes"][0] == (
        "the archive holds 3 members named notes.txt; the last one, which unzip keeps, was checked "
        "(1 of the 2 others differs from it, by size and CRC-32)"
    )
    assert "notes" not in by_path["letter.pdf"]
    # The request is the last request.yaml too: the one with wrong types.
    assert report["bundle"]["request"] == "request.yaml"
    assert any(f["code"] == "REQ-001" and "commercial: should be" in f["message"] for f in report["findings"])
