"""COH: the participant cohort file (`dars-evidence cohort FILE`); never run on a bundle."""

from checks.coh.coh_001_unreadable import CohortUnreadable
from checks.coh.coh_002_structure import CohortStructure
from checks.coh.coh_003_identifier_not_requested import IdentifierNotRequested
from checks.coh.coh_004_identifier_not_covered import IdentifierNotCovered
from checks.coh.coh_005_other_column import OtherColumn
from checks.coh.coh_006_malformed_values import MalformedValues
from checks.coh.coh_007_repeated_reference import RepeatedReference
from checks.coh.coh_008_same_person import SamePerson
from checks.coh.coh_009_file_name import FileNameWithoutNic
from checks.coh.coh_010_no_cohort_in_request import NoCohortInRequest

CHECKS = (
    CohortUnreadable,
    CohortStructure,
    IdentifierNotRequested,
    IdentifierNotCovered,
    OtherColumn,
    MalformedValues,
    RepeatedReference,
    SamePerson,
    FileNameWithoutNic,
    NoCohortInRequest,
)
