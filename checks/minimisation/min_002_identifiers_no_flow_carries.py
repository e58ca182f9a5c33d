from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class IdentifiersNoFlowCarries(Check):
    code = "MIN-002"
    severity = Severity.WARNING
    about = "set of identifiers no flow carries"
    title = "Identifiers are requested that no flow carries"
    rule = (
        "The request's identifiers lists items that no flow carries (in no flows[].identifiers): requested, "
        "but no flow needs them. One finding, listing them. Skipped when no flow gives identifiers."
    )
    action = "Remove the identifiers no flow needs, or add them to the flow that carries them."
    needs_request = True
    doc = CheckDoc(
        finds="Items in the request's identifiers that appear in no flow's identifiers.",
        why="Data minimisation: every identifiable item needs a use; an item that no flow carries has none "
        "the request shows.",
        reads="The request's identifiers and flows[].identifiers.",
        discrepancy="`identifiers: [nhs_number, date_of_birth, address]` and flows that carry only "
        "nhs_number and date_of_birth.",
        consistent="Every listed identifier carried by a receive, link or disseminate flow.",
        limits="A request whose flows list no identifiers at all is not judged (they may just be unstated).",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason is None and not any(flow.identifiers for flow in ctx.req.flows):
            return "no flow of the request gives identifiers"
        return reason

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        carried = {item for flow in ctx.req.flows for item in flow.identifiers}
        unused = [item for item in ctx.req.identifiers if item not in carried]
        if unused:
            yield self.finding(
                f"{', '.join(unused)} {'is' if len(unused) == 1 else 'are'} requested but no flow carries "
                f"{'it' if len(unused) == 1 else 'them'}",
                evidence=[request_evidence(ctx, "identifiers")],
                searched=(f"{ctx.request.file}: flows[].identifiers",),
                subject=', '.join(sorted(unused)),
            )
