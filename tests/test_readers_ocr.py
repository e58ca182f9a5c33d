"""OCR of scans and images (issue 13): images and scan pages of PDFs are read by the OCR engine
shipped with the tool, say so in their location and carry the engine's confidence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import ocr, parse
from tests.builders import pdf_bytes, scan_image, scan_pdf_bytes

LINES = [
    "Confidentiality Advisory Group",
    "CAG reference: 24/CAG/0123",
    "Identifiers: NHS number, postcode",
]


@pytest.mark.parametrize(("name", "data"), [("form.png", "PNG"), ("form.jpg", "JPEG")])
def test_an_image_is_read_by_ocr(name: str, data: str) -> None:
    parsed = parse(name, scan_image(LINES, data), DEFAULT_LIMITS)
    assert parsed.format == "image" and parsed.pages == 1
    (block,) = parsed.blocks
    assert "24/CAG/0123" in block.text and "Confidentiality" in block.text
    assert block.location == "page 1 (OCR)"
    assert block.ocr and 0.8 < block.confidence <= 1
    engine = "Tesseract" if ocr._load_engine() == "tesseract" else "RapidOCR"
    assert parsed.notes == [f"the image read by OCR ({engine}, confidence {block.confidence:.2f})"]


@pytest.mark.parametrize("engine", ["rapidocr", "tesseract"])
def test_each_engine_reads_a_scan(monkeypatch, engine: str) -> None:
    if engine == "tesseract" and ocr.shutil.which("tesseract") is None:
        pytest.skip("no Tesseract on this machine (optional)")
    monkeypatch.setenv("DARS_EVIDENCE_OCR", engine)
    monkeypatch.setattr(ocr, "_engine", None)
    parsed = parse("form.png", scan_image(LINES), DEFAULT_LIMITS)
    assert "24/CAG/0123" in parsed.blocks[0].text
    assert parsed.notes[0].startswith(
        f"the image read by OCR ({'RapidOCR' if engine == 'rapidocr' else 'Tesseract'}"
    )


def test_each_page_of_a_tiff_is_a_page() -> None:
    parsed = parse(
        "scan.tif", scan_image(["Page {page} of the signed form"], "TIFF", frames=2), DEFAULT_LIMITS
    )
    assert [b.location for b in parsed.blocks] == ["page 1 (OCR)", "page 2 (OCR)"]
    assert "2" in parsed.blocks[1].text


def test_a_scan_page_with_a_scanner_stamp_is_read_by_ocr() -> None:
    parsed = parse("letter.pdf", scan_pdf_bytes(LINES), DEFAULT_LIMITS)
    (block,) = parsed.blocks
    assert block.location == "page 1 (OCR)" and "24/CAG/0123" in block.text


def test_a_scan_whose_pages_carry_a_stamp_is_still_a_scan() -> None:
    """Issue 13: three scanned pages stamped "Scanned with CamScanner" hold 71 characters of text,
    over the document's 50; page by page, each is a scan page and is read by OCR."""
    from pipeline.load import parse_document
    from pipeline.model import Status

    data = scan_pdf_bytes(["Page {page} of the signed declaration"], pages=3)
    document = parse_document("declaration.pdf", data, "0" * 64, DEFAULT_LIMITS)
    assert document.status is Status.NO_TEXT  # DOC-002: a scan, read by OCR
    assert [b.location for b in document.parsed.blocks] == ["page 1 (OCR)", "page 2 (OCR)", "page 3 (OCR)"]
    assert "declaration" in document.parsed.blocks[2].text


def test_a_text_pdf_never_loads_the_engine(monkeypatch) -> None:
    def refuse():
        raise AssertionError("OCR loaded for a text PDF")

    monkeypatch.setattr(ocr, "_load_engine", refuse)
    parsed = parse(
        "letter.pdf",
        pdf_bytes([["A letter with a text layer of more than fifty characters."]]),
        DEFAULT_LIMITS,
    )
    assert not parsed.blocks[0].ocr


def test_poor_ocr_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "recognise", lambda image: ocr.OcrText("C4G reference O199", 0.55, "RapidOCR"))
    parsed = parse("photo.jpg", scan_image(LINES, "JPEG"), DEFAULT_LIMITS)
    assert any("the OCR text is poor (confidence 0.55" in note for note in parsed.notes)


def test_without_an_engine_a_scan_says_what_to_send(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    parsed = parse("letter.pdf", scan_pdf_bytes(LINES), DEFAULT_LIMITS)
    assert parsed.blocks[0].text == "Scanned with CamScanner" and not parsed.blocks[0].ocr
    assert parsed.notes == [f"page 1 is a scan, and {ocr.NO_ENGINE}"]


def test_without_an_engine_doc_002_says_how_to_enable_ocr(monkeypatch, tmp_path: Path) -> None:
    from pipeline.run import check_path

    monkeypatch.setenv("DARS_EVIDENCE_IN_PROCESS", "1")
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    (tmp_path / "photo.jpg").write_bytes(scan_image(LINES, "JPEG"))
    (tmp_path / "letter.pdf").write_bytes(scan_pdf_bytes(LINES))
    report = check_path(tmp_path).to_dict()
    messages = sorted(f["message"] for f in report["findings"] if f["code"] == "DOC-002")
    assert len(messages) == 2
    assert all(
        m.endswith("no OCR engine is installed (pip install rapidocr-onnxruntime, or install Tesseract)")
        for m in messages
    )


def test_a_photo_of_a_form_gives_facts_through_the_command(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "signed form.png").write_bytes(scan_image(LINES))
    (bundle / "letter scan.pdf").write_bytes(scan_pdf_bytes(LINES))
    out = tmp_path / "report.json"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from pipeline.cli import main; main()",
            "check",
            str(bundle),
            "--format",
            "json",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(out.read_text())
    documents = {d["path"]: d for d in report["documents"]}
    for path in ("signed form.png", "letter scan.pdf"):
        document = documents[path]
        assert document["status"] == "no_text", document.get("reason")
        assert document["references"]["cag"] == ["24/CAG/0123"]
        assert {"nhs_number", "postcode"} <= set(document["identifiers"])
        cag = next(f for f in document["facts"] if f["name"] == "cag_reference")
        assert cag["location"] == "page 1 (OCR)"
    # A scan stays a scan: DOC-002 says it was read by OCR, with the engine's confidence.
    scans = sorted(f["message"] for f in report["findings"] if f["code"] == "DOC-002")
    assert len(scans) == 2 and all("it is a scan, read by OCR (page(s) 1 of 1" in m for m in scans)
    assert not any(f["code"] == "DOC-001" for f in report["findings"])


def test_a_damaged_or_misnamed_image_is_refused_with_a_reason() -> None:
    from pipeline.errors import UnreadableDocument

    with pytest.raises(UnreadableDocument, match=r"the image cannot be read \(not an image, or damaged\)"):
        parse("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, DEFAULT_LIMITS)
    with pytest.raises(UnreadableDocument, match="the image cannot be read"):
        parse("photo.jpg", b"%PDF-1.7 not a photo", DEFAULT_LIMITS)


def test_an_image_bomb_is_refused_before_it_is_decoded() -> None:
    import struct
    import zlib

    from pipeline.errors import UnreadableDocument

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # A PNG header declaring 10,000 x 10,000 pixels, with one tiny data chunk.
    header = struct.pack(">IIBBBBB", 10_000, 10_000, 8, 0, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(
        UnreadableDocument,
        match=r"the image has (10,000 x 10,000|more than [\d,]+) pixels, over the limit of 60,000,000 pixels \(a decompression bomb\?\)",
    ):
        parse("bomb.png", png, DEFAULT_LIMITS)
