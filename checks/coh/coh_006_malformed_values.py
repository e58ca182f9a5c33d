from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding
from pipeline.cohort.scan import PROBLEM_WORDS
from pipeline.findings import Severity

ACTIONS = {
    "nhs_number": "Correct the NHS numbers in these rows, or leave them blank for NHS England to trace from the "
    "other identifiers.",
    "date": "Write these dates as YYYY-MM-DD (or DD/MM/YYYY), and correct any that cannot be right.",
    "postcode": "Correct these postcodes to full UK postcodes (outward and inward code), or leave them blank.",
    "sex": "Use the accepted sex codes (0, 1, 2, 9; or M, F, U, X), or leave the value blank.",
    "status": "Give every row a STATUS of add or delete.",
    "blank": "Fill in these mandatory values: every row needs a unique reference, a STATUS and a date of birth.",
}
DATE_ROLES = ("date_of_birth", "date_of_death", "min_date", "max_date")


class MalformedValues(CohortCheck):
    code = "COH-006"
    severity = Severity.ERROR
    title = "Missing or malformed values in the cohort file"
    rule = (
        "Values that are missing or malformed, one finding per column and problem: a blank unique reference, "
        "status or date of birth; an NHS number that is not ten digits (spaces and hyphens aside), fails the "
        "check digit, or repeats one digit ten times; a date that does not exist, is not in an accepted format, "
        "or is after the as-of date; a date of death before the date of birth, or a minimum date after the "
        "maximum date; a postcode that is not a well-formed full UK postcode; a sex or status value outside "
        "the accepted codes. Blank optional values are allowed."
    )
    action = ACTIONS["blank"]
    doc = CheckDoc(
        finds="Per column, the rows whose value is blank where it is mandatory, or not in the accepted form.",
        why="NHS England's Participant Validation Engine rejects malformed rows, and a wrong NHS number or date "
        "of birth traces the wrong person or none.",
        reads="Every value of the recognised columns, one row at a time; only the row numbers are kept.",
        discrepancy="An NHS number 943 476 5918 (its check digit should be 9); a date of birth 31/02/1980.",
        consistent="NHS number 943 476 5919; date of birth 1980-02-29; postcode LS1 4AP; STATUS add.",
        limits="A well-formed postcode or a valid NHS number need not exist or belong to the participant.",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        columns = {column.number: column for column in ctx.scan.columns}
        for (number, problem), rows in sorted(ctx.scan.problems.items()):
            column = columns[number]
            words = PROBLEM_WORDS[problem]
            if problem == "after_as_of":
                words += f" ({ctx.scan.as_of.isoformat()})"
            yield self.cohort_finding(
                f"{column.name}: {rows.total:,} of {ctx.scan.rows:,} values {words}: {rows.words()}",
                problem,
                ctx,
                column=column,
                rows=rows,
                action=_action(column.role, problem),
            )


def _action(role: str, problem: str) -> str:
    if problem == "blank":
        return ACTIONS["blank"]
    if role in DATE_ROLES:
        return ACTIONS["date"]
    return ACTIONS.get(role, ACTIONS["blank"])
