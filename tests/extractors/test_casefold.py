"""extractors/text/casefold.py: folded text matched case-sensitively finds what IGNORECASE finds."""

from __future__ import annotations

import random
import re

import pytest

from extractors.documents.kinds import vocabulary
from extractors.text.casefold import FOLD, NON_ASCII_FOLDS, compile_alternation, fold, foldable

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
CLASSES = (r"\w", r"\s", r"\d")


def positions(pattern: str, text: str, flags: int = 0) -> list[int]:
    return [m.start() for m in re.finditer(pattern, text, flags)]


def test_fold_table_is_what_ignorecase_equates_with_ascii_letters() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        equal = {EVERY_CHARACTER[i] for i in positions(letter, EVERY_CHARACTER, re.IGNORECASE)}
        assert equal == {letter, letter.upper()} | {c for c, to in NON_ASCII_FOLDS.items() if to == letter}


def test_fold_table_keeps_length_and_the_classes_of_every_character() -> None:
    folded = EVERY_CHARACTER.translate(FOLD)
    assert len(folded) == len(EVERY_CHARACTER)
    for cls in CLASSES:
        assert positions(cls, folded) == positions(cls, EVERY_CHARACTER)


def test_fold_by_lower_agrees_with_the_table_wherever_it_is_used() -> None:
    """`str.lower` is used when it keeps the length and there is no long s or dotless i: it must
    then give every character the table folds the table's letter, and keep the classes."""
    usable = "".join(c for c in EVERY_CHARACTER if len(c.lower()) == 1 and c not in "\u017f\u0131")
    lowered = usable.lower()
    assert len(lowered) == len(usable)
    table = usable.translate(FOLD)
    for a, b, original in zip(lowered, table, usable, strict=True):
        if b.isascii() or a.isascii():
            assert a == b, original  # the ASCII letters foldable patterns tell apart
    for cls in CLASSES:
        assert positions(cls, lowered) == positions(cls, usable)


@pytest.mark.parametrize(
    "text",
    [
        "plain ascii",
        "MiXeD Case",
        "\u212aelvin \u017fign",
        "\u0130stanbul \u0131",
        "caf\u00e9 \u2013 \u2019s",
    ],
)
def test_fold_keeps_the_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold(text) == fold(text).lower() or not text.isascii()


def test_foldable_accepts_lower_case_vocabulary_and_refuses_what_could_differ() -> None:
    assert foldable(r"confidentiality\s+advisory\s+group")
    assert foldable(r"cag (?:reference|ref)\b[\W_]{0,3}")
    assert foldable("patient\u2019s notes")  # a caseless character
    assert not foldable("Section 251")  # an upper-case literal
    assert not foldable(r"\x53ection")  # a character named by number
    assert not foldable(r"(?i)section")
    assert not foldable("caf\u00e9")  # a cased letter outside ASCII
    assert not foldable(r"[A-Z]\w+")


def test_compile_alternation_matches_the_ignorecase_alternation() -> None:
    entries = [
        ("g0", "section 251"),
        ("g1", r"(?:fully|provisionally) supported"),
        ("g2", "support"),
        ("g3", r"s251\s+support"),
        ("g4", "dear "),
        ("g5", "a|b c"),  # a bar at the top level: its first character must stay in the group
        ("g6", r"k?ey"),
    ]
    fast = compile_alternation(entries)
    slow = re.compile(
        r"(?<!\w)(?:" + "|".join(f"(?P<{n}>{p})" for n, p in entries) + r")(?!\w)", re.IGNORECASE
    )
    assert fast is not None
    words = ["Section", "251", "SUPPORT", "\u017fupport", "fully", "Provi\u017fionally", "supported", "S251",
             "dear", "Dear", "a", "b", "c", "B", "\u212aey", "ey", "key", "\u0130", "-", ",", "  "]  # fmt: skip
    rng = random.Random(251)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        expected = [(m.span(), m.lastgroup) for m in slow.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in fast.finditer(fold(text))] == expected, text


def test_kind_vocabulary_is_matched_folded() -> None:
    vocab = vocabulary()
    assert vocab.title.folded and vocab.body.folded and vocab.subtypes.folded
