from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from pipeline.findings import Finding, Severity


class DatedAfterAsOf(Check):
    code = "DOC-007"
    about = "document"
    severity = Severity.WARNING
    title = "A document is dated after the as-of date"
    rule = "A document bears a date (its document date) later than the as-of date."
    action = "Check the document's date: correct it, or judge the bundle at a later date (--as-of)."
    single_document = True
    doc = CheckDoc(
        finds="Documents whose own date (a letter's date, a form's version date) is after the as-of date "
        "(--as-of, else the request's submitted date, else today).",
        why="Evidence cannot postdate the request it supports: a future date is a typing error, or a document "
        "added after submission that the reviewer should know about.",
        reads="Each document's date and the as-of date.",
        discrepancy="A privacy notice dated 1 June 2024 in a request submitted on 1 May 2024.",
        consistent="Every document dated on or before the submitted date.",
        limits="A month-only date is after the as-of date only when its whole month is.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.readable:
            iso = document.facts.date
            if not iso or _earliest_day(iso) <= ctx.as_of:
                continue
            evidence = [fact.evidence for fact in document.facts.named("document_date")[:1]]
            yield self.finding(
                f"{document.path} is dated {iso}, after the as-of date {ctx.as_of.isoformat()}",
                evidence=evidence,
                searched=() if evidence else (document.path,),
                subject=document_subject(document),
            )


def _earliest_day(iso: str) -> date:
    return date.fromisoformat(iso if len(iso) == 10 else iso + "-01")
