"""Is a mention negated? "No names will be sent", "your address will not be shared", "never sold".

The scope of a negation is the clause that holds the mention: its sentence (read across wrapped
PDF lines), cut at ; : and at contrastive joints (", but", "however", "except", "other than"), and
at subordinate joints (", which", "so that", "because", "in order to"), since a denial there is
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

from extractors.spans import join_soft_breaks, sentence_bounds

CUES = re.compile(
    r"\b(no|not|never|none|neither|nor|without|cannot|can't|won't|don't|doesn't|isn't|aren't|"
    r"wouldn't|shouldn't|didn't|will\s+not|do\s+not|does\s+not|is\s+not|are\s+not|shall\s+not|"
    r"at\s+no\s+(?:time|point)|under\s+no\s+circumstances|excluding|excluded|removed|stripped|omitted)\b",
    re.IGNORECASE,
)
# Phrases that contain a cue word but deny nothing, and negative wording that denies nothing an
# extractor looks for; both are blanked before cues are sought.
FALSE_CUES = re.compile(
    r"\b(no\s+later\s+than|no\s+longer\s+than|no\s+more\s+than|not\s+only|whether\s+or\s+not|"
    r"if\s+not|no\s+matter|not\s+least|cannot\s+be\s+identified|nothing\s+to\s+fix|no\s+objection|"
    r"do\s+not\s+hesitate)\b",
    re.IGNORECASE,
)

HARMLESS_NEGATIONS = re.compile(
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

CLAUSE_BREAK = re.compile(
    r"[;:]|,?\s+\bbut\b|\bhowever\b|\bexcept\b|\bother\s+than\b|\bapart\s+from\b|\bunless\b", re.IGNORECASE
)
SUBORDINATE = re.compile(
    r"(?:,?\s+\b(?:so\s+that|so\s+as\s+to|in\s+order\s+(?:to|that)|because|since|such\s+that|meaning\s+that|"
    r"to\s+ensure|as\s+long\s+as|provided\s+that|whereas|while|whilst|until|before|after|once)\b)"
    r"|,\s+(?:which|who|whose|where|when)\b",
    re.IGNORECASE,
)
EXCEPTION_WORDS = re.compile(r"^\W*(except|other\s+than|apart\s+from)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def masked_text(joined: str) -> str:
    """The joined text with wording that denies nothing blanked (same length)."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731
    return HARMLESS_NEGATIONS.sub(blank, FALSE_CUES.sub(blank, joined))


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` that holds [start, end)."""
    joined = join_soft_breaks(text)
    left, right = sentence_bounds(text, start, end)
    for match in CLAUSE_BREAK.finditer(joined, left, start):
        left = match.start() if EXCEPTION_WORDS.match(joined[match.start() : start]) else match.end()
    for joint in SUBORDINATE.finditer(joined, left, start):
        left = joint.end()
    for pattern in (CLAUSE_BREAK, SUBORDINATE):
        following = pattern.search(joined, end, right)
        if following:
            right = following.start()
    return left, right


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the mention text[start:end] sits in a clause that denies it."""
    joined = join_soft_breaks(text)
    left, right = clause_bounds(text, start, end)
    if EXCEPTION_WORDS.match(joined[left:start]):
        return False  # "... except your postcode": the exception to a denial is asserted
    return CUES.search(masked_text(joined), left, right) is not None
