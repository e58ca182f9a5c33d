"""Zip archives written byte for byte the same on every run (fixed member times and attributes)."""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def write_zip(members: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> bytes:
    """A zip of ``(name, data)`` members in the given order; names ending in ``/`` are folders, names in
    ``stored`` are not compressed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = 3  # unix
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
                continue
            info.external_attr = 0o100644 << 16
            compress = name not in stored
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            zf.writestr(info, data, compresslevel=9 if compress else None)
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an archive (a DOCX, say) with fixed member times, keeping the member order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    return write_zip(members)
