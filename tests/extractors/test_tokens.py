"""The tokenizer of the identifier rules against spaCy's, which it replaces for speed.

spaCy stays the reference: on tricky strings and on every block of the two baseline sample
bundles, the vocabulary's phrases are found at the same places as by spaCy's PhraseMatcher, and
the words around each one (which the rules read) are the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.names.identifier_vocabulary import VOCABULARY
from extractors.text.spans import join_soft_breaks
from extractors.text.tokens import PhraseMatcher, tokenize
from pipeline.bundle import open_bundle
from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import load_document
from pipeline.model import Status

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs" / "bundles"
BASELINES = ("s251-baseline", "consent-baseline")
BEFORE, AFTER = 2, 5  # how far the identifier rules look either side of a phrase

TRICKY = [
    "The patient's name, D.O.B. and NHS No. 943 476 5919 will be sent.",
    "Name of the study: CAPRA. Participants' names and addresses are not collected.",
    "forename(s), surname(s), NHS/CHI number; H&C number and post-code",
    "date of\nbirth is on a new line;  name after two spaces,\tgender after a tab",
    "e-mail address, file name, month/year of birth, date-of-birth, DOB",
    "It’s the participant’s home address; we don't address the question.",
    "Name:\n\nAddress:\nPostcode: AB1 2CD",
    "NHS # and NHS#, NHS ID, GP practice code, registered GP practice",
]


@pytest.fixture(scope="module")
def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.blank("en")


@pytest.fixture(scope="module")
def spacy_matcher(spacy_nlp):
    from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

    matcher = SpacyPhraseMatcher(spacy_nlp.vocab, attr="LOWER")
    for label, phrases in VOCABULARY.items():
        matcher.add(label, [spacy_nlp.make_doc(phrase) for phrase in phrases])
    return matcher


def spacy_view(nlp, matcher, text: str) -> list[tuple[str, int, int, list[str], list[str]]]:
    """(label, start, end, words before, words after), longest match first where they overlap."""
    doc = nlp.make_doc(text)
    spans = sorted(
        ((nlp.vocab.strings[key], doc[first:end]) for key, first, end in matcher(doc)),
        key=lambda item: (item[1].start_char, -(item[1].end_char - item[1].start_char)),
    )
    view, taken_until = [], -1
    for label, span in spans:
        if span.start_char < taken_until:
            continue
        taken_until = span.end_char
        before = [t.lower_ for t in doc[max(0, span.start - BEFORE) : span.start]]
        after = [t.lower_ for t in doc[span.end : span.end + AFTER]]
        view.append((label, span.start_char, span.end_char, before, after))
    return view


def our_view(text: str) -> list[tuple[str, int, int, list[str], list[str]]]:
    tokens = tokenize(text)
    view = []
    for label, first, end in PhraseMatcher(VOCABULARY).longest(tokens):
        before = [t.lower_ for t in tokens[max(0, first - BEFORE) : first]]
        after = [t.lower_ for t in tokens[end : end + AFTER]]
        view.append((label, tokens[first].idx, tokens[end - 1].end, before, after))
    return view


def comparable(view):
    """Context words compared up to a token spaCy keeps whole and the rules never list: an
    abbreviation or address with dots or an @ ("e.g.", "www.nhs.uk"), or "surname(s"."""
    return [(label, start, end, _words(before), _words(after)) for label, start, end, before, after in view]


def _words(tokens: list[str]) -> list[str]:
    kept = []
    for token in tokens:
        if len(token) > 1 and not (token.isalnum() or token.isspace() or token in ("'s", "’s", "n't", "n’t")):
            break
        kept.append(token)
    return kept


def test_tokens_keep_offsets_and_split_possessives():
    text = "the patient's  post-code\nwon't"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["the", "patient", "'s", " ", "post", "-", "code", "\n", "wo", "n't"]
    assert all(text[t.idx : t.end] == t.text for t in tokens)


def test_phrases_match_whole_tokens_only():
    tokens = tokenize("Surnames and file names")
    assert [label for label, _, _ in PhraseMatcher(VOCABULARY).longest(tokens)] == ["name", "name"]
    assert PhraseMatcher({"name": ["name"]}).longest(tokenize("surname")) == []


@pytest.mark.parametrize("text", TRICKY)
def test_same_matches_and_context_as_spacy_on_tricky_text(spacy_nlp, spacy_matcher, text):
    ours = our_view(text)
    theirs = spacy_view(spacy_nlp, spacy_matcher, text)
    assert [m[:3] for m in ours] == [m[:3] for m in theirs]
    for mine, reference in zip(comparable(ours), comparable(theirs), strict=True):
        assert mine[3][-len(reference[3]) :] == reference[3] or not reference[3]
        assert mine[4][: len(reference[4])] == reference[4]


def test_same_matches_as_spacy_on_the_baseline_bundles(spacy_nlp, spacy_matcher):
    compared = 0
    for name in BASELINES:
        with open_bundle(SAMPLES / name, DEFAULT_LIMITS) as bundle:
            for file in bundle.files:
                document = load_document(file, DEFAULT_LIMITS)
                if document.status is not Status.OK:
                    continue
                for block in document.parsed.blocks:
                    text = join_soft_breaks(block.text)
                    ours, theirs = our_view(text), spacy_view(spacy_nlp, spacy_matcher, text)
                    assert [m[:3] for m in ours] == [m[:3] for m in theirs], (file.path, block.index)
                    compared += len(theirs)
    assert compared > 50  # the baselines name identifiers many times
