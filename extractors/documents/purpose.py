"""The purpose a CAG letter, an s251 application or a protocol states, for comparison with the request.

CAG outcome letters open their context with "Purpose of application" and a paragraph such as
"This application from ORG set out the purpose of medical research that seeks to ..."; applications
and protocols state an aim ("The purpose of this study is to ...", "Aims and objectives"). The
passage from such an anchor to the end of its paragraph (at most ~700 characters) is kept whole,
because the subject of the purpose (a condition, a population) may sit anywhere in it.
"""

from __future__ import annotations

import re

from extractors.facts import DocumentFacts, Fact
from extractors.text.casefold import compile_folded
from extractors.text.spans import evidence_at
from pipeline.model import Document, Part

PURPOSE_KINDS = {"cag_approval", "cag_amendment", "s251_application", "protocol", "data_request"}
ANCHORS = compile_folded(
    r"(?:^|\n)\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:purpose\s+of\s+(?:the\s+)?(?:application|study|research|project|processing)|"
    r"(?:study\s+)?aims?(?:\s+and\s+objectives)?|summary\s+of\s+(?:the\s+)?(?:application|proposal|project|study)|"
    r"lay\s+summary|purpose)\s*[:\-–]?\s*(?=\n|$)"
    r"|\bthis\s+application\s+from\b[^.]{0,200}?\bset\s+out\s+the\s+purpose\b"
    r"|\bthe\s+(?:aim|purpose|objective)s?\s+of\s+(?:the|this)\s+(?:study|research|project|application|proposal)\s+(?:is|are|was|will\s+be)\s+to\b"
    r"|\b(?:we|the\s+applicants?)\s+(?:aim|propose|intend|plan|seek)s?\s+to\b",
    re.IGNORECASE,
)
MAX_CHARS = 700
MAX_FACTS = 3


def extract_purpose(document: Document, facts: DocumentFacts) -> None:
    if facts.kind not in PURPOSE_KINDS:
        return
    found = 0
    for block in document.parsed.blocks:
        if block.part is not Part.BODY:
            continue
        taken_until = -1
        for anchor in ANCHORS.finditer(block.text):
            start = anchor.start() + (1 if block.text[anchor.start() : anchor.start() + 1] == "\n" else 0)
            if start < taken_until:
                continue  # inside the passage of an earlier anchor ("Purpose of application" then its text)
            end = _paragraph_end(block.text, anchor.end())
            taken_until = end
            passage = " ".join(block.text[start:end].split())
            if len(passage) < 40 or any(f.value == passage for f in facts.named("purpose")):
                continue
            facts.add(
                Fact(
                    "purpose",
                    passage,
                    evidence_at(document, block, start, end, quote=passage[:300]),
                    extractor="purpose:anchor",
                )
            )
            found += 1
            if found >= MAX_FACTS:
                return


def _paragraph_end(text: str, position: int) -> int:
    """The end of the paragraph after an anchor: a blank line, a heading-like line, or the cap."""
    limit = min(len(text), position + MAX_CHARS)
    # Skip the anchor's own line break(s) when the anchor is a heading.
    cursor = position
    while cursor < limit and text[cursor] in " \n":
        cursor += 1
    for match in re.finditer(r"\n", text[cursor:limit]):
        line_start = cursor + match.end()
        next_break = text.find("\n", line_start)
        line = text[line_start : next_break if next_break != -1 else len(text)].strip()
        if not line or _looks_like_heading(line):
            return cursor + match.start()
    return limit


def _looks_like_heading(line: str) -> bool:
    """A short line that starts in capitals and ends without punctuation: a heading, in any case style."""
    return len(line.split()) <= 8 and line[:1].isupper() and not line.endswith((".", ",", ";", ":"))
