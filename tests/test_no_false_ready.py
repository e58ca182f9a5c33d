"""Issue 11, part 4: no false READY. Each case through the command line (`pipeline.cli.main`, as
tests/test_cli.py drives it; the headline case also in a fresh interpreter, as a user runs it).

- an empty bundle, or one holding only its request, is DOC-008 (an error), never READY;
- a bundle without its request is needs_review (REQ-002 is a warning);
- a document checked alone is `no_findings`, never READY, in every view; summary.csv agrees;
- `batch DIR` where DIR is a bundle checks it as one bundle, saying so;
- a bundle wrapped in one more folder is read from that folder, as a .zip is, and the report says so;
- a document present but unreadable counts as present: no absence check calls it missing;
- a limit the reviewer set is the reviewer's to raise: DOC-001 says so, not "split the document".
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.builders import VALID_REQUEST

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def run_process(*args: str) -> subprocess.CompletedProcess:
    """`dars-evidence ARGS` in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )


def check_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, "check", *args, "--format", "json")
    return code, json.loads(out)


def codes(report: dict, severity: str | None = None) -> list[str]:
    return [f["code"] for f in report["findings"] if severity is None or f["severity"] == severity]


def skipped(report: dict) -> dict[str, list[str]]:
    reasons: dict[str, list[str]] = {}
    for skip in report["skipped"]:
        reasons.setdefault(skip["code"], []).append(skip["reason"])
    return reasons


def copy_sample(name: str, target: Path) -> Path:
    shutil.copytree(SAMPLES / name, target)
    return target


# 1. DOC-008: a bundle with no document -----------------------------------------------------------


def test_an_empty_folder_is_not_ready_in_a_real_process(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_process("check", str(empty))
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("NOT READY")
    assert "DOC-008  The bundle holds no document: it is empty" in done.stdout
    assert "READY: no errors" not in done.stdout


@pytest.mark.parametrize("layout", ["empty zip", "only hidden files", "only __MACOSX"])
def test_a_bundle_holding_nothing_to_read_is_doc_008(capsys, tmp_path: Path, layout: str) -> None:
    if layout == "empty zip":
        target = tmp_path / "bundle.zip"
        with zipfile.ZipFile(target, "w"):
            pass
    else:
        target = tmp_path / "bundle"
        target.mkdir()
        if layout == "only hidden files":
            (target / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
        else:
            (target / "__MACOSX").mkdir()
            (target / "__MACOSX" / "._consent.pdf").write_bytes(b"\0\5\26\7")
    code, report = check_json(capsys, str(target))
    assert code == 1
    assert report["summary"]["verdict"] == "not_ready"
    assert report["summary"]["documents"] == 0
    assert codes(report, "error") == ["DOC-008"]
    assert codes(report, "warning") == ["REQ-002"]


def test_a_bundle_holding_only_its_request_is_doc_008_and_its_document_checks_are_skipped(
    capsys, tmp_path: Path
) -> None:
    bundle = tmp_path / "request-only"
    bundle.mkdir()
    (bundle / "request.yaml").write_text(VALID_REQUEST)
    code, report = check_json(capsys, str(bundle))
    assert code == 1 and report["summary"]["verdict"] == "not_ready"
    [doc_008] = [f for f in report["findings"] if f["code"] == "DOC-008"]
    assert doc_008["severity"] == "error"
    assert doc_008["message"] == "the bundle holds no document, only its data request (request.yaml)"
    # The absence of each kind of evidence is DOC-008's to report, not LB-002's, S251-001's, PN-001's ...
    why = skipped(report)
    for code_ in ("LB-002", "S251-001", "PN-001", "PUR-003", "S251-004", "DATA-001"):
        assert why[code_] == ["the bundle holds no document (DOC-008)"], code_
    assert not {"LB-002", "S251-001", "PN-001"} & set(codes(report))


# 2. REQ-002 is a warning: a bundle without its request is never READY ----------------------------


def test_a_bundle_without_its_request_needs_review(capsys, tmp_path: Path) -> None:
    bundle = copy_sample("s251-baseline", tmp_path / "no-request")
    (bundle / "request.yaml").unlink()
    code, report = check_json(capsys, str(bundle))
    assert code == 0  # a warning: the exit status counts errors only
    assert report["summary"]["verdict"] == "needs_review"
    assert [(f["code"], f["severity"]) for f in report["findings"]] == [("REQ-002", "warning")]
    _, text, _ = run(capsys, "check", str(bundle))
    assert text.startswith("NEEDS REVIEW: warnings only\n")
    assert "READY: no errors" not in text


def test_the_catalogue_lists_req_002_as_a_warning_and_doc_008_as_an_error(capsys) -> None:
    _, out, _ = run(capsys, "checks", "REQ-002")
    assert out.startswith("REQ-002 (warning)")
    _, out, _ = run(capsys, "checks", "DOC-008")
    assert out.startswith("DOC-008 (error)")


# 3. Verdicts: a single document is never READY; every view and summary.csv agree -------------------


VIEW_VERDICTS = {
    "ready": ("READY: no errors, no warnings", "Ready"),
    "needs_review": ("NEEDS REVIEW: warnings only", "Needs review"),
    "not_ready": ("NOT READY: errors found", "Not ready"),
    "no_findings": ("NO FINDINGS in this document, checked alone", "No findings"),
}


def views(capsys, path: Path, tmp_path: Path, *options: str) -> dict[str, str]:
    """The report of `path` in every format, each written by the command line."""
    texts = {}
    for fmt in ("json", "text", "html", "md"):
        target = tmp_path / f"{path.stem}-report.{fmt}"
        run(capsys, "check", str(path), *options, "--format", fmt, "-o", str(target))
        texts[fmt] = target.read_text(encoding="utf-8")
    return texts


def shown_verdict(fmt: str, text: str) -> str:
    """The verdict each view puts first, as a reader sees it."""
    if fmt == "text":
        return text.splitlines()[0]
    if fmt == "html":
        return re.search(r'<div class="label" id="verdict">([^<]*)</div>', text).group(1)
    return re.search(r"^## Verdict: \*\*([^*]*)\*\*$", text, re.MULTILINE).group(1)


@pytest.mark.parametrize(
    ("sample", "document"),
    [("s251-baseline", "privacy-notice.docx"), ("s251-baseline", "cag/23-CAG-0088 outcome letter.pdf")],
)
def test_a_single_document_is_no_findings_in_every_view(
    capsys, tmp_path: Path, sample: str, document: str
) -> None:
    # Before the letter's first annual review fell due (alone, without the review letter, it lapses).
    texts = views(capsys, SAMPLES / sample / document, tmp_path, "--as-of", "2024-01-01")
    report = json.loads(texts["json"])
    assert report["summary"]["verdict"] == "no_findings", codes(report)
    line, label = VIEW_VERDICTS["no_findings"]
    assert shown_verdict("text", texts["text"]).startswith(line)
    assert shown_verdict("html", texts["html"]) == label
    assert shown_verdict("md", texts["md"]) == label.upper()
    for fmt in ("text", "md"):
        assert not re.search(r"(?<!NOT )\bREADY\b", texts[fmt]), fmt
    assert "<title>No findings:" in texts["html"]
    # The report says which bundle checks could not run.
    bundle_checks = [s for s in report["skipped"] if "a single document was checked" in s["reason"]]
    assert {"REQ-002", "DOC-008", "LB-002", "S251-004", "CON-002"} <= {s["code"] for s in bundle_checks}
    reason = "a single document was checked: this check needs the data request or the other documents"
    for fmt in ("text", "html", "md"):
        assert reason in texts[fmt], fmt


def test_a_single_document_with_a_warning_needs_review_and_says_why(capsys, tmp_path: Path) -> None:
    notice = tmp_path / "privacy-notice.txt"
    notice.write_text("Privacy notice\n\nWe hold your details for the study.\n")
    code, report = check_json(capsys, str(notice))
    assert code == 0 and report["summary"]["verdict"] == "needs_review"
    assert {"PN-003", "PN-005", "PN-006"} <= set(codes(report, "warning"))


def keep_only_the_request(bundle: Path) -> None:
    for path in bundle.iterdir():
        if path.name != "request.yaml":
            shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.mark.parametrize(
    ("name", "verdict"),
    [("baseline", "ready"), ("no-request", "needs_review"), ("only-request", "not_ready")],
)
def test_every_view_and_summary_csv_agree_on_the_verdict(
    capsys, tmp_path: Path, name: str, verdict: str
) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    bundle = copy_sample("s251-baseline", queue / name)
    if name == "no-request":
        (bundle / "request.yaml").unlink()
    elif name == "only-request":
        keep_only_the_request(bundle)
    texts = views(capsys, bundle, tmp_path)
    assert json.loads(texts["json"])["summary"]["verdict"] == verdict
    line, label = VIEW_VERDICTS[verdict]
    assert shown_verdict("text", texts["text"]) == line
    assert shown_verdict("html", texts["html"]) == label
    assert shown_verdict("md", texts["md"]) == label.upper()
    run(capsys, "batch", str(queue), "--out", str(tmp_path / "out"), "--jobs", "1")
    with (tmp_path / "out" / "summary.csv").open(newline="", encoding="utf-8") as stream:
        [row] = list(csv.DictReader(stream))
    assert row["verdict"] == verdict


# 4. `batch DIR` where DIR is itself a bundle -------------------------------------------------------


def summary_rows(out: Path) -> dict[str, dict]:
    with (out / "summary.csv").open(newline="", encoding="utf-8") as stream:
        return {row["name"]: row for row in csv.DictReader(stream)}


def test_batch_of_a_bundle_checks_it_as_the_one_bundle_it_is(capsys, tmp_path: Path) -> None:
    bundle = copy_sample("s251-identifier-not-covered", tmp_path / "capra")
    code, out, err = run(capsys, "batch", str(bundle), "--out", str(tmp_path / "out"), "--jobs", "1")
    rows = summary_rows(tmp_path / "out")
    assert list(rows) == ["capra"]  # not cag, cohort, ethics and protocol as four READY bundles
    assert rows["capra"]["verdict"] == "not_ready" and rows["capra"]["codes"] == "S251-004"
    assert code == 1 and out == ""
    assert (
        f"dars-evidence: note: {bundle} has request.yaml at its root: it is one bundle, checked as such, "
        "not a folder of bundles"
    ) in err
    _, single, _ = run(capsys, "check", str(bundle), "--format", "json")
    assert (tmp_path / "out" / "capra.json").read_text(encoding="utf-8") == single


def test_batch_of_a_queue_beside_a_bundle_still_finds_each_bundle(capsys, tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    copy_sample("s251-baseline", queue / "one")
    copy_sample("consent-baseline", queue / "two")
    lone = copy_sample("s251-no-application", tmp_path / "lone")
    code, _, err = run(capsys, "batch", str(queue), str(lone), "--out", str(tmp_path / "out"), "--jobs", "1")
    rows = summary_rows(tmp_path / "out")
    assert {name: row["verdict"] for name, row in rows.items()} == {
        "one": "ready",
        "two": "ready",
        "lone": "not_ready",
    }
    assert code == 1 and err.count("it is one bundle, checked as such") == 1


# 5. A bundle wrapped in one more folder is read from that folder, as in a .zip ----------------------


def wrap(sample: str, outer: Path) -> Path:
    """The sample inside outer/inner/, with what a Mac leaves beside it."""
    outer.mkdir()
    shutil.copytree(SAMPLES / sample, outer / "inner")
    (outer / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (outer / "__MACOSX").mkdir()
    (outer / "__MACOSX" / "._inner").write_bytes(b"\0\5\26\7")
    return outer


def test_a_folder_wrapped_once_more_is_read_from_its_one_folder(capsys, tmp_path: Path) -> None:
    sample = "s251-identifier-not-covered"
    _, plain = check_json(capsys, str(SAMPLES / sample))
    outer = wrap(sample, tmp_path / "bundle")
    code, wrapped = check_json(capsys, str(outer))
    assert code == 1
    assert wrapped["bundle"]["request"] == "request.yaml"
    assert [(d["path"], d["sha256"]) for d in wrapped["documents"]] == [
        (d["path"], d["sha256"]) for d in plain["documents"]
    ]
    assert [(f["code"], f["message"]) for f in wrapped["findings"]] == [
        (f["code"], f["message"]) for f in plain["findings"]
    ]
    assert codes(wrapped) == ["S251-004"]  # the real error, no longer hidden behind a DOC-001
    note = (
        "everything in the bundle is in one folder, inner/: that folder is read as the bundle's root, and "
        "paths are relative to it"
    )
    assert wrapped["bundle"]["notes"] == [note] and plain["bundle"]["notes"] == []
    _, text, _ = run(capsys, "check", str(outer))
    assert f"Note: {note}" in text
    for fmt in ("html", "md"):
        target = tmp_path / f"report.{fmt}"
        run(capsys, "check", str(outer), "-o", str(target))
        assert "inner/: that folder is read as the bundle" in target.read_text(encoding="utf-8"), fmt


def test_a_zip_of_a_folder_says_so_too(capsys, tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted((SAMPLES / "s251-baseline").rglob("*")):
            if path.is_file():
                out.write(path, f"s251-baseline/{path.relative_to(SAMPLES / 's251-baseline').as_posix()}")
    code, report = check_json(capsys, str(archive))
    assert code == 0 and report["summary"]["verdict"] == "ready"
    assert report["bundle"]["notes"] == [
        "everything in the bundle is in one folder, s251-baseline/: that folder is read as the bundle's root, "
        "and paths are relative to it"
    ]


def test_a_folder_beside_a_file_is_not_the_root(capsys, tmp_path: Path) -> None:
    outer = wrap("s251-baseline", tmp_path / "bundle")
    (outer / "cover-note.txt").write_text("Cover note for the bundle.\n")
    _, report = check_json(capsys, str(outer))
    assert report["bundle"]["notes"] == [] and report["bundle"]["request"] is None
    assert "inner/request.yaml" in {d["path"] for d in report["documents"]}


# 6. A document present but unreadable counts as present -------------------------------------------


def test_an_information_sheet_over_the_page_limit_is_not_called_missing(capsys) -> None:
    code, report = check_json(capsys, str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    assert code == 1  # DOC-001: three files over the limit
    assert codes(report) == ["DOC-001", "DOC-001", "DOC-001"]
    assert not any("not in the bundle" in f["message"] for f in report["findings"])
    [first, third] = skipped(report)["CON-002"]
    assert first.startswith(
        "not reported: consent/KINGFISHER_consent_form_v1.0.docx cites the information sheet version 1.0 "
        "dated 2018-01-15, and no readable sheet is that one; but pis/PIS_v1.0_15Jan2018.pdf (DOC-001)"
    )
    assert "present but could not be read" in first and "present but could not be read" in third
    _, text, _ = run(capsys, "check", str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    assert "CON-002  " not in text and "which is not in the bundle" not in text


def test_a_cag_letter_over_the_page_limit_is_not_called_missing(capsys) -> None:
    code, report = check_json(capsys, str(SAMPLES / "s251-baseline"), "--max-pages", "2")
    assert code == 1 and codes(report) == ["DOC-001"]
    why = skipped(report)
    assert why["LB-002"] == [
        "not reported: the basis is section_251 and the bundle has no readable CAG approval (outcome) letter; "
        "but cag/23-CAG-0088 outcome letter.pdf is present but could not be read (DOC-001), and may be it"
    ]
    assert why["S251-004"] == [
        "no readable cag_approval document: cag/23-CAG-0088 outcome letter.pdf is present but could not be "
        "read (DOC-001), and may be one"
    ]


def test_an_unreadable_file_named_as_another_kind_does_not_hide_an_absence(capsys, tmp_path: Path) -> None:
    bundle = copy_sample("s251-no-cag-approval", tmp_path / "bundle")
    (bundle / "protocol" / "protocol-appendix.pdf").write_bytes(b"%PDF-1.7\n truncated")
    code, report = check_json(capsys, str(bundle))
    assert code == 1 and "LB-002" in codes(report, "error")


def test_a_request_present_but_refused_is_not_called_missing(capsys, tmp_path: Path) -> None:
    """A .zip member request.yaml over a limit comes as a document: REQ-002 does not call it absent."""
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("request.yaml", VALID_REQUEST)
        out.writestr("protocol.txt", "Study protocol\n")
    code, report = check_json(capsys, str(archive), "--max-file-mb", "0.001")
    assert code == 1 and report["summary"]["verdict"] == "not_ready"
    assert codes(report) == ["DOC-001"] and "request.yaml cannot be read" in report["findings"][0]["message"]
    why = skipped(report)
    reason = "request.yaml, the data request, is present but could not be read (DOC-001)"
    assert why["REQ-002"] == [f"not reported: {reason}"]
    assert why["LB-002"] == [reason] and why["REQ-001"] == [reason]


# 7. A limit the reviewer set is the reviewer's to raise ------------------------------------------


def test_doc_001_over_a_limit_tells_the_reviewer_which_option_raises_it(capsys) -> None:
    _, report = check_json(capsys, str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    actions = {f["action"] for f in report["findings"] if f["code"] == "DOC-001"}
    assert actions == {
        "Nothing to ask the applicant: the file is over a limit set for this run. If you trust the file, "
        "check the bundle again with a higher limit (--max-pages)."
    }
    _, text, _ = run(capsys, "check", str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    assert "split" not in text


@pytest.mark.parametrize("option", ["--max-file-mb", "--max-inflated-mb", "--timeout"])
def test_each_limit_option_gives_the_reviewer_the_action(capsys, tmp_path: Path, option: str) -> None:
    if option == "--timeout":
        # A dense 1 MB line takes seconds to extract: over half a second, reliably. In a process of
        # its own, where the time limit's alarm meets no test machinery (hypothesis's gc callback).
        from tests.hostile.corpus import one_line_text

        bundle = tmp_path / "bundle"
        bundle.mkdir()
        (bundle / "appendix.txt").write_bytes(one_line_text(1024 * 1024))
        done = run_process("check", str(bundle), option, "0.5", "--format", "json")
        report = json.loads(done.stdout)
    else:
        bundle = copy_sample("s251-baseline", tmp_path / "bundle")
        _, report = check_json(capsys, str(bundle), option, "0.01")
    over = [f for f in report["findings"] if f["code"] == "DOC-001"]
    assert over, codes(report)
    for finding in over:
        assert option in finding["message"]
        assert finding["action"].endswith(f"check the bundle again with a higher limit ({option}).")


def test_a_request_over_a_limit_tells_the_reviewer_which_option_raises_it(capsys, tmp_path: Path) -> None:
    bundle = copy_sample("s251-baseline", tmp_path / "bundle")
    _, report = check_json(capsys, str(bundle), "--max-file-mb", "0.001")
    [req_001] = [f for f in report["findings"] if f["code"] == "REQ-001"]
    assert "(raise it with --max-file-mb)" in req_001["message"]
    assert req_001["action"].endswith("check the bundle again with a higher limit (--max-file-mb).")


def test_every_limit_option_has_the_reviewer_action() -> None:
    """Any limit in LIMIT_OPTIONS (a new one too) names its option in the reason, and so gets the
    reviewer's action."""
    from checks.doc.doc_001_unreadable import action_for
    from pipeline.limits import LIMIT_OPTIONS, raise_with

    for field, option in LIMIT_OPTIONS.items():
        action = action_for(f"the file is over the limit of 1 {raise_with(field)}")
        assert option in action and "split" not in action and "Send" not in action, field
