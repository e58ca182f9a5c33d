from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.data_periods import UNKNOWN, data_periods
from checks.evidence import request_evidence
from checks.minimisation.consented_records import consented_records
from pipeline.findings import Finding, Severity


class DataBeyondConsentedRecords(Check):
    code = "MIN-007"
    severity = Severity.WARNING
    about = "dataset"
    title = "A dataset's data period reaches outside the records period participants consented to"
    rule = (
        "The basis is consent and a dataset's data period reaches outside the period of records that the consent "
        "materials state: after the latest stated end ('until December 2030'; 'for up to 10 years after you join', "
        "counted from cohort.recruitment_end), or before the earliest stated start ('from the date you join the "
        "study', taken as cohort.recruitment_start). Only statements about records or information held by the NHS "
        "or NHS England count; where versions differ, the widest period is used. One finding per dataset; quote "
        "the statement. Skipped when no consent material states such a period."
    )
    action = (
        "Limit the dataset's data period to the records period the consent materials describe, or supply the "
        "consent materials that cover the wider period."
    )
    basis = "consent"
    requires = (("consent_form", "LB-003"),)
    doc = CheckDoc(
        finds="Datasets requested for a period before or after the period of NHS records that participants "
        "were told would be looked at.",
        why="With consent as the basis, the data shared must be what participants agreed to: records outside the "
        "period the information sheet or consent form describes were not consented to, and data minimisation asks "
        "for no more than the purpose needs.",
        reads="The request's datasets (start, end, release) and cohort recruitment dates; records_period facts of "
        "consent forms and information sheets ('until December 2030', 'for up to 10 years after you join', 'from "
        "the date you join the study').",
        discrepancy="The information sheet: 'we will look at your NHS records for up to 10 years after you join'; "
        "recruitment ended 2016-12-31; HES APC requested to 2028-03-31.",
        consistent="The same sheet and HES APC requested from 2012-01-01 (recruitment start) to 2026-03-31.",
        limits="Relative periods are counted from the request's recruitment dates (start from its start, end from "
        "its end), not each participant's own; a statement whose anchor the request lacks is not used. A dataset "
        "with neither end nor release is judged on its start only.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        facts, period = consented_records(ctx)
        if not facts:
            return "no consent material states a period of NHS records"
        if period.start is None and period.end is None:
            return "the consent materials state a records period relative to joining, and the request gives no recruitment dates"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        _, period = consented_records(ctx)
        for data in data_periods(ctx):
            problems, evidence = [], []
            if period.end is not None and data.end != UNKNOWN and data.ends_after(period.end):
                problems.append(f"{data.end_words()}, after {period.end.isoformat()}")
                evidence += [request_evidence(ctx, data.field), period.end_fact.evidence]
            if period.start is not None and data.starts_before(period.start):
                began = f"starts on {data.start.isoformat()}" if data.start else "has no start"
                problems.append(f"{began}, before {period.start.isoformat()}")
                field = f"datasets[{data.index}].start" if data.start else f"datasets[{data.index}]"
                evidence += [request_evidence(ctx, field), period.start_fact.evidence]
            if problems:
                yield self.finding(
                    f"{data.dataset}: the data period {' and '.join(problems)}, outside the records period the "
                    "consent materials state",
                    evidence=_unique(evidence),
                    subject=data.dataset,
                )


def _unique(evidence: list) -> list:
    seen, kept = set(), []
    for item in evidence:
        key = (item.document, item.location, item.quote)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
