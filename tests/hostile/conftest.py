"""The hostile bundles, built once a session, and one sandboxed `check` of each."""

from __future__ import annotations

import pytest

from tests.hostile.cli import run_cli
from tests.hostile.corpus import build_folder_bundle, build_zip_bundle

# Short, so that the 5 MB single line (about 20 s of extraction here) is reported over time and the
# runs stay fast; every other document of the corpus takes well under a second.
TIMEOUT = "3"


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory):
    return build_folder_bundle(tmp_path_factory.mktemp("hostile-folder") / "bundle")


@pytest.fixture(scope="session")
def folder_run(tmp_path_factory, hostile_folder):
    """(bundle, output folder, Run) of `check BUNDLE --format json -o report.json --timeout 3`."""
    root = tmp_path_factory.mktemp("hostile-folder-run")
    out = root / "out"
    out.mkdir()
    report = out / "report.json"
    args = ("check", str(hostile_folder), "--format", "json", "-o", str(report), "--timeout", TIMEOUT)
    return hostile_folder, out, run_cli(*args, cwd=out, log=root / "events.jsonl")


@pytest.fixture(scope="session")
def zip_run(tmp_path_factory):
    """(root, archive, output folder, Run) of `check hostile.zip --format json -o report.json`."""
    root = tmp_path_factory.mktemp("hostile-zip")
    (root / "queue").mkdir()
    archive = build_zip_bundle(root / "queue" / "hostile.zip")
    out = root / "out"
    out.mkdir()
    report = out / "report.json"
    args = ("check", str(archive), "--format", "json", "-o", str(report))
    return root, archive, out, run_cli(*args, cwd=out, log=root / "events.jsonl")
