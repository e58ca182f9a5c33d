"""A register file as tables: each sheet's header row found, its columns given roles, its rows kept.

`.xlsx` is read with openpyxl after the checks every workbook gets (`readers.sheets`): stored values
only, no formula evaluated, no link or macro followed. `.csv` is decoded as any text file and split
with the dialect it appears to use. In each sheet the header row is the first of its first 20 rows
that holds a reference column and one other column, or the row under it when the two read together
give more columns. Headers may span two rows: a merged cell leaves
the cells it covers empty, so an empty header takes the one above it, and a header that names no
role is read again after the one above it ("Next review" over "date (dd/mm/yyyy)").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits, over_file_size
from pipeline.readers.sheets import _cell, open_workbook
from pipeline.readers.text import decode
from pipeline.readers.text_tools import no_addresses
from pipeline.register.headers import role_of

HEADER_SEARCH_ROWS = 20
MAX_ROWS = 500_000  # rows read from one register, all sheets together
MAX_COLUMNS = 200


@dataclass(slots=True)
class Table:
    """One sheet's table: where each role's column is, under which header, and the rows below."""

    sheet: str | None  # None for a CSV
    header_row: int
    columns: dict[str, int]  # role -> column index (the leftmost header of the role)
    headers: dict[str, str]  # role -> the header as written
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (row number, values)


@dataclass(slots=True)
class Tables:
    tables: list[Table]
    passed_over: list[str]  # sheets without a header row


def read_tables(path: Path, limits: Limits) -> Tables:
    """The register's tables. UnreadableDocument (with the reason) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UnreadableDocument(
            f"a {suffix or 'file without a suffix'} register cannot be read: save it as .xlsx or .csv"
        )
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise UnreadableDocument(over_file_size(size, limits))
    data = path.read_bytes()
    if not data:
        raise UnreadableDocument("the file is empty")
    sheets = _xlsx_sheets(data, limits) if suffix == ".xlsx" else _csv_sheets(data)
    tables, passed_over, count = [], [], 0
    for name, rows in sheets:
        table = None
        settled = False  # the row under a header row may be the header's second row
        head: list[tuple[int, tuple]] = []
        for number, values in rows:
            count += 1
            if count > MAX_ROWS:
                raise UnreadableDocument(f"the register has more than {MAX_ROWS:,} rows, over the limit")
            values = tuple(values[:MAX_COLUMNS])
            if table is not None and not settled:
                settled = True
                fuller = header_table(name, [*head, (number, values)])
                if fuller is not None and len(fuller.columns) > len(table.columns):
                    table = fuller
                    continue
            if table is not None:
                table.rows.append((number, values))
                continue
            head.append((number, values))
            table = header_table(name, head)
            if table is None and len(head) >= HEADER_SEARCH_ROWS:
                break
        if table is None:
            passed_over.append(name or "the file")
        else:
            tables.append(table)
    return Tables(tables, passed_over)


def header_table(sheet: str | None, head: list[tuple[int, tuple]]) -> Table | None:
    """A table when the last row of `head` is a header row (read with the row above it), else None."""
    number, values = head[-1]
    above = _filled_across(head[-2][1]) if len(head) > 1 else ()
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, value in enumerate(values):
        upper = above[index] if index < len(above) else ""
        own = _text(value)
        for candidate in (own, f"{upper} {own}".strip()) if own else (upper,):
            role = role_of(candidate)
            if role:
                if role not in columns:
                    columns[role], headers[role] = index, candidate
                break
    if "reference" not in columns or len(columns) < 2:
        return None
    return Table(sheet, number, columns, headers)


def _filled_across(values: tuple) -> list[str]:
    """A header row with each merged group's label carried into the cells it spans."""
    filled, last = [], ""
    for value in values:
        last = _text(value) or last
        filled.append(last)
    return filled


def _text(value) -> str:
    return " ".join(_cell(value).split())


def _xlsx_sheets(data: bytes, limits: Limits):
    workbook = open_workbook(data, limits)
    try:
        # Materialised sheet by sheet, so the workbook can be closed before the rows are used.
        return [
            (sheet.title, list(enumerate(sheet.iter_rows(values_only=True), start=1)))
            for sheet in workbook.worksheets
        ]
    except Exception as exc:  # noqa: BLE001
        raise UnreadableDocument(
            f"the workbook cannot be read ({type(exc).__name__}: {no_addresses(str(exc))})"
        ) from None
    finally:
        workbook.close()


def _csv_sheets(data: bytes):
    text, _ = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1))
    except csv.Error as exc:
        raise UnreadableDocument(f"the CSV is malformed ({exc})") from None
    return [(None, rows)]
