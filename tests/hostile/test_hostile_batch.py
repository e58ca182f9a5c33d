"""Issue 6: a batch of hostile bundles, through the real command line in the sandbox.

One bundle that cannot be opened, one whose name holds an NHS number, one whose name holds a line
break: the batch goes on, writes every report into the output folder only, masked and inert, and
connects nowhere.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.hostile.cli import CONTROL, WHOLE_NHS_NUMBER, run_cli
from tests.hostile.conftest import TIMEOUT
from tests.hostile.corpus import FOLDER_EXPECT, NHS_DIGITS, ODD_NAME, build_folder_bundle, build_zip_bundle


def test_hostile_batch_goes_on_and_writes_only_masked_outputs_in_out(tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    build_folder_bundle(queue / f"cohort {NHS_DIGITS}")
    build_zip_bundle(queue / "hostile.zip")
    (queue / "broken.zip").write_bytes(b"PK\x03\x04 not a zip archive at all")
    (queue / "line\nbreak").mkdir()
    (queue / "line\nbreak" / f"{ODD_NAME}").write_text("<script>alert(1)</script> Notes.\n")
    out = tmp_path / "out"
    run = run_cli(
        "batch", str(queue), "--out", str(out), "--jobs", "2", "--timeout", TIMEOUT,
        cwd=tmp_path, log=tmp_path / "events.jsonl",
    )  # fmt: skip
    assert run.code == 1, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert not WHOLE_NHS_NUMBER.search(run.stderr)
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO((out / "summary.csv").read_text()))}
    assert {name: row["verdict"] for name, row in rows.items()} == {
        "broken": "failed",
        "cohort xxx-xxx-5919": "not_ready",
        "hostile": "not_ready",
        "line_break": "needs_review",
    }
    assert "not a readable zip archive" in rows["broken"]["error"]
    assert int(rows["cohort xxx-xxx-5919"]["documents"]) == len(FOLDER_EXPECT)
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(
        [
            "summary.csv", "index.html", "manifest.json", "broken.html",  # broken.html: why it failed
            *(f"{name}.{fmt}" for name in rows if name != "broken" for fmt in ("json", "html")),
        ]
    )  # fmt: skip
    for file in out.iterdir():
        text = file.read_text(encoding="utf-8")
        assert not WHOLE_NHS_NUMBER.search(text), file.name
        assert not [c for c in CONTROL if c in text], file.name
        if file.suffix == ".html":
            assert "<script" not in text.lower(), file.name
    assert run.network == []
    assert run.outside(queue, out) == []
    assert all(path == str(out) or Path(path).parent == out for path in run.written()), run.written()
    assert sorted(os.listdir(tmp_path)) == ["events.jsonl", "out", "queue"]


def test_hostile_batch_of_folders_named_with_control_characters_or_not_in_utf8(
    capsys, tmp_path: Path
) -> None:
    """Such names once stopped the batch: writing summary.csv failed on the name's undecodable byte."""
    queue = tmp_path / "queue"
    (queue / "a\x1b[2Jb").mkdir(parents=True)
    (queue / "a\x1b[2Jb" / "notes.txt").write_text("Notes of a meeting.\n")
    latin1 = os.fsencode(queue) + b"/caf\xe9 bundle"
    os.mkdir(latin1)
    with open(latin1 + b"/notes.txt", "wb") as stream:
        stream.write(b"Notes of another meeting.\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(queue), "--out", str(tmp_path / "out"), "--jobs", "1"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 0 and "failed" not in err.replace("0 failed", ""), err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["a_[2Jb.html", "a_[2Jb.json", "caf_ bundle.html", "caf_ bundle.json", "summary.csv"]
        + ["index.html", "manifest.json"]
    )
    summary = (tmp_path / "out" / "summary.csv").read_text(encoding="utf-8")
    assert "queue/caf\ufffd bundle" in summary and "\x1b" not in summary
