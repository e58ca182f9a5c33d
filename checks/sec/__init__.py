"""SEC: security assurance and storage."""

from checks.sec.sec_002_no_current_assurance import NoCurrentAssurance
from checks.sec.sec_003_dspt_status_disagrees import DsptStatusDisagrees

CHECKS = (NoCurrentAssurance, DsptStatusDisagrees)
