"""MIN: data minimisation."""

from checks.minimisation.min_001_no_minimisation_statement import NoMinimisationStatement
from checks.minimisation.min_002_identifiers_no_flow_carries import IdentifiersNoFlowCarries
from checks.minimisation.min_003_received_identifiers_not_linked import ReceivedIdentifiersNotLinked
from checks.minimisation.min_004_datasets_without_fields import DatasetsWithoutFields
from checks.minimisation.min_005_identifiable_fields_not_disseminated import IdentifiableFieldsNotDisseminated
from checks.minimisation.min_006_data_beyond_support import DataBeyondSupport
from checks.minimisation.min_007_data_beyond_consented_records import DataBeyondConsentedRecords

CHECKS = (
    NoMinimisationStatement,
    IdentifiersNoFlowCarries,
    ReceivedIdentifiersNotLinked,
    DatasetsWithoutFields,
    IdentifiableFieldsNotDisseminated,
    DataBeyondSupport,
    DataBeyondConsentedRecords,
)
