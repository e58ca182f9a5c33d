from __future__ import annotations

from checks.base import CheckDoc
from checks.pn.notice_check import NoticeMustState
from pipeline.findings import Severity


class OptOutNotMentioned(NoticeMustState):
    code = "PN-004"
    severity = Severity.WARNING
    title = "No privacy notice mentions the national data opt-out"
    rule = "The basis is section_251 and no privacy notice mentions the national data opt-out."
    action = "Tell people in the privacy notice about the national data opt-out and how to register it."
    basis = "section_251"
    single_document = False
    what = "mentions the national data opt-out"
    shown_by = (("opt_out_mentioned",),)
    doc = CheckDoc(
        finds="Section 251 bundles whose privacy notices never mention the national data opt-out.",
        why="Where section 251 support is relied on, people should be told they can opt out of their confidential "
        "patient information being used for research and planning.",
        reads="The request's basis; mentions of the national data opt-out in privacy notices.",
        discrepancy="A notice that explains withdrawal from the study but not the national data opt-out.",
        consistent="'You can register a national data opt-out at nhs.uk/your-nhs-data-matters.'",
        limits="Study withdrawal is not the opt-out and does not count.",
    )
