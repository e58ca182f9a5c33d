"""The service's tables in SQLite, and the migrations that bring a data folder's schema up to date.

The tables below are what the queries use; the schema on disk is made and changed only by the Alembic
revisions in `pipeline/service/migrations/versions/`, run when a data folder is opened, so a folder made
by an older service is brought up to date and nothing is lost. tests/service/test_migrations.py proves
that the revisions' head and these tables agree.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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
    inspect,
)

MIGRATIONS = Path(__file__).with_name("migrations")

metadata = MetaData()

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


acceptances = Table(
    "acceptances",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("request_id", Integer, ForeignKey("requests.id"), nullable=False),
    Column("fingerprint", String(32), nullable=False),
    Column("code", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("accepted_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("accepted", String(32), nullable=False),
    # set when the acceptance is withdrawn; it then applies to nothing, and stays for the record
    Column("withdrawn_by", Integer, ForeignKey("users.id")),
    Column("withdrawn", String(32)),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(32), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("request_id", Integer, ForeignKey("requests.id"), nullable=False),
    Column("action", String(20), nullable=False),  # accepted or withdrawn
    Column("acceptance_id", Integer, ForeignKey("acceptances.id"), nullable=False),
    Column("fingerprint", String(32), nullable=False),
    Column("code", String(20), nullable=False),
    Column("reason", Text, nullable=False),
)

# The first service kept its own version number; its version 1 is Alembic's revision 0001.
LEGACY_VERSIONS = {1: "0001"}


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def open_database(folder: Path) -> Engine:
    """The database in `folder` (made if new), migrated to the head revision."""
    engine = create_engine(
        f"sqlite:///{folder / 'service.sqlite3'}", connect_args={"check_same_thread": False}
    )
    event.listen(engine, "connect", _pragmas)
    with engine.begin() as connection:
        _adopt_legacy_version(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        script = ScriptDirectory.from_config(alembic_config())
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise RuntimeError(
                f"the data folder's schema is at revision {current}, which this service does not know: "
                "it was made by a newer dars-evidence"
            )
        command.upgrade(alembic_config(connection), "head")
    return engine


def _adopt_legacy_version(connection: Connection) -> None:
    """A folder of the first service (its own `schema_version` table) is stamped at the matching revision."""
    if not inspect(connection).has_table("schema_version"):
        return
    version = connection.exec_driver_sql("SELECT version FROM schema_version").scalar()
    if version not in LEGACY_VERSIONS:
        raise RuntimeError(
            f"the data folder is at schema version {version}, which this service does not know"
        )
    command.stamp(alembic_config(connection), LEGACY_VERSIONS[version])
    connection.exec_driver_sql("DROP TABLE schema_version")


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
