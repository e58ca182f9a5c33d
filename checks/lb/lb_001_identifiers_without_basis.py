from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class IdentifiersWithoutBasis(Check):
    code = "LB-001"
    severity = Severity.ERROR
    title = "Identifiable items requested without a basis that allows them"
    rule = (
        "Identifiers are requested but the common-law basis is not_confidential: identifiable items need "
        "consent or section 251 support."
    )
    action = (
        "Remove the identifiers from the request, or state the basis that allows them (consent, or section 251 "
        "support) and supply its evidence."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A request that asks for identifiable items (in its identifiers or in any flow) while saying the "
        "data are not confidential.",
        why="Confidential patient information may only flow with the person's consent or with section 251 "
        "support that sets aside the common law duty of confidentiality.",
        reads="The request's legal_basis.common_law, identifiers and flows[].identifiers.",
        discrepancy="`common_law: not_confidential` with `identifiers: [nhs_number, postcode]`.",
        consistent="`common_law: not_confidential` with no identifiers anywhere in the request.",
        limits="Whether a field is really identifying (a postcode district, a year of birth) is judged by the "
        "request's own vocabulary only.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        identifiers = request.requested_identifiers
        if request.common_law != "not_confidential" or not identifiers:
            return
        yield self.finding(
            f"{', '.join(identifiers)} requested, but the common-law basis is not_confidential",
            evidence=[request_evidence(ctx, "legal_basis.common_law"), request_evidence(ctx, "identifiers")],
        )
