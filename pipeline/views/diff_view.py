"""`dars-evidence diff`: the comparison of two saved reports, in the words `check --baseline` uses."""

from __future__ import annotations

import json

from pipeline.views import inert
from pipeline.views.md_view import md_text
from pipeline.views.resubmission import changes_md, changes_text


def render_diff(changes: dict, new_name: str, fmt: str) -> str:
    """`changes` (from `pipeline.changes.compare`) as text, JSON (the same object a report's `changes`
    holds, with the later report's name) or Markdown."""
    changes = inert(changes)
    if fmt == "json":
        return json.dumps({**changes, "report": new_name}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return "\n".join([f"# {md_text(new_name)}", "", *changes_md(changes, md_text)]).rstrip("\n") + "\n"
    lines = changes_text(changes)
    lines[0] = f"{new_name}: c{lines[0][1:]}"
    return "\n".join(lines).rstrip("\n") + "\n"
