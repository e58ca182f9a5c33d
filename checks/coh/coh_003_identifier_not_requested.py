from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding, receive_identifiers
from pipeline.cohort.headers import IDENTIFIER_ROLES
from pipeline.findings import Severity


class IdentifierNotRequested(CohortCheck):
    code = "COH-003"
    severity = Severity.ERROR
    title = "The cohort file carries an identifier the request does not list"
    rule = (
        "A column carries an identifier that the request does not list for NHS England to receive (in no "
        "`receive` flow's `identifiers`): an item the agreement will not allow. One finding per identifier, "
        "naming its columns. Skipped when no `receive` flow gives identifiers (COH-010)."
    )
    action = (
        "Remove these columns from the cohort file, or add the identifier to the request's `receive` flow (and "
        "to the legal basis that covers it) before the file is sent."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Identifier columns (NHS number, name, date of birth, postcode, ...) of the file that no `receive` "
        "flow of the request names.",
        why="NHS England's Participant Validation Engine checks that every data item of the cohort is listed "
        "in the data sharing agreement; an unlisted item is confidential patient information sent without "
        "the agreement's cover.",
        reads="The file's recognised identifier headers; the request's flows[].identifiers of `receive` flows.",
        discrepancy="A POSTCODE column when the receive flow lists nhs_number and date_of_birth.",
        consistent="NHS_NO and DOB columns for a receive flow of nhs_number and date_of_birth.",
        limits="A column is judged by its header: a column of postcodes headed 'Area' is an other column (COH-005).",
    )

    def cohort_skip_reason(self, ctx: CohortContext) -> str | None:
        reason = super().cohort_skip_reason(ctx)
        if reason is None and not receive_identifiers(ctx.req):
            return "no `receive` flow of the request gives identifiers (COH-010)"
        return reason

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        given = receive_identifiers(ctx.req)
        flows = sorted({index for indexes in given.values() for index in indexes})
        for role in IDENTIFIER_ROLES:
            columns = ctx.scan.of_role(role)
            if not columns or role in given:
                continue
            names = ", ".join(column.name for column in columns)
            yield self.cohort_finding(
                f"{names} carries {role}, which no receive flow of the request lists "
                f"(they list {', '.join(given)})",
                f"{role} not requested",
                ctx,
                column=columns[0],
                evidence=[ctx.request_evidence(f"flows[{index}].identifiers") for index in flows],
            )
