"""Row numbers kept for a finding: the first 20 and a count of them all (checks.md, COH)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROWS_SHOWN = 20


@dataclass(slots=True)
class RowList:
    first: list[int] = field(default_factory=list)
    total: int = 0

    def add(self, row: int) -> None:
        self.total += 1
        if len(self.first) < ROWS_SHOWN:
            self.first.append(row)

    @classmethod
    def of(cls, rows) -> RowList:
        listed = cls()
        for row in rows:
            listed.add(int(row))
        return listed

    def words(self) -> str:
        """'row 4', 'rows 4, 9 and 12', 'rows 4, 9, ... and 30 more'."""
        shown = [str(row) for row in self.first]
        rest = self.total - len(shown)
        if rest:
            return f"rows {', '.join(shown)} and {rest} more"
        if len(shown) == 1:
            return f"row {shown[0]}"
        return f"rows {', '.join(shown[:-1])} and {shown[-1]}"
