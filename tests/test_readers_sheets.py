from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from pipeline.errors import LimitExceeded, UnreadableDocument, WithheldDocument
from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import parse_and_extract
from pipeline.model import Part, Status
from pipeline.readers import parse
from tests.builders import DATA_FLOWS, pdf_bytes, rewrite_zip, xlsx_bytes


def extracted(name: str, data: bytes):
    return parse_and_extract(name, data, hashlib.sha256(data).hexdigest(), DEFAULT_LIMITS)


def test_xlsx_rows_are_table_rows_cited_by_sheet_and_row() -> None:
    parsed = parse("flows.xlsx", xlsx_bytes(DATA_FLOWS), DEFAULT_LIMITS)
    rows = [(b.location, b.cells) for b in parsed.blocks]
    assert rows[0] == ("sheet Cover, row 1", (DATA_FLOWS["Cover"][0][0],))
    assert rows[1] == ("sheet Flows, row 1", ("Flow", "From", "To", "Data items", "Datasets", "Purpose"))
    assert rows[2][0] == "sheet Flows, row 2"
    assert rows[2][1][:4] == (
        "1",
        "University of Bristol",
        "NHS England",
        "NHS number, date of birth, postcode",
    )
    assert all(b.part is Part.TABLE for b in parsed.blocks)
    assert parsed.blocks[2].text.startswith("1 | University of Bristol | NHS England | NHS number")


def test_a_data_flow_spreadsheet_gives_identifiers_datasets_and_flows_as_facts() -> None:
    document = extracted("data flows.xlsx", xlsx_bytes(DATA_FLOWS))
    facts = document.facts
    assert document.status is Status.OK
    assert facts.references["cag"] == ["21/CAG/0123"]
    assert set(facts.identifiers) == {"nhs_number", "date_of_birth", "postcode"}
    assert set(facts.datasets) >= {"hes_apc", "deaths"}
    where: dict[tuple[str, str], list[str]] = {}
    for fact in facts.facts:
        where.setdefault((fact.name, str(fact.value)), []).append(fact.evidence.to_dict().get("location"))
    assert where[("identifier", "nhs_number")] == ["sheet Flows, row 2", "sheet Flows, row 3"]
    assert where[("dataset", "hes_apc")] == ["sheet Flows, row 3"]
    assert where[("linkage_statement", "nhs_england")] == ["sheet Flows, row 2"]
    names = {org["name"] for org in facts.organisations}
    assert {"University of Bristol", "NHS England"} <= names


def test_xlsx_dates_and_numbers_read_as_a_reviewer_sees_them() -> None:
    data = xlsx_bytes({"Review": [["Next review", dt.datetime(2025, 3, 31), 2.0, 2.5, True]]})
    (block,) = parse("register.xlsx", data, DEFAULT_LIMITS).blocks
    assert block.cells == ("Next review", "2025-03-31", "2", "2.5", "TRUE")


def test_csv_in_another_encoding_and_delimiter_is_read_with_its_rows() -> None:
    text = "Flow;Data items;Datasets\r\n1;NHS number, date of birth;HES APC\r\n2;Postcode;Civil Registration – Deaths\r\n"
    parsed = parse("flows.csv", text.encode("cp1252"), DEFAULT_LIMITS)
    assert [b.location for b in parsed.blocks] == ["row 1", "row 2", "row 3"]
    assert parsed.blocks[1].cells == ("1", "NHS number, date of birth", "HES APC")
    assert parsed.blocks[2].cells[2] == "Civil Registration – Deaths"
    assert parsed.notes and parsed.notes[0].startswith("not UTF-8: decoded as cp125")


def test_a_cohort_file_is_withheld_and_none_of_its_values_is_kept() -> None:
    rows = [
        ["STUDY ID", "NHS_NO", "Date of Birth", "Postcode"],
        ["A1", "9434765919", "1990-01-01", "BS8 1TH"],
    ]
    csv_data = "\n".join(",".join(r) for r in rows).encode()
    for name, data in (("cohort.csv", csv_data), ("cohort.xlsx", xlsx_bytes({"Sheet1": rows}))):
        with pytest.raises(WithheldDocument) as info:
            parse(name, data, DEFAULT_LIMITS)
        reason = str(info.value)
        assert reason.startswith("a participant cohort file (")
        assert "has columns of nhs_number, date_of_birth, postcode): withheld, not read" in reason
        assert "9434765919" not in reason and "NHS_NO" not in reason
        document = extracted(name, data)
        assert document.status is Status.WITHHELD and document.parsed is None and not document.facts.facts


def test_xlsx_guards_run_before_openpyxl() -> None:
    with pytest.raises(UnreadableDocument, match="named .xlsx but is a PDF"):
        parse("flows.xlsx", pdf_bytes([["x"]]), DEFAULT_LIMITS)
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><workbook/>'
    data = rewrite_zip(xlsx_bytes({"A": [["x"]]}), {"xl/workbook.xml": doctype})
    with pytest.raises(UnreadableDocument, match="workbook part xl/workbook.xml declares a DTD"):
        parse("flows.xlsx", data, DEFAULT_LIMITS)
    with pytest.raises(UnreadableDocument, match="not an Excel workbook"):
        parse(
            "flows.xlsx", rewrite_zip(xlsx_bytes({"A": [["x"]]}), {"xl/workbook.xml": None}), DEFAULT_LIMITS
        )


def test_a_sheet_past_the_row_limit_is_refused(monkeypatch) -> None:
    import pipeline.readers.sheets as sheets

    monkeypatch.setattr(sheets, "MAX_ROWS", 5)
    with pytest.raises(LimitExceeded, match="more than 5 rows"):
        parse("big.csv", b"\n".join(b"a,b" for _ in range(10)), DEFAULT_LIMITS)


def test_an_xlsx_zip_bomb_is_refused_before_anything_is_inflated() -> None:
    from tests.hostile.corpus import MB, RawMember, members_of, raw_zip, zeros_deflated

    bomb = raw_zip(
        [
            *members_of(xlsx_bytes({"A": [["x"]]})),
            RawMember("xl/media/image1.bin", zeros_deflated(1), 2048 * MB, 0),
        ]
    )
    with pytest.raises(LimitExceeded, match="the workbook would inflate to 2048 MB or more"):
        parse("flows.xlsx", bomb, DEFAULT_LIMITS)
