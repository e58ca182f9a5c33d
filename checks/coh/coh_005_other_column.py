from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding
from pipeline.findings import Severity


class OtherColumn(CohortCheck):
    code = "COH-005"
    severity = Severity.WARNING
    title = "The cohort file has a column linkage does not need"
    rule = (
        "A column that is neither an identifier column nor an administrative one (unique reference, status, "
        "minimum and maximum date): data that linkage does not need, such as study or clinical data. One "
        "finding per column."
    )
    action = (
        "Remove the column: send NHS England only the template's identifier and administrative columns. If it "
        "is one of them under another name, use the template's header."
    )
    doc = CheckDoc(
        finds="Columns whose header is none of the cohort template's recognised headers.",
        why="Data minimisation: a cohort file is for tracing and linkage; study or clinical data in it is "
        "disclosed without need.",
        reads="The header row only. The column is named by its number, never by its header: an unrecognised "
        "header may itself be a participant's value.",
        discrepancy="A column headed 'Smoking status' or 'HbA1c'.",
        consistent="UNIQUE_REFERENCE, STATUS, NHS_NO, DATE_OF_BIRTH, PERSON_MIN_DATE.",
        limits="An identifier under a header the template does not use ('Patient no.') is reported here, by "
        "number.",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        for column in ctx.scan.of_role("other"):
            yield self.cohort_finding(
                f"{column.name} is neither an identifier nor an administrative column of the template",
                "other column",
                ctx,
                column=column,
            )
