"""`--cag-register` end to end through the command line: check and batch, every view, and the ways a
register cannot be used (never a crash, never a finding)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.builders import VALID_REQUEST, pdf_bytes
from tests.register_files import register_csv, register_xlsx
from tests.test_cli import SAMPLES, run

REG_CODES = [f"REG-00{n}" for n in range(1, 7)]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A section 251 bundle for 14/CAG/1002 with one CAG letter; the University of Bristol its controller."""
    root = tmp_path / "bundles" / "asthma"
    root.mkdir(parents=True)
    (root / "request.yaml").write_text(VALID_REQUEST)
    (root / "outcome.pdf").write_bytes(
        pdf_bytes(
            [
                [
                    "Confidentiality Advisory Group",
                    "CAG reference: 14/CAG/1002",
                    "Date: 2 June 2014",
                    "The application was fully supported.",
                ]
            ]
        )  # fmt: skip
    )
    return root


def test_check_quotes_the_register_by_file_sheet_and_row(capsys) -> None:
    register = SAMPLES / "cag-register-2024-08.xlsx"
    bundle = SAMPLES / "s251-register-no-exemption"
    code, out, err = run(capsys, "check", str(bundle), "--cag-register", str(register), "--format", "json")
    report = json.loads(out)
    assert code == 0 and err == ""
    assert report["bundle"]["cag_register"]["file"] == "cag-register-2024-08.xlsx"
    assert report["bundle"]["cag_register"]["status"] == "ok"
    assert report["bundle"]["cag_register"]["columns"]["reference"] == "CAG Reference Number"
    (finding,) = [f for f in report["findings"] if f["code"].startswith("REG-")]
    assert finding["code"] == "REG-004"
    cited = [e for e in finding["evidence"] if e.get("source") == "cag_register"]
    assert cited and cited[0]["document"] == "cag-register-2024-08.xlsx"
    assert cited[0]["sheet"] == "Research" and cited[0]["row"] == 6 and "page" not in cited[0]
    assert cited[0]["quote"] == "National data opt-out status: Applied"
    code, text, _ = run(capsys, "check", str(bundle), "--cag-register", str(register), "--format", "text")
    assert "cag-register-2024-08.xlsx (sheet Research, row 6)" in text


def test_without_a_register_the_reg_checks_are_skipped_saying_so(capsys, bundle: Path) -> None:
    code, out, _ = run(capsys, "check", str(bundle), "--format", "json")
    report = json.loads(out)
    assert report["bundle"]["cag_register"] is None
    skipped = {s["code"]: s["reason"] for s in report["skipped"]}
    assert all("no CAG register was given" in skipped[code] for code in REG_CODES)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("register.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "save it as .xlsx or .csv"),
        ("register.xlsx", b"PK\x03\x04 cut off", "not"),
        ("register.csv", b"just, a, list\r\n", "no sheet has a header row"),
    ],
)
def test_an_unreadable_register_skips_every_reg_check_and_never_fires(
    capsys, bundle: Path, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(capsys, "check", str(bundle), "--cag-register", str(path), "--format", "json")
    report = json.loads(out)
    assert code in (0, 1) and "Traceback" not in err
    assert report["bundle"]["cag_register"]["status"] == "unreadable"
    assert reason in report["bundle"]["cag_register"]["reason"]
    assert not [f for f in report["findings"] if f["code"].startswith("REG-")]
    skipped = {s["code"]: s["reason"] for s in report["skipped"]}
    assert all(f"the CAG register {name} cannot be read" in skipped[code] for code in REG_CODES)


def test_a_register_that_does_not_exist_exits_2(capsys, bundle: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", str(bundle), "--cag-register", str(tmp_path / "none.xlsx"))
    assert code == 2 and out == ""
    assert err.startswith("dars-evidence: error: the CAG register") and err.count("\n") == 1


def test_register_text_is_escaped_in_html_and_md(capsys, bundle: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    hostile = "<script>alert(1)</script> Research Trust"
    path.write_bytes(
        register_csv([["14/CAG/1002", "Asthma", hostile, "NHS number", "01/01/2030", "Applied", ""]])
    )
    code, html, _ = run(capsys, "check", str(bundle), "--cag-register", str(path), "--format", "html")
    assert "REG-006" in html and "<script>alert(1)" not in html and "&lt;script&gt;" in html
    code, md, _ = run(capsys, "check", str(bundle), "--cag-register", str(path), "--format", "md")
    assert "REG-006" in md and "<script>alert(1)" not in md


def test_a_missing_column_skips_only_the_checks_that_need_it(capsys, bundle: Path, tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(register_csv([["14/CAG/1002", "Asthma"]], header=["Reference", "Title"]))
    code, out, _ = run(capsys, "check", str(bundle), "--cag-register", str(path), "--format", "json")
    report = json.loads(out)
    skipped = {s["code"]: s["reason"] for s in report["skipped"]}
    assert "REG-001" not in skipped  # it ran: the support is on the register, so it did not fire
    assert "no next review date column" in skipped["REG-002"]
    assert "no identifiers column" in skipped["REG-003"]
    assert "no applicant organisation column" in skipped["REG-006"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_reads_the_register_once_for_every_bundle(
    capsys, monkeypatch, bundle: Path, tmp_path: Path, jobs: str
) -> None:
    import pipeline.register

    shutil.copytree(bundle, bundle.parent / "asthma-copy")
    path = tmp_path / "register.xlsx"
    path.write_bytes(register_xlsx())
    calls = []
    real = pipeline.register.load_register
    monkeypatch.setattr(pipeline.register, "load_register", lambda *a: calls.append(a) or real(*a))
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "batch", str(bundle.parent), "--out", str(out), "--cag-register", str(path), "-j", jobs
    )
    assert code in (0, 1) and "failed" not in err.splitlines()[-1].replace("0 failed", ""), err
    assert len(calls) == 1
    for name in ("asthma", "asthma-copy"):
        report = json.loads((out / f"{name}.json").read_text())
        assert report["bundle"]["cag_register"]["entries"] == 5
        skipped = [s["code"] for s in report["skipped"]]
        codes = [f["code"] for f in report["findings"]]
        assert "REG-001" not in codes and "REG-001" not in skipped  # it ran, and found the support
