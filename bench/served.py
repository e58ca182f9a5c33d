"""The real service in a subprocess for a benchmark: `dars-evidence serve` on 127.0.0.1 at a free
port over a fresh data folder, with one reviewer, stopped however the benchmark ends.

The service runs in its own session (process group), so stopping it also ends the workers its
checks started, and a Ctrl-C in the terminal reaches the benchmark, which then stops the group.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from measure import tool

REVIEWER = "loadbench"
PASSWORD = "load benchmark passphrase"  # a throwaway account in a temporary data folder


@dataclass(frozen=True, slots=True)
class Service:
    url: str
    name: str
    password: str
    workers: int | None  # what --workers was given, None when serve has no such option
    log: Path
    pid: int

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) so far of the service's process group: the service, its live
        worker processes, and the children they have waited for. None where /proc is not there."""
        ticks, found = 0, False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # ended while we looked
                continue
            # after the ")": state, ppid, pgrp, ... with utime, stime, cutime, cstime 12th to 15th
            if int(fields[2]) == self.pid:
                found = True
                ticks += sum(int(tick) for tick in fields[11:15])
        return ticks / os.sysconf("SC_CLK_TCK") if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def accepts_workers(exe: str) -> bool:
    """Whether this version of `serve` has a worker pool option (`--workers`)."""
    shown = subprocess.run([exe, "serve", "--help"], capture_output=True, text=True, check=True)
    return "--workers" in shown.stdout


@contextmanager
def served(data: Path, workers: int | None = None, ready_within: float = 60.0) -> Iterator[Service]:
    exe = tool()
    subprocess.run(
        [exe, "serve", "--data", str(data), "--create-reviewer", REVIEWER],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    port = free_port()
    argv = [exe, "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(port)]
    used = workers if workers and accepts_workers(exe) else None
    if used:
        argv += ["--workers", str(used)]
    log = data / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_answering(process, url, log, ready_within)
        yield Service(url, REVIEWER, PASSWORD, used, log, process.pid)
    finally:
        stop(process)


def wait_until_answering(process: subprocess.Popen, url: str, log: Path, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited {process.returncode}: {log.read_text()[-800:]}")
        try:
            if httpx.get(f"{url}/api/signin", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the service did not answer within {within:.0f} s: {log.read_text()[-800:]}")


def stop(process: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM to the service's process group, SIGKILL if it is still there after `grace` seconds."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    process.wait()
