"""PDF pages whose content stream is not in reading order (issue 13): turned pages and two columns."""

from __future__ import annotations

from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import parse
from tests.builders import rotated_pdf_bytes, two_column_pdf_bytes

LEFT = [
    "Support under section 251 covers only the",
    "NHS number and the date of birth of each",
    "patient in the cohort, which are sent to",
    "NHS England for linkage with hospital data.",
    "The postcode is kept by the applicant.",
]
RIGHT = [
    "The address will not be sent to NHS England",
    "or to the applicant at any point of the study,",
    "and no other identifier leaves the practice.",
    "The support is reviewed every year by the",
    "Confidentiality Advisory Group.",
]


def _text(data: bytes) -> str:
    return parse("letter.pdf", data, DEFAULT_LIMITS).blocks[0].text


def test_two_interleaved_columns_are_read_one_after_the_other() -> None:
    text = _text(two_column_pdf_bytes("Outcome of the application", LEFT, RIGHT, footer="Page 1 of 1"))
    assert text.split("\n") == ["Outcome of the application", *LEFT, *RIGHT, "Page 1 of 1"]


def test_labels_and_values_side_by_side_are_not_columns() -> None:
    labels = ["Name", "Reference", "Version", "Date", "Sponsor", "Site"]
    values = ["Cohort study of asthma in adults", "24/CAG/0123", "2.1", "12 March 2024", "UCL", "Leeds"]
    text = _text(two_column_pdf_bytes("Application summary", labels, values))
    assert "Reference 24/CAG/0123" in text and "Version 2.1" in text


def test_a_turned_page_is_read_top_line_first() -> None:
    lines = ["Data flows of the study", "First: the NHS number goes to NHS England.", "Then the linked data."]
    text = _text(rotated_pdf_bytes(lines, content_order=[2, 1, 0]))
    assert text.split("\n") == lines
