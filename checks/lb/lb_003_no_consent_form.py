from __future__ import annotations

from checks.base import CheckDoc
from checks.lb.missing_evidence import MissingEvidenceDocument
from pipeline.findings import Severity


class NoConsentForm(MissingEvidenceDocument):
    code = "LB-003"
    severity = Severity.ERROR
    title = "Consent is the basis but there is no consent form"
    rule = "The basis is consent and the bundle has no consent form."
    action = "Supply every version of the consent form used during recruitment, each with its version number and date."
    basis = "consent"
    needed_kind = "consent_form"
    needed_words = "consent form"
    doc = CheckDoc(
        finds="A consent-based request whose bundle holds no consent form.",
        why="DARS asks for every version of the consent materials ever used: the consent form is what shows "
        "that participants agreed to their data being shared and linked.",
        reads="The request's legal_basis.common_law; the kind of every readable document.",
        discrepancy="`common_law: consent` and a bundle with information sheets but no consent form.",
        consistent="The same bundle with the consent forms (every version).",
        limits="A combined information sheet and consent form is classified by its title; if it reads as an "
        "information sheet, this check fires and a reviewer should look.",
    )
