"""ORG: organisations."""

from checks.org.org_001_controller_without_dsfc import ControllerWithoutDsfc
from checks.org.org_002_no_processing_location import NoProcessingLocation

CHECKS = (ControllerWithoutDsfc, NoProcessingLocation)
