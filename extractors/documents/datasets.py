"""Datasets named in a document, as the dataset ids of domain.md.

DATA-001 asks whether each requested dataset is named in the evidence for the legal basis; any
mention counts, participant-facing wording included ("hospital records", "death records"), and a
generic "Hospital Episode Statistics" covers every HES dataset (`hes_*`). A negated mention ("we
will not use your GP records") is not one: it is kept as `dataset_negated`. The names live in
`data/datasets.yaml`; `gazetteer.py` compiles them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.facts import DocumentFacts
from extractors.names.gazetteer import HES_ALL, WORD, Gazetteer, gazetteer, key_of
from extractors.record import FactRecorder, append_unique
from extractors.text.coordination import lists_ending_at_heads
from extractors.text.negation import is_negated
from extractors.text.spans import join_soft_breaks
from pipeline.model import Document

NEXT_WORD = re.compile(r"[\s\-\u2013:]*(?:\([A-Za-z]{2,8}\)\s*)?([A-Za-z][\w\-]*)")


@dataclass(frozen=True, slots=True)
class Mention:
    dataset: str
    start: int
    end: int
    pattern: str  # "name", "abbreviation", "ambiguous", "hes-generic", "hes-part"
    negated: bool


def dataset_mentions(text: str) -> list[Mention]:
    """Every dataset mention in `text`, negated ones included (flagged); ambiguous ones unfiltered.

    Only the entries starting with each word are tried, and only at words that start one."""
    g = gazetteer()
    mentions: list[Mention] = []
    position = 0
    for start, word in _entry_words(g, text):
        if start < position:
            continue
        match = g.match_at(text, start, word)
        if match is None:
            continue
        position = match.end()
        entry = g.entry(match.group(0))
        if entry is None or _vetoed(g, text, match.start(), match.end()):
            continue
        if entry.kind == "head":
            tail = g.hes_tail.match(text, match.end())
            if tail:
                position = tail.end()
                for part in g.hes_part.finditer(text, tail.start(), tail.end()):
                    dataset = g.part(part.group(0))
                    if dataset:
                        mentions.append(_mention(text, dataset, match.start(), part.end(), "hes-part"))
                continue
            mentions.append(_mention(text, HES_ALL, match.start(), match.end(), "hes-generic"))
            continue
        mentions.append(_mention(text, entry.dataset, match.start(), match.end(), entry.kind))
    named = {m.dataset for m in mentions}
    mentions += [m for m in shared_head_mentions(text) if m.dataset not in named]
    return mentions


# "mortality, cancer and hospital admissions records", "national cancer and death registries": one head
# noun shared by coordinated modifiers. Each modifier is tried with the head, as if written in full.
SHARED_HEAD = re.compile(
    r"(?P<list>(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*(?:\s*,\s*(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)*"
    r"\s*,?\s+(?:and|or|&)\s+(?:[A-Za-z][\w-]*\s+){0,2}?)(?P<head>records?|registr(?:y|ies)|registrations?|"
    r"data(?:\s+sets?)?|datasets?|information|statistics)\b",
)
HEAD_WORD = re.compile(
    SHARED_HEAD.pattern.split("(?P<head>", 1)[1].rsplit(")", 1)[0].join(("\\b(?:", ")\\b"))
)
COORDINATOR = re.compile(r"\s(?:and|or|&)\s")
SHARED_HEAD_ENDING = re.compile(SHARED_HEAD.pattern + "$")
HEAD_REACH = 200  # characters of list read back from a head noun


CONJUNCT = re.compile(r"\s*(?:,\s*(?:and|or|&)?|\b(?:and|or)\b|&)\s*")


def shared_head_mentions(text: str) -> list[Mention]:
    """Datasets named by a modifier that shares its head noun with others ("cancer and death
    registries"): each conjunct is looked up as if the head followed it."""
    g = gazetteer()
    mentions = []
    for match in lists_ending_at_heads(text, HEAD_WORD, SHARED_HEAD_ENDING, HEAD_REACH, COORDINATOR):
        head = match.group("head")
        position = match.start("list")
        for conjunct in CONJUNCT.split(match.group("list")):
            at = text.find(conjunct, position) if conjunct else -1
            if at < 0:
                continue
            position = at + len(conjunct)
            words = conjunct.strip()
            if not words or " " not in f"{words} {head}":
                continue
            for phrase in (p for form in _forms(head) for p in _tails(f"{words} {form}")):
                entry = g.entry(phrase)
                if entry is not None and entry.kind != "ambiguous":
                    dataset = HES_ALL if entry.kind == "head" else entry.dataset
                    mentions.append(_mention(text, dataset, at, match.end(), "shared-head"))
                    break
    return mentions


HEAD_FORMS = (("records", "record"), ("registries", "registry"), ("registrations", "registration"))


def _forms(head: str) -> tuple[str, ...]:
    """The head as written, then in its other number ("registries" -> "registry")."""
    for forms in HEAD_FORMS:
        if head.lower() in forms:
            return (head, *(form for form in forms if form != head.lower()))
    return (head,)


def _tails(phrase: str) -> list[str]:
    """'national cancer registries', 'cancer registries': the phrase and its shorter endings."""
    words = phrase.split()
    return [" ".join(words[i:]) for i in range(len(words) - 1)]


def _entry_words(g: Gazetteer, text: str) -> list[tuple[int, str]]:
    """(position, word) of every word of `text` that starts a gazetteer entry, in order.

    The distinct words of a block are few; each candidate is then found with str.find, which is
    several times faster than visiting every word with a regular expression."""
    found = []
    for word in [w for w in set(WORD.findall(text)) if g.starts_entry(w)]:
        at = text.find(word)
        while at != -1:
            before = text[at - 1] if at else " "
            after = text[at + len(word)] if at + len(word) < len(text) else " "
            if not (before.isalnum() or before == "&") and not (after.isalnum() or after in "&+"):
                found.append((at, word))
            at = text.find(word, at + 1)
    return sorted(found)


def asserted(mentions: list[Mention]) -> Iterator[Mention]:
    """Mentions that count: not negated, and an ambiguous abbreviation only where the full name is
    given too ("DID" counts in a text that also says "Diagnostic Imaging Data Set")."""
    named = {m.dataset for m in mentions if m.pattern != "ambiguous" and not m.negated}
    return (m for m in mentions if _counts(m, named))


def _counts(mention: Mention, named: set[str]) -> bool:
    return not mention.negated and (mention.pattern != "ambiguous" or mention.dataset in named)


def datasets_in(text: str) -> set[str]:
    """The dataset ids that `text` names (not negated), `hes_*` for HES as a whole."""
    return {m.dataset for m in asserted(dataset_mentions(join_soft_breaks(text)))}


def extract_datasets(document: Document, facts: DocumentFacts) -> None:
    recorder = FactRecorder(document, facts, "datasets")
    found = []
    for block in document.parsed.blocks:
        text = join_soft_breaks(block.text)
        found += [(block, mention) for mention in dataset_mentions(text)]
    named = {m.dataset for _, m in found if m.pattern != "ambiguous" and not m.negated}
    for block, mention in found:
        if mention.negated:
            recorder.add(
                "dataset_negated", mention.dataset, block, mention.start, mention.end, mention.pattern
            )
        elif _counts(mention, named):
            recorder.add("dataset", mention.dataset, block, mention.start, mention.end, mention.pattern)
            append_unique(facts.datasets, mention.dataset)


def _mention(text: str, dataset: str, start: int, end: int, pattern: str) -> Mention:
    return Mention(dataset, start, end, pattern, is_negated(text, start, end))


def _vetoed(g: Gazetteer, text: str, start: int, end: int) -> bool:
    """'ONS census' is not death data; 'linkable to HES' does not name HES."""
    if g.not_after.search(text, max(0, start - 30), start):
        return True
    vetoes = g.unless_next.get(key_of(text[start:end]))
    if vetoes:
        following = NEXT_WORD.match(text, end)
        if following and following.group(1).lower() in vetoes:
            return True
    return False
