"""Identifiable items named as data items ("NHS number, date of birth and postcode will be sent").

Identifiers in these documents are mostly named, not present as values, so this is vocabulary
matching against the identifier list of domain.md, on whole tokens (`extractors.text.tokens`). Three things
decide precision:

- ambiguous words need context: bare "name" or "address" counts only in a personal context ("your
  name", "name of the patient") or beside other identifiers; "sex", "gender" and "GP practice" only
  beside other identifiers; and never with a modifier that makes them something else ("file name",
  "email address", "name of the study", "to address the question");
- less identifying forms are recorded as what they are (`postcode_district`, `year_of_birth`), not
  as the full item;
- a negated mention ("no names will be sent") is not coverage: it becomes `identifier_negated`.

NHS number values are recognised too (label or 3-3-4 layout, check digit), and only ever stored
masked.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.facts import DocumentFacts
from extractors.names.identifier_vocabulary import (
    LIST_ONLY,
    NON_PERSONAL_MODIFIERS,
    PERSONAL_CONTEXT,
    PERSONAL_NOUNS,
    PERSONAL_WHEN_AMBIGUOUS,
    VERB_FOLLOWERS,
    VERB_LEADERS,
    VOCABULARY,
    WEAKER_FORMS,
)
from extractors.record import FactRecorder, append_unique
from extractors.text.casefold import fold
from extractors.text.coordination import lists_ending_at_heads
from extractors.text.negation import is_negated
from extractors.text.spans import join_soft_breaks, sentence_bounds
from extractors.text.tokens import PhraseMatcher, Token, tokenize
from pipeline.masking import NHS_NUMBER_SHAPE, nhs_check_digit_ok
from pipeline.model import Block, Document, Part

_MATCHER = None

# Words without which a stretch of text names no identifier: only the text around them is
# tokenised. Matched in folded text (`casefold.fold`) without a leading \b, so that the engine can skip ahead
# on first characters (about four times faster than the same pattern with IGNORECASE).
CANDIDATE_WORDS = re.compile(
    r"nhs\s*(?:n|#|/|id)|chi\s*n|h&c|name|address|post\s*-?\s*code|postal\s+code|birth|d\.?o\.?[bd]|of\s+death|"
    r"death\s+date|sex|gender|gp\s+(?:practice|surgery|code)|practice\s+code|registered\s+(?:gp|practice)|"
    r"hospital\s+(?:n|id|record)|mrn|patient\s+id|lsoa|msoa|super\s+output|outward|outcode|record\s+number|"
    r"case\s+note|health\s+index|care\s+number"
)
CANDIDATE_DIGITS = re.compile(r"\d{3}[ -]?\d{3}[ -]?\d{4}")
WINDOW_MARGIN = 100  # characters tokenised either side of a candidate word
NHS_LABEL = re.compile(
    r"(?i)(?:\bNHS\s*(?:number|no\b\.?|num\b|#)|\bCHI\s*(?:number|no\b)|\bH&C\s*(?:number|no\b))[^\n\d]{0,30}$"
)
NAME_PHRASES = frozenset(" ".join(p.lower().split()) for p in VOCABULARY["name"])
LIST_WINDOW = 150  # characters within which other identifiers make a list
# Statements, not mentions: an item a proposal once held and no longer does ("The applicant had
# initially proposed to send full postcode", "address has since been removed") is not an item used.
WITHDRAWN = re.compile(
    r"(?i)\b(?:initially|originally|previously|at\s+first)\s+(?:had\s+)?(?:proposed|planned|intended|requested|"
    r"sought|asked\s+for|applied\s+for|included)\b|\bhad\s+(?:originally\s+|initially\s+)?(?:proposed|planned|"
    r"intended)\b|\bno\s+longer\b|\b(?:has|have|was|were)\s+(?:since\s+|now\s+)?(?:been\s+)?"
    r"(?:removed|withdrawn|dropped|deleted)\s+from\b"
)
SIGNATURE_LINE = re.compile(r"(?i)\bsignature|\bsigned\b")
# A sentence that says what personal data is, its items examples of the term: "Personal data is data
# about people from which ... (for example through their name, ... postcode, NHS number)", "Examples
# of Personal Data are: names, addresses". Recorded as `identifier_example`, not as items held.
DEFINITION = re.compile(
    r"(?i)\b(?:personal|identifiable)\s+(?:data|information)\s+(?:is|means|are)\s+(?:any\s+)?(?:data|information)\b"
    r"|\bexamples?\s+of\s+(?:personal|identifiable)\s+(?:data|information)\b"
)
# ... unless the same sentence says the study collects or uses them.
COLLECTED = re.compile(
    r"(?i)\b(?:we|us|the\s+(?:study|research|trial)\s+team)\b[^.;]{0,40}?\b(?:collect|hold|keep|use|receive|send|record|ask)"
)
# A row of a table of items says whether each is used ("Name | Yes", "GP practice  No  Not required").
TABLE_YES = re.compile(
    r"(?i)\b(?:yes|no|required|linkage|link|analysis|identifiers?|flow)\b|[\u2713\u2714\u2717]"
)
LINE_LEAD = re.compile(r"[\W\d]*")  # bullets and numbering before an item that starts a line
# A label that introduces a list of identifiers: "Identifiers for analysis: sex", "The identifiers
# listed for analysis are: sex", "the data items will include gender".
IDENTIFIER_LABEL = re.compile(
    r"(?i)\b(?:identifiers?|identifiable\s+(?:items|data\s+items|fields)|data\s+items|items\s+of\s+"
    r"(?:confidential\s+)?patient\s+information)\b[^.:;!?\n]{0,60}?(?::|\b(?:are|is|include|includes|comprise)\b:?)"
)
LABEL_REACH = 100  # characters between a label and the item it lists
# What may stand between a label and an item of its list: other items, and the words that join them.
LIST_GLUE = re.compile(r"(?i)(?:[\s,;&/()\-•*]|\band\b|\bor\b|\bthe\b|\btheir\b|\bpatients?['’]?s?\b)*")


def extract_identifiers(document: Document, facts: DocumentFacts) -> None:
    recorder = FactRecorder(document, facts, "identifiers")
    for block in document.parsed.blocks:
        text = join_soft_breaks(block.text)
        mentions = identifier_mentions(text, block)
        neutral = _blank_out(text, mentions)
        for label, start, end, pattern in mentions:
            if is_negated(neutral, start, end):
                recorder.add("identifier_negated", label, block, start, end, pattern)
                continue
            sentence = sentence_bounds(text, start, end)
            if WITHDRAWN.search(text, *sentence):
                recorder.add("identifier_withdrawn", label, block, start, end, pattern)
                continue
            definition = DEFINITION.search(text, sentence[0], start)
            if definition and not COLLECTED.search(text, *sentence):
                recorder.add("identifier_example", label, block, start, end, pattern)
                continue
            recorder.add("identifier", label, block, start, end, pattern)
            append_unique(facts.identifiers, label)
        for start, end, value in nhs_number_values(text):
            pattern = value.pop("pattern")
            recorder.add("nhs_number_value", value, block, start, end, pattern)


def identifier_mentions(text: str, block: Block | None = None) -> list[tuple[str, int, int, str]]:
    """(identifier id, start, end, pattern) for each mention that names an identifier as a data item.

    Negation is not decided here: the caller sorts mentions into asserted and negated. Only the
    windows around candidate words are tokenised: the tokenizer is the costly step.
    """
    candidates = []
    for left, right in _windows(text):
        doc = tokenize(text[left:right])
        for label, first, last in _matcher().longest(doc):
            start, end = doc[first].idx + left, doc[last - 1].end + left
            phrase = " ".join(text[start:end].lower().split())
            verdict = _judge(doc, first, last, text, phrase, left)
            if verdict is not None:
                candidates.append([_weaker_form(label, text, start, end), start, end, phrase, verdict])
    accepted = []
    for label, start, end, phrase, verdict in candidates:
        if verdict == "needs-list" and not (
            _beside_others(text, start, end, candidates)
            or _ticked_table_cell(block, phrase)
            or _ticked_line(text, start, end)
            or _listed_after_label(text, start, candidates)
        ):
            continue
        pattern = "phrase" if verdict == "strong" else ("personal" if verdict == "personal" else "list")
        accepted.append((label, start, end, pattern))
    return accepted + coordinated_mentions(text, accepted)


# Class: one head shared by coordinated items. "dates of birth and death" names the date of death
# too; "your NHS and hospital numbers" the NHS number. Each conjunct is looked up as if written in
# full ("date of death", "NHS number"); only what the vocabulary names counts, and a mention already
# found at the same place is not repeated.
HEAD_AFTER = re.compile(
    r"(?i)\b(?P<head>dates?\s+of)\s+(?P<items>(?:birth|death|diagnosis|registration)"
    r"(?:\s*,\s*(?:birth|death|diagnosis|registration))*\s*,?\s+(?:and|or|&)\s+(?:birth|death|diagnosis|registration))\b"
)
HEAD_BEFORE = re.compile(
    r"(?P<items>(?:[A-Za-z][\w&/-]*)(?:\s*,\s*[A-Za-z][\w&/-]*)*\s*,?\s+(?:and|or|&)\s+(?:[A-Za-z][\w&/-]*\s+){0,2}"
    r"(?:\([A-Za-z]{2,5}\)\s+)?)(?P<head>numbers?|nos?\.?|IDs?|identifiers?|codes?)\b"
)
ITEM_HEAD = re.compile(r"\b(?:numbers?|nos?\.?|IDs?|identifiers?|codes?)\b")
HEAD_BEFORE_ENDING = re.compile(HEAD_BEFORE.pattern + "$")
COORDINATOR = re.compile(r"\s(?:and|or|&)\s", re.IGNORECASE)
HEAD_REACH = 120  # characters of list read back from a head word


ITEM_SPLIT = re.compile(r"(?i)\s*(?:,\s*(?:and|or|&)?|\band\b|\bor\b|&)\s*")


def coordinated_mentions(
    text: str, found: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    taken = {(label, start) for label, start, _, _ in found}
    extra = []
    for match in HEAD_AFTER.finditer(text) if "of" in text else ():
        head = "date of"
        for item in ITEM_SPLIT.split(match.group("items")):
            label = _vocabulary_id(f"{head} {item}")
            if label and not any(label == t[0] and t[1] <= match.start() < t[2] for t in found):
                extra.append((label, match.start(), match.end(), "coordinated"))
    for match in lists_ending_at_heads(text, ITEM_HEAD, HEAD_BEFORE_ENDING, HEAD_REACH, COORDINATOR):
        head = match.group("head")
        position = match.start("items")
        for item in ITEM_SPLIT.split(match.group("items")):
            item = re.sub(r"\s*\([^)]*\)\s*$", "", item.strip())
            if not item:
                continue
            at = text.find(item, position)
            position = at + len(item) if at >= 0 else position
            label = _vocabulary_id(f"{item} {head}")
            if (
                label
                and (label, at) not in taken
                and not any(label == t[0] and t[1] <= at < t[2] for t in found)
            ):
                extra.append((label, at, match.end(), "coordinated"))
    unique = {}
    for mention in extra:
        unique.setdefault(mention[0], mention)
    return list(unique.values())


def _vocabulary_id(phrase: str) -> str | None:
    return _PHRASE_IDS().get(" ".join(phrase.lower().split()))


@cache
def _PHRASE_IDS() -> dict[str, str]:  # noqa: N802 - a constant made on first use
    return {phrase.lower(): label for label, phrases in VOCABULARY.items() for phrase in phrases}


def _candidates(text: str) -> list[re.Match[str]]:
    hits = list(CANDIDATE_WORDS.finditer(fold(text)))
    digits = list(CANDIDATE_DIGITS.finditer(text))
    if digits:
        hits = sorted(hits + digits, key=lambda hit: hit.start())
    return hits


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around candidate words, merged, cut at spaces so no word is split."""
    windows: list[tuple[int, int]] = []
    for hit in _candidates(text):
        left = max(0, hit.start() - WINDOW_MARGIN)
        if left:
            space = text.find(" ", left, hit.start())
            left = space + 1 if space != -1 else hit.start()
        right = min(len(text), hit.end() + WINDOW_MARGIN)
        if right < len(text):
            space = text.rfind(" ", hit.end(), right)
            right = space if space != -1 else hit.end()
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows


def nhs_number_values(text: str) -> list[tuple[int, int, dict]]:
    """NHS numbers written out: labelled or laid out 3-3-4, with a valid check digit; masked."""
    found = []
    for match in NHS_NUMBER_SHAPE.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        if len(set(digits)) == 1 or not nhs_check_digit_ok(digits):
            continue
        if NHS_LABEL.search(text, max(0, match.start() - 60), match.start()):
            pattern = "nhs-number-labelled"
        elif match.group(2):
            pattern = "nhs-number-layout"
        else:
            continue
        value = {"masked": f"*** *** {digits[-4:]}", "test_number": digits[0] == "9", "pattern": pattern}
        found.append((match.start(), match.end(), value))
    return found


def _blank_out(text: str, mentions: list[tuple[str, int, int, str]]) -> str:
    """`text` with every mention replaced by X's, so that the "No" of "NHS No." and the dots of
    "D.O.B." are not read as a negation or a sentence end (a capital X still opens a sentence)."""
    if not mentions:
        return text
    pieces, last = [], 0
    for _, start, end, _ in sorted(mentions, key=lambda m: m[1]):
        pieces += [text[last:start], "X" * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _matcher():
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = PhraseMatcher(VOCABULARY)
    return _MATCHER


def _judge(doc: list[Token], first: int, last: int, text: str, phrase: str, offset: int = 0) -> str | None:
    """'strong', 'personal', 'needs-list', or None when the words name something else."""
    if phrase in NAME_PHRASES and _glosses_a_thing(doc, first):
        return None
    if phrase not in PERSONAL_WHEN_AMBIGUOUS and phrase not in LIST_ONLY:
        return "strong"
    before = doc[first - 1].lower_ if first > 0 else ""
    after = doc[last].lower_ if last < len(doc) else ""
    if before in NON_PERSONAL_MODIFIERS or (
        before in ("-", "'s") and first > 1 and doc[first - 2].lower_ in NON_PERSONAL_MODIFIERS
    ):
        return None
    if phrase.startswith("address") and (before in VERB_LEADERS or after in VERB_FOLLOWERS):
        return None
    if phrase in PERSONAL_WHEN_AMBIGUOUS:
        position = doc[first].idx + offset
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        if SIGNATURE_LINE.search(text, line_start, line_end if line_end != -1 else len(text)):
            return None
        owner = _of_whom(doc, last)
        if owner is False:
            return None
        if owner or _personal_before(doc, first) or phrase.endswith("es") or phrase == "names":
            return "personal"  # plurals ("no names will be sent") are people's unless vetoed above
    return "needs-list"


def _glosses_a_thing(doc: list[Token], first: int) -> bool:
    """'Datasets requested (full names)': a bracketed gloss on a thing's name, not a person's."""
    if first == 0 or doc[first - 1].text != "(":
        return False
    return any(token.lower_ in NON_PERSONAL_MODIFIERS for token in doc[max(0, first - 4) : first - 1])


def _personal_before(doc: list[Token], first: int) -> bool:
    """'your name', 'the patient's address', 'participants' names', 'home address'."""
    for back in (1, 2):
        index = first - back
        if index < 0:
            return False
        word = doc[index].lower_
        if word in PERSONAL_CONTEXT:
            return True
        if word not in ("'s", "'", "’s", "’"):
            return False
    return False


def _of_whom(doc: list[Token], last: int) -> bool | None:
    """After "name(s) [and address] of ...": True for a person, False for a thing, None if no "of"."""
    index = last
    skippable = {"and", "or", "/", ",", "&", "address", "addresses", "name", "names", "contact", "details"}
    while index < len(doc) and index < last + 5 and doc[index].lower_ in skippable:
        index += 1
    if index >= len(doc) or doc[index].lower_ != "of":
        return None
    index += 1
    determiners = {
        "the",
        "a",
        "an",
        "this",
        "that",
        "each",
        "every",
        "any",
        "all",
        "your",
        "their",
        "our",
        "its",
        "his",
        "her",
    }
    while index < len(doc) and doc[index].lower_ in determiners:
        index += 1
    if index >= len(doc):
        return False
    noun = doc[index].lower_
    if noun not in PERSONAL_NOUNS:
        return False
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    return following not in ("taking", "receiving", "obtaining", "seeking", "witnessing")


def _weaker_form(label: str, text: str, start: int, end: int) -> str:
    """'postcode (district only)' is a postcode district; 'date of birth (month and year)' a year."""
    for strong, (weaker, qualifier) in WEAKER_FORMS.items():
        if label == strong and qualifier.match(text, end):
            return weaker
    return label


def _beside_others(text: str, start: int, end: int, candidates: list) -> bool:
    left, right = sentence_bounds(text, start, end)
    left, right = max(left, start - LIST_WINDOW), min(right, end + LIST_WINDOW)
    return any(left <= other[1] and other[2] <= right and other[1] != start for other in candidates)


def _listed_after_label(text: str, start: int, candidates: list) -> bool:
    """The item is in a list that a label of identifiers introduces ("Identifiers for analysis: sex"):
    between the label and the item stand only other items and the words that join them."""
    for label in IDENTIFIER_LABEL.finditer(text, max(0, start - LABEL_REACH - 80), start):
        between = text[label.end() : start]
        if len(between) > LABEL_REACH:
            continue
        for other in sorted(candidates, key=lambda c: -c[1]):
            if label.end() <= other[1] and other[2] <= start:
                between = between[: other[1] - label.end()] + " " * (other[2] - other[1]) + between[other[2] - label.end() :]
        if LIST_GLUE.fullmatch(between):
            return True
    return False


def _ticked_table_cell(block: Block | None, phrase: str) -> bool:
    """A table row listing an item in a cell of its own, marked as required ('Name | Yes')."""
    if block is None or block.part is not Part.TABLE or not block.cells:
        return False
    cells = [" ".join(cell.lower().split()) for cell in block.cells]
    if phrase not in cells:
        return False
    return any(TABLE_YES.search(cell) for cell in cells if cell != phrase)


def _ticked_line(text: str, start: int, end: int) -> bool:
    """A table laid out as lines of text (PDF page text): the item opens its line and the rest of
    the line marks it ('GP practice  No  Not required')."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if LINE_LEAD.match(text, line_start).end() != start:
        return False
    return TABLE_YES.search(text, end, line_end) is not None
