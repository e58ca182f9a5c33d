"""The cache of parsed documents (pipeline/cache.py): a re-run hits it and reports the same, `--no-cache`
and DARS_EVIDENCE_NO_CACHE bypass it, it writes only inside its own folder, and it loads nothing it
did not write."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.load
from pipeline.cache import HEADER, DocumentCache, cache_root, open_cache
from pipeline.cli import main
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.run import check_path

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on (tests/conftest.py turns it off), under a temporary XDG_CACHE_HOME."""
    monkeypatch.delenv("DARS_EVIDENCE_NO_CACHE", raising=False)
    monkeypatch.setenv("DARS_EVIDENCE_CACHE", "1")  # the cache is opt-in
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "dars-evidence"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    copy = tmp_path / "s251-baseline"
    shutil.copytree(SAMPLES / "s251-baseline", copy)
    return copy


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed from here on (in this process: a worker's parses are its own)."""
    monkeypatch.setenv("DARS_EVIDENCE_IN_PROCESS", "1")
    seen: list[str] = []
    real = pipeline.load.parse

    def counting(name, data, limits):
        seen.append(name)
        return real(name, data, limits)

    monkeypatch.setattr(pipeline.load, "parse", counting)
    return seen


def run(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, capsys.readouterr().out


def entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.pickle")) if root.exists() else []


def test_cache_rerun_hits_and_prints_the_same_report(capsys, cache_home, bundle, parses) -> None:
    first = run(capsys, "check", str(bundle), "--format", "json")
    assert len(parses) == 7 and len(entries(cache_home)) == 7  # every document, request.yaml aside
    parses.clear()
    second = run(capsys, "check", str(bundle), "--format", "json")
    assert parses == []  # nothing parsed again
    assert second == first
    assert json.loads(first[1])["summary"]["verdict"] == "ready"


def test_cache_report_matches_a_run_without_it(cache_home, bundle) -> None:
    plain = check_path(bundle).to_dict()
    cache = open_cache()
    assert check_path(bundle, cache=cache).to_dict() == plain
    again = open_cache()
    assert check_path(bundle, cache=again).to_dict() == plain
    assert (again.hits, again.misses) == (7, 0)


def test_cache_no_cache_flag_bypasses_it_and_keeps_nothing(capsys, cache_home, bundle, parses) -> None:
    run(capsys, "check", str(bundle))
    before = {p: p.stat().st_mtime_ns for p in entries(cache_home)}
    parses.clear()
    run(capsys, "check", str(bundle), "--no-cache")
    assert len(parses) == 7
    assert {p: p.stat().st_mtime_ns for p in entries(cache_home)} == before


def test_cache_environment_variable_turns_it_off(capsys, cache_home, bundle, parses, monkeypatch) -> None:
    monkeypatch.setenv("DARS_EVIDENCE_NO_CACHE", "1")
    run(capsys, "check", str(bundle))
    run(capsys, "check", str(bundle))
    assert len(parses) == 14 and not cache_home.exists()


def test_cache_batch_no_cache_bypasses_it(capsys, cache_home, tmp_path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    shutil.copytree(SAMPLES / "s251-baseline", queue / "baseline")
    code = main_exit(["batch", str(queue), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-cache"])
    assert code == 0 and not cache_home.exists()
    assert main_exit(["batch", str(queue), "--out", str(tmp_path / "out2"), "--jobs", "1"]) == 0
    assert len(entries(cache_home)) == 7
    assert (tmp_path / "out" / "baseline.json").read_text() == (
        tmp_path / "out2" / "baseline.json"
    ).read_text()


def main_exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    return exit_info.value.code


def test_cache_key_changes_with_content_path_and_limits(tmp_path) -> None:
    cache = DocumentCache(tmp_path)
    key = cache.key("ab" * 32, "cag/letter.pdf", DEFAULT_LIMITS)
    assert key != cache.key("cd" * 32, "cag/letter.pdf", DEFAULT_LIMITS)
    assert key != cache.key("ab" * 32, "cag/other.pdf", DEFAULT_LIMITS)
    assert key != cache.key("ab" * 32, "cag/letter.pdf", Limits(max_pages=10))
    assert key == DocumentCache(tmp_path).key("ab" * 32, "cag/letter.pdf", DEFAULT_LIMITS)


def test_cache_root_follows_xdg_and_ignores_a_relative_one(monkeypatch) -> None:
    assert cache_root({"XDG_CACHE_HOME": "/srv/cache"}) == Path("/srv/cache/dars-evidence")
    monkeypatch.setenv("HOME", "/home/reviewer")
    assert cache_root({"XDG_CACHE_HOME": "relative"}) == Path("/home/reviewer/.cache/dars-evidence")
    assert cache_root({}) == Path("/home/reviewer/.cache/dars-evidence")


def test_cache_inside_the_bundle_is_not_used(capsys, bundle, monkeypatch) -> None:
    monkeypatch.delenv("DARS_EVIDENCE_NO_CACHE", raising=False)
    monkeypatch.setenv("DARS_EVIDENCE_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(bundle / ".cache"))
    listing = sorted(p.relative_to(bundle) for p in bundle.rglob("*"))
    assert open_cache(bundle=bundle) is None
    run(capsys, "check", str(bundle))
    assert sorted(p.relative_to(bundle) for p in bundle.rglob("*")) == listing


def test_cache_never_writes_outside_its_folder(tmp_path, bundle) -> None:
    """Every file the process opens for writing, makes, renames or removes, seen by an audit hook."""
    xdg = tmp_path / "xdg"
    code = (
        "import json, os, sys\n"
        "written = []\n"
        "def hook(event, args):\n"
        "    if event == 'open' and isinstance(args[0], (str, bytes, os.PathLike)):\n"
        "        mode, flags = args[1], args[2]\n"
        "        if (mode and any(c in mode for c in 'wax+')) or (flags and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):\n"
        "            written.append(os.fsdecode(args[0]))\n"
        "    elif event in ('os.rename', 'os.replace'):\n"
        "        written.extend(os.fsdecode(a) for a in args[:2])\n"
        "    elif event in ('os.mkdir', 'os.remove', 'os.rmdir', 'os.chmod', 'os.utime', 'shutil.rmtree'):\n"
        "        written.append(os.fsdecode(args[0]))\n"
        "sys.addaudithook(hook)\n"
        "from pipeline.cli import main\n"
        "for _ in range(2):\n"
        "    try:\n"
        f"        main(['check', {str(bundle)!r}, '--format', 'json'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(written), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DARS_EVIDENCE_NO_CACHE"}
    env["DARS_EVIDENCE_CACHE"] = "1"
    env.update(XDG_CACHE_HOME=str(xdg), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    written = json.loads(done.stderr.strip().splitlines()[-1])
    root = (xdg / "dars-evidence").resolve()
    assert written, "the run wrote nothing: the cache was not used"
    resolved = [(tmp_path / p).resolve() for p in written]  # relative paths are from the run's folder
    outside = [p for p in resolved if root not in p.parents and p not in (root, xdg.resolve())]
    assert outside == []
    assert len(entries(root)) == 7


def test_cache_refuses_a_foreign_entry_and_runs_nothing_from_it(cache_home, bundle, tmp_path) -> None:
    check_path(bundle, cache=open_cache())
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for entry in entries(cache_home):  # well formed, owned by us, but holding a forged object
        entry.write_bytes(HEADER + pickle.dumps((entry.stem, Exploit(), None, None)))
    cache = open_cache()
    report = check_path(bundle, cache=cache).to_dict()
    assert not marker.exists()
    assert cache.hits == 0 and cache.misses == 7
    assert report == check_path(bundle).to_dict()


def test_cache_ignores_entries_others_can_write(cache_home, bundle) -> None:
    check_path(bundle, cache=open_cache())
    for entry in entries(cache_home):
        entry.chmod(0o666)
    cache = open_cache()
    check_path(bundle, cache=cache)
    assert cache.hits == 0
    folder = next(cache_home.iterdir())
    folder.chmod(0o777)
    cache = open_cache()
    check_path(bundle, cache=cache)
    assert cache.hits == 0 and cache.stored == 0


def test_cache_keeps_a_letters_tables_loadable(cache_home, bundle) -> None:
    """A document from the cache can still read the tables it had not read yet."""
    check_path(bundle, cache=open_cache())
    cache = open_cache()
    report = check_path(bundle, cache=cache)
    letter = next(d for d in report.documents if d.path.endswith("outcome letter.pdf"))
    assert cache.hits == 7 and letter.parsed.table_loader is not None
    before = len(letter.parsed.blocks)
    letter.parsed.ensure_tables()
    assert len(letter.parsed.blocks) >= before


def test_cache_is_off_unless_asked_for(capsys, bundle, tmp_path, monkeypatch) -> None:
    """By default the tool writes nothing outside its output (issue 6): no cache folder appears."""
    monkeypatch.delenv("DARS_EVIDENCE_NO_CACHE", raising=False)
    monkeypatch.delenv("DARS_EVIDENCE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    run(capsys, "check", str(bundle))
    assert not (tmp_path / "xdg").exists()
    run(capsys, "check", str(bundle), "--cache")
    assert (tmp_path / "xdg" / "dars-evidence").is_dir()
