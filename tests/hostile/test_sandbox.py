"""Issue 6: no network connection, and nothing read or written outside the bundle and the output.

`sandbox/sitecustomize.py` is put on PYTHONPATH of a real `dars-evidence` process: it replaces
`socket.socket.connect` and `socket.create_connection` with functions that raise, blocks sends and
name lookups through an audit hook, and records every attempt and every file opened to a log.
The first test shows the sandbox catches what it should; the others run the tool inside it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.hostile.cli import SANDBOX, run_cli

SAMPLE = Path(__file__).resolve().parents[2] / "sample_docs" / "bundles" / "s251-baseline"


def test_sandbox_blocks_and_records_a_connection_and_records_reads(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    code = (
        "import socket, urllib.request\n"
        f"open({str(secret)!r}).close()\n"
        "for attempt in (lambda: socket.create_connection(('192.0.2.1', 80), timeout=1),\n"
        "                lambda: socket.socket().connect(('192.0.2.1', 80)),\n"
        "                lambda: urllib.request.urlopen('http://example.org', timeout=1)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError as exc:\n"
        "        print(type(exc).__name__)\n"
    )
    env = {"PYTHONPATH": str(SANDBOX), "DARS_SANDBOX_LOG": str(log), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["NetworkBlocked"] * 3, done.stderr
    text = log.read_text()
    assert text.count('"event": "network"') >= 3 and f'"path": "{secret}"' in text


def test_check_of_a_sample_bundle_with_sockets_blocked_succeeds_and_never_connects(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = run_cli(
        "check", str(SAMPLE), "--format", "html", "-o", str(out), cwd=tmp_path, log=tmp_path / "log"
    )
    assert (run.code, run.stderr) == (0, ""), run.stderr
    assert "READY" in out.read_text(encoding="utf-8").upper()
    assert run.network == [], run.network
    assert str(SAMPLE / "privacy-notice.docx") in run.paths("open")
    assert run.outside(SAMPLE, out) == []
    assert run.written() == [str(out)]


def test_batch_with_sockets_blocked_never_connects_from_any_worker(tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    (queue / "baseline").symlink_to(SAMPLE, target_is_directory=True)
    (queue / "notes").mkdir()
    (queue / "notes" / "notes.txt").write_text("Notes of a meeting.\n")
    out = tmp_path / "out"
    run = run_cli("batch", str(queue), "--out", str(out), "--jobs", "2", cwd=tmp_path, log=tmp_path / "log")
    assert run.code == 0, run.stderr
    assert len({event["pid"] for event in run.events}) >= 3, "the workers did not load the sandbox"
    assert run.network == [], run.network
    assert run.outside(queue, SAMPLE, out) == []
    assert sorted(p.name for p in out.iterdir()) == [
        "baseline.html", "baseline.json", "index.html", "manifest.json", "notes.html", "notes.json", "summary.csv"
    ]  # fmt: skip
