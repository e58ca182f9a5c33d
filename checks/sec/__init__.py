"""SEC: security assurance and storage."""

from checks.sec.sec_001_dspt_gives_no_assurance import DsptGivesNoAssurance
from checks.sec.sec_002_no_current_assurance import NoCurrentAssurance
from checks.sec.sec_003_dspt_status_disagrees import DsptStatusDisagrees
from checks.sec.sec_004_storage_outside_territory import StorageOutsideTerritory
from checks.sec.sec_005_cloud_provider_not_a_processor import CloudProviderNotAProcessor

CHECKS = (
    DsptGivesNoAssurance,
    NoCurrentAssurance,
    DsptStatusDisagrees,
    StorageOutsideTerritory,
    CloudProviderNotAProcessor,
)
