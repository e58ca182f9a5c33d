from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.dates import add_months, last_day
from pipeline.findings import Finding, Severity


class SupportNotCurrent(Check):
    code = "S251-006"
    severity = Severity.ERROR
    title = "Section 251 support is not current"
    rule = (
        "Support is not current at the as-of date. The review date is the latest explicit 'annual review due' (or "
        "'support expires') date stated in any CAG letter; where none states one, twelve months after the latest "
        "CAG letter's date. Fires when the latest of those dates is before the as-of date."
    )
    action = "Supply the latest annual review letter from CAG confirming that support remains in place."
    basis = "section_251"
    single_document = True
    requires = (("cag_approval", "LB-002"),)
    searches = CAG_LETTER_KINDS  # an unread letter may be the latest, and continue support
    doc = CheckDoc(
        finds="Section 251 support whose annual review (or expiry) date passed before the as-of date.",
        why="Support continues only while annual reviews are made; a lapsed review means support may no longer "
        "be in place, and a Data Sharing Agreement may not run past it.",
        reads="Review-due and expiry dates in every CAG letter (approval, amendment, annual review); the letters' "
        "own dates; the as-of date.",
        discrepancy="Outcome letter of 4 October 2019, 'first annual review due 4 October 2020', no later letter, "
        "request submitted on 1 May 2024.",
        consistent="An annual review letter of 2023 giving the next review due in 2024 after the as-of date.",
        limits="A review date written without a date ('twelve months from this letter') counts as no explicit "
        "date; a month-only date runs to the month's end.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.single_document:
            return None if ctx.of_kind(*CAG_LETTER_KINDS) else "the document is not a CAG letter"
        return super().skip_reason(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        letters = ctx.of_kind(*CAG_LETTER_KINDS)
        explicit = [
            f for d in letters for name in ("review_due", "support_expires") for f in d.facts.named(name)
        ]
        if explicit:
            latest = max(explicit, key=lambda f: last_day(f.value))
            review = last_day(latest.value)
            how = f"the latest review or expiry date stated is {latest.value}"
            evidence = [latest.evidence]
        else:
            dated = [d for d in letters if d.facts.date]
            if not dated:
                return
            newest = max(dated, key=lambda d: last_day(d.facts.date))
            review = add_months(last_day(newest.facts.date), 12)
            how = (
                f"no CAG letter states a review date; twelve months after the latest letter ({newest.path}, "
                f"{newest.facts.date}) is {review.isoformat()}"
            )
            evidence = [f.evidence for f in newest.facts.named("document_date")[:1]]
        if review >= ctx.as_of:
            return
        yield self.finding(
            f"support is not current at {ctx.as_of.isoformat()}: {how}",
            evidence=evidence,
            searched=() if evidence else tuple(d.path for d in letters),
        )
