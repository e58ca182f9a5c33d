"""extractors/text/casefold.py `compile_folded`: an IGNORECASE pattern matched in folded text finds the
same matches, spans and groups (read from the text as written), and the rewriting it does to let
`re` skip ahead (`lead_with_literals`, `needles`) changes no match."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re

import pytest

import extractors
from extractors.text.casefold import (
    DeferredPattern,
    FoldedMatch,
    FoldedPattern,
    compile_folded,
    compile_led,
    fold,
    folded_pattern,
    lead_with_literals,
    lower_literals,
    needles,
)

# Words with the characters where folding is delicate: the Kelvin sign and the long s (IGNORECASE
# equates them with k and s), the dotted and dotless i, letters whose lower case is longer (İ) or
# that have no single-character upper case (ß, ﬁ), and caseless punctuation.
WORDS = [
    "NHS", "nhs", "Nhs", "England", "ENGLAND", "digital", "Digital", "data", "DATA", "Data",
    "controller", "CONTROLLERS", "joint", "is", "IS", "the", "The", "not", "NOT", "no", "No",
    "version", "Version", "V2.0", "v.3", "rev", "2", "1.1A", "6(1)(e)", "9(2)(J)", "article",
    "\u212aey", "\u212a", "k", "K", "\u017fupport", "\u017f", "s", "S", "\u0130", "\u0131", "i", "I",
    "\u0130stanbul", "stra\u00dfe", "STRASSE", "\u1e9e", "\ufb01le", "caf\u00e9", "CAF\u00c9", "\u03a3\u03c3\u03c2",
    "patient\u2019s", "don't", "-", "\u2013", ",", ";", ":", ".", "(", ")", "'", "  ", "\n", "\t",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "\n", ", ", "-"]

# Patterns with the constructs the rewriting handles: boundaries before literals and groups,
# lookbehinds, capturing and named groups, classes in upper case, quantified groups, alternatives
# that share a first character, an empty alternative, anchors.
PATTERNS = [
    r"\bNHS\s+(?:England|Digital)\b",
    r"\b(?P<body>NHS\s*(?:England|Digital|IC)|HSCIC)(?!\w)",
    r"\b(no|not|never|none|nor|don't|do\s+not)\b",
    r"(?<![A-Za-z])(?P<label>version|vers\.|ver\.?|v\.?|revision|rev\.?|issue)\s*[:#]?\s*"
    r"(?P<value>\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\d/])",
    r"(?<![\d.(])6\s*(?:\(\s*1\s*\)|\.\s*1)\s*(?:\(\s*(?P<a>[a-f])\s*\)|[.\s]?\s*(?P<b>[a-f])\b)",
    r"\b(?:joint\s+|data\s+)*controllers?\s+(?:is|are)\b|\bjoint\s+controllers\s*,?\s+(?=[A-Z])",
    r"[;:]|,?\s+\bbut\b|\bhowever\b|\bother\s+than\b",
    r"(?:^|\n)\s*(?:\d+\.?\s*)?(?:purpose|aims?)\s*[:\-\u2013]?\s*(?=\n|$)|\bthe\s+aims?\s+(?:is|are)\b",
    r"\bKey\b|\bSupport\w*|stra\w+|\bI[st]\b",
    r"(?:ab|a|ac)(?:|d)\b|\b(?:x|y)?z",
    r"[^\W\d_]+\s+(?P<word>\w+)",
    r"(?<!\w)(?:k(?P<g0>ey)|s(?P<g1>upport)|(?P<g2>(?:fully|partly) supported))(?!\w)",
    r"\bis\b(?=\s+not)|\bnot\b(?!\s+is)",
]


def text_from(rng: random.Random, words: list[str], length: int) -> str:
    return "".join(rng.choice(words) + rng.choice(SEPARATORS) for _ in range(length))


def outcome(match: re.Match[str] | FoldedMatch | None):
    if match is None:
        return None
    groups = match.groups()
    named = match.groupdict()
    return match.span(), match.group(0), groups, named, match.lastgroup, match.lastindex


def assert_same(slow: re.Pattern[str], fast, text: str, rng: random.Random) -> None:
    assert [outcome(m) for m in fast.finditer(text)] == [outcome(m) for m in slow.finditer(text)], text
    assert fast.findall(text) == slow.findall(text), text
    assert fast.sub("<>", text) == slow.sub("<>", text), text
    for _ in range(4):
        pos = rng.randrange(len(text) + 1)
        endpos = rng.randrange(pos, len(text) + 1)
        for method in ("search", "match", "fullmatch"):
            expected = getattr(slow, method)(text, pos, endpos)
            assert outcome(getattr(fast, method)(text, pos, endpos)) == outcome(expected), (method, pos, text)
        assert [m.span() for m in fast.finditer(text, pos, endpos)] == [
            m.span() for m in slow.finditer(text, pos, endpos)
        ]


@pytest.mark.parametrize("source", PATTERNS)
def test_folded_pattern_matches_as_ignorecase_does(source: str) -> None:
    fast = folded_pattern(source, re.IGNORECASE)
    assert isinstance(fast, FoldedPattern)
    slow = re.compile(source, re.IGNORECASE)
    rng = random.Random(source)
    for _ in range(300):
        assert_same(slow, fast, text_from(rng, WORDS, rng.randint(0, 40)), rng)


def test_groups_are_read_from_the_text_as_written() -> None:
    pattern = folded_pattern(r"\b(?P<body>nhs\s+(digital|england))\b", re.IGNORECASE)
    match = pattern.search("Sent to \u0130 the NHS  DIGITAL team")
    assert match is not None
    assert match.group() == match[0] == "NHS  DIGITAL"
    assert match.group("body", 2) == ("NHS  DIGITAL", "DIGITAL")
    assert match.groupdict() == {"body": "NHS  DIGITAL"}
    assert match.string == "Sent to \u0130 the NHS  DIGITAL team"
    assert len(fold(match.string)) == len(match.string) != len(match.string.lower())


def test_a_long_text_with_no_needle_is_not_searched_and_finds_nothing() -> None:
    pattern = folded_pattern(r"\b(?:lawful|legal)\s+basis\b|\bGDPR\b", re.IGNORECASE)
    assert isinstance(pattern, FoldedPattern) and pattern.needles == ("basis", "gdpr")
    text = "nothing here but words " * 20
    assert pattern.search(text) is None and list(pattern.finditer(text)) == []
    assert pattern.search(text + "under UK Gdpr").span() == (len(text) + 9, len(text) + 13)
    assert pattern.search(text + "the Legal  Basis is", 0, len(text) + 10) is None


def test_what_cannot_be_folded_is_compiled_as_it_is() -> None:
    assert isinstance(folded_pattern(r"NHS\s+England"), re.Pattern)  # case matters: kept so
    assert isinstance(folded_pattern(r"nhs", re.IGNORECASE | re.ASCII), re.Pattern)
    assert isinstance(folded_pattern(r"[A-z]+", re.IGNORECASE), re.Pattern)  # a range lowering changes
    assert isinstance(folded_pattern(r"(a)\1", re.IGNORECASE), re.Pattern)  # a back reference
    assert isinstance(folded_pattern("caf\u00e9", re.IGNORECASE), re.Pattern)  # a cased letter outside ASCII
    assert isinstance(folded_pattern("stra\u00dfe", re.IGNORECASE), re.Pattern)  # its upper case is "SS"
    assert isinstance(folded_pattern(r"x(?-i:Y)", re.IGNORECASE), re.Pattern)
    assert isinstance(folded_pattern(r"(?i)NHS\s+England"), FoldedPattern)
    assert isinstance(folded_pattern(r"[A-Z]{2}\d+", re.IGNORECASE), FoldedPattern)


def test_compile_led_rewrites_only_what_is_matched_as_written() -> None:
    assert compile_led(r"\bthe\s+NHS|\bNHS").pattern == r"t(?<!\wt)he\s+NHS|N(?<!\wN)HS"
    assert compile_led(r"\bab|\bAc", re.IGNORECASE).pattern == r"\bab|\bAc"  # "a" and "A" may meet


def test_lower_literals_keeps_escapes_group_names_and_flags() -> None:
    assert lower_literals(r"\bNHS\S+(?P<Body>X)[A-Z_]\W") == r"\bnhs\S+(?P<Body>x)[a-z_]\W"
    assert lower_literals(r"(?i:IRAS)\B") == r"(?:iras)\B"
    assert lower_literals(r"[!-Z]") is None
    assert lower_literals(r"(?s:A.)") is None


def test_lead_with_literals_moves_boundaries_after_a_literal() -> None:
    assert lead_with_literals(r"\bdata\b") == r"d(?<!\wd)ata\b"
    assert lead_with_literals(r"\b(?:lawful|legal)\s+basis") == r"l(?<!\wl)(?:awful|egal)\s+basis"
    assert (
        lead_with_literals(r"\b(no|not|never|without)\b") == r"(n(?<!\wn)(?:o(?:|t)|ever)|w(?<!\ww)ithout)\b"
    )
    assert lead_with_literals(r"(?<![a-z])v\.?\d") == r"v(?<![a-z]v)\.?\d"
    # every alternative starts with the same assertion and not all can lose it: left alone
    assert lead_with_literals(r"\b(?:a\s+)*b|\bc") == r"\b(?:a\s+)*b|\bc"
    assert lead_with_literals(r"\bs?x|[\b]a|\\bab") == r"\bs?x|[\b]a|\\bab"
    assert lead_with_literals(r"(?P=x)") == r"(?P=x)"  # not read: unchanged


def test_needles_are_strings_every_match_holds() -> None:
    assert needles(r"[;:]|,?\s+\bbut\b|\bhowever\b") == (":", ";", "but", "however")
    assert needles(r"\b(no|not|nor)\b") == ("no",)
    assert needles(r"\bcontrollers?\s+(?:is|are)") == ("controller",)
    assert needles(r"\w+") is None
    assert needles(r"(?=abc)\w+") is None  # what a lookahead sees is not in the match


GRAMMAR_LITERALS = "abc"
TEXT_ALPHABET = "abc ab-\n"


def random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern over a small alphabet, rich in what `lead_with_literals` rewrites."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15:
            parts.append(rng.choice([r"\b", r"(?<!\w)", r"(?<=[ -])", r"(?<!a)", r"(?!\w)"]))
        elif roll < 0.45 and depth < 3:
            alternatives = "|".join(random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 4)))
            opener = rng.choice(["(?:", "(?:", "(", f"(?P<g{rng.randrange(10**6)}>"])
            parts.append(opener + alternatives + ")" + rng.choice(["", "", "", "?"]))
        else:  # one character, perhaps repeated (groups are not, to keep the matching quick)
            parts.append(rng.choice([*GRAMMAR_LITERALS * 3, "-", ".", "[ab]", r"\w", r"[^c]", r"\s"]))
            if rng.random() < 0.2:
                parts[-1] += rng.choice(["?", "*", "+", "{1,2}", "??"])
    return "".join(parts)


def test_lead_with_literals_changes_no_match_of_random_patterns() -> None:
    rng = random.Random(251)
    tried = 0
    while tried < 1500:
        source = random_pattern(rng)
        if rng.random() < 0.5:
            source = "|".join([source, random_pattern(rng)])
        try:
            plain = re.compile(source)
        except re.error:
            continue  # e.g. a group name used twice
        tried += 1
        rewritten = re.compile(lead_with_literals(source))
        found = needles(source)
        for _ in range(8):
            text = "".join(rng.choice(TEXT_ALPHABET) for _ in range(rng.randint(0, 24)))
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in rewritten.finditer(text)] == expected, source
            pos = rng.randrange(len(text) + 1)
            first = plain.search(text, pos)
            assert (first and first.span()) == ((m := rewritten.search(text, pos)) and m.span()), source
            if found is not None and first is not None:
                assert any(needle in text[first.start() : first.end()] for needle in found), source


def extractor_patterns() -> list[tuple[str, FoldedPattern]]:
    found: dict[int, tuple[str, FoldedPattern]] = {}

    def walk(value, name: str) -> None:
        if isinstance(value, DeferredPattern):
            value.search("")  # made on first use
            walk(value.made, name)
        elif isinstance(value, FoldedPattern):
            found.setdefault(id(value), (name, value))
        elif isinstance(value, tuple | list):
            for index, item in enumerate(value):
                walk(item, f"{name}[{index}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]")

    for module_info in pkgutil.walk_packages(extractors.__path__, "extractors."):
        short = module_info.name.rsplit(".", 1)[-1]
        if module_info.ispkg or short == "casefold":
            continue  # casefold's DEFERRED list holds every other module's patterns
        module = importlib.import_module(module_info.name)
        for attribute, value in vars(module).items():
            if attribute.isupper():
                walk(value, f"{short}.{attribute}")
    return sorted(found.values(), key=lambda item: item[0])


def test_the_extractors_hot_patterns_are_folded() -> None:
    names = {name for name, _ in extractor_patterns()}
    for name in ("sharing.PRECHECK", "negation.CUES", "negation.CLAUSE_BREAK", "privacy_notice.BASIS_CONTEXT",
                 "purpose.ANCHORS", "controller_names.FORWARD", "versions.VERSION", "org_roles.ANY_ROLE_CUE"):  # fmt: skip
        assert name in names


@pytest.mark.parametrize("name, pattern", extractor_patterns(), ids=lambda value: str(value)[:40])
def test_every_folded_pattern_of_the_extractors_matches_as_ignorecase_does(name: str, pattern) -> None:
    """Texts made of the pattern's own words, in mixed case and with the delicate characters."""
    slow = re.compile(pattern.pattern, pattern.flags)
    own = re.findall(r"[A-Za-z]+|\d+|[^\w\s]", pattern.pattern)
    rng = random.Random(name)
    variants = []
    for word in own:
        variants += [
            word,
            word.upper(),
            word.capitalize(),
            word.replace("k", "\u212a").replace("s", "\u017f"),
        ]
    for _ in range(40):
        assert_same(slow, pattern, text_from(rng, variants + WORDS[:30], rng.randint(1, 30)), rng)


def test_compile_folded_defers_the_work_to_first_use_and_then_gets_out_of_the_way() -> None:
    pattern = compile_folded(r"(?i)\bNHS\s+(?P<body>England)\b")
    assert isinstance(pattern, DeferredPattern) and "made" not in vars(pattern)
    assert pattern.pattern == r"\bNHS\s+(?P<body>England)\b" and pattern.flags & re.IGNORECASE
    match = pattern.search("Data from nhs ENGLAND only")
    assert match.group("body") == "ENGLAND" and match.span() == (10, 21)
    assert isinstance(pattern.made, FoldedPattern) and vars(pattern)["search"] == pattern.made.search
    assert isinstance(compile_folded(r"NHS"), re.Pattern)  # case-sensitive: compiled at once
    unfoldable = compile_folded(r"(a)\1", re.IGNORECASE)
    assert unfoldable.search("xAa").span() == (1, 3) and isinstance(unfoldable.made, re.Pattern)


def test_prepare_deferred_makes_every_extractor_pattern() -> None:
    from extractors.text.casefold import DEFERRED, prepare_deferred

    assert len(DEFERRED) > 100  # the extractors' IGNORECASE patterns
    prepare_deferred()
    assert all("made" in vars(pattern) for pattern in DEFERRED)
