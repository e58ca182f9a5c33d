from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.data_periods import UNKNOWN, data_periods
from checks.evidence import request_evidence
from checks.minimisation.support_end import support_end
from pipeline.findings import Finding, Severity


class DataBeyondSupport(Check):
    code = "MIN-006"
    severity = Severity.ERROR
    about = "dataset"
    title = "A dataset's data period runs beyond the end of section 251 support"
    rule = (
        "The basis is section_251 and a dataset's data period ends after the support end (an open data period "
        "always does): data beyond the period of support. One finding per dataset; evidence: the dataset's end or "
        "release, and the sentence that states the end. Skipped when no CAG letter and no s251 application states "
        "an end."
    )
    action = (
        "End the dataset's data period on or before the end of support, or supply the CAG letter that extends "
        "support to cover it."
    )
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    doc = CheckDoc(
        finds="Datasets whose data period (start to end; to the as-of date for latest_available; open for "
        "future_drops) runs past the date that section 251 support ends.",
        why="Section 251 support covers confidential patient information only for the activity and the period "
        "CAG supported: data minimisation means not asking for data the support does not reach.",
        reads="The request's datasets (end, release); the support_expires dates of CAG letters, or else the "
        "activity_end of the s251 application ('end date of the activity', 'support is requested until').",
        discrepancy="A CAG letter: 'support is given until 31 March 2028'; HES APC requested to 2029-03-31, or "
        "with release: future_drops.",
        consistent="Support until 31 March 2028 and HES APC requested to 2027-03-31; or no stated end of support.",
        limits="A month-only end runs to the month's end. A dataset with neither end nor release is not judged. "
        "Skipped once support has ended before the as-of date (S251-006 reports that).",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        found = support_end(ctx)
        if found is None:
            return "no CAG letter and no s251 application states an end of support"
        end, _ = found
        if end < ctx.as_of:
            return f"support ended on {end.isoformat()}, before the as-of date (S251-006)"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        end, fact = support_end(ctx)
        for period in data_periods(ctx):
            if period.end == UNKNOWN or not period.ends_after(end):
                continue
            yield self.finding(
                f"{period.dataset}: the data period {period.end_words()}, but section 251 support ends on "
                f"{end.isoformat()} ({fact.evidence.document})",
                evidence=[request_evidence(ctx, period.field), fact.evidence],
                subject=period.dataset,
            )
