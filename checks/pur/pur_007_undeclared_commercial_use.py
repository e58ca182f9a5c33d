from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from checks.request_fields import field_evidence
from checks.sub.sub_002_undeclared_onward_sharing import _only_partners
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class UndeclaredCommercialUse(Check):
    code = "PUR-007"
    severity = Severity.WARNING
    about = "document"
    title = "A document describes commercial use or involvement, but the request is not commercial"
    rule = (
        "The request is not commercial (commercial false or missing) and a document describes a commercial use of "
        "the data or commercial involvement in the processing: a mention of a commercial purpose, use, gain, "
        "benefit or exploitation of the data, or of a commercial partner or company that will receive, use or "
        "fund it. One finding per document; quote it. A sentence that SUB-002 quotes does not count."
    )
    action = (
        "Declare the request commercial (commercial: true, with its commercial purpose and public benefit), or "
        "correct the document."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Documents that describe commercial use of the data, or a commercial partner receiving, using or "
        "funding it, in a request that says it is not commercial.",
        why="DARS asks whether the purpose is commercial: a commercial purpose must be explained and must show its "
        "benefit to health and care, and the data may not be used to commercial ends the agreement does not state.",
        reads="The request's commercial flag; commercial_mention statements in every document; the onward-sharing "
        "statements SUB-002 quotes.",
        discrepancy="'The results may be used for commercial purposes by the sponsor.'; commercial: false.",
        consistent="'This is a non-commercial study; the data will not be used for commercial purposes.'; or "
        "commercial: true.",
        limits="A commercial company named without what it does with the data is not read; onward sharing to "
        "companies is left to SUB-002.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.commercial:
            return
        partners = {normalise_org_name(o.name) for o in ctx.req.organisations}
        for document in ctx.readable:
            quoted = (
                []
                if ctx.req.sublicensing_planned
                else [f for f in document.facts.named("onward_sharing") if not _only_partners(f, partners)]
            )
            statements = [
                f
                for f in document.facts.named("commercial_mention")
                if not any(_same_sentence(f, q) for q in quoted)
            ]
            if not statements:
                continue
            yield self.finding(
                f'{document.path} describes commercial use or involvement ("{statements[0].evidence.quote[:120]}"), '
                "but the request is not commercial",
                evidence=[*(s.evidence for s in statements[:3]), field_evidence(ctx, "commercial")],
                subject=document_subject(document),
            )


def _same_sentence(commercial, sharing) -> bool:
    """Is the onward-sharing statement in the commercial mention's sentence? By the sentence's span in the
    same block where both facts have one, else by the quoted words."""
    sentence = (commercial.detail or {}).get("sentence")
    a, b = commercial.evidence.address, sharing.evidence.address
    if sentence and a and b and a.split("#")[1] == b.split("#")[1]:
        start = int(b.split("#")[-1].split("-")[0])
        return sentence[0] <= start < sentence[1]
    return commercial.evidence.quote == sharing.evidence.quote
