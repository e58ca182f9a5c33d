"""The service's timestamps: UTC, ISO 8601, to the second."""

from datetime import UTC, datetime


def now_stamp() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
