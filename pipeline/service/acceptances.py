"""Findings a reviewer accepted in the browser, per request, and the audit log of every acceptance
and withdrawal. An acceptance applies, while it is not withdrawn, to every later submission of its
request whose finding has the same fingerprint; a withdrawn one is kept, for the record."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import aliased

from pipeline.service.clock import now_stamp
from pipeline.service.database import acceptances, audit_log, users


class AcceptanceRefused(ValueError):
    """An acceptance or withdrawal that cannot be made: the message says why."""


def in_force(engine: Engine, request_id: int) -> list[dict]:
    """The request's acceptances not withdrawn, as the run's acceptances want them."""
    return [
        {
            "fingerprint": a["fingerprint"],
            "code": a["code"],
            "reason": a["reason"],
            "by": a["by"],
            "date": a["accepted"],
        }
        for a in of_request(engine, request_id)
        if a["withdrawn"] is None
    ]


def of_request(engine: Engine, request_id: int) -> list[dict]:
    """Every acceptance of the request, withdrawn ones too, oldest first, with who made and withdrew it."""
    withdrawer = aliased(users)
    query = (
        select(acceptances, users.c.name.label("by"), withdrawer.c.name.label("withdrawn_by_name"))
        .join(users, users.c.id == acceptances.c.accepted_by)
        .outerjoin(withdrawer, withdrawer.c.id == acceptances.c.withdrawn_by)
        .where(acceptances.c.request_id == request_id)
        .order_by(acceptances.c.id)
    )
    with engine.connect() as connection:
        return [
            {
                "id": row["id"],
                "fingerprint": row["fingerprint"],
                "code": row["code"],
                "reason": row["reason"],
                "by": row["by"],
                "accepted": row["accepted"],
                "withdrawn": row["withdrawn"],
                "withdrawn_by": row["withdrawn_by_name"],
            }
            for row in connection.execute(query).mappings()
        ]


def accept(engine: Engine, request_id: int, finding: dict, reason: str, user: dict) -> int:
    """Accept `finding` (of the request's latest report) with `reason`; the acceptance's id."""
    reason = " ".join(reason.split())
    if not reason:
        raise AcceptanceRefused("give the reason for accepting this finding")
    if len(reason) > 2000:
        raise AcceptanceRefused("a reason has at most 2000 characters")
    with engine.begin() as connection:
        held = connection.execute(
            select(acceptances.c.id).where(
                acceptances.c.request_id == request_id,
                acceptances.c.fingerprint == finding["fingerprint"],
                acceptances.c.withdrawn.is_(None),
            )
        ).first()
        if held:
            raise AcceptanceRefused("this finding is accepted already")
        stamp = now_stamp()
        acceptance_id = connection.execute(
            acceptances.insert().values(
                request_id=request_id,
                fingerprint=finding["fingerprint"],
                code=finding["code"],
                reason=reason,
                accepted_by=user["id"],
                accepted=stamp,
            )
        ).inserted_primary_key[0]
        _log(connection, stamp, user, request_id, "accepted", acceptance_id, finding, reason)
        return acceptance_id


def withdraw(engine: Engine, request_id: int, acceptance_id: int, reason: str, user: dict) -> None:
    reason = " ".join(reason.split())[:2000]
    with engine.begin() as connection:
        row = (
            connection.execute(
                select(acceptances).where(
                    acceptances.c.id == acceptance_id, acceptances.c.request_id == request_id
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise LookupError(acceptance_id)
        if row["withdrawn"] is not None:
            raise AcceptanceRefused("this acceptance was withdrawn already")
        stamp = now_stamp()
        connection.execute(
            acceptances.update()
            .where(acceptances.c.id == acceptance_id)
            .values(withdrawn=stamp, withdrawn_by=user["id"])
        )
        _log(connection, stamp, user, request_id, "withdrawn", acceptance_id, row, reason)


def audit(engine: Engine, request_id: int) -> list[dict]:
    """The request's audit log, oldest first."""
    query = (
        select(audit_log, users.c.name.label("by"))
        .join(users, users.c.id == audit_log.c.user_id)
        .where(audit_log.c.request_id == request_id)
        .order_by(audit_log.c.id)
    )
    with engine.connect() as connection:
        return [
            {
                "at": row["at"],
                "by": row["by"],
                "action": row["action"],
                "acceptance": row["acceptance_id"],
                "fingerprint": row["fingerprint"],
                "code": row["code"],
                "reason": row["reason"],
            }
            for row in connection.execute(query).mappings()
        ]


def _log(
    connection, stamp: str, user: dict, request_id: int, action: str, acceptance_id: int, finding, reason
):
    connection.execute(
        audit_log.insert().values(
            at=stamp,
            user_id=user["id"],
            request_id=request_id,
            action=action,
            acceptance_id=acceptance_id,
            fingerprint=finding["fingerprint"],
            code=finding["code"],
            reason=reason,
        )
    )
