"""PN: privacy notices."""

from checks.pn.pn_001_no_privacy_notice import NoPrivacyNotice
from checks.pn.pn_002_controller_not_named import ControllerNotNamed
from checks.pn.pn_003_nhs_england_not_a_source import NhsEnglandNotASource
from checks.pn.pn_004_opt_out_not_mentioned import OptOutNotMentioned
from checks.pn.pn_005_no_lawful_basis import NoLawfulBasis
from checks.pn.pn_006_rights_not_told import RightsNotTold

CHECKS = (
    NoPrivacyNotice,
    ControllerNotNamed,
    NhsEnglandNotASource,
    OptOutNotMentioned,
    NoLawfulBasis,
    RightsNotTold,
)
