from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from checks.ter.places import place
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class TransferWithoutRiskAssessment(Check):
    code = "TER-002"
    about = "organisation and location"
    severity = Severity.ERROR
    title = "Processing in a country without UK adequacy, and no transfer risk assessment"
    rule = (
        "A processing location outside the UK is in a country without UK adequacy regulations and the bundle "
        "has no transfer risk assessment."
    )
    action = "Supply a transfer risk assessment (with the safeguards used, e.g. an IDTA) for the transfer, or process inside the UK or an adequate country."
    needs_request = True
    searches = ("transfer_risk_assessment",)
    doc = CheckDoc(
        finds="Processing locations outside the UK, the EEA and the countries with UK adequacy regulations, in a "
        "bundle without a transfer risk assessment.",
        why="A restricted transfer needs safeguards (an IDTA, binding corporate rules) and a transfer risk "
        "assessment; DARS asks for it before data leave the UK.",
        reads="The request's organisations[].processing_locations; the kind of every document.",
        discrepancy="A processor in India, or in the USA (adequacy only for recipients certified to the Data "
        "Privacy Framework's UK extension, which a request does not show), and no TRA.",
        consistent="The same bundle with a transfer risk assessment, or processing in Canada or Japan.",
        limits="Certification of a US recipient to the Data Privacy Framework cannot be seen: the USA always "
        "needs the assessment here.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.of_kind("transfer_risk_assessment"):
            return
        for number, organisation in enumerate(ctx.req.organisations):
            for position, name in enumerate(organisation.processing_locations or ()):
                location = place(name)
                if location.adequate:
                    continue
                yield self.finding(
                    f"{organisation.name} processes data in {name}, which has no UK adequacy regulations "
                    "(for this recipient), and the bundle has no transfer risk assessment",
                    evidence=[
                        request_evidence(ctx, f"organisations[{number}].processing_locations[{position}]")
                    ],
                    searched=searched(ctx.readable) or ("the bundle: no readable documents",),
                    subject=f"{normalise_org_name(organisation.name)} in {name}",
                )
