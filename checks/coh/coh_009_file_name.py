from __future__ import annotations

import re
from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding
from pipeline.findings import Severity

NIC_NUMBER = re.compile(r"NIC[\s_-]*(\d+)", re.IGNORECASE)
SEPARATORS = re.compile(r"[\s_-]+")


def nic_number(reference: str | None) -> str | None:
    """'NIC-604512' from 'DARS-NIC-604512-K7M2Q', or None."""
    match = NIC_NUMBER.search(reference or "")
    return f"NIC-{match.group(1)}" if match else None


class FileNameWithoutNic(CohortCheck):
    code = "COH-009"
    severity = Severity.INFO
    title = "The cohort file's name does not hold the NIC number"
    rule = (
        "The file name does not hold the NIC number of the request's `reference` (`NIC-604512` for "
        "`DARS-NIC-604512-K7M2Q`), as NHS England's upload expects. Skipped when the reference holds none."
    )
    action = "Rename the file to begin with the agreement's NIC number, e.g. NIC-604512_October-upload.csv."
    needs_request = True
    doc = CheckDoc(
        finds="A cohort file name without the NIC number of the request's DARS reference.",
        why="NHS England's guidance for submitting participant data asks for the file name to hold the first "
        "part of the DSA's NIC number, so the upload is matched to its agreement.",
        reads="The file's name; the request's reference.",
        discrepancy="cohort_final.csv for request DARS-NIC-604512-K7M2Q.",
        consistent="NIC-604512_October-upload.csv (also NIC604512 or NIC_604512).",
        limits="Separators between NIC and the number are not judged.",
    )

    def cohort_skip_reason(self, ctx: CohortContext) -> str | None:
        reason = super().cohort_skip_reason(ctx)
        if reason is None and nic_number(ctx.req.reference) is None:
            return "the request's reference holds no NIC number"
        return reason

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        wanted = nic_number(ctx.req.reference)
        folded = SEPARATORS.sub("", ctx.scan.file).upper()
        if SEPARATORS.sub("", wanted).upper() not in folded:
            yield self.cohort_finding(
                f"the file name {ctx.scan.file} does not hold {wanted}, the NIC number of the request's reference",
                "file name",
                ctx,
                evidence=[ctx.request_evidence("reference")],
            )
