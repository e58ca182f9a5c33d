"""Issue 11: the other ways a run ended without a report, each now a report, through the real command.

Each case is a small bundle built by code (`corpus.py`), checked once with `dars-evidence check
--format json` in the sandbox (`cli.py`): the command prints its report and exits 0 or 1, never 2,
and what the report says of each file is asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.hostile.cli import Run, run_cli
from tests.hostile.corpus import build_deep_bundle


def check_json(bundle: Path, tmp_path: Path, *options: str) -> tuple[Run, dict]:
    """`dars-evidence check BUNDLE --format json OPTIONS`, the report read from what it printed."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    run = run_cli("check", str(bundle), "--format", "json", *options, cwd=out, log=tmp_path / "events.jsonl")
    assert run.code in (0, 1) and run.stderr == "", run.stderr
    return run, json.loads(run.stdout)


def assert_documents(report: dict, expect: dict) -> None:
    """Every document is listed once, with the status and (for an unreadable one) the reason and the
    DOC-001 finding `expect` gives."""
    by_path = {document["path"]: document for document in report["documents"]}
    assert sorted(by_path) == sorted(expect) and len(by_path) == len(report["documents"])
    for path, wanted in expect.items():
        document = by_path[path]
        assert document["status"] == wanted.status, (path[-80:], document.get("reason"))
        if wanted.status == "unreadable":
            assert wanted.reason in document["reason"], (path[-80:], document["reason"])
            [finding] = [f for f in report["findings"] if f["code"] == "DOC-001" and f["documents"] == [path]]
            assert wanted.reason in finding["message"]
        if wanted.pages is not None:
            assert document["pages"] == wanted.pages


def test_deep_folder_paths_past_the_system_limit_are_doc_001_and_the_rest_is_checked(tmp_path: Path) -> None:
    bundle = tmp_path / "deep"
    expect = build_deep_bundle(bundle)
    run, report = check_json(bundle, tmp_path)
    assert run.code == 1
    assert_documents(report, expect)
    too_long = [f for f in report["findings"] if "too long to open" in f["message"]]
    assert len(too_long) == 2 and all("nearer the bundle's root" in f["action"] for f in too_long)
    assert all("system opens at most 4,095" in f["message"] for f in too_long)
    # Nothing past the limit was opened or listed, and nothing outside the bundle.
    assert run.outside(bundle, tmp_path / "out") == []
    assert all(len(path.encode()) < 4096 for path in [*run.paths("open"), *run.paths("list")])
