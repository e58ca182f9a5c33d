from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.sec.assurance import ASSURING_STATUSES, dspt_year_current, other_assurance
from pipeline.findings import Finding, Severity


class DsptGivesNoAssurance(Check):
    code = "SEC-001"
    severity = Severity.ERROR
    about = "organisation"
    title = "An organisation's DSPT assessment gives no security assurance"
    rule = (
        "An organisation's security.dspt in the request gives no assurance: its status is standards_not_met or "
        "not_published, or approaching_standards without improvement_plan_agreed: true, or its year is not a "
        "current DSPT year; and the organisation has no other assurance (iso27001, slsp_agreed). One finding per "
        "organisation, naming the status and year."
    )
    action = (
        "Publish a DSPT assessment of Standards Met or Exceeded for a current year, agree an improvement plan "
        "with NHS England, or give another assurance (ISO/IEC 27001 certification, or an SLSP agreed with "
        "NHS England's security team)."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Organisations whose own DSPT entry in the request falls short and who give no other assurance.",
        why="DARS data sharing standard 2a: every data controller and processor shows a DSPT of Standards Met or "
        "Exceeded (or an improvement plan NHS England approved) for the latest or previous year, an agreed "
        "SLSP, or ISO/IEC 27001 certification.",
        reads="The request's organisations[].security (dspt status, year and improvement_plan_agreed; iso27001 "
        "expires; slsp_agreed) and the as-of date.",
        discrepancy="`dspt: {status: standards_not_met, year: 2023-24}` and nothing else; or Standards Met for "
        "2021-22 checked at 2024-09-16.",
        consistent="Standards Met for 2023-24 at 2024-09-16; or Approaching Standards with "
        "`improvement_plan_agreed: true`; or the same DSPT beside a current ISO/IEC 27001 certificate.",
        limits="A year written impossibly (2023-25) is REQ-001's; here only its status is judged. Whether the "
        "assessment is really published is for the DSPT tracker.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for number, organisation in enumerate(ctx.req.organisations):
            security = organisation.security
            if security is None or security.dspt is None or other_assurance(security, ctx.as_of):
                continue
            dspt = security.dspt
            reasons = []
            if dspt.status == "approaching_standards" and dspt.improvement_plan_agreed is not True:
                reasons.append("approaching standards with no improvement plan agreed")
            elif dspt.status not in ASSURING_STATUSES and dspt.status != "approaching_standards":
                reasons.append(f"status {dspt.status.replace('_', ' ')}")
            if dspt.first_year is not None and not dspt_year_current(dspt.first_year, ctx.as_of):
                reasons.append(f"{dspt.label} is not a current DSPT year at {ctx.as_of.isoformat()}")
            if reasons:
                yield self.finding(
                    f"{organisation.name}'s DSPT ({dspt.status.replace('_', ' ')}, {dspt.year}) gives no "
                    f"assurance: {'; '.join(reasons)}; and no other assurance is given",
                    evidence=[request_evidence(ctx, f"organisations[{number}].security.dspt")],
                    searched=(
                        f"{ctx.request.file}: organisations[{number}].security.iso27001, "
                        f"organisations[{number}].security.slsp_agreed",
                    ),
                    subject=organisation.name,
                )
