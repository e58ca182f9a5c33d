"""Checks on a zip container (a DOCX, or a zipped bundle) before anything is inflated.

The declared sizes are checked first: the total against `max_inflated_bytes`, each member's ratio
against `max_compression_ratio`. The declared sizes can lie, but CPython's zipfile never inflates
a member past its declared size (it stops there and reports a bad CRC), so the declared sizes
bound what is inflated; `read_member` caps each member again all the same.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from typing import BinaryIO

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import Limits, megabytes, raise_with

# What zipfile raises for a damaged member: a bad CRC or header, a broken deflate stream, a
# compression method it does not know (AES encryption, for one), a member cut short.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError, ValueError)


def check_member_count(archive: zipfile.ZipFile, limits: Limits, what: str) -> None:
    problem = too_many_members(archive, limits, what)
    if problem:
        raise LimitExceeded(problem)


def too_many_members(archive: zipfile.ZipFile, limits: Limits, what: str) -> str | None:
    """Why `archive` is refused for the number of its members, or None."""
    return _over_member_limit(len(archive.infolist()), limits, what)


def too_many_declared(stream: BinaryIO, limits: Limits, what: str) -> str | None:
    """Why an archive is refused for the number of members its end record declares, or None, read
    before `zipfile` builds an object for each of them (millions cost seconds and hundreds of MB)."""
    count = declared_entries(stream)
    return None if count is None else _over_member_limit(count, limits, what)


def _over_member_limit(count: int, limits: Limits, what: str) -> str | None:
    if count <= limits.max_members:
        return None
    return f"{what} has {count:,} members, over the limit of {limits.max_members:,} " + raise_with(
        "max_members"
    )


EOCD, ZIP64_LOCATOR, ZIP64_EOCD = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


def declared_entries(stream: BinaryIO) -> int | None:
    """The number of entries the end-of-central-directory record declares (ZIP64 too), from the
    archive's last 64 KB; None when there is no such record (zipfile then says what is wrong)."""
    try:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 65_557))
        tail = stream.read()
        at = tail.rfind(EOCD)
        if at < 0 or len(tail) - at < 22:
            return None
        count = struct.unpack("<H", tail[at + 10 : at + 12])[0]
        locator = at - 20
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == ZIP64_LOCATOR:
            stream.seek(struct.unpack("<Q", tail[locator + 8 : locator + 16])[0])
            record = stream.read(56)
            if record[:4] == ZIP64_EOCD and len(record) == 56:
                count = struct.unpack("<Q", record[32:40])[0]
        return count
    except (OSError, struct.error, ValueError):
        return None
    finally:
        stream.seek(0)


def ratio_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why one member looks like a zip bomb by its declared sizes, or None."""
    if info.file_size > 1_048_576 and info.file_size > limits.max_compression_ratio * max(
        info.compress_size, 1
    ):
        ratio = info.file_size // max(info.compress_size, 1)
        return (
            f"member {info.filename!r} is compressed {ratio:,} to 1, over the limit of "
            f"{limits.max_compression_ratio:g} to 1 (a zip bomb?)"
        )
    return None


def over_inflated(what: str, total: int, limits: Limits) -> str:
    return (
        f"{what} would inflate to {megabytes(total)} or more, over the limit of "
        f"{megabytes(limits.max_inflated_bytes)} (a zip bomb?) " + raise_with("max_inflated_bytes")
    )


def check_zip_sizes(archive: zipfile.ZipFile, limits: Limits, what: str) -> None:
    """Refuse a container (a DOCX) whose declared sizes or compression ratios are those of a zip bomb."""
    check_member_count(archive, limits, what)
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > limits.max_inflated_bytes:
            raise LimitExceeded(over_inflated(what, total, limits))
        problem = ratio_problem(info, limits)
        if problem:
            raise LimitExceeded(f"{what}: {problem}")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, what: str) -> bytes:
    """Inflate one member, stopping as soon as it produces more than the file size limit."""
    cap = limits.max_file_bytes
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1_048_576):
                size += len(chunk)
                if size > cap:
                    raise LimitExceeded(
                        f"{what} inflates past the limit of {megabytes(cap)} a file "
                        + raise_with("max_file_bytes")
                    )
                chunks.append(chunk)
    except ZIP_ERRORS as exc:
        raise UnreadableDocument(f"{what} is damaged in the zip archive ({exc})") from None
    return b"".join(chunks)
