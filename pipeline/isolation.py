"""Reading documents in a worker process with hard limits, so that one file costs that file only.

A hostile PDF can make PDFium allocate gigabytes, or abort the whole process, or run for minutes
inside one call where no Python timer fires. So every document is parsed and its facts extracted in
a child process, the way Apache Tika's server forks a child: the child's address space is capped
(`RLIMIT_AS`, `--max-memory-mb` beyond what the child had at its start), and the parent kills it
when it overruns the time limit. A document that hits either cap, or whose reading kills the
child, becomes unreadable (DOC-001) with the reason and the option that raises the limit; the rest
of the bundle is read by a fresh child.

One child serves a whole bundle: it is forked once, already holding the imported extractors, and
reused for every document, so isolation costs a fork and the copying of each document's bytes and
facts through a pipe. The child runs `load.parse_and_extract`, exactly what the in-process path
runs, so the facts are the same either way.

In a batch, one child serves a queue of bundles (`shared_reader`): a fresh child pays about 0.14 s
on its first document (the extractors' vocabularies and patterns are built on first use), which was
most of a small bundle's cost when every bundle forked its own. A reused child is retired, and the
next document starts a fresh one, when it dies, when it met its memory cap, after
MAX_DOCUMENTS_PER_CHILD documents, or when its address space has grown by more than a quarter of
the memory limit since it started, so a document read late in a queue has at least three quarters
of the limit as headroom, as near what a fresh child gives as makes no difference.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import Connection
from types import TracebackType

from pipeline.limits import MB, Limits, over_memory, raise_with
from pipeline.model import Document, Status

# Set to 1 to read documents in this process (profiling, debugging): no memory cap, no hard kill.
IN_PROCESS_ENV = "DARS_EVIDENCE_IN_PROCESS"
# What the child may take beyond the time limit before it is killed: its own timer fires first.
GRACE_SECONDS = 1.0
SIGNAL_NAMES = {signal.SIGABRT: "SIGABRT", signal.SIGSEGV: "SIGSEGV", signal.SIGBUS: "SIGBUS"}
# A reused child is retired after this many documents, or once its address space has grown by more
# than this share of the memory limit since its start.
MAX_DOCUMENTS_PER_CHILD = 500
MAX_GROWTH_SHARE = 0.25


def isolation_wanted() -> bool:
    return os.environ.get(IN_PROCESS_ENV, "").strip().lower() not in ("1", "true", "yes", "on")


class DocumentReader:
    """Parses and extracts documents in one reusable child process under `limits`.

    Use as a context manager; the child is started on the first document and again after any
    document that costs it its life."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._process: multiprocessing.process.BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> DocumentReader:
        return self

    def __exit__(self, kind: type | None, value: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def read(self, path: str, data: bytes, sha256: str) -> Document:
        """The document parsed and extracted, or unreadable with the reason the child gave or died of."""
        for attempt in range(2):
            self._start()
            try:
                self._connection.send((path, data, sha256))
                break
            except (BrokenPipeError, ConnectionError, EOFError, OSError):
                self._stop()  # a child that died idle: start another and try once more
                if attempt:
                    return self._unreadable(path, data, sha256, "the document reader could not be started")
        budget = self.limits.max_seconds_per_document + GRACE_SECONDS
        while True:
            try:
                ready = self._connection.poll(budget)
                message = self._connection.recv() if ready else None
            except (EOFError, ConnectionError, OSError):
                return self._unreadable(path, data, sha256, self._death())
            if message is None:  # still running past the limit: a call no timer could interrupt
                self._stop()
                return self._unreadable(path, data, sha256, self._over_time())
            if message[0] == "parsed":  # the clock starts again for the extraction
                continue
            _, document, retire = message
            if retire:
                self._stop()
            return document

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(BrokenPipeError, ConnectionError, OSError):
                self._connection.send(None)
        if self._process is not None:
            self._process.join(timeout=1)
        self._stop()

    def _start(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        context = _context()
        parent_end, child_end = context.Pipe(duplex=True)
        parent = os.getpid() if context.get_start_method() == "fork" else None
        process = context.Process(
            target=_serve, args=(child_end, self.limits, parent), name="dars-evidence-reader", daemon=True
        )
        process.start()
        child_end.close()
        self._process, self._connection = process, parent_end

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process.close()
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None

    def _death(self) -> str:
        """Why the child died while reading, in words a reviewer can act on."""
        process = self._process
        if process is not None:
            process.join(timeout=5)
        code = process.exitcode if process is not None else None
        self._stop()
        limit = f"{self.limits.max_memory_bytes // MB:,} MB"
        if code is not None and code < 0:
            number = -code
            name = SIGNAL_NAMES.get(number) or ("SIGKILL" if number == signal.SIGKILL else f"signal {number}")
            return (
                f"reading the document stopped its reader process ({name}): most likely it needs more "
                f"than the memory limit of {limit} "
                + raise_with("max_memory_bytes")
                + ", or a library crashed on it"
            )
        return f"reading the document stopped its reader process (exit status {code})"

    def _over_time(self) -> str:
        return (
            f"reading the document took longer than the limit of {self.limits.max_seconds_per_document:g} s "
            "a document " + raise_with("max_seconds_per_document")
        )

    @staticmethod
    def _unreadable(path: str, data: bytes, sha256: str, reason: str) -> Document:
        from extractors import DocumentFacts

        return Document(path, len(data), sha256, Status.UNREADABLE, reason=reason, facts=DocumentFacts())


def _context():
    """Fork where this process runs one thread (the worker starts warm, with everything imported);
    a fork server where other threads run (a progress bar's), which fork must not copy mid-lock."""
    if threading.active_count() == 1 or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.warm"])
    return context


def _serve(connection: Connection, limits: Limits, parent: int | None = None) -> None:
    """The child: read documents sent down the pipe until told to stop (None) or the pipe closes.
    It retires itself (the parent starts another for the next document) after
    MAX_DOCUMENTS_PER_CHILD documents or past MAX_GROWTH_SHARE of the memory limit's growth."""
    import faulthandler

    if not _die_with_parent(parent):
        return
    from pipeline.load import parse_and_extract

    faulthandler.disable()  # a crash here is reported by the parent, not as a dump on its stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    start = _address_space()
    _cap_memory(limits.max_memory_bytes)
    served = 0
    while True:
        try:
            job = connection.recv()
        except (EOFError, ConnectionError, OSError):
            return
        if job is None:
            return
        path, data, sha256 = job
        del job
        try:
            document = parse_and_extract(
                path, data, sha256, limits, on_parsed=lambda: connection.send(("parsed",))
            )
            if document.parsed is not None:
                document.parsed.table_loader = None  # a closure over the bytes: tables were read here
            retire = False
        except MemoryError:  # outside the steps' own handlers: the child itself is short of memory
            document, retire = _unreadable(path, data, sha256, over_memory(limits)), True
        del data
        served += 1
        retire = (
            retire
            or _was_short_of_memory(document, limits)
            or served >= MAX_DOCUMENTS_PER_CHILD
            or _address_space() - start > MAX_GROWTH_SHARE * limits.max_memory_bytes
        )
        try:
            connection.send(("done", document, retire))
        except MemoryError:
            connection.send(("done", _unreadable(path, b"", sha256, over_memory(limits)), True))
        if retire:
            return


def _die_with_parent(parent: int | None) -> bool:
    """Have the child killed when its parent dies (Linux); False when the parent (`parent`, the pid
    of the process that forked it) is already gone. Forked, the child holds both ends of its pipe and
    would never hear that the parent is gone: a batch worker killed at its time limit or on Ctrl-C
    left its reader waiting for ever, holding memory and the batch's stderr (issue 15)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    return parent is None or os.getppid() == parent


def _was_short_of_memory(document: Document, limits: Limits) -> bool:
    """A child that met its memory cap may hold a half-made heap: it serves no further document."""
    return document.status is Status.UNREADABLE and document.reason == over_memory(limits)


def _unreadable(path: str, data: bytes, sha256: str, reason: str) -> Document:
    return DocumentReader._unreadable(path, data, sha256, reason)


def _address_space() -> int:
    """The process's address space in bytes (what RLIMIT_AS counts); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(limit: int) -> None:
    """Cap the child's address space at what it holds now plus `limit`; no core file on a crash."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    current = _address_space()
    with contextlib.suppress(ValueError, OSError):  # without the cap, the time limit still holds
        resource.setrlimit(resource.RLIMIT_AS, (current + limit, current + limit))


# The reader a batch shares between its bundles, in this process (`shared_reader`).
_shared: DocumentReader | None = None


def shared_reader(limits: Limits) -> DocumentReader:
    """This process's reader for `limits`, kept between bundles (closed at exit, or when a bundle
    asks for other limits). Each document still costs only itself: the reader starts a fresh
    child after any that dies or retires."""
    global _shared
    if _shared is not None and _shared.limits != limits:
        _shared.close()
        _shared = None
    if _shared is None:
        _shared = DocumentReader(limits)
        atexit.register(_shared.close)
    return _shared


def close_shared_reader() -> None:
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
