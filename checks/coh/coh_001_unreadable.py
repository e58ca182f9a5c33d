from __future__ import annotations

import re
from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding
from pipeline.findings import Severity

NUMBERS = re.compile(r"\d[\d.,]*")


class CohortUnreadable(CohortCheck):
    code = "COH-001"
    severity = Severity.ERROR
    title = "The cohort file cannot be read as a CSV"
    rule = (
        "The file cannot be read as a CSV: an encoding that cannot be decoded, binary content, an empty file, "
        "no header row (the first row holds a value), not comma-separated, or over the size limit. The message "
        "names the reason; no other COH check runs."
    )
    action = (
        "Save the cohort as a comma-separated CSV (UTF-8) whose first row holds NHS England's template headers, "
        "then check it again."
    )
    reads_unreadable = True
    doc = CheckDoc(
        finds="A cohort file that is not a readable comma-separated file with a header row.",
        why="NHS England's Participant Validation Engine rejects a file it cannot parse; nothing else about the "
        "file can be judged either.",
        reads="The file's size, its first bytes (binary content, a byte-order mark, the encoding) and its first "
        "row; then each record as the CSV parser reads it.",
        discrepancy="A cohort saved from Excel as .xlsx but named .csv; a tab-separated export; a file whose "
        "first row is a participant's study ID, NHS number and date of birth.",
        consistent="A UTF-8 CSV whose first row is UNIQUE_REFERENCE,STATUS,NHS_NO,DATE_OF_BIRTH.",
        limits="A first row of unrecognised words is taken as headers (COH-005 then names those columns).",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        if ctx.scan.unreadable:
            yield self.cohort_finding(
                f"{ctx.scan.file} cannot be read as a CSV: {ctx.scan.unreadable}",
                NUMBERS.sub("N", ctx.scan.unreadable),  # a size or a row number is no part of the problem
                ctx,
            )
