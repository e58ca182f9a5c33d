"""Every check's cases, written as data. `pytest -k DOC-006` runs one check's cases."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from checks import all_checks, cohort_checks, find_check
from checks.base import BUNDLE
from pipeline.findings import Finding, Skip
from tests.checks.case_builder import build_context

CASES_DIR = Path(__file__).parent / "cases"


COHORT_CODES = {check.code for check in cohort_checks()}  # their cases run in test_cohort_cases.py


def load_cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        code = path.stem
        if code in COHORT_CODES:
            continue
        content = yaml.safe_load(path.read_text())
        for group in ("fires", "passes"):
            for case in content.get(group, []):
                params.append(pytest.param(code, group, case, id=f"{code}-{group}-{case['name']}"))
    return params


@pytest.mark.parametrize(("code", "group", "case"), load_cases())
def test_check_case(code: str, group: str, case: dict) -> None:
    check = find_check(code)
    assert check is not None, f"no registered check {code}"
    ctx = build_context(case)
    skip = check.skip_reason(ctx)
    results = [] if skip else list(check.results(ctx))
    findings = [item for item in results if isinstance(item, Finding)]
    undecided = [item.reason for item in results if isinstance(item, Skip)]
    if group == "fires":
        assert skip is None, f"{code} was skipped: {skip}"
        assert len(findings) == case.get("count", 1), [f.message for f in findings]
        for fragment in case.get("message_contains", []):
            assert any(fragment in f.message for f in findings), (fragment, [f.message for f in findings])
        for fragment in case.get("action_contains", []):
            assert all(fragment in f.action for f in findings), (fragment, [f.action for f in findings])
        for fragment in case.get("action_lacks", []):
            assert all(fragment not in f.action for f in findings), (fragment, [f.action for f in findings])
        for finding in findings:
            assert finding.code == code
            assert finding.evidence or finding.searched
        # each finding is about its own subject (report.md, "Fingerprints"): two never share one
        assert len({f.fingerprint for f in findings}) == len(findings), [f.subject for f in findings]
        if check.about == BUNDLE:  # a check whose findings have no subject of their own fires once at most
            assert len(findings) <= 1, f"{code} fires more than once a bundle: declare `about`"
    else:
        assert findings == [], [f.message for f in findings]
        if "skipped_because" in case:
            assert skip is not None and case["skipped_because"] in skip, skip
    # A finding held back because a document that could not be read may answer it (checks.md):
    # the check says so among the skipped, never "not in the bundle".
    for fragment in case.get("undecided_because", []):
        assert any(fragment in reason for reason in undecided), (fragment, undecided)
    if group == "passes" and "undecided_because" not in case:
        assert undecided == [], undecided


def test_every_check_has_firing_and_passing_cases() -> None:
    missing = []
    for check in all_checks():
        path = CASES_DIR / f"{check.code}.yaml"
        content = yaml.safe_load(path.read_text()) if path.exists() else {}
        if not content.get("fires") or not content.get("passes"):
            missing.append(check.code)
    assert missing == [], f"checks without both firing and passing cases: {missing}"


def test_every_check_documents_itself() -> None:
    for check in all_checks():
        assert check.code and check.title and check.rule and check.action
        for field in dataclasses.fields(check.doc):
            value = getattr(check.doc, field.name)
            assert value and len(value) > 10, f"{check.code}: doc field {field.name} is empty"
