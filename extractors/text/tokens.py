"""Words and punctuation as tokens, and phrases matched token by token, case-insensitively.

The identifier rules look at the words around a phrase ("*your* name", "name *of the patient*",
"*file* name") and match a vocabulary on whole tokens, so "names" is not found in "surnames".
spaCy's tokenizer did this at a cost of about a second per process (importing spaCy and building
its pipeline), more than the rest of a single-document check. The rules need far less than spaCy's
English tokenizer, so this module keeps the parts of its behaviour they depend on:

- words are runs of word characters (`\\w+`); every other visible character is a token of its own
  ("post-code" is `post - code`, "(D.O.B.)" is `( D . O . B . )`);
- a possessive is split off as `'s` or `'` ("patient's" is `patient 's`), and a negation as `n't`
  ("don't" is `do n't`);
- one plain space separates tokens; any other run of white space (a line break, a tab, a second
  space) is a token, so a phrase never matches across a line break and the word before an item at
  the start of a line is that break, not the last word of the line above.

Phrases are tokenised the same way as the text, so the vocabulary needs no special spellings.
`tests/extractors/test_tokens.py` compares the matches with spaCy's PhraseMatcher over the
sample documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

TOKEN = re.compile(r"[’']s(?!\w)|\w+?(?=n[’']t(?!\w))|n[’']t(?!\w)|\w+| (?= )|[^\S ]\s*|[^\w\s]")


class Token(NamedTuple):
    text: str
    idx: int  # character offset of the token in the text tokenised
    lower_: str

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, in order; single spaces between them are not tokens."""
    return [Token(m.group(), m.start(), m.group().lower()) for m in TOKEN.finditer(text)]


class PhraseMatcher:
    """Finds the phrases of a vocabulary in a token list, comparing lower-cased tokens."""

    def __init__(self, vocabulary: dict[str, Iterable[str]]):
        self._labels: dict[tuple[str, ...], str] = {}
        self._lengths: dict[str, set[int]] = {}  # first token -> lengths of phrases starting with it
        for label, phrases in vocabulary.items():
            for phrase in phrases:
                key = tuple(token.lower_ for token in tokenize(phrase))
                if key:
                    self._labels.setdefault(key, label)
                    self._lengths.setdefault(key[0], set()).add(len(key))

    def matches(self, tokens: list[Token]) -> Iterator[tuple[str, int, int]]:
        """(label, first token, end token) for every phrase found, overlapping ones included."""
        lowers = [token.lower_ for token in tokens]
        for first, word in enumerate(lowers):
            for length in self._lengths.get(word, ()):
                key = tuple(lowers[first : first + length])
                if len(key) == length and key in self._labels:
                    yield self._labels[key], first, first + length

    def longest(self, tokens: list[Token]) -> list[tuple[str, int, int]]:
        """(label, first token, end token) for each match, longest first where matches overlap."""
        found = sorted(self.matches(tokens), key=lambda m: (tokens[m[1]].idx, -tokens[m[2] - 1].end))
        chosen, taken_until = [], -1
        for label, first, end in found:
            if tokens[first].idx < taken_until:
                continue
            taken_until = tokens[end - 1].end
            chosen.append((label, first, end))
        return chosen
