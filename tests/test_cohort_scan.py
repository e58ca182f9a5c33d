"""The cohort file's streaming scan: row numbering, decoding past the first chunk, the row limit, and
an invalid request carried into the cohort report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.cohort import scan as scan_module
from pipeline.cohort.opening import HEAD_BYTES
from pipeline.cohort.scan import scan_cohort

AS_OF = date(2024, 9, 16)


def scanned(tmp_path: Path, data: bytes):
    path = tmp_path / "NIC-123456_c.csv"
    path.write_bytes(data)
    return scan_cohort(path, AS_OF, 10**9)


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    text = (
        "STUDY ID,STATUS,DOB,ADDRESS LINE1\r\n"
        'S1,add,1990-01-01,"1 High St\r\nLeeds"\r\n'  # row 2 spans two lines
        "\r\n"  # row 3: blank, no participant
        "S4,add,1990-13-01,\r\n"  # row 4
    )
    scan = scanned(tmp_path, text.encode())
    assert scan.rows == 2
    assert [rows.first for (_, problem), rows in scan.problems.items()] == [[4]]


def test_a_byte_that_cannot_be_decoded_past_the_first_chunk_is_coh_001(tmp_path: Path) -> None:
    head = b"STUDY ID,STATUS,DOB\n" + b"S1,add,1990-01-01\n" * (HEAD_BYTES // 18 + 10)
    scan = scanned(tmp_path, head + b"S2,add,\xff\xfe1990-01-01\n")
    assert scan.unreadable and "cannot be decoded as utf-8" in scan.unreadable
    assert not scan.problems


def test_windows_1252_is_detected_and_read(tmp_path: Path) -> None:
    scan = scanned(tmp_path, "STUDY ID,STATUS,DOB,SURNAME\nS1,add,1990-01-01,Ren\u00e9e\n".encode("cp1252"))
    assert scan.unreadable is None and scan.rows == 1


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    scan = scanned(tmp_path, "STUDY ID,STATUS,DOB\nS1,add,1990-01-01\n".encode("utf-16"))
    assert scan.unreadable is None and scan.rows == 1 and not scan.problems


def test_more_rows_than_the_limit_is_reported_and_hashes_stop(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(scan_module, "MAX_PARTICIPANT_ROWS", 5)
    rows = "".join(f"S{i},add,1990-01-01\n" for i in range(8)) + "S1,add,1990-01-01\n"
    scan = scanned(tmp_path, ("STUDY ID,STATUS,DOB\n" + rows).encode())
    assert scan.over_limit and scan.rows == 9
    assert scan.repeated_refs.total == 0  # the repeat on row 10 is past the rows kept for duplicates
    with pytest.raises(SystemExit):
        main(["cohort", str(tmp_path / "NIC-123456_c.csv"), "--format", "json"])
    messages = [f["message"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert any("9 participant rows, over NHS England's limit" in m for m in messages)


def test_an_invalid_request_is_reported_and_skips_what_needs_it(tmp_path: Path, capsys) -> None:
    cohort = tmp_path / "NIC-123456_c.csv"
    cohort.write_text("STUDY ID,STATUS,DOB\nS1,add,1990-01-01\n")
    request = tmp_path / "request.yaml"
    request.write_text("purpose: [not closed\n")
    with pytest.raises(SystemExit) as done:
        main(["cohort", str(cohort), "--request", str(request), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert done.value.code == 1
    assert [f["code"] for f in report["findings"]] == ["REQ-001"]
    skipped = {s["code"]: s["reason"] for s in report["skipped"]}
    assert skipped["COH-003"] == skipped["COH-010"] == "the data request is invalid (REQ-001)"


def test_fingerprints_hold_no_row_and_survive_a_reordering(tmp_path: Path, capsys) -> None:
    def fingerprints(text: str) -> dict[str, str]:
        path = tmp_path / "NIC-123456_c.csv"
        path.write_text(text)
        with pytest.raises(SystemExit):
            main(["cohort", str(path), "--format", "json", "--as-of", "2024-09-16"])
        return {
            f["message"].split(":")[0]: f["fingerprint"]
            for f in json.loads(capsys.readouterr().out)["findings"]
        }

    first = fingerprints("STUDY ID,STATUS,DOB,NHS_NO\nS1,add,1990-01-01,9434765918\nS2,add,1990-01-01,\n")
    again = fingerprints("STUDY ID,STATUS,DOB,NHS_NO\nS2,add,1990-01-01,\nS9,add,1991-02-02,4010232138\n")
    assert first == again and len(first) == 1


def test_an_unexpected_error_names_no_value(tmp_path: Path, monkeypatch, capsys) -> None:
    def broken(*_args):
        raise ValueError("invalid literal: 9434765919 Smith")

    monkeypatch.setattr("pipeline.cohort.run.scan_cohort", broken)
    cohort = tmp_path / "c.csv"
    cohort.write_text("STUDY ID,STATUS,DOB\n")
    with pytest.raises(SystemExit) as done:
        main(["cohort", str(cohort)])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "ValueError" in err and "Smith" not in err and "5919" not in err
