from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class ControllerWithoutDsfc(Check):
    code = "ORG-001"
    about = "organisation"
    severity = Severity.ERROR
    title = "A data controller has no Data Sharing Framework Contract"
    rule = "A controller in the request has no Data Sharing Framework Contract (dsfc: false)."
    action = "Put a Data Sharing Framework Contract in place with NHS England for this controller before the application."
    needs_request = True
    doc = CheckDoc(
        finds="Each organisation with the controller role whose dsfc is false.",
        why="Each data controller needs its own Data Sharing Framework Contract with NHS England; a Data Sharing "
        "Agreement is made under it.",
        reads="The request's organisations[].roles and dsfc.",
        discrepancy="A controller with `dsfc: false`.",
        consistent="Every controller with `dsfc: true`; a processor needs none.",
        limits="A missing dsfc field is not taken as false.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for number, organisation in enumerate(ctx.req.organisations):
            if "controller" in organisation.roles and organisation.dsfc is False:
                yield self.finding(
                    f"{organisation.name} is a controller without a Data Sharing Framework Contract",
                    evidence=[request_evidence(ctx, f"organisations[{number}].dsfc")],
                    subject=normalise_org_name(organisation.name),
                )
