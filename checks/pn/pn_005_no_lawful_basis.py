from __future__ import annotations

from checks.base import CheckDoc
from checks.pn.notice_check import NoticeMustState
from pipeline.findings import Severity


class NoLawfulBasis(NoticeMustState):
    code = "PN-005"
    severity = Severity.WARNING
    title = "No privacy notice states a lawful basis for processing"
    rule = (
        "No privacy notice states a lawful basis for processing (a UK GDPR article 6 basis and an article 9 "
        "condition, by number or by name)."
    )
    action = "State the UK GDPR article 6 basis (e.g. public task) and article 9 condition (e.g. scientific research) in the notice."
    what = "states both a UK GDPR article 6 basis and an article 9 condition"
    shown_by = (("lawful_basis_article6", "lawful_basis_article9"),)
    doc = CheckDoc(
        finds="Bundles where no single privacy notice gives both an article 6 basis and an article 9 condition.",
        why="Health data are special category data: the notice must state both the lawful basis and the condition.",
        reads="Article 6 and article 9 statements (by number, or by name: 'public task', 'scientific research') in notices.",
        discrepancy="A notice stating 'public task' but no article 9 condition.",
        consistent="'Article 6(1)(e) public task and article 9(2)(j) scientific research.'",
        limits="Consent to take part is not the GDPR basis and is not read as one.",
    )
