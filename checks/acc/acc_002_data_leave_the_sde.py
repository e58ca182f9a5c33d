from __future__ import annotations

from collections.abc import Iterator

from checks.acc.needs_route import route_skip
from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from extractors.names.org_names import NHS_ENGLAND_NAMES
from pipeline.findings import Finding, Severity


class DataLeaveTheSde(Check):
    code = "ACC-002"
    severity = Severity.WARNING
    about = "disseminate flow"
    title = "Access in the Secure Data Environment, but a flow disseminates the data out of it"
    rule = (
        "The request asks for access in NHS England's Secure Data Environment (access.route: sde) and has a "
        "disseminate flow to a counterparty other than NHS England: data leaving the environment contradict the "
        "route. One finding per flow."
    )
    action = (
        "Remove the disseminate flow if the data will be analysed in the Secure Data Environment, or ask for an "
        "extract (route: extract) and say why the SDE cannot serve the purpose."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Disseminate flows to an organisation other than NHS England in a request whose route is the SDE.",
        why="In NHS England's Secure Data Environment approved users analyse the data inside it; the data do "
        "not leave it. A dissemination to the applicant is an extract, another route.",
        reads="The request's access.route and flows (action, counterparty).",
        discrepancy="`access: {route: sde}` and a disseminate flow to the University.",
        consistent="`route: sde` with receive and link flows only; or `route: extract` with the disseminate flow.",
        limits="A disseminate flow with no counterparty is read as leaving the environment. Skipped without "
        "access.route.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        return super().skip_reason(ctx) or route_skip(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.access.route != "sde":
            return
        for number, flow in enumerate(ctx.req.flows):
            if flow.action != "disseminate" or (
                flow.counterparty and NHS_ENGLAND_NAMES.search(flow.counterparty)
            ):
                continue
            recipient = flow.counterparty or "a recipient not named"
            yield self.finding(
                f"access is to be in the Secure Data Environment, but flows[{number}] disseminates data to {recipient}",
                evidence=[request_evidence(ctx, "access.route"), request_evidence(ctx, f"flows[{number}]")],
                subject=f"{recipient}: {sorted(flow.datasets)} {sorted(flow.identifiers)}",
            )
