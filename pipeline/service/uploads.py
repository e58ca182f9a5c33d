"""A multipart upload read under a size limit while it streams.

The body is counted as it arrives and refused (413) the moment it passes the limit, before it is
parsed; a declared Content-Length over the limit is refused before any of it is read. The parts
are then parsed by Starlette's multipart parser from the spooled copy, at most one file.
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


async def read_upload(request: Request, max_bytes: int) -> FormData:
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

        try:
            return await MultiPartParser(request.headers, replay(), max_files=1, max_fields=10).parse()
        except MultiPartException as exc:
            raise UploadRefused(400, f"the upload is not a readable form: {exc.message}") from None


def _too_large(max_bytes: int) -> str:
    return f"the upload is larger than the limit of {max_bytes // (1 << 20)} MB"
