"""Settings for the whole test session."""

from __future__ import annotations

import os


def pytest_configure(config) -> None:  # noqa: ARG001
    """The cache of parsed documents is off unless a test turns it on (tests/test_cache.py): a test
    must not pass or fail by what an earlier run left there, nor write under the user's home. The
    command-line processes the tests start inherit this."""
    os.environ["DARS_EVIDENCE_NO_CACHE"] = "1"
    # Reports carry the time of the run; a fixed one keeps them byte-identical from run to run, so
    # the tests that compare two reports (batch against check, cache on against off) compare content.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1796558400")  # 2026-12-06T12:00:00Z
