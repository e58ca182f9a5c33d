from __future__ import annotations

from checks.base import CheckDoc
from checks.lb.missing_evidence import MissingEvidenceDocument
from pipeline.findings import Severity


class NoCagApproval(MissingEvidenceDocument):
    code = "LB-002"
    severity = Severity.ERROR
    title = "Section 251 is the basis but there is no CAG approval letter"
    rule = "The basis is section_251 and the bundle has no cag_approval letter."
    action = "Supply the CAG outcome letter that gives section 251 support (final or conditional), with any amendment letters."
    basis = "section_251"
    needed_kind = "cag_approval"
    needed_words = "CAG approval (outcome) letter"
    doc = CheckDoc(
        finds="A section 251 request whose bundle holds no Confidentiality Advisory Group letter giving support.",
        why="Section 251 support is shown by CAG's outcome letter: without it nothing shows that the common law "
        "duty of confidentiality has been set aside for this use.",
        reads="The request's legal_basis.common_law; the kind of every readable document.",
        discrepancy="`common_law: section_251` and a bundle of a protocol, a privacy notice and an annual review letter.",
        consistent="The same bundle with the CAG outcome letter that gave support.",
        limits="An annual review or amendment letter does not stand in for the approval letter. A file that "
        "could not be read (DOC-001, DOC-002) and may be the letter (its name points to a CAG letter, or to no "
        "kind at all) is present: the check is not reported then, and the skipped checks say why.",
    )
