"""The dates fast path gives exactly what dateparser gives, on every shape it takes.

dateparser stays the authority: each generated candidate is parsed by both and they must agree
(a date, or None); the fast path may only decline (UNSURE), and then dateparser answers anyway.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from itertools import cycle

import pytest

from extractors.text import dates
from extractors.text.dates import MONTH, PATTERNS, UNSURE, find_dates

MONTH_SPELLINGS = (
    "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
    "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
)  # fmt: skip
# Every weekday spelling the WEEKDAY pattern allows, those dateparser rejects ("Thurs") included.
WEEKDAYS = [
    stem + day
    for stem in ("Mon", "Tue", "Tues", "Wed", "Wednes", "Thu", "Thurs", "Fri", "Sat", "Satur", "Sun")
    for day in ("", "day")
]
CASES = (str, str.upper, str.lower, lambda s: "".join(c.upper() if i % 2 else c for i, c in enumerate(s)))
DAYS = [str(d) for d in range(33)] + [f"{d:02d}" for d in range(10)]
YEARS = ["1989", "1990", "1999", "2000", "2024", "2068", "2069", "2100", "2101", "0024", "9999"]
YEARS_2 = ["00", "07", "24", "68", "69", "70", "89", "90", "99"]
ORDINALS = ["", "st", "nd", "rd", "th", "TH", "St"]
GAPS = [" ", "-", ".", "", " of ", "  ", "\n", " - ", ". ", "\t", " -. ", " of-", "\xa0", " OF "]
AFTER_MONTH = ["", ".", ",", ".,"]
PREFIXES = ["", *(w + p for w, p in zip(WEEKDAYS, cycle([", ", " ", ". ", "., ", ",\n"]), strict=False))]


def _pick(values, i: int):
    """The i-th of `values`, wrapping round: each axis turns at its own pace, all values are met."""
    return values[i % len(values)]


def day_month_year(i: int, month: str, day: str) -> str:
    prefix, ordinal, gap = _pick(PREFIXES, i * 7), _pick(ORDINALS, i * 3), _pick(GAPS, i * 5)
    after, gap_2, year = (
        _pick(AFTER_MONTH, i),
        _pick([" ", "-", ".", "", " - "], i),
        _pick(YEARS + YEARS_2, i * 11),
    )
    return f"{prefix}{day}{ordinal}{gap}{month}{after}{gap_2}{year}"


def month_day_year(i: int, month: str, day: str) -> str:
    prefix, ordinal, year = _pick(PREFIXES, i * 5), _pick(ORDINALS, i), _pick(YEARS, i * 3)
    return f"{prefix}{month}{_pick(['', '.'], i)} {day}{ordinal}{_pick([', ', ' ', ',  '], i)}{year}"


def candidates() -> list[tuple[str, str]]:
    """(text, precision) for every shape the fast path takes, and near misses it must decline."""
    out: list[tuple[str, str]] = []
    i = 0
    for month in MONTH_SPELLINGS:
        for case in CASES:
            spelled = case(month)
            out.append((f"{spelled}{_pick(AFTER_MONTH, i)} {_pick(YEARS, i)}", "month"))
            i += 1
        for day in DAYS:
            spelled = CASES[i % len(CASES)](month)
            out.append((day_month_year(i, spelled, day), "day"))
            out.append((month_day_year(i, spelled, day), "day"))
            i += 1
    for year in YEARS + YEARS_2:  # every year in the plainest shapes
        out += [(f"12 March {year}", "day"), (f"12/03/{year}", "day"), (f"29.02.{year}", "day")]
        if len(year) == 4:
            out += [(f"March 12, {year}", "day"), (f"{year}-03-12", "day"), (f"Sept {year}", "month")]
    for prefix in PREFIXES:  # every weekday spelling, both orders
        out += [(f"{prefix}12 March 2024", "day"), (f"{prefix}March 12, 2024", "day")]
    for day in range(34):  # numeric and ISO: days 0-33 against months 0-13
        for month in range(14):
            separator, year = "/.-"[(day + month) % 3], (YEARS + YEARS_2)[(day * 14 + month) % 20]
            day_text, month_text = (
                (f"{day:02d}", f"{month:02d}") if (day + month) % 2 else (str(day), str(month))
            )
            out.append((f"{day_text}{separator}{month_text}{separator}{year}", "day"))
            if (day + month) % 3 == 0:
                out.append((f"{YEARS[month % len(YEARS)]}-{month:02d}-{day:02d}", "day"))
    out += [(text, "day") for text in ("18Aug2022", "12thMarch2024", "12 ofMarch 2024", "١٢ March ٢٠٢٤")]
    out += [("12 March 2024", "month"), ("March 2024", "day"), ("Auguſt 2024", "month")]  # wrong precision
    return out


@pytest.fixture(scope="module")
def authority():
    """dateparser's answers, memoised: each string costs ~1 ms there."""
    answers: dict[tuple[str, str], date | None] = {}
    dateparser_parse = dates._parse_with_dateparser  # before any test replaces it

    def parse(text: str, precision: str) -> date | None:
        if (text, precision) not in answers:
            answers[text, precision] = dateparser_parse(text, precision)
        return answers[text, precision]

    return parse


def test_month_spellings_are_all_the_month_pattern_allows() -> None:
    """MONTH only takes prefixes of the full names (and "Sept"): try every prefix of every name."""
    full_names = [m for m in MONTH_SPELLINGS if not any(o.startswith(m) and o != m for o in MONTH_SPELLINGS)]
    prefixes = {name[:k] for name in full_names for k in range(1, len(name) + 1)}
    assert {p for p in prefixes if re.fullmatch(MONTH, p, re.IGNORECASE)} == set(MONTH_SPELLINGS)


def test_fast_path_agrees_with_dateparser_on_generated_candidates(authority) -> None:
    cases = candidates()
    fast = [(text, precision, dates._parse_fast(text, precision)) for text, precision in cases]
    taken = [(t, p, v) for t, p, v in fast if v != UNSURE]
    disagreements = [(t, p, v, authority(t, p)) for t, p, v in taken if v != authority(t, p)]
    assert disagreements == []
    assert len(taken) > 0.6 * len(cases), (len(taken), len(cases))  # the rest are near misses
    assert any(v is None for _, _, v in taken) and any(v is not None for _, _, v in taken)


def test_fast_path_agrees_on_what_the_patterns_find_in_text(authority) -> None:
    """Candidates as find_dates' patterns cut them out of running text, plausible or not."""
    text = " ".join(f"Dated {t}; ref 7/{n}." for n, (t, _) in enumerate(candidates()))
    found = [(m.group(0), precision) for _, precision, pattern in PATTERNS for m in pattern.finditer(text)]
    assert len(found) > 2000
    disagreements = []
    for candidate, precision in found:
        value = dates._parse_fast(candidate, precision)
        if value != UNSURE and value != authority(candidate, precision):
            disagreements.append((candidate, precision, value))
    assert disagreements == []


def test_find_dates_is_unchanged_with_the_fast_path_off(authority, monkeypatch) -> None:
    text = "\n".join(f"Version 2.{n} dated {t} (see 1.3.23)" for n, (t, _) in enumerate(candidates()))
    with_fast_path = find_dates(text)
    dates.parse_candidate.cache_clear()
    monkeypatch.setattr(dates, "_parse_fast", lambda text, precision: UNSURE)
    monkeypatch.setattr(dates, "_parse_with_dateparser", authority)
    try:
        assert find_dates(text) == with_fast_path
    finally:
        dates.parse_candidate.cache_clear()


@pytest.mark.parametrize(
    ("text", "precision", "expected"),
    [
        ("12 March 2024", "day", date(2024, 3, 12)),
        ("12th March 2024", "day", date(2024, 3, 12)),
        ("12 Mar 2024", "day", date(2024, 3, 12)),
        ("1 of March 2024", "day", date(2024, 3, 1)),
        ("Tuesday, 12 March 2024", "day", date(2024, 3, 12)),
        ("12-Mar-2024", "day", date(2024, 3, 12)),
        ("12.03.2024", "day", date(2024, 3, 12)),
        ("12/03/2024", "day", date(2024, 3, 12)),
        ("12/03/24", "day", date(2024, 3, 12)),
        ("12/03/90", "day", date(1990, 3, 12)),
        ("12/03/89", "day", None),  # 1989, before MIN_YEAR
        ("2024-03-12", "day", date(2024, 3, 12)),
        ("March 12, 2024", "day", date(2024, 3, 12)),
        ("March 2024", "month", date(2024, 3, 1)),
        ("Mar 2024", "month", date(2024, 3, 1)),
        ("Sept 2024", "month", date(2024, 9, 1)),
        ("18Aug2022", "day", date(2022, 8, 18)),
        ("31 February 2024", "day", None),
        ("1 March 2101", "day", None),
    ],
)
def test_common_shapes_take_the_fast_path(text: str, precision: str, expected: date | None) -> None:
    assert dates._parse_fast(text, precision) == expected


@pytest.mark.parametrize(("text", "precision"), [("12/13/2024", "day"), ("Thurs 12 March 2024", "day")])
def test_the_fast_path_declines_what_dateparser_reads_its_own_way(text: str, precision: str) -> None:
    assert dates._parse_fast(text, precision) == UNSURE


def test_a_document_of_common_dates_never_imports_dateparser() -> None:
    code = (
        "import sys\n"
        "from extractors.text.dates import find_dates\n"
        "text = 'Version 2.1, 12th March 2024. Reviewed 12/03/24 and 2024-03-12; issued Sept 2023;"
        " Tuesday, 1 of March 2022; March 12, 2024; PIS v2.0 18Aug2022; 31 February 2024.'\n"
        "print(' '.join(m.iso for m in find_dates(text)))\n"
        "assert 'dateparser' not in sys.modules, 'dateparser was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "2024-03-12", "2024-03-12", "2024-03-12", "2023-09", "2022-03-01", "2024-03-12", "2022-08-18",
        "2024-02",  # 31 February is no day, so the month-year pattern then takes "February 2024"
    ]  # fmt: skip
