from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import fact_evidence, request_evidence
from checks.s251.references import SupportIdentity
from pipeline.findings import Finding, Severity


class CagReferencesDisagree(Check):
    code = "S251-002"
    about = "reference cited"
    severity = Severity.ERROR
    title = "CAG references disagree"
    rule = (
        "The request's cag_reference is not the reference on the CAG letters, or the CAG letters and the s251 "
        "application cite different references. References are compared after normalising case, spaces and "
        "separators; a document with no reference disagrees with nothing; a stated renumbering is one support."
    )
    action = "Correct the CAG reference in the request, or supply the CAG letters and application for the support it names."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    doc = CheckDoc(
        finds="A CAG letter whose references do not include the request's CAG reference; or, with no reference "
        "in the request, an application and letters that cite different supports.",
        why="The letters must be the support for this request: a different reference is another application's "
        "support, or a typing error that DARS will query.",
        reads="The request's legal_basis.cag_reference; CAG references in CAG letters and the s251 application; "
        "stated renumberings ('previously 16/CAG/0056').",
        discrepancy="Request 21/CAG/0141; outcome letter 'CAG reference: 21/CAG/0114'.",
        consistent="Request 20/CAG/0067; an old letter for 16/CAG/0056 and a new one saying '20/CAG/0067 "
        "(previously 16/CAG/0056)'.",
        limits="A reference mentioned in passing (another study's support) counts as the letter's reference.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        identity = SupportIdentity(ctx)
        wanted = (ctx.req.cag_reference or "").strip()
        letters = [d for d in ctx.of_kind(*CAG_LETTER_KINDS) if d.facts.references.get("cag")]
        applications = [d for d in ctx.of_kind("s251_application") if d.facts.references.get("cag")]
        if wanted:
            # One finding per distinct support the documents cite instead: a typing error in the
            # request is one problem, however many letters show the right reference.
            target = identity.support(wanted)
            disagreeing: dict[frozenset[str], list] = {}
            for document in letters + applications:
                supports = identity.supports(document.facts.references["cag"])
                if target not in supports:
                    disagreeing.setdefault(frozenset(supports), []).append(document)
            for documents in disagreeing.values():
                shown = ", ".join(sorted({r for d in documents for r in d.facts.references["cag"]}))
                facts = [f for d in documents for f in d.facts.named("cag_reference")[:1]]
                yield self.finding(
                    f"the request cites {wanted}, but {', '.join(d.path for d in documents)} cite{'s' if len(documents) == 1 else ''} {shown}",
                    evidence=[request_evidence(ctx, "legal_basis.cag_reference"), *fact_evidence(facts)[:3]],
                    subject=f"{wanted} cited as {shown}",
                )
            return
        letter_supports = (
            set().union(*(identity.supports(d.facts.references["cag"]) for d in letters))
            if letters
            else set()
        )
        for document in applications:
            if letter_supports and not identity.supports(document.facts.references["cag"]) & letter_supports:
                yield self.finding(
                    f"{document.path} cites {', '.join(document.facts.references['cag'])}, but the CAG letters cite "
                    + ", ".join(sorted({r for d in letters for r in d.facts.references["cag"]})),
                    evidence=[
                        *fact_evidence(document.facts.named("cag_reference"))[:1],
                        *fact_evidence([f for d in letters for f in d.facts.named("cag_reference")])[:2],
                    ],
                    subject=f"application cites {', '.join(sorted(document.facts.references['cag']))}",
                )
