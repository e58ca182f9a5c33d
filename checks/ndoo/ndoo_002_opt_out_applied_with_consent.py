from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class OptOutAppliedWithConsent(Check):
    code = "NDOO-002"
    severity = Severity.WARNING
    title = "The opt-out is applied to data shared with consent"
    rule = (
        "The basis is consent and the request says the opt-out is applied: the opt-out does not apply to data "
        "shared with consent, so the request contradicts its own basis."
    )
    action = "Correct the request: with consent as the basis, the national data opt-out is not applied."
    basis = "consent"
    doc = CheckDoc(
        finds="A consent-based request that says the national data opt-out is applied.",
        why="The national data opt-out does not apply where the person consented; applying it would remove "
        "consenting participants, and it suggests the basis is not what the request says.",
        reads="The request's legal_basis.common_law and national_data_opt_out.",
        discrepancy="`common_law: consent` with `national_data_opt_out: applied`.",
        consistent="`common_law: consent` with `national_data_opt_out: not_applied`.",
        limits="None beyond the request's own fields.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.national_data_opt_out == "applied":
            yield self.finding(
                "the basis is consent, yet the request applies the national data opt-out",
                evidence=[
                    request_evidence(ctx, "national_data_opt_out"),
                    request_evidence(ctx, "legal_basis.common_law"),
                ],
            )
