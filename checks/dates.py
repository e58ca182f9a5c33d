"""Dates as checks compare them: a month-only date stands for its first or its last day."""

from __future__ import annotations

import calendar
from datetime import date


def first_day(iso: str) -> date:
    return date.fromisoformat(iso if len(iso) == 10 else iso + "-01")


def last_day(iso: str) -> date:
    if len(iso) == 10:
        return date.fromisoformat(iso)
    year, month = int(iso[:4]), int(iso[5:7])
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def same_date(a: str, b: str) -> bool:
    """Equal, or one is a month and the other a day in it."""
    return a == b or ((len(a) == 7 or len(b) == 7) and a[:7] == b[:7])
