from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class ControllerNotNamed(Check):
    code = "PN-002"
    about = "organisation"
    severity = Severity.WARNING
    title = "A data controller is not named in any privacy notice"
    rule = "A controller in the request is not named in any privacy notice (one finding per controller)."
    action = "Supply a privacy notice that names this controller and how to contact it."
    needs_request = True
    requires = (("privacy_notice", "PN-001"),)
    searches = ("privacy_notice",)
    doc = CheckDoc(
        finds="Each controller in the request whose name (folded for case, punctuation, 'the', Ltd/Limited, PLC, "
        "NHS Foundation Trust/NHS FT) appears in no privacy notice.",
        why="UK GDPR article 13 and 14 notices must name the controller; people cannot exercise their rights "
        "against a controller they were never told of.",
        reads="The request's organisations with the controller role; the text of every privacy notice.",
        discrepancy="Controllers University of Bristol and North Bristol NHS Trust; the notice names only the University.",
        consistent="A joint notice naming both.",
        limits="An acronym matches only where the notice defines it; a renamed organisation is not matched.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        notices = ctx.of_kind("privacy_notice")
        texts = [normalise_org_name(notice.parsed.text) for notice in notices]
        for number, organisation in enumerate(ctx.req.organisations):
            if "controller" not in organisation.roles:
                continue
            name = normalise_org_name(organisation.name)
            if name and any(f" {name} " in f" {text} " for text in texts):
                continue
            yield self.finding(
                f"the controller {organisation.name} is not named in any privacy notice",
                evidence=[request_evidence(ctx, f"organisations[{number}].name")],
                searched=searched(notices),
                subject=normalise_org_name(organisation.name),
            )
