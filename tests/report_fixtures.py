"""Report dicts and bundles for the view tests: one hostile report built by hand, one hostile bundle.

The hand-built report puts attack text in every field a document can reach (path, title, quote,
reason, fact value and detail, organisation, searched place, message) and a valid NHS number in
several; the bundle does the same through the real pipeline.
"""

from __future__ import annotations

from pathlib import Path

from tests.builders import VALID_REQUEST

SCRIPT = "<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>"
IMG = "<img src=x onerror=\"document.title='pwned';document.body.setAttribute('data-pwned','1')\">"
BEACON = '<img src="http://127.0.0.1:9/beacon.png">'
MARKDOWN = "a | b *em* _em_ `code` [link](https://example.org/x) ![img](https://example.org/i.png) ~s~ #h"
HOSTILE = f"{SCRIPT} {IMG} {BEACON} {MARKDOWN}"
NHS_NUMBER = "943 476 5919"  # passes the modulus 11 check
NHS_DIGITS = "9434765919"


def hostile_report() -> dict:
    """A report dict (the shape of `Report.to_dict()`) whose document text is all hostile."""
    evil_path = "letters/<img src=x onerror=alert(1)> | *bold*.pdf"
    return {
        "schema_version": 1,
        "tool": {"name": "dars-evidence", "version": "0.1.0"},
        "bundle": {
            "path": "bundles/<img src=x onerror=alert(1)>",
            "type": "folder",
            "as_of": "2024-05-01",
            "request": "request.yaml",
        },
        "documents": [
            {
                "path": evil_path,
                "sha256": "0" * 64,
                "size": 100,
                "status": "ok",
                "format": "pdf",
                "kind": "cag_approval",
                "title": f"Outcome {HOSTILE}",
                "version": "1.0",
                "date": "2023-06-14",
                "pages": 2,
                "references": {"cag": ["23/CAG/0088"], "rec": [], "iras": [], "dars": []},
                "identifiers": ["nhs_number"],
                "datasets": ["hes_apc"],
                "organisations": [{"name": f"Org {SCRIPT}", "role": "controller"}],
                "facts": [
                    {
                        "name": "title",
                        "value": f"Outcome {HOSTILE}",
                        "extractor": "t",
                        "page": 1,
                        "quote": f"Patient NHS number {NHS_NUMBER} {HOSTILE}",
                        "location": "page 1",
                        "address": "#/blocks/0",
                    },
                    {
                        "name": "organisation",
                        "value": {"name": f"Org {IMG}", "role": "controller"},
                        "extractor": "o",
                        "page": 1,
                        "quote": f"Org {IMG}",
                        "location": "page 1",
                    },
                    {
                        "name": "support_action",
                        "value": "link",
                        "extractor": "s",
                        "page": 2,
                        "detail": {"body": f"NHS England {SCRIPT}"},
                        "quote": "link",
                        "location": "page 2",
                    },
                    {
                        "name": "opt_out_applies",
                        "value": True,
                        "extractor": "n",
                        "page": 2,
                        "quote": f"NHS number {NHS_DIGITS}",
                        "location": "page 2",
                    },
                ],
            },
            {
                "path": "broken <script>x</script>.pdf",
                "sha256": "1" * 64,
                "size": 10,
                "status": "unreadable",
                "format": None,
                "kind": "other",
                "title": None,
                "version": None,
                "date": None,
                "pages": None,
                "references": {},
                "identifiers": [],
                "datasets": [],
                "organisations": [],
                "facts": [],
                "reason": f"the PDF is corrupt {IMG}",
            },
            {
                "path": "scan.pdf",
                "sha256": "2" * 64,
                "size": 10,
                "status": "no_text",
                "format": "pdf",
                "kind": "other",
                "title": None,
                "version": None,
                "date": None,
                "pages": 1,
                "references": {},
                "identifiers": [],
                "datasets": [],
                "organisations": [],
                "facts": [],
            },
        ],
        "findings": [
            finding("SUB-002", "warning", "Onward sharing not planned", evil_path, quote=HOSTILE),
            finding("DOC-001", "error", "A file cannot be read", "broken <script>x</script>.pdf"),
            finding(
                "S251-004", "error", f"Not covered {SCRIPT}", evil_path, quote=f"NHS number {NHS_NUMBER}"
            ),
            finding("S251-009", "info", "Predecessor only", evil_path, quote="NHS Digital"),
            finding("REQ-002", "info", "No request", None, searched=[f"the bundle {IMG}"]),
            finding("DOC-002", "warning", "No text layer", "scan.pdf"),
            finding("PN-001", "error", "No privacy notice", None, searched=["privacy *notice* | folder"]),
        ],
        "skipped": [
            {"code": "CON-001", "reason": "the basis is not consent (it is section_251)"},
            {"code": "CON-002", "reason": "the basis is not consent (it is section_251)"},
            {"code": "LB-005", "reason": f"the basis is not statutory {SCRIPT}"},
        ],
        "summary": {
            "documents": 3,
            "unreadable": 1,
            "no_text": 1,
            "errors": 3,
            "warnings": 2,
            "info": 2,
            "verdict": "not_ready",
        },
    }


def finding(code, severity, title, document, quote="", searched=()) -> dict:
    data = {
        "code": code,
        "severity": severity,
        "title": title,
        "message": f"{code} message about {document or 'the bundle'}: {quote or 'nothing quoted'}",
        "documents": [document] if document else list(searched),
        "evidence": [{"document": document, "page": 1, "quote": quote, "location": "page 1"}]
        if document
        else [],
        "action": f"Supply the {code} evidence {IMG}"
        if code == "SUB-002"
        else f"Supply the {code} evidence.",
    }
    if searched:
        data["searched"] = list(searched)
    return data


def write_hostile_bundle(root: Path) -> Path:
    """A bundle whose documents (and one file name) carry script and image tags as text."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "request.yaml").write_text(VALID_REQUEST, encoding="utf-8")
    (root / "consent <img src=x onerror=alert(1)>.txt").write_text(
        f"PARTICIPANT CONSENT FORM {SCRIPT}\n\n"
        f"I agree that my NHS number {IMG} may be sent to NHS Digital. Example NHS number {NHS_NUMBER}.\n",
        encoding="utf-8",
    )
    (root / "privacy.md").write_text(
        f"# Privacy notice {BEACON}\n\nWe are the data controller. {SCRIPT}\n", encoding="utf-8"
    )
    (root / "cag").mkdir(exist_ok=True)
    (root / "cag" / "outcome.txt").write_text(
        f"Confidentiality Advisory Group: final outcome {SCRIPT}\n\n"
        f"The application 14/CAG/1002 was fully supported. {IMG}\n",
        encoding="utf-8",
    )
    return root
