"""DSPT statements: a sentence that names the Data Security and Protection Toolkit, a status and the
organisation it is about, with the assessment year where the sentence gives one (checks.md: "a DSPT
statement"). CAG letters carry them as a condition of support ("Confirmed: The NHS England 2022/23
DSPT review for the University of X was confirmed as 'Standards Met'"), applications and protocols
as a claim.

Not statements: a status denied in its clause ("the University does not hold Standards Met"), and a
status still to come ("confirmation of the DSPT is pending"): those are recorded as
`dspt_statement_pending` only, for the reviewer. A status phrase that is itself negative ("Not Met",
"not published") is the status, not a denial of it. The organisations are the ones the sentence
names (NHS England, the toolkit's owner, aside); the checks match them to the request's.
"""

from __future__ import annotations

import re

from extractors.documents.cue_data import any_of, cue_file
from extractors.documents.statements import FactSink, Passage, passages, sentences
from extractors.facts import DocumentFacts
from extractors.names.org_mentions import organisation_mentions
from extractors.names.org_names import is_nhs_england
from extractors.text.casefold import compile_folded
from extractors.text.negation import is_negated
from pipeline.model import Document

CUES = cue_file("dspt")
TOOLKIT = any_of(CUES["toolkit"])
STATUSES = tuple((status, any_of(phrases)) for status, phrases in CUES["statuses"].items())
PENDING = any_of(CUES["pending"])
YEARS = tuple(compile_folded(pattern, re.IGNORECASE) for pattern in CUES["years"])


def extract_dspt(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    for passage in passages(document, TOOLKIT):
        for start, end in sentences(passage, TOOLKIT):
            _sentence(passage, start, end, sink)


def _sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    text = passage.text[start:end]
    found = _status(text)
    if found is None:
        return
    status, s, e = found
    detail = {"organisations": _organisations(text), "year": assessment_year(text)}
    if PENDING.search(text):
        sink.add(passage, "dspt_statement_pending", status, start + s, start + e, "dspt:pending", detail)
        return
    # The status's own words ("Not Met") are blanked so that only a denial around it counts.
    blanked = passage.text[: start + s] + "x" * (e - s) + passage.text[start + e :]
    if is_negated(blanked, start + s, start + e):
        return
    sink.add(passage, "dspt_statement", status, start + s, start + e, f"dspt:{status}", detail)


def _status(text: str) -> tuple[str, int, int] | None:
    """The first status the sentence gives, by position; a longer phrasing wins at one position."""
    best = None
    for status, pattern in STATUSES:
        for match in pattern.finditer(text):
            key = (match.start(), -(match.end() - match.start()))
            if best is None or key < best[0]:
                best = (key, status, match.start(), match.end())
    return best[1:] if best else None


def assessment_year(text: str) -> str | None:
    """The first assessment year in `text`, as YYYY-YY ("2022/23" -> "2022-23"), or None."""
    for pattern in YEARS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if groups.get("first"):
                first, second = int(groups["first"]), groups["second"]
                return f"{first}-{second[-2:]}"
            first, second = int(groups["first_short"]), int(groups["second_short"])
            if second == (first + 1) % 100:  # "23/24"; a pair that is not consecutive is no year
                return f"20{first:02d}-{second:02d}"
    return None


def _organisations(text: str) -> list[str]:
    return list(dict.fromkeys(m.name for m in organisation_mentions(text) if not is_nhs_england(m.name)))
