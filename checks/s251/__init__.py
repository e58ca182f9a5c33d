"""S251: section 251 support."""

from checks.s251.s251_001_no_application import NoSection251Application
from checks.s251.s251_002_cag_references_disagree import CagReferencesDisagree
from checks.s251.s251_003_action_not_supported import ActionNotSupported
from checks.s251.s251_004_identifiers_not_covered import IdentifiersNotCovered
from checks.s251.s251_005_purpose_drift import PurposeDrift
from checks.s251.s251_006_support_not_current import SupportNotCurrent
from checks.s251.s251_007_reviewed_document_missing import ReviewedDocumentMissing
from checks.s251.s251_008_controller_not_in_request import ControllerNotInRequest
from checks.s251.s251_009_predecessor_only import PredecessorOnly

CHECKS = (
    NoSection251Application,
    CagReferencesDisagree,
    ActionNotSupported,
    IdentifiersNotCovered,
    PurposeDrift,
    SupportNotCurrent,
    ReviewedDocumentMissing,
    ControllerNotInRequest,
    PredecessorOnly,
)
