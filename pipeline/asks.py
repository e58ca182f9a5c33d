"""What to ask the applicant, and findings grouped, computed once from the findings' dicts.

- `asks`: each distinct action once, with the findings it would close, errors before warnings
  before information (the JSON's `asks`; every view's "What to ask the applicant").
- `grouped`: findings of one code that say the same action after the same search (three DATA-001
  about three datasets, each having searched the same six files) as one group, so a view shows
  one card listing the three, and the searched files once.

Messages and actions are given with names beside ids (`pipeline.names.humanise`).
"""

from __future__ import annotations

from pipeline.names import humanise

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _rank(finding: dict) -> int:
    return SEVERITY_RANK.get(finding["severity"], 9)


def asks(findings: list[dict]) -> list[dict]:
    """[{action, severity, closes: [{code, message}]}], most severe first, then in report order."""
    by_action: dict[str, dict] = {}
    for order, finding in enumerate(sorted(findings, key=_rank)):
        action = humanise(finding["action"])
        ask = by_action.setdefault(
            action, {"action": action, "severity": finding["severity"], "closes": [], "first": order}
        )
        if _rank(finding) < SEVERITY_RANK.get(ask["severity"], 9):
            ask["severity"] = finding["severity"]
        ask["closes"].append({"code": finding["code"], "message": humanise(finding["message"])})
    ordered = sorted(
        by_action.values(), key=lambda ask: (SEVERITY_RANK.get(ask["severity"], 9), ask["first"])
    )
    return [{key: value for key, value in ask.items() if key != "first"} for ask in ordered]


def group_key(finding: dict) -> tuple:
    """Findings alike enough for one card: code, severity, action and what was searched."""
    return (finding["code"], finding["severity"], finding["action"], tuple(finding.get("searched", ())))


def grouped(findings: list[dict]) -> list[list[dict]]:
    """`findings` in groups of alike ones (see `group_key`), each group where its first member was,
    so errors stay before warnings when they were."""
    groups: dict[tuple, list[dict]] = {}
    for finding in findings:
        groups.setdefault(group_key(finding), []).append(finding)
    return list(groups.values())
