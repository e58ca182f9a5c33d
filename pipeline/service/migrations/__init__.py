"""The service's schema migrations, run by Alembic when a data folder is opened (database.py).

A new revision: `alembic -c pipeline/service/migrations/alembic.ini revision -m "what"` writes a file under
versions/ from script.py.mako; write its upgrade with `op` (never import the current tables: a revision
is the schema as it was). tests/service/test_migrations.py proves head matches database.py's tables.
"""
