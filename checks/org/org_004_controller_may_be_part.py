from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.org.legal_entities import judge_name
from pipeline.findings import Finding, Severity


class ControllerMayBePart(Check):
    code = "ORG-004"
    severity = Severity.WARNING
    about = "organisation"
    title = "A data controller's name is that of a unit, and may be part of a legal entity"
    rule = (
        "A controller's name has a unit segment and no segment names a legal entity (\"Birmingham Clinical Trials "
        'Unit", "Wellcome Sanger Institute"): it may be part of one. Not when the organisation gives its '
        "registration (a company, charity or other register number). One finding per controller."
    )
    action = (
        "Name the legal entity the unit belongs to as the data controller, or, if the organisation is itself a "
        "legal entity, give its registration (Companies House, charity or other register number)."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Controllers whose names look like a unit (institute, unit, centre, department...) with nothing "
        "naming the legal entity, and no registration given.",
        why="A data controller signs a Data Sharing Framework Contract and must be a legal person; units of "
        "universities, MRC units and clinical trials units are parts of larger bodies.",
        reads="The names and registration of the request's controllers, with domain.md's vocabularies.",
        discrepancy="`Birmingham Clinical Trials Unit` as controller with no registration.",
        consistent="The same with `registration: 'Charity 1234567'`; or `University of Birmingham`; or `The "
        "Francis Crick Institute` (an exception).",
        limits="The exceptions list is not complete; an unlisted legal entity whose name holds a unit word fires "
        "until it gives its registration.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for number, organisation in enumerate(ctx.req.organisations):
            if "controller" not in organisation.roles or organisation.registration:
                continue
            if judge_name(organisation.name).maybe_part:
                yield self.finding(
                    f"{organisation.name} is named as a unit and no part of the name is a legal entity: it may be "
                    "part of one",
                    evidence=[request_evidence(ctx, f"organisations[{number}].name")],
                    searched=(f"{ctx.request.file}: organisations[{number}].registration",),
                    subject=organisation.name,
                )
