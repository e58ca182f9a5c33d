"""`dars-evidence batch`: a report per bundle, a summary row per bundle matching single runs, broken
bundles recorded and never stopping the others, exit status, and nothing unmasked written."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.batch import Plan, Target, find_bundles, run_batch, summary_row
from pipeline.cli import main
from pipeline.run import check_path
from pipeline.views import render
from tests.builders import VALID_REQUEST, docx_bytes, pdf_bytes

NHS_NUMBER = "943 476 5919"
NHS_DIGITS = NHS_NUMBER.replace(" ", "")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def thin_bundle(root: Path) -> Path:
    """A valid request with thin evidence (error findings), and an NHS number in a document."""
    root.mkdir()
    (root / "request.yaml").write_text(VALID_REQUEST)
    (root / "cag").mkdir()
    (root / "cag" / "outcome.pdf").write_bytes(
        pdf_bytes([["Confidentiality Advisory Group: final outcome. The application was fully supported."]])
    )
    (root / "consent.docx").write_bytes(
        docx_bytes(["Consent form", f"Example: NHS number {NHS_NUMBER}"], footer="Version 1.0 18Aug2022")
    )
    return root


def notes_bundle(root: Path) -> Path:
    """No request and one unclassifiable note: warnings and information, no error."""
    root.mkdir()
    (root / "notes.txt").write_text("Meeting notes about the study.\n")
    return root


def zip_folder(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return archive


@pytest.fixture(scope="module")
def queue(tmp_path_factory) -> Path:
    """Four bundles (a folder with errors, one without, a zip, a corrupt zip) and what is not a bundle."""
    root = tmp_path_factory.mktemp("queue")
    scratch = tmp_path_factory.mktemp("scratch")
    thin_bundle(root / "asthma")
    notes_bundle(root / f"cohort-{NHS_DIGITS}")
    zip_folder(thin_bundle(scratch / "asthma-zipped"), root / "asthma-zipped.zip")
    (root / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip archive")
    (root / "keys.json").write_text("{}")
    notes_bundle(root / ".hidden")
    notes_bundle(root / "__MACOSX")
    return root


@pytest.fixture(scope="module")
def batch_out(queue: Path, tmp_path_factory) -> tuple[Path, int, str]:
    """One `--jobs 1` run over the queue, shared by the tests that only read its outputs."""
    out = tmp_path_factory.mktemp("out") / "reports"
    code, err = _run_quietly("batch", str(queue), "--out", str(out), "--jobs", "1")
    return out, code, err


def _run_quietly(*args: str) -> tuple[int, str]:
    from contextlib import redirect_stderr, redirect_stdout

    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr), pytest.raises(SystemExit) as exit_info:
        main(list(args))
    assert stdout.getvalue() == ""  # progress goes to stderr; piped output stays clean
    return exit_info.value.code, stderr.getvalue()


def read_summary(out: Path) -> dict[str, dict]:
    with (out / "summary.csv").open(newline="", encoding="utf-8") as stream:
        return {row["name"]: row for row in csv.DictReader(stream)}


def test_batch_writes_json_and_html_per_bundle_and_ignores_what_is_not_a_bundle(batch_out) -> None:
    out, _, _ = batch_out
    names = {"asthma", "cohort-xxx-xxx-5919", "asthma-zipped"}
    written = {path.name for path in out.iterdir()}
    queue_files = {"summary.csv", "index.html", "manifest.json", "broken.html"}  # broken.html: why it failed
    assert written == {f"{n}.{ext}" for n in names for ext in ("json", "html")} | queue_files
    assert set(read_summary(out)) == names | {"broken"}


def test_batch_summary_rows_match_single_bundle_runs(batch_out, queue: Path) -> None:
    out, _, _ = batch_out
    rows = read_summary(out)
    for name, path in [
        ("asthma", queue / "asthma"),
        ("cohort-xxx-xxx-5919", queue / f"cohort-{NHS_DIGITS}"),
        ("asthma-zipped", queue / "asthma-zipped.zip"),
    ]:
        report = check_path(path).to_dict()
        summary = report["summary"]
        row = rows[name]
        assert row["verdict"] == summary["verdict"]
        for column in ("errors", "warnings", "info", "documents", "unreadable"):
            assert int(row[column]) == summary[column], (name, column)
        assert row["codes"].split() == sorted({finding["code"] for finding in report["findings"]})
        assert row["error"] == ""
        assert float(row["seconds"]) >= 0
        assert (out / f"{name}.json").read_text(encoding="utf-8") == render(report, "json")


def test_batch_broken_bundle_has_a_failed_row_and_the_others_are_done(batch_out) -> None:
    out, code, err = batch_out
    rows = read_summary(out)
    broken = rows["broken"]
    assert broken["verdict"] == "failed"
    assert "not a readable zip archive" in broken["error"]
    assert broken["errors"] == broken["codes"] == ""
    assert not (out / "broken.json").exists()
    assert all(row["verdict"] != "failed" for name, row in rows.items() if name != "broken")
    assert code == 1
    assert "4 bundles: 0 ready, 1 needs review, 2 not ready, 1 failed" in err


def test_batch_masks_nhs_numbers_in_every_file_written(batch_out) -> None:
    out, _, err = batch_out
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        assert NHS_NUMBER not in text and NHS_DIGITS not in text, path.name
    assert "*** *** 5919" in (out / "asthma.json").read_text(encoding="utf-8")
    assert "cohort-*** *** 5919" in (out / "summary.csv").read_text(encoding="utf-8")
    assert NHS_DIGITS not in err


def test_batch_exit_0_when_no_bundle_has_an_error(capsys, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    notes_bundle(tmp_path / "in" / "notes")
    code, out, err = run(capsys, "batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0 and out == ""
    assert read_summary(tmp_path / "out")["notes"]["verdict"] == "needs_review"
    assert "[1/1] notes: needs_review" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "--out", "{tmp}/out"], "Missing argument 'DIR...'"),
        (["batch", "{tmp}/in"], "Missing option '--out'"),
        (["batch", "{tmp}/nowhere", "--out", "{tmp}/out"], "not a folder of bundles"),
        (["batch", "{tmp}/in", "--out", "{tmp}/file/out"], "cannot create the output folder"),
        (["batch", "{tmp}/in", "--out", "{tmp}/in/reports"], "is inside"),
        (["batch", "{tmp}/in", "--out", "{tmp}/in/notes"], "is inside"),
        (["batch", "{tmp}/in", "--out", "{tmp}/out", "--jobs", "0"], "--jobs"),
    ],
)
def test_batch_exit_2_when_it_cannot_run(capsys, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "in").mkdir()
    notes_bundle(tmp_path / "in" / "notes")
    (tmp_path / "file").write_text("a file, not a folder")
    code, out, err = run(capsys, *[arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert code == 2 and out == ""
    assert err.startswith("dars-evidence: error: ") and err.count("\n") == 1 and message in err
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["notes"]
    assert sorted(p.name for p in (tmp_path / "in" / "notes").iterdir()) == ["notes.txt"]


def test_batch_jobs_1_and_jobs_2_give_the_same_summary(batch_out, queue: Path, tmp_path: Path) -> None:
    out_1, code_1, _ = batch_out
    code_2, _ = _run_quietly("batch", str(queue), "--out", str(tmp_path / "out"), "--jobs", "2")
    without_seconds = [
        {name: {k: v for k, v in row.items() if k != "seconds"} for name, row in read_summary(out).items()}
        for out in (out_1, tmp_path / "out")
    ]
    assert without_seconds[0] == without_seconds[1]
    assert code_1 == code_2 == 1
    assert list(read_summary(tmp_path / "out")) == list(read_summary(out_1))  # rows in bundle order


def test_find_bundles_makes_repeated_names_unique_and_says_so(tmp_path: Path) -> None:
    for folder in ("a/x", "a/y", "b/x", "b/X"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "a" / "x.zip").write_bytes(b"")
    (tmp_path / "a" / "keys.json").write_text("{}")
    targets, notes = find_bundles([tmp_path / "a", tmp_path / "b", tmp_path / "a"])
    assert [(t.name, t.path.relative_to(tmp_path).as_posix()) for t in targets] == [
        ("x", "a/x"),
        ("x-2", "a/x.zip"),
        ("y", "a/y"),
        ("X-3", "b/X"),
        ("x-4", "b/x"),
    ]
    assert len(notes) == 3 and "b/x is written as x-4" in notes[-1]


def test_summary_row_is_built_from_the_report_dict() -> None:
    report = {
        "generated": "2026-12-06T12:00:00Z",
        "tool": {"name": "dars-evidence", "version": "9.9"},
        "bundle": {"path": "in/x", "reference": "DARS-NIC-1-A1B2C", "title": "T", "as_of": "2024-01-02"},
        "findings": [{"code": "S251-004"}, {"code": "DOC-001"}, {"code": "S251-004"}],
        "summary": {"documents": 3, "unreadable": 1, "no_text": 0, "errors": 3, "warnings": 0, "info": 0}
        | {"verdict": "not_ready"},
    }
    row = summary_row("x", report, 1.234)
    assert row == {
        "name": "x",
        "verdict": "not_ready",
        "errors": 3,
        "warnings": 0,
        "info": 0,
        "codes": "DOC-001 S251-004",
        "documents": 3,
        "unreadable": 1,
        "seconds": 1.23,
        "error": "",
        "path": "in/x",
        "reference": "DARS-NIC-1-A1B2C",
        "title": "T",
        "basis": "",
        "as_of": "2024-01-02",
        "generated": "2026-12-06T12:00:00Z",
        "version": "9.9",
        "report": "",
    }


def stuck_or_crashing_check(path: Path, as_of, limits, formats) -> tuple:
    """A stand-in for the worker's check: hangs or dies on the bundles named so."""
    if path.name == "stuck":
        time.sleep(120)
    if path.name == "crash":
        os._exit(3)
    report = {
        "bundle": {"path": path.as_posix()},
        "findings": [],
        "summary": {
            "documents": 0,
            "unreadable": 0,
            "errors": 0,
            "warnings": 0,
            "info": 0,
            "verdict": "ready",
        },
    }
    return report, {"json": "{}"}


def test_batch_stuck_or_crashing_worker_is_a_failed_row_and_the_others_finish(tmp_path: Path) -> None:
    names = ["a", "crash", "b", "stuck", "c"]
    targets = [Target(name, tmp_path / name) for name in names]
    out = tmp_path / "out"
    out.mkdir()
    started = time.monotonic()
    result = run_batch(Plan(targets, out, []), jobs=2, bundle_seconds=2, check=stuck_or_crashing_check)
    assert time.monotonic() - started < 60
    rows = {row["name"]: row for row in result.rows}
    assert rows["stuck"]["verdict"] == "failed" and rows["stuck"]["error"].startswith("timed out after 2 s")
    assert rows["crash"]["verdict"] == "failed" and "stopped abruptly" in rows["crash"]["error"]
    assert [rows[name]["verdict"] for name in ("a", "b", "c")] == ["ready"] * 3
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "a.json",
        "b.json",
        "c.json",
        "crash.html",
        "index.html",
        "manifest.json",
        "stuck.html",
        "summary.csv",
    ]
    assert result.has_errors


def test_version_does_not_import_pandas_or_rich() -> None:
    code = (
        "import sys\nfrom pipeline.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pandas', 'rich') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("[]")
