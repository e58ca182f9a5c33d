"""An uploaded .zip looked at before it is stored: how many members it has and how deep archives
nest in it (a zip in a zip in a zip...), read from the central directories of the spooled upload.

The member count comes from the end record first (pipeline.readers.zip_guard), before zipfile
builds an object for each member. A member named `.zip` is looked into in turn, inflated under the
run's limits (its declared size, compression ratio and a budget for all of them together); one
that is too large or damaged is left to the run, which lists it unread (nested archives are never
opened by the run), so nothing here inflates past what the run itself would.
"""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO

from pipeline.bundle import display_name
from pipeline.errors import DarsError
from pipeline.limits import Limits
from pipeline.readers.zip_guard import ZIP_ERRORS, declared_entries, ratio_problem, read_member
from pipeline.service.uploads import UploadRefused

MAX_ARCHIVE_DEPTH = 3  # the bundle's own .zip is depth 1


def check_archive(stream: BinaryIO, shown: str, max_members: int, limits: Limits, depth: int = 1) -> None:
    """Raise UploadRefused when the zip in `stream` cannot be read, has more than `max_members`
    members (in it, or in any archive nested in it), or nests archives past MAX_ARCHIVE_DEPTH.
    `depth` is 2 for a .zip sent among other files (it becomes a member of the built bundle)."""
    budget = [limits.max_inflated_bytes]
    try:
        problem = _problem(stream, shown, depth, max_members, limits, budget)
    finally:
        stream.seek(0)
    if problem:
        status, message = problem
        raise UploadRefused(status, message)


def _problem(stream, what, depth, max_members, limits, budget) -> tuple[int, str] | None:
    if depth > MAX_ARCHIVE_DEPTH:
        return 413, (
            f"{what} is an archive nested {depth} deep (a zip inside a zip...), past the limit of "
            f"{MAX_ARCHIVE_DEPTH}: send the documents themselves"
        )
    declared = declared_entries(stream)
    if declared is not None and declared > max_members:
        return 413, _too_many(what, declared, max_members)
    try:
        archive = zipfile.ZipFile(stream)
    except ZIP_ERRORS as exc:
        if depth == 1:  # the bundle itself
            return 400, f"{what} is not a readable .zip file ({exc})"
        return None  # the run lists it unread, as any archive inside a bundle
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > max_members:
            return 413, _too_many(what, len(members), max_members)
        for info in members:
            inner = _nested(archive, info, limits, budget)
            if inner is not None:
                found = _problem(
                    inner, f"{what}/{display_name(info.filename)}", depth + 1, max_members, limits, budget
                )
                if found:
                    return found
    return None


def _nested(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: list[int]
) -> BinaryIO | None:
    """The member inflated, when it is an archive that fits the limits; else None."""
    if not info.filename.lower().endswith(".zip") or info.flag_bits & 0x1:  # encrypted: never opened
        return None
    if info.file_size > min(limits.max_file_bytes, budget[0]) or ratio_problem(info, limits):
        return None
    budget[0] -= info.file_size
    try:
        return io.BytesIO(read_member(archive, info, limits, info.filename))
    except (DarsError, RuntimeError):  # RuntimeError: zipfile's word for a member it will not open
        return None


def _too_many(what: str, count: int, limit: int) -> str:
    return f"{what} has {count:,} files, over the limit of {limit:,} a submission"
