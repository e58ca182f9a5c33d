"""The changes since a baseline and the accepted findings, as every view shows them (report.md,
"Second edition"): the changes first, right after the verdict; the accepted findings apart from those
that count. The text and Markdown lines are here; the HTML draws the same `changes_page`."""

from __future__ import annotations

from pipeline.changes import change_counts

FINDING_GROUPS = (
    ("resolved", "Resolved", "in the baseline, gone now"),
    ("new", "New", "not in the baseline"),
    ("still_open", "Still open", "in both"),
)
DOCUMENT_GROUPS = (("added", "Added"), ("removed", "Removed"), ("changed", "Changed"))


def changes_page(changes: dict | None) -> dict | None:
    """`changes` laid out: each group of findings and of documents with its heading, empty ones kept."""
    if not changes:
        return None
    return {
        "baseline": changes["baseline"],
        "note": changes.get("note") or "",
        "counts": change_counts(changes),
        "findings": [
            {"key": key, "label": label, "hint": hint, "items": list(changes.get(key, []))}
            for key, label, hint in FINDING_GROUPS
        ],
        "documents": [
            {"key": key, "label": label, "items": list(changes["documents"].get(key, []))}
            for key, label in DOCUMENT_GROUPS
        ],
    }


def accepted_page(findings: list[dict]) -> list[dict]:
    """The accepted findings, each with who accepted it, when and why."""
    return [
        {
            "code": f["code"],
            "severity": f["severity"],
            "fingerprint": f.get("fingerprint", ""),
            "message": f["message"],
            **f["accepted"],
        }
        for f in findings
        if f.get("accepted")
    ]


def finding_line(item: dict) -> str:
    accepted = " (accepted)" if item.get("accepted") else ""
    return f"{item['code']}  {item['message']}  [{item['fingerprint']}]{accepted}"


def changes_text(changes: dict | None) -> list[str]:
    """The text lines of the changes since the baseline (empty without one)."""
    shown = changes_page(changes)
    if shown is None:
        return []
    lines = [f"Changes since {shown['baseline']}: {shown['counts']}"]
    if shown["note"]:
        lines.append(f"  Note: {shown['note']}")
    for group in shown["findings"]:
        for item in group["items"]:
            lines.append(f"  {group['label'].lower():<10}  {finding_line(item)}")
    for group in shown["documents"]:
        for item in group["items"]:
            lines.append(f"  document {group['label'].lower()}: {item['path']}")
    return [*lines, ""]


def accepted_text(report: dict) -> list[str]:
    """The text lines of the accepted findings and of the acceptances that matched nothing."""
    lines = []
    accepted = accepted_page(report["findings"])
    if accepted:
        lines.append(f"Accepted ({len(accepted)}, not counted in the verdict):")
        for item in accepted:
            lines.append(f"  {item['code']}  {item['message']}")
            expires = f", expires {item['expires']}" if item.get("expires") else ""
            lines.append(f"      accepted by {item['by']} on {item['date']}{expires}: {item['reason']}")
        lines.append("")
    unused = report.get("unused_acceptances") or []
    if unused:
        lines.append(f"Unused acceptances ({len(unused)}):")
        for entry in unused:
            lines.append(f"  entry {entry['entry']} ({unused_subject(entry)}): {entry['why']}")
        lines.append("")
    return lines


def unused_subject(entry: dict) -> str:
    return ", ".join(f"{key} {entry[key]}" for key in ("code", "fingerprint") if entry.get(key))


def changes_md(changes: dict | None, md_text) -> list[str]:
    """The Markdown of the changes since the baseline; `md_text` escapes each value."""
    shown = changes_page(changes)
    if shown is None:
        return []
    lines = [
        f"## Changes since {md_text(shown['baseline'])}",
        "",
        md_text(shown["counts"], starts_line=True),
        "",
    ]
    if shown["note"]:
        lines += [f"**Note:** {md_text(shown['note'])}", ""]
    for group in shown["findings"]:
        if group["items"]:
            lines += [f"**{group['label']}** ({group['hint']}):", ""]
            for item in group["items"]:
                accepted = " _(accepted)_" if item.get("accepted") else ""
                lines.append(
                    f"- {md_text(item['code'])} · {md_text(item['message'])} · `{item['fingerprint']}`{accepted}"
                )
            lines.append("")
    for group in shown["documents"]:
        if group["items"]:
            lines += [f"**Documents {group['label'].lower()}:**", ""]
            lines += [f"- {md_text(item['path'])}" for item in group["items"]]
            lines.append("")
    return lines


def accepted_md(report: dict, md_text) -> list[str]:
    """The Markdown of the accepted findings and of the unused acceptances."""
    lines = []
    accepted = accepted_page(report["findings"])
    if accepted:
        lines += [f"## Accepted ({len(accepted)}, not counted in the verdict)", ""]
        for item in accepted:
            expires = f", expires {item['expires']}" if item.get("expires") else ""
            lines.append(
                f"- **{md_text(item['code'])}** · {md_text(item['message'])} · accepted by {md_text(item['by'])} "
                f"on {md_text(item['date'])}{md_text(expires)}: {md_text(item['reason'])}"
            )
        lines.append("")
    unused = report.get("unused_acceptances") or []
    if unused:
        lines += [f"## Unused acceptances ({len(unused)})", ""]
        lines += [
            f"- entry {entry['entry']} ({md_text(unused_subject(entry))}): {md_text(entry['why'])}"
            for entry in unused
        ]
        lines.append("")
    return lines
