"""XLSX and CSV: each sheet's rows as table rows, cited by sheet and row (`sheet Flows, row 4`).

A workbook is a zip of XML parts, so it gets the DOCX's checks first: declared sizes and ratios
(`zip_guard`), then every part's prolog (`xml_guard`), before openpyxl sees a byte. openpyxl reads
it in read-only mode with stored values only: a formula gives the value Excel cached and none is
evaluated; external links, macros and embedded objects are never followed. Rows and cells are
capped, so a sheet of a million empty-looking rows cannot hold the worker.

A file whose first row names participant identifier columns (an NHS number, a name or a date of
birth, and another) is a cohort file (`bundle.md`): it is withheld, none of its other rows is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import zipfile

from pipeline.cohort.headers import identifier_roles
from pipeline.errors import LimitExceeded, UnreadableDocument, WithheldDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.sniff import describe_content
from pipeline.readers.text import decode
from pipeline.readers.text_tools import clean_cell, no_addresses
from pipeline.readers.xml_guard import check_package

MAX_ROWS = 100_000  # rows read from one file, all sheets together
MAX_CELLS = 2_000_000  # cells looked at, all sheets together (empty ones count)
MAX_COLUMNS = 1_000  # cells kept from one row


def open_workbook(data: bytes, limits: Limits):
    """An .xlsx opened read-only with stored values, after the package's checks (zip sizes, no DTD):
    for a bundle's spreadsheet and for the CAG register alike. The caller closes it."""
    _import_quietly()
    import openpyxl

    _check_package(data, limits)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except UnreadableDocument:
        raise
    except (KeyError, zipfile.BadZipFile) as exc:
        raise UnreadableDocument(
            f"the file is not an Excel workbook, or is damaged ({no_addresses(str(exc))})"
        ) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl's errors come in many shapes
        raise UnreadableDocument(
            f"the workbook cannot be parsed ({type(exc).__name__}: {no_addresses(str(exc))})"
        ) from None


def read_xlsx(data: bytes, limits: Limits) -> ParsedDocument:
    workbook = open_workbook(data, limits)
    rows = _Rows(limits)
    try:
        for number, sheet in enumerate(workbook.worksheets, start=1):
            if getattr(sheet, "sheet_state", "visible") != "visible":
                rows.notes.append(f"the hidden sheet {sheet.title!r} was read too")
            for row_number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if not rows.add(values, row_number, number, sheet.title):
                    break
    except UnreadableDocument:  # LimitExceeded, WithheldDocument too
        raise
    except Exception as exc:  # noqa: BLE001
        raise UnreadableDocument(
            f"the workbook cannot be read ({type(exc).__name__}: {no_addresses(str(exc))})"
        ) from None
    finally:
        workbook.close()
    return ParsedDocument(format="xlsx", blocks=rows.blocks, notes=rows.notes)


def read_csv(data: bytes, limits: Limits) -> ParsedDocument:
    text, note = decode(data)
    if len(text) > limits.max_text_chars:
        raise UnreadableDocument(f"the file holds more than {limits.max_text_chars:,} characters of text")
    rows = _Rows(limits)
    if note:
        rows.notes.append(note)
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        row_number = 0
        for values in reader:
            row_number += 1
            if not rows.add(values, row_number, 1, None):
                break
    except csv.Error as exc:
        raise UnreadableDocument(f"the CSV is malformed at row {row_number + 1} ({exc})") from None
    return ParsedDocument(format="csv", blocks=rows.blocks, notes=rows.notes)


class _Rows:
    """Rows made into table blocks, within the limits; a cohort file's header stops the reading."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.blocks: list[Block] = []
        self.notes: list[str] = []
        self.rows = 0
        self.cells = 0
        self.chars = 0
        self.first_row_seen: set[int] = set()

    def add(self, values, row_number: int, table: int, sheet: str | None) -> bool:
        self.rows += 1
        self.cells += len(values)
        if self.rows > MAX_ROWS or self.cells > MAX_CELLS:
            raise LimitExceeded(
                f"the table has more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells, over the limit for a "
                "document: send the tables that matter as a smaller workbook, or as PDF or DOCX"
            )
        cells = [_cell(value) for value in values[:MAX_COLUMNS]]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            return True
        if table not in self.first_row_seen:
            self.first_row_seen.add(table)
            columns = cohort_columns(cells)
            if columns:
                where = f"the header row of sheet {sheet!r}" if sheet else "its header row"
                raise WithheldDocument(
                    f"a participant cohort file ({where} has columns of {', '.join(columns)}): withheld, not read"
                )
        text = " | ".join(cells)
        self.chars += len(text)
        if self.chars > self.limits.max_text_chars:
            raise UnreadableDocument(
                f"the file holds more than {self.limits.max_text_chars:,} characters of text"
            )
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=text,
                part=Part.TABLE,
                table=table,
                row=row_number,
                cells=tuple(cells),
                sheet=sheet,
                label=None if sheet else f"row {row_number}",
            )
        )
        return True


def _import_quietly() -> None:
    """openpyxl makes a `mimetypes.MimeTypes()` when imported, which reads the system's
    /etc/mime.types (a read outside the bundle, for types it uses only to write workbooks). Marked
    as initialised, `mimetypes` keeps to its built-in table instead."""
    import mimetypes

    if "openpyxl" not in sys.modules:
        mimetypes.inited = True


def cohort_columns(headers: list[str]) -> list[str]:
    """The roles of the participant identifier columns of a first row (`nhs_number`, ...), when
    they make it a cohort file (`pipeline.cohort.headers`). Roles only: a reason or a finding never
    quotes a cell."""
    return identifier_roles(headers)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return clean_cell(str(value))


def _check_package(data: bytes, limits: Limits) -> None:
    what = describe_content(data)
    if what != "a zip archive":
        hint = " (an .xls? save it as .xlsx or .csv)" if what.startswith("an old Office file") else ""
        raise UnreadableDocument(f"the file is named .xlsx but is {what}{hint}")
    check_package(
        data,
        limits,
        "the workbook",
        lambda archive, names: "xl/workbook.xml" in names,
        "the file is a zip archive but not an Excel workbook (no xl/workbook.xml)",
    )
