from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.org.legal_entities import judge_name
from pipeline.findings import Finding, Severity


class ControllerPartOfAnEntity(Check):
    code = "ORG-003"
    severity = Severity.ERROR
    about = "organisation"
    title = "A data controller is named as part of an organisation, not as a legal entity"
    rule = (
        "A controller is named as part of an organisation, not as a legal entity: its name has a unit segment and "
        'another segment that names a legal entity ("Department of Health Sciences, University of Leicester"; '
        '"MRC Epidemiology Unit at the University of Cambridge"), or a unit segment that itself holds a '
        'legal-entity word ("University of Oxford Department of Psychiatry", "Imperial College School of '
        'Medicine"). One finding per controller; the action names the other segment, where there is one, as the '
        "likely controller."
    )
    action = (
        "Name the legal entity as the data controller (the university, trust or company the unit belongs to); "
        "the department or unit can be given as the team doing the work."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Controllers named as a department, school, institute, unit or centre of a university, trust or "
        "company, rather than the legal entity itself.",
        why="Each data controller signs a Data Sharing Framework Contract, so it must be a legal person; a "
        "department or unit of a university or trust is part of it, and the university or trust is the "
        "controller (DARS: all data controllers are legal entities).",
        reads="The names of the request's controllers, judged with domain.md's unit words, legal-entity words, "
        "company forms, NHS body endings and exceptions.",
        discrepancy="`Department of Health Sciences, University of Leicester` as controller.",
        consistent="`University of Leicester`; `The Walton Centre NHS Foundation Trust` (an NHS body ending); "
        "`London School of Hygiene & Tropical Medicine` (an exception).",
        limits="Names are judged by their words only; a legal entity whose name holds a unit word and is not in "
        "the exceptions may need its registration given.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for number, organisation in enumerate(ctx.req.organisations):
            if "controller" not in organisation.roles:
                continue
            judgement = judge_name(organisation.name)
            if not judgement.part_of_entity:
                continue
            likely = judgement.likely_controller()
            action = (
                f"Name the legal entity as the data controller: likely {likely}. The department or unit can be "
                "given as the team doing the work."
                if likely
                else None
            )
            yield self.finding(
                f"{organisation.name} is named as part of an organisation"
                + (f" ({likely}), not as the legal entity" if likely else ", not as a legal entity"),
                evidence=[request_evidence(ctx, f"organisations[{number}].name")],
                action=action,
                subject=organisation.name,
            )
