"""A batch: many bundles checked in worker processes, a report per bundle and one summary.csv.

Each sub-folder or `.zip` of each input folder is one bundle. Every bundle gets a row in the
summary, whatever became of it: a bundle that cannot be opened, crashes its worker or runs past
its time is a `failed` row with the reason, and the others go on. The summary row is built from the
same `Report.to_dict()` a single `check` prints, so the two cannot disagree. Everything written goes
into the output folder only, with NHS numbers masked, and the output folder may not lie inside an
input folder (where it would be read as a bundle, or be written into one).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from pipeline.bundle import IGNORED_FOLDERS, REQUEST_NAMES, display_name
from pipeline.errors import UsageError
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.masking import mask_nhs_numbers
from pipeline.wording import counted

COLUMNS = (
    "name", "verdict", "errors", "warnings", "info", "codes", "documents", "unreadable", "seconds", "error", "path",
    "reference", "title", "basis", "as_of",
)  # fmt: skip
COUNTS = ("errors", "warnings", "info", "documents", "unreadable")
FAILED = "failed"
# The wall-clock guard on one bundle, on top of the per-document limits: generous, because it is
# there for a worker that is stuck where no signal reaches it, not to judge slow bundles.
BUNDLE_SECONDS_PER_DOCUMENT_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Target:
    """One bundle of the batch: its output name (unique in the batch) and where it is."""

    name: str
    path: Path


@dataclass(slots=True)
class BatchResult:
    rows: list[dict]
    summary: Path
    notes: list[str] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """A bundle with an error finding, or one that could not be checked at all."""
        return any(row["verdict"] in ("not_ready", FAILED) for row in self.rows)

    def tally(self) -> str:
        counts = Counter(row["verdict"] for row in self.rows)
        parts = [f"{counts[v]} {v.replace('_', ' ')}" for v in ("ready", "needs_review", "not_ready", FAILED)]
        return f"{counted(len(self.rows), 'bundle')}: " + ", ".join(parts)


def summary_row(name: str, report: dict, seconds: float) -> dict:
    """The summary.csv row of a bundle, from its `Report.to_dict()`."""
    summary = report["summary"]
    return {
        "name": name,
        "verdict": summary["verdict"],
        **{column: summary[column] for column in COUNTS},
        "codes": " ".join(sorted({finding["code"] for finding in report["findings"]})),
        "seconds": round(seconds, 2),
        "error": "",
        "path": report["bundle"]["path"],
        **{key: report["bundle"].get(key) or "" for key in ("reference", "title", "basis", "as_of")},
    }


def failed_row(name: str, path: Path, error: str, seconds: float) -> dict:
    """The row of a bundle that could not be checked at all, saying why."""
    row = dict.fromkeys(COLUMNS)
    row.update(
        name=name,
        verdict=FAILED,
        codes="",
        seconds=round(seconds, 2),
        error=error,
        path=display_name(path.as_posix()),
    )
    return row


def find_bundles(folders: Sequence[Path]) -> tuple[list[Target], list[str]]:
    """Every sub-folder and `.zip` of each folder, in order; and notes on names made unique.

    Hidden entries, `__MACOSX` and other plain files (a `keys.json`) are not bundles. A folder with a
    data request at its root is itself a bundle, the one bundle it gives. A name met twice (two
    folders holding `x`, or `x` beside `x.zip`) is written as `x-2`."""
    targets: list[Target] = []
    notes: list[str] = []
    taken: set[str] = set()
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            raise UsageError(f"not a folder of bundles: {folder}")
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            raise UsageError(f"cannot list {folder}: {exc.strerror}") from None
        request = next((entry.name for entry in entries if entry.name.lower() in REQUEST_NAMES), None)
        if request is not None:
            # A bundle given as DIR: its sub-folders (cag/, ethics/, ...) are parts of it, not bundles.
            found = [folder]
            notes.append(
                f"{display_name(str(folder))} has {display_name(request)} at its root: it is one bundle, "
                "checked as such, not a folder of bundles"
            )
        else:
            found = [entry for entry in entries if _is_bundle(entry)]
        if not found:
            notes.append(f"no bundle (a sub-folder or a .zip) in {folder}")
        for entry in found:
            if entry.resolve() in seen:
                continue
            seen.add(entry.resolve())
            name = _unique(_file_name(entry), taken)
            if name != _file_name(entry):
                notes.append(f"two bundles are named {_file_name(entry)}: {entry} is written as {name}")
            targets.append(Target(name, entry))
    return targets, notes


def _is_bundle(entry: Path) -> bool:
    if entry.name.startswith(".") or entry.name in IGNORED_FOLDERS:
        return False
    return entry.is_dir() or (entry.suffix.lower() == ".zip" and entry.is_file())


def _file_name(entry: Path) -> str:
    """The bundle's name as a file name: no NHS number, and no byte that is not UTF-8 or a control
    character (a line break) in it either."""
    name = entry.stem if entry.suffix.lower() == ".zip" and entry.is_file() else entry.name
    return mask_nhs_numbers(display_name(name)).replace("*** *** ", "xxx-xxx-").replace("\ufffd", "_")


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 1
    while candidate.casefold() in taken:  # casefold: x and X are one file on some file systems
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate.casefold())
    return candidate


def prepare_output(out: Path, folders: Sequence[Path], targets: Sequence[Target]) -> Path:
    """Make the output folder, refusing one inside an input folder or a bundle."""
    resolved = out.resolve()
    for inside in [*folders, *(target.path for target in targets)]:
        if resolved == inside.resolve() or inside.resolve() in resolved.parents:
            raise UsageError(f"the output folder {out} is inside {inside}: choose one outside the bundles")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the output folder {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to the output folder {out}")
    return out


def check_bundle(
    path: Path, as_of: date | None, limits: Limits, formats: tuple[str, ...], use_cache: bool = False
) -> tuple:
    """In a worker: check one bundle, render its reports. Returns (report dict, {format: text})."""
    from pipeline.cache import open_cache
    from pipeline.run import check_path
    from pipeline.views import render

    cache = open_cache(use_cache, bundle=path)
    report = check_path(path, as_of=as_of, limits=limits, cache=cache).to_dict()
    return report, {fmt: render(report, fmt) for fmt in formats}


def write_file(out: Path, file_name: str, text: str) -> None:
    """Write into `out` only: through a temporary file, so a link already there is replaced, not followed."""
    target = out / file_name
    temporary = out / f".{file_name}.partial"
    try:
        temporary.write_text(mask_nhs_numbers(text), encoding="utf-8", errors="replace")
        os.replace(temporary, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None


def write_summary(out: Path, rows: Sequence[dict]) -> Path:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(COLUMNS))
    frame = frame.astype({column: "Int64" for column in COUNTS})
    write_file(out, "summary.csv", frame.to_csv(index=False))
    return out / "summary.csv"


@dataclass(frozen=True, slots=True)
class Plan:
    """What a batch will do: the bundles, their output names, and where the outputs go."""

    targets: list[Target]
    out: Path
    notes: list[str]


def plan_batch(folders: Sequence[Path], out: Path) -> Plan:
    """Find the bundles and make the output folder; UsageError when the batch cannot run."""
    from pipeline.views import FORMATS

    if not folders:
        raise UsageError("no folder of bundles given")
    targets, notes = find_bundles(folders)
    prepare_output(out, folders, targets)
    if "html" not in FORMATS:
        notes.append("the HTML view is not available in this version: only NAME.json is written")
    return Plan(targets, out, notes)


def run_batch(
    plan: Plan,
    jobs: int,
    as_of: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    bundle_seconds: float | None = None,
    progress: Callable[[Target, dict], None] | None = None,
    check: Callable[..., tuple] = check_bundle,
    use_cache: bool = False,
    views: Sequence[str] = ("html",),
) -> BatchResult:
    """Check every bundle of the plan; write OUTDIR/NAME.json, NAME.<view> for each of `views`
    (`html` by default; `md`, `text`) and summary.csv.

    `progress(target, row)` hears of each bundle as it is done. `check` is the function a worker
    runs (tests replace it with one that hangs or crashes); `use_cache` is passed on to it."""
    from pipeline.pool import run_calls
    from pipeline.run import shared_document_readers
    from pipeline.views import FORMATS

    formats = tuple(dict.fromkeys(fmt for fmt in ("json", *views) if fmt in FORMATS))
    seconds = bundle_seconds or BUNDLE_SECONDS_PER_DOCUMENT_LIMIT * limits.max_seconds_per_document
    calls = [(target.path, as_of, limits, formats) for target in plan.targets]
    rows: list[dict] = [{} for _ in plan.targets]
    if use_cache:
        check = partial(check, use_cache=True)
    outcomes = run_calls(check, calls, jobs, seconds, preload=("pipeline.warm", "pipeline.views"))
    # closing: should writing fail, the workers are stopped at once, not when the traceback is freed;
    # bundles checked here (--jobs 1) share one document reader, as a worker's do (pipeline.warm)
    with closing(outcomes), shared_document_readers():
        for index, outcome in outcomes:
            target = plan.targets[index]
            if outcome.error is None:
                report, texts = outcome.value
                for fmt, text in texts.items():
                    write_file(plan.out, f"{target.name}.{fmt}", text)
                rows[index] = summary_row(target.name, report, outcome.seconds)
            else:
                error = outcome.error
                if error.startswith("timed out"):
                    error += f" ({BUNDLE_SECONDS_PER_DOCUMENT_LIMIT} times the limit a document: raise it with --timeout)"
                rows[index] = failed_row(target.name, target.path, error, outcome.seconds)
            if progress is not None:
                progress(target, rows[index])
    summary = write_summary(plan.out, rows)
    return BatchResult(rows, summary, plan.notes)
