"""What a worker process does for one submission: the run over the stored upload (its documents read
in the run's own isolated readers), the request's acceptances applied, the changes since the previous
submission, and the three reports rendered. It takes and returns plain data, so it can run in a
worker process (pipeline.pool) and a crash or a hang there costs this submission only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

VIEWS = ("json", "html", "md")


def check_submission(
    path: str,
    display: str,
    cache_root: str,
    as_of: str | None,
    accepted: list[dict],
    baseline: dict | None,
    baseline_name: str | None,
    progress_file: str | None = None,
) -> dict:
    """`{"report": the JSON report, "views": {format: text}}` for the upload at `path`.

    `display` names the submission in the report (never where the service keeps it); `as_of` is kept
    when the report is made again after an acceptance, so the same findings are judged on the same
    day; `accepted` are the request's acceptances in force (`fingerprint`, `code`, `reason`, `by`,
    `date`). `progress_file`, when given, says how many documents have been read, as they are read."""
    from pipeline.acceptance import Acceptance
    from pipeline.cache import DocumentCache
    from pipeline.changes import compare
    from pipeline.run import check_path
    from pipeline.views import render

    report = check_path(
        Path(path),
        as_of=date.fromisoformat(as_of) if as_of else None,
        cache=DocumentCache(Path(cache_root)),
        progress=_progress_writer(Path(progress_file)) if progress_file else None,
    )
    if accepted:
        report.accept(
            [
                Acceptance(
                    number=number,
                    fingerprint=entry["fingerprint"],
                    code=entry["code"],
                    reason=entry["reason"],
                    by=entry["by"],
                    date=date.fromisoformat(entry["date"][:10]),
                )
                for number, entry in enumerate(accepted, start=1)
            ]
        )
    data = report.to_dict()
    data["bundle"]["path"] = display
    if baseline is not None:
        data["changes"] = compare(baseline, data, baseline_name or "the previous submission")
    return {"report": data, "views": {fmt: render(data, fmt) for fmt in VIEWS}}


def _progress_writer(path: Path):
    """`progress(read, of)` writing `{"read": n, "of": m}` to `path`, replaced whole each time."""
    import json
    import os

    def progress(read: int, of: int) -> None:
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_text(json.dumps({"read": read, "of": of}), encoding="utf-8")
            os.replace(partial, path)
        except OSError:  # progress is a courtesy; the check goes on without it
            pass

    return progress
