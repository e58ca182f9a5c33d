"""Is a mention negated? "No names will be sent", "your address will not be shared", "never sold".

The scope of a negation is the clause that holds the mention: its sentence (read across wrapped
PDF lines), cut at ; : and at contrastive joints (", but", "however", "except", "other than"), and
at subordinate joints (", which", ", from which", "so that", "because", "in order to"), since a denial there is
about something else: "... sends them back labelled with a study number, so that we cannot tell
who it is about" does not deny what is sent. A negation cue anywhere in that clause negates the
mention, except negative wording that denies nothing ("if you do not want ...", "this will not
affect your care", "with names removed", a consent form's "Yes / No" boxes). "We will send your
NHS number, but not your name" negates only the name; "except your postcode" after a denial
re-affirms the postcode (the exception to a denial is an assertion).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.text.casefold import compile_folded, fold
from extractors.text.spans import join_soft_breaks, sentence_bounds

CUES = compile_folded(
    r"\b(no|not|never|none|neither|nor|without|cannot|can't|won't|don't|doesn't|isn't|aren't|"
    r"wouldn't|shouldn't|didn't|will\s+not|do\s+not|does\s+not|is\s+not|are\s+not|shall\s+not|"
    r"at\s+no\s+(?:time|point)|under\s+no\s+circumstances|excluding|excluded|removed|stripped|omitted)\b",
    re.IGNORECASE,
)
# Phrases that contain a cue word but deny nothing, and negative wording that denies nothing an
# extractor looks for; both are blanked before cues are sought.
FALSE_CUES = compile_folded(
    r"\b(no\s+later\s+than|no\s+longer\s+than|no\s+more\s+than|not\s+only|whether\s+or\s+not|"
    r"if\s+not|no\s+matter|not\s+least|cannot\s+be\s+identified|nothing\s+to\s+fix|no\s+objection|"
    r"do\s+not\s+hesitate)\b",
    re.IGNORECASE,
)

HARMLESS_NEGATIONS = compile_folded(
    r"\b(?:if|unless|should|whether|in\s+case|where)\s+(?:\w+\s+){1,3}?(?:do|does|did|would|are|is|can|could)?\s*"
    r"(?:not|n't|no\s+longer|never)\b"
    r"|\b(?:if|unless|should)\s+(?:\w+\s+){1,3}?(?:decide|choose|prefer|wish|want|ask)\s+not\b"
    r"|\b(?:will|would|does|do|shall|should|can|could|won't|doesn't|wouldn't)\s*(?:not\s+)?(?:in\s+any\s+way\s+)?affect\w*"
    r"|\bwithout\s+affecting\b|\bnot\s+affect\w*"
    r"|\b(?:do|does|will)\s+not\s+(?:have|need)\s+to\b|\b(?:don't|doesn't)\s+(?:have|need)\s+to\b"
    r"|\b(?:not|cannot|can't|won't|no\s+longer)\s+(?:be\s+)?(?:able\s+to\s+)?(?:be\s+)?(?:used\s+to\s+)?"
    r"(?:directly\s+|personally\s+)?identif\w*"
    r"|\b(?:with|once|after|when)\s+(?:(?:your|all|any|the|their)\s+)?(?:[\w-]+\s+){0,4}?(?:removed|stripped|omitted)\b"
    r"|\bwithout\s+(?:(?:your|any|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:names?|identif\w*|personal\s+details|"
    r"contact\s+details|details\s+that)"
    r"|\bnot[\s-]for[\s-]profit\b|\bat\s+no\s+(?:cost|charge)\b|\bno\s+matter\b"
    # the answer boxes of a consent form: "Yes ☐ No ☐", "tick Yes or No"
    r"|\b(?:tick|select|circle|answer|mark|choose|initial|put)\s+(?:the\s+)?[\"'‘“]?(?:yes|no)\b"
    r"|\byes\b[\W_]{0,6}(?:or\s+)?\bno\b|\bno\b[\W_]{0,6}(?:or\s+)?\byes\b|\b(?:yes|no)\s*[☐□❑■▢☑☒]",
    re.IGNORECASE,
)

CLAUSE_BREAK = compile_folded(
    r"[;:]|,?\s+\bbut\b|\bhowever\b|\bexcept\b|\bother\s+than\b|\bapart\s+from\b|\bunless\b", re.IGNORECASE
)
SUBORDINATE = compile_folded(
    r"(?:,?\s+\b(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that)|because|since|such\s+that|meaning\s+that|"
    r"to\s+ensure|as\s+long\s+as|provided\s+that|whereas|while|whilst|until|before|after|once)\b)"
    r"|,\s+(?:which|who|whose|where|when)\b"
    # a relative clause led by a preposition: "..., from which the identifiers have been removed"
    r"|,\s+(?:from|in|of|to|by|with|for|through|under|after)\s+(?:which|whom)\b",
    re.IGNORECASE,
)
EXCEPTION_WORDS = compile_folded(r"^\W*(except|other\s+than|apart\s+from)\b", re.IGNORECASE)


# Every match of FALSE_CUES and of HARMLESS_NEGATIONS starts at a word that begins with one of these
# (tests/extractors/test_negation_speed.py reads the patterns to keep these lists complete). Trying
# the patterns only there finds the same matches as `sub`, which tries them at every character and
# made this the costliest step of extraction.
FALSE_CUE_STARTS = ("no", "not", "whether", "if", "cannot", "nothing", "do")
HARMLESS_STARTS = (
    "if", "unless", "should", "whether", "in", "where", "will", "would", "does", "do", "shall", "can",
    "could", "won", "doesn", "wouldn", "without", "not", "don", "cannot", "no", "with", "once", "after",
    "when", "tick", "select", "circle", "answer", "mark", "choose", "initial", "put", "yes", "at",
)  # fmt: skip


def _starts(words: tuple[str, ...]) -> re.Pattern[str]:
    """A character that is not part of a word, then one of `words`, in folded text. Starting with
    a character class, the pattern is one `re` scans for fast."""
    assert all(word.isascii() and word.isalpha() and word.islower() for word in words)
    alternatives = "|".join(sorted(set(words), key=lambda w: (-len(w), w)))
    return re.compile(rf"\W(?:{alternatives})")


FALSE_CUE_AT = _starts(FALSE_CUE_STARTS)
HARMLESS_AT = _starts(HARMLESS_STARTS)


@lru_cache(maxsize=4096)
def masked_text(joined: str) -> str:
    """The joined text with wording that denies nothing blanked (same length)."""
    return _blank(HARMLESS_NEGATIONS, HARMLESS_AT, _blank(FALSE_CUES, FALSE_CUE_AT, joined))


def _blank(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> str:
    """`pattern.sub` with blanks of the same length, trying `pattern` only at the words where
    `starts` finds that a match can begin: the same matches, scanned in the same order."""
    spans = []
    position = 0
    # A space before the text lets a word at its very start be found too; `at` is then where the
    # word begins in `text` itself.
    for start in starts.finditer(" " + fold(text)):
        at = start.start()
        if at < position:
            continue  # inside the last match
        match = pattern.match(text, at)
        if match:
            spans.append(match.span())
            position = match.end()
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` that holds [start, end)."""
    joined = join_soft_breaks(text)
    folded = fold(joined)  # the patterns' spans are sought in it directly: only spans are needed
    left, right = sentence_bounds(text, start, end)
    for match in CLAUSE_BREAK.finditer_folded(folded, left, start):
        left = match.start() if EXCEPTION_WORDS.match(joined[match.start() : start]) else match.end()
    for joint in SUBORDINATE.finditer_folded(folded, left, start):
        left = joint.end()
    for pattern in (CLAUSE_BREAK, SUBORDINATE):
        following = pattern.search_folded(folded, end, right)
        if following:
            right = following.start()
    return left, right


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the mention text[start:end] sits in a clause that denies it."""
    joined = join_soft_breaks(text)
    left, right = clause_bounds(text, start, end)
    if EXCEPTION_WORDS.match(joined[left:start]):
        return False  # "... except your postcode": the exception to a denial is asserted
    return CUES.search_folded(fold(masked_text(joined)), left, right) is not None
