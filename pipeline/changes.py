"""What changed between two JSON reports of one request (report.md, "Resubmissions").

Findings compare by fingerprint: resolved (in the baseline only), new (in the later report only) and
still open (in both). Documents compare by path and sha256: added, removed, and changed (the path kept,
the content not); the data request counts as one, by `bundle.request_sha256`. `check --baseline` adds the result to the report as `changes`; `diff` prints it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import UsageError


def load_report(path: Path) -> dict:
    """A saved JSON report; a UsageError saying why when the file is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read the report {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"{path} is not a JSON report (make one with `check --format json`)") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path} is not a JSON report of dars-evidence: it has no list of findings")
    if any(not isinstance(f, dict) or not f.get("fingerprint") for f in data["findings"]):
        raise UsageError(
            f"{path} has findings without fingerprints: it was made by an older version; check that "
            "submission again to make a baseline"
        )
    return data


def compare(baseline: dict, report: dict, baseline_name: str) -> dict:
    """The `changes` of `report` since `baseline` (both `Report.to_dict()`s)."""
    before = {f["fingerprint"]: f for f in baseline.get("findings", [])}
    after = {f["fingerprint"]: f for f in report.get("findings", [])}
    old_documents, new_documents = files(baseline), files(report)
    note = other_request(baseline, report)
    return {
        "baseline": baseline_name,
        **({"note": note} if note else {}),
        "resolved": [_finding(f) for key, f in before.items() if key not in after],
        "new": [_finding(f) for key, f in after.items() if key not in before],
        "still_open": [_finding(f) for key, f in after.items() if key in before],
        "documents": {
            "added": [
                {"path": p, "sha256": sha} for p, sha in new_documents.items() if p not in old_documents
            ],
            "removed": [
                {"path": p, "sha256": sha} for p, sha in old_documents.items() if p not in new_documents
            ],
            "changed": [
                {"path": p, "sha256": sha, "baseline_sha256": old_documents[p]}
                for p, sha in new_documents.items()
                if p in old_documents and old_documents[p] != sha
            ],
        },
    }


def other_request(baseline: dict, report: dict) -> str | None:
    """A warning when the two reports are of different requests (both give a reference, and they differ):
    the comparison is then of two different things, and is printed with it."""
    old = (baseline.get("bundle") or {}).get("reference")
    new = (report.get("bundle") or {}).get("reference")
    if old and new and old.strip() != new.strip():
        return f"the baseline is a report of {old}, this one of {new}: they are not the same request"
    return None


def files(report: dict) -> dict[str, str | None]:
    """Each file of a report's bundle by path, with its sha256: the documents, and the data request
    (the file a resubmission most often changes)."""
    found = {d["path"]: d.get("sha256") for d in report.get("documents", [])}
    bundle = report.get("bundle") or {}
    if bundle.get("request") and bundle.get("request_sha256"):
        found[bundle["request"]] = bundle["request_sha256"]
    return found


def _finding(finding: dict) -> dict:
    data = {
        "code": finding["code"],
        "fingerprint": finding["fingerprint"],
        "severity": finding.get("severity"),
        "message": finding.get("message", ""),
    }
    if finding.get("accepted"):
        data["accepted"] = True
    return data


def change_counts(changes: dict) -> str:
    """'1 resolved, 1 new, 1 still open; documents: 1 added, 0 removed, 1 changed'."""
    documents = changes["documents"]
    return (
        f"{len(changes['resolved'])} resolved, {len(changes['new'])} new, {len(changes['still_open'])} still open; "
        f"documents: {len(documents['added'])} added, {len(documents['removed'])} removed, "
        f"{len(documents['changed'])} changed"
    )
