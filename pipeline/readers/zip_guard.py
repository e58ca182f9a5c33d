"""Checks on a zip container (a DOCX, or a zipped bundle) before anything is inflated."""

from __future__ import annotations

import zipfile

from pipeline.errors import LimitExceeded
from pipeline.limits import Limits


def check_zip_sizes(archive: zipfile.ZipFile, limits: Limits, what: str) -> None:
    """Refuse a zip whose declared sizes or compression ratios are those of a zip bomb.

    The declared sizes can lie, so readers also cap what they actually inflate (`read_member`).
    """
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise LimitExceeded(f"{what} has {len(members):,} members, over the limit of {limits.max_members:,}")
    total = 0
    for info in members:
        total += info.file_size
        if total > limits.max_inflated_bytes:
            raise LimitExceeded(
                f"{what} would inflate to more than {limits.max_inflated_bytes // 1_048_576} MB (zip bomb?)"
            )
        if info.file_size > 1_048_576 and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise LimitExceeded(
                f"{what}: member {info.filename!r} is compressed {info.file_size // max(info.compress_size, 1):,} "
                f"to 1, over the limit of {limits.max_compression_ratio:g} (zip bomb?)"
            )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, what: str) -> bytes:
    """Inflate one member, stopping as soon as it produces more than `cap` bytes."""
    chunks, size = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(1_048_576):
            size += len(chunk)
            if size > cap:
                raise LimitExceeded(f"{what}: member {info.filename!r} inflates past {cap // 1_048_576} MB")
            chunks.append(chunk)
    return b"".join(chunks)
