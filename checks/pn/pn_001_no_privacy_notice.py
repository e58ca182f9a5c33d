from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import describe, request_evidence, searched
from pipeline.findings import Finding, Severity


class NoPrivacyNotice(Check):
    code = "PN-001"
    severity = Severity.ERROR
    title = "Personal data are requested but there is no privacy notice"
    rule = "Identifiers are requested (personal data) and the bundle has no privacy notice."
    action = (
        "Supply the privacy (transparency) notice that tells people how their data are used in this study."
    )
    needs_request = True
    searches = ("privacy_notice",)
    doc = CheckDoc(
        finds="A request for identifiable items whose bundle holds no privacy, transparency or fair processing notice.",
        why="UK GDPR articles 13 and 14 require people to be told who holds their data, why, on what basis and "
        "what their rights are; DARS checks the notice before identifiable data flow.",
        reads="The request's identifiers and flows[].identifiers; the kind of every document.",
        discrepancy="`identifiers: [nhs_number]` and no privacy notice.",
        consistent="The same request with the study's privacy notice.",
        limits="A privacy section inside an information sheet does not count as a notice.",
    )

    def held_back(self, finding: Finding) -> tuple[str, str]:
        return "identifiable items are requested and the bundle has no readable privacy notice", "may be one"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.req.requested_identifiers or ctx.of_kind("privacy_notice"):
            return
        yield self.finding(
            f"identifiable items are requested ({', '.join(ctx.req.requested_identifiers)}) but the bundle has no "
            f"privacy notice; searched: {describe(ctx.readable)}",
            evidence=[request_evidence(ctx, "identifiers")],
            searched=searched(ctx.readable) or ("the bundle: no readable documents",),
        )
