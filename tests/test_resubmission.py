"""A resubmission through the command line (report.md, "Resubmissions", "Accepted findings"): the
sample `s251-org-gaps-v2` fixes ORG-001, adds a newsletter and breaks DATA-001 (mhsds); the sample
acceptance file accepts ORG-002, and the acceptance carries to v2, where its fingerprint is the same."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLES = ROOT / "sample_docs" / "bundles"
ACCEPT = ROOT / "sample_docs" / "acceptances" / "s251-org-gaps.accept.yaml"
ADDED = "cohort/CAPRA-News-issue-4.pdf"


def run(*args: str) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main([str(arg) for arg in args])
    return exit_info.value.code


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    """v1 and v2 with the acceptance file, and v2 against v1 in every view; with each exit status."""
    mp = pytest.MonkeyPatch()
    mp.setenv("DARS_EVIDENCE_IN_PROCESS", "1")
    out = tmp_path_factory.mktemp("resubmission")
    found = {"dir": out}
    try:
        found["v1 status"] = run(
            "check", BUNDLES / "s251-org-gaps", "--accept", ACCEPT, "-o", out / "v1.json"
        )
        found["v2 status"] = run(
            "check", BUNDLES / "s251-org-gaps-v2", "--accept", ACCEPT, "-o", out / "v2.json"
        )
        for fmt in ("json", "text", "html", "md"):
            run(
                *("check", BUNDLES / "s251-org-gaps-v2", "--accept", ACCEPT, "--baseline", out / "v1.json"),
                *("--format", fmt, "-o", out / f"changes.{fmt}"),
            )
            found[fmt] = (out / f"changes.{fmt}").read_text(encoding="utf-8")
    finally:
        mp.undo()
    found["v1"] = json.loads((out / "v1.json").read_text())
    found["v2"] = json.loads((out / "v2.json").read_text())
    return found


def by_code(report: dict) -> dict[str, dict]:
    return {f["code"]: f for f in report["findings"]}


def test_resubmission_json_shows_exactly_the_changes(reports):
    changes = json.loads(reports["json"])["changes"]
    v1, v2 = by_code(reports["v1"]), by_code(reports["v2"])
    assert changes["baseline"] == "v1.json"
    assert [(f["code"], f["fingerprint"]) for f in changes["resolved"]] == [
        ("ORG-001", v1["ORG-001"]["fingerprint"])
    ]
    assert [(f["code"], f["fingerprint"]) for f in changes["new"]] == [
        ("DATA-001", v2["DATA-001"]["fingerprint"])
    ]
    assert [(f["code"], f["fingerprint"]) for f in changes["still_open"]] == [
        ("ORG-002", v1["ORG-002"]["fingerprint"])
    ]
    assert "mhsds" in changes["new"][0]["message"]
    documents = changes["documents"]
    assert [d["path"] for d in documents["added"]] == [ADDED]
    assert documents["removed"] == []
    # the request changed too (the DSFC given, mhsds added): compared by its sha256 like a document
    assert [d["path"] for d in documents["changed"]] == ["request.yaml"]
    assert documents["changed"][0]["sha256"] == reports["v2"]["bundle"]["request_sha256"]
    assert documents["changed"][0]["baseline_sha256"] == reports["v1"]["bundle"]["request_sha256"]
    added = next(d for d in reports["v2"]["documents"] if d["path"] == ADDED)
    assert documents["added"][0]["sha256"] == added["sha256"]


def test_resubmission_acceptance_carries_across(reports):
    v1, v2 = by_code(reports["v1"]), by_code(reports["v2"])
    for report in (v1, v2):
        assert report["ORG-002"]["accepted"]["by"] == "A. Reviewer"
        assert "DSPT" in report["ORG-002"]["accepted"]["reason"]
    assert "accepted" not in v2["DATA-001"] and "accepted" not in v1["ORG-001"]
    assert reports["v1"]["summary"]["accepted"] == reports["v2"]["summary"]["accepted"] == 1
    assert reports["v1"]["unused_acceptances"] == reports["v2"]["unused_acceptances"] == []
    # v1: ORG-001 is an error; v2: the only counted finding is DATA-001, a warning
    assert (reports["v1"]["summary"]["verdict"], reports["v1 status"]) == ("not_ready", 1)
    assert (reports["v2"]["summary"]["verdict"], reports["v2 status"]) == ("needs_review", 0)
    assert reports["v2"]["summary"]["warnings"] == 1


def test_resubmission_text_leads_with_the_changes(reports):
    text = reports["text"]
    changes = text.index("Changes since v1.json: 1 resolved, 1 new, 1 still open")
    assert text.startswith("NEEDS REVIEW") and changes < text.index("Warnings:") < text.index("Accepted (1")
    block = text[changes : text.index("Warnings:")]
    assert "resolved    ORG-001" in block and "new         DATA-001" in block
    assert "still open  ORG-002" in block and "(accepted)" in block and f"document added: {ADDED}" in block
    assert "document changed: request.yaml" in block
    accepted = text[text.index("Accepted (1") : text.index("Documents:")]
    assert "ORG-002" in accepted and "A. Reviewer" in accepted
    assert "ORG-002" not in text[text.index("Warnings:") : text.index("Accepted (1")]


def test_resubmission_html_shows_the_changes_after_the_verdict(reports):
    html = reports["html"]
    verdict, changes = html.index('id="verdict"'), html.index('id="changes"')
    asks, findings = html.index('id="asks"'), html.index('class="findings-heading')
    assert verdict < changes < asks < findings < html.index('id="accepted"')
    block = html[changes:asks]
    for words in ("Resolved", "ORG-001", "New", "DATA-001", "Still open", "ORG-002", ADDED, "accepted"):
        assert words in block, words
    assert "ORG-002" not in html[findings : html.index('id="accepted"')]


def test_resubmission_markdown_shows_the_changes_after_the_header(reports):
    md = reports["md"]
    changes = md.index("## Changes since v1.json")
    asks = md.index("## What to ask the applicant")
    assert md.index("## Verdict") < changes < asks < md.index("### Areas") < md.index("## Warnings")
    block = md[changes:asks]
    assert "**Resolved**" in block and "ORG\\-001" not in block and "ORG-001" in block
    assert "DATA-001" in block and "ORG-002" in block and "CAPRA\\-News\\-issue\\-4.pdf" not in block
    assert "CAPRA-News-issue-4.pdf" in block
    accepted = md[md.index("## Accepted (1") : md.index("## Documents")]
    assert "ORG-002" in accepted and "A. Reviewer" in accepted


def test_diff_prints_the_same_comparison(reports, capsys):
    out = reports["dir"]
    assert run("diff", out / "v1.json", out / "v2.json", "--format", "json") == 1  # a new finding
    printed = json.loads(capsys.readouterr().out)
    expected = json.loads(reports["json"])["changes"]
    assert {k: printed[k] for k in expected} == expected and printed["report"] == "v2.json"
    assert run("diff", out / "v1.json", out / "v2.json") == 1
    text = capsys.readouterr().out
    assert text.startswith("v2.json: changes since v1.json: 1 resolved, 1 new, 1 still open")
    assert run("diff", out / "v2.json", out / "v2.json", "--format", "md") == 0  # nothing new
    assert "0 resolved, 0 new, 2 still open" in capsys.readouterr().out


def test_diff_refuses_a_file_that_is_not_a_report(tmp_path, capsys):
    (tmp_path / "old.json").write_text('{"findings": [{"code": "DOC-001"}]}')
    (tmp_path / "notes.txt").write_text("hello")
    assert run("diff", tmp_path / "old.json", tmp_path / "old.json") == 2
    assert "without fingerprints" in capsys.readouterr().err
    assert run("diff", tmp_path / "notes.txt", tmp_path / "old.json") == 2
    err = capsys.readouterr().err
    assert "is not a JSON report" in err and len(err.strip().splitlines()) == 1


def test_sample_acceptance_file_is_the_generators():
    sys.path.insert(0, str(ROOT / "sample_docs"))
    try:
        from generator.acceptances import ACCEPT_FILE, ACCEPT_TEXT
    finally:
        sys.path.remove(str(ROOT / "sample_docs"))
    assert ACCEPT.name == ACCEPT_FILE and ACCEPT.read_text(encoding="utf-8") == ACCEPT_TEXT


def test_diff_of_two_requests_says_so(reports, capsys):
    out = reports["dir"]
    other = json.loads((out / "v1.json").read_text())
    other["bundle"]["reference"] = "DARS-NIC-000001-AAAAA"
    (out / "other.json").write_text(json.dumps(other))
    assert run("diff", out / "other.json", out / "v2.json", "--format", "json") == 1
    assert "DARS-NIC-000001-AAAAA" in json.loads(capsys.readouterr().out)["note"]
    run("diff", out / "other.json", out / "v2.json")
    assert "not the same request" in capsys.readouterr().out.splitlines()[1]
    assert "note" not in json.loads(reports["json"])["changes"]
