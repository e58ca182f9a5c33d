"""A multipart upload read under a size limit while it streams.

The body is counted as it arrives and refused (413) the moment it passes the limit, before it is
parsed; a declared Content-Length over the limit is refused before any of it is read. The parts
are then parsed by Starlette's multipart parser from the spooled copy, and refused (413) at the first file
past `max_files`.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncGenerator

from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request


class UploadRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_upload(request: Request, max_bytes: int, max_files: int = 1) -> FormData:
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadRefused(415, "send the bundle as multipart/form-data")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise UploadRefused(413, _too_large(max_bytes))
    with tempfile.SpooledTemporaryFile(max_size=1 << 20) as spool:
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_bytes:
                raise UploadRefused(413, _too_large(max_bytes))
            spool.write(chunk)
        spool.seek(0)

        async def replay() -> AsyncGenerator[bytes, None]:
            while chunk := spool.read(1 << 16):
                yield chunk

        parser = MultiPartParser(request.headers, replay(), max_files=max_files, max_fields=10)
        try:
            return await parser.parse()
        except MultiPartException as exc:
            if exc.message.startswith("Too many files"):  # Starlette's words for max_files
                raise UploadRefused(413, too_many_files(max_files)) from None
            raise UploadRefused(400, f"the upload is not a readable form: {exc.message}") from None


def upload_limits(state) -> dict:
    """The limits an upload form shows, and its script checks before sending (the app's `state`)."""
    return {
        "max_upload_mb": state.max_upload_bytes // (1 << 20),
        "max_upload_bytes": state.max_upload_bytes,
        "max_files": state.max_files,
    }


def too_many_files(max_files: int) -> str:
    return (
        f"the upload has more than {max_files:,} files, the limit of a submission: send them as fewer files"
    )


def _too_large(max_bytes: int) -> str:
    return f"the upload is larger than the limit of {max_bytes // (1 << 20)} MB"
