"""REG: confirmation of support on the HRA's CAG register (--cag-register)."""

from checks.reg.reg_001_support_not_on_register import SupportNotOnRegister
from checks.reg.reg_002_register_review_passed import RegisterReviewPassed
from checks.reg.reg_003_identifiers_not_on_register import IdentifiersNotOnRegister
from checks.reg.reg_004_exemption_not_on_register import ExemptionNotOnRegister
from checks.reg.reg_005_register_exemption_without_letter import RegisterExemptionWithoutLetter
from checks.reg.reg_006_register_applicant_not_controller import RegisterApplicantNotController

CHECKS = (
    SupportNotOnRegister,
    RegisterReviewPassed,
    IdentifiersNotOnRegister,
    ExemptionNotOnRegister,
    RegisterExemptionWithoutLetter,
    RegisterApplicantNotController,
)
