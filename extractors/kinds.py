"""The kind of a document: content first (title, opening, phrasing), file name second.

Each kind has phrases (extractors/data/kinds.yaml). A phrase in the title lines weighs 5, in the
opening 2, anywhere in the body 1, a word of the file name 1.5; where two phrases overlap, the
longer one counts ("application for section 251 support" is an application, not a CAG letter).
A CAG letter is then told apart as approval, amendment or annual review by the cues of its opening.
Below a score of 3 the kind is `other`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from extractors.casefold import compile_alternation, compile_folded, fold
from extractors.facts import DocumentFacts, Fact
from extractors.spans import evidence_at
from pipeline.findings import Evidence
from pipeline.model import Block, Document, Part

TITLE_WEIGHT, OPENING_WEIGHT, BODY_WEIGHT, FILENAME_WEIGHT = 5.0, 2.0, 1.0, 1.5
BODY_CAP, FILENAME_CAP = 6.0, 3.0
MIN_SCORE = 3.0
TITLE_LINES, OPENING_CHARS = 6, 2000
TITLE_STYLES = ("Title", "Heading1", "Heading2", "Subtitle")
CAG_FAMILY = "cag_letter"
CAG_KINDS = ("cag_approval", "cag_amendment", "cag_annual_review")
# A letter greets and signs off; a form, notice or report that only names a committee does not.
LETTER_KINDS = (CAG_FAMILY, "rec_approval")
LETTER_MARKS = compile_folded(
    r"\bDear\s+\w|\bYours\s+(?:sincerely|faithfully|truly)\b|\bKind\s+regards\b", re.IGNORECASE
)
NOT_A_LETTER_FACTOR = 0.4


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    # One alternation each, a named group per (kind, phrase): matched in folded text when the
    # phrases allow it (extractors.casefold), else with IGNORECASE in the text as it is.
    title: _Alternation
    body: _Alternation
    subtypes: _Alternation
    filenames: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[str, str]]  # group name -> (kind, phrase)


@dataclass(frozen=True, slots=True)
class _Alternation:
    pattern: re.Pattern[str]
    folded: bool

    def finditer(self, text: str, start: int, end: int):
        return self.pattern.finditer(fold(text) if self.folded else text, start, end)


@dataclass(slots=True)
class _Hit:
    kind: str
    phrase: str
    weight: float
    block: Block | None
    start: int
    end: int


@dataclass(slots=True)
class _Scores:
    total: dict[str, float] = field(default_factory=dict)
    best_hit: dict[str, _Hit] = field(default_factory=dict)

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

    kinds = data["kinds"]
    title = alternation([(kind, p) for kind, spec in kinds.items() for p in spec["title"]])
    body = alternation([(kind, p) for kind, spec in kinds.items() for p in spec["body"]])
    subtypes = alternation([(kind, p) for kind, cues in data["subtypes"].items() for p in cues])
    filenames = {kind: tuple(spec.get("filename", ())) for kind, spec in kinds.items()}
    return _Vocabulary(title, body, subtypes, filenames, phrases)


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
    title_region, opening_region = _regions(blocks)
    scores = _Scores()
    for hit in _hits(vocab.title, title_region, TITLE_WEIGHT, vocab):
        scores.add(hit)
    for hit in _hits(vocab.title, opening_region, OPENING_WEIGHT, vocab):
        scores.add(hit)
    body_seen: dict[str, float] = {}
    for hit in _hits(vocab.body, [(b, 0, len(b.text)) for b in document.parsed.blocks], BODY_WEIGHT, vocab):
        key = f"{hit.kind}:{hit.phrase}"
        if (
            key in body_seen
            or sum(v for k, v in body_seen.items() if k.startswith(hit.kind + ":")) >= BODY_CAP
        ):
            continue
        body_seen[key] = hit.weight
        scores.add(hit)
    for hit in _filename_hits(document.path, vocab):
        scores.add(hit)
    if not scores.total:
        return "other", None
    if not LETTER_MARKS.search(document.parsed.text):
        for kind in LETTER_KINDS:
            if kind in scores.total:
                scores.total[kind] *= NOT_A_LETTER_FACTOR
    family = max(scores.total, key=lambda kind: (scores.total[kind], kind == CAG_FAMILY))
    if scores.total[family] < MIN_SCORE:
        return "other", None
    if family == CAG_FAMILY:
        return _cag_subtype(title_region, opening_region, document.parsed.blocks, vocab), scores.best_hit[
            family
        ]
    return family, scores.best_hit[family]


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
    for hit in _hits(vocab.title, [(block, 0, len(text))], TITLE_WEIGHT, vocab):
        scores.add(hit)
    if not scores.total:
        return None
    kind = max(scores.total, key=scores.total.get)
    if kind == CAG_FAMILY:
        return _cag_subtype([(block, 0, len(text))], [], [], vocab)
    return kind


def _regions(blocks: list[Block]) -> tuple[list[tuple[Block, int, int]], list[tuple[Block, int, int]]]:
    """The title lines (first lines and styled headings) and the opening (first ~2,000 characters)."""
    title: list[tuple[Block, int, int]] = []
    opening: list[tuple[Block, int, int]] = []
    lines_left, chars_left = TITLE_LINES, OPENING_CHARS
    for position, block in enumerate(blocks):
        if block.style in TITLE_STYLES and position < 40:
            title.append((block, 0, len(block.text)))
        if chars_left > 0:
            end = min(len(block.text), chars_left)
            opening.append((block, 0, end))
            chars_left -= end
        if lines_left > 0 and block.style not in TITLE_STYLES:
            offset = 0
            for line in block.text.split("\n"):
                if lines_left <= 0:
                    break
                if line.strip():
                    title.append((block, offset, offset + len(line)))
                    lines_left -= 1
                offset += len(line) + 1
    return title, opening


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


def _cag_subtype(title_region, opening_region, blocks, vocab: _Vocabulary) -> str:
    scores: dict[str, float] = {}
    weighted = ((title_region, 3.0), (opening_region, 2.0), ([(b, 0, len(b.text)) for b in blocks], 0.5))
    for region, weight in weighted:
        for hit in _hits(vocab.subtypes, region, weight, vocab):
            scores[hit.kind] = scores.get(hit.kind, 0.0) + weight
    if not scores:
        return "cag_approval"
    return max(
        ("cag_approval", "cag_amendment", "cag_annual_review"),
        key=lambda k: (scores.get(k, 0.0), k == "cag_approval"),
    )
