from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from pipeline.findings import Evidence, Finding, Severity
from pipeline.limits import LIMIT_OPTIONS
from pipeline.model import Status


class UnreadableFile(Check):
    code = "DOC-001"
    about = "document"
    severity = Severity.ERROR
    title = "A file cannot be read"
    rule = (
        "A file cannot be read: corrupt, encrypted, empty, unsupported format, over the size or time limit, "
        "or an unsafe path (a link or zip member that leaves the bundle). The message names the reason."
    )
    action = "Send the file again as an unencrypted PDF or DOCX that opens, or remove it from the bundle."
    single_document = True
    doc = CheckDoc(
        finds="Files the tool could not read, with the reason: corrupt or truncated, encrypted, empty, a "
        "format other than PDF, DOCX, TXT or MD, over a size, page or time limit, or an unsafe path.",
        why="A reviewer can only rely on evidence that can be read; an unreadable file contributes no "
        "facts, so whatever it was meant to show is not shown.",
        reads="Each file's bytes and what the format's reader made of them.",
        discrepancy="`consent-v2.pdf: the PDF is encrypted: it needs a password to open`; "
        "`scan.docx: the file is named .docx but is a PNG image`.",
        consistent="Every file opens and has text.",
        limits="A file that opens but shows the wrong content is not detected here.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.documents:
            if document.status is not Status.UNREADABLE:
                continue
            where = f"the whole file ({document.size:,} bytes)" if document.size else "the file entry"
            yield self.finding(
                f"{document.path} cannot be read: {document.reason}",
                evidence=[Evidence(document.path, location=where)],
                action=action_for(document.reason or ""),
                subject=document_subject(document),
            )


# The first reason-fragment that matches picks the action; the class's action is the fallback.
ACTIONS = (
    (
        ("link", "leaves the bundle"),
        "Put the file itself in the bundle, not a link to it or a path outside the bundle.",
    ),
    (
        ("too long to open", "levels deep"),
        "Put the file nearer the bundle's root, under fewer and shorter folder names, and send it again.",
    ),
    (("encrypted", "password"), "Send the file again without a password or encryption."),
    (
        ("no converter is installed",),
        "Install LibreOffice or antiword and check the bundle again, or ask for the document as DOCX or PDF.",
    ),
    (("outlook message",), "Ask for the message saved as .eml, or for its attachments as PDF or DOCX."),
    (("unsupported format",), "Send the document in a format the tool reads: the reason says which to send instead."),
    (("empty",), "Send the document again: the file received is empty."),
    # A fixed limit of the tool (a zip bomb's compression ratio, the members of a zip, the text
    # kept from one file): no option raises it, so the file itself has to change.
    (("limit",), "Send the document on its own, or split it: it is over a fixed limit for one file."),
)


def limit_action(reason: str) -> str | None:
    """The reviewer's action for a file over a limit the reviewer sets (pipeline.limits.LIMIT_OPTIONS;
    the reason names its option): a choice of this run, not a fault of the file. None otherwise."""
    option = next((option for option in LIMIT_OPTIONS.values() if option in reason), None)
    if option is None:
        return None
    return (
        f"Nothing to ask the applicant: the file is over a limit set for this run. If you trust the file, "
        f"check the bundle again with a higher limit ({option})."
    )


def action_for(reason: str) -> str:
    reviewers = limit_action(reason)
    if reviewers is not None:
        return reviewers
    lowered = reason.lower()
    for fragments, action in ACTIONS:
        if any(fragment in lowered for fragment in fragments):
            return action
    return UnreadableFile.action
