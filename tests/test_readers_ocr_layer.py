"""A scanned PDF whose invisible OCR layer is poor (issue 13): the page is read again by OCR, with the
location saying so; without an engine, the report warns. Text pages are never touched."""

from __future__ import annotations

import pytest

from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import ocr, parse
from pipeline.readers.text_layer import layer_quality
from tests.builders import pdf_bytes, scan_with_text_layer_bytes

LINES = [
    "The CAG reference is 21/CAG/0123 for this study.",
    "We will send the NHS number and the date of birth",
    "to NHS England, which will link them with the",
    "hospital records and then return the data to us",
    "with the identifiers removed from it as agreed.",
]
POOR_LAYER = [
    "Tlie C4G reference is 21/C4G/O123 for tliis study.",
    "We vvill send tlie NHS nurnber and tlie date of birtli",
    "to NHS England, wliich will link tliem with the",
    "hospital records and tlien return the data to us",
    "witli tlie identifiers rernoved from it as agreed.",
]


def test_the_measure_tells_a_poor_layer_from_typed_text() -> None:
    assert layer_quality(" ".join(POOR_LAYER)).poor
    assert not layer_quality(" ".join(LINES)).poor
    quality = layer_quality("C4G reference O199: the NHS nurnber of each participant " * 3)
    assert quality.examples == ("C4G", "O199", "nurnber") and quality.poor
    # Codes and names that are not misreadings: ICD-10 codes, a DARS reference, names.
    typed = "Diagnoses I50 and I11 under DARS-NIC-604512-K7M2Q for Dr Okonkwo at Castlebridge " * 3
    assert not layer_quality(typed).poor


def test_a_poor_layer_page_is_read_again_by_ocr() -> None:
    parsed = parse("scan.pdf", scan_with_text_layer_bytes(LINES, POOR_LAYER), DEFAULT_LIMITS)
    (block,) = parsed.blocks
    assert block.location == "page 1 (OCR)" and block.ocr
    assert "21/CAG/0123" in block.text and "nurnber" not in block.text
    assert any(
        note.startswith("page 1 has a text layer that looks like poor OCR (") and note.endswith("read again by OCR")
        for note in parsed.notes
    )


def test_without_an_engine_a_poor_layer_is_kept_with_a_warning(monkeypatch) -> None:
    def no_engine():
        raise ocr.NoOcrEngine(ocr.NO_ENGINE)

    monkeypatch.setattr(ocr, "_load_engine", no_engine)
    parsed = parse("scan.pdf", scan_with_text_layer_bytes(LINES, POOR_LAYER), DEFAULT_LIMITS)
    (block,) = parsed.blocks
    assert block.location == "page 1" and "nurnber" in block.text
    assert any("looks like poor OCR" in note and "no OCR engine is installed" in note for note in parsed.notes)
    assert any("its facts may be wrong or missing" in note for note in parsed.notes)


def test_a_good_layer_over_a_scan_and_a_text_page_are_left_alone(monkeypatch) -> None:
    def refuse(*args):
        raise AssertionError("OCR run on a page with a good text layer")

    monkeypatch.setattr(ocr, "recognise", refuse)
    parsed = parse("scan.pdf", scan_with_text_layer_bytes(LINES, LINES), DEFAULT_LIMITS)
    assert parsed.blocks[0].location == "page 1" and not parsed.notes
    # A typed page with the same misreadings but no image: nothing to OCR, it stays as it is.
    parsed = parse("typed.pdf", pdf_bytes([POOR_LAYER]), DEFAULT_LIMITS)
    assert "nurnber" in parsed.blocks[0].text and not parsed.blocks[0].ocr


@pytest.mark.parametrize("engine", ["rapidocr"])
def test_the_other_engine_reads_it_again_too(monkeypatch, engine: str) -> None:
    monkeypatch.setenv("DARS_EVIDENCE_OCR", engine)
    monkeypatch.setattr(ocr, "_engine", None)
    parsed = parse("scan.pdf", scan_with_text_layer_bytes(LINES, POOR_LAYER), DEFAULT_LIMITS)
    assert parsed.blocks[0].location == "page 1 (OCR)" and "21/CAG/0123" in parsed.blocks[0].text
