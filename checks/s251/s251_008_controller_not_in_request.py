from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import request_evidence
from extractors.names.nhs_bodies import NHS_BODY
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity

NAMED_ROLES = ("controller", "applicant")


class ControllerNotInRequest(Check):
    code = "S251-008"
    about = "organisation"
    severity = Severity.WARNING
    title = "A controller named by CAG is not a controller in the request"
    rule = "An organisation that a CAG letter names as data controller (or applicant organisation) is not a controller in the request."
    action = "Add the organisation as a controller in the request, or supply a CAG amendment that records the change of controller."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    doc = CheckDoc(
        finds="Organisations that CAG letters name as data controller or applicant organisation but that the request "
        "does not list with the controller role.",
        why="Support is given to the applicant and its controllers; a different controller in the request needs an "
        "amendment to the support.",
        reads="Organisations with the controller or applicant role in CAG letters; the request's organisations.",
        discrepancy="CAG letter: 'the University of Leeds is the data controller'; the request's controller is Leeds "
        "Teaching Hospitals NHS Trust.",
        consistent="The same organisation in both, however spelled ('The University of Leeds' / 'University of Leeds').",
        limits="A renamed organisation is not matched; NHS England as controller of its own datasets is ignored.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        controllers = {normalise_org_name(o.name) for o in ctx.req.controllers}
        reported: set[str] = set()
        for letter in ctx.of_kind(*CAG_LETTER_KINDS):
            for fact in letter.facts.named("organisation"):
                value = fact.value if isinstance(fact.value, dict) else {}
                name, role = value.get("name", ""), value.get("role")
                key = normalise_org_name(name)
                if (
                    role not in NAMED_ROLES
                    or not key
                    or key in controllers
                    or key in reported
                    or NHS_BODY.search(name)
                ):
                    continue
                reported.add(key)
                yield self.finding(
                    f"{letter.path} names {name} as {role}, but it is not a controller in the request",
                    evidence=[fact.evidence, request_evidence(ctx, "organisations")],
                    subject=key,
                )
