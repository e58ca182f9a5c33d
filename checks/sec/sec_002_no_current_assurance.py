from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.dspt_statements import statements_about
from checks.dspt_years import ASSURING, is_current
from checks.evidence import fact_evidence, request_evidence, searched
from pipeline.findings import Finding, Severity


class NoCurrentAssurance(Check):
    code = "SEC-002"
    severity = Severity.WARNING
    about = "organisation"
    title = "An organisation shows no current security assurance"
    rule = (
        "An organisation shows no current assurance: the request gives it none of security.dspt, "
        "security.iso27001 and security.slsp_agreed: true, and no DSPT statement gives it Standards Met or "
        "Exceeded for a current DSPT year. One finding per organisation; the message names what was found "
        "instead, with those statements as evidence, or what was searched."
    )
    action = (
        "Give the organisation's security assurance in the request (security.dspt with its year and status, an "
        "ISO/IEC 27001 certificate, or an agreed SLSP), or supply its current DSPT confirmation."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Data controllers and processors for which neither the request nor any document shows a current "
        "security assurance.",
        why="DARS data sharing standard 2a: every data controller and data processor provides a DSPT assessment "
        "(Standards Met or Exceeded, current), an SLSP agreed by NHS England, or ISO/IEC 27001 certification.",
        reads="The request's organisations[].security; DSPT statements (toolkit, status, organisation, year) in "
        "every document; the as-of date.",
        discrepancy="No security in the request, and the CAG letter confirms Standards Met for 2021-22 only, "
        "checked at 2024-09-16.",
        consistent="A CAG letter: 'the 2023/24 DSPT review for the University of Bristol was confirmed as "
        "Standards Met', checked at 2024-09-16; or security.dspt in the request (SEC-001 judges it).",
        limits="An organisation is recognised in a statement by its name as the request writes it (names match); "
        "an organisation code alone is not read. A statement without a year is not current.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for index, organisation in enumerate(ctx.req.organisations):
            security = organisation.security
            if security and (security.dspt or security.iso27001 or security.slsp_agreed is True):
                continue
            statements = statements_about(ctx, organisation.name)
            if any(
                f.value in ASSURING and is_current((f.detail or {}).get("year"), ctx.as_of)
                for f in statements
            ):
                continue
            found = "; ".join(_described(f, ctx) for f in statements[:3]) or "nothing"
            field = f"organisations[{index}].security" if security else f"organisations[{index}]"
            yield self.finding(
                f"{organisation.name} shows no current security assurance at {ctx.as_of.isoformat()}: found "
                f"{found}",
                evidence=[*fact_evidence(statements[:3]), request_evidence(ctx, field)],
                searched=() if statements else searched(ctx.readable),
                subject=organisation.name,
            )


def _described(fact, ctx: CheckContext) -> str:
    year = (fact.detail or {}).get("year")
    status = fact.value.replace("_", " ").title()
    if year is None:
        when = "with no assessment year"
    elif is_current(year, ctx.as_of):
        when = f"for {year}"
    else:
        when = f"for {year}, not current"
    return f"{fact.evidence.document} gives {status} {when}"
