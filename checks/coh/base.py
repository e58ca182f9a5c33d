"""What a COH check reads and returns: the cohort file's scan, the request, and a bundle's documents.

COH checks belong to `dars-evidence cohort` alone (checks.md): they are listed in the catalogue but
never run on a bundle. Their findings carry counts, column numbers, recognised headers and row
numbers, never a value from the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checks.base import Check
from checks.context import CheckContext
from pipeline.cohort.rows import RowList
from pipeline.cohort.scan import CohortScan, Column
from pipeline.findings import Evidence, Severity
from pipeline.masking import mask_nhs_numbers
from pipeline.request import LoadedRequest
from pipeline.request_model import Request


@dataclass(frozen=True, slots=True)
class CohortContext:
    scan: CohortScan
    request: LoadedRequest | None = None
    bundle: CheckContext | None = None  # the bundle's documents, when --request named a bundle

    @property
    def req(self) -> Request:
        assert self.request is not None and self.request.request is not None
        return self.request.request

    def request_evidence(self, path: str) -> Evidence:
        line, words = self.request.locate(path)
        return Evidence(
            self.request.file, quote=words or path, location=f"line {line}, {path}" if line else path
        )


@dataclass(frozen=True, slots=True)
class CohortFinding:
    code: str
    severity: Severity
    title: str
    message: str
    action: str
    problem: str  # what is wrong, without a value or a row number: hashed into the fingerprint
    column: Column | None = None
    rows: RowList | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Stable across runs and row order: the code, the column's role (its number for an other
        column) and the problem (report.md)."""
        where = (
            ""
            if self.column is None
            else (str(self.column.number) if self.column.role == "other" else self.column.role)
        )
        return hashlib.sha256(f"{self.code}|{where}|{self.problem}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict:
        data = {
            "code": self.code,
            "severity": self.severity.value,
            "title": self.title,
            "message": mask_nhs_numbers(self.message),
            "column": self.column.number if self.column else None,
            "rows": list(self.rows.first) if self.rows else [],
            "rows_total": self.rows.total if self.rows else 0,
            "evidence": [e.to_dict() for e in self.evidence],
            "action": self.action,
            "fingerprint": self.fingerprint,
        }
        return data


class CohortCheck(Check):
    """A check of the cohort file. `needs_request`: skipped without `--request`, or with an invalid one."""

    reads_unreadable = False  # only COH-001 runs on a file that cannot be read as a CSV (checks.md)

    def cohort_skip_reason(self, ctx: CohortContext) -> str | None:
        if ctx.scan.unreadable and not self.reads_unreadable:
            return "the file cannot be read as a CSV (COH-001)"
        if self.needs_request:
            if ctx.request is None:
                return "no data request was given (--request)"
            if not ctx.request.usable:
                return "the data request is invalid (REQ-001)"
        return None

    def skip_reason(self, ctx) -> str | None:  # never on a bundle (checks.md)
        return "runs only under `dars-evidence cohort`"

    def run(self, ctx) -> Iterator:  # pragma: no cover - see check_cohort
        raise NotImplementedError

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        raise NotImplementedError

    def cohort_finding(
        self,
        message: str,
        problem: str,
        ctx: CohortContext,
        column: Column | None = None,
        rows: RowList | None = None,
        evidence: Iterable[Evidence] = (),
        action: str | None = None,
    ) -> CohortFinding:
        """A finding that cites the file (column and rows: where to look) and any further evidence."""
        where = []
        if column is not None:
            where.append(column.name)
        if rows is not None and rows.total:
            where.append(rows.words())
        cited = Evidence(ctx.scan.file, quote="", location=", ".join(where) or "the file")
        return CohortFinding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            message=message,
            action=action or self.action,
            problem=problem,
            column=column,
            rows=rows,
            evidence=(cited, *evidence),
        )


def receive_identifiers(request: Request) -> dict[str, list[int]]:
    """The identifiers that `receive` flows give, each with the indexes of the flows that give it."""
    given: dict[str, list[int]] = {}
    for index, flow in enumerate(request.flows):
        if flow.action == "receive":
            for identifier in flow.identifiers:
                given.setdefault(identifier, []).append(index)
    return given


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
