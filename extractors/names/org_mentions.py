"""Organisation names in text: runs of capitalised words ending in a kind of body, and NHS England.

A name is a run of capitalised words that ends in a word saying what kind of body it is ("... NHS
Foundation Trust", "... Ltd", "... Council") or that starts with one taking "of" ("University of
Bristol"). Runs are looked for only around those words, and never across NHS England's names:
NHS England and its predecessors (NHS Digital, HSCIC, ...) are one body, named "NHS England", with
the name as written kept. An acronym defined after a name ("University College London (UCL)") is
remembered and its later uses resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.names.org_names import NHS_ENGLAND, NHS_ENGLAND_SCAN
from extractors.names.org_vocabulary import (
    COMMITTEE_ANCHORS,
    COMMITTEE_WORDS,
    CONNECTORS,
    KEPT_ACRONYMS,
    LEADING_STOP,
    NON_DISTINCTIVE,
    OF_ANCHORS,
    PLACE_AFTER_ANCHOR,
    PLACE_STARTERS,
    SUFFIX_ANCHORS,
    TITLES,
    TRAILING_STOP,
)

CAPITALISED = (
    r"(?:St\.|Ltd\.|Inc\.|[A-Z][\w'’\-]*|\((?:UK|GB|Europe|International|England|Scotland|Wales)\)|plc)"
)
NAME_CONNECTOR = r"(?:of|and|&|for|the|upon)"
RUN = re.compile(rf"(?<![\w'’]){CAPITALISED}(?:[ \t]+(?:{NAME_CONNECTOR}[ \t]+)*{CAPITALISED})*")
RUN_WORD = re.compile(rf"{CAPITALISED}|\b{NAME_CONNECTOR}\b")
ANCHOR_WORDS = tuple(sorted({a.rstrip(".") for a in SUFFIX_ANCHORS}))
ANCHOR = re.compile(r"(?:" + "|".join(map(re.escape, ANCHOR_WORDS)) + r")\b")
RUN_SEPARATORS = ",;:|\n"  # a name never spans these: a window around an anchor stops at them
WINDOW = 200
# A name wrapped onto the next line ("Oxford University Hospitals NHS\nFoundation Trust"). The line
# break comes first and the letter before it is tested after it, so that `re` looks only at breaks.
NAME_CONTINUES = re.compile(
    r"\n(?<=[A-Za-z'’]\n)(?=(?:NHS\s+)?(?:Foundation\s+Trust|Trust|Hospitals?|Ltd|Limited|PLC|plc|LLP|Board|"
    r"Council|Authority|Agency|Commission|(?:Institute|College|School|Academy|University)(?!\s+(?:of|for)\b)|"
    r"Health\s+Board)\b)"
)
ACRONYM_DEFINITION = re.compile(r"\s*\(\s*(?:the\s+)?[\"“‘']?([A-Z][A-Za-z&]{1,9})[\"”’']?\s*\)")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OrgMention:
    name: str  # canonical: "NHS England" for any of its names; else as written, tidied
    written: str
    start: int
    end: int  # includes a defined acronym "(UCL)" that follows the name
    pattern: str


def organisation_mentions(text: str, acronyms: dict[str, str] | None = None) -> list[OrgMention]:
    """Organisation names in `text`, in order; `acronyms` (acronym -> name) is read and extended."""
    acronyms = {} if acronyms is None else acronyms
    text = NAME_CONTINUES.sub(" ", text)  # same length: offsets hold
    known = len(acronyms)
    mentions = _mentions(text, acronyms)
    if len(acronyms) > known:  # defined here: find its later uses in this text too
        mentions = _mentions(text, acronyms)
    return mentions


def _mentions(text: str, acronyms: dict[str, str]) -> list[OrgMention]:
    found = _nhs_england_mentions(text) if _may_name_nhs_england(text) else []
    if _has_anchor(text):
        # A run of capitals never crosses NHS England's name: "University of Leeds NHS England ..."
        masked = text
        for mention in found:
            masked = masked[: mention.start] + "#" * (mention.end - mention.start) + masked[mention.end :]
        for left, right in _anchor_windows(masked):
            for run in RUN.finditer(masked, left, right):
                if ANCHOR.search(run.group(0)):
                    found += _names_in_run(text, run)
    if acronyms:
        known = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, acronyms)) + r")(?![\w&])")
        found += [
            OrgMention(acronyms[m.group(0)], m.group(0), m.start(), m.end(), "acronym")
            for m in known.finditer(text)
        ]
    kept: list[OrgMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -m.end)):
        if kept and mention.start < kept[-1].end:
            continue
        definition = ACRONYM_DEFINITION.match(text, mention.end)
        if definition and mention.pattern != "acronym" and sum(c.isupper() for c in definition.group(1)) >= 2:
            acronyms.setdefault(definition.group(1), mention.name)
            mention = OrgMention(
                mention.name, mention.written, mention.start, definition.end(), "acronym-definition"
            )
        kept.append(mention)
    return kept


def may_name_organisation(text: str) -> bool:
    """A cheap test: without an anchor word or a form of NHS England's name, no name is here."""
    return _may_name_nhs_england(text) or _has_anchor(text)


def _has_anchor(text: str) -> bool:
    return any(word in text for word in ANCHOR_WORDS)


def _may_name_nhs_england(text: str) -> bool:
    lowered = text.lower()
    return "nhs" in lowered or "hscic" in lowered or "information centre" in lowered


def _nhs_england_mentions(text: str) -> list[OrgMention]:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(ASCII_LOWER)  # keep offsets where a lower case would be longer
    mentions = []
    for match in NHS_ENGLAND_SCAN.finditer(lowered):
        if match.start() and (lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] == "_"):
            continue
        written = LEADING_THE.sub("", " ".join(text[match.start() : match.end()].split()))
        mentions.append(OrgMention(NHS_ENGLAND, written, match.start(), match.end(), "nhs-england"))
    return mentions


def _anchor_windows(text: str) -> list[tuple[int, int]]:
    """Stretches around each anchor word, cut where no name can continue, merged."""
    windows: list[tuple[int, int]] = []
    for anchor in ANCHOR.finditer(text):
        start, end = anchor.start(), anchor.end()
        if start and text[start - 1].isalnum():
            continue
        floor, ceiling = max(0, start - WINDOW), min(len(text), end + WINDOW)
        left = max([floor] + [text.rfind(c, floor, start) + 1 for c in RUN_SEPARATORS])
        right = min(
            [ceiling] + [at for at in (text.find(c, end, ceiling) for c in RUN_SEPARATORS) if at != -1]
        )
        if windows and left <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], right))
        else:
            windows.append((left, right))
    return windows


def _names_in_run(text: str, run: re.Match[str]) -> list[OrgMention]:
    words = [
        (m.group(0), m.start() + run.start(), m.end() + run.start()) for m in RUN_WORD.finditer(run.group(0))
    ]
    names = []
    for segment in _segments(words):
        name = _name_in_segment(segment)
        if name:
            first, last = name
            written = " ".join(text[first[1] : last[2]].split())
            names.append(OrgMention(written, written, first[1], last[2], "name"))
    return names


def _segments(words: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split "University of Bristol and Cardiff University" in two, but not "Cardiff and Vale UHB"."""
    segments, start = [], 0
    for index, (word, _, _) in enumerate(words):
        if (
            word in ("and", "&")
            and _complete([w for w, _, _ in words[start:index]])
            and any(w in SUFFIX_ANCHORS for w, _, _ in words[index + 1 :])
        ):
            segments.append(words[start:index])
            start = index + 1
    segments.append(words[start:])
    return segments


def _complete(words: list[str]) -> bool:
    """Whether these words already make a whole name (so a following "and" starts another)."""
    anchors = [i for i, w in enumerate(words) if w in SUFFIX_ANCHORS]
    if not anchors:
        return False
    last = anchors[-1]
    if last == len(words) - 1:
        return True
    if words[last] in OF_ANCHORS and words[last + 1] in ("of", "for"):
        return len(words) > last + 2
    return words[last] in OF_ANCHORS and last == len(words) - 2 and words[-1] in PLACE_AFTER_ANCHOR


def _name_in_segment(segment: list[tuple[str, int, int]]):
    """The first and last word of the name in a segment of a run, or None."""
    words = [w for w, _, _ in segment]
    anchors = [i for i, w in enumerate(words) if w in SUFFIX_ANCHORS]
    if not anchors:
        return None
    anchor = anchors[-1]
    if words[anchor] in OF_ANCHORS and anchor + 2 < len(words) and words[anchor + 1] in ("of", "for"):
        end = _of_tail_end(words, anchor)
        start = _of_form_start(words, anchor, earlier_anchor=len(anchors) > 1)
    else:
        end = anchor
        if (
            words[anchor] in OF_ANCHORS
            and anchor + 1 < len(words)
            and words[anchor + 1] in PLACE_AFTER_ANCHOR
        ):
            end = anchor + 1
        start = _suffix_form_start(words, anchor)
    name_words = words[start : end + 1]
    if not any(w not in NON_DISTINCTIVE and w not in LEADING_STOP for w in name_words):
        return None
    if words[anchor] in COMMITTEE_ANCHORS and all(
        w in COMMITTEE_WORDS or w in CONNECTORS for w in words[start:anchor]
    ):
        return None
    return segment[start], segment[end]


def _of_tail_end(words: list[str], anchor: int) -> int:
    """The last word of "University of X": a place ("of East Anglia", "of the West of England") for a
    university; a subject of up to four words ("of Hygiene and Tropical Medicine") for the others."""
    end, index, taken = anchor, anchor + 2, 0
    place = words[anchor] == "University"
    while index < len(words) and (words[index] not in TRAILING_STOP or _ends_a_subject(words, index, place)):
        if words[index] in LEADING_STOP:
            break
        word = words[index]
        if word in CONNECTORS:
            index += 1
            continue
        adjacent = index - 1 == end and taken > 0
        if taken >= 4 or (place and adjacent and words[end] not in PLACE_STARTERS):
            break
        end, taken = index, taken + 1
        index += 1
    return end


def _ends_a_subject(words: list[str], index: int, place: bool) -> bool:
    """ "Institute of Cancer Research", "National Institute for Health Research": "Research" that ends
    the run ends a subject's name. Followed by more of a name ("... Research Ethics Committee") it
    starts another body's; after a university's place ("University of Leeds Research") it is no part."""
    return not place and words[index] == "Research" and index == len(words) - 1


def _of_form_start(words: list[str], anchor: int, earlier_anchor: bool) -> int:
    """ "Queen Mary University of London" keeps up to two words before; a title or another name does not."""
    start = anchor
    if earlier_anchor or any(w in TITLES for w in words[:anchor]):
        return start
    while (
        start > 0
        and anchor - start < 2
        and words[start - 1] not in CONNECTORS | LEADING_STOP | SUFFIX_ANCHORS
    ):
        start -= 1
    return start


def _suffix_form_start(words: list[str], anchor: int) -> int:
    """Trim labels, sentence openers and letterhead acronyms ("HRA Health Research Authority")."""
    start = 0
    while start < anchor and (
        words[start] in LEADING_STOP
        or words[start] in CONNECTORS
        or (words[start].isupper() and len(words[start]) > 1 and words[start] not in KEPT_ACRONYMS)
    ):
        start += 1
    return start
