"""References: CAG (every era), REC, IRAS project IDs and DARS/NIC numbers, normalised.

Checks compare references across documents (S251-002, PUR-005), so each kind is reduced to one
spelling: CAG `YY/CAG/NNNN` whatever the separators, older PIAG/ECC/CAG forms as written (trimmed),
REC `YY/XX/NNNN`, IRAS as digits, DARS as `NIC-NNNNN-XXXXX` without the version suffix. The REC
shape also fits other things (form codes, file numbers), so a REC reference needs ethics context in
its sentence or table row; an IRAS ID needs the word IRAS just before it. A stated renumbering
("20/CAG/0067 (previously 16/CAG/0056)") is recorded so that the two count as one support.
"""

from __future__ import annotations

import re

from extractors.facts import DocumentFacts
from extractors.record import FactRecorder, append_unique
from extractors.text.casefold import compile_folded
from extractors.text.spans import join_soft_breaks
from pipeline.model import Block, Document, Part

SEP = r"\s*[/\\\-\u2010\u2011\u2013]\s*"
CAG_MODERN = compile_folded(rf"(?<![\w/])(\d{{2}}){SEP}CAG{SEP}(\d{{4}})(?![\w/])", re.IGNORECASE)
CAG_OLDER = re.compile(
    r"(?<!\w)(?:CAG|ECC|PIAG)\s*\d{1,2}(?:\s*[-\u2010\u2011\u2013]\s*\d{2})?\s*\(\s*[a-z]\s*\)\s*/\s*\d{4}(?!\d)"
)
REC_MODERN = re.compile(r"(?<![\w/])(\d{2})\s?/\s?([A-Z]{2})\s?/\s?(\d{4})(?![\w/])")
REC_OLDER = re.compile(r"(?<![\w/])(\d{2})\s?/\s?(H\d{4})\s?/\s?(\d{1,3})(?![\w/])")
# Words that make a REC-shaped number a REC reference.
REC_CONTEXT = re.compile(
    r"\bREC\b|\bNRES\b|(?i:\bethic(?:s|al)\b|\bresearch\s+ethics\b|\bfavourable\s+(?:ethical\s+)?opinion\b)"
)
REC_CONTEXT_BEFORE = 160  # characters of the sentence (or previous line) searched for context
REC_CONTEXT_AFTER = 80
# "IRAS", then only label words and punctuation, then 6 or 7 digits that are not one group of a
# longer number (a phone number's last group, a date).
IRAS_ID = compile_folded(
    r"\bIRAS\b"
    r"(?P<gap>(?:[\s:#|().,\-\u2013]|(?i:project|study|application|form|ident(?:ifier)?|id|number|no|ref|"
    r"reference|code|is|for|this|the|was|of)\b\.?){0,16}?)"
    r"(?<!\d[\s\-])(?P<id>\d{6,7})(?!\d)(?![/.]\d)(?![ \-]\d{3})",
    re.IGNORECASE,
)
DARS = compile_folded(
    r"(?<![\w-])(?:DARS[-\u2010\u2011\u2013])?NIC[-\u2010\u2011\u2013](\d{4,6})[-\u2010\u2011\u2013]([A-Z0-9]{5})"
    r"(?:[-\u2010\u2011\u2013]v\d+\.\d+)?(?![\w])",
    re.IGNORECASE,
)
# A stated renumbering between two CAG references. "Forward" cues put the current reference first
# ("20/CAG/0067 (previously 16/CAG/0056)"); "backward" cues put the previous one first
# ("16/CAG/0056, now 20/CAG/0067").
RENUMBER_GAP_LIMIT = 80
FORWARD_CUES = compile_folded(
    r"\b(?:previously|formerly|prev\.|replaces|replacing|supersedes|superseding|in\s+place\s+of|"
    r"(?:previous|former|old|original)\s+(?:CAG\s+)?(?:ref(?:erence)?|number)s?(?:\s+(?:was|is))?|"
    r"renumbered\s+from|transferred\s+from)\b",
    re.IGNORECASE,
)
BACKWARD_CUES = compile_folded(
    r"\b(?:replaced\s+by|superseded\s+by|now|became|has\s+become|renumbered(?!\s+from)(?:\s+(?:as|to))?|"
    r"(?:new|current)\s+(?:CAG\s+)?(?:ref(?:erence)?|number)(?:\s+(?:is|was))?|transferred\s+to|changed\s+to)\b",
    re.IGNORECASE,
)
RENUMBERING_BEFORE = compile_folded(r"\b(?:renumbered|transferred|changed|moved)\s+from\s*$", re.IGNORECASE)
TO_ONLY = compile_folded(r"^\W*(?:to|->|→)\W*$", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?;]\s+[A-Z]|\n\s*\n")
# Cheap tests that decide which of the patterns above a block needs (most blocks need none).
REC_SHAPE = re.compile(r"\d{2}\s?/\s?(?:[A-Z]{2}|H\d{4})\s?/\s?\d")
DARS_SHAPE = re.compile(r"nic[-\u2010\u2011\u2013]\d")


def extract_references(document: Document, facts: DocumentFacts) -> None:
    recorder = FactRecorder(document, facts, "references")
    for block in document.parsed.blocks:
        lowered = block.text.lower()
        has_cag = "cag" in lowered or "ecc" in lowered or "piag" in lowered
        has_rec = REC_SHAPE.search(block.text) is not None
        has_iras = "iras" in lowered
        has_dars = DARS_SHAPE.search(lowered) is not None
        if not (has_cag or has_rec or has_iras or has_dars):
            continue
        text = join_soft_breaks(block.text)
        if has_cag:
            _add_cag(recorder, facts, block, text)
        if has_rec:
            for start, end, value, pattern in _rec_references(text, block):
                recorder.add("rec_reference", value, block, start, end, pattern)
                append_unique(facts.references["rec"], value)
        for match in IRAS_ID.finditer(text) if has_iras else ():
            value = match.group("id")
            recorder.add("iras_id", value, block, match.start("id"), match.end("id"), "labelled")
            append_unique(facts.references["iras"], value)
        for match in DARS.finditer(text) if has_dars else ():
            value = f"NIC-{match.group(1)}-{match.group(2).upper()}"
            recorder.add("dars_reference", value, block, match.start(), match.end(), "nic")
            append_unique(facts.references["dars"], value)


def _add_cag(recorder: FactRecorder, facts: DocumentFacts, block: Block, text: str) -> None:
    cag = _cag_references(text)
    for start, end, value, pattern in cag:
        recorder.add("cag_reference", value, block, start, end, pattern)
        append_unique(facts.references["cag"], value)
    for first, second, current, previous in _renumberings(text, cag):
        value = {"current": current, "previous": previous}
        recorder.add("cag_renumbering", value, block, first, second, "renumbering")


def normalise_cag(reference: str) -> str:
    """`21-CAG-0123` and `21 / cag / 0123` become `21/CAG/0123`; older forms are trimmed only."""
    match = CAG_MODERN.fullmatch(reference.strip())
    if match:
        return f"{match.group(1)}/CAG/{match.group(2)}"
    return " ".join(reference.split())


def _cag_references(text: str) -> list[tuple[int, int, str, str]]:
    found = [(m.start(), m.end(), f"{m.group(1)}/CAG/{m.group(2)}", "cag") for m in CAG_MODERN.finditer(text)]
    found += [
        (m.start(), m.end(), " ".join(m.group(0).split()), "cag-older") for m in CAG_OLDER.finditer(text)
    ]
    return sorted(found)


def _renumberings(text: str, cag: list[tuple[int, int, str, str]]):
    """(start, end, current, previous) for each pair of neighbouring references tied by a cue."""
    for (s1, e1, ref1, _), (s2, e2, ref2, _) in zip(cag, cag[1:], strict=False):
        gap = text[e1:s2]
        if ref1 == ref2 or len(gap) > RENUMBER_GAP_LIMIT or SENTENCE_BREAK.search(gap):
            continue
        if FORWARD_CUES.search(gap):
            yield s1, e2, ref1, ref2
        elif _previous_first(gap, text[max(0, s1 - 40) : s1]):
            yield s1, e2, ref2, ref1


def _previous_first(gap: str, before: str) -> bool:
    """'16/CAG/0056, now 20/CAG/0067' or 'renumbered from 16/CAG/0056 to 20/CAG/0067'."""
    return bool(BACKWARD_CUES.search(gap) or (TO_ONLY.match(gap) and RENUMBERING_BEFORE.search(before)))


def _rec_references(text: str, block: Block):
    for pattern, regex in (("rec", REC_MODERN), ("rec-pre-2011", REC_OLDER)):
        for match in regex.finditer(text):
            if _has_rec_context(text, block, match.start(), match.end()):
                value = "/".join(match.groups())
                yield match.start(), match.end(), value, pattern


def _has_rec_context(text: str, block: Block, start: int, end: int) -> bool:
    """Ethics words in the same sentence, on a label line just above, or anywhere in a table row."""
    if block.part is Part.TABLE:
        return REC_CONTEXT.search(text) is not None
    left = max(0, start - REC_CONTEXT_BEFORE)
    for breaker in SENTENCE_BREAK.finditer(text, left, start):
        left = breaker.start() + 1
    right = min(len(text), end + REC_CONTEXT_AFTER)
    following = SENTENCE_BREAK.search(text, end, right)
    if following:
        right = following.start() + 1
    return REC_CONTEXT.search(text, left, right) is not None
