"""The period of NHS-held records that the consent materials state (facts `records_period`), made
absolute with the request's recruitment dates: the widest period over all statements and versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from checks.context import CONSENT_MATERIAL_KINDS, CheckContext
from checks.dates import add_months, first_day, last_day


@dataclass(slots=True)
class RecordsPeriod:
    start: date | None = None  # the earliest stated start (None: none stated)
    end: date | None = None  # the latest stated end
    start_fact: object = None
    end_fact: object = None
    unplaced: list = field(default_factory=list)  # relative bounds without the recruitment date they need


def consented_records(ctx: CheckContext) -> tuple[list, RecordsPeriod]:
    facts = ctx.facts_named("records_period", *CONSENT_MATERIAL_KINDS)
    period = RecordsPeriod()
    recruitment_start, recruitment_end = ctx.req.recruitment_start, ctx.req.recruitment_end
    for fact in facts:
        bounds = fact.detail or {}
        start = end = None
        if "start" in bounds:
            start = first_day(bounds["start"])
        elif bounds.get("start_joining") or "start_years_before_joining" in bounds:
            if recruitment_start is None:
                period.unplaced.append(fact)
            else:
                start = add_months(recruitment_start, -12 * int(bounds.get("start_years_before_joining", 0)))
        if "end" in bounds:
            end = last_day(bounds["end"])
        elif "end_years_after_joining" in bounds:
            if recruitment_end is None:
                period.unplaced.append(fact)
            else:
                end = add_months(recruitment_end, 12 * int(bounds["end_years_after_joining"]))
        if start is not None and (period.start is None or start < period.start):
            period.start, period.start_fact = start, fact
        if end is not None and (period.end is None or end > period.end):
            period.end, period.end_fact = end, fact
    return facts, period
