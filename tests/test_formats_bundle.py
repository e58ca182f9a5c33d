"""Issue 13: a bundle holding one file of each format read since, built by code and checked through
the real command line in the sandbox, with the facts a reviewer needs from each asserted."""

from __future__ import annotations

import json

import pytest

from tests.builders import (
    DATA_FLOWS,
    docx_bytes,
    docx_with_notes,
    eml_bytes,
    msg_bytes,
    pdf_bytes,
    scan_with_text_layer_bytes,
    xlsx_bytes,
)
from tests.hostile.cli import run_cli
from tests.test_readers_ocr_layer import LINES, POOR_LAYER

CAG_LETTER = [
    [
        "Health Research Authority, Confidentiality Advice Team",
        "4 May 2021",
        "Dear Dr Smith,",
        "Childhood Asthma Outcomes Study. CAG reference: 21/CAG/0123",
        "Confidentiality Advisory Group: final outcome. The application was fully supported.",
        "Yours sincerely, Confidentiality Advice Team",
    ]
]
PRIVACY_PAGE = """<html><head><title>Privacy notice</title><script>alert('x')</script></head><body>
<h1>Privacy notice</h1><p>We share your NHS number with NHS England for linkage to hospital records.</p>
<img src="https://example.org/pixel.png"><p>IRAS 123456. REC reference 14/SW/0123.</p></body></html>"""


@pytest.fixture(scope="module")
def formats_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("formats")
    bundle = root / "bundle"
    bundle.mkdir()
    files = {
        "notes.docx": docx_with_notes(
            "Protocol version 3.0.",
            footnotes=["Section 251 support: CAG reference 21/CAG/0123."],
            comments=["Check the date of birth is still needed."],
        ),
        "macros.docm": docx_with_notes(
            "Data management plan.", endnotes=["REC reference 14/SW/0123."], macros=True
        ),
        "data flows.xlsx": xlsx_bytes(DATA_FLOWS),
        "identifiers.csv": b"Item,Purpose\r\nNHS number,Linkage\r\nPostcode,Linkage\r\n",
        "outcome.eml": eml_bytes(
            "CAG outcome 21/CAG/0123",
            "Dear Dr Smith,\n\nPlease find attached the outcome letter.\n\nConfidentiality Advice Team",
            {"letter.pdf": pdf_bytes(CAG_LETTER)},
            attached_messages=[
                eml_bytes("Consent form", "Attached.", {"consent.docx": docx_bytes(["Consent form"])})
            ],
        ),
        "privacy.html": PRIVACY_PAGE.encode(),
        "scanned letter.pdf": scan_with_text_layer_bytes(LINES, POOR_LAYER),
        "outlook.msg": msg_bytes(
            "Fwd: CAG outcome", "Dear Dr Smith,\r\n\r\nThe outcome letter is attached.", {"letter.pdf": pdf_bytes(CAG_LETTER)}
        ),
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024,
        "slides.pptx": docx_bytes(["not really slides"]),
        "cohort.csv": b"STUDY ID,NHS_NO,DOB,POSTCODE\r\nA1,9434765919,1990-01-01,BS8 1TH\r\n",
    }
    for name, data in files.items():
        (bundle / name).write_bytes(data)
    out = root / "out"
    out.mkdir()
    report = out / "report.json"
    run = run_cli(
        "check", str(bundle), "--format", "json", "-o", str(report), cwd=out, log=root / "events.jsonl"
    )
    assert run.code in (0, 1), run.stderr
    data = json.loads(report.read_text())
    return bundle, out, run, {d["path"]: d for d in data["documents"]}, data["findings"], report.read_text()


def locations(document: dict, name: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for fact in document["facts"]:
        if fact["name"] == name:
            found.setdefault(str(fact["value"]), []).append(fact.get("location"))
    return found


def test_every_new_format_is_listed_with_its_status(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    assert {path: d["status"] for path, d in documents.items()} == {
        "cohort.csv": "withheld",
        "data flows.xlsx": "ok",
        "identifiers.csv": "ok",
        "macros.docm": "ok",
        "notes.docx": "ok",
        "old.doc": "unreadable",
        "outcome.eml": "ok",
        "outcome.eml/letter.pdf": "ok",
        "outcome.eml/Consent form.eml": "ok",
        "outcome.eml/Consent form.eml/consent.docx": "unreadable",
        "outlook.msg": "ok",
        "outlook.msg/letter.pdf": "ok",
        "privacy.html": "ok",
        "scanned letter.pdf": "no_text",
        "slides.pptx": "unreadable",
    }


def test_the_letter_attached_to_an_email_is_a_document_with_its_cag_reference(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    letter = documents["outcome.eml/letter.pdf"]
    assert letter["references"]["cag"] == ["21/CAG/0123"] and letter["format"] == "pdf"
    message = documents["outcome.eml"]
    assert message["format"] == "eml" and message["references"]["cag"] == ["21/CAG/0123"]
    assert locations(message, "cag_reference")["21/CAG/0123"][0] == "Subject line"
    outlook_letter = documents["outlook.msg/letter.pdf"]
    assert outlook_letter["references"]["cag"] == ["21/CAG/0123"] and outlook_letter["kind"] == "cag_approval"
    assert documents["outlook.msg"]["format"] == "msg"
    nested = documents["outcome.eml/Consent form.eml/consent.docx"]["reason"]
    assert "e-mails are read one level deep" in nested


def test_spreadsheet_rows_give_identifiers_and_datasets_cited_by_sheet_and_row(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    flows = documents["data flows.xlsx"]
    assert set(flows["identifiers"]) == {"nhs_number", "date_of_birth", "postcode"}
    assert {"hes_apc", "deaths"} <= set(flows["datasets"])
    assert locations(flows, "identifier")["nhs_number"][0] == "sheet Flows, row 2"
    table = documents["identifiers.csv"]
    assert locations(table, "identifier") == {"nhs_number": ["row 2"], "postcode": ["row 3"]}


def test_docx_notes_and_html_text_give_facts_with_their_place(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    assert locations(documents["notes.docx"], "cag_reference") == {"21/CAG/0123": ["footnote 1"]}
    assert locations(documents["macros.docm"], "rec_reference") == {"14/SW/0123": ["endnote 1"]}
    page = documents["privacy.html"]
    assert page["references"]["rec"] == ["14/SW/0123"] and "nhs_number" in page["identifiers"]


def test_refused_formats_say_what_to_send_instead(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    assert "send it as PDF or DOCX" in documents["old.doc"]["reason"]
    assert "send it as PDF or DOCX" in documents["slides.pptx"]["reason"]
    assert not any("0x" in (d.get("reason") or "") for d in documents.values())


def test_attachments_are_never_written_and_nothing_outside_is_read(formats_run) -> None:
    bundle, out, run, *_ = formats_run
    assert run.network == []
    assert run.outside(bundle, out) == []
    assert run.written() == [str(out / "report.json")]


def test_a_cohort_file_is_withheld_with_doc_009_and_none_of_its_values_shown(formats_run) -> None:
    _, _, _, documents, findings, text = formats_run
    assert documents["cohort.csv"]["facts"] == []
    (finding,) = [f for f in findings if f["code"] == "DOC-009"]
    assert (
        "cohort.csv is a participant cohort file (its header row has columns of nhs_number"
        in finding["message"]
    )
    assert not [f for f in findings if f["code"] == "DOC-001" and "cohort.csv" in f["message"]]
    for value in ("9434765919", "943 476 5919", "1990-01-01", "BS8 1TH"):
        assert value not in text


def test_a_scan_with_a_poor_ocr_layer_is_read_again_by_ocr(formats_run) -> None:
    _, _, _, documents, *_ = formats_run
    scan = documents["scanned letter.pdf"]
    assert locations(scan, "cag_reference") == {"21/CAG/0123": ["page 1 (OCR)"]}
    assert any("looks like poor OCR" in note for note in scan.get("notes", []))
