"""What a register cell says, read with the project's vocabularies (bundle.md, "Values").

References with the patterns the documents are read with (`extractors.references`); identifiers
with the identifier vocabulary, negation as in documents; the opt-out with the words CAG letters are
read with (`extractors.cag_letters`); dates as date cells, Excel serial numbers, or text in a UK form.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.documents.cag_letters import EXEMPTION, OPT_OUT
from extractors.documents.identifiers import _blank_out, identifier_mentions
from extractors.documents.references import _cag_references
from extractors.names.org_vocabulary import TITLES
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from extractors.text.negation import is_negated
from pipeline.model import Block, Part

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1 January 1900, after Excel's phantom 29 February
SERIAL_RANGE = (25_000, 80_000)  # 1968 to 2119: a number outside it in a date column is not a date
# The status cell: an exemption in any of these words, none in "applied", "applies" or a blank.
STATUS_EXEMPT = compile_folded(
    r"\bexempt(?:ed|ion)?\b|\bnot\s+(?:be\s+)?applied\b|\bdoes\s+not\s+apply\b|\bdisapplied\b", re.IGNORECASE
)
# "Not exempt", "no exemption", "no longer exempt": a denial of the exemption.
EXEMPTION_DENIED = compile_folded(
    r"\b(?:not|never|no\s+longer)\s+(?:been\s+|be\s+)?exempt|\bno\s+exemption\b|\bexemption\s+(?:was\s+|is\s+)?"
    r"(?:not\s+(?:given|granted|agreed)|refused|declined|removed|withdrawn)",
    re.IGNORECASE,
)
# The notes' other way of saying it: exempt from the standard condition that dissent is respected.
DISSENT_EXEMPTION = compile_folded(r"\bexempt\w*\b[^.;]{0,120}\bdissent\b", re.IGNORECASE)
ITEM_LINES = re.compile(r"[\r\n]+")
ITEM_SEPARATORS = re.compile(r"\s*(?:[;,/&]|\band\b)\s*", re.IGNORECASE)
SENTENCES = re.compile(r"(?<=[.;!?])\s+|\n+")
ORGANISATION_SPLIT = re.compile(r"[\n\r;]+")
NOT_AN_ORGANISATION = re.compile(r"@|^[\d\s()+\-.]+$|^(?:tel|phone|email|e-mail|contact)\b", re.IGNORECASE)


def references_in(text: str) -> list[str]:
    """Every CAG, ECC or PIAG reference in a cell, normalised as the documents' are."""
    return list(dict.fromkeys(value for _, _, value, _ in _cag_references(" ".join(text.split()))))


def read_date(value) -> dt.date | None:
    """A date cell, an Excel serial number, or text in a UK form (`31/03/2025`, `31 March 2025`,
    `2025-03-31`); None for a blank or any other text ("TBC", "under review")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        return None
    text = " ".join(str(value).split()).rstrip(".")
    mentions = find_dates(text)
    if len(mentions) == 1 and mentions[0].precision == "day" and mentions[0].text == text:
        return mentions[0].value
    return None


def read_identifiers(text: str) -> list[str]:
    """The identifiers a cell names, not negated ("NHS number, date of birth; no names"). The column
    lists data items, so an item alone between separators ("Sex", "GP practice") is read as a table
    row that lists it: the vocabulary's rule for an ambiguous word in a table of items."""
    text = " ".join(ITEM_LINES.sub("; ", text).split())
    mentions = identifier_mentions(text)
    neutral = _blank_out(text, mentions)
    found = [label for label, start, end, _ in mentions if not is_negated(neutral, start, end)]
    edges = [0, *(i for m in ITEM_SEPARATORS.finditer(text) for i in m.span()), len(text)]
    for start, end in zip(edges[::2], edges[1::2], strict=False):
        item = text[start:end].strip()
        if not item or any(s < end and start < e for _, s, e, _ in mentions):
            continue
        row = Block(index=0, text=item, part=Part.TABLE, cells=(item, "identifier"))
        found += [label for label, s, e, _ in identifier_mentions(item, row) if not is_negated(item, s, e)]
    return list(dict.fromkeys(found))


def status_records_exemption(text: str) -> bool:
    """The opt-out status cell says exempt, exempted, not applied or does not apply."""
    return bool(STATUS_EXEMPT.search(text)) and not EXEMPTION_DENIED.search(text)


def notes_record_exemption(text: str) -> bool:
    """The notes say, not negated, that the national data opt-out does not apply to the activity,
    that it is exempt from the opt-out, or exempt from the standard condition that dissent is respected."""
    for sentence in SENTENCES.split(text):
        if EXEMPTION_DENIED.search(sentence):
            continue
        if DISSENT_EXEMPTION.search(sentence) or (OPT_OUT.search(sentence) and EXEMPTION.search(sentence)):
            return True
    return False


def read_organisations(text: str) -> list[str]:
    """The organisations of a cell split at line breaks and semicolons; a person (a title first), an
    e-mail address or a telephone number among them is left out."""
    names = []
    for part in ORGANISATION_SPLIT.split(text):
        name = " ".join(part.split()).strip(" ,")
        first = name.split(" ", 1)[0] if name else ""
        if name and first not in TITLES and not NOT_AN_ORGANISATION.search(name):
            names.append(name)
    return list(dict.fromkeys(names))
