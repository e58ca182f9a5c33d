"""Running the real command line in a subprocess, in the sandbox of `sandbox/sitecustomize.py`.

The sandbox blocks network connections and records every file the process (and any worker it
starts) opens, lists or changes, so a test can assert what was read and written, not just what
was printed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SANDBOX = Path(__file__).resolve().parent / "sandbox"
# What the tool itself may read, besides the bundle: Python, the installed libraries, its own code
# and data, and the files tzlocal (under dateparser) reads to learn the local time zone.
CODE_ROOTS = (
    Path(sys.prefix),
    Path(sys.base_prefix),
    Path(sys.exec_prefix),
    REPO / "pipeline",
    REPO / "extractors",
    REPO / "checks",
    REPO / "dars_evidence.egg-info",
    SANDBOX,
)
TIME_ZONE_FILES = (
    "/etc/timezone",
    "/etc/localtime",
    "/var/db/zoneinfo",
    "/etc/sysconfig/clock",
    "/etc/conf.d/clock",
)
# The document reader caps its memory at what it holds plus the limit (pipeline.isolation).
OWN_PROCESS_FILES = ("/proc/self/statm",)
TIME_ZONE_ROOTS = (Path("/usr/share/zoneinfo"), Path("/usr/lib/zoneinfo"))
# multiprocessing's own files: its fork server listens on a socket (`listener-*`) in a temporary
# folder (`pymp-*`), which tempfile first probes by writing and removing a file of 8 random letters.
MULTIPROCESSING_FILES = re.compile(
    rf"/pymp-[^/]+(/|$)|^listener-\w+$|^{re.escape(tempfile.gettempdir())}/[a-z0-9_]{{8}}$|^/dev/null$"
)
WHOLE_NHS_NUMBER = re.compile(r"943\D{0,8}476\D{0,8}5919")  # corpus.NHS_NUMBER, in any layout
# Characters no output may carry: C0 controls but tab and line feed, DEL, C1, a bidi override.
CONTROL = [chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160)]] + ["\u202e"]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    cwd: Path
    events: list[dict] = field(default_factory=list)

    @property
    def network(self) -> list[dict]:
        return [e for e in self.events if e["event"] == "network"]

    def paths(self, event: str, write: bool | None = None) -> list[str]:
        return [
            e["path"]
            for e in self.events
            if e["event"] == event and e.get("path") and (write is None or e.get("write") == write)
        ]

    @property
    def changed(self) -> list[str]:
        return [path for e in self.events if e["event"] == "change" for path in e["paths"]]

    def outside(self, *allowed: Path) -> list[str]:
        """Paths read, listed, written or changed outside `allowed`, the tool's code and time zone files."""
        roots = [root.resolve() for root in (*allowed, *CODE_ROOTS, *TIME_ZONE_ROOTS)]
        found = []
        # The import system lists the current folder (the first entry of sys.path under -c).
        listed = [
            path for path in self.paths("list") if path not in (".", str(self.cwd)) and not path.isdigit()
        ]
        # The configuration is looked for from the folder holding the bundle upward (pipeline.config):
        # a dars-evidence.toml or pyproject.toml in a folder above an allowed path may be read.
        above = {parent for root in allowed for parent in root.resolve().parents}
        for path in [*self.paths("open"), *listed, *self.changed]:
            if path in TIME_ZONE_FILES or path in OWN_PROCESS_FILES or MULTIPROCESSING_FILES.search(path):
                continue
            resolved = Path(os.path.normpath(self.cwd / path))
            config = resolved.name in ("dars-evidence.toml", "pyproject.toml") and resolved.parent in above
            if config and path not in self.paths("open", write=True):
                continue
            if not any(resolved == root or root in resolved.parents for root in roots):
                found.append(path)
        return found

    def written(self) -> list[str]:
        """Paths opened for writing, made, renamed or removed; multiprocessing's own files aside."""
        paths = [*self.paths("open", write=True), *self.changed]
        return [path for path in paths if not MULTIPROCESSING_FILES.search(path)]


def run_cli(*args: str, cwd: Path, log: Path, timeout: float = 300) -> Run:
    """`dars-evidence ARGS` in a fresh interpreter in the sandbox; its events are read from `log`."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SANDBOX), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        "DARS_SANDBOX_LOG": str(log),
        "PYTHONDONTWRITEBYTECODE": "1",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    events = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return Run(done.returncode, done.stdout, done.stderr, cwd, events)
