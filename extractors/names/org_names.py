"""When two organisation names are the same organisation ("names match" in spec/checks.md).

Names match after folding case, punctuation, a leading "the", Ltd/Limited, PLC, and "NHS Foundation
Trust"/"NHS FT". NHS England also matches its predecessors for this data (NHS Digital, HSCIC, the
Health and Social Care Information Centre, the NHS Information Centre), so they fold to one name.
An acronym matches only where a document defines it; that is the organisations extractor's job
(`organisation_acronym` facts), not this function's.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.text.casefold import compile_folded

NHS_ENGLAND = "NHS England"
# NHS England and the names it had before (spec/domain.md, "Bodies and names"), in lower case.
NHS_ENGLAND_FORMS = (
    r"information\s+centre\s+for\s+health\s+(?:and|&)\s+social\s+care",
    r"health\s+(?:and|&)\s+social\s+care\s+information\s+centre",
    r"nhs\s+information\s+centre",
    r"nhs\s+england",
    r"nhs\s+digital",
    r"nhs\s+ic",
    r"hscic",
)
NHS_ENGLAND_NAMES = compile_folded(r"\b(?:" + "|".join(NHS_ENGLAND_FORMS) + r")\b", re.IGNORECASE)
# The same names for scanning lower-cased text: no IGNORECASE and no leading \b, which lets the
# engine skip ahead on first characters; the caller checks the left edge.
NHS_ENGLAND_SCAN = re.compile(r"(?:" + "|".join(NHS_ENGLAND_FORMS) + r")(?!\w)")
PUNCTUATION = re.compile(r"[^\w\s]")
COMPANY_SUFFIX = re.compile(r"\s+(?:ltd|limited|plc|llp)$")
FOUNDATION_TRUST = re.compile(r"\bnhs\s+(?:ft|foundation\s+trust)\b")


def normalise_org_name(name: str) -> str:
    """The folded form of an organisation name: equal folded forms are the same organisation."""
    text = unicodedata.normalize("NFKC", name)
    if is_nhs_england(text):
        return "nhs england"
    text = text.casefold().replace("&", " and ")
    text = PUNCTUATION.sub(lambda m: "" if m.group(0) in "'’." else " ", text)
    text = " ".join(text.split())
    text = re.sub(r"^the\s+", "", text)
    text = FOUNDATION_TRUST.sub("nhs foundation trust", text)
    previous = None
    while previous != text:  # "X (UK) Ltd PLC" loses every company suffix
        previous, text = text, COMPANY_SUFFIX.sub("", text)
    return text


def names_match(first: str, second: str) -> bool:
    return normalise_org_name(first) == normalise_org_name(second)


def is_nhs_england(name: str) -> bool:
    """True for NHS England written under any of its names, old or new."""
    return NHS_ENGLAND_NAMES.fullmatch(re.sub(r"(?i)^the\s+", "", " ".join(name.split()))) is not None
