"""Security assurance of an organisation (checks.md, "assurance" and "current DSPT year")."""

from __future__ import annotations

from datetime import date

from pipeline.request_model import DsptAssessment, Security

ASSURING_STATUSES = ("standards_met", "standards_exceeded")


def dspt_year_current(first_year: int, as_of: date) -> bool:
    """An assessment year is current from 1 April of its first year to 30 June of the year after its
    second, when its successor is due: at 2024-09-16, 2023-24 and 2024-25 are current, 2022-23 is not."""
    return date(first_year, 4, 1) <= as_of <= date(first_year + 2, 6, 30)


def dspt_assures(dspt: DsptAssessment, as_of: date) -> bool:
    status_assures = dspt.status in ASSURING_STATUSES or (
        dspt.status == "approaching_standards" and dspt.improvement_plan_agreed is True
    )
    first = dspt.first_year
    return status_assures and first is not None and dspt_year_current(first, as_of)


def other_assurance(security: Security, as_of: date) -> str | None:
    """The assurance other than the DSPT, in words, or None: an ISO/IEC 27001 certificate not expired
    (or with no expiry given), or a system level security policy agreed with NHS England."""
    iso = security.iso27001
    if iso is not None and (iso.expires is None or iso.expires >= as_of):
        return f"ISO/IEC 27001 certificate {iso.certificate}"
    if security.slsp_agreed is True:
        return "a system level security policy agreed with NHS England"
    return None
