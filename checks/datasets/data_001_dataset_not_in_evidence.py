from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc, missing_kind_reason
from checks.context import CAG_LETTER_KINDS, CONSENT_MATERIAL_KINDS, CheckContext
from checks.evidence import request_evidence, searched
from checks.s251.scope import covers_dataset
from pipeline.findings import Finding, Severity

EVIDENCE_KINDS = {
    "section_251": (*CAG_LETTER_KINDS, "s251_application"),
    "consent": CONSENT_MATERIAL_KINDS,
}


class DatasetNotInEvidence(Check):
    code = "DATA-001"
    about = "dataset"
    severity = Severity.WARNING
    title = "A requested dataset is not named in the evidence for the legal basis"
    rule = (
        "A requested dataset is not named in the evidence for the legal basis: for section_251, the CAG letters "
        "and the s251 application; for consent, the consent materials. Any mention counts, participant-facing "
        "wording included; a generic 'Hospital Episode Statistics' covers every HES dataset. One finding per dataset."
    )
    action = "Supply evidence that covers this dataset (a CAG amendment, or consent materials that mention it), or remove it from the request."
    needs_request = True
    doc = CheckDoc(
        finds="Each dataset in the request that the CAG letters and application (section 251) or the consent forms "
        "and information sheets (consent) never mention.",
        why="The legal basis covers the data it was given for: support or consent for hospital records does not "
        "cover mental health or cancer registry data.",
        reads="The request's datasets; datasets named in the evidence documents, through the gazetteer "
        "(official names, abbreviations, participant wording such as 'hospital records', 'death registrations').",
        discrepancy="`datasets: [hes_apc, mhsds]` and letters that mention only HES and ONS mortality data.",
        consistent="A letter naming 'Hospital Episode Statistics and the Mental Health Services Data Set'.",
        limits="A dataset described in words the gazetteer does not know is reported as missing: a warning for "
        "a reviewer to confirm.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        if ctx.basis not in EVIDENCE_KINDS:
            return f"the basis ({ctx.basis}) has no documents that name datasets"
        if ctx.basis == "section_251" and not ctx.of_kind("cag_approval"):
            return missing_kind_reason(ctx, "cag_approval", "LB-002")
        return None

    def searched_kinds(self, ctx: CheckContext) -> tuple[str, ...]:
        return EVIDENCE_KINDS.get(ctx.basis or "", ())

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        documents = ctx.of_kind(*EVIDENCE_KINDS[ctx.basis])
        named = {dataset for document in documents for dataset in document.facts.datasets}
        for number, dataset in enumerate(ctx.req.datasets):
            if covers_dataset(named, dataset.id):
                continue
            yield self.finding(
                f"{dataset.id} is requested but not named in the {ctx.basis.replace('_', ' ')} evidence "
                f"({len(documents)} document(s) searched)",
                evidence=[request_evidence(ctx, f"datasets[{number}].id")],
                searched=searched(documents) or ("the bundle: no evidence documents",),
                subject=dataset.id,
            )
