"""Accepted findings (report.md, "Accepted findings"): a reviewer's file of findings accepted with a
reason, so they stop coming back on every run and on every resubmission.

    accepted:
      - fingerprint: 3f9a0c1d2e4b5a69   # or `code: DATA-001`, for every finding of that code
        reason: Processor location confirmed in its DSPT entry
        by: A. Reviewer
        date: 2024-06-01
        expires: 2025-06-01               # optional

An accepted finding stays in the report, marked, and counts in neither the verdict nor the exit status.
An entry that matches nothing, or has expired by the as-of date, is reported as unused. A malformed
file is a usage error (exit 2) whose one line names the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from pipeline.errors import UsageError
from pipeline.findings import FINGERPRINT_LENGTH

ACCEPT_FILE = "dars-evidence.accept.yaml"
FIELDS = ("fingerprint", "code", "reason", "by", "date", "expires")
REQUIRED = ("reason", "by", "date")
CODE = re.compile(r"^[A-Z][A-Z0-9]*-\d{3}$")
FINGERPRINT = re.compile(rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$")


@dataclass(frozen=True, slots=True)
class Acceptance:
    number: int  # 1-based place in the file, to name it
    fingerprint: str | None
    code: str | None
    reason: str
    by: str
    date: date
    expires: date | None = None

    def matches(self, finding: dict) -> bool:
        if self.fingerprint and finding.get("fingerprint") != self.fingerprint:
            return False
        return not self.code or finding.get("code") == self.code

    def expired(self, on: date) -> bool:
        return self.expires is not None and self.expires < on

    def record(self) -> dict:
        """What an accepted finding carries: `{"reason", "by", "date"}` (and `expires` when set)."""
        data = {"reason": self.reason, "by": self.by, "date": self.date.isoformat()}
        if self.expires:
            data["expires"] = self.expires.isoformat()
        return data

    def to_dict(self) -> dict:
        data = {"entry": self.number}
        data.update({key: value for key in ("fingerprint", "code") if (value := getattr(self, key))})
        return {**data, **self.record()}


def default_accept_file(path: Path) -> Path | None:
    """`dars-evidence.accept.yaml` beside the bundle (in the folder that holds it), when there is one."""
    candidate = path.absolute().parent / ACCEPT_FILE
    return candidate if candidate.is_file() else None


def load_acceptances(path: Path) -> list[Acceptance]:
    """The entries of an acceptance file; a UsageError naming the entry when one is malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the acceptance file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the acceptance file is not UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise UsageError(f"{path}: not valid YAML{where}") from None
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) != {"accepted"}:
        raise UsageError(f"{path}: must be a mapping whose one key is `accepted`, holding a list")
    entries = data["accepted"] or []
    if not isinstance(entries, list):
        raise UsageError(f"{path}: `accepted` must hold a list of entries")
    return [_entry(path, number, entry) for number, entry in enumerate(entries, start=1)]


def _entry(path: Path, number: int, entry: object) -> Acceptance:
    def bad(why: str) -> UsageError:
        return UsageError(f"{path}: entry {number} of `accepted`: {why}")

    if not isinstance(entry, dict):
        raise bad("must be a mapping with fingerprint (or code), reason, by and date")
    unknown = [str(key) for key in entry if key not in FIELDS]
    if unknown:
        raise bad(f"unknown key {unknown[0]!r} (known: {', '.join(FIELDS)})")
    fingerprint = _text(entry.get("fingerprint"))
    code = _text(entry.get("code"))
    if not fingerprint and not code:
        raise bad("needs a fingerprint, or a code to accept every finding of that code")
    if fingerprint and not FINGERPRINT.match(fingerprint.lower()):
        raise bad(f"fingerprint {fingerprint!r} is not {FINGERPRINT_LENGTH} hexadecimal digits")
    if code and not CODE.match(code.upper()):
        raise bad(f"code {code!r} is not a check code such as DATA-001")
    for key in REQUIRED:
        if not _text(entry.get(key)):
            raise bad(f"needs `{key}`")
    return Acceptance(
        number=number,
        fingerprint=fingerprint.lower() if fingerprint else None,
        code=code.upper() if code else None,
        reason=_text(entry["reason"]),
        by=_text(entry["by"]),
        date=_day(entry["date"], bad, "date"),
        expires=_day(entry["expires"], bad, "expires") if entry.get("expires") is not None else None,
    )


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _day(value: object, bad, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise bad(f"`{key}` {value!r} is not a date in the form YYYY-MM-DD") from None


def match_acceptances(
    findings: list[dict], acceptances: list[Acceptance], on: date
) -> tuple[dict[int, Acceptance], list[dict]]:
    """Which findings (by their place in `findings`) each acceptance accepts, the first entry that
    matches winning; and the entries that accept nothing, or have expired by `on`, with why."""
    accepted: dict[int, Acceptance] = {}
    used: set[int] = set()
    current = [a for a in acceptances if not a.expired(on)]
    for index, finding in enumerate(findings):
        entry = next((a for a in current if a.matches(finding)), None)
        if entry is not None:
            accepted[index] = entry
            used.add(entry.number)
    unused = []
    for entry in acceptances:
        if entry.expired(on):
            unused.append({**entry.to_dict(), "why": f"expired on {entry.expires.isoformat()}"})
        elif entry.number not in used:
            unused.append({**entry.to_dict(), "why": "matches no finding"})
    return accepted, unused
