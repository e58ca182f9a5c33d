"""The identifier vocabulary of domain.md, and the context words that make an ambiguous word count.

The words live in `data/identifiers.yaml`, so that adding a phrasing is a one-line data change;
this module loads them once, at import, and holds the two qualifier patterns that are regular
expressions rather than words.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "identifiers.yaml"
_DATA = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))

VOCABULARY: dict[str, list[str]] = _DATA["vocabulary"]
PERSONAL_WHEN_AMBIGUOUS = frozenset(_DATA["personal_when_ambiguous"])
LIST_ONLY = frozenset(_DATA["list_only"])
PERSONAL_CONTEXT = frozenset(_DATA["personal_context"])
PERSONAL_NOUNS = frozenset(_DATA["personal_nouns"])
NON_PERSONAL_MODIFIERS = frozenset(_DATA["non_personal_modifiers"])
VERB_LEADERS = frozenset(_DATA["verb_leaders"])
VERB_FOLLOWERS = frozenset(_DATA["verb_followers"])

# A strong item qualified right after as a less identifying one: "postcode (district only)",
# "date of birth (month and year only)"; "(DD/MM/YYYY)" is a full date and does not count.
WEAKER_FORMS: dict[str, tuple[str, re.Pattern[str]]] = {
    "postcode": (
        "postcode_district",
        re.compile(
            r"(?i)\s*(?:\((?:[^)]{0,25}\b)?(?:district|sector|area|outward|first|partial|truncated|lsoa)"
            r"|\s*(?:district|sector|area|prefix)s?\b|[,\-\u2013]\s*(?:truncated|district|sector)\b)"
        ),
    ),
    "date_of_birth": (
        "year_of_birth",
        re.compile(
            r"(?i)\s*(?:\((?![^)]*\bdd\b)[^)]{0,30}?\b(?:month|year|mm/yyyy|yyyy|partial|truncated)"
            r"|[,\-\u2013]\s*(?:month\s+and\s+year|year)\s+only\b)"
        ),
    ),
}
