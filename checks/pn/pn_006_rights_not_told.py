from __future__ import annotations

from checks.base import CheckDoc
from checks.pn.notice_check import NoticeMustState
from pipeline.findings import Severity


class RightsNotTold(NoticeMustState):
    code = "PN-006"
    severity = Severity.WARNING
    title = "No privacy notice tells people of their rights"
    rule = "No privacy notice tells people of their rights: how to object, or to complain to the Information Commissioner's Office."
    action = (
        "Tell people in the notice how to object to the processing and that they may complain to the ICO."
    )
    what = "tells people how to object or to complain to the Information Commissioner's Office"
    shown_by = (("rights_objection",), ("rights_ico",))
    doc = CheckDoc(
        finds="Bundles whose privacy notices say neither how to object nor that people may complain to the ICO.",
        why="Articles 13 and 14 require notices to tell people of their rights, including the right to object and "
        "to complain to the supervisory authority.",
        reads="Statements about the right to object and about the ICO in privacy notices.",
        discrepancy="A notice with the controller and purposes but no rights section.",
        consistent="'You have the right to object ... You can complain to the Information Commissioner's Office.'",
        limits="Either right, stated, satisfies this check; a reviewer may still want both.",
    )
