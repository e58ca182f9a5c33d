"""One blank English spaCy pipeline per process, and phrase matchers built from vocabularies.

No trained model is needed or downloaded: the pipeline only tokenises, and the rules and
vocabularies do the rest. Importing spaCy costs ~0.6 s and building the pipeline ~0.2 s, so both
happen on first use, once: a run that needs no tokenizer (`--version`, a re-run whose documents
come from the cache) never pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc


@cache
def nlp() -> spacy.language.Language:
    import spacy

    return spacy.blank("en")


def tokens(text: str) -> Doc:
    return nlp().make_doc(text)


def build_phrase_matcher(vocabulary: dict[str, Iterable[str]]) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher whose match ids are the vocabulary's labels."""
    from spacy.matcher import PhraseMatcher

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


@cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words.

    They live in a module of plain data (`spacy/lang/en/stop_words.py`) that imports nothing, but
    importing it the usual way imports the whole of spaCy first. So the module is run on its own,
    unless spaCy is already loaded; should that ever fail, the usual import gives the same set.
    """
    loaded = sys.modules.get("spacy.lang.en.stop_words")
    if loaded is None:
        try:
            return frozenset(_stop_words_module_alone().STOP_WORDS)
        except Exception:  # noqa: BLE001 - a layout we do not expect: import it the usual way
            pass
        from spacy.lang.en import stop_words as loaded
    return frozenset(loaded.STOP_WORDS)


def _stop_words_module_alone():
    from importlib.util import find_spec, module_from_spec, spec_from_file_location
    from pathlib import Path

    spacy_spec = find_spec("spacy")
    if spacy_spec is None or not spacy_spec.origin:
        raise ImportError("spaCy is not installed")
    path = Path(spacy_spec.origin).parent / "lang" / "en" / "stop_words.py"
    spec = spec_from_file_location("_dars_evidence_spacy_en_stop_words", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
