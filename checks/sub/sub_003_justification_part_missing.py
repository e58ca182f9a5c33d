from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.sub.justification_parts import says_value_added, says_why_not_direct
from pipeline.findings import Finding, Severity


class JustificationPartMissing(Check):
    code = "SUB-003"
    severity = Severity.WARNING
    title = "The sub-licensing justification leaves out one of its two parts"
    rule = (
        "Sub-licensing is planned with a justification (so SUB-001 does not fire), but one of its two parts is not "
        "stated: why the data cannot be supplied directly by NHS England (sublicensing.why_not_direct, or a "
        "sentence of justification saying the data cannot be supplied, obtained or accessed directly from NHS "
        "England), or the value the applicant adds before sub-licensing (sublicensing.value_added, or a sentence "
        "of justification about linkage to the applicant's own data, derivation, cleaning, curation or "
        "enrichment). One finding, naming the missing part or parts."
    )
    action = (
        "State both parts: why the recipients cannot get the data directly from NHS England "
        "(sublicensing.why_not_direct), and what value you add before sub-licensing (sublicensing.value_added)."
    )
    needs_request = True
    doc = CheckDoc(
        finds="A sub-licensing justification that gives only one of the two reasons DARS asks for, or neither.",
        why="A sub-licence needs a reason the data cannot come from NHS England directly and the value the "
        "applicant adds (DARS: sub-licensing).",
        reads="The request's sublicensing (planned, justification, why_not_direct, value_added); the "
        "justification's sentences, negation read as in documents.",
        discrepancy="A justification that says only 'Recipients cannot obtain the linked data directly from NHS "
        "England.' (no value added).",
        consistent="The same with 'We link the extract to the cohort's own questionnaire data and derive "
        "outcome measures' or a value_added field.",
        limits="The parts are found by their cues; whether the reasons convince is for the reviewer.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        request = ctx.req
        justification = (request.sublicensing_justification or "").strip()
        if not request.sublicensing_planned or not justification:
            return  # SUB-001's case, or no sub-licence
        missing = []
        if request.sublicensing_why_not_direct is None and says_why_not_direct(justification) is None:
            missing.append("why the data cannot be supplied directly by NHS England")
        if request.sublicensing_value_added is None and says_value_added(justification) is None:
            missing.append("the value the applicant adds before sub-licensing")
        if missing:
            yield self.finding(
                f"the sub-licensing justification does not state {' nor '.join(missing)}",
                evidence=[request_evidence(ctx, "sublicensing.justification")],
                searched=(
                    f"{ctx.request.file}: sublicensing.justification, sublicensing.why_not_direct, "
                    "sublicensing.value_added",
                ),
            )
