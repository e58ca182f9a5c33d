"""LB: the legal basis."""

from checks.lb.lb_001_identifiers_without_basis import IdentifiersWithoutBasis
from checks.lb.lb_002_no_cag_approval import NoCagApproval
from checks.lb.lb_003_no_consent_form import NoConsentForm
from checks.lb.lb_004_no_information_sheet import NoInformationSheet
from checks.lb.lb_005_statutory_basis import StatutoryBasis

CHECKS = (IdentifiersWithoutBasis, NoCagApproval, NoConsentForm, NoInformationSheet, StatutoryBasis)
