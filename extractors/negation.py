"""Is a mention negated? "No names will be sent", "your address will not be shared", "never sold".

The scope of a negation is the clause that holds the mention: the sentence, cut at ; : and at
contrastive joints (", but", "however", "except", "other than"). A negation cue anywhere in that
clause negates the mention. "We will send your NHS number, but not your name" negates only the
name; "except your postcode" after a negated list re-affirms the postcode (the exception to a
denial is an assertion).
"""

from __future__ import annotations

import re

from extractors.spans import sentence_bounds

CUES = re.compile(
    r"\b(no|not|never|none|neither|nor|without|cannot|can't|won't|don't|doesn't|isn't|aren't|"
    r"wouldn't|shouldn't|didn't|will\s+not|do\s+not|does\s+not|is\s+not|are\s+not|shall\s+not|"
    r"at\s+no\s+(?:time|point)|under\s+no\s+circumstances|excluding|excluded|removed|stripped|omitted)\b",
    re.IGNORECASE,
)
# Phrases that contain a cue word but deny nothing.
FALSE_CUES = re.compile(
    r"\b(no\s+later\s+than|no\s+longer\s+than|no\s+more\s+than|not\s+only|whether\s+or\s+not|"
    r"if\s+not|no\s+matter|not\s+least|cannot\s+be\s+identified|nothing\s+to\s+fix|no\s+objection|"
    r"do\s+not\s+hesitate)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"[;:]|,?\s+\bbut\b|\bhowever\b|\bexcept\b|\bother\s+than\b|\bapart\s+from\b|\bunless\b", re.IGNORECASE
)
EXCEPTION_WORDS = re.compile(r"^\W*(except|other\s+than|apart\s+from)\b", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left, right = sentence_bounds(text, start, end)
    for match in CLAUSE_BREAK.finditer(text, left, start):
        left = match.start() if EXCEPTION_WORDS.match(text[match.start() : start]) else match.end()
    following = CLAUSE_BREAK.search(text, end, right)
    if following:
        right = following.start()
    return left, right


def is_negated(text: str, start: int, end: int) -> bool:
    """True when the mention text[start:end] sits in a clause that denies it."""
    left, right = clause_bounds(text, start, end)
    clause = FALSE_CUES.sub(" ", text[left:right])
    if EXCEPTION_WORDS.match(text[left:start]):
        return False  # "... except your postcode": the exception to a denial is asserted
    return CUES.search(clause) is not None
