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
        "Support is not current at the as-of date. The most recent CAG letter (by its own date) governs: its review "
        "date is the annual review due (or 'next review', 'submit your annual review by') date it states, or, where it "
        "states none, twelve months after its own date. Fires when that review date is before the as-of date, or when "
        "any letter states that support expires before the as-of date and no later letter continues it."
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
        reads="The letters' own dates; the review-due date of the most recent letter; expiry dates in every CAG "
        "letter (approval, amendment, annual review); the as-of date.",
        discrepancy="Outcome letter of 4 October 2019, 'first annual review due 4 October 2020', no later letter, "
        "request submitted on 1 May 2024.",
        consistent="An annual review letter of 2023 giving the next review due in 2024 after the as-of date.",
        limits="A review date written without a date ('twelve months from this letter') counts as no explicit "
        "date; a month-only date runs to the month's end. Where no letter carries its own date, the latest review "
        "date any letter states is used.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.single_document:
            return None if ctx.of_kind(*CAG_LETTER_KINDS) else "the document is not a CAG letter"
        return super().skip_reason(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        letters = ctx.of_kind(*CAG_LETTER_KINDS)
        lapsed = self._review_lapsed(letters, ctx.as_of) or self._expired(letters, ctx.as_of)
        if lapsed is None:
            return
        how, evidence, searched = lapsed
        yield self.finding(
            f"support is not current at {ctx.as_of.isoformat()}: {how}", evidence=evidence, searched=searched
        )

    @staticmethod
    def _review_lapsed(letters, as_of):
        """(how, evidence, searched) when the governing review date is before `as_of`, else None."""
        dated = [d for d in letters if d.facts.date]
        if not dated:  # no letter gives its own date: the latest review date any of them states
            stated = [f for d in letters for f in d.facts.named("review_due")]
            if not stated:
                return None
            latest = max(stated, key=lambda f: last_day(f.value))
            if last_day(latest.value) >= as_of:
                return None
            return f"the latest review date stated is {latest.value}", [latest.evidence], ()
        newest = max(dated, key=lambda d: last_day(d.facts.date))
        own = newest.facts.named("review_due")
        if own:
            latest = max(own, key=lambda f: last_day(f.value))
            if last_day(latest.value) >= as_of:
                return None
            how = (
                f"the most recent CAG letter ({newest.path}, {newest.facts.date}) gives its review date as "
                f"{latest.value}"
            )
            return how, [latest.evidence], ()
        review = add_months(last_day(newest.facts.date), 12)
        if review >= as_of:
            return None
        how = (
            f"the most recent CAG letter ({newest.path}, {newest.facts.date}) states no review date; twelve months "
            f"after it is {review.isoformat()}"
        )
        evidence = [f.evidence for f in newest.facts.named("document_date")[:1]]
        return how, evidence, () if evidence else (newest.path,)

    @staticmethod
    def _expired(letters, as_of):
        """(how, evidence, searched) when a letter says support ends before `as_of` and no later letter
        (by its own date) continues it."""
        for letter in letters:
            for expiry in letter.facts.named("support_expires"):
                if last_day(expiry.value) >= as_of:
                    continue
                own = letter.facts.date
                later = [
                    d for d in letters if d.facts.date and own and last_day(d.facts.date) > last_day(own)
                ]
                if later:
                    continue
                how = f"{letter.path} states that support expires on {expiry.value}, and no later CAG letter continues it"
                return how, [expiry.evidence], ()
        return None
