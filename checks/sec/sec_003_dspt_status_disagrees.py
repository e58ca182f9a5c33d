from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.dspt_statements import statements_about
from checks.dspt_years import normalise_year
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class DsptStatusDisagrees(Check):
    code = "SEC-003"
    severity = Severity.WARNING
    about = "organisation and DSPT year"
    title = "A document gives an organisation another DSPT status than the request"
    rule = (
        "A DSPT statement gives an organisation of the request a status for an assessment year, and the request's "
        "security.dspt gives that organisation the same year with another status. One finding per organisation and "
        "year; quote both."
    )
    action = "Correct the DSPT status in the request, or explain why the document's status no longer holds."
    needs_request = True
    doc = CheckDoc(
        finds="An organisation whose DSPT status for a year in the request differs from the status a document "
        "(a CAG letter's condition, an application) states for that year.",
        why="DARS data sharing standard 2a relies on the DSPT outcome; two outcomes for one assessment mean one is "
        "wrong, and the reviewer must know which before relying on it.",
        reads="The request's organisations[].security.dspt (status, year); DSPT statements with a year in every "
        "document.",
        discrepancy="The request: standards_met for 2023-24; the CAG letter: 'the 2023/24 DSPT for the "
        "University of Bristol was confirmed as Approaching Standards'.",
        consistent="The same year and status in both; or a statement about another year.",
        limits="A statement without a year, or one that is pending, is not compared; an organisation is recognised "
        "by its name (names match).",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        if not any(o.security and o.security.dspt for o in ctx.req.organisations):
            return "no organisation of the request gives a security.dspt to compare"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for index, organisation in enumerate(ctx.req.organisations):
            dspt = organisation.security.dspt if organisation.security else None
            year = normalise_year(dspt.year) if dspt else None
            if not year or not dspt.status:
                continue
            others = [
                f
                for f in statements_about(ctx, organisation.name)
                if normalise_year((f.detail or {}).get("year")) == year and f.value != dspt.status
            ]
            if not others:
                continue
            stated = others[0]
            yield self.finding(
                f"{organisation.name}: the request gives DSPT {year} as {dspt.status}, but "
                f"{stated.evidence.document} gives {stated.value}",
                evidence=[
                    request_evidence(ctx, f"organisations[{index}].security.dspt.status"),
                    *(f.evidence for f in others[:3]),
                ],
                subject=f"{organisation.name} {year}",
            )
