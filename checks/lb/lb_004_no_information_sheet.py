from __future__ import annotations

from checks.base import CheckDoc
from checks.lb.missing_evidence import MissingEvidenceDocument
from pipeline.findings import Severity


class NoInformationSheet(MissingEvidenceDocument):
    code = "LB-004"
    severity = Severity.ERROR
    title = "Consent is the basis but there is no participant information sheet"
    rule = "The basis is consent and the bundle has no participant information sheet."
    action = "Supply every version of the participant information sheet used during recruitment."
    basis = "consent"
    needed_kind = "participant_information_sheet"
    needed_words = "participant information sheet"
    doc = CheckDoc(
        finds="A consent-based request whose bundle holds no participant information sheet or leaflet.",
        why="Consent is only informed if participants were told what would happen to their data: the "
        "information sheet is where they were told.",
        reads="The request's legal_basis.common_law; the kind of every readable document.",
        discrepancy="`common_law: consent` and a bundle with consent forms but no information sheet.",
        consistent="The same bundle with the information sheets (every version).",
        limits="Information given only on a website or in a video is not seen.",
    )
