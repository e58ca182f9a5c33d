"""Users with a role, their passwords hashed with argon2 (memory-hard)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, select

from pipeline.service.clock import now_stamp
from pipeline.service.database import users

ROLES = ("reviewer", "applicant")
_hasher = PasswordHasher()
# Verified when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password")


class AccountError(ValueError):
    """A user that cannot be made: the message says why."""


def create_user(engine: Engine, name: str, password: str, role: str) -> int:
    name = name.strip()
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not name or len(name) > 80:
        raise AccountError("a user name has 1 to 80 characters")
    if len(password) < 10:
        raise AccountError("a password has at least 10 characters")
    with engine.begin() as connection:
        if connection.execute(select(users.c.id).where(users.c.name == name)).first():
            raise AccountError(f"the user {name!r} exists already")
        result = connection.execute(
            users.insert().values(
                name=name, role=role, password_hash=_hasher.hash(password), created=now_stamp()
            )
        )
        return result.inserted_primary_key[0]


def authenticate(engine: Engine, name: str, password: str) -> dict | None:
    """The user (`id`, `name`, `role`) when the password is theirs; else None."""
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.name == name.strip())).mappings().first()
    try:
        _hasher.verify(row["password_hash"] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    return {"id": row["id"], "name": row["name"], "role": row["role"]}


def user_by_id(engine: Engine, user_id: int) -> dict | None:
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.id == user_id)).mappings().first()
    return {"id": row["id"], "name": row["name"], "role": row["role"]} if row else None
