"""NDOO: the national data opt-out."""

from checks.ndoo.ndoo_001_opt_out_not_applied_without_exemption import OptOutNotAppliedWithoutExemption
from checks.ndoo.ndoo_002_opt_out_applied_with_consent import OptOutAppliedWithConsent

CHECKS = (OptOutNotAppliedWithoutExemption, OptOutAppliedWithConsent)
