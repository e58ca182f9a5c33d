"""Alembic's environment: the service passes its open connection (config.attributes["connection"]);
`alembic` on the command line uses the URL of alembic.ini instead."""

from alembic import context
from sqlalchemy import create_engine

connection = context.config.attributes.get("connection")
if connection is None:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as own:
        context.configure(connection=own, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    # render_as_batch: SQLite alters a table by copying it, which Alembic's batch mode does
    context.configure(connection=connection, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
