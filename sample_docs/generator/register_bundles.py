"""The bundles checked with a CAG register: clean ones, and one variant per REG code.

Each variant is an existing bundle (a baseline or one of its variants) checked with a register
(`register.py`), so what it plants is either what that bundle already changes (an amendment the
register does not show yet, an exemption stated in a letter) or the register given (an older download).
"""

from __future__ import annotations

from dataclasses import replace

from .bundle import Bundle, checked_with, request, variant
from .register import CURRENT, OLDER

CLEAN_WITH_REGISTER = ("s251-baseline", "s251-renumbered", "s251-legacy-ecc")


def with_registers(bundles: list[Bundle]) -> list[Bundle]:
    """`bundles`, the clean section 251 ones checked with the current register, and the REG variants."""
    by_name = {b.name: b for b in bundles}
    checked = [replace(b, register=CURRENT) if b.name in CLEAN_WITH_REGISTER else b for b in bundles]
    return checked + register_variants(by_name)


def _not_applied(r: dict) -> None:
    r["national_data_opt_out"] = "not_applied"


def register_variants(by_name: dict[str, Bundle]) -> list[Bundle]:
    return [
        variant(
            by_name["s251-baseline"],
            "s251-register-predates-support",
            "Checked with a register downloaded in January 2023, before CAPRA's support (June 2023) was on it.",
            ["REG-001"],
            checked_with(OLDER),
        ),
        variant(
            by_name["s251-support-lapsed"],
            "s251-register-review-passed",
            "Checked at 1 July 2025: the register's next review date (14 June 2025, an Excel serial) has passed "
            "and no letter is as recent; the letters' review date has passed too.",
            ["REG-002", "S251-006"],
            checked_with(CURRENT),
        ),
        variant(
            by_name["s251-amendment-covers-address"],
            "s251-register-lacks-amendment",
            "A 2024 amendment supports address, but the register's entry still names only NHS number, date of "
            "birth, sex and postcode ('No names or addresses').",
            ["REG-003"],
            checked_with(CURRENT),
        ),
        variant(
            by_name["s251-ndoo-exempt"],
            "s251-register-no-exemption",
            "The CAG letter states an exemption from the opt-out; the register's entry records the opt-out "
            "'Applied'.",
            ["REG-004"],
            checked_with(CURRENT),
        ),
        variant(
            by_name["s251-renumbered"],
            "s251-register-exemption-no-letter",
            "The request does not apply the opt-out; the register's notes exempt the renumbered support from the "
            "condition that dissent is respected, but no letter in the bundle says so.",
            ["NDOO-001", "REG-005"],
            request(_not_applied),
            checked_with(CURRENT),
        ),
        variant(
            by_name["s251-legacy-2013"],
            "s251-register-other-applicant",
            "The register's 2013 entry names the neonatal network's host Trust as joint applicant; the request's "
            "only controller is the University of Northfold.",
            ["REG-006", "S251-009"],
            checked_with(CURRENT),
        ),
    ]
