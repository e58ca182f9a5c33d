"""Document dates and the many ways documents write them.

A ``DocDate`` is a day or, for documents that give only a month ("March 2021"), a month. Its key form
is ISO (``2021-03-12`` or ``2021-03``); ``fmt`` writes it in one of the styles real documents use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@dataclass(frozen=True, order=True)
class DocDate:
    day: date
    month_only: bool = False

    @property
    def iso(self) -> str:
        return self.day.strftime("%Y-%m") if self.month_only else self.day.isoformat()

    def fmt(self, style: str = "long") -> str:
        d = self.day
        month = MONTHS[d.month - 1]
        if self.month_only or style == "month":
            return f"{month} {d.year}"
        return {
            "long": f"{d.day} {month} {d.year}",  # 12 March 2021
            "long0": f"{d.day:02d} {month} {d.year}",  # 02 March 2021
            "ordinal": f"{ordinal(d.day)} {month} {d.year}",  # 12th March 2021
            "short": f"{d.day} {month[:3]} {d.year}",  # 12 Mar 2021
            "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",  # 12/03/2021
            "slash2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",  # 12/03/21
            "dot2": f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",  # 12.03.21
            "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",  # 12.03.2021
            "iso": d.isoformat(),  # 2021-03-12
            "compact": f"{d.day:02d}{month[:3]}{d.year}",  # 12Mar2021
            "dash": f"{d.day:02d}-{month[:3]}-{d.year}",  # 12-Mar-2021
        }[style]


def day(y: int, m: int, d: int) -> DocDate:
    return DocDate(date(y, m, d))


def month(y: int, m: int) -> DocDate:
    return DocDate(date(y, m, 1), month_only=True)
