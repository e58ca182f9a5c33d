"""One document's facts as text: what `extract` prints, and what `check FILE` adds after its findings."""

from __future__ import annotations


def render_facts_text(data: dict) -> str:
    lines = [f"{data['path']}  [{data['status']}]"]
    if data["status"] != "ok":
        lines.append(f"  {data.get('reason') or 'the PDF has no text layer'}")
    for label, key in (
        ("kind", "kind"),
        ("title", "title"),
        ("version", "version"),
        ("date", "date"),
        ("pages", "pages"),
    ):
        lines.append(f"  {label + ':':<9}{data.get(key) if data.get(key) is not None else '-'}")
    references = {k: v for k, v in (data.get("references") or {}).items() if v}
    if references:
        lines.append(
            "  references: " + "; ".join(f"{k.upper()} {', '.join(v)}" for k, v in references.items())
        )
    for key in ("identifiers", "datasets"):
        if data.get(key):
            lines.append(f"  {key}: {', '.join(data[key])}")
    if data.get("facts"):
        lines.append("")
        lines.append("Facts (name = value, where, words):")
        for fact in data["facts"]:
            where = fact.get("location") or "document"
            lines.append(f"  {fact['name']} = {fact['value']}  ({where})")
            if fact.get("quote"):
                lines.append(f'      "{fact["quote"]}"')
    return "\n".join(lines) + "\n"
