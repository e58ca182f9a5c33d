"""A batch: many bundles checked in worker processes, a report per bundle and one summary.csv.

Each sub-folder or `.zip` of each input folder is one bundle. Every bundle gets a row in the
summary, whatever became of it: a bundle that cannot be opened, crashes its worker or runs past
its time is a `failed` row with the reason, and the others go on. The summary row is built from the
same `Report.to_dict()` a single `check` prints, so the two cannot disagree. Everything written goes
into the output folder only, with NHS numbers masked, and the output folder may not lie inside an
input folder (where it would be read as a bundle, or be written into one).

For a queue (issue 15) the folder also gets index.html (every bundle at a glance, `batch_index`) and
manifest.json (`batch_manifest`): a re-run checks only the bundles whose inputs changed
(`batch_resume`), and a batch stopped by SIGINT or SIGTERM still writes the summary and index of
what it did.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch_index import QueueState, render_failed_page, render_index
from pipeline.batch_manifest import Options, new_entry
from pipeline.batch_progress import BatchProgress
from pipeline.batch_resume import INDEX_NAME, RESERVED_NAMES, Work, plan_work, stale_reports
from pipeline.batch_statistics import code_statistics, count_codes
from pipeline.bundle import IGNORED_FOLDERS, REQUEST_NAMES, display_name
from pipeline.errors import UsageError
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.masking import mask_nhs_numbers
from pipeline.wording import counted

if TYPE_CHECKING:
    from pipeline.config import Settings
    from pipeline.register import CagRegister

COLUMNS = (
    "name", "verdict", "errors", "warnings", "info", "codes", "documents", "unreadable", "seconds", "error", "path",
    "reference", "title", "basis", "as_of", "generated", "version", "report",
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
    """What a batch did. `rows` are the bundles done, in queue order (all of them unless interrupted)."""

    rows: list[dict]
    summary: Path
    notes: list[str] = field(default_factory=list)
    index: Path | None = None
    skipped: int = 0
    pending: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    statistics: list[dict] = field(default_factory=list)
    interrupted: bool = False

    @property
    def has_errors(self) -> bool:
        """A bundle with an error finding, or one that could not be checked at all."""
        return any(row["verdict"] in ("not_ready", FAILED) for row in self.rows)

    def fails(self, settings=None) -> bool:
        """Exit status 1: `has_errors`, or with fail-on = "warning" a bundle with a warning too."""
        if settings is None or settings.fail_on != "warning":
            return self.has_errors
        return self.has_errors or any(row.get("warnings") for row in self.rows)

    def tally(self) -> str:
        counts = Counter(row["verdict"] for row in self.rows)
        parts = [f"{counts[v]} {v.replace('_', ' ')}" for v in ("ready", "needs_review", "not_ready", FAILED)]
        if self.pending:
            parts.append(f"{len(self.pending)} not checked")
        return f"{counted(len(self.rows) + len(self.pending), 'bundle')}: " + ", ".join(parts)

    def report_lines(self) -> list[str]:
        """What the command says at the end, on stderr: stale reports, an interruption, the tally."""
        lines = []
        if self.stale:
            shown = ", ".join(self.stale[:10]) + (
                f" and {len(self.stale) - 10} more" if len(self.stale) > 10 else ""
            )
            lines.append(
                f"dars-evidence: note: {counted(len(self.stale), 'stale report file')} in "
                f"{self.summary.parent} belong to no bundle of this queue (listed in index.html, "
                f"not deleted): {shown}"
            )
        if self.interrupted:
            lines.append(
                f"dars-evidence: interrupted: {counted(len(self.pending), 'bundle')} not checked; "
                "run the same command again to check only those"
            )
        tally = f"{self.tally()}"
        if self.skipped:
            tally += f" ({self.skipped} kept from the last run)"
        if self.index is not None:
            tally += f"; summary in {self.summary}, index in {self.index}"
        return [*lines, tally]


def summary_row(name: str, report: dict, seconds: float, report_file: str = "") -> dict:
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
        "generated": report.get("generated") or "",
        "version": report.get("tool", {}).get("version") or "",
        "report": report_file,
    }


def failed_row(name: str, path: Path, error: str, seconds: float) -> dict:
    """The row of a bundle that could not be checked at all, saying why."""
    from pipeline import __version__
    from pipeline.run_time import run_time

    row = dict.fromkeys(COLUMNS)
    row.update(
        generated=run_time(),
        version=__version__,
        name=name,
        verdict=FAILED,
        codes="",
        seconds=round(seconds, 2),
        error=error,
        path=display_name(path.as_posix()),
        report=f"{name}.html",  # the page saying why
    )
    return row


def find_bundles(folders: Sequence[Path]) -> tuple[list[Target], list[str]]:
    """Every sub-folder and `.zip` of each folder, in order; and notes on names made unique.

    Hidden entries, `__MACOSX` and other plain files (a `keys.json`) are not bundles. A folder with a
    data request at its root is itself a bundle, the one bundle it gives. A name met twice (two
    folders holding `x`, or `x` beside `x.zip`) is written as `x-2`."""
    targets: list[Target] = []
    notes: list[str] = []
    taken: set[str] = set(RESERVED_NAMES)
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
                why = (
                    "a name the queue's own files use"
                    if _file_name(entry).casefold() in RESERVED_NAMES
                    else ""
                )
                why = why or f"two bundles are named {_file_name(entry)}"
                notes.append(f"{why}: {entry} is written as {name}")
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
    path: Path,
    as_of: date | None,
    limits: Limits,
    formats: tuple[str, ...],
    acceptances: list | None = None,
    use_cache: bool = False,
    register: CagRegister | None = None,
    settings: Settings | None = None,
) -> tuple:
    """In a worker: check one bundle, render its reports. Returns (report dict, {format: text}).
    `acceptances`: the entries of the queue folder's acceptance file (`pipeline.acceptance`), if any;
    `register` is the CAG register the parent read once for the whole batch."""
    from pipeline.cache import open_cache
    from pipeline.run import check_path
    from pipeline.views import render

    cache = open_cache(use_cache, bundle=path)
    checked = check_path(path, as_of=as_of, limits=limits, cache=cache, register=register, settings=settings)
    if acceptances is not None:
        checked.accept(acceptances)
    report = checked.to_dict()
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
    except KeyboardInterrupt:  # a batch stopped mid-write leaves the file as it was, and no litter
        temporary.unlink(missing_ok=True)
        raise


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


def output_formats(views: Sequence[str]) -> tuple[str, ...]:
    """NAME.json always, then each view asked for that this version has."""
    from pipeline.views import FORMATS

    return tuple(dict.fromkeys(fmt for fmt in ("json", *views) if fmt in FORMATS))


def options_for(as_of: date | None, limits: Limits, views: Sequence[str], context: dict | None = None) -> Options:
    return Options(as_of, limits, output_formats(views), context or {})


def context_of(plan: Plan, settings, register, acceptances) -> dict:
    """What else decides a bundle's reports, for the manifest: a change re-checks the bundles."""
    import hashlib

    context: dict = {}
    if settings is not None:
        context["checks"] = {"select": list(settings.select), "ignore": list(settings.ignore)}
        context["fail_on"] = settings.fail_on
    if register is not None:
        context["cag_register"] = register.sha256 or register.file
    if acceptances is not None:
        entries = [repr(acceptances(target.path)) for target in plan.targets]
        context["acceptances"] = hashlib.sha256("\0".join(entries).encode()).hexdigest()
    return context


def run_batch(
    plan: Plan,
    jobs: int,
    as_of: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
    bundle_seconds: float | None = None,
    progress: BatchProgress | None = None,
    check: Callable[..., tuple] = check_bundle,
    use_cache: bool = False,
    views: Sequence[str] = ("html",),
    register: CagRegister | None = None,
    acceptances: Callable[[Path], list | None] | None = None,
    settings: Settings | None = None,
    work: Work | None = None,
    force: bool = False,
) -> BatchResult:
    """Check every bundle of the plan not kept from an earlier run; write OUTDIR/NAME.json and
    NAME.<view> for each of `views` (`html` by default; `md`, `text`), a page for each failed bundle,
    summary.csv, index.html and manifest.json.

    `work` is `plan_work`'s answer (made here when not given); `force` keeps nothing. `progress`
    hears of the work and of each bundle as it is done. `check` is the function a worker runs
    (tests replace it with one that hangs or crashes); `use_cache`, `register` (the CAG register,
    read once for every bundle) and `settings` are passed on to it, and `acceptances(bundle path)`
    gives the accepted findings for a bundle (from its queue folder), or None.

    Ctrl-C (SIGINT) or SIGTERM stops the workers, and the summary, index and manifest of what was
    done are still written: the result says `interrupted`, and a re-run finishes the rest."""
    from pipeline.pool import run_calls
    from pipeline.run import shared_document_readers

    options = options_for(as_of, limits, views, context_of(plan, settings, register, acceptances))
    seconds = bundle_seconds or BUNDLE_SECONDS_PER_DOCUMENT_LIMIT * limits.max_seconds_per_document
    rows: list[dict | None] = [None] * len(plan.targets)
    counts: dict[str, dict[str, int]] = {}
    written: dict[str, list[str]] = {}
    interrupted = False
    with _signals_interrupt() as signals:
        try:
            work = work or plan_work(plan.targets, plan.out, options, force)
            for index, entry in work.reused.items():
                name = plan.targets[index].name
                rows[index], counts[name], written[name] = (
                    entry["row"],
                    entry["findings_by_code"],
                    entry["outputs"],
                )
            todo = work.todo
            if progress is not None:
                progress.begin(len(todo), len(work.reused))
            if use_cache:
                check = partial(check, use_cache=True)
            if register is not None:
                check = partial(check, register=register)
            if settings is not None:
                check = partial(check, settings=settings)
            calls = [
                (path, as_of, limits, options.formats, *_accepting(acceptances, path))
                for path in (plan.targets[index].path for index in todo)
            ]
            outcomes = run_calls(check, calls, jobs, seconds, preload=("pipeline.warm", "pipeline.views"))
            # closing: should writing fail or a signal come, the workers are stopped at once;
            # bundles checked here (--jobs 1) share one document reader, as a worker's do (pipeline.warm)
            with closing(outcomes), shared_document_readers():
                for position, outcome in outcomes:
                    index = todo[position]
                    target = plan.targets[index]
                    with (
                        signals.held()
                    ):  # a bundle's reports, row and entry are written together or not at all
                        row, files, found = _write_bundle(plan.out, target, outcome)
                        rows[index], counts[target.name], written[target.name] = row, found, files
                        judged_today = (
                            work.today
                            if as_of is None and row.get("as_of") == work.today.isoformat()
                            else None
                        )
                        entry = new_entry(work.inputs[index], row, files, found, judged_today)
                        work.manifest.record(target.name, entry)
                        work.manifest.save_soon()
                        if progress is not None:
                            progress(target, row)
        except KeyboardInterrupt:
            interrupted = True
        # A second Ctrl-C while the summary is written would leave none: it waits the moment out.
        with _signals_ignored():
            return _finish(plan, rows, counts, written, work, interrupted, as_of)


def _write_bundle(out: Path, target: Target, outcome) -> tuple[dict, list[str], dict[str, int]]:
    """Write one bundle's reports (or its failed page); its summary row, files and findings by code."""
    if outcome.error is None:
        report, texts = outcome.value
        files = [f"{target.name}.{fmt}" for fmt in texts]
        for file_name, text in zip(files, texts.values(), strict=True):
            write_file(out, file_name, text)
        main_view = next((name for name in files if not name.endswith(".json")), files[0])
        return (
            summary_row(target.name, report, outcome.seconds, main_view),
            files,
            count_codes(report["findings"]),
        )
    error = outcome.error
    if error.startswith("timed out"):
        error += f" ({BUNDLE_SECONDS_PER_DOCUMENT_LIMIT} times the limit a document: raise it with --timeout)"
    row = failed_row(target.name, target.path, error, outcome.seconds)
    write_file(out, row["report"], render_failed_page(row))
    return row, [row["report"]], {}


def _finish(plan, rows, counts, written, work, interrupted, as_of) -> BatchResult:
    """summary.csv, index.html and the manifest, of the bundles done; whatever stopped the run.
    Stopped before the work was even planned, it writes nothing: the last run's files stand."""
    done = [row for row in rows if row is not None]
    pending = [target.name for target, row in zip(plan.targets, rows, strict=True) if row is None]
    if work is None:
        return BatchResult([], plan.out / "summary.csv", plan.notes, pending=pending, interrupted=interrupted)
    stale = stale_reports(plan.out, plan.targets, written)
    statistics = code_statistics(counts)
    summary = write_summary(plan.out, done)
    reused = {plan.targets[index].name for index in work.reused}
    state = QueueState(
        done, reused, pending, stale, statistics, interrupted, as_of.isoformat() if as_of else None
    )
    write_file(plan.out, INDEX_NAME, render_index(state))
    work.manifest.save()
    return BatchResult(
        done, summary, plan.notes, plan.out / INDEX_NAME, len(reused), pending, stale, statistics, interrupted
    )


class _Signals:
    """SIGINT and SIGTERM raise KeyboardInterrupt, and are remembered: Python drops an exception
    raised inside some of its own hooks (a fork's, a finaliser's), and the batch then stops at the
    next bundle instead of never."""

    received = False
    holding = False

    def handle(self, number, frame) -> None:
        self.received = True
        if not self.holding:
            raise KeyboardInterrupt

    def check(self) -> None:
        if self.received:
            raise KeyboardInterrupt

    @contextmanager
    def held(self) -> Iterator[None]:
        """A signal that comes inside the block takes effect at its end."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        self.check()


@contextmanager
def _signals_interrupt() -> Iterator[_Signals]:
    """SIGTERM stops a batch as Ctrl-C does, so both leave a summary."""
    signals = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return
    previous = {number: signal.signal(number, signals.handle) for number in (signal.SIGINT, signal.SIGTERM)}
    previous_hook = sys.unraisablehook

    def unraisable(event) -> None:
        # The interrupt Python dropped (it says so with a traceback): `received` carries it instead.
        if not (signals.received and isinstance(event.exc_value, KeyboardInterrupt)):
            previous_hook(event)

    sys.unraisablehook = unraisable
    try:
        yield signals
    finally:
        sys.unraisablehook = previous_hook
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def _signals_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _accepting(acceptances: Callable[[Path], list | None] | None, path: Path) -> tuple:
    """The acceptances argument of a call, left out when there are none (so `check` may not take it)."""
    entries = acceptances(path) if acceptances else None
    return () if entries is None else (entries,)
