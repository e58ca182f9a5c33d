"""Checks on a zip container (a DOCX, or a zipped bundle) before anything is inflated.

The declared sizes are checked first: the total against `max_inflated_bytes`, each member's ratio
against `max_compression_ratio`. The declared sizes can lie, but CPython's zipfile never inflates
a member past its declared size (it stops there and reports a bad CRC), so the declared sizes
bound what is inflated; `read_member` caps each member again all the same.
"""

from __future__ import annotations

import zipfile
import zlib

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
    count = len(archive.infolist())
    if count <= limits.max_members:
        return None
    return f"{what} has {count:,} members, over the limit of {limits.max_members:,} " + raise_with(
        "max_members"
    )


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
