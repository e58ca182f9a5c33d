from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding, plural
from pipeline.findings import Severity


class SamePerson(CohortCheck):
    code = "COH-008"
    severity = Severity.WARNING
    title = "The same person appears under different unique references"
    rule = (
        "The same person appears on more than one row under different unique references: rows with the same "
        "NHS number (not blank), or rows equal in every identifier column. One finding, listing the rows."
    )
    action = (
        "Check these rows: keep one row for each participant, or correct the NHS number that was copied to the "
        "wrong row."
    )
    doc = CheckDoc(
        finds="Rows that share an NHS number, or every identifier, with a row under another unique reference.",
        why="A participant recruited twice, or an NHS number pasted onto the wrong row, links one person's "
        "records to two study IDs, or another person's records to a participant.",
        reads="The NHS number and every identifier column, compared through keyed hashes (no value kept); NHS "
        "numbers compared without spaces and hyphens, other identifiers without case or extra spaces.",
        discrepancy="Rows 5 and 40 with NHS number 943 476 5919 under study IDs S-0005 and S-0040.",
        consistent="Two rows with the same date of birth and sex but different NHS numbers.",
        limits="Different spellings of a name or a postcode make rows differ. Rows are compared in every "
        "identifier column only when they give at least two identifiers: a date of birth alone is shared by "
        "strangers; twins with blank NHS numbers and the same date of birth and sex are reported.",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        rows = ctx.scan.same_person
        if rows.total:
            yield self.cohort_finding(
                f"{plural(rows.total, 'row')} share an NHS number, or every identifier, with a row under another "
                f"unique reference: {rows.words()}",
                "same person",
                ctx,
                rows=rows,
            )
