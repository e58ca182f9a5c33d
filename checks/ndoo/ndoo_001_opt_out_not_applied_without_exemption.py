from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import request_evidence, searched
from pipeline.findings import Finding, Severity


class OptOutNotAppliedWithoutExemption(Check):
    code = "NDOO-001"
    severity = Severity.ERROR
    title = "The national data opt-out is not applied and no CAG letter gives an exemption"
    rule = (
        "The basis is section_251, the request says the opt-out is not_applied, and no CAG letter states that "
        "the national data opt-out does not apply (an exemption)."
    )
    action = (
        "Apply the national data opt-out to the request, or supply the CAG letter that records an exemption "
        "from it for this activity."
    )
    basis = "section_251"
    searches = CAG_LETTER_KINDS  # an unread letter may state the exemption
    doc = CheckDoc(
        finds="A section 251 request that says the national data opt-out will not be applied, where no CAG "
        "letter in the bundle says the opt-out does not apply.",
        why="The national data opt-out applies to confidential patient information disclosed under section "
        "251 unless CAG advised an exemption, recorded in its letter and the register.",
        reads="The request's national_data_opt_out; statements about the opt-out in CAG letters.",
        discrepancy="`national_data_opt_out: not_applied` and a CAG letter that says nothing of the opt-out, "
        "or says it will be applied.",
        consistent="The same request with a CAG letter stating 'the national data opt-out will not apply to "
        "this activity'.",
        limits="An exemption recorded only in the CAG register, not in a letter, is not seen.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.national_data_opt_out != "not_applied":
            return
        if ctx.facts_named("opt_out_exemption", *CAG_LETTER_KINDS):
            return
        letters = ctx.of_kind(*CAG_LETTER_KINDS)
        yield self.finding(
            "the request does not apply the national data opt-out, but no CAG letter states an exemption "
            f"(searched {len(letters)} CAG letter(s) for a statement that the opt-out does not apply)",
            evidence=[request_evidence(ctx, "national_data_opt_out")],
            searched=searched(letters) or ("the bundle: no CAG letters",),
        )
