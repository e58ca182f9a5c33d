"""The subject of a purpose: the words left when generic research vocabulary is taken away.

S251-005 asks whether the request's subject (condition or intervention, or population) appears in
the purpose CAG supported. Words are compared on 5-letter stems ("asthmatic" ~ "asthma",
"transplantation" ~ "transplant"), so rewording and inflection do not count as drift.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from extractors.text.nlp import stop_words

STEM = 5
WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")


def stem(word: str) -> str:
    word = word.lower().strip("-'")
    return word[:STEM]


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(resources.files("checks.data").joinpath("generic_terms.yaml").read_text("utf-8"))
    generic = frozenset(stem(w) for line in data["generic"] for w in line.split())
    populations = frozenset(stem(w) for line in data["populations"] for w in line.split())
    return generic, populations


def subject_terms(text: str) -> dict[str, str]:
    """Stem -> first word as written, for the condition or intervention words of a purpose."""
    generic, populations = _vocabulary()
    terms: dict[str, str] = {}
    for match in WORD.finditer(text):
        word = match.group(0)
        if len(word) < 4 and not word.isupper():  # short words, but not acronyms ("HIV", "TB", "MS")
            continue
        if word.lower() in stop_words() and not word.isupper():
            continue
        key = stem(word)
        if key in generic or key in populations:
            continue
        terms.setdefault(key, word)
    return terms


def population_terms(text: str) -> dict[str, str]:
    _, populations = _vocabulary()
    terms: dict[str, str] = {}
    for match in WORD.finditer(text):
        key = stem(match.group(0))
        if key in populations:
            terms.setdefault(key, match.group(0))
    return terms


def stems(text: str) -> set[str]:
    return {stem(match.group(0)) for match in WORD.finditer(text)}
