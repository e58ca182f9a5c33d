"""NHS numbers: the check digit, and masking in everything the tool prints.

Any ten-digit number that passes the modulus 11 check is masked, whether or not it is labelled:
about 1 in 11 random numbers pass, so masking over-covers on purpose. Calling a number an NHS
number (a fact) needs more: a label or the 3-3-4 layout; that is the extractors' job.
"""

from __future__ import annotations

import re

# Ten digits together, or 3-3-4 with single spaces or hyphens; not part of a longer run of
# letters or digits (a SHA-256 is not an NHS number). The extractors find NHS numbers with this.
NHS_NUMBER_SHAPE = re.compile(r"(?<![0-9A-Za-z])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![0-9A-Za-z])")

# Masking takes more layouts: 3-3-4 split by one separator used twice, a space of any width (a file
# name may hold a no-break or thin space), a tab, a hyphen or dash, or a dot.
SEPARATORS = " \t\u00a0\u2000-\u200b\u202f\u205f\u3000.\\-\u2010-\u2015\u2212"
MASK_SHAPE = re.compile(rf"(?<![0-9A-Za-z])(\d{{3}})([{SEPARATORS}]?)(\d{{3}})\2(\d{{4}})(?![0-9A-Za-z])")


def nhs_check_digit_ok(digits: str) -> bool:
    """True when ten digits pass the NHS number modulus 11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def mask_nhs_numbers(text: str) -> str:
    """Replace every valid NHS number in `text` with `*** *** NNNN` (its last four digits)."""
    if not text or len(text) < 10:
        return text

    def replace(match: re.Match[str]) -> str:
        digits = match.group(1) + match.group(3) + match.group(4)
        return f"*** *** {match.group(4)}" if nhs_check_digit_ok(digits) else match.group(0)

    return MASK_SHAPE.sub(replace, text)
