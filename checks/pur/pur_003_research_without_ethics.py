from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from pipeline.findings import Finding, Severity


class ResearchWithoutEthics(Check):
    code = "PUR-003"
    severity = Severity.WARNING
    title = "Research with no ethics evidence"
    rule = "The purpose is research and there is no ethics evidence: no rec_reference in the request and no rec_approval document."
    action = "Supply the Research Ethics Committee's favourable opinion letter and give its REC reference in the request."
    needs_request = True
    searches = ("rec_approval",)
    doc = CheckDoc(
        finds="A research request with neither a REC reference nor a REC favourable opinion letter.",
        why="Research using NHS data is expected to hold a favourable ethical opinion; CAG support for "
        "research usually depends on it.",
        reads="The request's purpose_category and research.rec_reference; the kind of every document.",
        discrepancy="`purpose_category: research`, no `research.rec_reference`, no REC letter.",
        consistent="A REC reference in the request, or the REC letter in the bundle.",
        limits="Research exempt from REC review (e.g. some database studies) still fires: the reviewer decides.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        if request.purpose_category != "research" or (request.rec_reference or "").strip():
            return
        if ctx.of_kind("rec_approval"):
            return
        yield self.finding(
            "the purpose is research but the request gives no REC reference and the bundle has no REC approval letter",
            evidence=[request_evidence(ctx, "purpose_category")],
            searched=(*searched(ctx.readable), f"{ctx.request.file}: research.rec_reference"),
        )
