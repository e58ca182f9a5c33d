"""negation.masked_text tries its patterns only where a match can start: the words it lists must
cover every way each pattern can begin, and the result must be `sub`'s."""

from __future__ import annotations

import random
import re
from re import _constants as sre
from re import _parser

import pytest

from extractors.text import negation
from extractors.text.negation import (
    FALSE_CUE_STARTS,
    FALSE_CUES,
    HARMLESS_NEGATIONS,
    HARMLESS_STARTS,
    masked_text,
)

WORD_BEHIND = [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def openings(items: list, bounded: bool = False, prefix: str = "") -> set[tuple[str, bool]]:
    """(letters, bounded) for every way a match of the parsed `items` can begin: the word
    characters it must start with, and whether a word boundary comes before them."""
    for index, (op, av) in enumerate(items):
        rest = list(items[index + 1 :])
        if op is sre.AT:
            bounded = bounded or (av is sre.AT_BOUNDARY and not prefix)
        elif op is sre.ASSERT_NOT and av[0] == -1 and list(av[1]) == WORD_BEHIND:
            bounded = bounded or not prefix
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        elif op is sre.LITERAL and chr(av).isascii() and (chr(av).isalnum() or chr(av) == "_"):
            prefix += chr(av).lower()
        elif op is sre.BRANCH:
            return set().union(*(openings(list(alt) + rest, bounded, prefix) for alt in av[1]))
        elif op is sre.SUBPATTERN:
            return openings(list(av[3]) + rest, bounded, prefix)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            taken = openings(list(av[2]), bounded, prefix)
            return taken | openings(rest, bounded, prefix) if av[0] == 0 else taken
        else:
            return {(prefix, bounded)}
    return {(prefix, bounded)}


@pytest.mark.parametrize(
    ("pattern", "starts"), [(FALSE_CUES, FALSE_CUE_STARTS), (HARMLESS_NEGATIONS, HARMLESS_STARTS)]
)
def test_negation_starts_cover_every_opening_of_the_pattern(pattern: re.Pattern, starts) -> None:
    found = openings(list(_parser.parse(pattern.pattern, pattern.flags)))
    assert found
    for letters, bounded in found:
        assert bounded and letters, (letters, bounded)
        assert any(letters.startswith(start) for start in starts), letters


def test_negation_masked_text_is_what_sub_gives() -> None:
    def blank(match: re.Match) -> str:
        return " " * len(match.group(0))

    vocabulary = (
        "if unless should whether in case where will would does do shall can could won't doesn't wouldn't "
        "without not don't cannot can't no longer with once after when tick select yes No NOT YES \u017fhould "
        "\u0130f \u212aeep affect affected identify identified removed stripped omitted names details that your "
        "any be able to used directly personally later than more only matter least objection hesitate nothing "
        "fix , . ; \u2610 or - for profit cost charge send we"
    )
    words = vocabulary.split(" ")
    rng = random.Random(6)
    for _ in range(4000):
        text = "".join(
            rng.choice(words) + rng.choice([" ", " ", "  ", "\n", ""]) for _ in range(rng.randint(1, 16))
        )
        expected = HARMLESS_NEGATIONS.sub(blank, FALSE_CUES.sub(blank, text))
        assert masked_text(text) == expected, text


def test_negation_masked_text_of_a_sentence() -> None:
    text = "If you do not want your records used, tell us; we will not send your name."
    masked = masked_text(text)
    assert len(masked) == len(text)
    assert "do not want" not in masked and "will not send your name" in masked
    assert negation.is_negated(text, text.index("name"), text.index("name") + 4)
