from __future__ import annotations

import re
from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.reg.support import RegisterCheck, register_entry
from extractors.names.nhs_bodies import NHS_BODY
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity

BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _names_a_controller(name: str, controllers: set[str]) -> bool:
    """The cell's organisation is a controller: as written, without what it adds in brackets
    ("University of Leeds (Dr J Smith)"), or in one of its comma segments ("University of Leeds,
    School of Medicine")."""
    forms = [name, BRACKETED.sub(" ", name), *BRACKETED.sub(" ", name).split(",")]
    return any(normalise_org_name(form) in controllers for form in forms)


class RegisterApplicantNotController(RegisterCheck):
    code = "REG-006"
    severity = Severity.WARNING
    title = "An organisation on the CAG register is not a controller in the request"
    rule = (
        "An organisation that the register entry names as applicant organisation (or data controller) is not a "
        "controller in the request. One finding per organisation."
    )
    action = (
        "Add the organisation as a controller in the request, or supply the CAG amendment that records the "
        "change of applicant or controller."
    )
    doc = CheckDoc(
        finds="Applicant organisations (or data controllers) of the register's entry that the request does not "
        "list with the controller role.",
        why="Support is given to the applicant and its controllers; a request from another controller needs an "
        "amendment to the support, and the register shows who holds it.",
        reads="The register entry's applicant organisation column (split at line breaks and semicolons, people, "
        "e-mail addresses and telephone numbers left out); the request's organisations.",
        discrepancy="Register: 'Applicant organisation: University of Exeter'; the request's controller is the "
        "University of Bristol.",
        consistent="'The University of Bristol' on the register and 'University of Bristol' in the request.",
        limits="A renamed organisation is not matched, nor an acronym; NHS England and its predecessors are ignored. "
        "A controller named with a unit after a comma, or with a contact in brackets, counts as named.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        controllers = {normalise_org_name(o.name) for o in ctx.req.controllers}
        entry = register_entry(ctx)
        reported: set[str] = set()
        for name, cell in entry.organisations:
            key = normalise_org_name(BRACKETED.sub(" ", name))
            if not key or key in reported or NHS_BODY.search(name) or _names_a_controller(name, controllers):
                continue
            reported.add(key)
            yield self.finding(
                f"the CAG register's entry for {', '.join(entry.references)} names {name} ({cell.header}), but it "
                "is not a controller in the request",
                evidence=[cell.evidence(ctx.register.file), request_evidence(ctx, "organisations")],
            )
