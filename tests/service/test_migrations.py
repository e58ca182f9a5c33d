"""The schema is made and changed by Alembic revisions: head matches the tables the queries use, a
folder of the first service (its own schema_version table) is adopted with its data, and a folder made
by a newer service is refused rather than damaged."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pipeline.service.accounts import authenticate, create_user
from pipeline.service.database import head_revision, metadata, open_database

PASSWORD = "correct horse battery"


def test_a_new_folder_is_at_head_and_matches_the_tables(tmp_path):
    engine = open_database(tmp_path)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, metadata) == []


def test_opening_twice_keeps_the_data(tmp_path):
    create_user(open_database(tmp_path), "rita", PASSWORD, "reviewer")
    assert authenticate(open_database(tmp_path), "rita", PASSWORD)["role"] == "reviewer"


def first_service_folder(folder):
    """What the first service wrote: its three tables made from the same definitions, version 1 in its
    own schema_version table, and a reviewer and a request."""
    from argon2 import PasswordHasher
    from sqlalchemy import create_engine

    from pipeline.service.database import requests, submissions, users

    engine = create_engine(f"sqlite:///{folder / 'service.sqlite3'}")
    with engine.begin() as connection:
        for table in (users, requests, submissions):
            table.create(connection)
        connection.exec_driver_sql("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        connection.exec_driver_sql("INSERT INTO schema_version VALUES (1)")
        connection.execute(
            users.insert().values(
                id=1, name="rita", role="reviewer", password_hash=PasswordHasher().hash(PASSWORD), created="x"
            )
        )
        connection.execute(requests.insert().values(id=1, title="NIC-1", owner_id=1, created="x"))
    engine.dispose()


def test_a_first_service_folder_is_adopted_with_its_data(tmp_path):
    first_service_folder(tmp_path)
    engine = open_database(tmp_path)
    assert authenticate(engine, "rita", PASSWORD)["name"] == "rita"
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, metadata) == []
        assert connection.exec_driver_sql("SELECT title FROM requests").scalar() == "NIC-1"
        assert not connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name = 'schema_version'"
        ).first()


def test_a_folder_of_a_newer_service_is_refused(tmp_path):
    open_database(tmp_path).dispose()
    with sqlite3.connect(tmp_path / "service.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(RuntimeError, match="newer dars-evidence"):
        open_database(tmp_path)
