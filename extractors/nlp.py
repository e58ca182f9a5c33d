"""One blank English spaCy pipeline per process, and phrase matchers built from vocabularies.

No trained model is needed or downloaded: the pipeline only tokenises, and the rules and
vocabularies do the rest. Building the pipeline costs ~0.3 s, so it happens once, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


@cache
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def tokens(text: str) -> Doc:
    return nlp().make_doc(text)


def build_phrase_matcher(vocabulary: dict[str, Iterable[str]]) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher whose match ids are the vocabulary's labels."""
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    for label, phrases in vocabulary.items():
        matcher.add(label, [tokens(phrase) for phrase in phrases])
    return matcher


def phrase_matches(matcher: PhraseMatcher, doc: Doc) -> Iterator[tuple[str, int, int]]:
    """(label, start char, end char) for each match, longest first where matches overlap."""
    spans = [(doc.vocab.strings[match_id], doc[start:end]) for match_id, start, end in matcher(doc)]
    spans.sort(key=lambda item: (item[1].start_char, -(item[1].end_char - item[1].start_char)))
    taken_until = -1
    for label, span in spans:
        if span.start_char < taken_until:
            continue
        taken_until = span.end_char
        yield label, span.start_char, span.end_char
