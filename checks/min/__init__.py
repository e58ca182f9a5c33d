"""MIN: data minimisation."""

from checks.min.min_006_data_beyond_support import DataBeyondSupport
from checks.min.min_007_data_beyond_consented_records import DataBeyondConsentedRecords

CHECKS = (DataBeyondSupport, DataBeyondConsentedRecords)
