from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.model import Part
from pipeline.readers import parse
from tests.builders import blank_pdf_bytes, pdf_bytes

REVIEWED = [
    ["Document", "Version", "Date"],
    ["Protocol", "3.0", "01/02/2021"],
    ["Consent form", "2.0", "14 June 2019"],
]


def test_pdf_text_keeps_page_numbers() -> None:
    data = pdf_bytes([["First page of the outcome letter."], ["Second page: conditions of support."]])
    parsed = parse("letter.pdf", data, DEFAULT_LIMITS)
    assert parsed.pages == 2
    bodies = [b for b in parsed.blocks if b.part is Part.BODY]
    assert [b.page for b in bodies] == [1, 2]
    assert "conditions of support" in bodies[1].text
    assert bodies[1].location == "page 2"


def test_pdf_table_rows_become_blocks_with_page_and_cells() -> None:
    data = pdf_bytes(
        [["Outcome letter."], ["The documents reviewed by the committee:"]], table=REVIEWED, table_page=2
    )
    parsed = parse("letter.pdf", data, DEFAULT_LIMITS)
    assert all(b.part is Part.BODY for b in parsed.blocks)  # rows come only when an extractor asks
    parsed.ensure_tables()
    rows = [b for b in parsed.blocks if b.part is Part.TABLE]
    assert [r.cells for r in rows] == [tuple(row) for row in REVIEWED]
    assert {r.page for r in rows} == {2}
    assert rows[1].location == "page 2, table 1, row 2"


def test_pdf_without_ruled_table_is_not_sent_to_pdfplumber() -> None:
    parsed = parse("letter.pdf", pdf_bytes([["Just text, no drawing."]]), DEFAULT_LIMITS)
    assert parsed.table_loader is None
    assert all(b.part is Part.BODY for b in parsed.blocks)


def test_pdf_footer_text_is_read_on_every_page() -> None:
    data = pdf_bytes(
        [["Page one."], ["Page two."]], footer="PIS Version 2.0, 18 August 2022, Page {page} of 2"
    )
    parsed = parse("pis.pdf", data, DEFAULT_LIMITS)
    assert all("Version 2.0, 18 August 2022" in b.text for b in parsed.blocks)


def test_pdf_blocks_have_stable_addresses() -> None:
    parsed = parse("a.pdf", pdf_bytes([["a"], ["b"]], table=REVIEWED), DEFAULT_LIMITS)
    parsed.ensure_tables()
    assert [b.address for b in parsed.blocks] == [f"#/blocks/{i}" for i in range(len(parsed.blocks))]


def test_scan_without_text_layer_reads_as_empty_text() -> None:
    parsed = parse("scan.pdf", blank_pdf_bytes(3), DEFAULT_LIMITS)
    assert parsed.pages == 3
    assert parsed.text_length == 0


def test_truncated_pdf_is_unreadable_with_reason() -> None:
    data = pdf_bytes([["A letter long enough to be cut in half."]])
    with pytest.raises(UnreadableDocument, match="corrupt or truncated"):
        parse("cut.pdf", data[: len(data) // 3], DEFAULT_LIMITS)


def test_encrypted_pdf_is_unreadable_with_reason() -> None:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, encrypt="secret")
    drawing.drawString(72, 720, "Confidential outcome letter")
    drawing.save()
    with pytest.raises(UnreadableDocument, match="encrypted"):
        parse("locked.pdf", buffer.getvalue(), DEFAULT_LIMITS)


def test_png_named_pdf_says_what_it_is() -> None:
    with pytest.raises(UnreadableDocument, match="PNG image"):
        parse("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, DEFAULT_LIMITS)


def test_page_limit_is_reported() -> None:
    with pytest.raises(LimitExceeded, match="3 pages, over the limit of 2"):
        parse("long.pdf", pdf_bytes([["a"], ["b"], ["c"]]), Limits(max_pages=2))


def test_pdf_tables_load_page_by_page_and_keep_earlier_addresses() -> None:
    data = pdf_bytes([["Page one."], ["Page two."]], table=REVIEWED, table_page=1)
    parsed = parse("a.pdf", data, DEFAULT_LIMITS)
    parsed.ensure_tables([2])  # no table drawn on page 2: nothing to read
    assert all(b.part is Part.BODY for b in parsed.blocks)
    parsed.ensure_tables([1])
    before = [b.address for b in parsed.blocks]
    parsed.ensure_tables([1])  # read once only
    assert [b.address for b in parsed.blocks] == before
    assert [b.row for b in parsed.blocks if b.part is Part.TABLE] == [1, 2, 3]


def test_page_limit_reason_names_the_option() -> None:
    with pytest.raises(LimitExceeded, match=r"over the limit of 2 \(raise it with --max-pages\)"):
        parse("long.pdf", pdf_bytes([["a"], ["b"], ["c"]]), Limits(max_pages=2))


def test_pdf_whose_header_is_damaged_is_called_a_damaged_pdf_not_text() -> None:
    data = pdf_bytes([["A letter."]])
    with pytest.raises(UnreadableDocument, match="header is missing or damaged"):
        parse("letter.pdf", b"%PDX-" + data[5:], DEFAULT_LIMITS)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_named_pdf_are_binary_data(seed: int) -> None:
    import random

    data = bytes(b for b in random.Random(seed).randbytes(4096) if b)  # not a single NUL to give it away
    with pytest.raises(UnreadableDocument, match="named .pdf but is binary data"):
        parse("random.pdf", data, DEFAULT_LIMITS)
