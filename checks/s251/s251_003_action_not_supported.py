from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from checks.s251.scope import SCOPE_KINDS, approved_scope
from pipeline.findings import Finding, Severity

ACTION_WORDS = {
    "receive": "receive",
    "link": "link",
    "disseminate": "disseminate (disclose identifiable items)",
}


class ActionNotSupported(Check):
    code = "S251-003"
    about = "action"
    severity = Severity.ERROR
    title = "An action on confidential patient information has no section 251 support"
    rule = (
        "An action that a CPI flow of the request needs (receive, link or disseminate) is not in the approved "
        "scope: no CAG letter supports NHS England doing it. One finding per missing action. A flow that "
        "carries no identifier needs no support."
    )
    action = "Supply a CAG letter (approval or amendment) that supports NHS England in this action, or remove the flow's identifiers."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    searches = SCOPE_KINDS  # an unread letter may widen the approved scope
    doc = CheckDoc(
        finds="Each action (receive, link, disseminate) that a request flow carrying identifiers asks of NHS "
        "England, where no CAG approval or amendment letter says NHS England (or a predecessor) may do it.",
        why="Section 251 support covers named processing by named bodies: NHS England may receive, link or "
        "disclose confidential patient information only as far as CAG supported it.",
        reads="The request's flows (action, identifiers); statements in CAG approval and amendment letters of what "
        "NHS England (NHS Digital, HSCIC) receives, links or discloses.",
        discrepancy="A `disseminate` flow carrying date_of_death, where the letters support only receipt and "
        "linkage with a pseudonymised return.",
        consistent="The same flow with a letter saying 'NHS Digital will return date of death with NHS number to the applicant'.",
        limits="Support stated only as a class ('class 4 and 6 support') does not show which body acts, so it "
        "does not count; returning a pseudonymised extract is not dissemination.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        scope = approved_scope(ctx)
        needed: dict[str, list[int]] = {}
        for number, flow in enumerate(ctx.req.flows):
            if flow.carries_cpi:
                needed.setdefault(flow.action, []).append(number)
        for action, flow_numbers in needed.items():
            if scope.actions.get(action):
                continue
            yield self.finding(
                f"the request needs NHS England to {ACTION_WORDS[action]} confidential patient information, but no CAG "
                f"letter supports it (searched {len(scope.letters)} approval/amendment letter(s))",
                evidence=[request_evidence(ctx, f"flows[{n}].action") for n in flow_numbers],
                searched=searched(scope.letters),
                subject=action,
            )
