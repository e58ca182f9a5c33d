"""SUB: sub-licensing and onward sharing."""

from checks.sub.sub_001_sublicensing_without_justification import SublicensingWithoutJustification
from checks.sub.sub_002_undeclared_onward_sharing import UndeclaredOnwardSharing

CHECKS = (SublicensingWithoutJustification, UndeclaredOnwardSharing)
