"""The end of the activity that an application for section 251 support states: "End date of the
activity: 31/03/2030", "support is requested until March 2030" (the support end of checks.md, where no
CAG letter states when support expires; the letters' own expiry dates are `support_expires`, read in
`cag_letters`).

The date is the first one after the cue, in the cue's sentence or, for a form's field, the rest of
its table row or paragraph ("End date of the activity | 31 March 2030"). A denied cue states nothing.
"""

from __future__ import annotations

import re

from extractors.documents.cue_data import any_of, cue_file
from extractors.documents.statements import FactSink, passages, sentences
from extractors.facts import DocumentFacts
from extractors.text.dates import find_dates
from pipeline.model import Document

ACTIVITY_END = any_of(cue_file("support_end")["activity_end"])
REACH = 200  # characters after the cue in which its date must begin


def extract_support_end(document: Document, facts: DocumentFacts) -> None:
    if facts.kind != "s251_application":
        return
    sink = FactSink(document, facts)
    for passage in passages(document, ACTIVITY_END):
        for start, end in sentences(passage, ACTIVITY_END):
            cue = ACTIVITY_END.search(passage.text, start, end)
            if cue is None or passage.negated(cue.start(), cue.end()):
                continue
            # A form's label and its answer may fall in two "sentences" ("End date: 31.03.2030").
            window = passage.text[cue.end() : min(len(passage.text), cue.end() + REACH)]
            dates = find_dates(window)
            if not dates:
                continue
            first = dates[0]
            if cue.end() + first.start > end and re.search(r"\w", passage.text[cue.end() : end]):
                continue  # the cue's sentence says something else; a later sentence's date is not its answer
            sink.add(
                passage,
                "activity_end",
                first.iso,
                cue.start(),
                cue.end() + first.end,
                "support_end:activity_end",
            )
