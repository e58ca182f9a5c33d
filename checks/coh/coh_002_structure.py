from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding, plural
from pipeline.cohort.headers import MANDATORY_ROLES
from pipeline.cohort.scan import MAX_PARTICIPANT_ROWS
from pipeline.findings import Severity

ROLE_WORDS = {"unique_reference": "unique reference", "status": "status", "date_of_birth": "date of birth"}
EXPECTED_HEADERS = {
    "unique_reference": "UNIQUE REFERENCE, UNIQUE REF, STUDY ID, PARTICIPANT ID or RECORD ID",
    "status": "STATUS",
    "date_of_birth": "DATE OF BIRTH, DOB or BIRTH DATE",
}


class CohortStructure(CohortCheck):
    code = "COH-002"
    severity = Severity.ERROR
    title = "The cohort file breaks the template's structure"
    rule = (
        "A mandatory column is missing (the unique reference, STATUS or date of birth; one finding per "
        "column); two columns have the same header; rows have a number of fields other than the header's (one "
        "finding, listing them; the other checks pass over those rows); or the file has more than 1,000,000 "
        "participant rows."
    )
    action = (
        "Follow NHS England's cohort file template: a unique reference, STATUS and date of birth column, each "
        "header once, every row with the header's number of fields, at most 1,000,000 rows a file."
    )
    doc = CheckDoc(
        finds="Missing mandatory columns, repeated headers, rows with too many or too few fields, and files "
        "over NHS England's row limit.",
        why="NHS England's guidance for submitting participant data makes the unique reference, STATUS and date "
        "of birth mandatory and caps a file at 1,000,000 rows; a shifted row would send a value in the "
        "wrong column.",
        reads="The header row's recognised headers; the number of fields in each row; the row count.",
        discrepancy="A file with STUDY ID, NHS_NO and DOB columns but no STATUS; a row with an unquoted comma "
        "in an address.",
        consistent="UNIQUE_REFERENCE,STATUS,NHS_NO,DATE_OF_BIRTH with four fields on every row.",
        limits="A row whose extra comma sits in a quoted field is read correctly and not reported.",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        scan = ctx.scan
        present = {column.role for column in scan.columns}
        for role in MANDATORY_ROLES:
            if role not in present:
                yield self.cohort_finding(
                    f"no {ROLE_WORDS[role]} column: none of the headers is {EXPECTED_HEADERS[role]}",
                    f"missing {role}",
                    ctx,
                )
        for columns in scan.same_headers:
            header = columns[0].header
            numbers = ", ".join(str(c.number) for c in columns[:-1]) + f" and {columns[-1].number}"
            yield self.cohort_finding(
                f"columns {numbers} have the same header" + (f" ({header})" if header else ""),
                f"same header {columns[0].role}:{len(columns)}",
                ctx,
                column=columns[1],
            )
        if scan.ragged.total:
            yield self.cohort_finding(
                f"{plural(scan.ragged.total, 'row')} with a number of fields other than the header's "
                f"{len(scan.columns)}: {scan.ragged.words()} (the other checks pass over them)",
                "ragged rows",
                ctx,
                rows=scan.ragged,
            )
        if scan.over_limit:
            yield self.cohort_finding(
                f"{plural(scan.rows, 'participant row')}, over NHS England's limit of "
                f"{MAX_PARTICIPANT_ROWS:,} a file: split it",
                "over the row limit",
                ctx,
            )
