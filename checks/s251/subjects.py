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


SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def subject_terms(text: str) -> dict[str, str]:
    """Stem -> first word as written, for the condition or intervention words of a purpose.

    A proper name inside a sentence (a place or a body: "in Nottinghamshire", "at Nottingham Trent
    University") is where or by whom, not what is studied; an eponym of a condition keeps its
    possessive or its head noun ("Parkinson's disease", "Hodgkin lymphoma") and counts."""
    generic, populations = _vocabulary()
    terms: dict[str, str] = {}
    for match in WORD.finditer(text):
        word = match.group(0)
        if len(word) < 4 and not word.isupper():  # short words, but not acronyms ("HIV", "TB", "MS")
            continue
        if _proper_name(text, match):
            continue
        if word.lower() in stop_words() and not word.isupper():
            continue
        key = stem(word)
        if key in generic or key in populations:
            continue
        terms.setdefault(key, word)
    return terms


def _proper_name(text: str, match: re.Match[str]) -> bool:
    word = match.group(0)
    if not word[:1].isupper() or word.isupper() or word.endswith(("'s", "’s")):
        return False
    if SENTENCE_START.search(text, 0, match.start()):
        return False
    following = WORD.match(text, match.end() + 1) if text[match.end() : match.end() + 1] == " " else None
    return not (following and following.group(0).lower() in _condition_heads())


@cache
def _condition_heads() -> frozenset[str]:
    data = yaml.safe_load(resources.files("checks.data").joinpath("generic_terms.yaml").read_text("utf-8"))
    return frozenset(data["condition_heads"])


# One population under several words ("older people", "the elderly"), and populations said by age
# ("aged 65 or over" is older people, "under 16" children): compared as one key.
SAME_POPULATION = {"elder": "older", "pensi": "older", "child": "child", "paedi": "child", "pedia": "child"}
AGE_FROM = re.compile(
    r"\b(?:aged\s+|over\s+(?:the\s+age\s+of\s+)?)?(?P<age>\d{1,3})\s*(?:years?\s*(?:of\s+age\s*)?)?"
    r"(?:\+|(?:or|and)\s+(?:over|older|above))",
    re.IGNORECASE,
)
AGE_OVER = re.compile(r"\b(?:aged\s+)?over\s+(?:the\s+age\s+of\s+)?(?P<age>\d{1,3})\b", re.IGNORECASE)
AGE_UNDER = re.compile(
    r"\b(?:aged\s+)?(?:under|below|younger\s+than)\s+(?:the\s+age\s+of\s+)?(?P<age>\d{1,2})\b"
    r"|\baged\s+\d{1,2}\s*(?:-|–|to)\s*(?P<upper>\d{1,2})\b",
    re.IGNORECASE,
)
OLDER_FROM = 60  # "aged 65 or over": older people
ADULT_FROM = 16


def population_terms(text: str) -> dict[str, str]:
    """Population key -> the words as written: population words, and ages said as a population."""
    _, populations = _vocabulary()
    terms: dict[str, str] = {}
    for match in WORD.finditer(text):
        key = stem(match.group(0))
        if key in populations:
            terms.setdefault(SAME_POPULATION.get(key, key), match.group(0))
    for pattern in (AGE_FROM, AGE_OVER):
        for match in pattern.finditer(text):
            age = int(match.group("age"))
            if age >= OLDER_FROM:
                terms.setdefault("older", match.group(0))
            elif age >= ADULT_FROM:
                terms.setdefault("adult", match.group(0))
    for match in AGE_UNDER.finditer(text):
        if int(match.group("age") or match.group("upper")) <= 18:
            terms.setdefault("child", match.group(0))
    return terms


def stems(text: str) -> set[str]:
    return {stem(match.group(0)) for match in WORD.finditer(text)}
