"""Outlook messages (`.msg`): read as an `.eml` is, with `olefile` (BSD; extract-msg is GPL).

A .msg is an OLE compound file (MS-OXMSG): each property of the message is a stream named
`__substg1.0_XXXXYYYY` (XXXX the property's id, YYYY its type: 001F UTF-16, 001E 8-bit, 0102
bytes), fixed-size ones (the date) sit in the `__properties_version1.0` stream, and each attachment
is a storage `__attach_version1.0_#XXXXXXXX` holding its name and data the same way. The message
document has the same header lines and body blocks as an e-mail's, with format "msg"; its
attachments are files of the bundle (`message.msg/letter.pdf`, listed by `pipeline.bundle`). A
message attached to a message is listed but not read: e-mails are read one level deep.

olefile follows each sector chain only as far as the stream's size and refuses a directory entry
reached twice, so a hostile file ends in a reason (DOC-001), never a loop; any error it raises is
turned into one.
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import NamedTuple

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument
from pipeline.readers.mail import PARAGRAPH_BREAK, safe_file_name, unique_names
from pipeline.readers.text_tools import clean_cell, clean_text

SUBJECT, SENDER_NAME, SENDER_EMAIL, SENDER_SMTP = 0x0037, 0x0C1A, 0x0C1F, 0x5D01
DISPLAY_TO, DISPLAY_CC, BODY, HTML_BODY = 0x0E04, 0x0E03, 0x1000, 0x1013
SUBMIT_TIME, DELIVERY_TIME, RTF_BODY = 0x0039, 0x0E06, 0x1009
LONG_FILE_NAME, SHORT_FILE_NAME, DISPLAY_NAME, ATTACH_DATA = 0x3707, 0x3704, 0x3001, 0x3701
ATTACH_METHOD, EMBEDDED_MESSAGE = 0x3705, 5
PT_SYSTIME, PT_LONG = 0x0040, 0x0003
# The header of a `__properties_version1.0` stream before its 16-byte entries (MS-OXMSG 2.4).
TOP_HEADER, ATTACHMENT_HEADER = 32, 8
ATTACHMENT_STORAGE = re.compile(r"__attach_version1\.0_#[0-9A-Fa-f]{8}$")
# How many attachment storages are looked at: past the member limit they are refused anyway.
MAX_ATTACHMENT_STORAGES = 10_000
NOT_A_MESSAGE = (
    "not a readable Outlook message ({why}); save the message as .eml, or send its attachments as PDF or DOCX"
)


class MsgAttachment(NamedTuple):
    name: str  # unique within its message, no '/'
    storage: str  # the attachment's storage, to read its data from
    embedded: bool  # a message attached to the message: listed, not read


class OutlookMessage:
    """An open .msg: its properties by id, its attachments. Use as a context manager."""

    def __init__(self, data: bytes) -> None:
        import olefile

        if not data.startswith(olefile.MAGIC):
            raise UnreadableDocument(NOT_A_MESSAGE.format(why="the file is not an OLE compound file"))
        self.mini_stream_checked = False
        try:
            self.ole = olefile.OleFileIO(data)
        except Exception as error:  # noqa: BLE001 - any damage to the container is a reason
            raise UnreadableDocument(NOT_A_MESSAGE.format(why=_why(error))) from None
        if not self.ole.exists("__properties_version1.0") and not self._has_any(""):
            self.close()
            raise UnreadableDocument(
                NOT_A_MESSAGE.format(why="an OLE file without message properties, perhaps an old Office file")
            )

    def __enter__(self) -> OutlookMessage:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.ole.close()

    def _has_any(self, storage: str) -> bool:
        prefix = f"{storage}/" if storage else ""
        return any(self.ole.exists(f"{prefix}__substg1.0_{tag:04X}001F") for tag in (SUBJECT, BODY)) or any(
            self.ole.exists(f"{prefix}__substg1.0_{tag:04X}001E") for tag in (SUBJECT, BODY)
        )

    def stream(self, path: str) -> bytes | None:
        if not self.ole.exists(path):
            return None
        try:
            data = self.ole.openstream(path).read()
            entry = self.ole.direntries[self.ole._find(path)]
            if entry.size < self.ole.minisectorcutoff:
                if not self.mini_stream_checked:
                    root = self.ole.root
                    _check_chain(root.isectStart, root.size, self.ole.fat, self.ole.sectorsize)
                    self.mini_stream_checked = True
                _check_chain(entry.isectStart, entry.size, self.ole.minifat, self.ole.minisectorsize)
            else:
                _check_chain(entry.isectStart, entry.size, self.ole.fat, self.ole.sectorsize)
        except UnreadableDocument:
            raise
        except Exception as error:  # noqa: BLE001
            raise UnreadableDocument(NOT_A_MESSAGE.format(why=_why(error))) from None
        return data

    def string(self, tag: int, storage: str = "") -> str:
        prefix = f"{storage}/" if storage else ""
        unicode = self.stream(f"{prefix}__substg1.0_{tag:04X}001F")
        if unicode is not None:
            return unicode.decode("utf-16-le", errors="replace").rstrip("\x00")
        eight_bit = self.stream(f"{prefix}__substg1.0_{tag:04X}001E")
        if eight_bit is not None:
            return eight_bit.decode("cp1252", errors="replace").rstrip("\x00")
        return ""

    def fixed(self, storage: str, header: int) -> dict[tuple[int, int], bytes]:
        """The fixed-size properties of `storage`, by (id, type), each as its 8 value bytes."""
        prefix = f"{storage}/" if storage else ""
        raw = self.stream(f"{prefix}__properties_version1.0") or b""
        found: dict[tuple[int, int], bytes] = {}
        for offset in range(header, len(raw) - 15, 16):
            tag, _flags, value = struct.unpack_from("<II8s", raw, offset)
            found[(tag >> 16, tag & 0xFFFF)] = value
        return found

    def sent(self) -> str:
        fixed = self.fixed("", TOP_HEADER)
        for tag in (SUBMIT_TIME, DELIVERY_TIME):
            value = fixed.get((tag, PT_SYSTIME))
            if value:
                (ticks,) = struct.unpack("<Q", value)
                try:
                    moment = datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=ticks // 10)
                except OverflowError:
                    continue
                return format_datetime(moment)
        return ""

    def attachments(self) -> list[MsgAttachment]:
        storages = sorted(
            {entry[0] for entry in self.ole.listdir(streams=False, storages=True) if len(entry) == 1}
        )
        storages = [name for name in storages if ATTACHMENT_STORAGE.match(name)][:MAX_ATTACHMENT_STORAGES]
        names, kinds = [], []
        for number, storage in enumerate(storages, start=1):
            embedded = self.ole.exists(f"{storage}/__substg1.0_{ATTACH_DATA:04X}000D")
            method = self.fixed(storage, ATTACHMENT_HEADER).get((ATTACH_METHOD, PT_LONG), b"")
            embedded = embedded or (method[:4] == struct.pack("<I", EMBEDDED_MESSAGE))
            raw = next(
                (n for n in (self.string(t, storage) for t in (LONG_FILE_NAME, SHORT_FILE_NAME, DISPLAY_NAME)) if n),
                "",
            )
            name = safe_file_name(raw)
            if embedded and not name.lower().endswith(".msg"):
                name = f"{name or f'attached message {number}'}.msg"
            names.append(name or f"attachment {number}.bin")
            kinds.append(embedded)
        return [
            MsgAttachment(name, storage, embedded)
            for name, storage, embedded in zip(unique_names(names), storages, kinds, strict=True)
        ]

    def attachment_data(self, attachment: MsgAttachment) -> bytes:
        return self.stream(f"{attachment.storage}/__substg1.0_{ATTACH_DATA:04X}0102") or b""


def _check_chain(start: int, size: int, table, sector_size: int) -> None:
    """olefile follows a chain only as far as the stream's size, but does not see a chain that comes
    back on itself: it would read the same sectors again as the stream's text."""
    seen: set[int] = set()
    sector = start
    for _ in range(-(-size // sector_size)):
        if sector in seen or not 0 <= sector < len(table):
            raise UnreadableDocument(NOT_A_MESSAGE.format(why="a sector chain that loops or leaves the file"))
        seen.add(sector)
        sector = table[sector]


def _why(error: Exception) -> str:
    """The library's words, without addresses or paths: they must read the same on every run."""
    text = re.sub(r"0x[0-9a-fA-F]{6,}|<[^>]*>", "", str(error)).strip(" :.")
    return (text or type(error).__name__)[:160]


def read_msg(data: bytes, limits: Limits) -> ParsedDocument:
    with OutlookMessage(data) as message:
        subject = clean_cell(message.string(SUBJECT))
        sender_name = clean_cell(message.string(SENDER_NAME))
        address = clean_cell(message.string(SENDER_SMTP) or message.string(SENDER_EMAIL))
        if "@" not in address:
            address = ""  # an Exchange address (/O=ORG/OU=...) says nothing to a reviewer
        sender = f"{sender_name} <{address}>" if sender_name and address else sender_name or address
        lines = {
            "From": sender,
            "To": clean_cell(message.string(DISPLAY_TO)),
            "Cc": clean_cell(message.string(DISPLAY_CC)),
            "Date": message.sent(),
            "Subject": subject,
        }
        body = message.string(BODY)
        html = "" if body else (message.stream(f"__substg1.0_{HTML_BODY:04X}0102") or b"").decode(
            "utf-8", errors="replace"
        )
        attachments = message.attachments()
        rtf_only = not body and not html and message.ole.exists(f"__substg1.0_{RTF_BODY:04X}0102")
    blocks: list[Block] = []
    for field, value in lines.items():
        if value:
            style = "Title" if field == "Subject" else None
            blocks.append(Block(index=len(blocks), text=f"{field}: {value}", label=f"{field} line", style=style))
    if not blocks and not body and not html:
        raise UnreadableDocument(NOT_A_MESSAGE.format(why="it holds no subject, sender, date or body"))
    if html:
        from pipeline.readers.html import visible_blocks

        blocks.extend(visible_blocks(html, first_index=len(blocks))[0])
    chunks = (clean_text(chunk) for chunk in PARAGRAPH_BREAK.split(body.replace("\r\n", "\n")))
    for paragraph, chunk in enumerate((c for c in chunks if c), start=1):
        blocks.append(Block(index=len(blocks), text=chunk, paragraph=paragraph))
    if attachments:
        names = ", ".join(attachment.name for attachment in attachments)
        blocks.append(Block(index=len(blocks), text=f"Attachments: {names}", label="Attachments line"))
    if sum(len(block.text) for block in blocks) > limits.max_text_chars:
        raise UnreadableDocument(f"the message holds more than {limits.max_text_chars:,} characters of text")
    notes = (
        ["the message's body is stored only as compressed RTF, which is not read: its header lines and "
         "attachments are; ask for the message saved as .eml to have its body read"]
        if rtf_only
        else []
    )
    return ParsedDocument(format="msg", blocks=blocks, metadata={"title": subject} if subject else {}, notes=notes)
