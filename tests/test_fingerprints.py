"""Finding fingerprints (report.md, "Fingerprints"): a hash of a finding's code and subject, so the same
problem keeps its fingerprint across re-runs, a renamed file and a re-typeset letter, and two problems
of one code never share one."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from checks import distinct_fingerprints
from pipeline.findings import Evidence, Finding, Severity, fingerprint
from pipeline.run import check_path

ROOT = Path(__file__).resolve().parents[1]
BUNDLES = ROOT / "sample_docs" / "bundles"
LETTER = "cag/23-CAG-0088 outcome letter.pdf"


@pytest.fixture(autouse=True)
def in_process(monkeypatch):
    monkeypatch.setenv("DARS_EVIDENCE_IN_PROCESS", "1")


def fingerprints(report: dict) -> dict[str, str]:
    return {f["fingerprint"]: f["code"] for f in report["findings"]}


def test_fingerprint_hashes_code_and_subject_only():
    one = Finding(
        "DATA-001", Severity.WARNING, "t", "hes_apc is requested", "a", (Evidence("a.pdf", "x", 1),)
    )
    moved = replace(one, message="other words", evidence=(Evidence("b.pdf", "y", 9),))
    assert one.fingerprint == moved.fingerprint == fingerprint("DATA-001", "")
    assert (
        replace(one, subject="dataset: hes_op").fingerprint
        != replace(one, subject="dataset: hes_apc").fingerprint
    )
    assert fingerprint("DATA-001", "dataset: X") == fingerprint("data-001", "Dataset:  x")
    assert one.to_dict()["fingerprint"] == one.fingerprint and len(one.fingerprint) == 16


def test_fingerprint_repeated_subject_is_numbered_apart():
    one = Finding(
        "DOC-001", Severity.ERROR, "t", "m", "a", (Evidence("a.pdf"),), subject="document: sha256 1"
    )
    two = replace(one, message="n", evidence=(Evidence("b.pdf"),))
    first, second = distinct_fingerprints([one, two])
    assert first.fingerprint == one.fingerprint and second.fingerprint != first.fingerprint


def test_fingerprints_of_every_sample_bundle_are_distinct_per_finding():
    seen = Counter()
    for bundle in sorted(BUNDLES.iterdir()):
        if bundle.name in ("keys.json", "broken-archive.zip"):
            continue
        findings = check_path(bundle).to_dict()["findings"]
        assert len({f["fingerprint"] for f in findings}) == len(findings), bundle.name
        seen.update(f["code"] for f in findings)
    assert sum(seen.values()) > 40 and seen["DATA-001"] > 3  # many codes, and one that fires often


def test_fingerprints_survive_a_rerun_and_a_renamed_file(tmp_path):
    source = BUNDLES / "consent-no-linkage"  # CON-003 and three DATA-001, one per dataset
    before = check_path(source).to_dict()
    copy = shutil.copytree(source, tmp_path / "resubmitted")
    for path in sorted(p for p in copy.rglob("*.pdf")):
        path.rename(path.with_name("renamed-" + path.name))
    after = check_path(copy).to_dict()
    assert fingerprints(before) == fingerprints(check_path(source).to_dict())
    assert fingerprints(after) == fingerprints(before)
    assert {d["path"] for d in after["documents"]} != {d["path"] for d in before["documents"]}
    assert Counter(fingerprints(before).values()) == {"CON-003": 1, "DATA-001": 3}


def test_fingerprints_survive_a_retypeset_letter(tmp_path):
    """The CAG letter printed again in a larger type: other bytes, other page breaks, same problems."""
    source = BUNDLES / "s251-identifier-not-covered"  # S251-004, quoting the letter by page
    copy = shutil.copytree(source, tmp_path / "retypeset")
    (copy / LETTER).write_bytes(retypeset_letter(size=14))
    before, after = check_path(source).to_dict(), check_path(copy).to_dict()

    def pages(report):
        return sorted(e["page"] for f in report["findings"] for e in f["evidence"] if e["document"] == LETTER)

    assert (source / LETTER).read_bytes() != (copy / LETTER).read_bytes()
    assert pages(before) != pages(after)  # the quotes moved to other pages
    assert fingerprints(after) == fingerprints(before) and "S251-004" in fingerprints(before).values()


def retypeset_letter(size: float) -> bytes:
    sys.path.insert(0, str(ROOT / "sample_docs"))
    try:
        from generator.baselines import capra
        from generator.bundle import doc
        from generator.pdf_layout import render_pdf
    finally:
        sys.path.remove(str(ROOT / "sample_docs"))
    bundle = capra()
    layout = doc(bundle, LETTER).layout(bundle.study)
    return render_pdf(replace(layout, size=size))
