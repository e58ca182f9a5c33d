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


def _card(f: dict) -> list[str]:
    lines = [f"#### {f['code']} · {f['severity_label'].upper()} · {md_text(f['title'])}", ""]
    if f["count"] == 1:
        lines += [md_text(f["message"], starts_line=True), ""]
    else:
        lines += [f"{f['count']} findings of this check, alike:", ""]
        lines += [f"- {md_text(message)}" for message in f["messages"]] + [""]
    for e in f["evidence"]:
        quote = f": “{md_text(e['quote'])}”" if e["quote"] else ""
        lines.append(f"- **Evidence:** {md_text(e['document'])} ({md_text(e['where'])}){quote}")
    if f["searched"]:
        lines.append(f"- **Searched, not found:** {md_text(', '.join(f['searched']))}")
    lines += [f"- **Action:** {md_text(f['action'])}", ""]
    return lines


def _asks(asks: list[dict]) -> list[str]:
    """ "What to ask the applicant": each action once, with the findings it would close."""
    lines = [f"## What to ask the applicant ({len(asks)})", ""]
    if not asks:
        return [*lines, "Nothing: no finding calls for an action.", ""]
    for number, ask in enumerate(asks, 1):
        label = SEVERITY_WORDS.get(ask["severity"], ask["severity"])
        lines.append(f"{number}. **{md_text(ask['action'])}** _({label})_")
        for closed in ask["closes"]:
            lines.append(f"    - closes {closed['code']}: {md_text(closed['message'])}")
    return [*lines, ""]


SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "for information"}


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
    header = p["header"]
    lines = [
        f"# DARS evidence report: {md_text(p['name'])}",
        "",
        *(
            f"- **{label}:** {md_text(value)}"
            for label, value in (
                ("Reference", header["reference"]),
                ("Study", header["title"]),
                ("Legal basis", bundle.get("basis")),
                ("Judged as of", header["as_of"]),
                ("Run", f"{header['generated']} by {header['version']}"),
                ("Bundle", bundle["path"]),
                ("Data request", bundle["request"] or "none in the bundle"),
                *(("Note", note) for note in p["notes"]),
            )
            if value
        ),
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
        *([f"_Configuration: {md_text(p['settings_note'])}._", ""] if p["settings_note"] else []),
    ]
    lines += changes_md(report.get("changes"), md_text)  # first, before what to ask
    lines += _asks(p["asks"])
    lines += [
        "### Areas",
        "",
        "| Area | Code | State |",
        "| --- | --- | --- |",
        *(_row(area["name"], area["key"], area["state"]) for area in p["areas"]),
        "",
    ]
    if not p["sections"]:
        what = "the document" if p["single_document"] else "the bundle"
        lines += ["## Findings (0)", "", f"No findings: every check that ran found {what} consistent.", ""]
    for section in p["sections"]:
        lines += [f"## {section['label']} ({section['count']})", ""]
        for area in section["areas"]:
            lines += [f"### {md_text(area['name'])} ({area['key']})", ""]
            for card in area["cards"]:
                lines += _card(card)
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
