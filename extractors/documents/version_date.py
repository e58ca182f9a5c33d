"""The document's own version and date, told apart from every other version and date on its pages.

A form's version and version date usually sit together in a footer or under the title ("Version
1.1, 22nd January 2019, Page 1 of 3"); a letter's date stands alone near the top of page 1. What
is not the document's own: a template's footer ("CTRG form 306m V3.0 Template 24 January 2020"),
another document that this one cites ("the information sheet dated 01/02/2020 (version 2.0)",
a CAG letter's table of reviewed documents), and dates with another role (a meeting, a date of
birth, a review due date, a period of use). Each candidate is scored by where it stands and what
surrounds it; the best one wins and is kept as a fact with its evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.facts import DocumentFacts, Fact
from extractors.text.casefold import compile_folded
from extractors.text.dates import DateMention, find_dates
from extractors.text.spans import evidence_at
from extractors.text.versions import VersionMention, find_versions
from pipeline.model import Block, Document, Part

LETTER_KINDS = {"cag_approval", "cag_amendment", "cag_annual_review", "rec_approval"}

# Document nouns, to tell a document's own version from one it cites.
DOC_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, compile_folded(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "participant_information_sheet",
            r"\b(?:information\s+(?:sheet|leaflet|booklet)|PIS|patient\s+information)\b",
        ),
        ("consent_form", r"\b(?:consent\s+form|assent\s+form|ICF)\b"),
        ("protocol", r"\bprotocol\b"),
        ("privacy_notice", r"\b(?:privacy|transparency|fair\s+processing)\s+(?:notice|statement|policy)\b"),
        ("s251_application", r"\b(?:application(?:\s+form)?|CAG\s+form|IRAS\s+form)\b"),
        ("cohort_communication", r"\bnewsletter\b"),
        ("transfer_risk_assessment", r"\btransfer\s+risk\s+assessment\b"),
        ("letter", r"\b(?:letter|GP\s+letter|invitation)\b"),
        ("questionnaire", r"\b(?:questionnaire|topic\s+guide|interview\s+schedule|poster|flyer)\b"),
    )
)
SAME_KIND = {
    "cag_approval": {"letter"},
    "cag_amendment": {"letter"},
    "cag_annual_review": {"letter"},
    "rec_approval": {"letter"},
}
TEMPLATE = compile_folded(r"\btemplate\b|\bform\s+\d+[a-z]?\b", re.IGNORECASE)
FIELD_SEPARATOR = re.compile(r"\s+[|•·]\s+|\t+|\s{3,}")
# Words just before a date that give it another role than the document's date.
OTHER_ROLE = compile_folded(
    r"(meeting|met|held|received|receipt|submitted|submission|birth|born|d\.?o\.?b|death|died|review\s+(?:is\s+)?due|"
    r"due\s+(?:by|on)?|expir\w*|valid\s+(?:until|to)|until|to|from|between|since|before|after|by|no\s+later\s+than|"
    r"ends?|ending|started?|starting|commenc\w*|deadline|visit|appointment|approved\s+on|"
    r"favourable\s+opinion\s+(?:was\s+)?(?:given|issued)?\s*(?:on)?|opinion\s+of|letter\s+of|letter\s+dated|"
    r"your\s+(?:letter|email|application)\s+(?:of|dated)|correspondence\s+(?:of|dated)|"
    r"recruit\w*|period|during|in\s+force\s+(?:from|until)|"
    # page furniture: what a web page or a file host says of its own copy, never the document's date
    r"authored|edited(?:\s+this\s+page)?(?:\s+on)?|posted(?:\s+on)?|post\s+on|committed(?:\s+on)?|"
    r"uploaded(?:\s+on)?|downloaded(?:\s+on)?|accessed(?:\s+on)?|retrieved(?:\s+on)?|printed(?:\s+on)?|"
    r"as\s+(?:of|at)|runs?)\W*$",
    re.IGNORECASE,
)
OWN_DATE_LABEL = compile_folded(
    r"(version\s+date|date\s+of\s+(?:this\s+)?(?:version|issue|letter|document)|issue\s+date|date\s+issued|issued(?:\s+on)?|"
    r"last\s+(?:updated|reviewed|revised)|updated(?:\s+on)?|effective\s+(?:from|date)|applicable\s+(?:from|date)|"
    r"published|"
    r"dated|date)\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
PAGE_COUNTER = re.compile(r"\bpage\s+\d+\s+(?:of\s+\d+)?", re.IGNORECASE)
# A date followed by a clock time is a print or export stamp ("14/03/2024, 09:12"), not the document's.
CLOCK_AFTER = re.compile(r"^\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}\b")
# An e-mail's Date header ("Date: Mon, 03 Apr 2023 09:00:00 +0000"): the message's own date, its
# clock time part of the header's form (pipeline/readers/mail.py labels the block).
MESSAGE_DATE_LINE = "Date line"
DIGITS = re.compile(r"\d+")
LETTER_OPENING_LINES = 30
TITLE_LINES = 15


@dataclass(frozen=True, slots=True)
class _Line:
    block: Block
    start: int
    end: int
    text: str
    region: str  # footer, header, running, title, body, table
    template: bool  # the line names a template or a numbered form: its version and date are not ours


@dataclass(slots=True)
class _Candidate:
    score: float
    line: _Line
    mention: VersionMention | DateMention


def extract_version_and_date(document: Document, facts: DocumentFacts) -> None:
    lines = list(_lines(document))
    kind = facts.kind
    version = _best_version(lines, kind)
    date = _best_date(lines, kind, version)
    if version is not None:
        facts.version = version.mention.value
        facts.add(
            _fact(document, "version", version.mention.value, version, "version_date:" + version.line.region)
        )
    if date is not None:
        facts.date = date.mention.iso
        facts.add(
            _fact(document, "document_date", date.mention.iso, date, "version_date:" + date.line.region)
        )


def _fact(document: Document, name: str, value: str, candidate: _Candidate, extractor: str) -> Fact:
    line = candidate.line
    evidence = evidence_at(
        document,
        line.block,
        line.start + candidate.mention.start,
        line.start + candidate.mention.end,
        quote=" ".join(line.text.split())[:300],
    )
    return Fact(name, value, evidence, extractor=extractor)


def _lines(document: Document):
    """Every line of the document with its region: footer, header, running (a PDF line repeated
    on several pages, or at a page's edge), title (the first lines), table or body."""
    blocks = document.parsed.blocks
    running = _running_lines(blocks)
    seen_title = 0
    for block in blocks:
        if block.part is Part.COMMENT:
            continue  # a reviewer's note: its date is the note's, not the document's
        offset = 0
        raw_lines = block.text.split("\n")
        # A line that matches TEMPLATE is a place where it matches in the block (what follows a
        # line is a line break, as its end is to the line alone): a block without one has no such line.
        any_template = TEMPLATE.search(block.text) is not None
        for number, text in enumerate(raw_lines):
            start, end = offset, offset + len(text)
            offset = end + 1
            if not text.strip():
                continue
            if block.part is Part.FOOTER:
                region = "footer"
            elif block.part is Part.HEADER:
                region = "header"
            elif block.part is Part.TABLE:
                region = "table"
            elif block.page is not None and (_normal(text) in running or _at_edge(number, raw_lines, block)):
                region = "running"
            elif seen_title < TITLE_LINES:
                region = "title"
            else:
                region = "body"
            if region in ("title", "body"):
                seen_title += 1
            template = any_template and TEMPLATE.search(block.text, start, end) is not None
            if template and FIELD_SEPARATOR.search(text):
                # "IRAS template PIS v7.0 | LC-HCW PIS version 1.2, 6 June 2022 | Page 1": only the
                # field that names the template gives the template's version and date.
                for field_start, field_end in _fields(text):
                    field = text[field_start:field_end]
                    yield _Line(
                        block, start + field_start, start + field_end, field, region,
                        TEMPLATE.search(field) is not None,
                    )  # fmt: skip
                continue
            yield _Line(block, start, end, text, region, template)


def _fields(text: str) -> list[tuple[int, int]]:
    """The spans of a line's fields, split where a footer separates them (" | ", a tab, wide spaces)."""
    spans, last = [], 0
    for separator in FIELD_SEPARATOR.finditer(text):
        spans.append((last, separator.start()))
        last = separator.end()
    spans.append((last, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _normal(text: str) -> str:
    return DIGITS.sub("#", text.strip().lower())


def _running_lines(blocks: list[Block]) -> set[str]:
    pages = [b for b in blocks if b.part is Part.BODY and b.page is not None]
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for block in pages:
        lines = [line for line in block.text.split("\n") if line.strip()]
        counts.update({_normal(line) for line in lines[:3] + lines[-3:]})
    return {line for line, count in counts.items() if count >= 2}


def _at_edge(number: int, lines: list[str], block: Block) -> bool:
    """The last two lines of a PDF page, where single-page documents keep their footer."""
    return block.page is not None and number >= len(lines) - 2 and len(lines) > 4


def _cites_other_document(line: _Line, position: int, kind: str) -> bool:
    """True when the nearest document noun before `position` in the line names another kind."""
    before = line.text[max(0, position - 80) : position]
    nearest: tuple[int, str] | None = None
    for noun_kind, pattern in DOC_NOUNS:
        for match in pattern.finditer(before):
            if nearest is None or match.start() > nearest[0]:
                nearest = (match.start(), noun_kind)
    if nearest is None:
        return False
    return nearest[1] != kind and nearest[1] not in SAME_KIND.get(kind, set())


def _names_own_kind(line: _Line, position: int, kind: str) -> bool:
    before = line.text[max(0, position - 60) : position]
    return any(noun_kind == kind and pattern.search(before) for noun_kind, pattern in DOC_NOUNS)


REGION_SCORE = {"footer": 4.0, "header": 3.0, "running": 3.5, "title": 2.5, "body": 0.5, "table": -1.0}


def _best_version(lines: list[_Line], kind: str) -> _Candidate | None:
    best: _Candidate | None = None
    for order, line in enumerate(lines):
        if line.template:
            continue
        if kind in LETTER_KINDS and line.region not in ("footer", "header", "running"):
            continue  # a letter's body and tables speak of other documents' versions
        for mention in find_versions(line.text):
            if mention.is_issue and kind == "cohort_communication":
                continue  # a newsletter's issue number names an edition, not a version
            if _cites_other_document(line, mention.start, kind):
                continue
            score = REGION_SCORE[line.region]
            if find_dates(line.text):
                score += 2.0
            if _names_own_kind(line, mention.start, kind):
                score += 1.5
            if re.match(
                r"\s*version\b", line.text[mention.start :], re.IGNORECASE
            ) and line.text.strip().lower().startswith("version"):
                score += 1.0  # "Version: 2.0" on a line of its own
            score -= order * 0.0005  # earlier wins among equals
            if score > 0 and (best is None or score > best.score):
                best = _Candidate(score, line, mention)
    return best


def _best_date(lines: list[_Line], kind: str, version: _Candidate | None) -> _Candidate | None:
    if kind in LETTER_KINDS:
        return _letter_date(lines)
    best: _Candidate | None = None
    for order, line in enumerate(lines):
        if line.template or line.region == "table":
            continue
        for mention in find_dates(line.text):
            before = PAGE_COUNTER.sub("", line.text[: mention.start])
            sent = line.block.label == MESSAGE_DATE_LINE
            if OTHER_ROLE.search(before) and not OWN_DATE_LABEL.search(before):
                continue
            if CLOCK_AFTER.match(line.text[mention.end :]) and not sent:
                continue
            if _cites_other_document(line, mention.start, kind):
                continue
            score = REGION_SCORE[line.region] + (3.5 if sent else 0.0)
            if version is not None and line is version.line:
                score += 4.0
            elif find_versions(line.text):
                score += 1.5
            if OWN_DATE_LABEL.search(before):
                score += 3.5  # the document says so: outweighs where the line stands
            if len(line.text.strip()) - len(mention.text) < 12:
                score += 1.0  # a date (almost) alone on its line
            score -= order * 0.0005
            if score > 1.0 and (best is None or score > best.score):
                best = _Candidate(score, line, mention)
    return best


def _letter_date(lines: list[_Line]) -> _Candidate | None:
    """A letter's date: the first date near the top that stands alone or is labelled "Date"."""
    fallback: _Candidate | None = None
    for order, line in enumerate(lines[:LETTER_OPENING_LINES]):
        if line.region == "table" or line.template:
            continue
        for mention in find_dates(line.text):
            if mention.precision != "day":
                continue
            before = line.text[: mention.start]
            if OTHER_ROLE.search(before) and not OWN_DATE_LABEL.search(before):
                continue
            rest = (before + line.text[mention.end :]).strip(" ,.:;-–")
            if len(rest) <= 12 or OWN_DATE_LABEL.search(before):
                return _Candidate(10.0 - order * 0.01, line, mention)
            if fallback is None and len(line.text) < 90:
                fallback = _Candidate(1.0, line, mention)
    return fallback
