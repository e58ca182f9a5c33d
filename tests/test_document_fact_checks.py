"""Issue 16's document facts end to end: documents built in code, checked and extracted through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from tests.builders import VALID_REQUEST, pdf_bytes


def run(capsys, *args: str) -> tuple[int, dict]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, json.loads(capsys.readouterr().out)


def bundle(tmp_path: Path, request_changes: dict, documents: dict[str, list[str]]) -> Path:
    root = tmp_path / "bundle"
    (root / "cag").mkdir(parents=True)
    request = yaml.safe_load(VALID_REQUEST)
    request.update(request_changes)
    (root / "request.yaml").write_text(yaml.safe_dump(request, sort_keys=False, default_flow_style=False))
    for name, paragraphs in documents.items():
        (root / name).write_bytes(pdf_bytes([paragraphs]))
    return root


CAG_LETTER = [
    "Health Research Authority, Confidentiality Advisory Group",
    "CAG reference: 14/CAG/1002",
    "Dear Dr Smith,",
    "Application title: Long-term outcomes of childhood asthma. Final outcome: the application was fully supported.",
    "Support is given until 31 December 2030.",
    "Confirmed: The NHS England 2021/22 DSPT review for the University of Bristol was confirmed as "
    "'Standards Met' on the NHS England DSPT tracker.",
]
PROTOCOL = [
    "Study protocol, version 2.0, 1 March 2024.",
    "Two statisticians will access the linked data under honorary contracts with the University of Bristol.",
    "The sponsor may use the study's findings for commercial purposes.",
]


def test_document_facts_fire_their_checks_with_quoted_evidence(capsys, tmp_path: Path) -> None:
    datasets = [{"id": "hes_apc", "start": "2008-04-01", "release": "future_drops"}]
    root = bundle(tmp_path, {"datasets": datasets}, {"cag/outcome.pdf": CAG_LETTER, "protocol.pdf": PROTOCOL})
    _, report = run(capsys, "check", str(root), "--format", "json", "--as-of", "2024-09-16")
    findings = {f["code"]: f for f in report["findings"]}
    assert {"MIN-006", "SEC-002", "HON-002", "PUR-007"} <= set(findings)
    assert "2030-12-31" in findings["MIN-006"]["message"]
    assert "2021-22, not current" in findings["SEC-002"]["message"]
    quotes = {code: " ".join(e["quote"] for e in f["evidence"]) for code, f in findings.items()}
    assert "honorary contracts" in quotes["HON-002"]
    assert "commercial purposes" in quotes["PUR-007"]
    assert "2021/22 DSPT review" in quotes["SEC-002"]


def test_document_facts_quiet_when_the_request_declares_them(capsys, tmp_path: Path) -> None:
    changes = {
        "commercial": True,
        "honorary_contracts": {"used": True},
        "organisations": [
            {
                "name": "University of Bristol",
                "roles": ["controller"],
                "dsfc": True,
                "processing_locations": ["England"],
                "security": {"dspt": {"status": "standards_met", "year": "2024-25"}},
            }
        ],
    }
    root = bundle(tmp_path, changes, {"cag/outcome.pdf": CAG_LETTER, "protocol.pdf": PROTOCOL})
    _, report = run(capsys, "check", str(root), "--format", "json", "--as-of", "2024-09-16")
    codes = {f["code"] for f in report["findings"]}
    assert not codes & {"MIN-006", "SEC-002", "SEC-003", "HON-002", "PUR-007"}, codes


def test_extract_shows_the_new_facts_with_their_evidence(capsys, tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    path.write_bytes(pdf_bytes([[*PROTOCOL, CAG_LETTER[-1]]]))
    _, extracted = run(capsys, "extract", str(path), "--format", "json")
    facts = {fact["name"]: fact for fact in extracted["document"]["facts"]}
    assert (
        facts["honorary_contract"]["page"] == 1
        and "honorary contracts" in facts["honorary_contract"]["quote"]
    )
    assert facts["commercial_mention"]["value"] == "use"
    assert facts["dspt_statement"]["detail"] == {
        "organisations": ["University of Bristol"],
        "year": "2021-22",
    }
