from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc, no_request_reason
from checks.context import CheckContext
from pipeline.bundle import REQUEST_NAMES
from pipeline.findings import Finding, Severity, Skip


class NoDataRequest(Check):
    code = "REQ-002"
    # A warning since the catalogue's second edition (info before): a bundle without its request
    # cannot be judged ready.
    severity = Severity.WARNING
    title = "The bundle has no data request"
    rule = (
        "The bundle has no data request; the report lists the checks that were skipped for it. A bundle "
        "without its request cannot be judged ready."
    )
    action = "Add the data request (request.yaml) to the bundle so the evidence can be checked against it."
    doc = CheckDoc(
        finds="A bundle without request.yaml, request.yml or request.json at its root.",
        why="Most of the preliminary assessment compares the evidence with what is requested: the "
        "purpose, datasets, identifiers, flows, organisations and territory of use. Without the request "
        "those checks cannot run, so the bundle is never judged ready (needs review at best).",
        reads="The names of the files at the bundle root.",
        discrepancy="A folder of CAG letters and consent forms with no request.yaml.",
        consistent="A bundle with request.yaml at its root.",
        limits="A request file in a sub-folder is not the bundle's request: it is read as a document (unless "
        "everything lies in one top-level folder, which is then the bundle's root).",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        if ctx.request is not None:
            return
        if ctx.unread_request is not None:  # present, not absent: DOC-001 says why it could not be read
            yield Skip(self.code, f"not reported: {no_request_reason(ctx)}")
            return
        yield self.finding(
            "the bundle has no data request: the checks that compare the evidence with the request were "
            "skipped (see the skipped list), so the bundle cannot be judged ready",
            searched=tuple(f"{name} at the bundle root" for name in REQUEST_NAMES),
        )
