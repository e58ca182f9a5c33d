from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.hon.needs_honorary import honorary_skip
from checks.ter.places import place, within
from pipeline.findings import Finding, Severity


class HonoraryAccessOutsideUk(Check):
    code = "HON-003"
    severity = Severity.ERROR
    about = "access location"
    title = "Honorary contract holders would access the data from outside the UK or the territory"
    rule = (
        "A holder group's access location lies outside the UK (an honorary contract cannot grant access from "
        "outside the UK), or outside the territory of use. One finding per location."
    )
    action = (
        "Limit access under honorary contracts to places in the UK and inside the territory of use; access from "
        "elsewhere needs the organisation named as a processor or sub-licensee instead."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Access locations of honorary contract holders outside the UK, or outside the territory of use.",
        why="DARS data sharing standard 12: honorary contracts cannot be used to grant access from outside the "
        "UK; and every place of processing lies inside the territory of use.",
        reads="The request's honorary_contracts.holders[].access_locations and territory_of_use.",
        discrepancy="A holder group with `access_locations: [Toronto, Canada]`; or Edinburgh under "
        "`territory_of_use: england_wales`.",
        consistent="`access_locations: [Bristol]` under a UK territory.",
        limits="Places are matched by name as TER matches them; an unknown place is not shown to be in the UK "
        "and fires.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        return super().skip_reason(ctx) or honorary_skip(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        territory = ctx.req.territory_of_use
        for number, group in enumerate(ctx.req.honorary_contracts.holders):
            for position, name in enumerate(group.access_locations):
                location = place(name)
                outside = []
                if not location.in_uk:
                    outside.append("outside the UK")
                if not within(territory, location):
                    outside.append(f"outside the territory of use ({territory})")
                if outside:
                    who = f" ({group.employer} staff)" if group.employer else ""
                    yield self.finding(
                        f"honorary contract holders{who} would access the data from {name}, "
                        f"{' and '.join(outside)}",
                        evidence=[
                            request_evidence(
                                ctx, f"honorary_contracts.holders[{number}].access_locations[{position}]"
                            )
                        ],
                        subject=f"{group.employer} at {group.host}: {name}",
                    )
