"""The sample cohort files (sample_docs/cohorts): each plants its codes and nothing else, through the
command line, and the generator rewrites them byte for byte."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
COHORTS = SAMPLES / "cohorts"
KEYS = json.loads((COHORTS / "keys.json").read_text())


@pytest.mark.parametrize("name", sorted(KEYS))
def test_sample_cohort_reports_exactly_its_codes(name: str, capsys) -> None:
    key = KEYS[name]
    request = (COHORTS / key["request"]).resolve()
    with pytest.raises(SystemExit) as done:
        main(
            [
                "cohort",
                str(COHORTS / name),
                "--request",
                str(request),
                "--format",
                "json",
                "--as-of",
                key["as_of"],
            ]
        )
    report = json.loads(capsys.readouterr().out)
    assert sorted({f["code"] for f in report["findings"]}) == key["expect"], report["findings"]
    assert done.value.code == (1 if any(f["severity"] == "error" for f in report["findings"]) else 0)
    if request.is_dir():
        assert "COH-004" not in {s["code"] for s in report["skipped"]}


def test_every_cohort_code_is_planted() -> None:
    from checks import cohort_checks

    planted = {code for key in KEYS.values() for code in key["expect"]}
    assert planted == {check.code for check in cohort_checks()}


def test_sample_cohorts_regenerate_byte_for_byte() -> None:
    sys.path.insert(0, str(SAMPLES))
    from generator.cohorts import files

    for name, text in files().items():
        assert (COHORTS / name).read_bytes() == text.encode("utf-8"), name
    assert sorted(p.relative_to(COHORTS).as_posix() for p in COHORTS.rglob("*") if p.is_file()) == sorted(
        files()
    )
