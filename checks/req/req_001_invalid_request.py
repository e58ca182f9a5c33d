from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc, no_request_reason
from checks.context import CheckContext
from checks.doc.doc_001_unreadable import limit_action
from pipeline.findings import Evidence, Finding, Severity


class InvalidRequest(Check):
    code = "REQ-001"
    about = "problem in the request"
    severity = Severity.ERROR
    title = "The data request is invalid"
    rule = (
        "request.yaml cannot be parsed, breaks request.schema.json, or holds an impossible value (a start "
        "after its end, a date that does not exist). One finding per problem, naming the field path."
    )
    action = "Correct the data request so that every field has a valid value, and send it again."
    doc = CheckDoc(
        finds="A data request that cannot be read, that breaks the request schema, or that holds a value "
        "that cannot be true (a period ending before it starts, 30 February).",
        why="Every other check compares the evidence with the request: DARS assesses the request as "
        "submitted, so it must say unambiguously what is asked for.",
        reads="request.yaml (or request.yml / request.json) at the bundle root, and the request schema.",
        discrepancy="`datasets[1].end: 2023-02-30` (no such date); `territory_of_use: global` (not one "
        "of england_wales, uk, uk_eea, worldwide); `legal_basis.common_law` missing.",
        consistent="A request whose every field matches the schema and whose periods run forwards.",
        limits="A request that breaks the schema is not used by the other checks: they are skipped and "
        "the report says so. Impossible values alone do not stop the other checks.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.single_document:
            return super().skip_reason(ctx)
        if ctx.request is None:
            return no_request_reason(ctx)
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        loaded = ctx.request
        for problem in loaded.problems:
            where = f"line {problem.line}" if problem.line else None
            field = problem.path or "the request"
            yield self.finding(
                f"{field}: {problem.message}",
                evidence=[Evidence(loaded.file, quote=problem.quote, location=where)],
                action=limit_action(problem.message),
                subject=f"{field}: {problem.message}",
            )
