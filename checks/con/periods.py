"""Which days each consent form version covered, and what the recruitment period leaves uncovered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from checks.dates import first_day, last_day
from pipeline.model import Document


@dataclass(frozen=True, slots=True)
class Coverage:
    document: Document
    start: date
    end: date | None  # None: onward, with no end
    stated: bool  # the document states its own period of use


def coverages(forms: list[Document]) -> list[Coverage]:
    """A version covers from its version date to the next version's date (the last one, onward),
    unless it states its own period of use. A form with neither a date nor a period covers nothing."""
    stated: list[Coverage] = []
    dated: list[Document] = []
    for form in forms:
        periods = form.facts.named("period_of_use")
        if periods:
            for fact in periods:
                detail = fact.detail or {}
                if detail.get("from"):
                    stated.append(
                        Coverage(
                            form,
                            first_day(detail["from"]),
                            last_day(detail["to"]) if detail.get("to") else None,
                            True,
                        )
                    )
        elif form.facts.date:
            dated.append(form)
    dated.sort(key=lambda d: first_day(d.facts.date))
    implied: list[Coverage] = []
    for position, form in enumerate(dated):
        start = first_day(form.facts.date)
        later = [first_day(d.facts.date) for d in dated[position + 1 :] if first_day(d.facts.date) > start]
        implied.append(Coverage(form, start, later[0] - timedelta(days=1) if later else None, False))
    return stated + implied


def uncovered(period_start: date, period_end: date, spans: list[Coverage]) -> list[tuple[date, date]]:
    """The parts of [period_start, period_end] that no coverage reaches."""
    gaps: list[tuple[date, date]] = []
    cursor = period_start
    for span in sorted(spans, key=lambda s: s.start):
        if cursor > period_end:
            break
        if span.start > cursor:
            gaps.append((cursor, min(span.start - timedelta(days=1), period_end)))
        if span.end is None:
            cursor = period_end + timedelta(days=1)
        else:
            cursor = max(cursor, span.end + timedelta(days=1))
    if cursor <= period_end:
        gaps.append((cursor, period_end))
    return gaps
