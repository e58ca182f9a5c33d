from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.context import CheckContext
from checks.reg.support import RegisterCheck, reference_evidence, register_entry, support_references
from pipeline.findings import Finding, Severity


class SupportNotOnRegister(RegisterCheck):
    code = "REG-001"
    severity = Severity.WARNING
    title = "The section 251 support is not on the CAG register"
    rule = (
        "None of the support's references (the request's cag_reference and every CAG reference on the CAG "
        "letters, renumberings included, normalised as in S251-002) is on the CAG register: current support is "
        "not confirmed there. Skipped when the support has no reference."
    )
    action = (
        "Check the CAG reference against the HRA's register. An approval of the last month or two may not be on "
        "it yet (the register is updated monthly): supply the latest CAG letter or annual review submission that "
        "confirms support is current."
    )
    needs_entry = False
    doc = CheckDoc(
        finds="Section 251 support whose references appear nowhere in the HRA's register of approved applications.",
        why="The DARS guidance asks the reviewer to confirm current support, 'for example presence on CAG "
        "register'; a support that is not on it may have lapsed, been withdrawn, or carry a wrong reference.",
        reads="The request's legal_basis.cag_reference; CAG references on CAG letters; the register's reference "
        "column, every sheet, a cell with several references counting for each.",
        discrepancy="The request and letters cite 23/CAG/0104; no row of the register holds it.",
        consistent="The register's Index sheet has '20/CAG/0067 (previously 16/CAG/0056)' and the letters cite "
        "16/CAG/0056.",
        limits="A register older than the approval does not hold it; a reference written in a form the patterns "
        "of domain.md do not know is not read.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if register_entry(ctx) is not None:
            return
        references = support_references(ctx)
        yield self.finding(
            f"none of the support's references ({', '.join(references)}) is on the CAG register "
            f"{ctx.register.searched()}",
            evidence=reference_evidence(ctx),
            searched=(ctx.register.file,),
        )
