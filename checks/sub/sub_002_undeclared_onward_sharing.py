from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject, request_evidence
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class UndeclaredOnwardSharing(Check):
    code = "SUB-002"
    about = "document"
    severity = Severity.WARNING
    title = "A document says the data will be shared onward, but no sub-licensing is planned"
    rule = (
        "Sub-licensing is not planned, but a document says that the data will be sub-licensed, sold, or made "
        "available to third parties beyond the request's organisations. Quote it."
    )
    action = "Declare the onward sharing in the request (sub-licensing, with its justification), or correct the document."
    needs_request = True
    doc = CheckDoc(
        finds="Statements in any document that data will be sub-licensed, sold, or made available to third parties "
        "other than the request's organisations, in a request that plans no sub-licensing.",
        why="Onward sharing beyond the agreement needs a sub-licence, and people must have been told of it; an "
        "undeclared plan means the request understates the processing.",
        reads="The request's sublicensing.planned and organisations; onward-sharing statements in every document.",
        discrepancy="'Anonymised data may be made available to other researchers, including commercial companies.'",
        consistent="'We will never sell your data or pass it to any third party.' (negated)",
        limits="Sharing described without naming recipients is reported: a reviewer judges whether it is onward sharing.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.sublicensing_planned:
            return
        partners = {normalise_org_name(o.name) for o in ctx.req.organisations}
        for document in ctx.readable:
            statements = [
                f for f in document.facts.named("onward_sharing") if not _only_partners(f, partners)
            ]
            if not statements:
                continue
            first = statements[0]
            yield self.finding(
                f'{document.path} says the data will be shared onward ("{first.evidence.quote[:120]}"), but the request '
                "plans no sub-licensing",
                evidence=[
                    *(s.evidence for s in statements[:3]),
                    request_evidence(ctx, "sublicensing.planned")
                    if ctx.request.locate("sublicensing.planned")[0]
                    else request_evidence(ctx, "organisations"),
                ],
                subject=document_subject(document),
            )


def _only_partners(fact, partners: set[str]) -> bool:
    recipients = (fact.detail or {}).get("recipients") or ""
    return bool(recipients) and normalise_org_name(recipients) in partners
