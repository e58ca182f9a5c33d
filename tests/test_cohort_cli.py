"""`dars-evidence cohort` end to end through the command line, on generated cohort files in the
shapes of domain.md; and the promise that no value from the file reaches any output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from tests.builders import VALID_REQUEST
from tests.cohort_builder import cohort_csv

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
VOCABULARY = {"add", "delete", "1", "2", "F", "M", ""}  # the accepted codes: words of the tool's own messages


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def request_file(tmp_path: Path) -> Path:
    data = yaml.safe_load(VALID_REQUEST)
    data["flows"][0]["identifiers"] = ["nhs_number", "date_of_birth", "sex", "postcode"]
    return write(tmp_path, "request.yaml", yaml.safe_dump(data, sort_keys=False, default_flow_style=False))


def test_a_clean_cohort_with_its_request_is_ready(capsys, tmp_path: Path, request_file: Path) -> None:
    cohort = write(tmp_path, "NIC-123456_October-upload.csv", cohort_csv(rows=60).text)
    code, out, err = run(capsys, "cohort", str(cohort), "--request", str(request_file), "--format", "json")
    report = json.loads(out)
    assert (code, err) == (0, "")
    assert report["summary"] == {"rows": 60, "errors": 0, "warnings": 0, "info": 0, "verdict": "ready"}
    assert report["cohort"]["file"] == "NIC-123456_October-upload.csv"
    assert report["cohort"]["as_of"] == "2024-05-01"  # the request's submitted date
    assert [c["role"] for c in report["cohort"]["columns"]] == [
        "unique_reference", "status", "nhs_number", "date_of_birth", "sex", "postcode",
    ]  # fmt: skip
    assert report["skipped"] == [
        {"code": "COH-004", "reason": "the request was given as a file, not a bundle: the evidence for the "
         "legal basis was not read"}
    ]  # fmt: skip


def test_planted_problems_are_found_with_their_rows(capsys, tmp_path: Path, request_file: Path) -> None:
    planted = [
        [
            "KF-BAD-1",
            "add",
            "9434765918",
            "1970-01-01",
            "1",
            "LS1 4AP",
            "40.1 mmol/mol",
        ],  # row 12: check digit
        [
            "KF-BAD-2",
            "add",
            "4010232137",
            "31/02/1970",
            "1",
            "LS1",
            "40.1 mmol/mol",
        ],  # row 13: no such date, postcode
        [
            "KF-BAD-2",
            "delete",
            "4010232137",
            "1970-01-01",
            "1",
            "LS1 4AP",
            "40.1 mmol/mol",
        ],  # row 14: reference repeated
        [
            "KF-BAD-3",
            "add",
            "4010232137",
            "1970-01-01",
            "1",
            "LS1 4AP",
            "40.1 mmol/mol",
        ],  # row 15: NHS number of row 13
    ]
    cohort = write(tmp_path, "cohort.csv", cohort_csv(rows=10, extra=planted, other_column=True).text)
    code, out, _ = run(
        capsys,
        "cohort",
        str(cohort),
        "--request",
        str(request_file),
        "--format",
        "json",
        "--as-of",
        "2024-09-16",
    )
    report = json.loads(out)
    found = {(f["code"], f["column"], tuple(f["rows"])) for f in report["findings"]}
    assert code == 1 and report["summary"]["verdict"] == "not_ready"
    assert ("COH-006", 3, (12,)) in found
    assert ("COH-006", 4, (13,)) in found
    assert ("COH-006", 6, (13,)) in found
    assert ("COH-007", 1, (13, 14)) in found
    assert ("COH-008", None, (13, 14, 15)) in found  # 14 shares 13's reference and 15's NHS number
    assert ("COH-005", 7, ()) in found
    assert ("COH-009", None, ()) in found  # cohort.csv: no NIC-123456
    assert report["cohort"]["columns"][6] == {"column": 7, "header": None, "role": "other"}


def test_a_bundle_as_the_request_reads_its_documents_for_coh_004(capsys, tmp_path: Path) -> None:
    bundle = SAMPLES / "s251-baseline"
    cohort = write(tmp_path, "NIC-604512_cohort.csv", cohort_csv(rows=20).text)
    code, out, _ = run(capsys, "cohort", str(cohort), "--request", str(bundle), "--format", "json")
    report = json.loads(out)
    assert code == 0, report["findings"]
    assert report["skipped"] == [] and report["summary"]["verdict"] == "ready"
    names = write(tmp_path, "NIC-604512_names.csv", "STUDY ID,STATUS,DOB,SURNAME\nS1,add,1990-01-01,Qwerty\n")
    code, out, _ = run(capsys, "cohort", str(names), "--request", str(bundle), "--format", "json")
    codes = sorted(f["code"] for f in json.loads(out)["findings"])
    assert codes == ["COH-003", "COH-004"]  # name: neither requested nor covered by the CAG support


def test_text_is_the_default_and_names_roles(capsys, tmp_path: Path) -> None:
    cohort = write(tmp_path, "c.csv", cohort_csv(rows=3, other_column=True).text)
    code, out, _ = run(capsys, "cohort", str(cohort))
    assert code == 0
    assert "Verdict: Needs review" in out and "3 participant rows; 7 columns" in out
    assert "column   7  other             (header not shown)" in out
    assert "COH-003: no data request was given (--request)" in out


def test_output_file_and_usage_errors(capsys, tmp_path: Path) -> None:
    cohort = write(tmp_path, "c.csv", cohort_csv(rows=3).text)
    code, out, _ = run(capsys, "cohort", str(cohort), "--output", str(tmp_path / "r.json"))
    assert code == 0 and out == ""
    assert json.loads((tmp_path / "r.json").read_text())["cohort"]["rows"] == 3
    code, _, err = run(capsys, "cohort", str(tmp_path / "missing.csv"))
    assert code == 2 and err.startswith("dars-evidence: error: no such file")
    code, _, err = run(capsys, "cohort", str(cohort), "--request", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such request or bundle" in err


def test_an_unreadable_file_is_coh_001_alone(capsys, tmp_path: Path) -> None:
    cohort = write(tmp_path, "c.csv", cohort_csv(rows=5, header=False).text)
    code, out, _ = run(capsys, "cohort", str(cohort), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert [f["code"] for f in report["findings"]] == ["COH-001"]
    assert "no header row" in report["findings"][0]["message"]


def leaking_files(folder: Path) -> list[tuple[Path, list[str]]]:
    """Files that drive every path a value could take: findings on values, headers that are values
    (no header row), a parse error, a row with a stray field, and values in an other column."""
    clean = cohort_csv(rows=30, other_column=True)
    bad_rows = [
        ["KF-LEAK-0001", "add", "9434765918", "31/02/1971", "7", "QX1 1ZZ", "Zorblatt"],
        ["KF-LEAK-0001", "remove", "94347659", "1971-13-40", "woman", "LS1", "Vexmoor"],
        ["KF-LEAK-0002", "add", "4010232137", "12/31/1972", "1", "LS1 4AP", "Quillane", "stray"],
        ["KF-LEAK-0003", "add", "4010232137", "2090-01-01", "2", "LS1 4AP", "Hollowmere"],
    ]
    with_problems = cohort_csv(rows=25, seed=7, extra=bad_rows, other_column=True)
    headless = cohort_csv(rows=5, seed=8, header=False)
    broken = cohort_csv(rows=5, seed=9)
    files = []
    for name, generated, tail in (
        ("NIC-123456_clean.csv", clean, ""),
        ("NIC-123456_problems.csv", with_problems, ""),
        ("NIC-123456_headless.csv", headless, ""),
        ("NIC-123456_broken.csv", broken, 'KF-OPEN-QUOTE,add,"9434765919,1999-01-01\r\n'),
    ):
        files.append((write(folder, name, generated.text + tail), generated.values + ["KF-OPEN-QUOTE"]))
    return files


@pytest.fixture
def thin_bundle(tmp_path: Path, request_file: Path) -> Path:
    """A bundle whose CAG letter covers the NHS number and date of birth only: COH-004 runs and fires."""
    root = tmp_path / "bundle"
    (root / "cag").mkdir(parents=True)
    (root / "request.yaml").write_bytes(request_file.read_bytes())
    (root / "cag" / "outcome.txt").write_text(
        "Confidentiality Advisory Group\nDear Dr Smith\nRe: 14/CAG/1002 final outcome\nThe application "
        "was fully supported under Regulation 5 for NHS Digital to receive the NHS number and date of "
        "birth of the cohort and link them to Hospital Episode Statistics.\nYours sincerely\nCAG secretariat"
    )
    return root


def test_no_value_from_the_file_reaches_any_output(
    capsys, tmp_path: Path, request_file: Path, thin_bundle: Path
) -> None:
    checked = 0
    for cohort, values in leaking_files(tmp_path):
        # Codes and short numbers are also the tool's own words and counts ("7 columns"): every other value
        # (references, NHS numbers, dates, postcodes, names, clinical values) is searched for.
        searched = [
            value
            for value in set(values)
            if value not in VOCABULARY and len(value) >= 3 and not (value.isdigit() and len(value) < 8)
        ]
        outputs = []
        # every format, to stdout and to --output, with no request, a request file and a bundle
        for fmt, request, to_file in (
            ("text", (), False),
            ("json", ("--request", str(request_file)), False),
            ("text", ("--request", str(thin_bundle)), True),
            ("json", ("--request", str(thin_bundle)), True),
        ):
            report = tmp_path / f"report.{fmt}"
            written = ("--output", str(report)) if to_file else ()
            code, out, err = run(capsys, "cohort", str(cohort), "--format", fmt, *request, *written)
            assert code in (0, 1), err
            outputs += [out, err, report.read_text() if to_file else ""]
        code, out, err = run(capsys, "cohort", str(cohort), "--max-file-mb", "0.000001")  # over the limit
        outputs += [out, err]
        everything = "\n".join(outputs)
        digits = re.sub(r"\D", "", everything)
        for value in searched:
            assert value not in everything, f"{value!r} from {cohort.name} reached an output"
            if re.fullmatch(r"\d{10}", value):
                assert value not in digits or value in {"0000000000"}, value
            checked += 1
    assert checked > 300
