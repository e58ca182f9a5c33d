from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.builders import VALID_REQUEST, docx_bytes, pdf_bytes

NHS_NUMBER = "943 476 5919"
SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.fixture
def thin_bundle(tmp_path: Path) -> Path:
    root = tmp_path / "asthma"
    root.mkdir()
    (root / "request.yaml").write_text(VALID_REQUEST)  # a valid request; the evidence is deliberately thin
    (root / "cag").mkdir()
    (root / "cag" / "outcome.pdf").write_bytes(
        pdf_bytes([["Confidentiality Advisory Group: final outcome. The application was fully supported."]])
    )
    (root / "consent.docx").write_bytes(
        docx_bytes(["Consent form", f"Example: NHS number {NHS_NUMBER}"], footer="Version 1.0 18Aug2022")
    )
    return root


def test_check_clean_sample_bundle_exits_0_and_lists_every_file(capsys) -> None:
    bundle = SAMPLES / "s251-baseline"
    code, out, err = run(capsys, "check", str(bundle), "--format", "json")
    report = json.loads(out)
    on_disk = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert code == 0 and err == ""
    assert [d["path"] for d in report["documents"]] == [p for p in on_disk if p != "request.yaml"]
    assert report["bundle"]["request"] == "request.yaml"
    assert report["bundle"]["as_of"] == report_submitted(bundle)
    assert report["summary"]["verdict"] == "ready", [f["code"] for f in report["findings"]]


def report_submitted(bundle: Path) -> str:
    import yaml

    return str(yaml.safe_load((bundle / "request.yaml").read_text())["submitted"])


def test_check_zip_bundle_reports_the_same_documents(capsys, thin_bundle: Path, tmp_path: Path) -> None:
    archive = tmp_path / "asthma.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(thin_bundle.rglob("*")):
            if path.is_file():
                out.write(path, f"asthma/{path.relative_to(thin_bundle).as_posix()}")
    _, folder_out, _ = run(capsys, "check", str(thin_bundle), "--format", "json")
    _, zip_out, _ = run(capsys, "check", str(archive), "--format", "json")
    folder, zipped = json.loads(folder_out), json.loads(zip_out)
    assert [(d["path"], d["sha256"]) for d in zipped["documents"]] == [
        (d["path"], d["sha256"]) for d in folder["documents"]
    ]
    assert zipped["bundle"]["type"] == "zip"


def test_check_bundle_with_an_unreadable_file_exits_1(capsys, thin_bundle: Path) -> None:
    (thin_bundle / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    code, out, _ = run(capsys, "check", str(thin_bundle))
    assert code == 1
    assert out.startswith("NOT READY")
    assert "DOC-001  broken.pdf cannot be read" in out


def test_as_of_overrides_the_submitted_date(capsys, thin_bundle: Path) -> None:
    _, out, _ = run(capsys, "check", str(thin_bundle), "--format", "json", "--as-of", "2025-01-31")
    assert json.loads(out)["bundle"]["as_of"] == "2025-01-31"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/no/such/bundle"], "no such file or folder"),
        (["check", ".", "--as-of", "31/01/2025"], "not a date in the form YYYY-MM-DD"),
        (["check", ".", "--format", "pdf"], "pdf"),
        (["checks", "XYZ-999"], "no check 'XYZ-999'"),
        (["extract", "/no/such/file.pdf"], "no such file or folder"),
        (["frobnicate"], "No such command"),
    ],
)
def test_command_that_cannot_run_exits_2_with_one_line(capsys, args: list[str], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_output_file_gets_the_report_and_format_from_suffix(
    capsys, thin_bundle: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "check", str(thin_bundle), "--output", str(target))
    assert code in (0, 1) and out == ""
    assert json.loads(target.read_text())["summary"]["documents"] == 2


def test_nhs_numbers_are_masked_in_every_output(capsys, thin_bundle: Path, tmp_path: Path) -> None:
    outputs = []
    for fmt in ("json", "text"):
        outputs.append(run(capsys, "check", str(thin_bundle), "--format", fmt)[1])
        outputs.append(run(capsys, "extract", str(thin_bundle / "consent.docx"), "--format", fmt)[1])
    named = tmp_path / f"NHS {NHS_NUMBER}.pdf"
    named.write_bytes(b"not a pdf")
    outputs.extend(run(capsys, "check", str(named))[1:])
    outputs.extend(run(capsys, "check", str(tmp_path / f"missing {NHS_NUMBER}"))[1:])
    for text in outputs:
        assert "9434765919" not in text.replace(" ", "")
    assert any("*** *** 5919" in text for text in outputs)


def test_single_document_check_runs_only_single_document_checks(capsys, tmp_path: Path) -> None:
    doc = tmp_path / "scan.pdf"
    doc.write_bytes(b"")
    code, out, _ = run(capsys, "check", str(doc), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["DOC-001"]
    assert "REQ-002" in {s["code"] for s in report["skipped"]}


def test_single_document_text_report_shows_its_facts(capsys) -> None:
    notice = SAMPLES / "s251-baseline" / "privacy-notice.docx"
    _, out, _ = run(capsys, "check", str(notice))
    assert "Facts extracted:" in out and "kind:    privacy_notice" in out


@pytest.mark.parametrize("name", ["letter.pdf", "letter.docx"])
def test_extract_shows_facts_with_their_evidence(capsys, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    paragraphs = [
        "Confidentiality Advisory Group",
        "Dear Dr Jones, thank you for your application for support.",
    ]
    path.write_bytes(pdf_bytes([paragraphs]) if name.endswith(".pdf") else docx_bytes(paragraphs))
    code, out, _ = run(capsys, "extract", str(path), "--format", "json")
    document = json.loads(out)["document"]
    assert code == 0 and document["status"] == "ok"
    [title] = [f for f in document["facts"] if f["name"] == "title"]
    assert title["value"] == "Confidentiality Advisory Group"
    assert title["quote"] == "Confidentiality Advisory Group"
    assert title["location"] in ("page 1", "paragraph 1")


def test_checks_lists_and_explains(capsys) -> None:
    code, out, _ = run(capsys, "checks")
    assert code == 0 and "DOC-006" in out and "REQ-001" in out
    code, out, _ = run(capsys, "checks", "doc-001")
    assert code == 0 and out.startswith("DOC-001 (error)")
    for heading in (
        "Fires when",
        "Why it matters",
        "What it reads",
        "Example of a discrepancy",
        "Known limits",
    ):
        assert heading in out


def test_installed_console_command_runs() -> None:
    command = shutil.which("dars-evidence")
    if command is None:
        pytest.skip("dars-evidence is not installed on PATH")
    done = subprocess.run([command, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "0.1.0" in done.stdout


def test_a_document_over_the_time_limit_is_unreadable_and_the_rest_is_checked(monkeypatch) -> None:
    import extractors
    from pipeline.errors import LimitExceeded
    from pipeline.run import check_path

    def slow(document, facts):
        if document.path.endswith(".docx"):
            raise LimitExceeded("reading the document took longer than the limit of 60 s")

    monkeypatch.setattr(extractors, "EXTRACTORS", (*extractors.EXTRACTORS, slow))
    # read here: a reader forked from a fork server started earlier would not see the patch
    monkeypatch.setenv("DARS_EVIDENCE_IN_PROCESS", "1")
    report = check_path(SAMPLES / "s251-baseline").to_dict()
    statuses = {d["path"]: (d["status"], d.get("reason")) for d in report["documents"]}
    assert statuses["privacy-notice.docx"] == (
        "unreadable",
        "reading the document took longer than the limit of 60 s",
    )
    assert statuses["cag/23-CAG-0088 outcome letter.pdf"][0] == "ok"
    assert any(f["code"] == "DOC-001" and "privacy-notice.docx" in f["message"] for f in report["findings"])
