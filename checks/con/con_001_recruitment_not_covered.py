from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.con.periods import coverages, uncovered
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from pipeline.findings import Finding, Severity


class RecruitmentNotCovered(Check):
    code = "CON-001"
    about = "uncovered part of the recruitment period"
    severity = Severity.ERROR
    title = "The consent form versions do not cover the recruitment period"
    rule = (
        "The consent form versions do not cover the recruitment period (cohort.recruitment_start to "
        "cohort.recruitment_end). A version covers from its version date up to the next version's date (the last "
        "one, onward), unless the document states its own period of use; month-only bounds cover whole months. A "
        "form with no date of its own covers nothing. Fires for each uncovered span, naming it."
    )
    action = "Supply the consent form version(s) used during the uncovered span, each with its version date or period of use."
    basis = "consent"
    requires = (("consent_form", "LB-003"),)
    searches = ("consent_form",)  # an unread form may cover the span
    doc = CheckDoc(
        finds="Spans of the recruitment period during which no consent form version in the bundle was in use.",
        why="DARS asks for every version of the consent form used, with the period each was in use: participants "
        "recruited in a gap consented on a form nobody has seen.",
        reads="The request's cohort.recruitment_start and recruitment_end; each consent form's version date and "
        "any stated period of use.",
        discrepancy="Recruitment 2012-01-01 to 2016-12-31; forms dated 1 March 2012 and 1 June 2014: January and "
        "February 2012 are uncovered.",
        consistent="A form dated 1 December 2011 and another dated 1 June 2014.",
        limits="A version date is taken as the day the version came into use; a form used before its REC approval "
        "date is not seen.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason is None and not (ctx.req.recruitment_start and ctx.req.recruitment_end):
            return "the request gives no recruitment period (cohort.recruitment_start and recruitment_end)"
        return reason

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        forms = list(ctx.of_kind("consent_form"))
        spans = coverages(forms)
        for start, end in uncovered(ctx.req.recruitment_start, ctx.req.recruitment_end, spans):
            versions = ", ".join(
                f"{s.document.path} from {s.start.isoformat()}" for s in sorted(spans, key=lambda s: s.start)
            )
            yield self.finding(
                f"no consent form version covers {start.isoformat()} to {end.isoformat()} of the recruitment period "
                f"(versions found: {versions or 'none with a date'})",
                evidence=[
                    request_evidence(ctx, "cohort.recruitment_start"),
                    request_evidence(ctx, "cohort.recruitment_end"),
                    *[f.evidence for s in spans for f in s.document.facts.named("document_date")[:1]][:3],
                ],
                searched=searched(forms),
                subject=f"{start.isoformat()} to {end.isoformat()}",
            )
