from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class SublicensingWithoutJustification(Check):
    code = "SUB-001"
    severity = Severity.ERROR
    title = "Sub-licensing is planned without a justification"
    rule = (
        "Sub-licensing is planned with no justification (why the data cannot come from NHS England directly, "
        "and what value the applicant adds)."
    )
    action = (
        "Explain why the recipients cannot get the data from NHS England directly, and what value you add."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A request that plans sub-licensing and leaves the justification missing or blank.",
        why="A sub-licence needs a reason the data cannot come from NHS England directly and the value the "
        "applicant adds.",
        reads="The request's sublicensing.planned and sublicensing.justification.",
        discrepancy="`sublicensing: {planned: true, justification: null}`.",
        consistent="A justification stated, or `planned: false`.",
        limits="Whether the justification convinces is for the reviewer.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if request.sublicensing_planned and not (request.sublicensing_justification or "").strip():
            yield self.finding(
                "sub-licensing is planned but no justification is given",
                evidence=[request_evidence(ctx, "sublicensing.planned")],
                searched=(f"{ctx.request.file}: sublicensing.justification",),
            )
