"""Findings counted by code across a queue: which problems come up most, and in how many bundles.

Built with pandas from each bundle's findings counted by code (kept in the manifest, so a bundle
skipped on a re-run still counts). Accepted findings count like the others: the count is of what
the checks found, not of what still blocks a bundle.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

STATISTICS_COLUMNS = ("code", "severity", "findings", "bundles", "title")


def count_codes(findings: list[dict]) -> dict[str, int]:
    """One bundle's findings counted by code, codes in order."""
    return dict(sorted(Counter(finding["code"] for finding in findings).items()))


def code_statistics(counts_by_bundle: Mapping[str, Mapping[str, int]]) -> list[dict]:
    """One row a code: its severity and title from the catalogue, how many findings in all and in
    how many bundles; the most frequent first, then by code."""
    import pandas as pd

    records = [
        {"bundle": bundle, "code": code, "findings": number}
        for bundle, counts in counts_by_bundle.items()
        for code, number in counts.items()
    ]
    if not records:
        return []
    frame = pd.DataFrame.from_records(records)
    table = (
        frame.groupby("code").agg(findings=("findings", "sum"), bundles=("bundle", "nunique")).reset_index()
    )
    table = table.sort_values(["findings", "bundles", "code"], ascending=[False, False, True])
    catalogue = _catalogue()
    rows = []
    for code, findings, bundles in table.itertuples(index=False):
        severity, title = catalogue.get(code, ("", ""))
        rows.append(
            {
                "code": code,
                "severity": severity,
                "findings": int(findings),
                "bundles": int(bundles),
                "title": title,
            }
        )
    return rows


def _catalogue() -> dict[str, tuple[str, str]]:
    from checks import all_checks

    return {check.code: (_severity(check), check.title) for check in all_checks()}


def _severity(check) -> str:
    severity = getattr(check, "severity", "")
    return getattr(severity, "value", str(severity))


def statistics_text(rows: list[dict], bundles: int) -> str:
    """The table `--statistics` prints: aligned columns, a line a code."""
    if not rows:
        return f"No findings across {bundles} bundles.\n"
    header = {
        "code": "code",
        "severity": "severity",
        "findings": "findings",
        "bundles": "bundles",
        "title": "title",
    }
    widths = {
        column: max(len(str(row[column])) for row in [header, *rows]) for column in STATISTICS_COLUMNS[:-1]
    }
    lines = []
    for row in [header, *rows]:
        cells = [
            str(row["code"]).ljust(widths["code"]),
            str(row["severity"]).ljust(widths["severity"]),
            str(row["findings"]).rjust(widths["findings"]),
            str(row["bundles"]).rjust(widths["bundles"]),
            str(row["title"]),
        ]
        lines.append("  ".join(cells).rstrip())
    total = sum(row["findings"] for row in rows)
    lines.append(f"{total} findings of {len(rows)} codes across {bundles} bundles")
    return "\n".join(lines) + "\n"
