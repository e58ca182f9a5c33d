"""A batch's bundles share one reader process (pipeline.isolation.shared_reader), under the same
limits, and a document that kills it still costs that document only."""

from __future__ import annotations

import multiprocessing
import os

import pytest

import pipeline.isolation
import pipeline.load
from pipeline.limits import Limits
from pipeline.model import Status
from pipeline.run import check_path, document_reader, shared_document_readers
from tests.builders import pdf_bytes

LETTER = pdf_bytes([["Confidentiality Advisory Group", "Reference: 23/CAG/0088", "Yours sincerely"]])
REAL_PARSE = pipeline.load.parse


@pytest.fixture(autouse=True)
def _forked_workers(monkeypatch):
    """The workers are forked, so the patches reach them, even where an earlier test left an idle
    thread behind (a web framework's worker thread), which would make the reader use a fork server."""
    monkeypatch.setattr(pipeline.isolation, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.delenv("DARS_EVIDENCE_IN_PROCESS", raising=False)


def _bundle(tmp_path, name: str, files: dict[str, bytes]):
    folder = tmp_path / name
    folder.mkdir()
    for file_name, data in files.items():
        (folder / file_name).write_bytes(data)
    return folder


def _reader_pid(limits: Limits) -> int:
    with document_reader(limits) as reader:
        return reader._process.pid if reader._process is not None else 0


def test_bundles_in_a_batch_share_one_reader_process(tmp_path) -> None:
    limits = Limits()
    first = _bundle(tmp_path, "a", {"letter.pdf": LETTER})
    second = _bundle(tmp_path, "b", {"letter.pdf": LETTER})
    with shared_document_readers():
        check_path(first, limits=limits)
        pid = _reader_pid(limits)
        report = check_path(second, limits=limits)
        assert pid and _reader_pid(limits) == pid
    assert all(document.status is Status.OK for document in report.documents)
    assert pipeline.isolation._shared is None  # closed when the batch ends


def test_outside_a_batch_each_bundle_has_its_own_reader(tmp_path) -> None:
    check_path(_bundle(tmp_path, "a", {"letter.pdf": LETTER}), limits=Limits())
    assert pipeline.isolation._shared is None


def test_a_crash_in_one_bundle_costs_that_document_only(tmp_path, monkeypatch) -> None:
    def parse(name, data, limits):
        if name == "crash.pdf":
            os.abort()
        return REAL_PARSE(name, data, limits)

    monkeypatch.setattr(pipeline.load, "parse", parse)
    limits = Limits()
    broken = _bundle(tmp_path, "a", {"crash.pdf": LETTER, "letter.pdf": LETTER})
    later = _bundle(tmp_path, "b", {"letter.pdf": LETTER})
    with shared_document_readers():
        first = {document.path: document for document in check_path(broken, limits=limits).documents}
        second = check_path(later, limits=limits).documents
    assert first["crash.pdf"].status is Status.UNREADABLE and "SIGABRT" in first["crash.pdf"].reason
    assert first["letter.pdf"].status is Status.OK
    assert [document.status for document in second] == [Status.OK]


def test_a_reused_child_retires_after_its_documents(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline.isolation, "MAX_DOCUMENTS_PER_CHILD", 2)
    limits = Limits()
    pids = []
    with shared_document_readers():
        for name in ("a", "b", "c"):
            check_path(_bundle(tmp_path, name, {"letter.pdf": LETTER}), limits=limits)
            pids.append(_reader_pid(limits))
    # the child served a and b, retired after b's document; c's document started a fresh one
    assert pids[0] != 0 and pids[1] == 0 and pids[2] not in (0, pids[0])


def test_other_limits_get_a_reader_of_their_own(tmp_path) -> None:
    with shared_document_readers():
        check_path(_bundle(tmp_path, "a", {"letter.pdf": LETTER}), limits=Limits())
        tight = Limits(max_memory_bytes=256 * 1024 * 1024)
        check_path(_bundle(tmp_path, "b", {"letter.pdf": LETTER}), limits=tight)
        assert pipeline.isolation._shared.limits == tight
