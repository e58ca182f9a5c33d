from __future__ import annotations

import pytest

from extractors.text.negation import is_negated as negated
from extractors.text.spans import join_soft_breaks as flowed
from extractors.text.spans import sentence_bounds as sentence_span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we will not\nreceive your name", "we will not receive your name"),
        ("your name, address,\nNHS number", "your name, address, NHS number"),
        ("linked by the\nNHS England team", "linked by the NHS England team"),
        ("Identifiers\nNHS number\nPostcode", "Identifiers\nNHS number\nPostcode"),
        ("The data are kept.\nYour name is not.", "The data are kept.\nYour name is not."),
    ],
)
def test_soft_breaks_joined_only_where_a_sentence_runs_on(text, expected) -> None:
    assert flowed(text) == expected
    assert len(flowed(text)) == len(text)


def test_negation_does_not_leak_from_the_sentence_before() -> None:
    text = "We will not share data with insurers. Names will be sent to NHS England."
    start = text.index("Names")
    assert not negated(text, start, start + 5)
    assert sentence_span(text, start, start + 5) == (start, len(text))


def test_purpose_clause_after_a_mention_does_not_negate_it() -> None:
    text = "We link your hospital records, so that we cannot tell who you are."
    start = text.index("hospital records")
    assert not negated(text, start, start + 16)


@pytest.mark.parametrize(
    "text",
    ["Your name will not be sent.", "No names are kept.", "We do not hold your name, which is removed."],
)
def test_negation_in_the_mentions_own_clause(text) -> None:
    start = text.lower().index("name")
    assert negated(text, start, start + 4)


@pytest.mark.parametrize("joint", ["from which", "in which", "of which", "to whom", "by which"])
def test_a_relative_clause_led_by_a_preposition_keeps_its_denial_to_itself(joint) -> None:
    """Class: prepositional relative clauses are subordinate joints, like ", which"."""
    text = f"NHS England will link the records, and return an extract, {joint} the names have been removed."
    start = text.index("link")
    assert not negated(text, start, start + 4)
    names = text.index("names")
    assert negated(text, names, names + 5)  # the denial still holds inside its own clause


def test_a_denial_before_a_prepositional_relative_clause_still_negates() -> None:
    text = "NHS England will not link the records, from which the names have been removed."
    start = text.index("link")
    assert negated(text, start, start + 4)
