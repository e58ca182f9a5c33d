"""The service tests' data folder: a database with a reviewer and two applicants."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.service.accounts import create_user
from pipeline.service.database import open_database

PASSWORD = "correct horse battery"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    engine = open_database(tmp_path)
    create_user(engine, "rita", PASSWORD, "reviewer")
    create_user(engine, "alice", PASSWORD, "applicant")
    create_user(engine, "bob", PASSWORD, "applicant")
    engine.dispose()
    return tmp_path
