"""Uploads kept whole, as they arrived, named by their sha256 (never by the name they came with)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import BinaryIO


class BlobStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str, suffix: str = ".zip") -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256")
        return self.folder / sha256[:2] / f"{sha256}{suffix}"

    def put(self, source: BinaryIO, suffix: str = ".zip") -> tuple[str, int]:
        """Store `source` (read from its start); its sha256 and size. A second copy is not kept."""
        digest, size = hashlib.sha256(), 0
        source.seek(0)
        for chunk in iter(lambda: source.read(1 << 16), b""):
            digest.update(chunk)
            size += len(chunk)
        sha256 = digest.hexdigest()
        target = self.path(sha256, suffix)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            source.seek(0)
            with partial.open("wb") as out:
                shutil.copyfileobj(source, out)
            os.replace(partial, target)
        return sha256, size
