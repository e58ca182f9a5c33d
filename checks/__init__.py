"""The check catalogue. Each family's `__init__` lists its checks: that is where a check is registered."""

from __future__ import annotations

from checks import con, datasets, doc, hon, lb, min, ndoo, org, pn, pur, req, s251, sec, sub, ter
from checks.base import Check
from checks.context import CheckContext
from pipeline.findings import Finding, Skip

# The catalogue's order: REQ, DOC, LB, S251, DATA, MIN, CON, NDOO, PUR, PN, ORG, SEC, HON, TER, SUB.
FAMILIES = (req, doc, lb, s251, datasets, min, con, ndoo, pur, pn, org, sec, hon, ter, sub)


def all_checks() -> tuple[Check, ...]:
    return tuple(check() for family in FAMILIES for check in family.CHECKS)


def find_check(code: str) -> Check | None:
    wanted = code.strip().upper()
    return next((check for check in all_checks() if check.code == wanted), None)


def run_checks(ctx: CheckContext) -> tuple[list[Finding], list[Skip]]:
    """Run every check that can run; the others are returned as skips with their reason."""
    findings: list[Finding] = []
    skipped: list[Skip] = []
    for check in all_checks():
        reason = check.skip_reason(ctx)
        if reason:
            skipped.append(Skip(check.code, reason))
            continue
        for item in check.results(ctx):
            (skipped if isinstance(item, Skip) else findings).append(item)
    findings.sort(key=lambda f: (f.severity.rank, f.code))
    return findings, skipped
