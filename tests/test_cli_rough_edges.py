"""Issue 14's command-line rough edges, each through the real entry point."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_cli import SAMPLES, run


def test_no_arguments_prints_the_whole_usage_on_several_lines(capsys) -> None:
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("Usage: dars-evidence") and err.count("\n") > 8
    for command in ("batch", "check", "checks", "extract"):
        line = next(line for line in err.splitlines() if line.strip().startswith(command + " "))
        assert not line.rstrip().endswith("..."), line  # no command's description is cut off


def test_output_dash_is_standard_output(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", str(SAMPLES / "s251-baseline"), "-o", "-")
    assert code == 0 and out.startswith("READY") and not (tmp_path / "-").exists()


def test_extract_on_a_folder_points_to_check(capsys) -> None:
    code, out, err = run(capsys, "extract", str(SAMPLES / "s251-baseline"))
    assert code == 2 and "use `check` for a bundle" in err


def test_counts_are_in_the_right_number(capsys) -> None:
    _, out, _ = run(capsys, "check", str(SAMPLES / "s251-identifier-not-covered"))
    assert "1 error," in out and "1 errors" not in out


def test_batch_takes_output_and_format(capsys, tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    shutil.copytree(SAMPLES / "s251-identifier-not-covered", queue / "one")
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "batch", str(queue), "-o", str(out), "--format", "md", "--format", "html", "-j", "1"
    )
    assert code == 1, err
    assert {p.name for p in out.iterdir()} >= {"one.json", "one.md", "one.html", "summary.csv"}
    assert "1 bundle:" in err
