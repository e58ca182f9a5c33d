"""The vocabularies are data: these tests keep them loadable, well-typed and in step with the code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extractors.documents.identifiers import _windows
from extractors.names.identifier_vocabulary import VOCABULARY

DATA = Path(__file__).resolve().parents[2] / "extractors" / "data"


def _leaves(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, list):
        yield from node
    elif node is not None:
        yield node


@pytest.mark.parametrize("name", ["identifiers.yaml", "organisations.yaml", "datasets.yaml"])
def test_vocabularies_hold_only_words(name) -> None:
    """YAML reads a bare `on`, `no` or `yes` as a boolean: every entry must stay a string."""
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    odd = [leaf for leaf in _leaves(data) if not isinstance(leaf, str)]
    assert odd == []


@pytest.mark.parametrize(
    ("label", "phrase"), [(label, phrase) for label, phrases in VOCABULARY.items() for phrase in phrases]
)
def test_vocabularies_every_identifier_phrase_passes_the_cheap_test(label, phrase) -> None:
    """Only text around a candidate word is tokenised: a phrase the cheap test misses is never found."""
    text = f"We will send the {phrase} to NHS England."
    windows = _windows(text)
    start = text.index(phrase)
    assert any(left <= start and start + len(phrase) <= right for left, right in windows), phrase
