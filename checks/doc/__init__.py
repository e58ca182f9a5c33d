"""DOC: documents."""

from checks.doc.doc_001_unreadable import UnreadableFile
from checks.doc.doc_002_no_text_layer import NoTextLayer
from checks.doc.doc_003_unknown_kind import UnknownKind
from checks.doc.doc_004_consent_material_unversioned import ConsentMaterialUnversioned
from checks.doc.doc_005_version_with_two_dates import VersionWithTwoDates
from checks.doc.doc_006_duplicate_files import DuplicateFiles
from checks.doc.doc_007_dated_after_as_of import DatedAfterAsOf
from checks.doc.doc_008_no_document import NoDocument
from checks.doc.doc_009_cohort_file import CohortFile

CHECKS = (
    UnreadableFile,
    NoTextLayer,
    UnknownKind,
    ConsentMaterialUnversioned,
    VersionWithTwoDates,
    DuplicateFiles,
    DatedAfterAsOf,
    NoDocument,
    CohortFile,
)
