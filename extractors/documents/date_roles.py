"""The role of a date in a letter, read from the words that govern that date.

A letter's sentence can hold several dates with different roles ("Thank you for your report received
on 2 May 2023; your next annual review should be submitted no later than 1 May 2024"). So the role is
not taken from the sentence as a whole but from the clause that leads up to each date:

- the words just before it: a deadline ("by", "no later than", "due on", "deadline"), an end ("until",
  "expires on"), or a past event ("received on", "dated", "the meeting held on");
- the topic of that clause: the annual review (or report), or the support itself.

A review date is a deadline for the next review, however it is worded ("is due", "should be
submitted by", "please provide ... no later than", "next review: DATE"); a date on which a review was
received, considered or held is not. An expiry date is one the support runs until or ends on.
"""

from __future__ import annotations

import re

from extractors.text.casefold import compile_folded

REVIEW_DUE = "review_due"
SUPPORT_EXPIRES = "support_expires"

# What a clause is about: the annual review (report), or the support itself.
REVIEW_TOPIC = compile_folded(
    r"\b(?:annual\s+(?:review|report|update|renewal)|(?:next|first|second|third|subsequent|further)\s+"
    r"(?:annual\s+)?(?:review|report)|review\s+(?:report|form|submission|date)|(?:is|are)\s+(?:next\s+)?"
    r"due\s+for\s+(?:annual\s+)?review|review\s+(?:is|will\s+be)\s+due)\b",
    re.IGNORECASE,
)
SUPPORT_TOPIC = compile_folded(
    r"\b(?:support|approval|recommendation|section\s+251|s251|authori[sz]ation|permission)\b", re.IGNORECASE
)
# The words right before a date that make it a deadline.
DEADLINE_GOVERNOR = compile_folded(
    r"(?:\bby|\bbefore|\b(?:no|not)\s+later\s+than|\bon\s+or\s+before|\bdue(?:\s+(?:on|by|in|date))?|"
    r"\bdeadline(?:\s+(?:date|of|for\s+\w+(?:\s+\w+){0,5}))?(?:\s+(?:is|was|will\s+be))?|"
    r"\breview\s+date(?:\s+(?:is|of|will\s+be))?|\bnext\s+(?:annual\s+)?review(?:\s+(?:date|is|will\s+be))*|"
    r"\bwithin\s+\w+\s+\w+\s+of)\s*[:\-–]?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# The words right before a date that make it an end.
END_GOVERNOR = compile_folded(
    r"(?:\buntil|\btill|\bup\s+to(?:\s+and\s+including)?|\bexpir(?:es|ed|y|ing)(?:\s+(?:on|date(?:\s+is)?))?|"
    r"\b(?:end|ends|ended|ending|lapses?|lapsed|ceases?)\s+(?:on|at|in)|\bvalid\s+(?:until|to|through)|"
    r"\bthrough)\s*[:\-–]?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# The words right before a date that make it the date of something that already happened.
PAST_EVENT_GOVERNOR = compile_folded(
    r"(?:\b(?:received|submitted|sent|provided|dated|considered|reviewed|held|met|issued|sealed|signed|"
    r"written|made|completed|approved|granted|given|supported)(?:\s+(?:on|at|in|of))?|\bmeeting(?:\s+of)?|"
    r"\b(?:letter|application|report|e-?mail|correspondence|submission|form)\s+(?:of|dated)|\bsince|\bfrom|"
    r"\bon)\s*[:\-–]?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# A future or modal construction in the clause: what is submitted "by" a date is still to come.
STILL_TO_COME = compile_folded(
    r"\b(?:should|must|shall|will|needs?\s+to|is\s+to|are\s+to|to\s+be|please|required|requested|expected|"
    r"remind\w*|deadline|due|next)\b",
    re.IGNORECASE,
)
# Where a clause ends, reading back from a date: a semicolon, or a conjunction that starts a new
# clause with its own subject and verb ("... received on 2 May and your next review is due on ...").
CLAUSE_BREAK = re.compile(
    r";\s|\b(?:but|whereas|while|although)\b|\band\s+(?=(?:\w+\s+){1,4}(?:is|are|was|were|will|should|must)\b)",
    re.IGNORECASE,
)
WINDOW = 160  # characters of the clause read before a date


def date_role(sentence: str, start: int) -> str | None:
    """REVIEW_DUE, SUPPORT_EXPIRES or None for the date that begins at `start` in `sentence`."""
    before = _clause_before(sentence, start)
    tail = before[-60:]
    if END_GOVERNOR.search(tail):
        if SUPPORT_TOPIC.search(before) or re.search(r"\bexpir", tail, re.IGNORECASE):
            return SUPPORT_EXPIRES
        return None
    review_topic = REVIEW_TOPIC.search(before) or REVIEW_TOPIC.search(_clause_after(sentence, start))
    if not review_topic:
        return None
    if DEADLINE_GOVERNOR.search(tail):
        if PAST_EVENT_GOVERNOR.search(tail) and not STILL_TO_COME.search(before):
            return None  # "the review submitted by the team before 2 May" reports the past
        return REVIEW_DUE
    if PAST_EVENT_GOVERNOR.search(tail):
        return None  # "your annual review received on 2 May 2023"
    if re.search(r"\b(?:next|first)\s+(?:annual\s+)?review\b|\bdue\b", before, re.IGNORECASE):
        return REVIEW_DUE  # "the next annual review, 4 October 2020"
    return None


def _clause_before(sentence: str, start: int) -> str:
    window = sentence[max(0, start - WINDOW) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _clause_after(sentence: str, start: int) -> str:
    """The rest of the clause after the date (for "by 4 May 2024 for your annual review")."""
    rest = sentence[start : start + 120]
    cut = re.search(r"[;.]\s", rest)
    return rest[: cut.start()] if cut else rest
