"""DSPT assessment years (checks.md, "current DSPT year"): `YYYY-YY` is current from 1 April of its
first year to 30 June of the year after its second, when its successor is due."""

from __future__ import annotations

import re
from datetime import date

ASSURING = ("standards_met", "standards_exceeded")


def normalise_year(year: str | None) -> str | None:
    """'2023/24' or '2023-2024' as '2023-24'; None for anything else."""
    match = re.fullmatch(r"\s*(20\d{2})\s*[-/–]\s*(20\d{2}|\d{2})\s*", str(year or ""))
    return f"{match.group(1)}-{match.group(2)[-2:]}" if match else None


def is_current(year: str | None, as_of: date) -> bool:
    normalised = normalise_year(year)
    if normalised is None:
        return False
    first = int(normalised[:4])
    if int(normalised[5:]) != (first + 1) % 100:
        return False  # 2023-25 is no year (REQ-001)
    return date(first, 4, 1) <= as_of <= date(first + 2, 6, 30)
