"""`dars-evidence extract FILE`: one document's facts, each with where it was found."""

from __future__ import annotations

import json
from pathlib import Path

from extractors import extract
from pipeline.bundle import BundleError, open_bundle
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load import load_document
from pipeline.model import Status
from pipeline.report import SCHEMA_VERSION, document_dict


def extract_file(path: Path, fmt: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, bool]:
    """The facts of one document as text or JSON, and whether the document could be read."""
    if path.is_dir() or path.suffix.lower() == ".zip":
        raise BundleError(f"{path} is a bundle: extract reads one document (use `check` for a bundle)")
    with open_bundle(path, limits) as bundle:
        document = load_document(bundle.files[0], limits)
    document.facts = extract(document)
    data = document_dict(document)
    readable = document.status is Status.OK
    if fmt == "json":
        return json.dumps(
            {"schema_version": SCHEMA_VERSION, "document": data}, indent=2, ensure_ascii=False
        ) + "\n", readable
    return render_facts_text(data), readable


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
