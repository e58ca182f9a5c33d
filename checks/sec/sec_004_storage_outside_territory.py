from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence, searched
from checks.sec.storage import folded_place, storage_place
from checks.ter.places import place, within
from pipeline.findings import Finding, Severity, Skip


class StorageOutsideTerritory(Check):
    code = "SEC-004"
    severity = Severity.ERROR
    about = "storage entry"
    title = "Data are stored outside the territory of use, or where a transfer needs a risk assessment"
    rule = (
        "A storage place lies outside the territory of use (as TER-001), or lies outside the UK in a country "
        "without UK adequacy regulations while the bundle has no transfer risk assessment (as TER-002). One "
        "finding per storage entry, naming the provider, region and place. A place that is also one of the "
        "organisation's processing_locations is left to TER-001 and TER-002."
    )
    action = (
        "Store the data in a region inside the territory of use (a UK region), or widen the territory and "
        "supply a transfer risk assessment; give the region's location where the region is not a known one."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Storage entries (organisations[].storage) whose region or location lies outside the territory of "
        "use, or in a country without UK adequacy when the bundle has no transfer risk assessment.",
        why="Storage is processing (DARS data sharing standard 11): every place the data are stored must lie "
        "inside the territory of use, and off-shoring needs a risk-based assessment.",
        reads="The request's organisations[].storage (provider, region, location), processing_locations and "
        "territory_of_use; the kind of every document (a transfer risk assessment).",
        discrepancy="`territory_of_use: uk` and `storage: [{provider: Amazon Web Services, region: eu-west-1}]` "
        "(Ireland).",
        consistent="`region: eu-west-2` (London) or `uksouth`; or Ireland under `uk_eea`.",
        limits="Regions are placed by domain.md's table; an unlisted region with no location is unknown and lies "
        "outside every territory but worldwide. Whether a US recipient is certified to the Data Privacy "
        "Framework cannot be seen.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        territory = ctx.req.territory_of_use
        has_tra = bool(ctx.of_kind("transfer_risk_assessment"))
        for number, organisation in enumerate(ctx.req.organisations):
            processed = {folded_place(name) for name in organisation.processing_locations or ()}
            processed |= {
                folded_place(name.rsplit(",", 1)[-1]) for name in organisation.processing_locations or ()
            }
            for position, entry in enumerate(organisation.storage):
                placed = storage_place(entry)
                if placed is not None and folded_place(placed) in processed:
                    continue  # TER-001 and TER-002 judge it as a processing location
                location = place(placed) if placed else None
                reasons = []
                if location is None or not within(territory, location):
                    reasons.append(f"outside the territory of use ({territory})")
                transfer = location is None or not location.adequate
                what = _described(entry, placed)
                evidence = [request_evidence(ctx, f"organisations[{number}].storage[{position}]")]
                if transfer and not has_tra and not reasons:
                    unread = ctx.unread_may_be("transfer_risk_assessment")
                    if unread:
                        yield self.undecided(
                            f"{organisation.name} stores data {what}, without UK adequacy", unread
                        )
                        continue
                if transfer and not has_tra:
                    reasons.append(
                        "in a country without UK adequacy regulations, and the bundle has no transfer "
                        "risk assessment"
                    )
                if reasons:
                    yield self.finding(
                        f"{organisation.name} stores data {what}: {'; and '.join(reasons)}",
                        evidence=[*evidence, request_evidence(ctx, "territory_of_use")],
                        searched=searched(ctx.readable) if transfer and not has_tra else (),
                        subject=f"{organisation.name}: {entry.provider} {entry.region} {entry.location}",
                    )


def _described(entry, placed: str | None) -> str:
    """'with Amazon Web Services in region eu-west-1 (Ireland)', naming what the entry gives."""
    parts = []
    if entry.provider:
        parts.append(f"with {entry.provider}")
    if entry.region:
        parts.append(f"in region {entry.region}")
    if placed:
        parts.append(f"({placed})" if entry.region else f"in {placed}")
    else:
        parts.append("(a place not known: the region is not a listed one and no location is given)")
    return " ".join(parts)
