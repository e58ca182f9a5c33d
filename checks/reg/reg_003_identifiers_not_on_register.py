from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CheckContext
from checks.evidence import request_evidence
from checks.reg.support import RegisterCheck, register_entry
from pipeline.findings import Finding, Severity


class IdentifiersNotOnRegister(RegisterCheck):
    code = "REG-003"
    severity = Severity.WARNING
    title = "Requested identifiers that the CAG register's entry does not name"
    rule = (
        "Requested identifiers that the register entry's identifiers do not name (the cell read with the "
        "identifier vocabulary, negation as in documents). One finding, listing them and quoting the cell. "
        "Skipped when the entry names no identifier."
    )
    action = (
        "Remove these identifiers from the request, or supply the CAG amendment that approved them (and ask the "
        "HRA to correct its register if it is out of date)."
    )
    doc = CheckDoc(
        finds="Identifiable items the request asks for that the register's entry for the support does not list.",
        why="The register records the confidential patient information CAG approved; an item outside it may be "
        "outside the support.",
        reads="The request's identifiers and its flows' identifiers; the register entry's identifiers column, every "
        "row of the entry.",
        discrepancy="Request: NHS number, date of birth, address; register: 'NHS number, date of birth, postcode'.",
        consistent="Request: NHS number and postcode; register: 'NHS number, postcode, date of birth (no names)'.",
        limits="A less identifying form on the register (postcode district) does not cover the full item; an entry "
        "that names no identifier at all is not judged.",
    )

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        if not register_entry(ctx).identifiers:
            return "the register entry names no identifier"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        entry = register_entry(ctx)
        named = entry.identifiers
        missing = [item for item in ctx.req.requested_identifiers if item not in named]
        if not missing:
            return
        cells = list({(cell.sheet, cell.row): cell for cell in entry.cells("identifiers")}.values())
        yield self.finding(
            f"{', '.join(missing)} requested, but the CAG register's entry for {', '.join(entry.references)} names "
            f"only {', '.join(sorted(named))}",
            evidence=[request_evidence(ctx, "identifiers"), *self.register_evidence(ctx, cells[:3])],
        )
