"""`dars-evidence serve`: run the service under uvicorn, or create an account and stop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from pipeline.errors import UsageError


def create_account(data: Path, name: str, role: str, stdin: TextIO) -> int:
    from pipeline.service.accounts import AccountError, create_user
    from pipeline.service.database import open_database

    if stdin.isatty():
        import getpass

        password = getpass.getpass(f"Password for {name}: ")
    else:
        password = stdin.readline().rstrip("\r\n")
    data.mkdir(parents=True, exist_ok=True)
    try:
        create_user(open_database(data), name, password, role)
    except AccountError as exc:
        raise UsageError(str(exc)) from None
    print(f"created the {role} {name.strip()} in {data}")
    return 0


def run_service(host: str, port: int, data: Path, max_upload_mb: int, workers: int, max_files: int) -> int:
    import uvicorn

    from pipeline.service.app import create_app

    app = create_app(data, max_upload_mb=max_upload_mb, workers=workers, max_files=max_files)
    where = "loopback only (127.0.0.1)" if host == "127.0.0.1" else f"{host}: reachable from other machines"
    print(
        f"dars-evidence serve: listening on http://{host}:{port}/ ({where}); data in {data}; "
        f"{workers} submission(s) checked at once",
        file=sys.stderr,
    )
    if host == "127.0.0.1":
        print("It binds to 127.0.0.1 unless told otherwise (--host).", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    return 0
