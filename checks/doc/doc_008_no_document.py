from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from pipeline.findings import Finding, Severity


class NoDocument(Check):
    code = "DOC-008"
    severity = Severity.ERROR
    title = "The bundle holds no document"
    rule = (
        "The bundle holds no document at all (an empty folder or archive, or one holding only the request)."
    )
    action = (
        "Send the evidence with the request: the CAG letters and the section 251 application, or every version "
        "of the consent form and information sheet; the privacy notice; the ethics approval; the protocol."
    )
    doc = CheckDoc(
        finds="A bundle with no document in it: an empty folder or .zip, one holding only hidden files or "
        "__MACOSX/, or one holding only its data request.",
        why="The preliminary assessment reads the evidence for the request; with none, every check that reads "
        "documents has nothing to read, and silence must not pass for a clean bundle.",
        reads="The list of the bundle's files (every one counts, readable or not).",
        discrepancy="A folder holding only request.yaml; an empty .zip.",
        consistent="A bundle with one document, even one that cannot be read (that is DOC-001).",
        limits="A bundle of documents that are not evidence (an agenda, a cover note) is not empty: DOC-003 and "
        "the checks of each basis report what is missing.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        # A request that could not be read comes as a document (DOC-001), but it is still the request.
        if [doc for doc in ctx.documents if doc is not ctx.unread_request]:
            return
        if ctx.request is not None:
            message = f"the bundle holds no document, only its data request ({ctx.request.file})"
            where = f"the bundle: no file besides {ctx.request.file}"
        else:
            message = "the bundle holds no document: it is empty"
            where = "the bundle: no file (hidden files and __MACOSX/ are not documents)"
        yield self.finding(message, searched=(where,))
