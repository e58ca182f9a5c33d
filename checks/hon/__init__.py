"""HON: honorary contracts."""

from checks.hon.hon_002_undeclared_honorary_contracts import UndeclaredHonoraryContracts

CHECKS = (UndeclaredHonoraryContracts,)
