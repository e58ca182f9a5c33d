"""`dars-evidence serve --create-reviewer NAME` makes the first account, its password from stdin."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from pipeline.cli import main
from pipeline.service.accounts import authenticate
from pipeline.service.database import open_database, users


def run(monkeypatch, capsys, stdin: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def test_create_the_first_reviewer(tmp_path, monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        "a long password\n",
        "serve",
        "--data",
        str(tmp_path),
        "--create-reviewer",
        "rita",
    )
    assert code == 0 and "created the reviewer rita" in out
    assert authenticate(open_database(tmp_path), "rita", "a long password") == {
        "id": 1,
        "name": "rita",
        "role": "reviewer",
    }
    assert authenticate(open_database(tmp_path), "rita", "another password") is None
    with open_database(tmp_path).connect() as connection:
        stored = connection.execute(select(users.c.password_hash)).scalar()
    assert stored.startswith("$argon2id$") and "a long password" not in stored


def test_a_short_password_or_a_second_account_of_one_name_is_refused(tmp_path, monkeypatch, capsys):
    code, _, err = run(
        monkeypatch, capsys, "short\n", "serve", "--data", str(tmp_path), "--create-reviewer", "rita"
    )
    assert code == 2 and "at least 10 characters" in err
    run(
        monkeypatch,
        capsys,
        "a long password\n",
        "serve",
        "--data",
        str(tmp_path),
        "--create-applicant",
        "rita",
    )
    code, _, err = run(
        monkeypatch,
        capsys,
        "a long password\n",
        "serve",
        "--data",
        str(tmp_path),
        "--create-reviewer",
        "rita",
    )
    assert code == 2 and "exists already" in err
