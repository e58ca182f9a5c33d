"""ORG: organisations."""

from checks.org.org_001_controller_without_dsfc import ControllerWithoutDsfc
from checks.org.org_002_no_processing_location import NoProcessingLocation
from checks.org.org_003_controller_part_of_an_entity import ControllerPartOfAnEntity
from checks.org.org_004_controller_may_be_part import ControllerMayBePart

CHECKS = (ControllerWithoutDsfc, NoProcessingLocation, ControllerPartOfAnEntity, ControllerMayBePart)
