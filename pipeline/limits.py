"""Limits that keep one hostile or enormous file from holding up a bundle or a batch.

Five of them are set from the command line (`LIMIT_OPTIONS`); a message about one of those names
the option that raises it, so a reviewer who trusts the file knows what to do.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.errors import LimitExceeded

MB = 1024 * 1024

# The field of Limits -> the command-line option that sets it.
LIMIT_OPTIONS = {
    "max_file_bytes": "--max-file-mb",
    "max_pages": "--max-pages",
    "max_seconds_per_document": "--timeout",
    "max_inflated_bytes": "--max-inflated-mb",
    "max_memory_bytes": "--max-memory-mb",
    "max_members": "--max-members",
}


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 50 * MB  # bundle.md: default limit 50 MB a file
    max_seconds_per_document: float = 60.0  # bundle.md: default 60 s a document
    max_pages: int = 2000
    max_inflated_bytes: int = 500 * MB  # total a .zip bundle or one DOCX may inflate to
    max_compression_ratio: float = 200.0  # per zip member; real DOCX parts stay far below
    max_members: int = 10_000  # files in a .zip bundle or parts in a DOCX
    max_text_chars: int = 20_000_000  # text kept from one document
    # Memory one document's reading may take, enforced on the worker that reads it (pipeline.isolation).
    max_memory_bytes: int = 1024 * MB

    @classmethod
    def from_options(
        cls,
        max_file_mb: float | None = None,
        max_pages: int | None = None,
        timeout: float | None = None,
        max_inflated_mb: float | None = None,
        max_memory_mb: float | None = None,
    ) -> Limits:
        """The defaults, with whichever of the command line's limit options were given."""
        given = {
            "max_file_bytes": None if max_file_mb is None else int(max_file_mb * MB),
            "max_pages": max_pages,
            "max_seconds_per_document": timeout,
            "max_inflated_bytes": None if max_inflated_mb is None else int(max_inflated_mb * MB),
            "max_memory_bytes": None if max_memory_mb is None else int(max_memory_mb * MB),
        }
        return cls(**{name: value for name, value in given.items() if value is not None})


DEFAULT_LIMITS = Limits()


def megabytes(size: int) -> str:
    """A size in MB as a reader wants it: `50 MB`, `61.2 MB`, `0.001 MB`."""
    value = size / MB
    return f"{round(value, 1 if value >= 1 else 3):g} MB"


def raise_with(field: str) -> str:
    """`(raise it with --max-pages)`: how to raise the limit `field` of Limits."""
    return f"(raise it with {LIMIT_OPTIONS[field]})"


def over_file_size(size: int, limits: Limits) -> str:
    return (
        f"the file is {megabytes(size)}, over the limit of {megabytes(limits.max_file_bytes)} a file "
        + raise_with("max_file_bytes")
    )


def over_memory(limits: Limits) -> str:
    return (
        f"reading the document went over the memory limit of {limits.max_memory_bytes // MB:,} MB "
        + raise_with("max_memory_bytes")
    )


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise LimitExceeded in this thread when the block runs longer than `seconds`.

    Uses SIGALRM, so it works in the main thread of a process (the command line and each batch
    worker); elsewhere it does nothing rather than interfere with the host program. The alarm
    repeats every second until the block ends, so a library that swallows the first exception
    (an `except Exception` around a callback) cannot run on unbounded.
    """
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    armed = True

    def on_alarm(signum, frame):  # noqa: ARG001
        if armed:  # once the block is over, a late alarm must not raise somewhere else
            raise LimitExceeded(
                f"{what} took longer than the limit of {seconds:g} s a document "
                + raise_with("max_seconds_per_document")
            )

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, min(seconds, 1.0))
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
