"""E-mail (`.eml`): the message is a document, and each attachment is a document of the bundle.

Read with the standard library's `email` package (`policy.default`). The message document holds the
header lines a reviewer reads first (from, to, cc, date, subject), then the body: the plain-text
part, else the HTML part reduced to its visible text (`pipeline.readers.html`), then a line naming
the attachments. The attachments themselves are listed by `pipeline.bundle` as files of the bundle,
addressed `message.eml/letter.pdf`, and read like any other file, from memory: nothing is written
to disk. An e-mail attached to an e-mail is read (it is one of those attachments), but its own
attachments are not opened: e-mails are read one level deep, and the report says so.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import NamedTuple

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.text_tools import clean_cell, clean_text

HEADER_FIELDS = ("From", "To", "Cc", "Date", "Subject")
# The suffix of an attachment that has no name, from its type (not `mimetypes`, which reads the
# system's /etc/mime.types: nothing outside the bundle is read).
SUFFIXES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/msword": ".doc",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/csv": ".csv",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]+")


class Attachment(NamedTuple):
    name: str  # unique within its message, no '/'
    part: EmailMessage


def parse_message(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)


def read_eml(data: bytes, limits: Limits) -> ParsedDocument:
    message = parse_message(data)
    if not any(message.get(field) for field in ("From", "To", "Subject", "Date", "Message-ID")):
        raise UnreadableDocument(
            "the file is named .eml but holds no e-mail headers (From, To, Subject, Date)"
        )
    blocks: list[Block] = []
    for field in HEADER_FIELDS:
        value = _header(message, field)
        if value:
            # The subject is the message's title, as a DOCX's Title paragraph is.
            style = "Title" if field == "Subject" else None
            blocks.append(
                Block(index=len(blocks), text=f"{field}: {value}", label=f"{field} line", style=style)
            )
    blocks.extend(_body_blocks(message, len(blocks)))
    attachments = attachments_of(message)
    if attachments:
        names = ", ".join(attachment.name for attachment in attachments)
        blocks.append(Block(index=len(blocks), text=f"Attachments: {names}", label="Attachments line"))
    text_chars = sum(len(block.text) for block in blocks)
    if text_chars > limits.max_text_chars:
        raise UnreadableDocument(f"the message holds more than {limits.max_text_chars:,} characters of text")
    subject = _header(message, "Subject")
    return ParsedDocument(format="eml", blocks=blocks, metadata={"title": subject} if subject else {})


def _header(message: EmailMessage, field: str) -> str:
    try:
        value = message.get(field)
    except Exception:  # noqa: BLE001 - a malformed header is left out, not fatal
        return ""
    return clean_cell(str(value)) if value is not None else ""


def _body_blocks(message: EmailMessage, first: int) -> list[Block]:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return []
    text = _text_of(body)
    if body.get_content_subtype() == "html":
        from pipeline.readers.html import visible_blocks

        blocks, _ = visible_blocks(text, first_index=first)
        return blocks
    blocks = []
    for paragraph, chunk in enumerate(
        (c for c in (clean_text(c) for c in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n"))) if c), start=1
    ):
        blocks.append(Block(index=first + len(blocks), text=chunk, part=Part.BODY, paragraph=paragraph))
    return blocks


def _text_of(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, KeyError, AssertionError):  # an unknown or lying charset
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def attachments_of(message: EmailMessage) -> list[Attachment]:
    """The message's attachments in order, each with a unique, safe name. An attached e-mail is one
    attachment: what it holds is not looked into."""
    body = message.get_body(preferencelist=("plain", "html"))
    found: list[EmailMessage] = []

    def visit(part: EmailMessage, related: bool = False) -> None:
        if part is not message and part.get_content_type() == "message/rfc822":
            found.append(part)
        elif part.is_multipart():
            for sub in part.iter_parts():
                visit(sub, related=part.get_content_type() == "multipart/related")
        elif part is body or (related and _inline(part)):
            return  # the body, or what the HTML body shows inline (a signature's logo)
        elif part.get_content_disposition() == "attachment" or part.get_filename():
            found.append(part)

    visit(message)
    names = unique_names([_name_of(part, number) for number, part in enumerate(found, start=1)])
    return [Attachment(name, part) for name, part in zip(names, found, strict=True)]


def unique_names(names: list[str]) -> list[str]:
    """`names`, a copy number added to each one seen before ('letter (2).pdf'), case aside."""
    unique: list[str] = []
    used: set[str] = set()
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        candidate, copy = name, 2
        while candidate.lower() in used:
            candidate = f"{stem} ({copy}).{suffix}" if dot and stem else f"{name} ({copy})"
            copy += 1
        used.add(candidate.lower())
        unique.append(candidate)
    return unique


def safe_file_name(filename: str) -> str:
    """The last part of a name that holds a path ("../../etc/evil.pdf" is "evil.pdf"), as mail clients
    save it, without control characters."""
    return UNSAFE_NAME.sub("_", re.split(r"[/\\]", filename or "")[-1].strip()).strip(" .")[:200]


def _inline(part: EmailMessage) -> bool:
    """A picture the HTML body shows (`<img src="cid:...">`), not a file the sender attached."""
    return part.get("Content-ID") is not None and part.get_content_disposition() != "attachment"


def _name_of(part: EmailMessage, number: int) -> str:
    try:
        filename = part.get_filename()
    except Exception:  # noqa: BLE001 - a malformed parameter: the attachment keeps a made-up name
        filename = None
    name = safe_file_name(filename or "")
    if part.get_content_type() == "message/rfc822" and not name.lower().endswith(".eml"):
        # An attached e-mail rarely has a file name: mail clients show its subject.
        name = name or _subject_name(part) or f"attached message {number}"
        name = f"{name}.eml"
    if not name:
        suffix = SUFFIXES.get(part.get_content_type(), ".bin")
        name = f"attachment {number}{suffix}"
    return name[:200]


def _subject_name(part: EmailMessage) -> str:
    """The subject of an attached e-mail, fit for a file name ('Fwd: consent/PIS' is 'Fwd_ consent_PIS')."""
    inner = part.get_payload(0) if part.is_multipart() else None
    subject = _header(inner, "Subject") if inner is not None else ""
    return re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", "_", subject).strip(" ._")[:100]


def attachment_bytes(part: EmailMessage) -> bytes:
    """What the attachment holds, decoded from its transfer encoding (an e-mail as its own bytes)."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0) if part.is_multipart() else None
        return inner.as_bytes(policy=policy.default) if inner is not None else b""
    return part.get_payload(decode=True) or b""
