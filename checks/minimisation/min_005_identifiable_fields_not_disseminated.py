from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.minimisation.identifiable_fields import identifier_of_field
from pipeline.findings import Finding, Severity


class IdentifiableFieldsNotDisseminated(Check):
    code = "MIN-005"
    severity = Severity.WARNING
    about = "dataset"
    title = "A dataset's fields hold identifiable items that no flow declares"
    rule = (
        "A dataset's fields include a field that domain.md maps to an identifiable item (newnhsno, dob, homeadd, "
        "lopatid, ...) that no disseminate flow carries: the data would hold an item the flows do not declare. "
        "One finding per dataset, naming the fields."
    )
    action = (
        "Remove the identifiable fields from the dataset (or ask for a less identifying one, e.g. month of birth "
        "or postcode district), or declare the item in the disseminate flow with its justification."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Dataset fields such as newnhsno, dob, homeadd or lopatid whose identifier no disseminate flow carries.",
        why="A field that is an identifiable item makes the extract identifiable; the flows must declare it, and "
        "minimisation asks whether it is needed at all.",
        reads="The request's datasets[].fields and flows[].identifiers of the disseminate flows.",
        discrepancy="HES APC fields `[admidate, dob, homeadd]` and a pseudonymised return with no identifiers.",
        consistent="Fields `[admidate, mydob, postdist]`, or a disseminate flow carrying date_of_birth and postcode.",
        limits="Only the field names domain.md lists are known (HES's identifiable fields and the identifier ids); "
        "sex, date of death and GP practice are analysis fields and not counted.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        declared = {
            item for flow in ctx.req.flows if flow.action == "disseminate" for item in flow.identifiers
        }
        for number, dataset in enumerate(ctx.req.datasets):
            undeclared = [
                (field, item)
                for field in dataset.fields
                if (item := identifier_of_field(field)) is not None and item not in declared
            ]
            if undeclared:
                named = ", ".join(f"{field} ({item})" for field, item in undeclared)
                yield self.finding(
                    f"{dataset.id} asks for {named}, which no disseminate flow carries",
                    evidence=[request_evidence(ctx, f"datasets[{number}].fields")],
                    searched=(f"{ctx.request.file}: flows[].identifiers of the disseminate flows",),
                    subject=dataset.id,
                )
