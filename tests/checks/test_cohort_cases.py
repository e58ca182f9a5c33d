"""The COH checks' cases, written as data (tests/checks/cases/COH-*.yaml), run on a real file.

A case is a cohort file (`csv`: its text; or `raw`: its bytes, `!!binary`; `encoding` to write the
text in another encoding; `repeat_row` to append many rows; `file_name`, default NIC-123456_cohort.csv, the valid request's NIC), a
request as in the other cases (`request: valid` for the valid example, `request_changes`,
`request_text`; none by default),
a bundle's `documents` (then COH-004 reads them), `as_of` (default 2024-05-01), `max_file_mb`, and
the expectations: `count`, `message_contains`, `rows` (the first finding's), `skipped_because`.

    fires:
      - name: check digit
        csv: |
          STUDY ID,STATUS,DOB,NHS_NO
          S1,add,1990-01-01,9434765918
        message_contains: [check digit]
        rows: [2]
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from checks import cohort_checks, find_check
from checks.coh.base import CohortContext
from checks.context import CheckContext
from pipeline.cohort.run import DEFAULT_MAX_COHORT_MB
from pipeline.cohort.scan import scan_cohort
from pipeline.limits import MB
from tests.checks.case_builder import build_document, build_request

CASES_DIR = Path(__file__).parent / "cases"
COHORT_CODES = sorted(check.code for check in cohort_checks())


def load_cases() -> list:
    params = []
    for code in COHORT_CODES:
        content = yaml.safe_load((CASES_DIR / f"{code}.yaml").read_text())
        for group in ("fires", "passes"):
            for case in content.get(group, []):
                params.append(pytest.param(code, group, case, id=f"{code}-{group}-{case['name']}"))
    return params


def write_file(case: dict, folder: Path) -> Path:
    path = folder / case.get("file_name", "NIC-123456_cohort.csv")
    if "raw" in case:
        path.write_bytes(case["raw"])
    else:
        text = case["csv"]
        if "repeat_row" in case:  # many rows: `{row: "...", times: 25}` appended
            text += (case["repeat_row"]["row"] + "\n") * case["repeat_row"]["times"]
        path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    return path


def build_cohort_context(case: dict, folder: Path) -> CohortContext:
    as_of = date.fromisoformat(str(case.get("as_of", "2024-05-01")))
    max_bytes = int(case.get("max_file_mb", DEFAULT_MAX_COHORT_MB) * MB)
    scan = scan_cohort(write_file(case, folder), as_of, max_bytes)
    request = (
        build_request(case)
        if {"request_changes", "request_text"} & case.keys() or (case.get("request") == "valid")
        else None
    )
    bundle = None
    if "documents" in case:
        bundle = CheckContext(tuple(build_document(spec) for spec in case["documents"]), request, as_of)
    return CohortContext(scan, request, bundle)


@pytest.mark.parametrize(("code", "group", "case"), load_cases())
def test_cohort_case(code: str, group: str, case: dict, tmp_path: Path) -> None:
    check = find_check(code)
    ctx = build_cohort_context(case, tmp_path)
    skip = check.cohort_skip_reason(ctx)
    findings = [] if skip else list(check.check_cohort(ctx))
    if group == "fires":
        assert skip is None, f"{code} was skipped: {skip}"
        assert len(findings) == case.get("count", 1), [f.message for f in findings]
        for fragment in case.get("message_contains", []):
            assert any(fragment in f.message for f in findings), (fragment, [f.message for f in findings])
        if "rows" in case:
            assert findings[0].rows.first == case["rows"], findings[0].rows
        for finding in findings:
            assert finding.code == code and finding.evidence
    else:
        assert findings == [], [f.message for f in findings]
        if "skipped_because" in case:
            assert skip is not None and case["skipped_because"] in skip, skip


def test_cohort_checks_never_run_on_a_bundle() -> None:
    from checks import bundle_checks

    assert not {check.code for check in bundle_checks()} & set(COHORT_CODES)
