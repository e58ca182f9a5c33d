"""Accepted findings (report.md, "Accepted findings"): the file, what it matches, and what it changes."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.acceptance import ACCEPT_FILE, load_acceptances, match_acceptances
from pipeline.cli import main
from pipeline.errors import UsageError

BUNDLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
ENTRY = "    reason: seen on the CAG register\n    by: A. Reviewer\n    date: 2024-05-01\n"


@pytest.fixture(autouse=True)
def in_process(monkeypatch):
    monkeypatch.setenv("DARS_EVIDENCE_IN_PROCESS", "1")


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("- code: DATA-001\n", "one key is `accepted`"),
        (
            "accepted:\n  - code: DATA-001\n    by: me\n    date: 2024-05-01\n",
            "entry 1 of `accepted`: needs `reason`",
        ),
        (
            f"accepted:\n  - code: DATA-001\n{ENTRY}  - reason: x\n    by: y\n    date: 2024-05-01\n",
            "entry 2",
        ),
        (f"accepted:\n  - fingerprint: 12ab\n{ENTRY}", "is not 16 hexadecimal digits"),
        (f"accepted:\n  - code: data one\n{ENTRY}", "is not a check code"),
        (f"accepted:\n  - code: DATA-001\n    expiry: 2025-01-01\n{ENTRY}", "unknown key 'expiry'"),
        (f"accepted:\n  - code: DATA-001\n{ENTRY}    expires: soon\n", "`expires` 'soon' is not a date"),
        ("accepted: [\n", "not valid YAML"),
    ],
)
def test_acceptance_file_malformed_names_the_entry(tmp_path, text, named):
    with pytest.raises(UsageError, match=named.replace("(", r"\(").replace("`", "`")):
        load_acceptances(write(tmp_path / "a.yaml", text))


def test_acceptance_matches_by_fingerprint_or_code_and_reports_unused(tmp_path):
    entries = load_acceptances(
        write(
            tmp_path / "a.yaml",
            f"accepted:\n  - fingerprint: 00000000000000AA\n{ENTRY}  - code: ORG-002\n{ENTRY}"
            f"  - code: PN-001\n{ENTRY}  - code: DATA-001\n{ENTRY}    expires: 2024-06-30\n",
        )
    )
    findings = [
        {"code": "DATA-001", "fingerprint": "00000000000000aa"},
        {"code": "ORG-002", "fingerprint": "1111111111111111"},
        {"code": "ORG-002", "fingerprint": "2222222222222222"},
        {"code": "DATA-001", "fingerprint": "3333333333333333"},
    ]
    accepted, unused = match_acceptances(findings, entries, on=date(2024, 7, 1))
    assert {index: entry.number for index, entry in accepted.items()} == {0: 1, 1: 2, 2: 2}
    assert [(u["entry"], u["why"]) for u in unused] == [
        (3, "matches no finding"),
        (4, "expired on 2024-06-30"),
    ]
    accepted, unused = match_acceptances(findings, entries, on=date(2024, 6, 30))  # not expired yet
    assert 3 in accepted and [u["entry"] for u in unused] == [3]


def test_acceptance_file_beside_the_bundle_is_read_by_default(tmp_path, capsys):
    bundle = shutil.copytree(BUNDLES / "consent-no-linkage", tmp_path / "consent-no-linkage")
    code, out, _ = run(capsys, "check", bundle, "--format", "json")
    assert code == 1 and "unused_acceptances" not in json.loads(out)  # no file: no list
    write(tmp_path / ACCEPT_FILE, f"accepted:\n  - code: DATA-001\n{ENTRY}  - code: CON-003\n{ENTRY}")
    code, out, _ = run(capsys, "check", bundle, "--format", "json")
    report = json.loads(out)
    assert code == 0  # the one error (CON-003) is accepted: the exit status does not count it
    assert report["summary"]["accepted"] == 4 and report["summary"]["errors"] == 0
    assert report["summary"]["verdict"] == "ready" and report["unused_acceptances"] == []
    assert all(f["accepted"]["reason"] == "seen on the CAG register" for f in report["findings"])


def test_acceptance_malformed_file_exits_2_with_one_line(tmp_path, capsys):
    bad = write(tmp_path / "bad.yaml", "accepted:\n  - code: DATA-001\n    by: me\n")
    code, out, err = run(capsys, "check", BUNDLES / "consent-no-linkage", "--accept", bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "entry 1 of `accepted`: needs `reason`" in err
    code, _, err = run(capsys, "check", BUNDLES / "consent-no-linkage", "--accept", tmp_path / "none.yaml")
    assert code == 2 and "no such acceptance file" in err


def test_acceptance_views_show_accepted_apart(tmp_path, capsys):
    accept = write(tmp_path / "a.yaml", f"accepted:\n  - code: CON-003\n{ENTRY}  - code: PN-001\n{ENTRY}")
    for fmt, heading, unused in (
        ("text", "Accepted (1", "Unused acceptances (1"),
        ("md", "## Accepted (1", "## Unused"),
    ):
        _, out, _ = run(capsys, "check", BUNDLES / "consent-no-linkage", "--accept", accept, "--format", fmt)
        assert out.index(heading) > out.rindex("DATA-001") and unused in out
        assert out.count("CON-003") == 1  # shown once, apart
    _, html, _ = run(capsys, "check", BUNDLES / "consent-no-linkage", "--accept", accept, "--format", "html")
    assert html.index('id="accepted"') > html.rindex('class="findings-heading') and 'id="unused-acceptances"' in html


def test_batch_reads_the_queue_folders_acceptance_file(tmp_path, capsys):
    queue = tmp_path / "queue"
    shutil.copytree(BUNDLES / "consent-no-linkage", queue / "one")
    write(queue / ACCEPT_FILE, f"accepted:\n  - code: CON-003\n{ENTRY}")
    code, _, _ = run(capsys, "batch", queue, "--out", tmp_path / "out", "--jobs", "1")
    report = json.loads((tmp_path / "out" / "one.json").read_text())
    assert code == 0 and report["summary"]["accepted"] == 1 and report["summary"]["verdict"] == "needs_review"
