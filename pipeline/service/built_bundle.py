"""Several uploaded files (or one document with its request.yaml) kept as one zip the service
builds, so a submission is still stored whole and named by its sha256 like an uploaded .zip.

The zip is built deterministically: members sorted by their cleaned names (then by content, for
names that clash), one fixed timestamp, fixed permissions and compression, so the same files sent
again, in any order, make the same bytes and the same sha256. Member names are the cleaned base
names of `upload_names`, made unique; nothing is written under any name the sender chose.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from typing import BinaryIO

from pipeline.service.upload_names import safe_base_name, unique_names

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say; no clock reaches the bytes
FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--


def build_bundle(files: list[tuple[str | None, BinaryIO]], out: BinaryIO) -> None:
    """Write one zip of `files` (the name each was sent with, its bytes) to `out`, and rewind it.
    Member names are cleaned base names, made unique."""
    keyed = sorted(
        ((safe_base_name(sent), _sha256(stream), stream) for sent, stream in files),
        key=lambda item: (item[0].casefold(), item[0], item[1]),
    )
    names = unique_names([name for name, _, _ in keyed])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (_, _, stream) in zip(names, keyed, strict=True):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so that the mode below is read as one
            info.external_attr = FILE_MODE
            stream.seek(0)
            with archive.open(info, "w") as member:
                shutil.copyfileobj(stream, member, 1 << 16)
    out.seek(0)


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(1 << 16), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()
