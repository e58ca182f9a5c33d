from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class CommercialWithoutBenefit(Check):
    code = "PUR-001"
    severity = Severity.ERROR
    title = "A commercial purpose states no public benefit"
    rule = "The request is commercial and states no public benefit."
    action = "State the benefit to health and social care that the commercial use will bring, and how it will be shown."
    needs_request = True
    doc = CheckDoc(
        finds="A request marked commercial whose public_benefit is missing or blank.",
        why="Commercial purposes are allowed only with a demonstrated benefit to health and social care.",
        reads="The request's commercial and public_benefit.",
        discrepancy="`commercial: true` and `public_benefit: null`.",
        consistent="`commercial: true` with a stated benefit, or `commercial: false`.",
        limits="Whether the stated benefit is convincing is for the reviewer.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if request.commercial and not (request.public_benefit or "").strip():
            yield self.finding(
                "the request is commercial but states no public benefit",
                evidence=[request_evidence(ctx, "commercial"), request_evidence(ctx, "public_benefit")],
            )
