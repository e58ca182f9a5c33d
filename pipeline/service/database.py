"""The service's tables in SQLite, and the schema version they are at.

`schema_version` holds one row; `MIGRATIONS[n]` takes the schema from version n to n + 1, so a data
folder made by an older service is brought up to date when it is opened, and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
)

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created", String(32), nullable=False),
)

requests = Table(
    "requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("owner_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created", String(32), nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("requests.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("uploaded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("uploaded", String(32), nullable=False),
    # queued, checking, done or failed; `reason` says why a submission failed
    Column("state", String(20), nullable=False),
    Column("reason", Text),
    Column("verdict", String(20)),
    Column("errors", Integer),
    Column("warnings", Integer),
    Column("checked", String(32)),
)


def _create_version_1(connection: Connection) -> None:
    for table in (users, requests, submissions):
        table.create(connection)


# MIGRATIONS[n] brings a schema at version n to n + 1; version 0 is an empty database.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_version_1]
SCHEMA_VERSION = len(MIGRATIONS)


def open_database(folder: Path) -> Engine:
    """The database in `folder` (made if new), migrated to SCHEMA_VERSION."""
    engine = create_engine(
        f"sqlite:///{folder / 'service.sqlite3'}", connect_args={"check_same_thread": False}
    )
    event.listen(engine, "connect", _pragmas)
    with engine.begin() as connection:
        schema_version.create(connection, checkfirst=True)
        version = connection.execute(select(schema_version.c.version)).scalar()
        if version is None:
            connection.execute(schema_version.insert().values(version=0))
            version = 0
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"the data folder is at schema version {version}, newer than this service's {SCHEMA_VERSION}"
            )
        for step in MIGRATIONS[version:]:
            step(connection)
        connection.execute(schema_version.update().values(version=SCHEMA_VERSION))
    return engine


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
