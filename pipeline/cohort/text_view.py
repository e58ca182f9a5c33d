"""The cohort report as text: the verdict, the file's rows and columns with their roles, then the
findings by severity with their columns and row numbers (report.md). Nothing here holds a value
from the file: the report it renders has none."""

from __future__ import annotations

import textwrap

VERDICTS = {"ready": "Ready", "needs_review": "Needs review", "not_ready": "Not ready"}


def render_cohort_text(report: dict) -> str:
    cohort, summary = report["cohort"], report["summary"]
    lines = [
        f"Cohort file: {cohort['file']}",
        f"As of: {cohort['as_of']}" + (f"   Request: {cohort['request']}" if cohort["request"] else ""),
        f"Verdict: {VERDICTS[summary['verdict']]} ({_count(summary['errors'], 'error')}, "
        f"{_count(summary['warnings'], 'warning')}, {summary['info']} info)",
        f"Rows: {cohort['rows']:,} participant rows; {len(cohort['columns'])} columns",
    ]
    for column in cohort["columns"]:
        header = column["header"] or "(header not shown)"
        lines.append(f"  column {column['column']:>3}  {column['role']:<17} {header}")
    for severity in ("error", "warning", "info"):
        found = [f for f in report["findings"] if f["severity"] == severity]
        if not found:
            continue
        lines += ["", f"{severity.capitalize()}s:" if severity != "info" else "Info:"]
        for finding in found:
            lines.append(f"  {finding['code']}  {finding['title']}")
            lines += textwrap.wrap(finding["message"], 96, initial_indent="    ", subsequent_indent="    ")
            lines += textwrap.wrap(
                "Action: " + finding["action"], 96, initial_indent="    ", subsequent_indent="      "
            )
    if report["skipped"]:
        lines += ["", "Skipped:"]
        for skip in report["skipped"]:
            lines += textwrap.wrap(
                f"{skip['code']}: {skip['reason']}", 96, initial_indent="  ", subsequent_indent="    "
            )
    return "\n".join(lines) + "\n"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
