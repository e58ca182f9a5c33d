from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class TerritoryBeyondUk(Check):
    code = "TER-003"
    severity = Severity.INFO
    title = "The territory of use reaches beyond the UK"
    rule = "The territory of use reaches beyond the UK: further assurance will be asked for."
    action = "Nothing to fix; expect DARS to ask for assurance about processing outside the UK."
    needs_request = True
    doc = CheckDoc(
        finds="A territory of use of uk_eea or worldwide.",
        why="Processing outside the UK needs further assurance at the assessment, whatever the locations listed.",
        reads="The request's territory_of_use.",
        discrepancy="`territory_of_use: worldwide`.",
        consistent="`territory_of_use: uk` or `england_wales`.",
        limits="None beyond the request's own field.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        territory = ctx.req.territory_of_use
        if territory in ("uk_eea", "worldwide"):
            yield self.finding(
                f"the territory of use is {territory}, beyond the UK",
                evidence=[request_evidence(ctx, "territory_of_use")],
            )
