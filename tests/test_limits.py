"""Limits: defaults, set from the command line's options, and named with their option when hit."""

from __future__ import annotations

import contextlib
import time

import pytest

from pipeline.cli import main
from pipeline.errors import LimitExceeded
from pipeline.limits import DEFAULT_LIMITS, MB, Limits, time_limit
from tests.builders import pdf_bytes


def test_limits_defaults_are_the_spec_s() -> None:
    assert DEFAULT_LIMITS.max_file_bytes == 50 * MB and DEFAULT_LIMITS.max_seconds_per_document == 60
    assert DEFAULT_LIMITS.max_pages == 2000 and DEFAULT_LIMITS.max_inflated_bytes == 500 * MB


def test_limits_from_options_change_only_what_was_given() -> None:
    limits = Limits.from_options(max_file_mb=0.5, timeout=2.5)
    assert limits.max_file_bytes == MB // 2 and limits.max_seconds_per_document == 2.5
    assert limits.max_pages == DEFAULT_LIMITS.max_pages and limits.max_inflated_bytes == 500 * MB
    assert Limits.from_options(max_pages=3, max_inflated_mb=1) == Limits(max_pages=3, max_inflated_bytes=MB)


def test_time_limit_names_the_option_and_is_not_lost_when_a_library_swallows_it() -> None:
    def library_call() -> None:
        with contextlib.suppress(Exception):  # as some libraries do around a callback
            time.sleep(0.5)

    started = time.monotonic()
    with (
        pytest.raises(LimitExceeded, match=r"limit of 0.2 s a document \(raise it with --timeout\)"),
        time_limit(0.2, "reading the document"),
    ):
        library_call()  # the first alarm is swallowed in here
        while time.monotonic() - started < 10:
            time.sleep(0.05)  # the alarm repeats, so the block still ends
    assert time.monotonic() - started < 3


def test_time_limit_leaves_no_alarm_behind() -> None:
    with time_limit(0.05, "x"):
        pass
    time.sleep(0.3)  # an alarm left armed would raise here


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--max-pages", "2", "the PDF has 3 pages, over the limit of 2 (raise it with --max-pages)"),
        ("--max-file-mb", "0.001", "over the limit of 0.001 MB a file (raise it with --max-file-mb)"),
    ],
)
def test_limit_options_of_check_are_applied_and_reported(capsys, tmp_path, option, value, reason) -> None:
    (tmp_path / "long.pdf").write_bytes(pdf_bytes([["one"], ["two"], ["three"]]))
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path), option, value])
    out = " ".join(capsys.readouterr().out.split())
    assert exit_info.value.code == 1 and reason in out


def test_limit_option_out_of_range_is_a_usage_error(capsys, tmp_path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path), "--timeout", "0"])
    assert exit_info.value.code == 2 and "--timeout" in capsys.readouterr().err
