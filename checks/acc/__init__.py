"""ACC: services to access data."""

from checks.acc.acc_001_extract_without_reason import ExtractWithoutReason
from checks.acc.acc_002_data_leave_the_sde import DataLeaveTheSde

CHECKS = (ExtractWithoutReason, DataLeaveTheSde)
