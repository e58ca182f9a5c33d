"""The queue's pages: OUTDIR/index.html for the lead, and a page for each bundle that failed.

Drawn with the HTML report's Jinja2 environment (autoescaping on for everything, nothing marked
safe) and under its rules: self-contained, no scripts, a Content-Security-Policy that forbids any
fetch. Every value comes from the summary rows, which hold document text (a request's title, a
folder's name, a reason quoting a zip member), so every value is treated as hostile: escaped by the
template, control characters made inert, and links built from the file name percent-encoded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote

from pipeline import __version__
from pipeline.views import inert

VERDICT_LABELS = {
    "ready": "Ready",
    "needs_review": "Needs review",
    "not_ready": "Not ready",
    "failed": "Failed",
}
TOOL = {"name": "dars-evidence", "version": __version__}


@dataclass(slots=True)
class QueueState:
    """What the index shows: the rows done (in queue order), and what else the lead should know."""

    rows: list[dict]
    reused: set[str] = field(default_factory=set)
    pending: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    statistics: list[dict] = field(default_factory=list)
    interrupted: bool = False
    as_of: str | None = None


def href(file_name: str) -> str:
    """A link to a file beside the index: relative, and percent-encoded so that no name (one with
    `#`, `?`, `:` or a space) can point anywhere else."""
    return "./" + quote(file_name, safe="")


def render_index(state: QueueState) -> str:
    from pipeline.views.html_view import environment

    counts = Counter(row["verdict"] for row in state.rows)
    page = {
        "tool": TOOL,
        "written": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "as_of": state.as_of,
        "total": len(state.rows) + len(state.pending),
        "tiles": [
            {"verdict": verdict, "label": label, "count": counts[verdict]}
            for verdict, label in VERDICT_LABELS.items()
        ]
        + [{"verdict": "pending", "label": "Not checked yet", "count": len(state.pending)}],
        "interrupted": state.interrupted,
        "skipped": len(state.reused),
        "pending": state.pending,
        "stale": state.stale,
        "statistics": state.statistics,
        "rows": [_index_row(row, row["name"] in state.reused) for row in state.rows],
    }
    return environment().get_template("batch_index.html.j2").render(page=inert(page))


def _index_row(row: dict, reused: bool) -> dict:
    return {
        **{key: "" if value is None else value for key, value in row.items()},
        "href": href(row.get("report") or f"{row['name']}.html"),
        "verdict_label": VERDICT_LABELS.get(row["verdict"], row["verdict"]),
        "reused": reused,
    }


def render_failed_page(row: dict) -> str:
    """The page of a bundle that could not be checked: what it is, why, and what to do."""
    from pipeline.views.html_view import environment

    page = {
        "tool": TOOL,
        "name": row["name"],
        "path": row.get("path") or "",
        "error": row.get("error") or "unknown",
        "seconds": row.get("seconds"),
        "advice": advice(row.get("error") or "", row.get("path") or ""),
    }
    return environment().get_template("batch_failed.html.j2").render(page=inert(page))


def advice(error: str, path: str) -> str:
    """What a reviewer can do about a failed bundle, from the reason it failed."""
    if error.startswith("timed out"):
        return (
            "Raise the per-document limit with --timeout and run the batch again: it re-checks this bundle."
        )
    if "stopped abruptly" in error:
        return (
            f"Check it alone with dars-evidence check {path}, or run the batch with fewer --jobs; "
            "the batch re-checks it on every run until it passes."
        )
    return (
        f"Ask for the bundle again in a form that opens (dars-evidence check {path} shows the same reason). "
        "The batch checks it again once its files change."
    )
