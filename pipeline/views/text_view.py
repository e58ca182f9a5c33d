"""The text view: for a terminal. Verdict first, then findings by severity, then the documents."""

from __future__ import annotations

VERDICT_WORDS = {
    "ready": "READY: no errors, no warnings",
    "needs_review": "NEEDS REVIEW: warnings only",
    "not_ready": "NOT READY: errors found",
}
SEVERITY_HEADINGS = (("error", "Errors"), ("warning", "Warnings"), ("info", "For information"))


def render_text(report: dict) -> str:
    summary = report["summary"]
    bundle = report["bundle"]
    lines = [
        f"{VERDICT_WORDS[summary['verdict']]}",
        f"{bundle['path']}  (as of {bundle['as_of']}; request: {bundle['request'] or 'none'})",
        f"{summary['documents']} documents ({summary['unreadable']} unreadable, {summary['no_text']} without text), "
        f"{summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} for information",
        "",
    ]
    for severity, heading in SEVERITY_HEADINGS:
        chosen = [f for f in report["findings"] if f["severity"] == severity]
        if not chosen:
            continue
        lines.append(f"{heading}:")
        for finding in chosen:
            lines.append(f"  {finding['code']}  {finding['message']}")
            for evidence in finding["evidence"]:
                where = ", ".join(x for x in (evidence.get("location"),) if x) or "document"
                quote = f': "{evidence["quote"]}"' if evidence.get("quote") else ""
                lines.append(f"      {evidence['document']} ({where}){quote}")
            if finding.get("searched"):
                lines.append(f"      searched: {', '.join(finding['searched'])}")
            lines.append(f"      action: {finding['action']}")
        lines.append("")
    lines.append("Documents:")
    for document in report["documents"]:
        details = [document["kind"]]
        if document.get("version"):
            details.append(f"version {document['version']}")
        if document.get("date"):
            details.append(document["date"])
        status = (
            ""
            if document["status"] == "ok"
            else f"  [{document['status']}: {document.get('reason', 'no text layer')}]"
        )
        lines.append(f"  {document['path']}  ({', '.join(details)}){status}")
    if report["skipped"]:
        lines.append("")
        lines.append(f"Skipped checks: {len(report['skipped'])} (see --format json for each reason)")
        reasons: dict[str, list[str]] = {}
        for skip in report["skipped"]:
            reasons.setdefault(skip["reason"], []).append(skip["code"])
        for reason, codes in reasons.items():
            lines.append(f"  {', '.join(codes)}: {reason}")
    return "\n".join(lines) + "\n"
