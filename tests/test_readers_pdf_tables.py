"""Tables read from PDFium's objects (`pdf_tables`) must be the tables pdfplumber reads itself."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

from pipeline.readers import pdf as pdf_reader
from pipeline.readers.pdf_tables import page_tables
from tests.builders import pdf_bytes

ROWS = [
    ["Document", "Version", "Date"],
    ["Protocol", "3.0", "01/02/2021"],
    ["Consent form for the main study", "2.0", "14 June 2019"],
]


def _grid(drawing: canvas.Canvas, style: list, x: float = 72, y: float = 600, rows=ROWS) -> None:
    table = Table(rows)
    table.setStyle(TableStyle(style))
    table.wrapOn(drawing, 400, 400)
    table.drawOn(drawing, x, y)


def _pdf(draw) -> bytes:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw(drawing)
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _ruled_grid(drawing):
    drawing.drawString(72, 780, "The documents reviewed by the committee are listed below.")
    _grid(drawing, [("GRID", (0, 0), (-1, -1), 0.5, colors.black)])


def _boxed_cells_and_curves(drawing):
    # Filled cell backgrounds (rectangles), a box round the table, a circle and a rounded box
    # (Bézier curves), a diagonal stroke and an unpainted clip path near the table.
    _grid(
        drawing,
        [
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("BOX", (0, 0), (-1, -1), 1, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.black),
        ],
    )
    drawing.circle(400, 400, 20, stroke=1, fill=0)
    drawing.roundRect(72, 300, 200, 60, 8, stroke=1, fill=0)
    drawing.line(300, 200, 450, 260)
    path = drawing.beginPath()
    path.rect(60, 590, 420, 80)
    drawing.clipPath(path, stroke=0, fill=0)
    drawing.drawString(80, 250, "Signed on behalf of the committee")


def _two_tables_and_lines(drawing):
    _grid(drawing, [("GRID", (0, 0), (-1, -1), 0.5, colors.black)], y=650)
    _grid(
        drawing,
        [
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBEFORE", (0, 0), (-1, -1), 0.5, colors.black),
        ],
        y=400,
        rows=[["Data item", "Source"], ["NHS number", "NHS England"], ["Postcode", "HES APC"]],
    )
    drawing.line(72, 200, 520, 200)


DRAWINGS = {
    "ruled grid": _ruled_grid,
    "boxes and curves": _boxed_cells_and_curves,
    "two tables": _two_tables_and_lines,
}


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_tables_from_pdfium_are_pdfplumbers_tables(name: str) -> None:
    data = _pdf(DRAWINGS[name])
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        expected = plumber.pages[0].extract_tables()
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    got = page_tables(page, page.get_textpage())
    assert got is not None, "the page should be read without pdfplumber"
    assert got == expected
    assert expected, "the drawing should hold a table"


def test_turned_page_goes_to_pdfplumber() -> None:
    data = _pdf(_ruled_grid)
    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    page.set_rotation(90)
    assert page_tables(page, page.get_textpage()) is None


def test_reader_tables_do_not_open_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf_bytes([["Outcome letter."]], table=ROWS)

    def no_plumber(*args, **kwargs):
        raise AssertionError("pdfplumber was opened for a page PDFium can read")

    monkeypatch.setattr(pdf_reader, "_plumber_tables", no_plumber)
    found = pdf_reader._read_tables(data, [1])
    assert found == {1: [[tuple(row) for row in ROWS]]}


def test_page_pdfium_cannot_read_falls_back_to_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf_bytes([["Outcome letter."]], table=ROWS)
    monkeypatch.setattr(pdf_reader, "_pdfium_tables", lambda pdf, number: None)
    assert pdf_reader._read_tables(data, [1]) == {1: [[tuple(row) for row in ROWS]]}
