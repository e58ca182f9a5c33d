from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import fact_evidence, request_evidence
from checks.s251.references import normalise
from pipeline.findings import Finding, Severity


class RecReferenceMismatch(Check):
    code = "PUR-005"
    severity = Severity.ERROR
    title = "The REC reference in the request is not the one on the REC letter"
    rule = "The request's rec_reference differs from the reference on the REC approval letter."
    action = "Correct the REC reference in the request, or supply the REC letter for the reference given."
    needs_request = True
    doc = CheckDoc(
        finds="A request whose research.rec_reference is not among the REC references on the REC approval letters.",
        why="The ethics approval must be the one for this study; a different reference means another study's "
        "opinion or a typing error that DARS will query.",
        reads="The request's research.rec_reference; REC references on rec_approval documents.",
        discrepancy="Request `rec_reference: 14/SW/0123`, REC letter 'REC reference: 14/SW/0132'.",
        consistent="The same reference in both, however spaced.",
        limits="A REC letter whose reference could not be read does not fire this check.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        wanted = (ctx.req.rec_reference or "").strip()
        if not wanted:
            return
        letters = ctx.of_kind("rec_approval")
        facts = [fact for doc in letters for fact in doc.facts.named("rec_reference")]
        if not facts:
            return
        if normalise(wanted) in {normalise(str(fact.value)) for fact in facts}:
            return
        shown = ", ".join(sorted({str(fact.value) for fact in facts}))
        yield self.finding(
            f"the request gives REC reference {wanted}, but the REC approval letter shows {shown}",
            evidence=[request_evidence(ctx, "research.rec_reference"), *fact_evidence(facts)],
        )
