"""The attachments of an Outlook message as files of the bundle (`message.msg/letter.pdf`).

As for an `.eml` (`pipeline.bundle`): each attachment is read from the message when its turn comes,
from memory, under the same limits as any file (count, size); nothing is written to disk. A message
attached to the message is listed and refused: e-mails are read one level deep.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.bundle import (
    MESSAGE_SUFFIXES,
    BundleFile,
    attachments_not_opened,
    display_name,
    too_many_attachments,
)
from pipeline.limits import Limits, over_file_size


def msg_attachments(message_file: BundleFile, limits: Limits) -> list[BundleFile]:
    """The attachments of one .msg; none when it cannot be opened (its own reading says why)."""
    from pipeline.readers.msg import OutlookMessage

    try:
        with OutlookMessage(message_file.read()) as message:
            attachments = message.attachments()
            sizes = [_size(message, attachment) for attachment in attachments]
            # A message saved as a file and attached: its own attachments are listed as not opened.
            inner = {
                attachment.name: message.attachment_data(attachment)
                for attachment in attachments[: limits.max_members]
                if not attachment.embedded and attachment.name.lower().endswith(MESSAGE_SUFFIXES)
            }
    except Exception:  # noqa: BLE001 - a broken message is reported when it is read as a document
        return []
    files: list[BundleFile] = []
    shared: dict = {}
    readable = [
        a for a, size in zip(attachments[: limits.max_members], sizes, strict=False)
        if not a.embedded and size <= limits.max_file_bytes
    ]
    last = readable[-1] if readable else None
    for number, (attachment, size) in enumerate(zip(attachments, sizes, strict=True)):
        path = f"{message_file.path}/{display_name(attachment.name)}"
        if number >= limits.max_members:
            files.append(too_many_attachments(message_file.path, path, len(attachments), limits))
            break
        if attachment.embedded:
            files.append(
                BundleFile(
                    path,
                    size,
                    problem="an Outlook message attached to an Outlook message: not opened (e-mails are read "
                    "one level deep; save it as .eml, or send its attachments in the bundle itself)",
                )
            )
        elif size > limits.max_file_bytes:
            files.append(BundleFile(path, size, problem=over_file_size(size, limits)))
        else:
            files.append(BundleFile(path, size, opener=_opener(message_file, attachment, attachment is last, shared)))
            if attachment.name in inner:
                files.extend(attachments_not_opened(path, inner[attachment.name]))
    return files


def _size(message, attachment) -> int:
    if attachment.embedded:
        return 0
    path = f"{attachment.storage}/__substg1.0_37010102"
    return message.ole.get_size(path) if message.ole.exists(path) else 0


def _opener(message_file: BundleFile, attachment, is_last: bool, shared: dict) -> Callable[[], bytes]:
    """Reads the attachment from its message when its turn comes. The open message is shared by the
    openers of its attachments (read one after another) and closed after the last one, so a message
    of many attachments is not parsed again for each, nor kept for the whole bundle."""

    def read() -> bytes:
        from pipeline.readers.msg import OutlookMessage

        if "message" not in shared:
            shared["message"] = OutlookMessage(message_file.read())
        message = shared["message"]
        try:
            return message.attachment_data(attachment)
        finally:
            if is_last:
                message.close()
                shared.clear()

    return read
