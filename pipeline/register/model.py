"""The CAG register as the REG checks read it: its rows by reference, merged into entries on demand.

Reading a whole register (thousands of rows) costs little because only references are read up
front; a row's other cells are read (`cells`) when a bundle's support asks for its entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.findings import Evidence
from pipeline.register import cells
from pipeline.register.headers import HEADERS, ROLES, roles_needed_by

OK, UNREADABLE = "ok", "unreadable"


@dataclass(frozen=True, slots=True)
class RegisterCell:
    """One non-blank cell of a role, with where it is: what a finding quotes."""

    sheet: str | None
    row: int
    header: str
    value: object
    text: str

    def evidence(self, file: str) -> Evidence:
        place = f"sheet {self.sheet}, row {self.row}" if self.sheet else f"row {self.row}"
        return Evidence(
            file, quote=f"{self.header}: {self.text}", location=place, source="cag_register",
            sheet=self.sheet, row=self.row,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class RegisterRow:
    sheet: str | None
    row: int
    references: tuple[str, ...]
    cells: dict[str, RegisterCell]  # role -> the row's non-blank cell of that role


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """The merged rows of one support: identifiers and organisations united, the latest next review
    date kept, an exemption if any row records one; every row kept as evidence."""

    references: tuple[str, ...]
    rows: tuple[RegisterRow, ...]

    def cells(self, role: str) -> list[RegisterCell]:
        return [row.cells[role] for row in self.rows if role in row.cells]

    @property
    def identifiers(self) -> dict[str, RegisterCell]:
        """Each identifier the entry names, with the first cell that names it."""
        named: dict[str, RegisterCell] = {}
        for cell in self.cells("identifiers"):
            for identifier in cells.read_identifiers(cell.text):
                named.setdefault(identifier, cell)
        return named

    @property
    def organisations(self) -> list[tuple[str, RegisterCell]]:
        return [
            (name, cell)
            for cell in self.cells("applicant_organisation")
            for name in cells.read_organisations(cell.text)
        ]

    @property
    def next_review(self) -> tuple[dt.date, RegisterCell] | None:
        dated = [
            (day, cell) for cell in self.cells("next_review_date") if (day := cells.read_date(cell.value))
        ]
        return max(dated, key=lambda pair: pair[0]) if dated else None

    @property
    def exemption(self) -> RegisterCell | None:
        """The first cell that records an exemption from the national data opt-out, if any."""
        for row in self.rows:
            status, notes = row.cells.get("opt_out_status"), row.cells.get("notes")
            if status and cells.status_records_exemption(status.text):
                return status
            if notes and cells.notes_record_exemption(notes.text):
                return notes
        return None

    @property
    def titles(self) -> list[str]:
        return list(dict.fromkeys(cell.text for cell in self.cells("title")))


@dataclass(slots=True)
class CagRegister:
    """The register given with --cag-register: usable (`ok`) or `unreadable` with the reason."""

    file: str
    sha256: str | None
    status: str
    reason: str | None = None
    columns: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(ROLES))
    sheets: tuple[str, ...] = ()
    rows: list[RegisterRow] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)  # reference -> positions in rows

    @classmethod
    def unreadable(cls, file: str, sha256: str | None, reason: str) -> CagRegister:
        return cls(file, sha256, UNREADABLE, reason)

    def add_row(self, row: RegisterRow) -> None:
        self.rows.append(row)
        for reference in row.references:
            self.index.setdefault(reference, []).append(len(self.rows) - 1)

    @property
    def references(self) -> tuple[str, ...]:
        return tuple(self.index)

    def entry(self, references) -> RegisterEntry | None:
        """The merged rows whose reference is one of `references` (spelled as in `self.references`)."""
        found = [reference for reference in references if reference in self.index]
        positions = sorted({position for reference in found for position in self.index[reference]})
        if not positions:
            return None
        return RegisterEntry(tuple(found), tuple(self.rows[position] for position in positions))

    def unusable_for(self, code: str) -> str | None:
        """Why the check `code` cannot read this register: unreadable, or a column it needs is absent."""
        if self.status != OK:
            return f"the CAG register {self.file} cannot be read: {self.reason}"
        for role in roles_needed_by(code):
            if self.columns.get(role) is None:
                wanted = ", ".join(HEADERS[role])
                return (
                    f"the CAG register {self.file} has no {role.replace('_', ' ')} column "
                    f"(headers recognised: {wanted})"
                )
        return None

    def searched(self) -> str:
        """'register.xlsx (412 entries; sheets Index, Research)': what a lookup searched."""
        sheets = (
            f"; sheet{'s' if len(self.sheets) > 1 else ''} {', '.join(self.sheets)}" if self.sheets else ""
        )
        return f"{self.file} ({len(self.index)} entries{sheets})"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status,
            "reason": self.reason,
            "entries": len(self.index),
            "columns": dict(self.columns),
        }
