"""One streaming pass over a cohort file: its columns, its row count, and per column the rows of
each problem; never a value kept (duplicates go through keyed hashes, `duplicates`).

Rows are numbered as a spreadsheet shows them: the header is row 1, a record whose quoted field
spans lines is one row, and a blank line is a row with nothing in it (not a participant).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.cohort import values
from pipeline.cohort.duplicates import HashColumns, KeyedHasher
from pipeline.cohort.headers import (
    IDENTIFIER_ROLES,
    MANDATORY_ROLES,
    OTHER,
    ROLE_OF_HEADER,
    fold,
    header_role,
)
from pipeline.cohort.opening import CannotOpen, open_cohort
from pipeline.cohort.rows import RowList

MAX_PARTICIPANT_ROWS = 1_000_000  # NHS England's limit for one file (domain.md)
DATE_ROLES = ("date_of_birth", "date_of_death", "min_date", "max_date")
MIN_IDENTIFIERS_COMPARED = 2  # COH-008: values a row must give to be compared in every identifier column
# Identifier values compared for COH-008 without case, spaces at their ends, or repeated spaces.
EDGES = re.compile(r"\s*\x00\s*")
SPACES = re.compile(r"\s+")

# Problems with values, as a message words them after "N values" (the slug goes into fingerprints).
BLANK = "blank"
PROBLEM_WORDS = {
    BLANK: "are blank",
    values.NOT_TEN_DIGITS: "are not ten digits",
    values.CHECK_DIGIT: "fail the NHS number check digit",
    values.ONE_DIGIT: "repeat one digit ten times",
    values.NOT_A_DATE_FORM: "are not in an accepted date format (YYYY-MM-DD, YYYYMMDD, DD/MM/YYYY, DD-MM-YYYY)",
    values.NO_SUCH_DATE: "are dates that do not exist",
    "after_as_of": "are after the as-of date",
    "death_before_birth": "are dates of death before the date of birth",
    "min_after_max": "are minimum dates after the maximum date",
    "postcode": "are not well-formed full UK postcodes",
    "sex": "are not accepted sex codes (0, 1, 2, 9, M, F, U, X, or male, female, unknown, not known, "
    "not specified, indeterminate)",
    "status": "are not add or delete",
}


@dataclass(frozen=True, slots=True)
class Column:
    number: int  # 1-based
    header: str | None  # as written, only when it is a recognised header
    role: str  # nhs_number, ..., unique_reference, status, min_date, max_date, or other

    @property
    def name(self) -> str:
        """How messages name it: its recognised header and number, else its number alone."""
        return f"{self.header} (column {self.number})" if self.header else f"column {self.number}"

    def to_dict(self) -> dict:
        return {"column": self.number, "header": self.header, "role": self.role}


@dataclass(slots=True)
class CohortScan:
    file: str
    as_of: date
    unreadable: str | None = None  # COH-001's reason: nothing else is judged
    columns: list[Column] = field(default_factory=list)
    rows: int = 0  # participant rows
    encoding: str | None = None
    same_headers: list[tuple[Column, ...]] = field(default_factory=list)
    ragged: RowList = field(default_factory=RowList)
    problems: dict[tuple[int, str], RowList] = field(default_factory=lambda: defaultdict(RowList))
    repeated_refs: RowList = field(default_factory=RowList)
    same_person: RowList = field(default_factory=RowList)

    def of_role(self, *roles: str) -> list[Column]:
        return [column for column in self.columns if column.role in roles]

    @property
    def over_limit(self) -> bool:
        return self.rows > MAX_PARTICIPANT_ROWS


def scan_cohort(path: Path, as_of: date, max_bytes: int) -> CohortScan:
    scan = CohortScan(file=path.name, as_of=as_of)
    try:
        opened = open_cohort(path, max_bytes)
    except CannotOpen as exc:
        scan.unreadable = str(exc)
        return scan
    scan.encoding = opened.encoding
    with opened.stream as stream:
        try:
            _read(stream, scan)
        except CannotOpen as exc:
            scan.unreadable = str(exc)
    if scan.unreadable:  # no other check runs on a file that cannot be read (checks.md)
        scan.problems.clear()
    return scan


def _read(stream, scan: CohortScan) -> None:
    reader = csv.reader(stream, strict=True)
    judge: RowJudge | None = None
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise CannotOpen(
                "the file is empty" if header is None else "the first row is empty: no header row"
            )
        _judge_header(header, scan)
        judge = RowJudge(scan)
        judge.run(reader)
    except UnicodeDecodeError:
        raise CannotOpen(
            f"the text cannot be decoded as {scan.encoding} (after row {judge.row if judge else 1})"
        ) from None
    except csv.Error:
        # The parser's own message may quote the line: only the row number is said (report.md).
        raise CannotOpen(
            f"the CSV cannot be parsed after row {judge.row if judge else 1}: a quoted field that is never "
            "closed, text after a closing quote, a NUL byte, or a field over the parser's limit"
        ) from None


def _judge_header(header: list[str], scan: CohortScan) -> None:
    if len(header) == 1 and ("\t" in header[0] or ";" in header[0]):
        raise CannotOpen("the file is not comma-separated: its first row has tabs or semicolons and no comma")
    if any(values.looks_like_a_value(cell) for cell in header):
        raise CannotOpen(
            "no header row: the first row holds a value (an NHS number, a date or a postcode), not headers"
        )
    by_header: dict[str, list[Column]] = defaultdict(list)
    for number, text in enumerate(header, start=1):
        role = header_role(text)
        column = Column(number, _shown_header(text) if role != OTHER else None, role)
        scan.columns.append(column)
        if text.strip():
            by_header[fold(text) or text.strip()].append(column)
    scan.same_headers = [tuple(columns) for columns in by_header.values() if len(columns) > 1]


def _shown_header(text: str) -> str:
    """A recognised header as written; one recognised by its start ("DOB (dd/mm/yyyy)") up to the bracket."""
    text = " ".join(text.split())
    if fold(text) in ROLE_OF_HEADER:
        return text
    return text.split("(")[0].split("[")[0].split("{")[0].strip()


class RowJudge:
    """Judges each participant row as it streams past, keeping only row numbers and keyed hashes.
    Written for speed (a million rows): each column's test is chosen once, from its role."""

    def __init__(self, scan: CohortScan) -> None:
        self.scan = scan
        self.width = len(scan.columns)
        # the leftmost column of a role is the one compared across columns and rows
        self.first = {
            role: next((c.number - 1 for c in scan.of_role(role)), None)
            for role in (*DATE_ROLES, "unique_reference", "nhs_number")
        }
        self.identifier_indexes = [c.number - 1 for c in scan.columns if c.role in IDENTIFIER_ROLES]
        self.tests = [
            (c.number - 1, c.number, c.role in MANDATORY_ROLES, self.test_of(c.role))
            for c in scan.columns
            if c.role != OTHER
        ]
        self.pairs = [
            (self.first[earlier], self.first[later], self.first[problem_at] + 1, problem)
            for earlier, later, problem_at, problem in (
                ("date_of_birth", "date_of_death", "date_of_death", "death_before_birth"),
                ("min_date", "max_date", "min_date", "min_after_max"),
            )
            if self.first[earlier] is not None and self.first[later] is not None
        ]
        self.hash = KeyedHasher()
        self.hashes = HashColumns()
        self.row = 1  # the last row read

    def test_of(self, role: str):
        """The test of one column's values: a value in, a problem's name (or None) out."""
        as_of = self.scan.as_of
        if role == "nhs_number":
            return values.nhs_number_problem
        if role in DATE_ROLES:

            def date_problem(value: str) -> str | None:
                parsed, problem = values.parse_date(value)
                return "after_as_of" if parsed is not None and parsed > as_of else problem

            return date_problem
        if role == "postcode":
            return lambda value: None if values.is_postcode(value) else "postcode"
        if role == "sex":
            return lambda value: None if values.is_sex_code(value) else "sex"
        if role == "status":
            return lambda value: None if values.is_status_code(value) else "status"
        return lambda value: None

    def run(self, reader) -> None:
        scan = self.scan
        for record in reader:
            self.row += 1
            row = self.row
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # a blank line: no participant
            scan.rows += 1
            if len(record) != self.width:
                scan.ragged.add(row)
                continue
            self.judge(row, record)
        scan.repeated_refs = RowList.of(self.hashes.repeated_refs())
        scan.same_person = RowList.of(self.hashes.same_person())

    def judge(self, row: int, record: list[str]) -> None:
        problems = self.scan.problems
        for index, number, mandatory, test in self.tests:
            value = record[index]
            if not value or value.isspace():
                if mandatory:
                    problems[(number, BLANK)].add(row)
                continue
            problem = test(value)
            if problem:
                problems[(number, problem)].add(row)
        for earlier, later, problem_at, problem in self.pairs:
            if record[later].strip() and record[earlier].strip():
                first, then = values.parse_date(record[earlier])[0], values.parse_date(record[later])[0]
                if first and then and then < first:
                    problems[(problem_at, problem)].add(row)
        if self.scan.rows <= MAX_PARTICIPANT_ROWS:  # memory stays bounded past the limit
            self.remember(row, record)

    def remember(self, row: int, record: list[str]) -> None:
        ref_index, nhs_index = self.first["unique_reference"], self.first["nhs_number"]
        ref = record[ref_index].strip() if ref_index is not None else ""
        nhs = values.nhs_digits(record[nhs_index]) if nhs_index is not None else ""
        together = SPACES.sub(" ", EDGES.sub("\0", "\0".join([record[i] for i in self.identifier_indexes])))
        # Rows equal in every identifier column are one person only when at least two identifiers are
        # given: a date of birth alone (the one mandatory identifier) is shared by strangers.
        given = sum(1 for part in together.split("\0") if part.strip()) >= MIN_IDENTIFIERS_COMPARED
        hash_of = self.hash
        self.hashes.add(row, hash_of(ref), hash_of(nhs), hash_of(together.upper() if given else ""))
