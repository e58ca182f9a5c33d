from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.hon.needs_honorary import honorary_skip
from extractors.names.org_names import names_match
from pipeline.findings import Finding, Severity


class HonoraryHoldersNotListed(Check):
    code = "HON-001"
    severity = Severity.ERROR
    about = "group of honorary contract holders"
    title = "Honorary contracts are used but the organisations they involve are not listed"
    rule = (
        "The request says honorary contracts are used (honorary_contracts.used: true) but no organisation of the "
        "request is listed for them: no holder group is given, or a group names no employer (whose people they "
        "are) or no host, or its host is not a controller or processor of the request. One finding per group "
        "(one in all when none is given)."
    )
    action = (
        "For each group of honorary contract holders, name their employer and the controller or processor of "
        "the request that hosts them (the DSA must detail that access)."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Honorary contracts declared without the groups that hold them, or groups missing their employer "
        "or host, or hosted by an organisation that is not a controller or processor of the request.",
        why="DARS data sharing standard 12: a controller or processor named in the DSA may let people who hold "
        "an honorary contract with it access the data as its agents, when the DSA details that access; not for "
        "individuals with no employer.",
        reads="The request's honorary_contracts (used, holders[].employer, holders[].host) and its organisations.",
        discrepancy="`honorary_contracts: {used: true}` with no holders; or a holder group hosted by 'Avon "
        "Research Ltd', which the request does not name.",
        consistent="`holders: [{employer: North Bristol NHS Trust, host: University of Bristol}]` with the "
        "University a controller of the request.",
        limits="Whether the contracts really exist is for the reviewer. Skipped when the request has no "
        "honorary_contracts.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        return super().skip_reason(ctx) or honorary_skip(ctx)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        honorary = ctx.req.honorary_contracts
        if honorary.used is not True:
            return
        if not honorary.holders:
            yield self.finding(
                "honorary contracts are used but no group of holders is listed",
                evidence=[request_evidence(ctx, "honorary_contracts.used")],
                searched=(f"{ctx.request.file}: honorary_contracts.holders",),
                subject="no group listed",
            )
            return
        members = [org.name for org in ctx.req.organisations]
        for number, group in enumerate(honorary.holders):
            problems = []
            if group.employer is None:
                problems.append("names no employer")
            if group.host is None:
                problems.append("names no host")
            elif not any(names_match(group.host, name) for name in members):
                problems.append(f"its host, {group.host}, is not a controller or processor of the request")
            if problems:
                yield self.finding(
                    f"honorary contract holders (group {number + 1}): {'; '.join(problems)}",
                    evidence=[request_evidence(ctx, f"honorary_contracts.holders[{number}]")],
                    subject=f"{group.employer} at {group.host}",
                )
