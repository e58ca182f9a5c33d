"""The check catalogue. Each family's `__init__` lists its checks: that is where a check is registered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from checks import (
    acc,
    coh,
    con,
    datasets,
    doc,
    hon,
    lb,
    minimisation,
    ndoo,
    org,
    pn,
    pur,
    reg,
    req,
    s251,
    sec,
    sub,
    ter,
)
from checks.base import Check
from checks.context import CheckContext
from pipeline.findings import Finding, Skip

# The catalogue's order: REQ, DOC, LB, S251, REG, DATA, MIN, CON, NDOO, PUR, PN, ORG, SEC, HON, ACC, TER, SUB.
FAMILIES = (req, doc, lb, s251, reg, datasets, minimisation, con, ndoo, pur, pn, org, sec, hon, acc, ter, sub)
# Listed in the catalogue, run only by `dars-evidence cohort`: never in a bundle's report, not even
# as skipped (checks.md).
COHORT_FAMILIES = (coh,)


def all_checks() -> tuple[Check, ...]:
    return (*bundle_checks(), *cohort_checks())


def bundle_checks() -> tuple[Check, ...]:
    return tuple(check() for family in FAMILIES for check in family.CHECKS)


def cohort_checks() -> tuple[Check, ...]:
    return tuple(check() for family in COHORT_FAMILIES for check in family.CHECKS)


def find_check(code: str) -> Check | None:
    wanted = code.strip().upper()
    return next((check for check in all_checks() if check.code == wanted), None)


def run_checks(
    ctx: CheckContext, enabled: Callable[[str], bool] | None = None
) -> tuple[list[Finding], list[Skip]]:
    """Run every check that can run; the others are returned as skips with their reason.

    A check `enabled` turns down (the configuration's select and ignore) is neither run nor listed
    as skipped: the report's settings say which codes were not run."""
    findings: list[Finding] = []
    skipped: list[Skip] = []
    for check in bundle_checks():
        if enabled is not None and not enabled(check.code):
            continue
        reason = check.skip_reason(ctx)
        if reason:
            skipped.append(Skip(check.code, reason))
            continue
        for item in check.results(ctx):
            (skipped if isinstance(item, Skip) else findings).append(item)
    findings.sort(key=lambda f: (f.severity.rank, f.code))
    return distinct_fingerprints(findings), skipped


def distinct_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Two findings of one code never share a fingerprint: a second finding on the same subject (two
    documents that describe themselves alike) is told apart by its place among them, in report order."""
    seen: dict[str, int] = {}
    distinct = []
    for finding in findings:
        count = seen.get(finding.fingerprint, 0)
        seen[finding.fingerprint] = count + 1
        distinct.append(replace(finding, subject=f"{finding.subject} #{count + 1}") if count else finding)
    return distinct
