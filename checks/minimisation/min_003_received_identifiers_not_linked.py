from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class ReceivedIdentifiersNotLinked(Check):
    code = "MIN-003"
    severity = Severity.WARNING
    about = "set of identifiers received and not linked"
    title = "NHS England would receive identifiers that linkage does not use"
    rule = (
        "Identifiers that a receive flow sends to NHS England and no link flow uses: NHS England would receive "
        "more than the linkage needs. One finding, listing them. Runs only when the request has both a receive "
        "and a link flow."
    )
    action = "Send NHS England only the identifiers the linkage uses, or add them to the link flow if it uses them."
    needs_request = True
    doc = CheckDoc(
        finds="Identifiers of the receive flows that appear in no link flow's identifiers.",
        why="Data minimisation: identifiers sent to NHS England for linkage should be the ones the linkage needs.",
        reads="The request's flows (action and identifiers).",
        discrepancy="A receive flow with nhs_number, date_of_birth, postcode and name; the link flow uses "
        "nhs_number, date_of_birth and postcode.",
        consistent="The receive and link flows carry the same identifiers.",
        limits="Identifiers received for another stated reason (tracing, for example) still fire: the reviewer "
        "weighs the reason.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason is None:
            actions = {flow.action for flow in ctx.req.flows}
            if not {"receive", "link"} <= actions:
                return "the request does not have both a receive and a link flow"
        return reason

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        flows = ctx.req.flows
        linked = {item for flow in flows if flow.action == "link" for item in flow.identifiers}
        received = [
            (number, item)
            for number, flow in enumerate(flows)
            if flow.action == "receive"
            for item in flow.identifiers
            if item not in linked
        ]
        extra = list(dict.fromkeys(item for _, item in received))
        if extra:
            numbers = list(dict.fromkeys(number for number, _ in received))
            link_numbers = [number for number, flow in enumerate(flows) if flow.action == "link"]
            yield self.finding(
                f"NHS England would receive {', '.join(extra)}, which no link flow uses",
                evidence=[request_evidence(ctx, f"flows[{n}].identifiers") for n in numbers]
                + [request_evidence(ctx, f"flows[{n}]") for n in link_numbers[:1]],
                subject=', '.join(sorted(extra)),
            )
