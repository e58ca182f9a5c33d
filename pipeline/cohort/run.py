"""`dars-evidence cohort FILE`: scan the file, load the request (a file, or a bundle whose documents
are read for COH-004), run the COH checks, and return the cohort report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checks import cohort_checks, find_check
from checks.coh.base import CohortContext, CohortFinding
from checks.context import CheckContext
from pipeline import __version__
from pipeline.cohort.scan import CohortScan, scan_cohort
from pipeline.errors import UsageError
from pipeline.findings import Finding, Severity, Skip
from pipeline.limits import MB, Limits
from pipeline.request import LoadedRequest, load_request

DEFAULT_MAX_COHORT_MB = 250  # bundle.md: the cohort file's own limit
REQUEST_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(slots=True)
class CohortReport:
    scan: CohortScan
    request_path: str | None
    findings: list[CohortFinding | Finding]
    skipped: list[Skip] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def verdict(self) -> str:
        if self.count(Severity.ERROR):
            return "not_ready"
        return "needs_review" if self.count(Severity.WARNING) else "ready"

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def to_dict(self) -> dict:
        scan = self.scan
        return {
            "tool": {"name": "dars-evidence", "version": __version__},
            "cohort": {
                "file": scan.file,
                "as_of": scan.as_of.isoformat(),
                "request": self.request_path,
                "rows": scan.rows,
                "columns": [column.to_dict() for column in scan.columns],
            },
            "findings": [finding.to_dict() for finding in self.findings],
            "skipped": [skip.to_dict() for skip in self.skipped],
            "summary": {
                "rows": scan.rows,
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
                "verdict": self.verdict,
            },
        }


def check_cohort(
    file: Path,
    request_path: Path | None = None,
    as_of: date | None = None,
    max_file_mb: float | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> CohortReport:
    if not file.exists():
        raise UsageError(f"no such file: {file}")
    if not file.is_file():
        raise UsageError(f"{file} is not a file: give the cohort CSV itself")
    request, bundle = _load(request_path, limits or Limits())
    as_of_date = as_of or (request.submitted if request else None) or today or date.today()
    max_bytes = int((max_file_mb or DEFAULT_MAX_COHORT_MB) * MB)
    try:
        scan = scan_cohort(file, as_of_date, max_bytes)
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}") from None
    except Exception as exc:  # noqa: BLE001 - a bug's message might quote a value: name its type only
        raise UsageError(
            f"internal error reading the cohort file ({type(exc).__name__}); please report it"
        ) from None
    ctx = CohortContext(scan, request, bundle)
    findings: list[CohortFinding | Finding] = []
    skipped: list[Skip] = []
    if request is not None and not request.usable:  # the report carries the request's REQ-001 findings
        findings.extend(find_check("REQ-001").run(CheckContext((), request, as_of_date)))
    for check in cohort_checks():
        reason = check.cohort_skip_reason(ctx)
        if reason and request_path is not None and ctx.request is None and "no data request" in reason:
            reason = "the bundle has no data request (REQ-002)"
        if reason:
            skipped.append(Skip(check.code, reason))
            continue
        findings.extend(check.check_cohort(ctx))
    findings.sort(key=lambda f: (f.severity.rank, f.code))
    return CohortReport(scan, request_path.as_posix() if request_path else None, findings, skipped)


def _load(path: Path | None, limits: Limits) -> tuple[LoadedRequest | None, CheckContext | None]:
    """The request, and the bundle's documents when `path` is a bundle (a folder or a .zip)."""
    if path is None:
        return None, None
    if not path.exists():
        raise UsageError(f"no such request or bundle: {path}")
    if path.is_file() and path.suffix.lower() in REQUEST_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {path}: {exc.strerror}") from None
        return load_request(path.name, data, limits.max_seconds_per_document), None
    if path.is_dir() or path.suffix.lower() == ".zip":
        return _load_bundle(path, limits)
    raise UsageError(f"--request {path}: give a request.yaml (.yml, .json) or a bundle (a folder or .zip)")


def _load_bundle(path: Path, limits: Limits) -> tuple[LoadedRequest | None, CheckContext]:
    from pipeline.bundle import open_bundle
    from pipeline.load import load_document
    from pipeline.run import _load_request, document_reader

    with open_bundle(path, limits) as bundle, document_reader(limits) as reader:
        documents = [load_document(file, limits, None, reader) for file in bundle.files]
        request, _ = _load_request(bundle, limits)  # (the request, the sha256 of its bytes)
    as_of = (request.submitted if request else None) or date.today()
    return request, CheckContext(tuple(documents), request, as_of)
