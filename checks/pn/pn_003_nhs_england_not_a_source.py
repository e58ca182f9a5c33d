from __future__ import annotations

from checks.base import CheckDoc
from checks.pn.notice_check import NoticeMustState
from pipeline.findings import Severity


class NhsEnglandNotASource(NoticeMustState):
    code = "PN-003"
    severity = Severity.WARNING
    title = "No privacy notice names NHS England as a source of the data"
    rule = "No privacy notice names NHS England as a source of the data."
    action = "Say in the privacy notice that data are obtained from NHS England (and which data)."
    what = "names NHS England (or NHS Digital, HSCIC) as a source of the data"
    shown_by = (("source_nhs_england",),)
    doc = CheckDoc(
        finds="Bundles whose privacy notices never say that data come from NHS England or a predecessor.",
        why="Article 14 requires people to be told the source of data not obtained from them; here that is NHS England.",
        reads="Statements in privacy notices that data are received or obtained from NHS England, NHS Digital or HSCIC.",
        discrepancy="A notice that lists only the data participants give in questionnaires.",
        consistent="'We receive information about your hospital admissions from NHS England.'",
        limits="NHS England named only as a recipient does not count.",
    )
