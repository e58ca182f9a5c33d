from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import fact_evidence
from checks.reg.support import RegisterCheck, register_entry
from pipeline.findings import Finding, Severity

OPT_OUT_ROLES = ("opt_out_status", "notes")


class ExemptionNotOnRegister(RegisterCheck):
    code = "REG-004"
    severity = Severity.WARNING
    title = "A CAG letter's opt-out exemption is not on the CAG register"
    rule = (
        "The request says the opt-out is not_applied, a CAG letter states an exemption, and the register entry "
        "records none (neither its opt-out status nor its notes). Where no letter states an exemption NDOO-001 "
        "reports the problem, and this check does not fire."
    )
    action = (
        "Confirm the exemption with the HRA (every exempted activity has it recorded on the register), or apply "
        "the national data opt-out to the request."
    )
    doc = CheckDoc(
        finds="An exemption from the national data opt-out that a CAG letter states but the register's entry does "
        "not record.",
        why="Every exempted activity has its exemption recorded on the register; one missing there may have been "
        "withdrawn, or never given to this support.",
        reads="The request's national_data_opt_out; opt-out statements in CAG letters; the register entry's opt-out "
        "status and notes.",
        discrepancy="`national_data_opt_out: not_applied`; the letter says the opt-out will not apply; the "
        "register's status is 'Applied'.",
        consistent="The same with the register's status 'Exempt', or its notes saying the national data opt-out "
        "does not apply to the activity.",
        limits="Older entries may record no status at all; a blank status and silent notes count as no exemption.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.national_data_opt_out != "not_applied":
            return
        stated = ctx.facts_named("opt_out_exemption", *CAG_LETTER_KINDS)
        entry = register_entry(ctx)
        if not stated or entry.exemption is not None:
            return
        cells = [cell for role in OPT_OUT_ROLES for cell in entry.cells(role)]
        status = "; ".join(cell.text for cell in entry.cells("opt_out_status")) or "blank"
        yield self.finding(
            f"{stated[0].evidence.document} states an exemption from the national data opt-out, but the CAG "
            f"register's entry for {', '.join(entry.references)} records none (opt-out status: {status})",
            evidence=[*fact_evidence(stated)[:2], *self.register_evidence(ctx, cells[:3])],
            searched=(ctx.register.file,),
        )
