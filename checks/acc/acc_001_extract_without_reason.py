from __future__ import annotations

from collections.abc import Iterator

from checks.acc.needs_route import route_skip
from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class ExtractWithoutReason(Check):
    code = "ACC-001"
    severity = Severity.WARNING
    title = "Research asks for an extract without saying why the Secure Data Environment cannot serve it"
    rule = (
        "The purpose is research, the request asks for an extract (access.route: extract) and gives no reason "
        "why NHS England's Secure Data Environment cannot serve it (access.sde_unsuitable_reason missing or blank)."
    )
    action = (
        "Say why NHS England's Secure Data Environment cannot serve the research (access.sde_unsuitable_reason), "
        "or ask for access in the SDE instead of an extract."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Research requests for an extract that give no reason the Secure Data Environment is unsuitable.",
        why="The Data access policy update (2023): data access through secure data environments is the default "
        "for research, with extracts kept only where still needed; DARS asks for the most suitable service.",
        reads="The request's purpose_category, access.route and access.sde_unsuitable_reason.",
        discrepancy="`purpose_category: research` and `access: {route: extract}`.",
        consistent="The same with a stated reason (linkage to the study's own data the SDE cannot take in), or "
        "`route: sde`.",
        limits="Whether the reason convinces is for the reviewer. Skipped without access.route.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        return super().skip_reason(ctx) or route_skip(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if (
            request.purpose_category == "research"
            and request.access.route == "extract"
            and request.access.sde_unsuitable_reason is None
        ):
            yield self.finding(
                "the research asks for an extract but gives no reason why the Secure Data Environment cannot "
                "serve it",
                evidence=[request_evidence(ctx, "access.route")],
                searched=(f"{ctx.request.file}: access.sde_unsuitable_reason",),
            )
