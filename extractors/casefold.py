"""Case-insensitive matching of lower-case vocabularies, several times faster, with the same matches.

Python's `re` under IGNORECASE cannot skip a branch of an alternation by its first character, so a
vocabulary of a few hundred phrases is tried phrase by phrase at every word of a document. Matched
case-sensitively, a branch that starts with a literal character is dismissed after one comparison.
So the text is folded once (`fold`), and the vocabulary, whose phrases are written in lower case,
is compiled without IGNORECASE with each phrase's first character written before its group
(`compile_alternation`).

Why the matches are the same: `fold` keeps the length of the text and changes only characters that
IGNORECASE equates with an ASCII letter, to that letter (A-Z, and four others: the Kelvin sign,
the long s, the dotted and the dotless i). A pattern whose literal characters are lower-case ASCII
or caseless (`foldable`) therefore matches at the same places in the folded text as it does with
IGNORECASE in the original; `\\w`, `\\s`, `\\d` and `\\b` see the same classes of characters in both.
`tests/extractors/test_casefold.py` checks the table against `re` itself over every code point.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters outside ASCII that IGNORECASE matches to an ASCII letter, and that letter.
NON_ASCII_FOLDS = {"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"}
FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, **NON_ASCII_FOLDS})
# Escapes a foldable pattern may not use: they can name a cased character by number.
NUMERIC_ESCAPE = re.compile(r"\\(?:[xuUN0-9])")
INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z]*[aiLmsux]")


@lru_cache(maxsize=2048)
def fold(text: str) -> str:
    """`text` with every character that IGNORECASE equates with an ASCII letter made that letter
    in lower case; the same length, so offsets carry over.

    `str.lower` does that (and lowers other letters, which no foldable pattern tells apart) unless
    the text holds a character it lengthens (the dotted I) or leaves alone (the long s, the dotless
    i); then the table does it, more slowly."""
    lowered = text.lower()
    if len(lowered) == len(text) and (text.isascii() or not ("\u017f" in text or "\u0131" in text)):
        return lowered
    return text.translate(FOLD)


def foldable(source: str) -> bool:
    """True when `source` can be matched case-sensitively in folded text with the same result as
    with IGNORECASE in the original: its literals are lower case or caseless."""
    outside_escapes = re.sub(r"\\.", "", source)
    return (
        not NUMERIC_ESCAPE.search(source)
        and not INLINE_FLAGS.search(source)
        and all("a" <= ch <= "z" or ch.lower() == ch == ch.upper() for ch in outside_escapes)
        and "(?P=" not in source
    )


def compile_alternation(
    entries: list[tuple[str, str]], before: str = r"(?<!\w)", after: str = r"(?!\w)"
) -> re.Pattern[str] | None:
    """`before(?:(?P<name>phrase)|...)after` for (name, phrase) entries, to be matched in folded
    text; a phrase that starts with a plain literal character has it written before its group, so
    that `re` can dismiss the branch at once. None when a phrase is not foldable: then the caller
    keeps matching with IGNORECASE.

    The match's span and `lastgroup` are those of the IGNORECASE alternation; the group's own span
    is not (it lacks the first character), so callers use only those."""
    if not all(foldable(phrase) for _, phrase in entries) or not foldable(before + after):
        return None
    branches = []
    for name, phrase in entries:
        first = _plain_first_character(phrase)
        branches.append(f"{first}(?P<{name}>{phrase[1:]})" if first else f"(?P<{name}>{phrase})")
    return re.compile(before + "(?:" + "|".join(branches) + ")" + after)


def _plain_first_character(phrase: str) -> str | None:
    """The phrase's first character when it is a literal that can stand outside the phrase's group:
    a lower-case letter, digit or space, with no quantifier after it and no `|` at the top level."""
    if not phrase or not (
        phrase[0].isascii() and (phrase[0].islower() or phrase[0].isdigit() or phrase[0] == " ")
    ):
        return None
    if phrase[1:2] in ("?", "*", "+", "{") or _top_level_bar(phrase):
        return None
    return phrase[0]


def _top_level_bar(phrase: str) -> bool:
    depth, index, in_class = 0, 0, False
    while index < len(phrase):
        ch = phrase[index]
        if ch == "\\":
            index += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if phrase[index + 1 : index + 2] == "^":
                index += 1
            if phrase[index + 1 : index + 2] == "]":  # a ']' first in a class is a literal
                index += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        index += 1
    return False
