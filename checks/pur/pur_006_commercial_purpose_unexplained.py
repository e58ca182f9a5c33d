from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class CommercialPurposeUnexplained(Check):
    code = "PUR-006"
    severity = Severity.ERROR
    title = "A commercial request does not explain its commercial purpose"
    rule = (
        "The request is commercial and does not explain the commercial purpose for which the data are requested "
        "(commercial_purpose missing or blank)."
    )
    action = (
        "Explain the commercial purpose: who gains commercially from the data, how (a product, a service, a "
        "contract), and how that use stays within health and adult social care."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A request marked commercial whose commercial_purpose is missing, null or blank.",
        why="NHS England disseminates for health and adult social care only; a commercial purpose is allowed "
        "with a demonstrated benefit, and the DARS application must explain the commercial element.",
        reads="The request's commercial and commercial_purpose.",
        discrepancy="`commercial: true`, a public benefit stated, and no `commercial_purpose`.",
        consistent="`commercial_purpose: 'The analysis is commissioned by ... to evaluate its service'`; or "
        "`commercial: false`.",
        limits="Whether the explanation is acceptable is for the reviewer.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if request.commercial and request.commercial_purpose is None:
            yield self.finding(
                "the request is commercial but does not explain its commercial purpose",
                evidence=[request_evidence(ctx, "commercial")],
                searched=(f"{ctx.request.file}: commercial_purpose",),
            )
