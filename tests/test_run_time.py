"""The time of the run in every report, and SOURCE_DATE_EPOCH standing in for the clock."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import UsageError
from pipeline.run_time import run_time

SAMPLE = Path(__file__).resolve().parent.parent / "sample_docs" / "bundles" / "s251-baseline"


def test_run_time_is_the_clock_in_utc_without_source_date_epoch() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", run_time({}))


def test_run_time_takes_source_date_epoch() -> None:
    assert run_time({"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01T00:00:00Z"
    assert run_time({"SOURCE_DATE_EPOCH": " 1796558400\n"}) == "2026-12-06T12:00:00Z"


@pytest.mark.parametrize("value", ["yesterday", "1.5", "99999999999999999999"])
def test_run_time_refuses_a_malformed_source_date_epoch(value: str) -> None:
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH must be a whole number of seconds"):
        run_time({"SOURCE_DATE_EPOCH": value})


def test_check_with_a_malformed_source_date_epoch_exits_2(monkeypatch, capsys) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(SystemExit) as stop:
        main(["check", str(SAMPLE), "--format", "json"])
    assert stop.value.code == 2 and "SOURCE_DATE_EPOCH" in capsys.readouterr().err


def test_two_runs_with_source_date_epoch_are_byte_identical(capsys) -> None:
    outputs = []
    for _ in range(2):
        with pytest.raises(SystemExit):
            main(["check", str(SAMPLE), "--format", "json"])
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and '"generated": "2026-12-06T12:00:00Z"' in outputs[0]
