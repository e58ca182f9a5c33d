"""Reading the CAG register: headers by their recognised names, every sheet, merged and two-row
headers, dates in every form, references of every era; and never a crash on a file it cannot use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.errors import UsageError
from pipeline.register import load_register
from pipeline.register.headers import role_of
from tests.register_files import register_csv, register_xlsx


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    path = tmp_path / "register-2024-07.xlsx"
    path.write_bytes(register_xlsx())
    return path


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("CAG Reference Number", "reference"),
        ("cag_ref", "reference"),
        ("Ref. No", "reference"),
        ("Next review date (dd/mm/yyyy)", "next_review_date"),
        ("NEXT-REVIEW-DUE", "next_review_date"),
        ("NDOO status", "opt_out_status"),
        ("National Data Opt-Out", "opt_out_status"),
        ("Confidential patient information requested", "identifiers"),
        ("Data Controllers", "applicant_organisation"),
        ("Additional information", "notes"),
        ("Date of next review meeting", None),
        ("Reference to guidance", None),
        ("Applicant name", None),
    ],
)
def test_role_of_headers_folds_case_and_punctuation(header: str, role: str | None) -> None:
    assert role_of(header) == role


def test_register_reads_every_sheet_past_merged_two_row_headers(workbook: Path) -> None:
    register = load_register(workbook)
    assert register.status == "ok", register.reason
    assert register.sheets == ("Index", "Archive")  # the cover sheet has no header row: passed over
    assert register.columns["reference"] == "CAG reference"
    assert register.columns["next_review_date"] == "Next review date (dd/mm/yyyy)"
    assert register.columns["opt_out_status"] == "National data opt-out"
    assert register.columns["notes"] == "Notes"  # only on the Archive sheet
    assert set(register.references) == {
        "14/CAG/1002", "20/CAG/0067", "16/CAG/0056", "ECC 1-04(d)/2011", "CAG 2-03(a)/2013",
    }  # fmt: skip
    assert register.to_dict()["entries"] == 5


def test_rows_sharing_a_reference_in_two_sheets_are_one_entry(workbook: Path) -> None:
    entry = load_register(workbook).entry(["14/CAG/1002"])
    assert [(row.sheet, row.row) for row in entry.rows] == [("Index", 4), ("Archive", 2)]
    review, cell = entry.next_review
    assert review == dt.date(2024, 6, 14)  # the serial, later than the Archive's 31/03/2023
    assert (cell.sheet, cell.row) == ("Index", 4)
    assert set(entry.identifiers) == {
        "nhs_number",
        "date_of_birth",
        "postcode",
        "postcode_district",
        "gp_practice",
    }
    assert [name for name, _ in entry.organisations] == ["University of Bristol", "University of Bristol"]
    assert entry.exemption is None


def test_dates_as_cells_serials_and_text(workbook: Path) -> None:
    register = load_register(workbook)
    assert register.entry(["16/CAG/0056"]).next_review[0] == dt.date(2024, 9, 21)
    assert register.entry(["ECC 1-04(d)/2011"]).next_review[0] == dt.date(2024, 11, 20)
    assert register.entry(["CAG 2-03(a)/2013"]).next_review is None  # "TBC"


def test_a_cell_with_a_renumbering_is_an_entry_for_each_reference(workbook: Path) -> None:
    register = load_register(workbook)
    old, new = register.entry(["16/CAG/0056"]), register.entry(["20/CAG/0067"])
    assert old.rows == new.rows and old.exemption is not None
    assert old.exemption.evidence(register.file).to_dict() == {
        "source": "cag_register",
        "document": "register-2024-07.xlsx",
        "sheet": "Index",
        "row": 5,
        "quote": "National data opt-out: Exempt",
        "location": "sheet Index, row 5",
    }


def test_csv_in_another_encoding_and_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    rows = [
        ["21/CAG/0123", "Café study", "Université Hospital NHS Trust", "NHS number", "45458", "Exempted", ""]
    ]
    path.write_bytes(register_csv(rows, encoding="cp1252"))
    register = load_register(path)
    assert register.status == "ok", register.reason
    entry = register.entry(["21/CAG/0123"])
    assert entry.rows[0].row == 2 and entry.rows[0].sheet is None
    assert entry.organisations[0][0] == "Université Hospital NHS Trust"
    assert entry.next_review is None  # a serial written as text is not a date (bundle.md)
    assert entry.exemption is not None


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("register.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "save it as .xlsx or .csv"),
        ("register.ods", b"PK\x03\x04", "save it as .xlsx or .csv"),
        ("register.xlsx", b"PK\x03\x04 truncated", "not"),
        ("register.xlsx", b"", "empty"),
        ("register.csv", b"Title,Notes\r\nA study,none\r\n", "no sheet has a header row"),
    ],
)
def test_a_register_that_cannot_be_used_is_unreadable_with_the_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    register = load_register(path)
    assert register.status == "unreadable" and reason in register.reason
    assert register.unusable_for("REG-001").startswith(f"the CAG register {name} cannot be read")
    assert register.to_dict()["entries"] == 0


def test_a_missing_column_names_the_role_and_the_headers_that_would_match(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(register_csv([["14/CAG/1002", "A study"]], header=["Reference", "Title"]))
    register = load_register(path)
    assert register.unusable_for("REG-001") is None
    reason = register.unusable_for("REG-002")
    assert "no next review date column" in reason and "annual review due" in reason


def test_a_register_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        load_register(tmp_path / "nowhere.xlsx")


def test_a_register_over_the_time_limit_is_unreadable_not_a_crash(workbook: Path) -> None:
    from pipeline.limits import Limits

    register = load_register(workbook, Limits(max_seconds_per_document=0.001))
    assert register.status == "unreadable" and "took longer than the limit" in register.reason


def test_a_register_over_the_size_limit_is_unreadable(workbook: Path) -> None:
    from pipeline.limits import Limits

    register = load_register(workbook, Limits(max_file_bytes=100))
    assert register.status == "unreadable" and "--max-file-mb" in register.reason
