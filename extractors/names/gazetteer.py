"""The dataset gazetteer (extractors/data/datasets.yaml) compiled for a one-pass scan.

Entries are grouped by their first word; the scanner looks each word of a block up and tries only
the entries that start with it (longest first), since one alternation of every entry tried at
every position is several times slower. A normalised key of the matched words then says which
dataset it names. Names
match case-insensitively and abbreviations case-sensitively, so "HES" counts and "did" or "sus"
in prose do not. Hospital Episode Statistics has its own small grammar: a head ("HES",
"Hospital Episode Statistics", "hospital records") optionally followed by a list of its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from extractors.text.casefold import FoldedPattern, compile_folded

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "datasets.yaml"
HES_ALL = "hes_*"

# Between the words of a name: spaces, hyphens, dashes, colons, brackets.
WORD_GAP = r"[\s\-\u2010\u2011\u2013\u2014:()]+"
KEY_GAP = re.compile(r"[\s\-\u2010\u2011\u2013\u2014:()]+")
DATA_SET = re.compile(r"(?i)\bdata ?sets?\b")
# A word as the scanner sees it; every entry starts with one ("A&E", "SUS+", "HES", "Civil").
WORD = re.compile(r"(?<![\w&])[A-Za-z0-9][A-Za-z0-9&+]*")


@dataclass(frozen=True)
class Entry:
    dataset: str  # a dataset id, or "hes_*" for a HES head
    kind: str  # "name", "abbreviation", "ambiguous", "head"


@dataclass(frozen=True)
class Gazetteer:
    starts: dict[str, re.Pattern[str]]  # first word ("cs:HES", "ci:hospital") -> its entries' expression
    by_key: dict[str, Entry]  # case-insensitive keys ("ci:...") and exact keys ("cs:...")
    hes_tail: re.Pattern[str]  # the parts that may follow a HES head
    hes_part: re.Pattern[str]
    parts_by_key: dict[str, str]
    unless_next: dict[str, tuple[str, ...]]  # key of a name -> following words that veto it
    not_after: re.Pattern[str] | FoldedPattern
    first_words: frozenset[str]  # every entry's first word, as written and in lower case

    def starts_entry(self, word: str) -> bool:
        return word in self.first_words or word.lower() in self.first_words

    def match_at(self, text: str, start: int, word: str) -> re.Match[str] | None:
        """The longest entry that starts with `word`, found at text[start], if any."""
        exact = self.starts.get("cs:" + word)
        folded = self.starts.get("ci:" + word.lower())
        found = [m for m in (p.match(text, start) for p in (exact, folded) if p) if m]
        return max(found, key=lambda m: m.end()) if found else None

    def entry(self, words: str) -> Entry | None:
        return self.by_key.get("cs:" + key_of(words, fold=False)) or self.by_key.get("ci:" + key_of(words))

    def part(self, words: str) -> str | None:
        return self.parts_by_key.get("cs:" + key_of(words, fold=False)) or self.parts_by_key.get(
            "ci:" + key_of(words)
        )


def key_of(words: str, fold: bool = True) -> str:
    """The lookup key of a name as written: separators collapsed, apostrophes and 'data set' unified."""
    key = KEY_GAP.sub(" ", words.replace("’", "").replace("'", "")).strip()
    key = DATA_SET.sub("dataset", key)
    return key.lower() if fold else key


def first_word(phrase: str, fold: bool) -> str:
    word = WORD.match(phrase.strip()).group(0)
    return word.lower() if fold else word


def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: flexible separators, optional apostrophes, 'data set' = 'dataset(s)'."""
    words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    parts: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.lower() == "data" and index + 1 < len(words) and words[index + 1].lower() in ("set", "sets"):
            parts.append(r"data[\s\-]*sets?")
            index += 2
            continue
        if word.lower() in ("dataset", "datasets"):
            parts.append(r"data[\s\-]*sets?")
        else:
            parts.append(re.escape(word).replace("'", "['’]?"))
        index += 1
    return WORD_GAP.join(parts)


def _alternation(phrases: list[tuple[str, bool]]) -> str:
    """Longest first, each wrapped case-insensitively or not, bounded as whole words."""
    ordered = sorted(set(phrases), key=lambda item: -len(item[0]))
    body = "|".join(f"(?i:{phrase_regex(p)})" if ci else phrase_regex(p) for p, ci in ordered)
    return rf"(?<![\w&])(?:{body})(?![\w&])"


@cache
def gazetteer() -> Gazetteer:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    by_key: dict[str, Entry] = {}
    phrases: list[tuple[str, bool]] = []

    def add(dataset: str, entry: dict, head: bool = False) -> None:
        for phrase in entry.get("names") or []:
            by_key["ci:" + key_of(phrase)] = Entry(dataset, "head" if head else "name")
            phrases.append((phrase, True))
        for kind in ("abbreviations", "ambiguous"):
            for phrase in entry.get(kind) or []:
                label = "head" if head else ("abbreviation" if kind == "abbreviations" else "ambiguous")
                by_key["cs:" + key_of(phrase, fold=False)] = Entry(dataset, label)
                phrases.append((phrase, False))

    for dataset, entry in data["datasets"].items():
        add(dataset, entry or {})
    hes = data["hes"]
    add(HES_ALL, hes["heads"], head=True)

    parts_by_key: dict[str, str] = {}
    part_phrases: list[tuple[str, bool]] = []
    for dataset, entry in hes["parts"].items():
        for phrase in entry.get("names") or []:
            parts_by_key["ci:" + key_of(phrase)] = dataset
            part_phrases.append((phrase, True))
        for phrase in entry.get("abbreviations") or []:
            parts_by_key["cs:" + key_of(phrase, fold=False)] = dataset
            part_phrases.append((phrase, False))
    part = _alternation(part_phrases)
    joiners = "|".join(phrase_regex(j) for j in sorted(hes["joiners"], key=len, reverse=True))
    glue = rf"(?:[\s,;:/&()\-\u2013]|\b(?i:{joiners})\b)*"
    hes_tail = re.compile(rf"(?:\s*\(\s*HES\s*\))?{glue}(?:{part})(?:{glue}(?:{part}))*")

    unless_next = {
        key_of(name): tuple(w.lower() for w in words)
        for name, words in (data.get("unless_next") or {}).items()
    }
    not_after = "|".join(phrase_regex(p) for p in sorted(data.get("not_after") or [], key=len, reverse=True))
    by_first: dict[str, list[tuple[str, bool]]] = {}
    for phrase, ci in phrases:
        by_first.setdefault(("ci:" if ci else "cs:") + first_word(phrase, fold=ci), []).append((phrase, ci))
    return Gazetteer(
        starts={first: re.compile(_alternation(group)) for first, group in by_first.items()},
        first_words=frozenset(first[3:] for first in by_first),
        by_key=by_key,
        hes_tail=hes_tail,
        hes_part=re.compile(part),
        parts_by_key=parts_by_key,
        unless_next=unless_next,
        not_after=compile_folded(rf"(?i)\b(?:{not_after})\s*\(?\s*$"),
    )
