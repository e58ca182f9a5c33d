from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CONSENT_MATERIAL_KINDS, CheckContext
from checks.evidence import request_evidence, searched
from pipeline.findings import Finding, Severity


class NoLinkageConsent(Check):
    code = "CON-003"
    severity = Severity.ERROR
    title = "Linkage is requested but the consent materials do not cover it"
    rule = (
        "The request links data (a link flow) and no consent material asks for, or tells participants of, linkage "
        "to their records held nationally (hospital, death or cancer records, central NHS records) or the sharing "
        "of their details with NHS England for that. Access to medical notes by the study team or regulators is "
        "not linkage."
    )
    action = "Supply the consent form or information sheet that asks participants for linkage to their national records (via NHS England)."
    basis = "consent"
    requires = (("consent_form", "LB-003"),)
    searches = CONSENT_MATERIAL_KINDS
    doc = CheckDoc(
        finds="A consent-based request with a link flow, where no consent form or information sheet mentions linkage "
        "to nationally held records or sending participants' details to NHS England (or a predecessor).",
        why="Participants must have been told of, and agreed to, their records being linked through NHS England; "
        "the HRA template's access to medical notes is a different use.",
        reads="The request's flows; statements about linkage in consent forms and information sheets.",
        discrepancy="A form whose only records statement is 'my medical notes may be looked at by the sponsor'.",
        consistent="'I agree to my name, NHS number and date of birth being sent to NHS Digital so that my hospital "
        "records can be linked.'",
        limits="A linkage statement that names no national records or body (e.g. 'we may link your data') is not enough.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        links = [n for n, flow in enumerate(ctx.req.flows) if flow.action == "link"]
        if not links:
            return
        materials = ctx.of_kind(*CONSENT_MATERIAL_KINDS)
        if any(d.facts.named("linkage_statement") for d in materials):
            return
        yield self.finding(
            "the request links data, but no consent form or information sheet tells participants of linkage to their "
            "national records through NHS England",
            evidence=[request_evidence(ctx, f"flows[{links[0]}].action")],
            searched=searched(materials),
        )
