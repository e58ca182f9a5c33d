"""The service assembled over one data folder: database, stored uploads, reports and the key
that signs sessions (made once, kept in the folder, readable by its owner only)."""

from __future__ import annotations

import os
import secrets
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware

from pipeline.limits import DEFAULT_LIMITS
from pipeline.service.blobs import BlobStore
from pipeline.service.checking import DEFAULT_WORKERS, Checker
from pipeline.service.database import open_database
from pipeline.service.guard import SecurityHeaders
from pipeline.service.pages import EXCEPTION_HANDLERS, ROUTES

DEFAULT_MAX_UPLOAD_MB = 100
SESSION_IDLE = 2 * 60 * 60  # seconds a session lasts unused
SESSION_LIFETIME = 12 * 60 * 60  # seconds a session lasts whatever the use


def create_app(
    data: Path,
    *,
    synchronous: bool = False,
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB,
    session_lifetime: int = SESSION_LIFETIME,
    workers: int = DEFAULT_WORKERS,
    max_files: int = DEFAULT_LIMITS.max_members,
) -> Starlette:
    """The app over `data`. `synchronous` checks each upload before answering (for tests); otherwise
    `workers` submissions are checked at once, each in a worker process."""
    data.mkdir(parents=True, exist_ok=True)
    engine = open_database(data)
    checker = Checker(
        engine,
        BlobStore(data / "submissions"),
        data / "reports",
        data / "cache",
        workers=workers,
        synchronous=synchronous,
    )

    @asynccontextmanager
    async def lifespan(_app):
        checker.recover()
        yield
        checker.close()

    app = Starlette(
        routes=ROUTES,
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                SessionMiddleware,
                secret_key=session_key(data),
                session_cookie="dars_session",
                max_age=SESSION_IDLE,
                same_site="strict",
            ),
        ],
    )
    app.state.engine = engine
    app.state.blobs = checker.blobs
    app.state.checker = checker
    app.state.max_upload_bytes = max_upload_mb << 20
    app.state.max_files = max_files  # files in one upload, and members of an uploaded .zip
    app.state.session_lifetime = session_lifetime
    return app


def session_key(data: Path) -> str:
    path = data / "session.key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
