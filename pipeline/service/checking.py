"""Submissions checked in the background by the run (`pipeline.run.check_path`, whose document
readers are the isolated workers), one at a time, their reports kept beside the database.

A check that raises marks its submission failed with the reason. At start, a submission left
`checking` by a service that stopped is marked failed; one still `queued` is queued again.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Engine

from pipeline.changes import compare
from pipeline.service import queries
from pipeline.service.blobs import BlobStore
from pipeline.service.clock import now_stamp

log = logging.getLogger(__name__)

REPORT_FORMATS = {"json": "report.json", "html": "report.html", "md": "report.md"}
INTERRUPTED = "the service stopped while this submission was checked; upload it again"


class Checker:
    def __init__(self, engine: Engine, blobs: BlobStore, reports: Path, synchronous: bool = False) -> None:
        self.engine, self.blobs, self.reports = engine, blobs, reports
        self.synchronous = synchronous
        self._pool = None if synchronous else ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")

    def report_path(self, submission_id: int, fmt: str) -> Path:
        return self.reports / str(submission_id) / REPORT_FORMATS[fmt]

    def recover(self) -> None:
        for submission_id in queries.submissions_in(self.engine, ("checking",)):
            queries.update_submission(self.engine, submission_id, state="failed", reason=INTERRUPTED)
        for submission_id in queries.submissions_in(self.engine, ("queued",)):
            self.submit(submission_id)

    def submit(self, submission_id: int) -> None:
        if self._pool is None:
            self.check(submission_id)
        else:
            self._pool.submit(self.check, submission_id)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    def check(self, submission_id: int) -> None:
        queries.update_submission(self.engine, submission_id, state="checking")
        try:
            summary = self._check(submission_id)
        except Exception as exc:  # a crash costs this submission, never the service
            log.exception("submission %s failed", submission_id)
            queries.update_submission(
                self.engine,
                submission_id,
                state="failed",
                reason=f"{type(exc).__name__}: {exc}",
                checked=now_stamp(),
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

    def _check(self, submission_id: int) -> dict:
        from pipeline.run import check_path
        from pipeline.views import render

        entry = queries.submission(self.engine, submission_id)
        report = check_path(self.blobs.path(entry["sha256"]))
        data = report.to_dict()
        # the report names the submission, never where the service keeps it
        data["bundle"]["path"] = f"submission {entry['number']} ({entry['sha256'][:12]}.zip)"
        previous = queries.previous_checked(self.engine, entry["request_id"], entry["number"])
        if previous is not None:
            baseline = json.loads(self.report_path(previous["id"], "json").read_text(encoding="utf-8"))
            data["changes"] = compare(baseline, data, f"submission {previous['number']}")
        folder = self.reports / str(submission_id)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt, name in REPORT_FORMATS.items():
            (folder / name).write_text(render(data, fmt), encoding="utf-8")
        return data["summary"]
