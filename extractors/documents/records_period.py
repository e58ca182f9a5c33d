"""The period of NHS-held records that consent materials describe: "we will look at your NHS records
until December 2030", "for up to 10 years after you join the study", "from the date you join the
study" (MIN-007 compares the request's data periods with it).

Only a sentence about records or information held by the NHS (NHS England, NHS Digital, HSCIC, or
records only the NHS holds: hospital records, death and cancer registrations; an NHS number alone is
not) counts, and not one that denies what it says. A bound is read from the
words that govern it:
- an end: a date after "until", "up to", "to", "through" (a bare year runs to its 31 December), or
  "up to N years after you join" (relative to joining);
- a start: a date after "from", "since", "between" (a bare year from its 1 January), "from the date
  you join" (joining itself), or "N years before you joined".
The detail gives `start` and `end` as ISO dates (a month-only date keeps its precision), or
`start_joining`, `end_years_after_joining` and `start_years_before_joining` for relative bounds, which
the check counts from the request's recruitment dates.
"""

from __future__ import annotations

import re

from extractors.documents.cue_data import any_of, cue_file
from extractors.documents.statements import FactSink, Passage, passages, sentences
from extractors.facts import DocumentFacts
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from pipeline.model import Document

CONSENT_MATERIALS = {"consent_form", "participant_information_sheet"}
CUES = cue_file("records_period")
RECORDS = any_of(CUES["records"])
HELD_BY_NHS = any_of(CUES["held_by_nhs"])
NOT_HELD = any_of(CUES["not_held_by_nhs"])
NUMBER_WORDS: dict[str, int] = CUES["numbers"]
_NUMBER = r"(?P<n>\d{1,2}|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"
JOINING = CUES["joining"]
YEARS_AFTER = compile_folded(
    rf"\b(?:for\s+)?(?:up\s+to\s+|a\s+maximum\s+of\s+|at\s+most\s+)?{_NUMBER}\s+years?\s+(?:after|from|following)\s+"
    rf"(?:the\s+(?:date|time|day)\s+(?:that\s+|when\s+|of\s+)?)?{JOINING}",
    re.IGNORECASE,
)
YEARS_BEFORE = compile_folded(
    rf"\b(?:up\s+to\s+)?{_NUMBER}\s+years?\s+before\s+(?:the\s+(?:date|time|day)\s+(?:that\s+|when\s+|of\s+)?)?{JOINING}",
    re.IGNORECASE,
)
FROM_JOINING = compile_folded(
    rf"\b(?:from|since|starting\s+(?:from|on)|beginning\s+(?:from|on))\s+(?:the\s+(?:date|time|day|point)\s+"
    rf"(?:that\s+|when\s+|of\s+)?)?{JOINING}",
    re.IGNORECASE,
)
END_GOVERNOR = compile_folded(CUES["end_governor"], re.IGNORECASE)
START_GOVERNOR = compile_folded(CUES["start_governor"], re.IGNORECASE)
BARE_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
PRECHECK = HELD_BY_NHS


def extract_records_period(document: Document, facts: DocumentFacts) -> None:
    if facts.kind not in CONSENT_MATERIALS:
        return
    sink = FactSink(document, facts)
    for passage in passages(document, PRECHECK):
        for start, end in sentences(passage, RECORDS):
            _sentence(passage, start, end, sink)


def _sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    text = passage.text[start:end]
    if not HELD_BY_NHS.search(NOT_HELD.sub(lambda m: " " * len(m.group(0)), text)):
        return
    bounds: dict[str, object] = {}
    spans: list[tuple[int, int]] = []
    for pattern, key in (
        (YEARS_AFTER, "end_years_after_joining"),
        (YEARS_BEFORE, "start_years_before_joining"),
    ):
        match = pattern.search(text)
        if match:
            bounds[key] = _number(match.group("n"))
            spans.append(match.span())
    match = FROM_JOINING.search(text)
    if match and "start_years_before_joining" not in bounds:
        bounds["start_joining"] = True
        spans.append(match.span())
    for iso, (s, e), role in _dated_bounds(text, spans):
        if role not in bounds:
            bounds[role] = iso
            spans.append((s, e))
    if not spans:
        return
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    records = RECORDS.search(text)
    if passage.negated(start + first, start + last) or passage.negated(
        start + records.start(), start + records.end()
    ):
        return  # the bound, or the records it bounds, denied in its clause
    sink.add(
        passage,
        "records_period",
        _describe(bounds),
        start + first,
        start + last,
        "records_period:bounds",
        bounds,
    )


def _dated_bounds(text: str, taken: list[tuple[int, int]]):
    """(iso, span, "start" or "end") for each date, or bare year, governed by a bound's words."""
    found = []
    mentions = [(m.iso, m.start, m.end) for m in find_dates(text)]
    covered = [(s, e) for _, s, e in mentions] + taken
    for year in BARE_YEAR.finditer(text):
        if not any(s <= year.start() < e for s, e in covered):
            mentions.append((year.group(0), year.start(), year.end()))
    for iso, s, e in sorted(mentions, key=lambda item: item[1]):
        before = text[max(0, s - 40) : s]
        and_alone = (
            before.rstrip().lower().endswith("and") and "between" not in text[max(0, s - 80) : s].lower()
        )
        if END_GOVERNOR.search(before) and not and_alone:  # "and" ends only "between X and Y"
            found.append((_as_bound(iso, "end"), (s, e), "end"))
        elif START_GOVERNOR.search(before):
            found.append((_as_bound(iso, "start"), (s, e), "start"))
    return found


def _as_bound(iso: str, role: str) -> str:
    """A bare year as its first (start) or last (end) month: "2030" ends with "2030-12"."""
    if len(iso) == 4:
        return f"{iso}-01" if role == "start" else f"{iso}-12"
    return iso


def _number(words: str) -> int:
    return int(words) if words.isdigit() else NUMBER_WORDS[words.lower()]


def _describe(bounds: dict) -> str:
    """'from joining to 10 years after joining', 'to 2030-12', for the fact's value."""
    start = (
        f"{bounds['start_years_before_joining']} years before joining"
        if "start_years_before_joining" in bounds
        else "joining"
        if bounds.get("start_joining")
        else bounds.get("start")
    )
    end = (
        f"{bounds['end_years_after_joining']} years after joining"
        if "end_years_after_joining" in bounds
        else bounds.get("end")
    )
    return " ".join(part for part in (f"from {start}" if start else "", f"to {end}" if end else "") if part)
