from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from pipeline.findings import Finding, Severity


class NoMinimisationStatement(Check):
    code = "MIN-001"
    severity = Severity.WARNING
    title = "The request does not explain how it is limited to what the purpose needs"
    rule = (
        "The request does not explain how what it asks for is limited to what the purpose needs: "
        "minimisation.statement is missing or blank."
    )
    action = (
        "Add a minimisation statement: why each dataset, its years and its fields, and each identifier, "
        "are needed for the stated purpose, and what was left out."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A request with no minimisation statement (missing, null or blank).",
        why="UK GDPR article 5(1)(c) and the DARS guidance: applicants must clearly explain how the information "
        "they ask for is limited to what is necessary to achieve their stated purpose.",
        reads="The request's minimisation.statement.",
        discrepancy="No `minimisation` block, or `minimisation: {statement: ''}`.",
        consistent="`minimisation: {statement: 'HES APC from 2008 only, the years of follow-up; ...'}`.",
        limits="Whether the statement convinces is for the reviewer; only its presence is checked.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.minimisation_statement is None:
            yield self.finding(
                "the request does not say how what it asks for is limited to what the purpose needs "
                "(no minimisation statement)",
                searched=(f"{ctx.request.file}: minimisation.statement",),
            )
