from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class NoProcessingLocation(Check):
    code = "ORG-002"
    about = "organisation"
    severity = Severity.WARNING
    title = "An organisation gives no processing location"
    rule = "An organisation in the request gives no processing location (the field missing or empty)."
    action = "State where this organisation processes and stores the data (every country, and cloud regions)."
    needs_request = True
    doc = CheckDoc(
        finds="Organisations whose processing_locations is missing or empty.",
        why="The territory of use must cover every place of processing and storage; it cannot be checked "
        "against a place not given.",
        reads="The request's organisations[].processing_locations.",
        discrepancy="A processor with no `processing_locations`.",
        consistent="`processing_locations: [England]`.",
        limits="None beyond the request's own fields.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for number, organisation in enumerate(ctx.req.organisations):
            if not organisation.processing_locations:
                yield self.finding(
                    f"{organisation.name} gives no processing location",
                    evidence=[request_evidence(ctx, f"organisations[{number}]")],
                    searched=(f"{ctx.request.file}: organisations[{number}].processing_locations",),
                    subject=normalise_org_name(organisation.name),
                )
