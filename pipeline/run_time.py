"""The time of the run, as every view's header shows it.

A report that carries the clock is no longer byte-identical from run to run, which tests and
reviewers comparing two runs rely on. So, as reproducible builds do (https://reproducible-builds.org/
docs/source-date-epoch/), SOURCE_DATE_EPOCH (seconds since 1970, UTC) stands in for the clock
when it is set; a value that is not a whole number of seconds is an error, not ignored.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from pipeline.errors import UsageError


def run_time(environ: dict[str, str] | None = None) -> str:
    """Now, or SOURCE_DATE_EPOCH, in UTC to the second: `2026-12-06T13:05:00Z`."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():
        try:
            moment = datetime.fromtimestamp(int(epoch.strip()), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}"
            ) from None
    else:
        moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
