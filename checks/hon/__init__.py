"""HON: honorary contracts."""

from checks.hon.hon_001_honorary_holders_not_listed import HonoraryHoldersNotListed
from checks.hon.hon_002_undeclared_honorary_contracts import UndeclaredHonoraryContracts
from checks.hon.hon_003_honorary_access_outside_uk import HonoraryAccessOutsideUk

CHECKS = (HonoraryHoldersNotListed, UndeclaredHonoraryContracts, HonoraryAccessOutsideUk)
