from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.s251.s251_007_reviewed_document_missing import version_key
from pipeline.findings import Finding, Severity


class VersionWithTwoDates(Check):
    code = "DOC-005"
    about = "version"
    severity = Severity.WARNING
    title = "Two documents of the same kind carry the same version with different dates"
    rule = (
        "Two documents of the same kind carry the same version number with different version dates (a document "
        "with no date conflicts with none)."
    )
    action = "Check which is the approved version: correct the version number or date, or supply the right document."
    doc = CheckDoc(
        finds="Pairs of documents of one kind with equal version numbers and different version dates.",
        why="A version number names one approved text; two dates for it mean one of them was edited without a "
        "new version, or mislabelled, and the history of versions cannot be trusted.",
        reads="The kind, version and version date of every document.",
        discrepancy="'Consent form version 2.0, 1 March 2020' and 'Consent form version 2.0, 14 May 2020'.",
        consistent="Version 2.0 dated 1 March 2020 and version 2.1 dated 14 May 2020.",
        limits="A month-only date matches any date in its month.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        groups: dict[tuple[str, str], list] = defaultdict(list)
        for document in ctx.readable:
            facts = document.facts
            if facts.kind != "other" and facts.version and facts.date:
                groups[(facts.kind, version_key(facts.version))].append(document)
        for (kind, _), documents in groups.items():
            dates = {d.facts.date for d in documents}
            if len(dates) < 2 or _same_when_month_only(dates):
                continue
            version = documents[0].facts.version
            listed = ", ".join(f"{d.path} ({d.facts.date})" for d in documents)
            evidence = [fact.evidence for d in documents for fact in d.facts.named("document_date")[:1]]
            yield self.finding(
                f"{kind.replace('_', ' ')} version {version} carries different dates: {listed}",
                evidence=evidence,
                subject=f"{kind} version {version}",
            )


def _same_when_month_only(dates: set[str]) -> bool:
    """True when the dates differ only because some give a month and others a day in it."""
    months = {date[:7] for date in dates}
    days = {date for date in dates if len(date) == 10}
    return len(months) == 1 and len(days) <= 1
