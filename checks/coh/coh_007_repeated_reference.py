from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding, plural
from pipeline.findings import Severity


class RepeatedReference(CohortCheck):
    code = "COH-007"
    severity = Severity.ERROR
    title = "A unique reference is on more than one row"
    rule = (
        "A unique reference appears on more than one row (an `add` and a `delete` of one participant included). "
        "One finding, listing the rows."
    )
    action = (
        "Give each row its own unique reference; one participant is never both added and deleted in one file."
    )
    doc = CheckDoc(
        finds="Rows whose unique reference (study ID) is also on another row.",
        why="NHS England keys the cohort on the unique reference: a repeated one makes two participants one, or "
        "adds and deletes the same participant in one file, which the guidance does not allow.",
        reads="The unique reference column, compared through keyed hashes (no value kept).",
        discrepancy="Rows 4 and 9 both with study ID S-0042.",
        consistent="Every row with its own study ID.",
        limits="References are compared as written, spaces at either end aside: S-0042 and s-0042 differ.",
    )

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        rows = ctx.scan.repeated_refs
        if rows.total:
            column = next(iter(ctx.scan.of_role("unique_reference")), None)
            yield self.cohort_finding(
                f"{plural(rows.total, 'row')} share a unique reference with another row: {rows.words()}",
                "repeated reference",
                ctx,
                column=column,
                rows=rows,
            )
