"""PUR: purpose and benefit."""

from checks.pur.pur_001_commercial_without_benefit import CommercialWithoutBenefit
from checks.pur.pur_002_use_outside_health import UseOutsideHealth
from checks.pur.pur_003_research_without_ethics import ResearchWithoutEthics
from checks.pur.pur_004_research_without_funding import ResearchWithoutFunding
from checks.pur.pur_005_rec_reference_mismatch import RecReferenceMismatch
from checks.pur.pur_006_commercial_purpose_unexplained import CommercialPurposeUnexplained
from checks.pur.pur_007_undeclared_commercial_use import UndeclaredCommercialUse

CHECKS = (
    CommercialWithoutBenefit,
    UseOutsideHealth,
    ResearchWithoutEthics,
    ResearchWithoutFunding,
    RecReferenceMismatch,
    CommercialPurposeUnexplained,
    UndeclaredCommercialUse,
)
