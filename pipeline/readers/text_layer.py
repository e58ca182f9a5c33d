"""Is a PDF page's text layer a poor OCR layer? ("C4G", "O199", "nurnber", "tlie", "witli").

A scanner's OCR that went wrong leaves words that are one OCR confusion away from a word we know:
`rn` read for `m`, `li` for `h`, `0` for `O`, `4` for `A`. Such near-misses hardly occur in typed
text, whose unknown words (names, places, terms) are rarely one confusion from a known word. So the
measure is the share of a page's words that are near-misses: unknown as they stand, known once one
confusion is undone, or a number with a letter in it that reads as a digit (`O199`, `2O21`).

Known words are spaCy's English stop words (the most frequent words, so the ones a bad layer mangles
most) and the words of the project's vocabularies (identifiers, datasets, organisations, document
kinds). The thresholds were set on generated pages (`bench/text_layer_measure.py`): the text pages
of the sample bundles against the same pages with OCR confusions put in.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

# (what a bad OCR layer shows, what it stands for)
CONFUSIONS = (
    ("rn", "m"), ("li", "h"), ("cl", "d"), ("vv", "w"), ("ii", "u"), ("tb", "th"), ("c", "e"), ("e", "c"),
    ("l", "i"), ("i", "l"), ("1", "l"), ("1", "i"), ("0", "o"), ("5", "s"), ("8", "b"), ("6", "g"),
    ("4", "a"), ("m", "rn"), ("h", "b"), ("b", "h"), ("u", "n"), ("n", "u"),
)
# A letter OCR reads for a digit, in a number ("O199" is 0199, "2O2l" is 2021).
LETTER_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "B": "8", "Z": "2"})
TOKEN = re.compile(r"[A-Za-z0-9]+")
# A page is judged on at least this many words, and is poor when this share of them are near-misses.
MIN_WORDS = 20
POOR_SHARE = 0.03


class LayerQuality(NamedTuple):
    words: int
    near_misses: int
    examples: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.near_misses / self.words if self.words else 0.0

    @property
    def poor(self) -> bool:
        return self.words >= MIN_WORDS and self.share >= POOR_SHARE


def layer_quality(text: str) -> LayerQuality:
    known = known_words()
    words = near = 0
    examples: list[str] = []
    for token in TOKEN.findall(text):
        if token.isdigit() or len(token) < 2:
            continue
        words += 1
        if token.lower() not in known and _near_miss(token):
            near += 1
            if len(examples) < 3 and token not in examples:
                examples.append(token)
    return LayerQuality(words, near, tuple(examples))


@lru_cache(maxsize=65536)
def _near_miss(token: str) -> bool:
    """Whether an unknown token is one OCR misreading from a known word (cached: words recur)."""
    known = known_words()
    lower = token.lower()
    has_digit = any(char.isdigit() for char in token)
    # A number with a letter that reads as a digit; a code of one letter and two digits ("I50", an
    # ICD-10 code) is left alone.
    if has_digit and token.translate(LETTER_DIGITS).isdigit() and (token[0].isdigit() or len(token) >= 4):
        return True
    for wrong, right in CONFUSIONS:
        start = lower.find(wrong)
        while start != -1:
            candidate = lower[:start] + right + lower[start + len(wrong) :]
            if candidate in known and (has_digit or len(candidate) >= 3):
                return True
            start = lower.find(wrong, start + 1)
    return False


@cache
def known_words() -> frozenset[str]:
    import yaml

    words = {word for word in _stop_words() if len(word) >= 2}
    spec = find_spec("extractors")
    folders = [Path(p) / "data" for p in (spec.submodule_search_locations or [])] if spec else []
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            for value in _strings(loaded):
                words.update(word.lower() for word in re.findall(r"[A-Za-z]{2,}", value))
    return frozenset(words)


def _stop_words() -> set[str]:
    """spaCy's English stop words, from their module's file: importing it through the package would
    load all of spaCy (0.6 s) into a worker that may only read a PDF."""
    from importlib.util import module_from_spec, spec_from_file_location

    spacy = find_spec("spacy")
    path = Path((spacy.submodule_search_locations or [""])[0]) / "lang" / "en" / "stop_words.py"
    spec = spec_from_file_location("_spacy_english_stop_words", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
