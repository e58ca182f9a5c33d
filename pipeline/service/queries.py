"""The reads and writes of requests and submissions, with the one access rule: an applicant sees
only the requests they own; a reviewer sees every request."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from pipeline.service.clock import now_stamp
from pipeline.service.database import requests, submissions, users


def _visible(query, user: dict):
    return query if user["role"] == "reviewer" else query.where(requests.c.owner_id == user["id"])


def visible_request(engine: Engine, user: dict, request_id: int) -> dict | None:
    query = _visible(
        select(requests, users.c.name.label("owner"))
        .join(users, users.c.id == requests.c.owner_id)
        .where(requests.c.id == request_id),
        user,
    )
    with engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    return dict(row) if row else None


def queue(engine: Engine, user: dict) -> list[dict]:
    """Every request the user may see, newest first, each with its latest submission (one query)."""
    newest = (
        select(submissions.c.request_id, func.max(submissions.c.number).label("number"))
        .group_by(submissions.c.request_id)
        .subquery()
    )
    latest = (
        select(submissions)
        .join(
            newest,
            (newest.c.request_id == submissions.c.request_id) & (newest.c.number == submissions.c.number),
        )
        .subquery()
    )
    query = _visible(
        select(
            requests,
            users.c.name.label("owner"),
            *[column.label(f"latest_{column.name}") for column in latest.c],
        )
        .join(users, users.c.id == requests.c.owner_id)
        .outerjoin(latest, latest.c.request_id == requests.c.id),
        user,
    ).order_by(requests.c.id.desc())
    rows = []
    with engine.connect() as connection:
        for row in connection.execute(query).mappings():
            entry = {key: row[key] for key in ("id", "title", "owner_id", "created", "owner")}
            prefixed = {
                key[len("latest_") :]: value for key, value in row.items() if key.startswith("latest_")
            }
            entry["latest"] = _submission(prefixed) if prefixed["id"] is not None else None
            rows.append(entry)
    return rows


def request_submissions(engine: Engine, request_id: int) -> list[dict]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(submissions).where(submissions.c.request_id == request_id).order_by(submissions.c.number)
        ).mappings()
        return [_submission(row) for row in rows]


def submission(engine: Engine, submission_id: int) -> dict | None:
    with engine.connect() as connection:
        row = (
            connection.execute(select(submissions).where(submissions.c.id == submission_id))
            .mappings()
            .first()
        )
    return _submission(row) if row else None


def create_request(engine: Engine, title: str, owner_id: int) -> int:
    with engine.begin() as connection:
        result = connection.execute(
            requests.insert().values(title=title, owner_id=owner_id, created=now_stamp())
        )
        return result.inserted_primary_key[0]


def add_submission(engine: Engine, request_id: int, sha256: str, size: int, user_id: int) -> int:
    with engine.begin() as connection:
        number = (
            connection.execute(
                select(func.coalesce(func.max(submissions.c.number), 0)).where(
                    submissions.c.request_id == request_id
                )
            ).scalar()
            + 1
        )
        result = connection.execute(
            submissions.insert().values(
                request_id=request_id,
                number=number,
                sha256=sha256,
                size=size,
                uploaded_by=user_id,
                uploaded=now_stamp(),
                state="queued",
            )
        )
        return result.inserted_primary_key[0]


def update_submission(engine: Engine, submission_id: int, **values) -> None:
    with engine.begin() as connection:
        connection.execute(submissions.update().where(submissions.c.id == submission_id).values(**values))


def submissions_in(engine: Engine, states: tuple[str, ...]) -> list[int]:
    with engine.connect() as connection:
        return list(
            connection.execute(select(submissions.c.id).where(submissions.c.state.in_(states))).scalars()
        )


def latest_checked(engine: Engine, request_id: int) -> dict | None:
    """The request's latest submission whose check finished."""
    return previous_checked(engine, request_id, None)


def previous_checked(engine: Engine, request_id: int, number: int | None) -> dict | None:
    """The latest submission before `number` (any, when None) whose check finished: the baseline of
    the changes."""
    before = [] if number is None else [submissions.c.number < number]
    with engine.connect() as connection:
        row = (
            connection.execute(
                select(submissions)
                .where(submissions.c.request_id == request_id, submissions.c.state == "done", *before)
                .order_by(submissions.c.number.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
    return _submission(row) if row else None


def _submission(row) -> dict:
    return {
        "id": row["id"],
        "request_id": row["request_id"],
        "number": row["number"],
        "sha256": row["sha256"],
        "size": row["size"],
        "uploaded": row["uploaded"],
        "state": row["state"],
        "reason": row["reason"],
        "verdict": row["verdict"],
        "errors": row["errors"],
        "warnings": row["warnings"],
        "checked": row["checked"],
    }
