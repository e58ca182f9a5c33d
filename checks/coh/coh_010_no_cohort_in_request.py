from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding, receive_identifiers
from pipeline.findings import Severity


class NoCohortInRequest(CohortCheck):
    code = "COH-010"
    severity = Severity.WARNING
    title = "The request does not describe a cohort sent to NHS England"
    rule = (
        "The request does not describe a cohort sent to NHS England: `cohort.supplied` is not true, or no "
        "`receive` flow gives identifiers."
    )
    action = (
        "Set `cohort.supplied: true` and add a `receive` flow listing the identifiers the cohort file carries, "
        "or do not send a cohort file for this request."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A cohort file checked against a request that does not say a cohort goes to NHS England.",
        why="The cohort is confidential patient information sent to NHS England: the agreement must say it is "
        "received, and which items it holds.",
        reads="The request's cohort.supplied and flows[] (action receive, identifiers).",
        discrepancy="cohort.supplied false, or no receive flow, for a study that uploads a cohort.",
        consistent="cohort.supplied true and a receive flow with identifiers [nhs_number, date_of_birth].",
        limits="Reads the request only: it does not judge whether the file matches the flow (COH-003 does).",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        missing = []
        evidence = []
        if ctx.req.cohort_supplied is not True:
            missing.append("cohort.supplied is not true")
            evidence.append(
                ctx.request_evidence("cohort.supplied" if ctx.req.cohort_supplied is not None else "cohort")
            )
        if not receive_identifiers(ctx.req):
            missing.append("no receive flow gives identifiers")
            evidence.append(ctx.request_evidence("flows"))
        if missing:
            yield self.cohort_finding(
                f"the request does not describe a cohort sent to NHS England: {' and '.join(missing)}",
                "; ".join(missing),
                ctx,
                evidence=evidence,
            )
