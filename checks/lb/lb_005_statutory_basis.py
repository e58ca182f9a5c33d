from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Finding, Severity


class StatutoryBasis(Check):
    code = "LB-005"
    severity = Severity.INFO
    title = "A statutory basis is discussed at the preliminary assessment"
    rule = (
        "The basis is statutory (a court order or statutory requirement): it is discussed at the preliminary "
        "assessment; no document can show it here."
    )
    action = "Nothing to fix here; be ready to cite the statute or court order at the preliminary assessment."
    basis = "statutory"
    doc = CheckDoc(
        finds="A request that rests on a statutory requirement or a court order.",
        why="Such a basis is confirmed with DARS directly; no document in a bundle can show it.",
        reads="The request's legal_basis.common_law.",
        discrepancy="`common_law: statutory`.",
        consistent="`common_law: consent` or `section_251` (other checks apply).",
        limits="The tool does not judge whether the statute cited applies.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        yield self.finding(
            "the common-law basis is statutory: it will be discussed at the preliminary assessment",
            evidence=[request_evidence(ctx, "legal_basis.common_law")],
        )
