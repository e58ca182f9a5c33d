"""Resuming a batch: which bundles of the queue must be checked, which are kept from an earlier run,
and which report files in the output folder belong to no bundle of the queue (stale).

A stale report is never deleted (it is the reviewer's folder) and never silently kept: it is listed
on stderr and in the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.batch_manifest import MANIFEST_NAME, Manifest, Options, bundle_inputs

# The suffixes of the files a batch writes for a bundle: NAME.json, NAME.html, NAME.md, NAME.text.
REPORT_SUFFIXES = (".json", ".html", ".md", ".text")
INDEX_NAME = "index.html"
QUEUE_FILES = {INDEX_NAME, MANIFEST_NAME, "summary.csv"}
# Names a bundle may not take, so that its reports never overwrite the queue's own files.
RESERVED_NAMES = ("index", "manifest")


@dataclass(slots=True)
class Work:
    """A batch's plan against what is already in the output folder."""

    options: Options
    inputs: list[dict | None]
    reused: dict[int, dict]  # target index -> the manifest entry whose row and reports are kept
    manifest: Manifest
    today: date

    @property
    def todo(self) -> list[int]:
        return [index for index in range(len(self.inputs)) if index not in self.reused]


def plan_work(targets, out: Path, options: Options, force: bool = False) -> Work:
    """Hash every bundle's files and keep each one whose inputs and reports are unchanged, unless `force`."""
    manifest = Manifest(out) if force else Manifest.load(out)
    today = date.today()
    inputs = [bundle_inputs(target.path, options) for target in targets]
    reused = {}
    if not force:
        for index, target in enumerate(targets):
            entry = manifest.reusable(target.name, inputs[index], today)
            if entry is not None:
                reused[index] = entry
    manifest.keep_only({target.name for target in targets})
    return Work(options, inputs, reused, manifest, today)


def stale_reports(out: Path, targets, written: dict[str, list[str]]) -> list[str]:
    """Report files in `out` that no bundle of this queue accounts for: a bundle no longer in the
    queue, or a view of a bundle that this run did not write. `written` maps each bundle done (or
    kept) to its files; a bundle not reached (an interrupted run) accounts for any file of its name."""
    expected = {file_name for files in written.values() for file_name in files}
    pending = {target.name for target in targets if target.name not in written}
    expected |= {f"{name}{suffix}" for name in pending for suffix in REPORT_SUFFIXES}
    try:
        entries = list(out.iterdir())
    except OSError:
        return []
    stale = [
        entry.name
        for entry in entries
        if entry.suffix in REPORT_SUFFIXES
        and not entry.name.startswith(".")
        and entry.name not in QUEUE_FILES
        and entry.name not in expected
        and entry.is_file()
    ]
    return sorted(stale, key=str.casefold)
