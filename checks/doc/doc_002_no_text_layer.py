from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from pipeline.findings import Evidence, Finding, Severity
from pipeline.model import Status
from pipeline.readers.ocr import NO_ENGINE

NO_ENGINE_HOW = "it was not read by OCR because no OCR engine is installed (pip install rapidocr-onnxruntime, or install Tesseract)"

# bundle.md / checks.md: fewer than 50 characters of text in the whole document.
MIN_TEXT_CHARS = 50


class NoTextLayer(Check):
    code = "DOC-002"
    about = "document"
    severity = Severity.WARNING
    title = "A PDF has no text layer"
    rule = "A PDF has no text layer (fewer than 50 characters of text in the whole document): a scan."
    action = (
        "Send a searchable PDF (the original, or the scan run through OCR) so its content can be checked."
    )
    single_document = True
    doc = CheckDoc(
        finds="PDFs with fewer than 50 characters of text in all their pages (a page read by OCR counts "
        "as none, so a scanner's stamp is not a text layer), and images: scans or photos of pages.",
        why="Facts in a scan cannot be read, so a reviewer would have to check it by eye; the report "
        "must not treat it as an empty document that says nothing.",
        reads="The text layer of every page of each PDF.",
        discrepancy="A photographed CAG letter saved as a 3-page PDF with no text.",
        consistent="A PDF exported from a word processor, or a scan with OCR text.",
        limits="A scan that came with its own OCR text layer, even a poor one, passes this check; a scan "
        "the tool read by OCR is reported with the engine's lowest page confidence.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.documents:
            if document.status is not Status.NO_TEXT:
                continue
            pages = document.pages or 0
            ocr = [b for b in document.parsed.blocks if b.ocr] if document.parsed else []
            if ocr:
                scans = ", ".join(str(b.page) for b in ocr)
                low = min(b.confidence or 0 for b in ocr)
                yield self.finding(
                    f"{document.path} has no text layer: it is a scan, read by OCR (page(s) {scans} of "
                    f"{pages}, lowest confidence {low:.2f}), so its facts may be wrong or missing",
                    evidence=[Evidence(document.path, quote=ocr[0].text[:300], location=ocr[0].location)],
                    subject=document_subject(document),
                )
                continue
            chars = document.parsed.text_length if document.parsed else 0
            notes = document.parsed.notes if document.parsed else []
            no_engine = any(NO_ENGINE in note for note in notes)
            yield self.finding(
                f"{document.path} has no text layer: {chars} characters of text in {pages} page(s), "
                "so nothing in it could be checked" + (f"; {NO_ENGINE_HOW}" if no_engine else ""),
                evidence=[
                    Evidence(
                        document.path,
                        quote=document.parsed.text if document.parsed else "",
                        location=f"all {pages} page(s)",
                    )
                ],
                subject=document_subject(document),
            )
