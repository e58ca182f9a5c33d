from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import fact_evidence, request_evidence, searched
from checks.s251.scope import SCOPE_KINDS, approved_scope
from pipeline.findings import Finding, Severity


class IdentifiersNotCovered(Check):
    code = "S251-004"
    about = "set of items not covered"
    severity = Severity.ERROR
    title = "Identifiable items not covered by section 251 support"
    rule = "Requested identifiers that the approved scope does not cover. One finding, listing them."
    action = "Supply an amendment approval from CAG that covers these items, or remove them from the request."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    searches = SCOPE_KINDS  # an unread letter may widen the approved scope
    doc = CheckDoc(
        finds="Identifiers in the request (its identifiers and every flow's) that no CAG approval or amendment "
        "letter names as covered.",
        why="Support is given for named items of confidential patient information; an item not covered has no "
        "basis to flow.",
        reads="The request's identifiers and flows[].identifiers; identifiable items named (not negated) in CAG "
        "approval and amendment letters.",
        discrepancy="postcode requested; the letter covers 'NHS number and date of birth' only.",
        consistent="An amendment letter that adds postcode.",
        limits="A postcode district or a year of birth in a letter does not cover a full postcode or date of birth.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        scope = approved_scope(ctx)
        missing = [item for item in ctx.req.requested_identifiers if item not in scope.identifiers]
        if not missing:
            return
        covered = sorted(scope.identifiers)
        covered_words = ", ".join(covered) if covered else "no identifiable items"
        yield self.finding(
            f"{', '.join(missing)} requested, but the CAG support covers only {covered_words}",
            evidence=[
                request_evidence(ctx, "identifiers"),
                # one quote for each item the support covers, so the message and the quotes agree
                *fact_evidence([facts[0] for _, facts in sorted(scope.identifiers.items()) if facts]),
            ],
            searched=searched(scope.letters),
            subject=", ".join(sorted(missing)),
        )
