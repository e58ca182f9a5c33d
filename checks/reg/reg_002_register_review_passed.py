from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.dates import last_day
from checks.evidence import searched
from checks.reg.support import RegisterCheck, register_entry
from pipeline.findings import Finding, Severity


class RegisterReviewPassed(RegisterCheck):
    code = "REG-002"
    severity = Severity.WARNING
    title = "The CAG register's next review date has passed"
    rule = (
        "The register entry's next review date is before the as-of date, and no CAG letter in the bundle is "
        "dated on or after it. Skipped when the entry's next review date is blank or not a date."
    )
    action = (
        "Supply the latest annual review submission or CAG letter: the HRA says an approved entry past its next "
        "review date usually has an annual review in progress."
    )
    doc = CheckDoc(
        finds="A register entry whose next review date is past, with no CAG letter in the bundle as recent as it.",
        why="Support continues only while annual reviews are made; the register's date is the HRA's own record "
        "of when the next one was due.",
        reads="The register entry's next review date (the latest of its rows: a date cell, an Excel serial, or "
        "text such as 31/03/2025 or 31 March 2025); the CAG letters' own dates; the as-of date.",
        discrepancy="Register: 'Next review date: 14/06/2024'; as-of date 2024-09-16; the latest letter is dated "
        "2023-06-14.",
        consistent="The same entry with an annual review letter of 2024-06-20 in the bundle.",
        limits="A date written in words the patterns do not read ('mid-2024', 'TBC') leaves the date unknown and "
        "the check skipped.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        entry = register_entry(ctx)
        if entry.next_review is None:
            written = [cell.text for cell in entry.cells("next_review_date")]
            if not written:
                return "the register entry's next review date is blank"
            return f"the register entry's next review date is not a date ({'; '.join(written)})"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        entry = register_entry(ctx)
        review, cell = entry.next_review
        if review >= ctx.as_of:
            return
        letters = ctx.of_kind(*CAG_LETTER_KINDS)
        if any(letter.facts.date and last_day(letter.facts.date) >= review for letter in letters):
            return
        dated = [letter for letter in letters if letter.facts.date]
        latest = max(dated, key=lambda d: last_day(d.facts.date), default=None)
        newest = f"the latest is {latest.path}, {latest.facts.date}" if latest else "none gives its own date"
        yield self.finding(
            f"the CAG register's next review date for {', '.join(entry.references)} is {review.isoformat()}, before "
            f"{ctx.as_of.isoformat()}, and no CAG letter in the bundle is dated on or after it ({newest})",
            evidence=self.register_evidence(ctx, [cell]),
            searched=searched(letters),
        )
