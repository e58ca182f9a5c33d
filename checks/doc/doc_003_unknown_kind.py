from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from pipeline.findings import Evidence, Finding, Severity


class UnknownKind(Check):
    code = "DOC-003"
    about = "document"
    severity = Severity.WARNING
    title = "A document's kind could not be determined"
    rule = "A document's kind could not be determined (other)."
    action = "Say what the document is (give it a clear title), or remove it if it is not evidence for the request."
    single_document = True
    doc = CheckDoc(
        finds="Readable documents that are none of the thirteen kinds: not a CAG letter, application, consent "
        "form, information sheet, privacy notice, REC letter, protocol, transfer risk assessment, cohort "
        "communication or data request.",
        why="A document whose role is unclear cannot count as evidence for anything, and a reviewer must open it "
        "to see whether it is, say, a consent form with an unusual title.",
        reads="Each document's title, opening and phrasing, and its file name.",
        discrepancy="A meeting agenda, a covering e-mail, a CV.",
        consistent="Every document classified.",
        limits="Classification reads titles and characteristic phrasing; a document of a known kind written in "
        "unusual words may land here.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.readable:
            if document.facts.kind != "other":
                continue
            title = document.facts.title or ""
            first = next((b for b in document.parsed.blocks if b.text.strip()), None)
            yield self.finding(
                f"{document.path}: its kind could not be determined"
                + (f" (title: '{title}')" if title else ""),
                evidence=[
                    Evidence(
                        document.path,
                        quote=title,
                        page=first.page if first else None,
                        location=first.location if first else "the document",
                    )
                ],
                subject=document_subject(document),
            )
