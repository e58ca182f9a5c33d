"""Commercial use of the data, or commercial involvement in the processing (PUR-007 quotes it when the
request is not commercial).

Two kinds of statement, both recorded as `commercial_mention`:
- `use`: a commercial purpose, use, gain, benefit or exploitation, in a sentence about the data, the
  study or its results ("the results may be used for commercial purposes");
- `party`: a commercial partner, company or sponsor, in a sentence where it receives, uses, funds or
  works with something ("the study is funded by a pharmaceutical company").

Not statements: denials ("the data will not be used for commercial purposes", "no commercial company
will have access"), and words that look commercial but are not ("non-commercial", "not-for-profit",
"commercial in confidence", "commercially sensitive"), and background about other studies ("previous
studies funded by industry partners"). The detail keeps the words as written and the
sentence's span in its block, so a check can tell one sentence from another.
"""

from __future__ import annotations

from extractors.documents.cue_data import any_of, cue_file
from extractors.documents.statements import FactSink, Passage, as_written, passages, sentences
from extractors.facts import DocumentFacts
from pipeline.model import Document

CUES = cue_file("commercial")
USE = any_of(CUES["use"])
PARTY = any_of(CUES["party"])
DATA = any_of(CUES["data"])
PARTY_VERBS = any_of(CUES["party_verbs"])
NOT_COMMERCIAL = any_of(CUES["not_commercial"])
BACKGROUND = any_of(CUES["background"])
ANY = any_of([*CUES["use"], *CUES["party"]])


def extract_commercial(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    for passage in passages(document, ANY):
        for start, end in sentences(passage, ANY):
            _sentence(passage, start, end, sink)


def _sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    text = passage.text[start:end]
    if BACKGROUND.search(text):
        return  # about other studies, not this one
    blanked = NOT_COMMERCIAL.sub(lambda m: " " * len(m.group(0)), text)
    for kind, pattern, context in (("use", USE, DATA), ("party", PARTY, PARTY_VERBS)):
        for match in pattern.finditer(blanked):
            rest = blanked[: match.start()] + " " * (match.end() - match.start()) + blanked[match.end() :]
            if not context.search(rest):
                continue
            s, e = start + match.start(), start + match.end()
            if passage.negated(s, e):
                continue
            detail = {"words": as_written(match.group(0)), "sentence": [start, end]}
            sink.add(passage, "commercial_mention", kind, s, e, f"commercial:{kind}", detail)
            return  # one statement a sentence: the first that counts
