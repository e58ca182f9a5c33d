"""The batch's manifest: what each bundle's reports were made from, so a re-run redoes only what changed.

`OUTDIR/manifest.json` holds, for each bundle of the queue, its inputs (the path, every file's
sha256, the request's, the options that change a report, the tool's version), the summary row, the
findings counted by code, and the files written. A bundle is skipped on a re-run when its inputs are
the same, its files are all still there, and nothing in it depended on the day: a bundle judged at
"today" (no `--as-of`, no submitted date in the request) is redone on another day. A bundle that
timed out or crashed its worker is always redone, since that may pass with more time or memory.

The manifest is rewritten as bundles are done (at most once a second), so even a run killed
outright resumes from there.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from pipeline import __version__
from pipeline.bundle import REQUEST_NAMES, display_name
from pipeline.limits import Limits
from pipeline.masking import mask_nhs_numbers

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)
class Options:
    """The options that change what a bundle's reports say, and which reports are written."""

    as_of: date | None
    limits: Limits
    formats: tuple[str, ...]
    # The rest of what a report depends on: the checks selected and what fails a run, the CAG
    # register's sha256, and a digest of the acceptances (`context_of` in pipeline.batch).
    context: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "limits": asdict(self.limits),
            "formats": list(self.formats),
            **({"context": self.context} if self.context else {}),
        }


def bundle_inputs(path: Path, options: Options) -> dict | None:
    """What a bundle's reports are made from; None when a file of it cannot be read (it is then
    always checked again, and the check says what is wrong)."""
    try:
        files = _file_digests(path)
    except OSError:
        return None
    request = next(
        ({"path": name, "sha256": files[name]} for name in files if name.lower() in REQUEST_NAMES), None
    )
    inputs = {
        "path": display_name(path.as_posix()),
        "files": files,
        "request": request,
        "options": options.to_dict(),
        "tool_version": __version__,
    }
    # Masked as the manifest is written (every file the batch writes is), so the two compare equal.
    return json.loads(mask_nhs_numbers(json.dumps(inputs, ensure_ascii=False)))


def _file_digests(path: Path) -> dict[str, str]:
    """Each file's sha256 by its path in the bundle (a `.zip` bundle: the one archive). A link is
    recorded by where it points, never followed: the bundle's reader refuses links anyway."""
    if not path.is_dir() or path.is_symlink():
        return {path.name: _digest(path)}
    digests: dict[str, str] = {}
    for folder, folders, names in os.walk(path, followlinks=False):
        for name in [*folders, *names]:
            entry = Path(folder, name)
            relative = display_name(entry.relative_to(path).as_posix())
            if entry.is_symlink():
                digests[relative] = "link:" + os.readlink(entry)
            elif entry.is_file():
                digests[relative] = _digest(entry)
    return dict(sorted(digests.items()))


def _digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


class Manifest:
    """The bundles' entries by name, read from and written to OUTDIR/manifest.json."""

    # Between saves during a run: a queue of thousands is not rewritten a thousand times, and a run
    # killed outright loses at most this much work.
    SAVE_EVERY_SECONDS = 1.0

    def __init__(self, out: Path, entries: dict[str, dict] | None = None) -> None:
        self.out = out
        self.entries: dict[str, dict] = entries or {}
        self._saved = 0.0

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The manifest in `out`; an empty one when there is none, or it is not one we can read."""
        try:
            data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(out)
        if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
            return cls(out)
        bundles = data.get("bundles")
        return cls(
            out,
            {k: v for k, v in bundles.items() if isinstance(v, dict)} if isinstance(bundles, dict) else {},
        )

    def reusable(self, name: str, inputs: dict | None, today: date) -> dict | None:
        """The entry of an unchanged bundle whose reports are all still in OUTDIR, else None."""
        entry = self.entries.get(name)
        if inputs is None or entry is None or entry.get("inputs") != inputs:
            return None
        if entry.get("judged_today") not in (None, today.isoformat()):
            return None
        if entry.get("retry") or not isinstance(entry.get("row"), dict):
            return None
        outputs = entry.get("outputs") or []
        if not outputs or not all((self.out / file_name).is_file() for file_name in outputs):
            return None
        return entry

    def record(self, name: str, entry: dict) -> None:
        self.entries[name] = entry

    def keep_only(self, names: set[str]) -> None:
        """Forget bundles no longer in the queue (their reports are listed as stale instead)."""
        self.entries = {name: entry for name, entry in self.entries.items() if name in names}

    def save_soon(self) -> None:
        """Save, unless the last save was under a second ago (`save` at the end writes the rest)."""
        if time.monotonic() - self._saved >= self.SAVE_EVERY_SECONDS:
            self.save()

    def save(self) -> None:
        from pipeline.batch import write_file

        self._saved = time.monotonic()

        data = {
            "manifest_version": MANIFEST_VERSION,
            "tool": {"name": "dars-evidence", "version": __version__},
        }
        data["bundles"] = self.entries
        write_file(self.out, MANIFEST_NAME, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def new_entry(
    inputs: dict | None, row: dict, outputs: list[str], counts: dict[str, int], today: date | None
) -> dict:
    """A bundle's manifest entry. `today`: the day it was judged at, when that came from the clock."""
    return {
        "inputs": inputs,
        "judged_today": today.isoformat() if today else None,
        "retry": row["verdict"] == "failed" and _transient(row.get("error") or ""),
        "outputs": outputs,
        "row": row,
        "findings_by_code": counts,
    }


def _transient(error: str) -> bool:
    from pipeline.pool import CRASHED

    return error.startswith("timed out") or error.startswith(CRASHED)
