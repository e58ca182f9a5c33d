from __future__ import annotations

from extractors.text.negation import is_negated
from extractors.text.spans import quote_around, sentence_bounds


def test_sentence_starting_at_the_match_does_not_include_the_one_before() -> None:
    text = "We will not contact you by phone. Newsletters are sent each spring."
    start = text.index("Newsletters")
    assert text[slice(*sentence_bounds(text, start, start + 11))] == "Newsletters are sent each spring."
    assert not is_negated(text, start, start + 11)


def test_quote_is_the_sentence_around_the_match() -> None:
    text = "Dear Dr Lee. The committee supported linkage by NHS England. Yours sincerely"
    start = text.index("linkage")
    assert quote_around(text, start, start + 7) == "The committee supported linkage by NHS England."
