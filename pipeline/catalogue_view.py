"""`dars-evidence checks [CODE]`: the catalogue, or one check explained."""

from __future__ import annotations

import textwrap

from checks import all_checks, find_check
from pipeline.errors import UsageError


def list_checks() -> str:
    lines = [f"{'code':<10} {'severity':<8} title"]
    for check in all_checks():
        lines.append(f"{check.code:<10} {check.severity.value:<8} {check.title}")
    lines.append("")
    lines.append("`dars-evidence checks CODE` explains one check.")
    return "\n".join(lines) + "\n"


def describe_check(code: str) -> str:
    check = find_check(code)
    if check is None:
        known = ", ".join(c.code for c in all_checks())
        raise UsageError(f"no check {code!r}; known checks: {known}")
    doc = check.doc
    sections = (
        ("Fires when", check.rule),
        ("What it finds", doc.finds),
        ("Why it matters", doc.why),
        ("What it reads", doc.reads),
        ("Example of a discrepancy", doc.discrepancy),
        ("Example of a consistent bundle", doc.consistent),
        ("What to supply", check.action),
        ("Known limits", doc.limits),
    )
    lines = [f"{check.code} ({check.severity.value}): {check.title}", ""]
    for heading, body in sections:
        lines.append(f"{heading}:")
        lines.extend(textwrap.wrap(body, width=96, initial_indent="  ", subsequent_indent="  "))
        lines.append("")
    return "\n".join(lines)
