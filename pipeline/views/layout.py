"""What the HTML and Markdown views show, and in what order, computed once from `Report.to_dict()`.

Both views lay out the same `page(report)`, so they cannot disagree about grouping, order or wording;
each only decides how to draw it (and how to escape document text for its medium).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

# The check families, in the order a reviewer reads a bundle (report.md: "findings grouped by area").
AREAS = (
    ("REQ", "Request"),
    ("DOC", "Documents"),
    ("LB", "Legal basis"),
    ("S251", "Section 251"),
    ("DATA", "Datasets"),
    ("MIN", "Data minimisation"),
    ("CON", "Consent"),
    ("NDOO", "National data opt-out"),
    ("PUR", "Purpose"),
    ("PN", "Privacy notices"),
    ("ORG", "Organisations"),
    ("SEC", "Security and storage"),
    ("HON", "Honorary contracts"),
    ("TER", "Territory"),
    ("SUB", "Sub-licensing"),
)
OTHER_AREA = ("OTHER", "Other checks")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}

VERDICTS = {
    "ready": ("Ready", "No errors and no warnings in the checks that ran."),
    "needs_review": ("Needs review", "No errors, but warnings for a reviewer to weigh."),
    "not_ready": ("Not ready", "Errors found: resolve them before the bundle goes forward."),
    # A document checked alone is never called ready (checks.md, "Single documents").
    "no_findings": (
        "No findings",
        "Nothing found in this document, checked alone. It is not judged ready: the checks that need "
        "the data request or the other documents of a bundle did not run (see Skipped checks).",
    ),
}

KIND_LABELS = {
    "s251_application": "Section 251 application",
    "cag_approval": "CAG approval",
    "cag_amendment": "CAG amendment",
    "cag_annual_review": "CAG annual review",
    "consent_form": "Consent form",
    "participant_information_sheet": "Participant information sheet",
    "privacy_notice": "Privacy notice",
    "rec_approval": "REC approval",
    "protocol": "Protocol",
    "transfer_risk_assessment": "Transfer risk assessment",
    "cohort_communication": "Cohort communication",
    "data_request": "Data request",
    "other": "Other",
}
STATUS_LABELS = {"ok": "Read", "no_text": "No text layer", "unreadable": "Unreadable", "withheld": "Withheld"}


def area_of(code: str) -> str:
    prefix = code.split("-", 1)[0].upper()
    return prefix if prefix in dict(AREAS) else OTHER_AREA[0]


def where(evidence: dict) -> str:
    """The place a reviewer opens: the location as read, else the page, else the whole document."""
    if evidence.get("location"):
        return str(evidence["location"])
    if evidence.get("page"):
        return f"page {evidence['page']}"
    return "the document"


def fact_value(value: object) -> str:
    """A fact's value as one line: dicts as `key: value` pairs, booleans as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {fact_value(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(fact_value(item) for item in value)
    return "" if value is None else str(value)


def _finding(finding: dict, index: int) -> dict:
    evidence = [
        {"document": e["document"], "where": where(e), "quote": e.get("quote") or ""}
        for e in finding.get("evidence", [])
    ]
    return {
        "code": finding["code"],
        "anchor": "finding-" + "".join(c if c.isalnum() else "-" for c in finding["code"]) + f"-{index}",
        "severity": finding["severity"],
        "severity_label": SEVERITY_LABELS.get(finding["severity"], finding["severity"]),
        "title": finding.get("title") or "",
        "message": finding["message"],
        "evidence": evidence,
        "evidence_by_document": _by_document(evidence),
        "searched": list(finding.get("searched", [])),
        "action": finding["action"],
    }


def _by_document(evidence: list[dict]) -> list[dict]:
    """Evidence grouped by document (first mention first), so a letter quoted thrice is named once."""
    groups: dict[str, list[dict]] = {}
    for item in evidence:
        groups.setdefault(item["document"], []).append({"where": item["where"], "quote": item["quote"]})
    return [{"document": document, "quotes": quotes} for document, quotes in groups.items()]


def _areas(findings: list[dict], skipped: list[dict]) -> list[dict]:
    """Every area in reading order with its findings (most severe first) and skipped checks."""
    ordered = sorted(
        enumerate(findings),
        key=lambda pair: (SEVERITY_RANK.get(pair[1]["severity"], 9), pair[1]["code"], pair[0]),
    )
    areas = []
    for key, name in (*AREAS, OTHER_AREA):
        chosen = [_finding(f, i) for i, f in ordered if area_of(f["code"]) == key]
        skipped_codes = [s["code"] for s in skipped if area_of(s["code"]) == key]
        if key == OTHER_AREA[0] and not chosen and not skipped_codes:
            continue
        counts = {sev: sum(1 for f in chosen if f["severity"] == sev) for sev in SEVERITY_RANK}
        worst = next((sev for sev in SEVERITY_RANK if counts[sev]), None)
        areas.append(
            {
                "key": key,
                "name": name,
                "findings": chosen,
                "counts": counts,
                "worst": worst,
                "skipped": skipped_codes,
                "state": _area_state(counts, skipped_codes),
            }
        )
    return areas


def _area_state(counts: dict[str, int], skipped: list[str]) -> str:
    parts = [
        f"{counts[sev]} {word if counts[sev] == 1 else word + 's'}"
        for sev, word in (("error", "error"), ("warning", "warning"), ("info", "note"))
        if counts[sev]
    ]
    if not parts:
        parts.append("no findings")
    if skipped:
        parts.append(f"{len(skipped)} skipped")
    return ", ".join(parts)


def _documents(documents: Iterable[dict]) -> list[dict]:
    rows = []
    for document in documents:
        facts = [
            {
                "name": fact.get("name", ""),
                "value": fact_value(fact.get("value")),
                "detail": fact_value(fact["detail"]) if fact.get("detail") else "",
                "where": where(fact),
                "quote": fact.get("quote") or "",
            }
            for fact in document.get("facts", [])
        ]
        references = [
            f"{scheme.upper()} {value}"
            for scheme, values in (document.get("references") or {}).items()
            for value in values
        ]
        organisations = [
            f"{org.get('name', '')} ({org.get('role', '')})" if org.get("role") else org.get("name", "")
            for org in document.get("organisations", [])
        ]
        status = document.get("status", "ok")
        rows.append(
            {
                "path": document["path"],
                "title": document.get("title") or "",
                "kind": KIND_LABELS.get(document.get("kind") or "other", document.get("kind") or ""),
                "version": document.get("version") or "",
                "date": document.get("date") or "",
                "pages": document.get("pages"),
                "status": status,
                "status_label": STATUS_LABELS.get(status, status),
                "reason": document.get("reason")
                or ("no text layer: nothing in it could be checked" if status == "no_text" else ""),
                "notes": list(document.get("notes", [])),
                "references": references,
                "identifiers": list(document.get("identifiers", [])),
                "datasets": list(document.get("datasets", [])),
                "organisations": list(dict.fromkeys(organisations)),
                "facts": facts,
            }
        )
    return rows


def _skipped(skipped: list[dict]) -> list[dict]:
    """Skipped checks grouped by their reason, in the order the run gave them."""
    reasons: dict[str, list[str]] = {}
    for skip in skipped:
        reasons.setdefault(skip["reason"], []).append(skip["code"])
    return [{"reason": reason, "codes": codes} for reason, codes in reasons.items()]


def page(report: dict) -> dict:
    """Everything a report page shows, in order."""
    summary = report["summary"]
    verdict = summary["verdict"]
    label, explanation = VERDICTS.get(verdict, (verdict, ""))
    areas = _areas(report["findings"], report["skipped"])
    return {
        "tool": report.get("tool", {}),
        "schema_version": report.get("schema_version"),
        "bundle": report["bundle"],
        "name": PurePosixPath(report["bundle"]["path"]).name or report["bundle"]["path"],
        "summary": summary,
        "verdict": verdict,
        "verdict_label": label,
        "verdict_explanation": explanation,
        "single_document": report["bundle"].get("type") == "file",
        "notes": list(report["bundle"].get("notes", [])),
        "areas": areas,
        # Errors before warnings in every view (the text view lists by severity): an area with an
        # error comes before one with warnings only, in reading order otherwise.
        "areas_with_findings": sorted(
            (area for area in areas if area["findings"]), key=lambda area: SEVERITY_RANK[area["worst"]]
        ),
        "finding_count": len(report["findings"]),
        "documents": _documents(report["documents"]),
        "skipped": _skipped(report["skipped"]),
        "skipped_count": len(report["skipped"]),
    }
