"""TER: territory of use."""

from checks.ter.ter_001_location_outside_territory import LocationOutsideTerritory
from checks.ter.ter_002_transfer_without_risk_assessment import TransferWithoutRiskAssessment
from checks.ter.ter_003_territory_beyond_uk import TerritoryBeyondUk

CHECKS = (LocationOutsideTerritory, TransferWithoutRiskAssessment, TerritoryBeyondUk)
