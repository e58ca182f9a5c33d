from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from pipeline.findings import Evidence, Finding, Severity
from pipeline.model import Status

# bundle.md / checks.md: fewer than 50 characters of text in the whole document.
MIN_TEXT_CHARS = 50


class NoTextLayer(Check):
    code = "DOC-002"
    severity = Severity.WARNING
    title = "A PDF has no text layer"
    rule = "A PDF has no text layer (fewer than 50 characters of text in the whole document): a scan."
    action = (
        "Send a searchable PDF (the original, or the scan run through OCR) so its content can be checked."
    )
    single_document = True
    doc = CheckDoc(
        finds="PDFs with fewer than 50 characters of text in all their pages: scans or images of pages.",
        why="Facts in a scan cannot be read, so a reviewer would have to check it by eye; the report "
        "must not treat it as an empty document that says nothing.",
        reads="The text layer of every page of each PDF.",
        discrepancy="A photographed CAG letter saved as a 3-page PDF with no text.",
        consistent="A PDF exported from a word processor, or a scan with OCR text.",
        limits="A scan whose OCR text is poor passes this check; its facts may still be missed.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.documents:
            if document.status is not Status.NO_TEXT:
                continue
            chars = document.parsed.text_length if document.parsed else 0
            pages = document.pages or 0
            yield self.finding(
                f"{document.path} has no text layer: {chars} characters of text in {pages} page(s), "
                "so nothing in it could be checked",
                evidence=[
                    Evidence(
                        document.path,
                        quote=document.parsed.text if document.parsed else "",
                        location=f"all {pages} page(s)",
                    )
                ],
            )
