"""`dars-evidence extract FILE`: one document's facts, each with where it was found."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.bundle import BundleError, open_bundle
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load import load_document
from pipeline.model import Status
from pipeline.report import SCHEMA_VERSION, document_dict
from pipeline.run import document_reader
from pipeline.views import inert
from pipeline.views.facts_text import render_facts_text


def extract_file(path: Path, fmt: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, bool]:
    """The facts of one document as text or JSON, and whether the document could be read."""
    if path.is_dir() or path.suffix.lower() == ".zip":
        raise BundleError(f"{path} is a bundle: extract reads one document (use `check` for a bundle)")
    with open_bundle(path, limits) as bundle, document_reader(limits) as reader:
        document = load_document(bundle.files[0], limits, reader=reader)
    data = inert(document_dict(document))
    readable = document.status is Status.OK
    if fmt == "json":
        return json.dumps(
            {"schema_version": SCHEMA_VERSION, "document": data}, indent=2, ensure_ascii=False
        ) + "\n", readable
    return render_facts_text(data), readable
