"""Whether a controller's name names a legal entity or a part of one (checks.md: unit word, legal-entity
word, company form, NHS body ending, exception and segments; the vocabularies of domain.md, read from
checks/data/legal_entities.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from extractors.names.org_names import normalise_org_name

# A name's parts: split at commas, dashes, brackets and the words "at", "part of" and "within".
SEGMENT_BREAKS = re.compile(r"[,;()\[\]–—]|\s-\s|\b(?:at|part\s+of|within)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    unit: re.Pattern[str]
    legal_word: re.Pattern[str]
    company_form: re.Pattern[str]
    ending: re.Pattern[str]  # a company form or an NHS body ending at the end of a segment
    exceptions: frozenset[str]


def _words(items: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(word) for word in item.split()) for item in items)


@cache
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(resources.files("checks.data").joinpath("legal_entities.yaml").read_text("utf-8"))
    forms = rf"\b(?i:{_words(data['company_forms'])})\b\.?|\b(?:{_words(data['exact_case_forms'])})\b\.?"
    endings = _words(data["nhs_body_endings"])
    return Vocabulary(
        unit=re.compile(rf"\b(?:{_words(data['unit_words'])})\b", re.IGNORECASE),
        legal_word=re.compile(
            rf"\b(?:{_words(data['legal_entity_words'])})\b|\b(?:{endings})\b", re.IGNORECASE
        ),
        company_form=re.compile(forms),
        ending=re.compile(rf"(?:{forms}|\b(?i:{endings}))\s*$"),
        exceptions=frozenset(normalise_org_name(name) for name in data["exceptions"]),
    )


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    names_entity: bool  # holds a legal-entity word or a company form, or is an exception
    is_unit: bool  # holds a unit word, does not end in a company form or NHS body ending, is no exception
    holds_legal_word: bool


@dataclass(frozen=True, slots=True)
class NameJudgement:
    segments: tuple[Segment, ...]
    exception: bool

    @property
    def has_unit(self) -> bool:
        return not self.exception and any(segment.is_unit for segment in self.segments)

    @property
    def part_of_entity(self) -> bool:
        """ORG-003: a unit segment beside a segment naming a legal entity, or a unit segment that itself
        holds a legal-entity word."""
        if not self.has_unit:
            return False
        units = [s for s in self.segments if s.is_unit]
        return any(s.names_entity and not s.is_unit for s in self.segments) or any(
            s.holds_legal_word or s.names_entity for s in units
        )

    @property
    def maybe_part(self) -> bool:
        """ORG-004: a unit segment and no segment naming a legal entity."""
        return self.has_unit and not any(segment.names_entity for segment in self.segments)

    def likely_controller(self) -> str | None:
        """The segment naming the legal entity the unit belongs to, where the name shows one."""
        vocab = vocabulary()
        for segment in self.segments:
            if segment.names_entity and not segment.is_unit:
                return segment.text
        for segment in self.segments:
            if segment.is_unit and segment.holds_legal_word:
                unit = vocab.unit.search(segment.text)
                before = segment.text[: unit.start()].strip() if unit else ""
                if before and vocab.legal_word.search(before):
                    return before
                legal = vocab.legal_word.search(segment.text)
                if legal and unit and legal.start() > unit.start():
                    return segment.text[legal.start() :].strip()
        return None


def judge_name(name: str) -> NameJudgement:
    vocab = vocabulary()
    if normalise_org_name(name) in vocab.exceptions:
        return NameJudgement((), exception=True)
    segments = []
    for piece in SEGMENT_BREAKS.split(name):
        text = " ".join(piece.split()).strip(" -")
        if not text:
            continue
        is_exception = normalise_org_name(text) in vocab.exceptions
        holds_legal = bool(vocab.legal_word.search(text))
        names_entity = is_exception or holds_legal or bool(vocab.company_form.search(text))
        is_unit = bool(vocab.unit.search(text)) and not vocab.ending.search(text) and not is_exception
        segments.append(Segment(text, names_entity, is_unit, holds_legal))
    return NameJudgement(tuple(segments), exception=False)
