"""The kind of a document, from the strongest evidence first (extractors/data/kinds.yaml).

1. A letter is read as a letter: its sender (letterhead and sign-off), its salutation, the references
   of its subject lines and its decision wording. Only a letter from the CAG secretariat to the
   applicant is a CAG letter, and only an REC's letter with a favourable opinion is an REC letter;
   both kinds are given by this step alone, never by the vocabulary of step 3.
2. A document's genre rules kinds out whatever it mentions: meeting minutes, a freedom-of-information
   exchange or a web page is no letter; a page whose title says it is guidance, help, a register or a
   blog is about a kind, not one. A consent form or information sheet is about taking part in
   research: a text with no word of a study, a trial or taking part is neither.
3. Otherwise title and headings outweigh the body: a phrase naming a kind weighs 4 in a heading among
   the first lines, 2 in a later heading, 0.5 in running text (a mention); each distinct body phrase 1
   (at most 5 a kind); the file name 1.5 a word (at most 3).
4. Abstain (`other`) when the evidence is weak or split: below 3, or a runner-up within 3/4 of the
   winner, or a kind that counts as evidence named by no heading and carried by fewer than 4 from
   the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from extractors.documents.references import CAG_MODERN, CAG_OLDER, REC_MODERN, REC_OLDER
from extractors.documents.title import NOT_A_TITLE
from extractors.facts import DocumentFacts, Fact
from extractors.text.casefold import compile_alternation, fold
from extractors.text.spans import evidence_at
from pipeline.findings import Evidence
from pipeline.model import Block, Document, Part

TOP_HEADING_WEIGHT, HEADING_WEIGHT, MENTION_WEIGHT, BODY_WEIGHT, FILENAME_WEIGHT = 4.0, 2.0, 0.5, 1.0, 1.5
BODY_CAP, FILENAME_CAP = 5.0, 3.0
TITLE_BONUS = 2.0  # a kind named by the title line, over the same named by another heading
MIN_SCORE = 3.0
SPLIT_RATIO = 0.75  # a runner-up this close to the winner leaves the kind undecided
EVIDENCE_BODY_MIN = 4.0  # an evidence kind named by no heading needs this much from the body
TOP_LINES, HEADING_LINES = 12, 60
HEADING_MAX_WORDS, HEADING_MAX_CHARS = 12, 120
FIRST_LINE_MAX_WORDS, FIRST_LINE_MAX_CHARS = 24, 200
LETTER_LINES, SUBJECT_LINES, SIGNATURE_LINES = 60, 8, 6
TITLE_STYLES = ("Title", "Heading1", "Heading2", "Heading3", "Subtitle")
CAG_FAMILY = "cag_letter"
LETTER_KINDS = (CAG_FAMILY, "rec_approval")
CAG_KINDS = ("cag_approval", "cag_amendment", "cag_annual_review")
# Kinds that count as evidence for a legal basis: a wrong one makes a check pass that should fail.
EVIDENCE_KINDS = (CAG_FAMILY, "consent_form", "participant_information_sheet", "privacy_notice")
GROUPS = {"letters": LETTER_KINDS, "evidence": EVIDENCE_KINDS}
SENTENCES = re.compile(r"[.!?]\s+[A-Z]")
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[A-Za-z][.)]|[*\u2022\-])\s+")


@dataclass(frozen=True, slots=True)
class _Alternation:
    pattern: re.Pattern[str]
    folded: bool

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Matches in `text`, a line break read as the space it stands for: a PDF wraps its lines
        inside cue phrases ("section 251 support" / "remains in place"). Offsets carry over."""
        end = len(text) if end is None else end
        text = text.replace("\n", " ").replace("\t", " ")
        return self.pattern.finditer(fold(text) if self.folded else text, start, end)

    def search(self, text: str):
        return next(self.finditer(text), None)


@dataclass(frozen=True, slots=True)
class _Genre:
    name: str
    where: str  # "title" or "opening"
    marks: _Alternation
    rules_out: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Letters:
    salutation: re.Pattern[str]
    sign_off: re.Pattern[str]
    to_a_committee: re.Pattern[str]
    cag_sender: _Alternation
    rec_sender: _Alternation
    cag_decision: _Alternation
    rec_decision: _Alternation


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    # One alternation each, a named group per (kind, phrase): matched in folded text when the
    # phrases allow it (extractors.text.casefold), else with IGNORECASE in the text as it is.
    title: _Alternation
    title_line: _Alternation  # cues that count in the title line only
    body: _Alternation
    subtypes: _Alternation
    filenames: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[str, str]]  # group name -> (kind, phrase)
    letters: _Letters
    genres: tuple[_Genre, ...]
    requires: dict[str, _Alternation]  # kind -> cues one of which its text must hold


@dataclass(slots=True)
class _Hit:
    kind: str
    phrase: str
    weight: float
    block: Block | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Line:
    block: Block
    start: int
    end: int
    text: str
    heading: bool


@dataclass(slots=True)
class _Scores:
    total: dict[str, float] = field(default_factory=dict)
    best_hit: dict[str, _Hit] = field(default_factory=dict)
    named_by_heading: set[str] = field(default_factory=set)

    def add(self, hit: _Hit) -> None:
        self.total[hit.kind] = self.total.get(hit.kind, 0.0) + hit.weight
        best = self.best_hit.get(hit.kind)
        # Evidence in the content outranks the file name, whatever their weights.
        if best is None or (hit.block is not None, hit.weight) > (best.block is not None, best.weight):
            self.best_hit[hit.kind] = hit


@cache
def vocabulary() -> _Vocabulary:
    data = yaml.safe_load(resources.files("extractors.data").joinpath("kinds.yaml").read_text("utf-8"))
    phrases: dict[str, tuple[str, str]] = {}

    def alternation(entries: list[tuple[str, str]]) -> _Alternation:
        named = []
        for kind, phrase in entries:
            name = f"g{len(phrases)}"
            phrases[name] = (kind, phrase)
            named.append((name, phrase))
        fast = compile_alternation(named)
        if fast is not None:
            return _Alternation(fast, folded=True)
        parts = [f"(?P<{name}>{phrase})" for name, phrase in named]
        return _Alternation(
            re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE), folded=False
        )

    def one_of(label: str, cues: list[str]) -> _Alternation:
        return alternation([(label, cue) for cue in cues])

    kinds = data["kinds"]
    title = alternation([(kind, p) for kind, spec in kinds.items() for p in spec["title"]])
    title_line = alternation([(kind, p) for kind, spec in kinds.items() for p in spec.get("title_line", ())])
    body = alternation([(kind, p) for kind, spec in kinds.items() for p in spec["body"]])
    subtypes = alternation([(kind, p) for kind, cues in data["subtypes"].items() for p in cues])
    filenames = {kind: tuple(spec.get("filename", ())) for kind, spec in kinds.items()}
    spec = data["letters"]
    letters = _Letters(
        salutation=re.compile(r"^\s*(?:" + spec["salutation"] + ")", re.IGNORECASE),
        sign_off=re.compile(r"^\s*(?:" + spec["sign_off"] + r")\b", re.IGNORECASE),
        to_a_committee=re.compile(r"^\s*dear\s+(?:the\s+)?" + spec["to_a_committee"], re.IGNORECASE),
        cag_sender=one_of("cag_sender", spec["cag_sender"]),
        rec_sender=one_of("rec_sender", spec["rec_sender"]),
        cag_decision=one_of("cag_decision", spec["cag_decision"]),
        rec_decision=one_of("rec_decision", spec["rec_decision"]),
    )
    genres = tuple(
        _Genre(
            name,
            genre["where"],
            one_of(name, genre["marks"]),
            frozenset(kind for group in genre["rules_out"] for kind in GROUPS.get(group, (group,))),
        )
        for name, genre in data["genres"].items()
    )
    requires = {
        kind: one_of(f"{kind}_requires", spec["requires"])
        for kind, spec in kinds.items()
        if "requires" in spec
    }
    return _Vocabulary(title, title_line, body, subtypes, filenames, phrases, letters, genres, requires)


def extract_kind(document: Document, facts: DocumentFacts) -> None:
    kind, hit = classify(document)
    facts.kind = kind
    if kind == "other" or hit is None:
        return
    if hit.block is None:
        evidence = Evidence(document.path, quote=document.path.rsplit("/", 1)[-1], location="the file name")
    else:
        evidence = evidence_at(document, hit.block, hit.start, hit.end)
    facts.add(Fact("kind", kind, evidence, extractor=f"kinds:{hit.phrase}"))


def classify(document: Document) -> tuple[str, _Hit | None]:
    vocab = vocabulary()
    blocks = [b for b in document.parsed.blocks if b.part is not Part.FOOTER]
    lines = _lines(blocks)
    ruled_out = _ruled_out(document, lines, vocab)
    if not ruled_out & set(LETTER_KINDS):
        letter = _letter_kind(lines, blocks, vocab)
        if letter is not None:
            return letter
    return _by_headings_and_body(document, lines, ruled_out | set(LETTER_KINDS), vocab)


# 1. Letters -------------------------------------------------------------------------------------


def _letter_kind(lines: list[_Line], blocks: list[Block], vocab: _Vocabulary) -> tuple[str, _Hit] | None:
    """A CAG or REC letter by its sender, subject references and decision wording; None otherwise."""
    cues = vocab.letters
    opening = lines[:LETTER_LINES]
    salutation = next((i for i, line in enumerate(opening) if cues.salutation.match(line.text)), None)
    if salutation is None or cues.to_a_committee.match(opening[salutation].text):
        return None  # no letter, or one written to a committee (a cover letter, a request)
    # The letterhead, addresses and date before the salutation; the subject and reference lines
    # after it, up to the first sentence.
    header = opening[:salutation]
    for line in opening[salutation + 1 : salutation + 1 + SUBJECT_LINES]:
        if line.text.endswith("."):
            break
        if line.heading:
            header.append(line)
    signature: list[_Line] = []
    for position, line in enumerate(lines):
        if cues.sign_off.match(line.text):
            signature = lines[position : position + SIGNATURE_LINES]
            break
    top = "\n".join(line.text for line in header)
    signed = "\n".join(line.text for line in header + signature)
    # The letter's own decision is the first it states; a later one is about another approval (the
    # REC's favourable opinion named in a CAG letter's conditions).
    body = [(b, 0, len(b.text)) for b in blocks]
    cag_decision = _first(cues.cag_decision, body, vocab)
    rec_decision = _first(cues.rec_decision, body, vocab)
    if cag_decision and rec_decision:
        if _position(cag_decision) < _position(rec_decision):
            rec_decision = None
        else:
            cag_decision = None
    cag = (
        cag_decision is not None,
        cues.cag_sender.search(signed) is not None,
        bool(CAG_MODERN.search(top) or CAG_OLDER.search(top)),
    )
    rec = (
        rec_decision is not None,
        cues.rec_sender.search(signed) is not None,
        bool(REC_MODERN.search(top) or REC_OLDER.search(top)),
    )
    # Decision wording, and the sender or the subject's reference on the same side, and more of it
    # than the other side has.
    if cag[0] and (cag[1] or cag[2]) and sum(cag) > sum(rec):
        title_region = [(line.block, line.start, line.end) for line in header]
        opening_region = [(line.block, line.start, line.end) for line in lines[:LETTER_LINES]]
        return _cag_subtype(title_region, opening_region, blocks, vocab), cag_decision
    if rec[0] and (rec[1] or rec[2]) and sum(rec) > sum(cag):
        return "rec_approval", rec_decision
    return None


def _position(hit: _Hit) -> tuple[int, int]:
    return hit.block.index if hit.block else -1, hit.start


def _first(pattern: _Alternation, region, vocab: _Vocabulary) -> _Hit | None:
    for block, start, end in region:
        for match in pattern.finditer(block.text, start, end):
            kind, phrase = vocab.phrases[match.lastgroup]
            return _Hit(kind, phrase, 0.0, block, match.start(), match.end())
    return None


def _cag_subtype(title_region, opening_region, blocks, vocab: _Vocabulary) -> str:
    scores: dict[str, float] = {}
    weighted = ((title_region, 3.0), (opening_region, 2.0), ([(b, 0, len(b.text)) for b in blocks], 0.5))
    for region, weight in weighted:
        for hit in _hits(vocab.subtypes, region, weight, vocab):
            scores[hit.kind] = scores.get(hit.kind, 0.0) + weight
    if not scores:
        return "cag_approval"
    return max(CAG_KINDS, key=lambda k: (scores.get(k, 0.0), k == "cag_approval"))


# 2. Genres --------------------------------------------------------------------------------------


def _ruled_out(document: Document, lines: list[_Line], vocab: _Vocabulary) -> set[str]:
    title = _title_line(lines, vocab)
    opening = "\n".join(line.text for line in lines[:HEADING_LINES])
    ruled_out: set[str] = set()
    for genre in vocab.genres:
        text = opening if genre.where == "opening" else (title.text if title else "")
        if text and genre.marks.search(text):
            ruled_out |= genre.rules_out
    whole = "\n".join(block.text for block in document.parsed.blocks)
    ruled_out |= {kind for kind, cues in vocab.requires.items() if not cues.search(whole)}
    return ruled_out


def _title_line(lines: list[_Line], vocab: _Vocabulary) -> _Line | None:
    """The first heading that is no page furniture ("Skip to main content"), letterhead or page
    header (a DOCX header repeats the study's acronym on every page; the title is in the body)."""
    furniture = [genre.marks for genre in vocab.genres if genre.where == "opening"]
    for line in lines[:TOP_LINES]:
        if (
            line.heading
            and line.block.part is not Part.HEADER
            and not NOT_A_TITLE.search(line.text)
            and not any(f.search(line.text) for f in furniture)
        ):
            return line
    return None


# 3. Title and headings, then the body ----------------------------------------------------------


def _by_headings_and_body(
    document: Document, lines: list[_Line], ruled_out: set[str], vocab: _Vocabulary
) -> tuple[str, _Hit | None]:
    scores = _Scores()
    top = [(line.block, line.start, line.end) for line in lines[:TOP_LINES] if line.heading]
    later = [(line.block, line.start, line.end) for line in lines[TOP_LINES:HEADING_LINES] if line.heading]
    running = [(line.block, line.start, line.end) for line in lines[:HEADING_LINES] if not line.heading]
    for region, weight in ((top, TOP_HEADING_WEIGHT), (later, HEADING_WEIGHT), (running, MENTION_WEIGHT)):
        for hit in _hits(vocab.title, region, weight, vocab):
            if hit.kind in ruled_out:
                continue
            if weight > MENTION_WEIGHT:
                scores.named_by_heading.add(hit.kind)
            scores.add(hit)
    title = _title_line(lines, vocab)
    if title is not None:
        for hit in _hits(
            vocab.title_line, [(title.block, title.start, title.end)], TOP_HEADING_WEIGHT, vocab
        ):
            if hit.kind not in ruled_out:
                scores.named_by_heading.add(hit.kind)
                scores.add(hit)
        # The title outranks the other headings: "Privacy Notice for Patients" over a section
        # "Patient information and health and care research" (one kind named there, not two).
        named = {hit.kind for hit in _hits(vocab.title, [(title.block, title.start, title.end)], 0.0, vocab)}
        if len(named) == 1 and not named & ruled_out:
            kind = next(iter(named))
            scores.total[kind] = scores.total.get(kind, 0.0) + TITLE_BONUS
    body_total: dict[str, float] = {}
    for hit in _hits(vocab.body, [(b, 0, len(b.text)) for b in document.parsed.blocks], BODY_WEIGHT, vocab):
        if hit.kind in ruled_out or body_total.get(hit.kind, 0.0) >= BODY_CAP:
            continue
        body_total[hit.kind] = body_total.get(hit.kind, 0.0) + hit.weight
        scores.add(hit)
    for hit in _filename_hits(document.path, vocab):
        if hit.kind not in ruled_out:
            scores.add(hit)
    if not scores.total:
        return "other", None
    ranked = sorted(scores.total, key=lambda kind: -scores.total[kind])
    kind = ranked[0]
    best = scores.total[kind]
    if best < MIN_SCORE:
        return "other", None
    if len(ranked) > 1 and scores.total[ranked[1]] >= SPLIT_RATIO * best:
        return "other", None  # split
    if (
        kind in EVIDENCE_KINDS
        and kind not in scores.named_by_heading
        and body_total.get(kind, 0.0) < EVIDENCE_BODY_MIN
    ):
        return "other", None  # weak: nothing but a few body phrases
    return kind, scores.best_hit[kind]


def kinds_named(path: str) -> frozenset[str]:
    """The kinds a file's path points to by its words alone (as `classify` weighs them, second to
    the content), the CAG letter family as its three kinds; empty when it points to none. For a file
    that could not be read, this is all there is to go on: what it may be."""
    vocab = vocabulary()
    kinds: set[str] = set()
    for hit in _filename_hits(path, vocab):
        kinds.update(CAG_KINDS if hit.kind == CAG_FAMILY else (hit.kind,))
    return frozenset(kinds)


def classify_title(text: str) -> str | None:
    """The kind a short description names ("Fair processing notice" -> privacy_notice), or None."""
    vocab = vocabulary()
    block = Block(index=0, text=text)
    scores = _Scores()
    for hit in _hits(vocab.title, [(block, 0, len(text))], TOP_HEADING_WEIGHT, vocab):
        scores.add(hit)
    if not scores.total:
        return None
    kind = max(scores.total, key=scores.total.get)
    if kind == CAG_FAMILY:
        return _cag_subtype([(block, 0, len(text))], [], [], vocab)
    return kind


def _lines(blocks: list[Block]) -> list[_Line]:
    """The non-empty lines of the first blocks, each marked as a heading or running text."""
    lines: list[_Line] = []
    for block in blocks:
        styled = block.style in TITLE_STYLES
        offset = 0
        for raw in block.text.split("\n"):
            stripped = raw.strip()
            if stripped:
                start = offset + raw.index(stripped[0])
                heading = styled or _heading_like(stripped, first=not lines)
                lines.append(_Line(block, start, start + len(stripped), stripped, heading))
            offset += len(raw) + 1
            if len(lines) >= HEADING_LINES:
                return lines
    return lines


def _heading_like(text: str, first: bool = False) -> bool:
    """A short line that is not a sentence, a note in brackets or a placeholder ("1. Consent form" is
    a heading: its number is no sentence). The document's first line may be longer: a study's title
    names the study before the kind ("Equality, Diversity and Inclusion in Health and Care Research
    pilot project transparency notice")."""
    text = SECTION_NUMBER.sub("", text)
    if not text:
        return False
    words, chars = (
        (FIRST_LINE_MAX_WORDS, FIRST_LINE_MAX_CHARS) if first else (HEADING_MAX_WORDS, HEADING_MAX_CHARS)
    )
    if len(text) > chars or len(text.split()) > words:
        return False
    if text[0] in "([{" or text.endswith((".", ",", ";")) or SENTENCES.search(text):
        return False
    return any(ch.isalpha() for ch in text)


def _hits(pattern: _Alternation, region, weight: float, vocab: _Vocabulary):
    """Distinct (kind, phrase) hits in a region, the longer phrase winning where two overlap."""
    seen: set[tuple[str, str]] = set()
    for block, start, end in region:
        matches = []
        for match in pattern.finditer(block.text, start, end):  # spans and lastgroup only
            kind, phrase = vocab.phrases[match.lastgroup]
            matches.append((match.start(), match.end(), kind, phrase))
        for s, e, kind, phrase in _longest(matches):
            if (kind, phrase) in seen:
                continue
            seen.add((kind, phrase))
            yield _Hit(kind, phrase, weight, block, s, e)


def _longest(matches: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str]] = []
    for match in matches:
        if kept and match[0] < kept[-1][1]:
            continue
        kept.append(match)
    return kept


def _filename_hits(path: str, vocab: _Vocabulary):
    words = set(re.split(r"[^a-z0-9]+", path.lower())) | {path.rsplit("/", 1)[-1].lower()}
    name = path.lower()
    for kind, keys in vocab.filenames.items():
        count = sum(1 for key in keys if key in words or ("-" in key and key in name))
        if count:
            yield _Hit(kind, "file name", min(count * FILENAME_WEIGHT, FILENAME_CAP), None, 0, 0)
