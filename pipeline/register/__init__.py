"""The HRA's CAG register (`--cag-register FILE`): reference data read once a run, never part of a bundle.

    load_register(path, limits) -> CagRegister     never raises for a file that exists

A file that cannot be read, or holds no sheet with a reference column, gives a register whose status
is `unreadable` with the reason: the REG checks are then skipped saying why (bundle.md). Rows that
share a reference, in any sheet, are one entry; a cell naming several references ("20/CAG/0067
(previously 16/CAG/0056)") puts its row in the entry of each.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.errors import DarsError, UsageError
from pipeline.limits import DEFAULT_LIMITS, Limits, time_limit
from pipeline.readers.sheets import _cell
from pipeline.register.cells import references_in
from pipeline.register.model import OK, CagRegister, RegisterCell, RegisterEntry, RegisterRow
from pipeline.register.tables import Table, read_tables

__all__ = [
    "CagRegister",
    "RegisterCell",
    "RegisterEntry",
    "RegisterRow",
    "load_register",
    "register_from_tables",
]


def load_register(path: Path, limits: Limits = DEFAULT_LIMITS) -> CagRegister:
    """The register at `path`. UsageError when there is no such file; anything else that goes
    wrong makes an `unreadable` register, so the run goes on without the REG checks."""
    if not path.is_file():
        raise UsageError(
            f"the CAG register {path} does not exist (--cag-register takes an .xlsx or .csv file)"
        )
    sha256 = None
    try:
        sha256 = (
            hashlib.sha256(path.read_bytes()).hexdigest()
            if path.stat().st_size <= limits.max_file_bytes
            else None
        )
        with time_limit(limits.max_seconds_per_document, "reading the register"):
            tables = read_tables(path, limits)
    except (DarsError, OSError) as exc:
        return CagRegister.unreadable(path.name, sha256, _reason(exc))
    except Exception as exc:  # noqa: BLE001 - a register must never crash a run (bundle.md)
        return CagRegister.unreadable(path.name, sha256, f"{type(exc).__name__}: {exc}")
    if not tables.tables:
        return CagRegister.unreadable(
            path.name,
            sha256,
            "no sheet has a header row with a CAG reference column and another recognised column",
        )
    return register_from_tables(path.name, sha256, tables.tables)


def register_from_tables(file: str, sha256: str | None, tables: list[Table]) -> CagRegister:
    """A usable register from tables already read (tests build them by hand)."""
    register = CagRegister(file, sha256, OK)
    register.sheets = tuple(table.sheet for table in tables if table.sheet)
    for table in tables:
        for role, header in table.headers.items():
            register.columns[role] = register.columns.get(role) or header
        for number, values in table.rows:
            row = _row(table, number, values)
            if row is not None:
                register.add_row(row)
    return register


def _row(table: Table, number: int, values: tuple) -> RegisterRow | None:
    found: dict[str, RegisterCell] = {}
    for role, index in table.columns.items():
        value = values[index] if index < len(values) else None
        text = (value if isinstance(value, str) else _cell(value)).strip() if value is not None else ""
        if text:
            found[role] = RegisterCell(table.sheet, number, table.headers[role], value, text)
    reference = found.get("reference")
    references = tuple(references_in(reference.text)) if reference else ()
    return RegisterRow(table.sheet, number, references, found) if references else None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"the file cannot be opened ({exc.strerror or exc})"
    return str(exc)
