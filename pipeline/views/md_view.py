"""The Markdown view: the HTML report's content, to paste into a ticket.

Every piece of document text goes through `md_text` (or `html_text` inside the few HTML tags used
for folding), so a quote cannot open a table cell, start emphasis, form a link or an image, or
inject HTML into the page the ticket renders.
"""

from __future__ import annotations

import re

from pipeline.views.layout import page
from pipeline.views.resubmission import accepted_md, changes_md

# Backslash-escapable ASCII punctuation that means something inline (CommonMark 2.4). `<`, `>` and
# `&` become entities instead, so no renderer can read them as HTML or as an entity.
_INLINE = re.compile(r"([\\`*_\[\]#!|~$])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")


def md_text(value: object, starts_line: bool = False) -> str:
    """Document text as inert Markdown on one line, for a table cell or after a list marker.

    With `starts_line`, also for the start of a paragraph, where a leading "-", "+" or "1." would
    begin a list.
    """
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text) if starts_line else None
    if match:
        if match.group(2) in "-+":
            text = f"{match.group(1)}\\{text[match.end(1) :]}"
        else:
            end = match.end()
            text = f"{text[:end]}\\{text[end:]}"
    return text


def html_text(value: object) -> str:
    """Text inside an HTML tag (a <summary>): entity-escaped, on one line."""
    text = " ".join(str(value).split())
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def _row(*cells: object) -> str:
    return "| " + " | ".join(md_text(cell) if cell not in ("", None) else "–" for cell in cells) + " |"


def _finding(f: dict) -> list[str]:
    lines = [f"#### {f['code']} · {f['severity_label'].upper()} · {md_text(f['title'])}", ""]
    lines += [md_text(f["message"], starts_line=True), ""]
    for e in f["evidence"]:
        quote = f": “{md_text(e['quote'])}”" if e["quote"] else ""
        lines.append(f"- **Evidence:** {md_text(e['document'])} ({md_text(e['where'])}){quote}")
    for place in f["searched"]:
        lines.append(f"- **Searched, not found:** {md_text(place)}")
    lines += [f"- **Action:** {md_text(f['action'])}", ""]
    return lines


# Common ticket systems take at most 32,767 characters a field: the view fits under this by default.
TICKET_CHARS = 30_000


def render_md(report: dict, facts: bool = False) -> str:
    """The report as Markdown. Without `facts`, each document's facts are left out (their summary
    lines stay), so the view fits a ticket; if it still would not, the summaries go too, saying so."""
    text = _render_md(report, facts=facts, summaries=True)
    if not facts and len(text) > TICKET_CHARS:
        text = _render_md(report, facts=False, summaries=False)
    return text


def _render_md(report: dict, facts: bool, summaries: bool) -> str:
    p = page(report)
    s = p["summary"]
    bundle = p["bundle"]
    lines = [
        f"# DARS evidence report: {md_text(p['name'])}",
        "",
        f"## Verdict: **{p['verdict_label'].upper()}**",
        "",
        md_text(p["verdict_explanation"], starts_line=True),
        "",
        "| Errors | Warnings | For information | Documents | Unreadable | Without text | Checks skipped |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {s['errors']} | {s['warnings']} | {s['info']} | {s['documents']} | {s['unreadable']} "
        f"| {s['no_text']} | {p['skipped_count']} |",
        "",
        f"- **Bundle:** {md_text(bundle['path'])}",
        f"- **Judged as of:** {md_text(bundle['as_of'])}",
        f"- **Data request:** {md_text(bundle['request'] or 'none in the bundle')}",
        *(
            f"- **{label}:** {md_text(bundle[key])}"
            for key, label in (("reference", "Reference"), ("title", "Study"), ("basis", "Legal basis"))
            if bundle.get(key)
        ),
        *(f"- **Note:** {md_text(note)}" for note in p["notes"]),
        "",
        *changes_md(report.get("changes"), md_text),
        "### Areas",
        "",
        "| Area | Code | State |",
        "| --- | --- | --- |",
        *(_row(area["name"], area["key"], area["state"]) for area in p["areas"]),
        "",
        f"## Findings ({p['finding_count']})",
        "",
    ]
    if not p["areas_with_findings"]:
        what = "the document" if p["single_document"] else "the bundle"
        lines += [f"No findings: every check that ran found {what} consistent.", ""]
    for area in p["areas_with_findings"]:
        lines += [f"### {md_text(area['name'])} ({area['key']})", ""]
        for finding in area["findings"]:
            lines += _finding(finding)
    lines += accepted_md(report, md_text)
    lines += [
        f"## Documents ({len(p['documents'])})",
        "",
        "| Document | Title | Kind | Version | Date | Pages | Status |",
        "| --- | --- | --- | --- | --- | ---: | --- |",
    ]
    for d in p["documents"]:
        status = d["status_label"] + (f": {d['reason']}" if d["status"] != "ok" and d["reason"] else "")
        lines.append(_row(d["path"], d["title"], d["kind"], d["version"], d["date"], d["pages"], status))
    lines += ["", "## Facts per document", ""]
    if not summaries:
        lines += [
            "Left out so that the report fits a ticket: each document's facts are in the JSON and HTML "
            "reports, or here with the --facts option.",
            "",
        ]
    for d in p["documents"] if summaries else ():
        count = len(d["facts"])
        lines += [
            "<details>",
            f"<summary>{html_text(d['path'])} ({html_text(d['kind'])}, {count} {'fact' if count == 1 else 'facts'})"
            "</summary>",
            "",
            f"- **References:** {md_text(', '.join(d['references']) or 'none')}",
            f"- **Identifiers:** {md_text(', '.join(d['identifiers']) or 'none')}",
            f"- **Datasets:** {md_text(', '.join(d['datasets']) or 'none')}",
            f"- **Organisations:** {md_text('; '.join(d['organisations']) or 'none')}",
            "",
        ]
        if d["facts"] and not facts:
            lines += [
                f"_{count} facts left out; the --facts option shows them, with where each was found._",
                "",
            ]
        elif d["facts"]:
            lines += ["| Fact | Value | Where | Words |", "| --- | --- | --- | --- |"]
            for fact in d["facts"]:
                value = fact["value"] + (f" ({fact['detail']})" if fact["detail"] else "")
                lines.append(_row(fact["name"], value, fact["where"], fact["quote"]))
            lines.append("")
        lines += ["</details>", ""]
    lines += [f"## Skipped checks ({p['skipped_count']})", ""]
    if p["skipped"]:
        lines += ["| Checks | Why they did not run |", "| --- | --- |"]
        lines += [_row(", ".join(group["codes"]), group["reason"]) for group in p["skipped"]]
    else:
        lines.append("Every check in the catalogue ran.")
    lines += [
        "",
        f"_Written by {md_text(p['tool'].get('name', 'dars-evidence'))} {md_text(p['tool'].get('version', ''))}"
        f" (report schema {p['schema_version']}). NHS numbers are masked._",
    ]
    return "\n".join(lines) + "\n"
