from __future__ import annotations

from checks.base import CheckDoc
from checks.lb.missing_evidence import MissingEvidenceDocument
from pipeline.findings import Severity


class NoSection251Application(MissingEvidenceDocument):
    code = "S251-001"
    severity = Severity.ERROR
    title = "The application for section 251 support is missing"
    rule = "The bundle has no copy of the application for section 251 support (s251_application)."
    action = (
        "Supply the application for section 251 support that CAG reviewed (and any amendment applications)."
    )
    basis = "section_251"
    needed_kind = "s251_application"
    needed_words = "application for section 251 support"
    doc = CheckDoc(
        finds="A section 251 request whose bundle holds no copy of the application made to CAG.",
        why="DARS compares what was asked of CAG (purpose, identifiers, flows) with what is now asked of NHS "
        "England; the application is where that is stated in full.",
        reads="The request's legal_basis.common_law; the kind of every readable document.",
        discrepancy="A section 251 bundle with the CAG outcome letter but not the application form.",
        consistent="The same bundle with the CAG application form (IRAS or non-research form).",
        limits="A form classified as something else (e.g. `other`, DOC-003) is not counted.",
    )
