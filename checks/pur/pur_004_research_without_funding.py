from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class ResearchWithoutFunding(Check):
    code = "PUR-004"
    severity = Severity.WARNING
    title = "Research with no stated funding"
    rule = "The purpose is research and the request states no funding (research.funding)."
    action = (
        "State who funds the research (the funder and grant), or that it is unfunded and how it is resourced."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A research request whose research.funding is missing or blank.",
        why="The funder can bear on who controls the data and whether the purpose is commercial.",
        reads="The request's purpose_category and research.funding.",
        discrepancy="`purpose_category: research` with no `research.funding`.",
        consistent="`research.funding: NIHR HS&DR grant 17/05/12`.",
        limits="The funder named is not checked against the documents.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if request.purpose_category == "research" and not (request.funding or "").strip():
            path = "research.funding" if ctx.request.locate("research.funding")[0] else "purpose_category"
            yield self.finding(
                "the purpose is research but the request states no funding",
                evidence=[request_evidence(ctx, path)],
                searched=(f"{ctx.request.file}: research.funding",),
            )
