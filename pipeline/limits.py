"""Limits that keep one hostile or enormous file from holding up a bundle or a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.errors import LimitExceeded

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 50 * MB  # bundle.md: default limit 50 MB a file
    max_seconds_per_document: float = 60.0  # bundle.md: default 60 s a document
    max_pages: int = 2000
    max_inflated_bytes: int = 500 * MB  # total a .zip bundle or one DOCX may inflate to
    max_compression_ratio: float = 200.0  # per zip member; real DOCX parts stay far below
    max_members: int = 10_000  # files in a .zip bundle or parts in a DOCX
    max_text_chars: int = 20_000_000  # text kept from one document


DEFAULT_LIMITS = Limits()


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise LimitExceeded in this thread when the block runs longer than `seconds`.

    Uses SIGALRM, so it works in the main thread of a process (the command line and each batch
    worker); elsewhere it does nothing rather than interfere with the host program.
    """
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):  # noqa: ARG001
        raise LimitExceeded(f"{what} took longer than the limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
