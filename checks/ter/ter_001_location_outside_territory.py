from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.ter.places import place, within
from extractors.names.org_names import normalise_org_name
from pipeline.findings import Finding, Severity


class LocationOutsideTerritory(Check):
    code = "TER-001"
    about = "organisation and location"
    severity = Severity.ERROR
    title = "A processing location lies outside the territory of use"
    rule = (
        "An organisation's processing location lies outside the territory of use (england_wales: England, Wales; "
        "uk: the four nations; uk_eea: and the EEA states; worldwide: anywhere). One finding per location."
    )
    action = "Widen the territory of use to cover the location, or move the processing inside the territory."
    needs_request = True
    doc = CheckDoc(
        finds="Each organisation's processing or storage location that the request's territory of use does not cover.",
        why="A DARS agreement states one territory of use, and it must cover every place the data are processed or stored.",
        reads="The request's territory_of_use and organisations[].processing_locations.",
        discrepancy="`territory_of_use: uk` and a processor with `processing_locations: [Ireland]`.",
        consistent="`territory_of_use: uk_eea` for the same processor.",
        limits="Places are matched by name (countries, UK nations, main UK cities); 'UK' is not provably inside "
        "England and Wales, so it fires for `england_wales`; an unknown place fires for all but `worldwide`.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        territory = ctx.req.territory_of_use
        for number, organisation in enumerate(ctx.req.organisations):
            for position, name in enumerate(organisation.processing_locations or ()):
                location = place(name)
                if within(territory, location):
                    continue
                yield self.finding(
                    f"{organisation.name} processes data in {name}, outside the territory of use ({territory})",
                    evidence=[
                        request_evidence(ctx, f"organisations[{number}].processing_locations[{position}]"),
                        request_evidence(ctx, "territory_of_use"),
                    ],
                    subject=f"{normalise_org_name(organisation.name)} in {name}",
                )
