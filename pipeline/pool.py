"""Running one function over many inputs in worker processes, so that no input can stop the others.

Each call runs in a worker's main thread, where the per-document time limit (SIGALRM) works. Around
that, the parent keeps a wall-clock guard per call: a call still running after `seconds` is recorded
as timed out and its worker is killed (which breaks a `ProcessPoolExecutor`, so the pool is made
again and the calls that were running beside it start over). A worker that dies (a crash in a
library, the out-of-memory killer) breaks the pool too, and does not say which call killed it: the
calls that were running are run again one at a time, and the one that breaks a pool alone is the
one recorded as failed. The others are never charged with it.

Calls are handed out no faster than there are workers, so a call starts as soon as it is submitted
and its deadline can be counted from then.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

CRASHED = "the worker process stopped abruptly (a crash, or killed for memory or by a signal)"


@dataclass(slots=True)
class Outcome:
    """What became of one call: its value, or why there is none. `seconds` is wall-clock time."""

    value: Any = None
    error: str | None = None
    seconds: float = 0.0


@dataclass(slots=True)
class _Running:
    index: int
    started: float
    alone: bool  # run alone to find out whether it is the call that breaks a pool


def run_calls(
    fn: Callable[..., Any],
    calls: Sequence[tuple],
    jobs: int,
    seconds: float,
    preload: Sequence[str] = (),
    isolated: bool = False,
) -> Iterator[tuple[int, Outcome]]:
    """Yield (index into `calls`, Outcome) as each `fn(*call)` finishes, in completion order.

    `jobs` 1 runs every call here, in order, with no pool and no wall-clock guard (the per-document
    limit still applies), unless `isolated`: then one worker process runs them, under the guard.
    `preload` names modules a worker should have imported before its first call.
    """
    if jobs <= 1 and not isolated:
        yield from _run_here(fn, calls)
        return
    jobs = max(1, min(jobs, len(calls)))  # no idle workers to start
    waiting: deque[int] = deque(range(len(calls)))
    suspects: deque[int] = deque()
    running: dict[Future, _Running] = {}
    executor: ProcessPoolExecutor | None = None
    try:
        while waiting or suspects or running:
            if executor is None:
                executor = _start_pool(jobs, preload)
            usable = _submit(executor, fn, calls, jobs, waiting, suspects, running)
            if not running:  # the pool broke before it was given anything
                _stop(executor)
                executor = None
                continue
            timeout = None if not usable else _time_to_next_deadline(running, seconds)
            done, _ = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                outcome, crashed = _outcome(future, running.pop(future), suspects)
                if outcome is not None:
                    yield outcome
                broken = broken or crashed
            if broken or not usable:
                # A broken pool fails every call it was running at once; collect them all first.
                for future in wait(running, timeout=60).done:
                    outcome, _ = _outcome(future, running.pop(future), suspects)
                    if outcome is not None:
                        yield outcome
                _requeue(running, waiting, suspects)
                _stop(executor)
                executor = None
                continue
            now = time.monotonic()
            late = [future for future, task in running.items() if now - task.started >= seconds]
            for future in late:
                task = running.pop(future)
                yield task.index, Outcome(error=f"timed out after {seconds:g} s", seconds=now - task.started)
            if late:
                _requeue(running, waiting, suspects)
                _stop(executor)
                executor = None
    finally:
        if executor is not None:
            if running:
                _stop(executor)
            else:
                executor.shutdown(wait=True)


def _run_here(fn: Callable[..., Any], calls: Sequence[tuple]) -> Iterator[tuple[int, Outcome]]:
    for index, call in enumerate(calls):
        started = time.monotonic()
        try:
            value = fn(*call)
        except Exception as exc:  # noqa: BLE001 - one call's failure is recorded, the others go on
            yield index, Outcome(error=describe(exc), seconds=time.monotonic() - started)
        else:
            yield index, Outcome(value=value, seconds=time.monotonic() - started)


def _start_pool(jobs: int, preload: Sequence[str]) -> ProcessPoolExecutor:
    """A pool whose workers are up before any deadline is counted (a fork server's first start
    imports `preload`, which takes seconds). Raises when workers cannot be started at all."""
    executor = ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(preload), initializer=_ignore_interrupts
    )
    for future in [executor.submit(_ready) for _ in range(jobs)]:
        if future.exception() is not None:
            _stop(executor)
            raise RuntimeError(f"the worker processes cannot start: {describe(future.exception())}")
    return executor


def _ready() -> bool:
    return True


def _submit(executor, fn, calls, jobs, waiting, suspects, running) -> bool:
    """Hand out calls: a suspect only into an otherwise idle pool, else one a worker. False when
    the pool turns out to be broken."""
    queue, alone, room = (suspects, True, 1) if suspects else (waiting, False, jobs)
    try:
        while queue and len(running) < room:
            future = executor.submit(fn, *calls[queue[0]])
            running[future] = _Running(queue.popleft(), time.monotonic(), alone)
    except BrokenProcessPool:
        return False
    return True


def _outcome(future: Future, task: _Running, suspects: deque[int]) -> tuple[tuple | None, bool]:
    """(index, Outcome) for a finished call, or None when it must be run again alone to learn
    whether it is the call that broke the pool; and whether the pool broke under it."""
    elapsed = time.monotonic() - task.started
    error = future.exception()
    if error is None:
        return (task.index, Outcome(value=future.result(), seconds=elapsed)), False
    if not isinstance(error, BrokenProcessPool):
        return (task.index, Outcome(error=describe(error), seconds=elapsed)), False
    if task.alone:
        return (task.index, Outcome(error=CRASHED, seconds=elapsed)), True
    suspects.append(task.index)
    return None, True


def _requeue(running: dict[Future, _Running], waiting: deque[int], suspects: deque[int]) -> None:
    """Calls cut short through no fault of their own start again first."""
    for task in sorted(running.values(), key=lambda t: t.index, reverse=True):
        (suspects if task.alone else waiting).appendleft(task.index)
    running.clear()


def _time_to_next_deadline(running: dict[Future, _Running], seconds: float) -> float:
    first_start = min(task.started for task in running.values())
    return max(0.0, first_start + seconds - time.monotonic())


def _stop(executor: ProcessPoolExecutor) -> None:
    """Kill the pool's workers now: a stuck call may never return to be shut down politely."""
    kill = getattr(executor, "kill_workers", None)  # Python 3.14+
    if kill is not None:
        kill()
    else:
        # Before 3.14 the executor offers no way to kill its workers; its process table is the way in.
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.kill()
    executor.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: it stops the workers itself, without a traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context(preload: Sequence[str]):
    """A fork server where there is one: workers start from a clean, thread-free process that has
    imported `preload` once, instead of forking a parent that runs a progress bar's thread."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return context


def describe(exc: BaseException) -> str:
    """One line for an exception that escaped a call: the tool's own errors say what to do."""
    from pipeline.errors import DarsError

    if isinstance(exc, DarsError):
        return " ".join(str(exc).split())
    return " ".join(f"internal error ({type(exc).__name__}: {exc})".split())
