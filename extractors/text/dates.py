"""Dates in UK documents: candidates found by explicit patterns, parsed strictly, day first.

dateparser's own search finds dates in "may", "We" and bare numbers, and reads 01/03/2023 as
3 January without day-first order (engineering notes: F1 0.68). So candidates are found with
patterns on the raw text, and only those strings are parsed, strictly, day first, in English.
Month-only dates ("March 2021") are real in these documents and keep their precision.

dateparser is the authority on what a candidate means. But importing it and its first parse cost
~0.2-0.35 s per process, a large part of a single-document check, and every candidate comes from
our own patterns, so its shape is known. A fast path parses the common shapes ("12th March 2024",
"12/03/24", "2024-03-12", "March 12, 2024", "Sept 2024") with the standard library, giving exactly
what dateparser gives: two-digit years as %y does (69-99 are 19xx), 31 February and years outside
MIN_YEAR..MAX_YEAR are None. Anything else goes to dateparser, imported on first use only: a day
0 or over 31 or a month over 12 (dateparser reads "32/03/24" as 24 March 2032), "Thurs" (it has
no such word), non-ASCII digits or spaces. tests/extractors/test_dates_fast_path.py compares the
two on thousands of generated strings of every shape the fast path takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
ORDINAL = r"(?:st|nd|rd|th)?"

# Each pattern names its precision. Order matters only for overlaps: longer matches win.
PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "day-month-year",
        "day",
        re.compile(
            rf"(?<![\w/]){WEEKDAY}(\d{{1,2}}){ORDINAL}(?:\s+of)?[\s\-.]*{MONTH}\.?,?[\s\-.]*(\d{{4}}|\d{{2}})(?![\w/])",
            re.IGNORECASE,
        ),
    ),
    (
        "month-day-year",
        "day",
        re.compile(
            rf"(?<![\w/]){WEEKDAY}{MONTH}\.?\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}})(?![\w/])", re.IGNORECASE
        ),
    ),
    ("iso", "day", re.compile(r"(?<![\w/.\-])(\d{4})-(\d{2})-(\d{2})(?![\w/]|\.\d|-\d)")),
    (
        "numeric",
        "day",
        re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d|-\d)"),
    ),
    ("month-year", "month", re.compile(rf"(?<![\w/]){MONTH}\.?,?\s+(\d{{4}})(?![\w/])", re.IGNORECASE)),
)
# A dotted number after these words is a version or a section number, not a date.
NOT_A_DATE_BEFORE = re.compile(
    r"(version|ver\.?|v|section|paragraph|para|clause|rev\.?|release)\s*$", re.IGNORECASE
)
MIN_YEAR, MAX_YEAR = 1990, 2100
ANY_DIGIT = re.compile(r"\d")  # the same \d as the patterns': any Unicode decimal digit

_STRICT_SETTINGS = {"DATE_ORDER": "DMY", "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
_MONTH_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["month", "year"], "PREFER_DAY_OF_MONTH": "first"}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date
    precision: str  # "day" or "month"
    pattern: str

    @property
    def iso(self) -> str:
        return self.value.isoformat() if self.precision == "day" else self.value.strftime("%Y-%m")

    def covers(self, other: date) -> bool:
        """True when `other` falls within this date (its day, or any day of its month)."""
        if self.precision == "day":
            return self.value == other
        return (self.value.year, self.value.month) == (other.year, other.month)


# The fast path: full matches on ASCII text only (re.ASCII), in weekday spellings dateparser knows.
_FAST_WEEKDAY = r"(?:(?:Mon|Tues?|Wed|Thu|Fri|Sat|Sun)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\.?,?\s+"
_FAST_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (precision, re.compile(shape, re.IGNORECASE | re.ASCII))
    for precision, shape in (
        (
            "day",
            rf"(?:{_FAST_WEEKDAY})?(?P<d>\d{{1,2}})(?:(?:st|nd|rd|th)(?![a-z]))?(?:\s+of(?=[\s\-.]))?"
            rf"[\s\-.]*(?P<m>{MONTH})\.?,?[\s\-.]*(?P<y>\d{{4}}|\d{{2}})",
        ),
        (
            "day",
            rf"(?:{_FAST_WEEKDAY})?(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
        ),
        ("day", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
        ("day", r"(?P<d>\d{1,2})([/.\-])(?P<m>\d{1,2})\2(?P<y>\d{4}|\d{2})"),
        ("month", rf"(?P<m>{MONTH})\.?,?\s+(?P<y>\d{{4}})"),
    )
)
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}  # by a name's first 3 letters
UNSURE = "unsure"  # the fast path's answer for a string it leaves to dateparser


@cache
def parse_candidate(text: str, precision: str) -> date | None:
    """Parse one candidate string, strictly. None when it is not a real date."""
    value = _parse_fast(text, precision)
    return _parse_with_dateparser(text, precision) if value == UNSURE else value


def _parse_fast(text: str, precision: str) -> date | None | str:
    """What dateparser would return for a common shape, without it; UNSURE for any other string."""
    match = next((m for p, shape in _FAST_SHAPES if p == precision and (m := shape.fullmatch(text))), None)
    if match is None:
        return UNSURE
    month = match["m"]
    month_number = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
    day = int(match["d"]) if precision == "day" else 1
    year = int(match["y"])
    if len(match["y"]) == 2:
        year += 1900 if year >= 69 else 2000  # as dateparser (and strptime's %y) reads it
    if not (1 <= month_number <= 12 and 1 <= day <= 31):
        return UNSURE  # dateparser may read these another way (13/05 as 5 December)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month_number, day)
    except ValueError:
        return None  # 31 February


@cache
def _parsers():
    import dateparser  # ~0.2 s to import: only when the fast path leaves a candidate to it

    return (
        dateparser.DateDataParser(languages=["en"], settings=_STRICT_SETTINGS),
        dateparser.DateDataParser(languages=["en"], settings=_MONTH_SETTINGS),
    )


def _parse_with_dateparser(text: str, precision: str) -> date | None:
    """The authority: dateparser, strict and day first (month and year only for "month")."""
    strict, month_only = _parsers()
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text, flags=re.IGNORECASE)
    cleaned = re.sub(r"(\d)([A-Za-z])", r"\1 \2", cleaned)  # 18Aug2022 -> 18 Aug2022
    cleaned = re.sub(r"([A-Za-z])(\d)", r"\1 \2", cleaned)  # Aug2022 -> Aug 2022
    parser = strict if precision == "day" else month_only
    try:
        result = parser.get_date_data(cleaned)
    except (ValueError, OverflowError):
        return None
    if result is None or result.date_obj is None:
        return None
    value = result.date_obj.date()
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    if precision == "month" and result.period != "month":
        return None
    return value


def find_dates(text: str) -> list[DateMention]:
    """Every real date in `text`, in order, without overlaps."""
    if not ANY_DIGIT.search(text):
        return []  # every pattern needs a digit; most lines have none
    found: list[DateMention] = []
    # File-style stamps join their parts with underscores ("PIS_v3.0_27Apr2015"): read them as spaces,
    # which keeps every offset.
    scan = text.replace("_", " ") if "_" in text else text
    for name, precision, pattern in PATTERNS:
        for match in pattern.finditer(scan):
            start, end = match.span()
            if any(m.start < end and start < m.end for m in found):
                continue
            if name == "numeric" and not _plausible_numeric(scan, match):
                continue
            value = parse_candidate(match.group(0), precision)
            if value is not None:
                found.append(DateMention(start, end, text[start:end], value, precision, name))
    found.sort(key=lambda m: m.start)
    return found


def _plausible_numeric(text: str, match: re.Match[str]) -> bool:
    day, separator, month, year = match.group(1), match.group(2), match.group(3), match.group(4)
    if NOT_A_DATE_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return False
    if separator == "." and len(year) == 2 and (len(day) == 1 or len(month) == 1):
        return False  # 1.3.23 is more often a version or a section than a date
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12
