"""SUB: sub-licensing and onward sharing."""

from checks.sub.sub_001_sublicensing_without_justification import SublicensingWithoutJustification
from checks.sub.sub_002_undeclared_onward_sharing import UndeclaredOnwardSharing
from checks.sub.sub_003_justification_part_missing import JustificationPartMissing

CHECKS = (SublicensingWithoutJustification, UndeclaredOnwardSharing, JustificationPartMissing)
