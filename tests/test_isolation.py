"""Documents are read in a worker process with hard limits (pipeline.isolation).

The worker is forked from this process, so a function patched here (a parser that aborts, sleeps
where no Python timer can reach it, or asks for too much memory) is what the worker runs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import time

import pytest

import pipeline.isolation
import pipeline.load
from pipeline.isolation import DocumentReader
from pipeline.limits import MB, Limits
from pipeline.load import parse_and_extract
from pipeline.model import Status
from pipeline.report import document_dict
from tests.builders import docx_bytes, pdf_bytes

LETTER = pdf_bytes(
    [["Confidentiality Advisory Group", "Dear Dr Smith", "Reference: 23/CAG/0088", "Yours sincerely"]]
)
NOTICE = docx_bytes(["Privacy notice", "Version 1.0, 6 March 2023", "We will receive your NHS number."])
REAL_PARSE = pipeline.load.parse


@pytest.fixture(autouse=True)
def _forked_workers(monkeypatch):
    """The workers are forked, so the patches reach them, even where an earlier test left an idle
    thread behind (a web framework's worker thread), which would make the reader use a fork server."""
    monkeypatch.setattr(pipeline.isolation, "_context", lambda: multiprocessing.get_context("fork"))


def read(reader: DocumentReader, path: str, data: bytes):
    return reader.read(path, data, hashlib.sha256(data).hexdigest())


def patch_parse(monkeypatch, path: str, misbehave) -> None:
    """The parser misbehaves for the file `path` only."""

    def parse(name, data, limits):
        if name == path:
            misbehave()
        return REAL_PARSE(name, data, limits)

    monkeypatch.setattr(pipeline.load, "parse", parse)


def test_a_document_read_in_the_worker_has_the_facts_it_has_here() -> None:
    limits = Limits()
    with DocumentReader(limits) as reader:
        for path, data in (("letter.pdf", LETTER), ("notice.docx", NOTICE)):
            isolated = read(reader, path, data)
            here = parse_and_extract(path, data, hashlib.sha256(data).hexdigest(), limits)
            assert isolated.status is Status.OK
            assert document_dict(isolated) == document_dict(here)


def test_a_crash_costs_that_document_only(monkeypatch) -> None:
    patch_parse(monkeypatch, "crash.pdf", os.abort)
    with DocumentReader(Limits()) as reader:
        crashed = read(reader, "crash.pdf", LETTER)
        after = read(reader, "letter.pdf", LETTER)
    assert crashed.status is Status.UNREADABLE and crashed.facts is not None
    assert "stopped its reader process (SIGABRT)" in crashed.reason
    assert "memory limit of 1,024 MB (raise it with --max-memory-mb)" in crashed.reason
    assert after.status is Status.OK and "23/CAG/0088" in after.facts.references.get("cag", [])


def test_memory_over_the_cap_is_named_with_its_option(monkeypatch) -> None:
    patch_parse(monkeypatch, "greedy.pdf", lambda: bytearray(512 * MB))
    with DocumentReader(Limits(max_memory_bytes=128 * MB)) as reader:
        greedy = read(reader, "greedy.pdf", LETTER)
        after = read(reader, "letter.pdf", LETTER)
    assert greedy.status is Status.UNREADABLE
    assert greedy.reason == (
        "reading the document went over the memory limit of 128 MB (raise it with --max-memory-mb)"
    )
    assert after.status is Status.OK


def test_the_same_allocation_passes_under_a_higher_cap(monkeypatch) -> None:
    """The near miss: the cap, not the allocation, made the document unreadable."""
    patch_parse(monkeypatch, "greedy.pdf", lambda: bytearray(64 * MB))
    with DocumentReader(Limits(max_memory_bytes=512 * MB)) as reader:
        assert read(reader, "greedy.pdf", LETTER).status is Status.OK


def _stuck_where_no_timer_reaches() -> None:
    """Like a long call inside PDFium: the time limit's signal cannot interrupt it."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(30)


def test_a_document_stuck_in_a_library_call_is_killed_at_the_time_limit(monkeypatch) -> None:
    patch_parse(monkeypatch, "stuck.pdf", _stuck_where_no_timer_reaches)
    with DocumentReader(Limits(max_seconds_per_document=0.5)) as reader:
        started = time.monotonic()
        stuck = read(reader, "stuck.pdf", LETTER)
        elapsed = time.monotonic() - started
        after = read(reader, "letter.pdf", LETTER)
    assert stuck.status is Status.UNREADABLE
    assert stuck.reason == (
        "reading the document took longer than the limit of 0.5 s a document (raise it with --timeout)"
    )
    assert elapsed < 5, elapsed  # the limit plus the grace, not the 30 s the call would take
    assert after.status is Status.OK


def test_a_slow_but_interruptible_parse_meets_the_soft_limit_and_the_worker_lives(monkeypatch) -> None:
    pids = []
    patch_parse(monkeypatch, "slow.pdf", lambda: time.sleep(30))
    with DocumentReader(Limits(max_seconds_per_document=0.3)) as reader:
        slow = read(reader, "slow.pdf", LETTER)
        pids.append(reader._process.pid)
        read(reader, "letter.pdf", LETTER)
        pids.append(reader._process.pid)
    assert slow.status is Status.UNREADABLE and "took longer than the limit of 0.3 s" in slow.reason
    assert pids[0] == pids[1]  # the soft limit stopped the call: no kill, no new worker


def test_the_reader_leaves_no_process_behind() -> None:
    with DocumentReader(Limits()) as reader:
        read(reader, "letter.pdf", LETTER)
        process = reader._process
    assert process is not None and reader._process is None
