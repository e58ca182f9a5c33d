from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CONSENT_MATERIAL_KINDS, CheckContext
from checks.evidence import searched
from pipeline.findings import Finding, Severity


class NoCohortContact(Check):
    code = "CON-004"
    severity = Severity.WARNING
    title = "Nothing shows how contact with the cohort is kept"
    rule = (
        "Nothing shows how contact with the cohort is kept: no cohort_communication document, and no consent material "
        "or protocol passage about newsletters, a study website, being contacted again, further questionnaires, or "
        "updating contact details."
    )
    action = (
        "Supply a newsletter, study web page or other material that shows how participants are kept informed."
    )
    basis = "consent"
    searches = ("cohort_communication", *CONSENT_MATERIAL_KINDS, "protocol")
    doc = CheckDoc(
        finds="A consent-based bundle with no newsletter or study web page, and no mention of keeping in touch in "
        "the consent materials or protocol.",
        why="Consent given long ago stays meaningful only if participants are kept informed and can withdraw; DARS "
        "looks for how the cohort is kept in contact.",
        reads="Document kinds; statements about newsletters, websites, re-contact, questionnaires and contact details.",
        discrepancy="Consent forms, information sheets and a protocol that never mention further contact.",
        consistent="An annual newsletter in the bundle, or 'we will send you a newsletter each year'.",
        limits="A negated statement ('we will not contact you again') does not count.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.of_kind("cohort_communication"):
            return
        sources = ctx.of_kind(*CONSENT_MATERIAL_KINDS, "protocol")
        if any(d.facts.named("cohort_contact") for d in sources):
            return
        yield self.finding(
            "no cohort communication (newsletter, study website) and no passage on keeping in touch with the cohort",
            searched=searched(sources) or ("the bundle: no consent materials or protocol",),
        )
