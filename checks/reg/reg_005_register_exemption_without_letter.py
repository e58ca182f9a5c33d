from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import searched
from checks.reg.support import RegisterCheck, register_entry
from pipeline.findings import Finding, Severity


class RegisterExemptionWithoutLetter(RegisterCheck):
    code = "REG-005"
    severity = Severity.INFO
    title = "The CAG register records an opt-out exemption that no CAG letter in the bundle states"
    rule = (
        "The request says the opt-out is not_applied, the register entry records an exemption, and no CAG letter "
        "in the bundle states one (NDOO-001 fires): the letter that records the exemption should be supplied."
    )
    action = (
        "Supply the CAG letter that records the exemption from the national data opt-out for this activity."
    )
    searches = CAG_LETTER_KINDS  # an unread letter may state the exemption
    doc = CheckDoc(
        finds="An exemption from the national data opt-out recorded on the register for the support, where no "
        "letter in the bundle states it.",
        why="The exemption is CAG's advice, recorded in its letter and the register; NHS England needs the letter "
        "before it releases data without applying the opt-out.",
        reads="The request's national_data_opt_out; opt-out statements in CAG letters; the register entry's opt-out "
        "status ('Exempt', 'Not applied') and notes.",
        discrepancy="`national_data_opt_out: not_applied`; no letter mentions the opt-out; register status "
        "'Exempt'.",
        consistent="The same with a CAG letter saying the national data opt-out does not apply to this activity.",
        limits="Reads only the status and notes columns; an exemption recorded elsewhere on the register is not "
        "seen.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.req.national_data_opt_out != "not_applied":
            return
        if ctx.facts_named("opt_out_exemption", *CAG_LETTER_KINDS):
            return
        entry = register_entry(ctx)
        cell = entry.exemption
        if cell is None:
            return
        letters = ctx.of_kind(*CAG_LETTER_KINDS)
        yield self.finding(
            f"the CAG register's entry for {', '.join(entry.references)} records an exemption from the national "
            f"data opt-out, but no CAG letter in the bundle states one (searched {len(letters)} CAG letter(s))",
            evidence=self.register_evidence(ctx, [cell]),
            searched=searched(letters) or ("the bundle: no CAG letters",),
        )
