"""Issue 11, part 4: no false READY. Each case through the command line (`pipeline.cli.main`, as
tests/test_cli.py drives it).

- a limit the reviewer set is the reviewer's to raise: DOC-001 says so, not "split the document".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def check_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, "check", *args, "--format", "json")
    return code, json.loads(out)


def codes(report: dict, severity: str | None = None) -> list[str]:
    return [f["code"] for f in report["findings"] if severity is None or f["severity"] == severity]


def skipped(report: dict) -> dict[str, list[str]]:
    reasons: dict[str, list[str]] = {}
    for skip in report["skipped"]:
        reasons.setdefault(skip["code"], []).append(skip["reason"])
    return reasons


def copy_sample(name: str, target: Path) -> Path:
    shutil.copytree(SAMPLES / name, target)
    return target


# 7. A limit the reviewer set is the reviewer's to raise ------------------------------------------


def test_doc_001_over_a_limit_tells_the_reviewer_which_option_raises_it(capsys) -> None:
    _, report = check_json(capsys, str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    actions = {f["action"] for f in report["findings"] if f["code"] == "DOC-001"}
    assert actions == {
        "Nothing to ask the applicant: the file is over a limit set for this run. If you trust the file, "
        "check the bundle again with a higher limit (--max-pages)."
    }
    _, text, _ = run(capsys, "check", str(SAMPLES / "consent-baseline"), "--max-pages", "2")
    assert "split" not in text


@pytest.mark.parametrize("option", ["--max-file-mb", "--max-inflated-mb", "--timeout"])
def test_each_limit_option_gives_the_reviewer_the_action(capsys, tmp_path: Path, option: str) -> None:
    if option == "--timeout":
        # A dense 1 MB line takes seconds to extract: over half a second, reliably.
        from tests.hostile.corpus import one_line_text

        bundle = tmp_path / "bundle"
        bundle.mkdir()
        (bundle / "appendix.txt").write_bytes(one_line_text(1024 * 1024))
        value = "0.5"
    else:
        bundle = copy_sample("s251-baseline", tmp_path / "bundle")
        value = "0.01"
    _, report = check_json(capsys, str(bundle), option, value)
    over = [f for f in report["findings"] if f["code"] == "DOC-001"]
    assert over, codes(report)
    for finding in over:
        assert option in finding["message"]
        assert finding["action"].endswith(f"check the bundle again with a higher limit ({option}).")


def test_every_limit_option_has_the_reviewer_action() -> None:
    """Any limit in LIMIT_OPTIONS (a new one too) names its option in the reason, and so gets the
    reviewer's action."""
    from checks.doc.doc_001_unreadable import action_for
    from pipeline.limits import LIMIT_OPTIONS, raise_with

    for field, option in LIMIT_OPTIONS.items():
        action = action_for(f"the file is over the limit of 1 {raise_with(field)}")
        assert option in action and "split" not in action and "Send" not in action, field
