"""Words that make, end, or disqualify an organisation name, and the cues of each role.

The word lists live in `data/organisations.yaml` (a new kind of body or a new linking word is a
one-line data change); the role cues are regular expressions and stay here.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from extractors.text.casefold import compile_folded

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "organisations.yaml"
_DATA = {
    key: frozenset(words) for key, words in yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")).items()
}

SUFFIX_ANCHORS = _DATA["suffix_anchors"]
OF_ANCHORS = _DATA["of_anchors"]
PLACE_AFTER_ANCHOR = _DATA["place_after_anchor"]
PLACE_STARTERS = _DATA["place_starters"]
KEPT_ACRONYMS = _DATA["kept_acronyms"]
CONNECTORS = _DATA["connectors"]
LEADING_STOP = _DATA["leading_stop"]
TITLES = _DATA["titles"]
TRAILING_STOP = _DATA["trailing_stop"]
NON_DISTINCTIVE = _DATA["non_distinctive"] | SUFFIX_ANCHORS | CONNECTORS
COMMITTEE_WORDS = _DATA["committee_words"]
COMMITTEE_ANCHORS = _DATA["committee_anchors"]
LINK_WORDS = _DATA["link_words"]
COPULAS = _DATA["copulas"]
SINGULAR_COPULAS = _DATA["singular_copulas"]
APPOSITION_WORDS = _DATA["apposition_words"]
ROLE_TO_ORG_WORDS = _DATA["role_to_org_words"]
# Punctuation (and a line break) that makes a role a label: "Sponsor: X", "Data controller | X".
LABEL_PUNCTUATION = frozenset({":", "|", "-", "\u2013", "(", ",", "\n"})

ROLE_CUES: dict[str, re.Pattern[str]] = {
    "controller": compile_folded(r"(?i)\b(?:joint\s+)?(?:data\s+)?controllers?(?:\s+in\s+common)?\b"),
    "processor": compile_folded(r"(?i)\b(?:data\s+)?(?:sub-?)?processors?\b"),
    "sponsor": compile_folded(r"(?i)\b(?:(?:research|study|trial)\s+)?sponsors?\b|\bsponsored\s+by\b"),
    "applicant": compile_folded(
        r"(?i)\bapplicant(?:\s+organi[sz]ations?)?\b"
        r"|\bapplication\s+(?:was\s+)?(?:made\s+|submitted\s+)?(?:from|by)\b"
    ),
}
ANY_ROLE_CUE = compile_folded(r"(?i)controller|processor|sponsor|applica")
