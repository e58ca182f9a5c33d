"""The text view: for a terminal. Verdict first, then findings by severity, then the documents.

Plain by default (what tests and pipes see); with `colour=True` the same lines carry ANSI styles,
which the command line asks for only when stdout is a terminal and NO_COLOR is unset. Styles wrap
whole words we write (verdict, headings, codes), never document text, so masking still sees every
number whole.
"""

from __future__ import annotations

import os
from typing import TextIO

from pipeline.views.facts_text import render_facts_text
from pipeline.views.layout import register_note
from pipeline.wording import counted

VERDICT_WORDS = {
    "ready": "READY: no errors, no warnings",
    "needs_review": "NEEDS REVIEW: warnings only",
    "not_ready": "NOT READY: errors found",
    # A document checked alone is never called ready: the checks that need the bundle did not run.
    "no_findings": "NO FINDINGS in this document, checked alone (the bundle checks did not run)",
}
SEVERITY_HEADINGS = (("error", "Errors"), ("warning", "Warnings"), ("info", "For information"))

# SGR codes: bold red / bold yellow / bold green / bold blue, and plain bold and dim.
STYLES = {
    "error": "1;31",
    "warning": "1;33",
    "info": "1;34",
    "ready": "1;32",
    "needs_review": "1;33",
    "not_ready": "1;31",
    "no_findings": "1;34",
    "bold": "1",
    "dim": "2",
}


def wants_colour(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_text(report: dict, colour: bool = False) -> str:
    def style(name: str, text: str) -> str:
        return f"\x1b[{STYLES[name]}m{text}\x1b[0m" if colour and text else text

    summary = report["summary"]
    bundle = report["bundle"]
    lines = [
        style(summary["verdict"], VERDICT_WORDS[summary["verdict"]]),
        f"{bundle['path']}  (as of {bundle['as_of']}; request: {bundle['request'] or 'none'})",
        *([headline] if (headline := _headline(bundle)) else []),
        f"{counted(summary['documents'], 'document')} ({summary['unreadable']} unreadable, "
        f"{summary['no_text']} without text), {counted(summary['errors'], 'error')}, "
        f"{counted(summary['warnings'], 'warning')}, {summary['info']} for information",
        *(f"Note: {note}" for note in [*bundle.get("notes", []), *register_note(bundle)]),
        "",
    ]
    for severity, heading in SEVERITY_HEADINGS:
        chosen = [f for f in report["findings"] if f["severity"] == severity]
        if not chosen:
            continue
        lines.append(style(severity, f"{heading}:"))
        for finding in chosen:
            lines.append(f"  {style(severity, finding['code'])}  {finding['message']}")
            for evidence in finding["evidence"]:
                where = ", ".join(x for x in (evidence.get("location"),) if x) or "document"
                quote = f': "{evidence["quote"]}"' if evidence.get("quote") else ""
                lines.append(f"      {evidence['document']} ({where}){quote}")
            if finding.get("searched"):
                lines.append(f"      {style('dim', 'searched:')} {', '.join(finding['searched'])}")
            lines.append(f"      {style('bold', 'action:')} {finding['action']}")
        lines.append("")
    lines.append(style("bold", "Documents:"))
    for document in report["documents"]:
        details = [document["kind"]]
        if document.get("version"):
            details.append(f"version {document['version']}")
        if document.get("date"):
            details.append(document["date"])
        status = (
            ""
            if document["status"] == "ok"
            else "  "
            + style(
                "error" if document["status"] == "unreadable" else "warning",
                f"[{document['status']}: {document.get('reason', 'no text layer')}]",
            )
        )
        lines.append(f"  {document['path']}  ({', '.join(details)}){status}")
    if report["skipped"]:
        lines.append("")
        lines.append(
            style("bold", f"Skipped checks: {len(report['skipped'])}")
            + " (see --format json for each reason)"
        )
        reasons: dict[str, list[str]] = {}
        for skip in report["skipped"]:
            reasons.setdefault(skip["reason"], []).append(skip["code"])
        for reason, codes in reasons.items():
            lines.append(f"  {', '.join(codes)}: {reason}")
    if report["bundle"].get("type") == "file" and report["documents"]:
        # checks.md: a document checked alone also shows the facts extracted from it.
        lines.append("")
        lines.append(style("bold", "Facts extracted:"))
        lines.append(render_facts_text(report["documents"][0]).rstrip("\n"))
    return "\n".join(lines) + "\n"


def _headline(bundle: dict) -> str:
    """The request's reference, title and basis, as the request gives them: `DARS-NIC-... · title`."""
    parts = [bundle.get("reference"), bundle.get("title")]
    text = " · ".join(part for part in parts if part)
    basis = bundle.get("basis")
    return f"{text} (basis: {basis})" if text and basis else text or (f"basis: {basis}" if basis else "")
