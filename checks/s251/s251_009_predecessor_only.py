from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import fact_evidence
from checks.s251.scope import SCOPE_KINDS, approved_scope
from pipeline.findings import Finding, Severity


class PredecessorOnly(Check):
    code = "S251-009"
    severity = Severity.INFO
    title = "Support names only a predecessor of NHS England"
    rule = (
        "The approved scope names only a predecessor of NHS England (NHS Digital, HSCIC) as the body that "
        "receives, links or disseminates: fine, but the reviewer should confirm that the CAG register shows the "
        "transfer. Annual review letters do not count either way."
    )
    action = "Nothing to fix; the reviewer confirms that the CAG register records the support as transferred to NHS England."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    searches = SCOPE_KINDS  # an unread letter may widen the approved scope
    doc = CheckDoc(
        finds="Support whose every action is given to NHS Digital, HSCIC or the NHS Information Centre, none to NHS England.",
        why="NHS England took over NHS Digital on 1 February 2023; support given to a predecessor continues, but the "
        "register should show it.",
        reads="The bodies named in the support statements of CAG approval and amendment letters.",
        discrepancy="'NHS Digital will link the cohort to HES' in a 2019 letter, and nothing since.",
        consistent="A 2023 amendment letter naming NHS England.",
        limits="Annual review letters are not read for this.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        scope = approved_scope(ctx)
        facts = [fact for facts in scope.actions.values() for fact in facts]
        bodies = {fact.detail.get("body") for fact in facts if fact.detail}
        if not facts or "NHS England" in bodies:
            return
        yield self.finding(
            f"the support names only {', '.join(sorted(bodies))} (a predecessor of NHS England) as the body that "
            "receives, links or disseminates",
            evidence=fact_evidence(facts)[:3],
        )
