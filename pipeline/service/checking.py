"""Submissions checked in the background, each in a worker process of its own (pipeline.pool, the
isolated workers of the batch), `workers` at a time, their reports kept beside the database.

A document bomb costs that document (the run reads every document in its capped reader); a crash, a
hang past the wall-clock guard, or any error of the whole check costs that submission, which is marked
failed with the reason, never the service. At start, a submission left `checking` by a service that
stopped is marked failed; one still `queued` is queued again.

When a reviewer accepts a finding or withdraws an acceptance, the request's latest report is made
again (`reapply`) on the same as-of date, from the document cache in the data folder, so it shows the
acceptance at once; later submissions take the acceptances in force when they are checked.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import Engine

from pipeline.service import acceptances, queries
from pipeline.service.blobs import BlobStore
from pipeline.service.clock import now_stamp

log = logging.getLogger(__name__)

REPORT_FORMATS = {"json": "report.json", "html": "report.html", "md": "report.md"}
PROGRESS_FILE = "progress.json"
INTERRUPTED = "the service stopped while this submission was checked; check it again (Check again)"
DEFAULT_WORKERS = 2
# The wall-clock guard of one submission's check, on top of the run's per-document limits.
SUBMISSION_SECONDS = 30 * 60
PRELOAD = ("pipeline.warm", "pipeline.views")
CLOSE_WAIT = 2.0  # seconds a stopping service gives its idle checker threads to end


class CheckFailed(Exception):
    """The check of a submission ended without a report: the message says why."""


class Checker:
    def __init__(
        self,
        engine: Engine,
        blobs: BlobStore,
        reports: Path,
        cache: Path,
        *,
        workers: int = DEFAULT_WORKERS,
        synchronous: bool = False,
        seconds: float = SUBMISSION_SECONDS,
    ) -> None:
        """`synchronous` checks each submission in the calling thread and process, before answering
        (for tests); otherwise `workers` submissions are checked at once, each in a worker process."""
        self.engine, self.blobs, self.reports, self.cache = engine, blobs, reports, cache
        self.synchronous, self.seconds, self.workers = synchronous, seconds, workers
        self._writing = threading.Lock()
        # Daemon threads, each waiting on its submission's worker process: a service told to stop
        # does not wait for checks under way (they are marked failed at the next start).
        # started with the first submission, so an app that checks nothing runs no thread
        self._queue: queue.Queue[int | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._starting = threading.Lock()

    def report_path(self, submission_id: int, fmt: str) -> Path:
        return self.reports / str(submission_id) / REPORT_FORMATS[fmt]

    def stored_report(self, submission_id: int) -> dict:
        """The JSON report kept for a submission whose check finished."""
        return json.loads(self.report_path(submission_id, "json").read_text(encoding="utf-8"))

    def progress(self, submission_id: int) -> dict | None:
        """`{"read": n, "of": m}` documents of a submission being checked, when known."""
        try:
            return json.loads((self.reports / str(submission_id) / PROGRESS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def recover(self) -> None:
        for submission_id in queries.submissions_in(self.engine, ("checking",)):
            queries.update_submission(self.engine, submission_id, state="failed", reason=INTERRUPTED)
        for submission_id in queries.submissions_in(self.engine, ("queued",)):
            self.submit(submission_id)

    def submit(self, submission_id: int) -> None:
        if self.synchronous:
            self.check(submission_id)
            return
        with self._starting:
            while len(self._threads) < max(1, self.workers):
                thread = threading.Thread(target=self._serve, name=f"check-{len(self._threads)}", daemon=True)
                thread.start()
                self._threads.append(thread)
        self._queue.put(submission_id)

    def close(self, wait: float = CLOSE_WAIT) -> None:
        """Let idle threads end (within `wait` seconds in all); a check under way is not waited for."""
        with self._starting:
            threads, self._threads = self._threads, []
        for _ in threads:
            self._queue.put(None)
        deadline = time.monotonic() + wait
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _serve(self) -> None:
        while (submission_id := self._queue.get()) is not None:
            self.check(submission_id)

    def check(self, submission_id: int) -> None:
        queries.update_submission(self.engine, submission_id, state="checking")
        try:
            summary = self._check(submission_id, as_of=None)
        except Exception as exc:  # a crash costs this submission, never the service
            reason = str(exc) if isinstance(exc, CheckFailed) else f"{type(exc).__name__}: {exc}"
            log.warning("submission %s failed: %s", submission_id, reason)
            queries.update_submission(
                self.engine, submission_id, state="failed", reason=reason, checked=now_stamp()
            )
            return
        queries.update_submission(
            self.engine,
            submission_id,
            state="done",
            verdict=summary["verdict"],
            errors=summary["errors"],
            warnings=summary["warnings"],
            checked=now_stamp(),
        )

    def reapply(self, request_id: int) -> None:
        """Make the request's latest checked report again with the acceptances now in force."""
        latest = queries.latest_checked(self.engine, request_id)
        if latest is None:
            return
        summary = self._check(latest["id"], as_of=self.stored_report(latest["id"])["bundle"]["as_of"])
        queries.update_submission(
            self.engine,
            latest["id"],
            verdict=summary["verdict"],
            errors=summary["errors"],
            warnings=summary["warnings"],
        )

    def _check(self, submission_id: int, as_of: str | None) -> dict:
        from pipeline.pool import run_calls
        from pipeline.service.check_job import check_submission

        entry = queries.submission(self.engine, submission_id)
        previous = queries.previous_checked(self.engine, entry["request_id"], entry["number"])
        folder = self.reports / str(submission_id)
        folder.mkdir(parents=True, exist_ok=True)
        baseline = self.stored_report(previous["id"]) if previous is not None else None
        call = (
            str(self.blobs.path(entry["sha256"])),
            # the report names the submission, never where the service keeps it
            f"submission {entry['number']} ({entry['sha256'][:12]}.zip)",
            str(self.cache),
            as_of,
            acceptances.in_force(self.engine, entry["request_id"]),
            baseline,
            f"submission {previous['number']}" if previous else None,
            None if as_of else str(folder / PROGRESS_FILE),  # a report made again reads nothing new
        )
        _, outcome = next(
            run_calls(
                check_submission,
                [call],
                jobs=1,
                seconds=self.seconds,
                preload=PRELOAD,
                isolated=not self.synchronous,
            )
        )
        (folder / PROGRESS_FILE).unlink(missing_ok=True)
        if outcome.error is not None:
            raise CheckFailed(outcome.error)
        self._write(submission_id, outcome.value["views"])
        return outcome.value["report"]["summary"]

    def _write(self, submission_id: int, views: dict[str, str]) -> None:
        """The three reports, each replaced whole, so a page never reads half of one."""
        folder = self.reports / str(submission_id)
        with self._writing:
            for fmt, name in REPORT_FORMATS.items():
                handle, partial = tempfile.mkstemp(dir=folder, prefix=".", suffix=".partial")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(views[fmt])
                os.replace(partial, folder / name)
