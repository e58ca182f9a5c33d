"""The README's commands are the ones CI runs, and every command and check is documented."""

from __future__ import annotations

import re
from pathlib import Path

from checks import all_checks

ROOT = Path(__file__).resolve().parents[1]


def readme() -> str:
    return (ROOT / "README.md").read_text()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r"TEST_COMMAND='([^']+)'", ci).group(1)
    assert f"\n{command}\n" in readme()


def test_readme_documents_every_command() -> None:
    from pipeline.cli import cli

    text = readme()
    missing = [name for name in cli.commands if f"### `dars-evidence {name} " not in text]
    assert missing == []


def test_readme_lists_every_check() -> None:
    text = readme()
    missing = [check.code for check in all_checks() if check.code not in text]
    assert missing == []


def test_every_data_file_is_packaged() -> None:
    """A non-editable install (what CI and users get) must carry every vocabulary and template."""
    import tomllib
    from fnmatch import fnmatch

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    missing = []
    for package in ("pipeline", "extractors", "checks"):
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts:
                relative = path.relative_to(ROOT / package).as_posix()
                if not any(fnmatch(relative, pattern) for pattern in config.get(package, [])):
                    missing.append(f"{package}/{relative}")
    assert missing == []


def test_both_readme_commands_install_the_lock() -> None:
    """A fresh machine gets the versions the tests passed with: both set-up commands use the lock."""
    commands = [line for line in readme().splitlines() if line.startswith("python3 -m venv .venv")]
    assert len(commands) == 2
    assert all("-c requirements.lock" in command for command in commands)


def test_the_lock_pins_every_dependency_of_the_package() -> None:
    """Every direct dependency and test extra of pyproject.toml is pinned (==) in requirements.lock,
    so a moved release cannot change what CI installs."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [*config["dependencies"], *config["optional-dependencies"]["test"]]
    names = {re.split(r"[<>=!~\[ ;]", item, maxsplit=1)[0].lower().replace("_", "-") for item in wanted}
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {
        match.group(1).lower().replace("_", "-")
        for match in re.finditer(r"^([A-Za-z0-9_.-]+)==\S+", lock, flags=re.M)
    }
    assert names - pinned == set()
