"""The accepted forms of a cohort file's values (domain.md, "The cohort file" and "UK postcodes").

Each test answers with a problem's name or None; no value is kept. The NHS number's check digit is
modulus 11: weights 10 down to 2 on the first nine digits, `11 - (sum mod 11)`, 11 meaning 0 and 10
never valid.
"""

from __future__ import annotations

import re
from datetime import date

NHS_SEPARATORS = re.compile(r"[\s-]")
TEN_DIGITS = re.compile(r"[0-9]{10}")
POSTCODE = re.compile(
    r"(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r"[0-9][ABD-HJLNP-UW-Z]{2})"
)
# Day-first and ISO forms only; two-digit years are not read. One pattern: year-first, then day-first.
DATE_FORMS = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})([0-9]{2})([0-9]{2})"
    r"|([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})|([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})"
)
SEX_CODES = frozenset(
    {"0", "1", "2", "9", "x", "m", "f", "u", "male", "female", "unknown", "not known", "not specified",
     "indeterminate"}
)  # fmt: skip
STATUS_CODES = frozenset({"add", "delete"})

# Problem names, as messages say them.
NOT_TEN_DIGITS = "not ten digits"
CHECK_DIGIT = "fail the NHS number check digit"
ONE_DIGIT = "repeat one digit ten times"
NOT_A_DATE_FORM = "not in an accepted date format"
NO_SUCH_DATE = "dates that do not exist"


def nhs_check_digit(nine_digits: str) -> int | None:
    """The check digit of the first nine digits of an NHS number, or None when none is valid (10)."""
    total = sum(int(digit) * weight for digit, weight in zip(nine_digits, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_number_problem(value: str) -> str | None:
    """Why `value` is not an NHS number, or None when it is one."""
    digits = NHS_SEPARATORS.sub("", value)
    if not TEN_DIGITS.fullmatch(digits):
        return NOT_TEN_DIGITS
    if digits == digits[0] * 10:
        return ONE_DIGIT
    d = digits.encode("ascii")  # the arithmetic of `nhs_check_digit`, unrolled: it runs on every row
    total = d[0] * 10 + d[1] * 9 + d[2] * 8 + d[3] * 7 + d[4] * 6 + d[5] * 5 + d[6] * 4 + d[7] * 3 + d[8] * 2
    check = 11 - (total - 48 * 54) % 11
    if check == 10 or check % 11 != d[9] - 48:
        return CHECK_DIGIT
    return None


def nhs_digits(value: str) -> str:
    """The NHS number with spaces and hyphens removed: one person's number however it is written."""
    return NHS_SEPARATORS.sub("", value)


def parse_date(value: str) -> tuple[date | None, str | None]:
    """The date in one of the accepted forms, or the problem: not an accepted form, or no such date."""
    match = DATE_FORMS.fullmatch(value.strip())
    if match is None:
        return None, NOT_A_DATE_FORM
    g = match.groups()
    year, month, day = (
        (g[0], g[1], g[2])
        if g[0]
        else (g[3], g[4], g[5])
        if g[3]
        else ((g[8], g[7], g[6]) if g[6] else (g[11], g[10], g[9]))
    )
    try:
        return date(int(year), int(month), int(day)), None
    except ValueError:
        return None, NO_SUCH_DATE


def is_postcode(value: str) -> bool:
    """A well-formed full UK postcode (it need not exist)."""
    return POSTCODE.fullmatch(re.sub(r"\s+", "", value.upper())) is not None


def is_sex_code(value: str) -> bool:
    return " ".join(value.split()).lower() in SEX_CODES


def is_status_code(value: str) -> bool:
    return value.strip().lower() in STATUS_CODES


def looks_like_a_value(cell: str) -> bool:
    """A first-row cell that is a participant's value rather than a header: a valid NHS number, a
    date in an accepted form, or a well-formed postcode (bundle.md: such a file has no header row)."""
    text = cell.strip()
    if not text:
        return False
    if nhs_number_problem(text) is None:
        return True
    if parse_date(text)[0] is not None:
        return True
    return is_postcode(text)
