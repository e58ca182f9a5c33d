"""A requested dataset's data period (checks.md, "data period"): from its `start` (open when absent) to
its `end`; with no `end`, to the as-of date for `release: latest_available`, open for
`release: future_drops`, and unknown (not judged on its end) with neither."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checks.context import CheckContext

OPEN = "open"  # an end that is never reached
UNKNOWN = "unknown"  # no end and no release: not judged on its end


@dataclass(frozen=True, slots=True)
class DataPeriod:
    index: int
    dataset: str
    start: date | None  # None: open
    end: date | str  # a date, OPEN or UNKNOWN
    field: str  # the request field that sets the end: datasets[i].end or datasets[i].release

    def ends_after(self, day: date) -> bool:
        return self.end == OPEN or (isinstance(self.end, date) and self.end > day)

    def starts_before(self, day: date) -> bool:
        return self.start is None or self.start < day

    def end_words(self) -> str:
        if self.end == OPEN:
            return "has no end (release: future_drops)"
        if self.field.endswith(".release"):
            return f"runs to the as-of date {self.end.isoformat()} (release: latest_available)"
        return f"ends on {self.end.isoformat()}"


def data_periods(ctx: CheckContext) -> list[DataPeriod]:
    periods = []
    for index, dataset in enumerate(ctx.req.datasets):
        release = dataset.release
        if dataset.end is not None:
            end, field = dataset.end, f"datasets[{index}].end"
        elif release == "latest_available":
            end, field = ctx.as_of, f"datasets[{index}].release"
        elif release == "future_drops":
            end, field = OPEN, f"datasets[{index}].release"
        else:
            end, field = UNKNOWN, f"datasets[{index}]"
        periods.append(DataPeriod(index, dataset.id, dataset.start, end, field))
    return periods
