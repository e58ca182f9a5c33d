"""The two parts of a sub-licensing justification (SUB-003), read in its sentences with the cues of
checks/data/sublicensing_parts.yaml; negation as in documents."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from extractors.names.org_names import NHS_ENGLAND_NAMES
from extractors.text.negation import is_negated
from extractors.text.spans import sentences


@cache
def _cues() -> dict:
    data = yaml.safe_load(
        resources.files("checks.data").joinpath("sublicensing_parts.yaml").read_text("utf-8")
    )
    why = data["why_not_direct"]
    return {
        "supply": re.compile(why["supply"], re.IGNORECASE),
        "source": re.compile(why["source"], re.IGNORECASE),
        "value": [re.compile(pattern, re.IGNORECASE) for pattern in data["value_added"]],
    }


def says_why_not_direct(text: str) -> str | None:
    """The sentence that says the data cannot come directly from NHS England, or None."""
    cues = _cues()
    for start, end in sentences(text):
        sentence = text[start:end]
        if not (cues["source"].search(sentence) or NHS_ENGLAND_NAMES.search(sentence)):
            continue
        for match in cues["supply"].finditer(sentence):
            if is_negated(sentence, match.start(), match.end()):
                return sentence.strip()
    return None


def says_value_added(text: str) -> str | None:
    """The sentence about the value the applicant adds (linkage to its own data, derivation, cleaning,
    curation, enrichment), not negated; or None."""
    for start, end in sentences(text):
        sentence = text[start:end]
        for pattern in _cues()["value"]:
            for match in pattern.finditer(sentence):
                if not is_negated(sentence, match.start(), match.end()):
                    return sentence.strip()
    return None
