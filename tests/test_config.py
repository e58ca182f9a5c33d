"""Configuration as linters keep it: a dars-evidence.toml or [tool.dars-evidence], found upward from
the folder holding the bundle; options win; unknown keys and codes exit 2 naming them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import Settings, find_config

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs" / "bundles"


@pytest.fixture
def queue(tmp_path: Path, monkeypatch) -> Path:
    """A queue folder holding consent-no-linkage: one error (CON-003) and three warnings (DATA-001)."""
    folder = tmp_path / "queue"
    shutil.copytree(SAMPLES / "consent-no-linkage", folder / "kingfisher")
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def cli(capsys):
    """Run the command line: (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as stop:
            main(list(args))
        captured = capsys.readouterr()
        return stop.value.code, captured.out, captured.err

    return run


@pytest.fixture
def check_json(cli):
    def run(*args: str) -> tuple[dict, int]:
        status, out, _ = cli("check", *args, "--format", "json")
        return json.loads(out), status

    return run


def test_config_ignore_and_fail_on_change_verdict_and_exit_status(queue: Path, check_json) -> None:
    report, status = check_json("queue/kingfisher")
    assert (report["summary"]["verdict"], status) == ("not_ready", 1)

    (queue / "dars-evidence.toml").write_text('ignore = ["CON-003"]\n', encoding="utf-8")
    report, status = check_json("queue/kingfisher")
    assert (report["summary"]["verdict"], status) == ("needs_review", 0)
    assert "CON-003" not in {f["code"] for f in report["findings"]}
    assert "CON-003" not in {s["code"] for s in report["skipped"]}  # not run, so not "skipped" either
    assert report["settings"]["not_run"] == ["CON-003"]
    assert report["settings"]["from"] == {"ignore": "queue/dars-evidence.toml"}

    (queue / "dars-evidence.toml").write_text('ignore = ["CON-003"]\nfail-on = "warning"\n', encoding="utf-8")
    report, status = check_json("queue/kingfisher")
    assert (report["summary"]["verdict"], status) == ("needs_review", 1)
    assert report["settings"]["fail_on"] == "warning"


def test_config_options_win_over_the_file(queue: Path, check_json) -> None:
    (queue / "dars-evidence.toml").write_text('ignore = ["DATA"]\nfail-on = "warning"\n', encoding="utf-8")
    report, status = check_json("queue/kingfisher", "--ignore", "CON", "--fail-on", "error")
    assert {f["code"] for f in report["findings"]} == {"DATA-001"}
    assert status == 0
    assert report["settings"]["from"] == {"fail-on": "--fail-on", "ignore": "--ignore"}


def test_config_pyproject_table_found_upward_and_sets_limits_and_format(
    queue: Path, tmp_path: Path, cli, check_json
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.dars-evidence]\nselect = ["DATA"]\nmax-pages = 10\nformat = "md"\n',
        encoding="utf-8",
    )
    assert cli("check", "queue/kingfisher")[1].startswith("# DARS evidence report")
    report, _ = check_json("queue/kingfisher")
    assert {f["code"] for f in report["findings"]} == {"DATA-001"}
    assert report["settings"]["limits"]["max-pages"] == 10
    assert report["settings"]["config"] == "pyproject.toml"


def test_config_inside_the_bundle_is_not_read(queue: Path) -> None:
    """The bundle is the applicant's: a dars-evidence.toml in it must not switch checks off."""
    (queue / "kingfisher" / "dars-evidence.toml").write_text('ignore = ["CON"]\n', encoding="utf-8")
    assert find_config(queue / "kingfisher") is None


def test_config_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.dars-evidence]\nignore = ["PN"]\n', encoding="utf-8")
    (tmp_path / "team" / "queue").mkdir(parents=True)
    (tmp_path / "team" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path / "team" / "queue" / "bundle") == tmp_path / "pyproject.toml"
    (tmp_path / "team" / "dars-evidence.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path / "team" / "queue" / "bundle") == tmp_path / "team" / "dars-evidence.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('ignor = ["PN"]\n', "unknown key 'ignor' (did you mean 'ignore'?)"),
        ('ignore = ["PN-03"]\n', "unknown check code 'PN-03' (did you mean 'PN-003'?)"),
        ('select = ["S2514"]\n', "unknown check code 'S2514' (did you mean 'S251-004'?)"),
        ('select = ["PNN"]\n', "unknown check code 'PNN' (did you mean 'PN'?)"),
        ('fail-on = "warnings"\n', "must be one of error, warning, not 'warnings' (did you mean 'warning'?)"),
        ("max-pages = 0\n", "max-pages must be a whole number above 0"),
        ("ignore = [\n", "is not valid TOML"),
    ],
)
def test_config_mistakes_exit_2_naming_them(queue: Path, text: str, expected: str, cli) -> None:
    (queue / "dars-evidence.toml").write_text(text, encoding="utf-8")
    status, _, error = cli("check", "queue/kingfisher")
    assert status == 2
    assert error.startswith("dars-evidence: error: queue/dars-evidence.toml") and expected in error, error


def test_config_unknown_code_in_an_option_names_it(queue: Path, cli) -> None:
    status, _, error = cli("check", "queue/kingfisher", "--select", "DATA-01")
    assert status == 2
    assert "--select: unknown check code 'DATA-01' (did you mean 'DATA-001'?)" in error


def test_config_batch_takes_the_file_and_the_options(queue: Path, tmp_path: Path, cli) -> None:
    (queue / "dars-evidence.toml").write_text('ignore = ["CON-003"]\n', encoding="utf-8")
    assert cli("batch", "queue", "--out", "out", "--jobs", "1", "--format", "json")[0] == 0
    report = json.loads((tmp_path / "out" / "kingfisher.json").read_text(encoding="utf-8"))
    assert report["settings"]["not_run"] == ["CON-003"]
    assert (
        cli("batch", "queue", "--out", "out", "--jobs", "1", "--format", "json", "--fail-on", "warning")[0]
        == 1
    )


def test_settings_more_specific_selector_wins_and_ignore_wins_ties() -> None:
    settings = Settings(select=("PN-003",), ignore=("PN",))
    assert settings.enabled("PN-003") and not settings.enabled("PN-004") and not settings.enabled("DATA-001")
    settings = Settings(select=("PN",), ignore=("PN-003",))
    assert settings.enabled("PN-004") and not settings.enabled("PN-003")
    assert not Settings(select=("PN",), ignore=("PN",)).enabled("PN-001")
    assert Settings().enabled("S251-004")


def test_config_batch_of_one_bundle_does_not_read_a_file_inside_it(queue: Path, tmp_path: Path, cli) -> None:
    """`batch DIR` where DIR is itself a bundle: a dars-evidence.toml in it is the applicant's."""
    bundle = queue / "kingfisher"
    (bundle / "dars-evidence.toml").write_text('ignore = ["CON", "DATA"]\n', encoding="utf-8")
    status, _, _ = cli("batch", str(bundle), "--out", "out", "--jobs", "1", "--format", "json")
    report = json.loads((tmp_path / "out" / "kingfisher.json").read_text(encoding="utf-8"))
    assert status == 1 and report["settings"]["config"] is None and report["settings"]["not_run"] == []
    assert {"CON-003", "DATA-001"} <= {finding["code"] for finding in report["findings"]}


def test_config_every_view_says_which_checks_were_not_run_and_where_that_was_set(queue: Path, cli) -> None:
    (queue / "dars-evidence.toml").write_text('ignore = ["CON-003"]\nfail-on = "warning"\n', encoding="utf-8")
    line = (
        "1 check not run: CON-003 (ignore in queue/dars-evidence.toml); a warning fails the run (fail-on in"
    )
    for fmt in ("text", "html", "md"):
        status, out, _ = cli("check", "queue/kingfisher", "--format", fmt)
        assert status == 1
        assert line in out, fmt
