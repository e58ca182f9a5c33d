"""Case-insensitive matching of lower-case vocabularies, several times faster, with the same matches.

Python's `re` under IGNORECASE cannot skip a branch of an alternation by its first character, so a
vocabulary of a few hundred phrases is tried phrase by phrase at every word of a document. Matched
case-sensitively, a branch that starts with a literal character is dismissed after one comparison.
So the text is folded once (`fold`), and the vocabulary, whose phrases are written in lower case,
is compiled without IGNORECASE with each phrase's first character written before its group
(`compile_alternation`). Any other IGNORECASE pattern gets the same treatment from `compile_folded`:
its ASCII letters are written in lower case (the same pattern, under IGNORECASE), and when it is
then foldable it is matched case-sensitively in the folded text, with match objects that read their
groups from the original text, so callers see the words as written. Two more rewritings, each
exact, let `re` skip ahead: `lead_with_literals` moves a leading `\\b` after the literal it guards
and gathers alternatives by their first character, and `needles` names strings one of which every
match holds, so that a long stretch of text without any of them is not searched at all.

Why the matches are the same: `fold` keeps the length of the text and changes only characters that
IGNORECASE equates with an ASCII letter, to that letter (A-Z, and four others: the Kelvin sign,
the long s, the dotted and the dotless i). A pattern whose literal characters are lower-case ASCII
or caseless (`foldable`) therefore matches at the same places in the folded text as it does with
IGNORECASE in the original; `\\w`, `\\s`, `\\d` and `\\b` see the same classes of characters in both.
`tests/extractors/test_casefold.py` checks the table against `re` itself over every code point.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from re import _constants, _parser
from typing import Any

# Characters outside ASCII that IGNORECASE matches to an ASCII letter, and that letter.
NON_ASCII_FOLDS = {"\u212a": "k", "\u017f": "s", "\u0130": "i", "\u0131": "i"}
FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, **NON_ASCII_FOLDS})
# Inline flags a foldable pattern may not set: they change how it treats case.
CASE_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE
# A class range longer than this is not read character by character: it is taken as unsafe.
LONGEST_RANGE = 0x3000


# Texts at least this long are folded once and remembered (a block's text is searched by several
# extractors); shorter ones, mostly slices around a match, are folded each time, which costs less
# than remembering them and would push the long ones out of the cache.
CACHED_LENGTH = 200


def fold(text: str) -> str:
    """`text` with every character that IGNORECASE equates with an ASCII letter made that letter
    in lower case; the same length, so offsets carry over.

    `str.lower` does that (and lowers other letters, which no foldable pattern tells apart) unless
    the text holds a character it lengthens (the dotted I) or leaves alone (the long s, the dotless
    i); then the table does it, more slowly."""
    if len(text) >= CACHED_LENGTH:
        return _fold_cached(text)
    return text.lower() if text.isascii() else _fold(text)


def _fold(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text) and (text.isascii() or not ("\u017f" in text or "\u0131" in text)):
        return lowered
    return text.translate(FOLD)


_fold_cached = lru_cache(maxsize=2048)(_fold)


def foldable(source: str) -> bool:
    """True when `source` can be matched case-sensitively in folded text with the same result as
    with IGNORECASE in the original: every character it names, alone or in a class range, is a
    lower-case ASCII letter or caseless; it sets no flag about case and refers back to no group."""
    try:
        parsed = _parser.parse(source, 0)
    except re.error:
        return False
    return not parsed.state.flags & CASE_FLAGS and _foldable_items(parsed)


def _plain(code: int) -> bool:
    ch = chr(code)
    return "a" <= ch <= "z" or ch.lower() == ch == ch.upper()


def _foldable_items(items) -> bool:
    for op, av in items:
        if op in (_constants.LITERAL, _constants.NOT_LITERAL):
            if not _plain(av):
                return False
        elif op is _constants.IN:
            for item_op, item_av in av:
                if item_op is _constants.LITERAL and not _plain(item_av):
                    return False
                if item_op is _constants.RANGE:
                    low, high = item_av
                    if high - low > LONGEST_RANGE or not all(map(_plain, range(low, high + 1))):
                        return False
        elif op is _constants.SUBPATTERN:
            _, add_flags, del_flags, body = av
            if (add_flags | del_flags) & CASE_FLAGS or not _foldable_items(body):
                return False
        elif op is _constants.BRANCH:
            if not all(_foldable_items(branch) for branch in av[1]):
                return False
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            if not _foldable_items(av[2]):
                return False
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            if not _foldable_items(av[1]):
                return False
        elif op is _constants.ATOMIC_GROUP:
            if not _foldable_items(av):
                return False
        elif op not in (_constants.AT, _constants.ANY):
            return False  # a back reference, a conditional group, anything not foreseen
    return True


def compile_alternation(
    entries: list[tuple[str, str]], before: str = r"(?<!\w)", after: str = r"(?!\w)"
) -> re.Pattern[str] | None:
    """`before(?:(?P<name>phrase)|...)after` for (name, phrase) entries, to be matched in folded
    text; the plain literal characters a phrase starts with are written before its group, so that
    `re` can dismiss the branch at once, and the branches are gathered by those characters
    (`lead_with_literals`). None when a phrase is not foldable: then the caller keeps matching with
    IGNORECASE.

    The match's span and `lastgroup` are those of the IGNORECASE alternation; the group's own span
    is not (it lacks the characters written before it), so callers use only those."""
    if not all(foldable(phrase) for _, phrase in entries) or not foldable(before + after):
        return None
    branches = []
    for name, phrase in entries:
        prefix = _plain_prefix(phrase)
        branches.append(f"{prefix}(?P<{name}>{phrase[len(prefix) :]})")
    return re.compile(lead_with_literals(before + "(?:" + "|".join(branches) + ")" + after))


PLAIN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -',/&:;\u2019")


def _plain_prefix(phrase: str) -> str:
    """The literal characters the phrase starts with that can stand outside the phrase's group:
    lower-case letters, digits, spaces and some punctuation, none with a quantifier after it; none
    if the phrase has a `|` at the top level."""
    if _top_level_bar(phrase):
        return ""
    length = 0
    while (
        length < len(phrase)
        and phrase[length] in PLAIN_CHARACTERS
        and phrase[length + 1 : length + 2] not in ("?", "*", "+", "{")
    ):
        length += 1
    return phrase[:length]


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


# --- any IGNORECASE pattern ----------------------------------------------------------------------


def compile_folded(source: str, flags: int = 0) -> re.Pattern[str] | DeferredPattern:
    """`folded_pattern(source, flags)`, prepared on first use: reading, rewriting and compiling
    the extractors' 150 patterns took ~0.2 s at import, paid by runs that use few of them (one
    document, a re-run from the cache). A pattern without IGNORECASE is compiled at once."""
    source, flags = _leading_flag(source, flags)
    if not _may_fold(flags):
        return re.compile(source, flags)
    return DeferredPattern(source, flags)


def _leading_flag(source: str, flags: int) -> tuple[str, int]:
    """A leading `(?i)` taken out of the source into the flags."""
    if source.startswith("(?i)"):
        return source[4:], flags | re.IGNORECASE
    return source, flags


def _may_fold(flags: int) -> bool:
    """IGNORECASE, without a flag that changes what folding would have to mirror."""
    return bool(flags & re.IGNORECASE) and not flags & (re.ASCII | re.VERBOSE | re.LOCALE)


class DeferredPattern:
    """A `folded_pattern` made on first use; from then on its methods are the made pattern's own.
    `pattern` and `flags` are known at once, so that other patterns can be built from it."""

    METHODS = (
        "search",
        "match",
        "fullmatch",
        "finditer",
        "findall",
        "sub",
        "subn",
        "search_folded",
        "finditer_folded",
        "groups",
        "groupindex",
        "needles",
        "folded",
    )

    def __init__(self, source: str, flags: int):
        self.pattern = source
        self.flags = flags
        DEFERRED.append(self)

    def __getattr__(self, name: str) -> Any:
        """Called only for a name not yet set: the first use. Makes the pattern and takes its
        methods as this object's own, so later calls go straight to them."""
        if name not in self.METHODS or "made" in self.__dict__:
            raise AttributeError(name)  # not a pattern's, or one the made pattern lacks
        made = folded_pattern(self.pattern, self.flags)
        for method in self.METHODS:
            if hasattr(made, method):
                setattr(self, method, getattr(made, method))
        self.made = made
        return getattr(made, name)

    def __repr__(self) -> str:
        return f"compile_folded({self.pattern!r}, {self.flags!r})"


DEFERRED: list[DeferredPattern] = []


def prepare_deferred() -> None:
    """Make every deferred pattern now: for a process that will fork workers, so that each worker
    starts with them made instead of making them itself."""
    for pattern in DEFERRED:
        pattern.search("")


def folded_pattern(source: str, flags: int = 0) -> re.Pattern[str] | FoldedPattern:
    """`re.compile(source, flags)`, matched in folded text where that gives the same result.

    With IGNORECASE (in `flags`, or a leading `(?i)`), the pattern's ASCII letters are written in
    lower case (`lower_literals`); if it is then `foldable`, a `FoldedPattern` is returned: it
    finds the same matches, spans and groups as the IGNORECASE pattern, several times faster.
    Otherwise (no IGNORECASE, the ASCII flag, a construct that could differ) the compiled pattern
    itself is returned."""
    source, flags = _leading_flag(source, flags)
    if not _may_fold(flags):
        return re.compile(source, flags)
    lowered = lower_literals(source)
    if lowered is None or not foldable(lowered):
        return re.compile(source, flags)
    found = needles(lowered)
    return FoldedPattern(
        source,
        flags,
        re.compile(lead_with_literals(lowered), flags & ~re.IGNORECASE),
        found if found is not None and len(found) <= MOST_NEEDLES else None,
    )


def compile_led(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)` for a pattern matched as it is (not folded): written by
    `lead_with_literals` unless it ignores case (then two alternatives that start with "a" and "A"
    could match at the same place, and their order matters)."""
    if flags & re.IGNORECASE or source.startswith("(?i)"):
        return re.compile(source, flags)
    return re.compile(lead_with_literals(source), flags)


def lower_literals(source: str) -> str | None:
    """`source` with its upper-case ASCII letters written in lower case, which under IGNORECASE is
    the same pattern: escapes (`\\S`, `\\W`, `\\B`), group names and inline flags are kept. None
    where lowering could change what a class holds (a range such as `A-z`) or the pattern names a
    character a way this does not read (`\\N{...}`)."""
    out: list[str] = []
    index, length = 0, len(source)
    while index < length:
        ch = source[index]
        if ch == "\\":
            if source[index + 1 : index + 2] == "N":
                return None
            out.append(source[index : index + 2])
            index += 2
        elif ch == "[":
            end = _class_end(source, index)
            if end is None:
                return None
            lowered = _lower_class(source[index:end])
            if lowered is None:
                return None
            out.append(lowered)
            index = end
        elif source.startswith("(?P<", index) or source.startswith("(?P=", index):
            end = source.find(">" if source[index + 3] == "<" else ")", index)
            if end == -1:
                return None
            out.append(source[index : end + 1])
            index = end + 1
        elif source.startswith("(?i:", index):
            out.append("(?:")  # the whole pattern ignores case already
            index += 4
        elif source.startswith("(?", index) and (
            source[index + 2 : index + 3].isalpha() or source[index + 2] == "-"
        ):
            return None  # other inline flags: "(?s:...)", "(?-i:...)"
        else:
            out.append(ch.lower() if "A" <= ch <= "Z" else ch)
            index += 1
    return "".join(out)


def _class_end(source: str, start: int) -> int | None:
    """The index just after the character class that opens at `start`."""
    index = start + 1
    if source[index : index + 1] == "^":
        index += 1
    if source[index : index + 1] == "]":
        index += 1  # a ']' first in a class is a literal
    while index < len(source):
        if source[index] == "\\":
            index += 2
        elif source[index] == "]":
            return index + 1
        else:
            index += 1
    return None


def _lower_class(cls: str) -> str | None:
    """A character class with its upper-case ASCII letters in lower case; None when one is the end
    of a range whose other end is not an upper-case ASCII letter."""
    body_start = 2 if cls.startswith("[^") else 1
    items: list[str] = []
    index = body_start
    while index < len(cls) - 1:
        if cls[index] == "\\":
            items.append(cls[index : index + 2])
            index += 2
        else:
            items.append(cls[index])
            index += 1
    upper = [len(item) == 1 and "A" <= item <= "Z" for item in items]
    for position, item in enumerate(items):
        if item == "-" and 0 < position < len(items) - 1 and upper[position - 1] != upper[position + 1]:
            return None  # "A-z": lowering one end would change the range
    return (
        cls[:body_start]
        + "".join(item.lower() if up else item for item, up in zip(items, upper, strict=True))
        + "]"
    )


def lead_with_literals(source: str) -> str:
    """The same pattern, written so that `re` can dismiss most places where it cannot match with
    one comparison: a word boundary (`\\b`) or a one-character lookbehind (`(?<!\\w)`) before a
    literal word character is moved after it (`\\bdata` is written `d(?<!\\wd)ata`, the same test
    of the same characters), into each alternative of a group it stands before (`\\b(?:x|y)` is
    `(?:\\bx|\\by)`), and the alternatives of a group that then all start with a literal character
    are gathered by that character (`(?:no|never|without)` is `(?:n(?:o|ever)|without)`: two
    alternatives that start with different characters cannot both match at one place, so their
    order does not matter; those that start with the same one keep theirs).

    `re` skips a branch that starts with a literal after one comparison, and scans ahead for the
    first characters of an alternation whose branches all start with one; a leading assertion
    makes it enter every branch at every character. Where every alternative starts with the same
    assertion (`\\b(?:...)|\\b(?:...)`), `re` already tests it once for all of them, so they are
    left as they are unless all of them can be made to start with a literal. The source is
    returned unchanged where it holds something this does not read."""
    try:
        alternatives, end = _alternatives(source, 0)
    except ValueError:
        return source
    if end != len(source):
        return source
    return _render(_transform(alternatives))


_ESCAPE = re.compile(
    r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)", re.DOTALL
)
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d+(?:,\d*)?\}|\{,\d+\})[?+]?")
_OPENER = re.compile(r"\((?:\?(?:P<\w+>|[:=!>]|<[=!]))?")
_WORD_LITERAL = re.compile(r"\w")


class _Atom:
    """One item of a pattern's source: a literal character, an escape, a class, or a group (with
    its alternatives), and the quantifier after it."""

    __slots__ = ("text", "kind", "alternatives", "quantifier")

    def __init__(self, text: str, kind: str, alternatives: list[list[_Atom]] | None = None):
        self.text = text  # a group's opener: "(", "(?:", "(?P<name>", "(?<!", ...
        self.kind = kind  # literal | escape | class | group | other
        self.alternatives = alternatives or []
        self.quantifier = ""

    def render(self) -> str:
        if self.kind == "group":
            return self.text + _render(self.alternatives) + ")" + self.quantifier
        return self.text + self.quantifier


def _render(alternatives: list[list[_Atom]]) -> str:
    return "|".join("".join(atom.render() for atom in sequence) for sequence in alternatives)


def _alternatives(source: str, index: int) -> tuple[list[list[_Atom]], int]:
    """The alternatives from `index` to the `)` that closes them (or the end), and where that is."""
    alternatives: list[list[_Atom]] = [[]]
    while index < len(source):
        ch = source[index]
        if ch == ")":
            return alternatives, index
        if ch == "|":
            alternatives.append([])
            index += 1
            continue
        if ch == "\\":
            escape = _ESCAPE.match(source, index)
            if escape is None:
                raise ValueError(source)
            atom, index = _Atom(escape.group(), "escape"), escape.end()
        elif ch == "[":
            end = _class_end(source, index)
            if end is None:
                raise ValueError(source)
            atom, index = _Atom(source[index:end], "class"), end
        elif ch == "(":
            opener = _OPENER.match(source, index)
            if opener is None or source.startswith("(?", index) and opener.end() == index + 1:
                raise ValueError(source)  # a back reference, a comment, flags, a conditional
            inner, end = _alternatives(source, opener.end())
            if end >= len(source):
                raise ValueError(source)
            atom, index = _Atom(opener.group(), "group", inner), end + 1
        elif ch in ".^$":
            atom, index = _Atom(ch, "other"), index + 1
        else:
            atom, index = _Atom(ch, "literal"), index + 1
        quantifier = _QUANTIFIER.match(source, index)
        if quantifier:
            atom.quantifier, index = quantifier.group(), quantifier.end()
        alternatives[-1].append(atom)
    return alternatives, index


def _lookbehind_item(atom: _Atom) -> tuple[str, str] | None:
    """For an assertion about the one character before (`\\b` before a word character, `(?<!X)`,
    `(?<=X)`), its kind of lookbehind and the pattern of that character; else None."""
    if atom.quantifier:
        return None
    if atom.kind == "escape" and atom.text == "\\b":
        return "(?<!", "\\w"
    if atom.kind == "group" and atom.text in ("(?<!", "(?<=") and len(atom.alternatives) == 1:
        (sequence,) = atom.alternatives
        if len(sequence) == 1 and _one_character(sequence[0]):
            return atom.text, sequence[0].text
    return None


def _one_character(atom: _Atom) -> bool:
    """Does the atom match exactly one character: a literal, a class, `\\w`, `\\s`, `\\.`, ...?"""
    if atom.quantifier:
        return False
    if atom.kind in ("literal", "class"):
        return True
    return atom.kind == "escape" and (atom.text[1] in "wWdDsS" or not atom.text[1].isalnum())


def _transform(alternatives: list[list[_Atom]]) -> list[list[_Atom]]:
    hoisted = [_sequence(alternative, lead=True) for alternative in alternatives]
    if all(map(_literal_led, hoisted)):
        return _gathered(hoisted)
    firsts = {alternative[0].render() if alternative else "" for alternative in alternatives}
    if len(alternatives) > 1 and len(firsts) == 1:
        return [_sequence(alternative, lead=False) for alternative in alternatives]
    return _gathered(hoisted)


def _sequence(sequence: list[_Atom], lead: bool) -> list[_Atom]:
    """The atoms of one alternative, assertions hoisted (the leading one only if `lead`)."""
    out: list[_Atom] = []
    index = 0
    while index < len(sequence):
        atom = sequence[index]
        following = sequence[index + 1] if index + 1 < len(sequence) else None
        lookbehind = _lookbehind_item(atom)
        if lookbehind and following is not None and not following.quantifier and (lead or index > 0):
            if following.kind == "literal" and _WORD_LITERAL.fullmatch(following.text):
                # "\bc" or "(?<!X)c": c, then the same test of the character before it
                kind, before = lookbehind
                out += [following, _Atom(f"{kind}{before}{following.text})", "other")]
                index += 2
                continue
            if following.kind == "group" and _plain_group(following):
                # "\b(?:x|y)" is "(?:\bx|\by)": worth it if each alternative then starts with a literal
                inner = _transform([[atom, *alternative] for alternative in following.alternatives])
                if all(map(_literal_led, inner)):
                    out += _spliced(_group(following, inner))
                    index += 2
                    continue
        if atom.kind == "group" and _plain_group(atom):
            atom = _group(atom, _transform(atom.alternatives))
        out += _spliced(atom)
        index += 1
    return out


def _spliced(atom: _Atom) -> list[_Atom]:
    """A group of one alternative that neither captures nor repeats is only its atoms."""
    if atom.kind == "group" and atom.text == "(?:" and not atom.quantifier and len(atom.alternatives) == 1:
        return atom.alternatives[0]
    return [atom]


def _plain_group(atom: _Atom) -> bool:
    """A group that matches what its alternatives match: not a lookaround, not atomic."""
    return atom.text in ("(", "(?:") or atom.text.startswith("(?P<")


def _group(atom: _Atom, alternatives: list[list[_Atom]]) -> _Atom:
    group = _Atom(atom.text, "group", alternatives)
    group.quantifier = atom.quantifier
    return group


def _literal_led(sequence: list[_Atom]) -> bool:
    return bool(sequence) and sequence[0].kind == "literal" and not sequence[0].quantifier


def _gathered(alternatives: list[list[_Atom]]) -> list[list[_Atom]]:
    """The alternatives, those that start with the same literal character together behind what
    they all start with, in their order. An alternative joins the earlier ones that start with
    its character unless one between could start with it too (or with anything): only two
    alternatives that cannot match at the same place may change places."""
    slots: list[list[list[_Atom]]] = []  # each a run of alternatives kept together
    open_slots: dict[str, int] = {}  # a first character -> the slot that gathers it
    for alternative in alternatives:
        if _literal_led(alternative):
            first = alternative[0].text
            if first in open_slots:
                slots[open_slots[first]].append(alternative)
            else:
                open_slots[first] = len(slots)
                slots.append([alternative])
            continue
        firsts, empty = _first_characters(alternative)
        if firsts is None or empty:
            open_slots.clear()
        else:
            for first in firsts:
                open_slots.pop(first, None)
        slots.append([alternative])
    out = []
    for members in slots:
        if len(members) == 1:
            out.append(members[0])
            continue
        shared = 0
        while all(
            shared < len(member)
            and member[shared].kind != "group"
            and not member[shared].quantifier
            and member[shared].text == members[0][shared].text
            for member in members
        ):
            shared += 1
        rests = _gathered([member[shared:] for member in members])
        out.append([*members[0][:shared], _Atom("(?:", "group", rests)])
    return out


def _first_characters(sequence: list[_Atom]) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of the sequence can start with (None: any, or not known), and
    whether it can match the empty string."""
    firsts: set[str] = set()
    for atom in sequence:
        if _zero_width(atom):
            continue
        if atom.kind == "literal":
            atom_firsts: frozenset[str] | None = frozenset(atom.text)
            atom_empty = False
        elif atom.kind == "group" and _plain_group(atom):
            atom_firsts, atom_empty = frozenset(), False
            for alternative in atom.alternatives:
                alternative_firsts, alternative_empty = _first_characters(alternative)
                if alternative_firsts is None:
                    return None, True
                atom_firsts |= alternative_firsts
                atom_empty = atom_empty or alternative_empty
        else:
            return None, True
        firsts |= atom_firsts
        if not (atom_empty or atom.quantifier[:1] in ("?", "*") or atom.quantifier[:2] in ("{0", "{,")):
            return frozenset(firsts), False
    return frozenset(firsts), True


def _zero_width(atom: _Atom) -> bool:
    """An assertion: a boundary, an anchor, a lookaround (written or made by `_sequence`)."""
    if atom.kind == "escape":
        return atom.text in ("\\b", "\\B", "\\A", "\\Z")
    if atom.kind == "group":
        return atom.text in ("(?=", "(?!", "(?<=", "(?<!")
    return atom.kind == "other" and (atom.text in ("^", "$") or atom.text.startswith("(?<"))


# At most this many strings are looked for before a pattern is tried (`needles`), and only in a
# stretch of text at least this long: in a shorter one `re` is about as quick.
MOST_NEEDLES = 10
NEEDLE_WINDOW = 64


def needles(source: str) -> tuple[str, ...] | None:
    """Strings of which every match of `source` (matched case-sensitively) holds one, or None
    where there are none to tell (or too many): where none of them is in the text, the pattern
    need not be tried. `str.find` looks for a string many times faster than `re` tries a pattern
    at every character, and most of the text an extractor searches holds none of its words."""
    try:
        parsed = _parser.parse(source, 0)
    except re.error:
        return None
    found = _needles_of(parsed)
    return None if found is None else tuple(sorted(found))


def _needles_of(items) -> frozenset[str] | None:
    """A set of strings one of which every match of the sequence `items` holds, the best of those
    its parts require (the one whose shortest string is longest), or None."""
    choices: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            choices.append(frozenset({"".join(run)}))
            run = []
        required: frozenset[str] | None = None
        if op is _constants.IN and all(item_op is _constants.LITERAL for item_op, _ in av):
            required = frozenset(chr(code) for _, code in av)
        elif op is _constants.BRANCH:
            branches = [_needles_of(branch) for branch in av[1]]
            if all(branch is not None for branch in branches):
                required = _shortest(frozenset().union(*branches))
        elif op is _constants.SUBPATTERN:
            required = _needles_of(av[3])
        elif (
            op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT) and av[0] >= 1
        ):
            required = _needles_of(av[2])
        elif op is _constants.ATOMIC_GROUP:
            required = _needles_of(av)
        if required and len(required) <= MOST_NEEDLES:
            choices.append(required)
    if run:
        choices.append(frozenset({"".join(run)}))
    if not choices:
        return None
    return max(choices, key=lambda choice: (min(map(len, choice)), -len(choice)))


def _shortest(strings: frozenset[str]) -> frozenset[str]:
    """The strings that hold none of the others: finding "no" is enough to try for "not"."""
    return frozenset(s for s in strings if not any(other != s and other in s for other in strings))


class FoldedPattern:
    """An IGNORECASE pattern matched case-sensitively in `fold(text)` (`compile_folded`). The
    methods are those of `re.Pattern` that find matches; match objects give the spans found in
    the folded text (the same offsets) and read their groups from the text given."""

    __slots__ = ("pattern", "flags", "folded", "needles", "groups", "groupindex")

    def __init__(
        self, source: str, flags: int, folded: re.Pattern[str], needles: tuple[str, ...] | None = None
    ):
        self.pattern = source  # as written, so that other patterns can be built from it
        self.flags = flags
        self.folded = folded
        self.needles = needles  # every match holds one of them (in the folded text)
        self.groups = folded.groups
        self.groupindex = folded.groupindex

    def _absent(self, folded: str, pos: int, endpos: int) -> bool:
        """True when the stretch of text searched holds none of the pattern's needles, so that
        the pattern cannot match there; False when it may, or when it is too short to tell."""
        if self.needles is None or len(folded) < NEEDLE_WINDOW:
            return False
        pos = max(pos, 0)
        endpos = min(endpos, len(folded))
        if endpos - pos < NEEDLE_WINDOW:
            return False
        return all(folded.find(needle, pos, endpos) == -1 for needle in self.needles)

    def search_folded(self, folded: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`search` in text the caller has folded (`fold(text)`), for callers that need only
        spans: the match is of the folded text, so its groups are folded too."""
        if self._absent(folded, pos, endpos):
            return None
        return self.folded.search(folded, pos, endpos)

    def finditer_folded(
        self, folded: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """`finditer` in text the caller has folded, as `search_folded`."""
        if self._absent(folded, pos, endpos):
            return iter(())
        return self.folded.finditer(folded, pos, endpos)

    def __repr__(self) -> str:
        return f"compile_folded({self.pattern!r}, {self.flags!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        folded = fold(string)
        if self._absent(folded, pos, endpos):
            return None
        match = self.folded.search(folded, pos, endpos)
        return None if match is None else FoldedMatch(match, string)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        folded = fold(string)
        match = self.folded.match(folded, pos, endpos)
        return None if match is None else FoldedMatch(match, string)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> FoldedMatch | None:
        folded = fold(string)
        match = self.folded.fullmatch(folded, pos, endpos)
        return None if match is None else FoldedMatch(match, string)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[FoldedMatch]:
        folded = fold(string)
        if self._absent(folded, pos, endpos):
            return
        for match in self.folded.finditer(folded, pos, endpos):
            yield FoldedMatch(match, string)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.subn(repl, string, count)[0]

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        """`re.Pattern.subn`: the matches are those of `finditer`, each replaced by `repl(match)`
        or by `repl` itself; a replacement string with escapes or group references is left to the
        IGNORECASE pattern."""
        if not callable(repl) and "\\" in repl:
            return re.compile(self.pattern, self.flags).subn(repl, string, count)
        pieces, last, done = [], 0, 0
        for match in self.finditer(string):
            if count and done == count:
                break
            pieces += [string[last : match.start()], repl(match) if callable(repl) else repl]
            last, done = match.end(), done + 1
        pieces.append(string[last:])
        return "".join(pieces), done

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        found = []
        for match in self.finditer(string, pos, endpos):
            if self.groups == 0:
                found.append(match.group(0))
            elif self.groups == 1:
                found.append(match.group(1) or "")
            else:
                found.append(match.groups(""))
        return found


class FoldedMatch:
    """A match found in folded text, read in the original: same spans, groups as written."""

    __slots__ = ("_match", "string")

    def __init__(self, match: re.Match[str], string: str):
        self._match = match
        self.string = string

    def __repr__(self) -> str:
        return f"<FoldedMatch span={self._match.span()!r} match={self.group(0)!r}>"

    def _text(self, group: int | str, default: Any = None) -> Any:
        start, end = self._match.span(group)
        return default if start == -1 else self.string[start:end]

    def group(self, *groups: int | str) -> Any:
        if not groups:
            start, end = self._match.span()
            return self.string[start:end]
        if len(groups) == 1:
            return self._text(groups[0])
        return tuple(self._text(group) for group in groups)

    def __getitem__(self, group: int | str) -> Any:
        return self._text(group)

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return tuple(self._text(index, default) for index in range(1, self._match.re.groups + 1))

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        return {name: self._text(name, default) for name in self._match.re.groupindex}

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    @property
    def lastgroup(self) -> str | None:
        return self._match.lastgroup

    @property
    def lastindex(self) -> int | None:
        return self._match.lastindex

    @property
    def pos(self) -> int:
        return self._match.pos

    @property
    def endpos(self) -> int:
        return self._match.endpos
