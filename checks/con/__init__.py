"""CON: consent."""

from checks.con.con_001_recruitment_not_covered import RecruitmentNotCovered
from checks.con.con_002_cited_information_sheet_missing import CitedInformationSheetMissing
from checks.con.con_003_no_linkage_consent import NoLinkageConsent
from checks.con.con_004_no_cohort_contact import NoCohortContact

CHECKS = (RecruitmentNotCovered, CitedInformationSheetMissing, NoLinkageConsent, NoCohortContact)
