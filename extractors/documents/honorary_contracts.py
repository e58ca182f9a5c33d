"""Honorary contracts: a statement that people will access or process the data under an honorary
contract (HON-002 quotes it when the request does not say that honorary contracts are used).

A mention counts only in a sentence about the data, access to them, analysis or processing:
"Analysts from the University will access the linked data under honorary contracts with the Trust".
A title ("honorary professor"), a contract with nothing about the data ("Dr Khan holds an honorary
consultant contract at the Trust"), a denial ("no honorary contracts will be needed to access the
data") and background about other studies are not statements of use.
"""

from __future__ import annotations

from extractors.documents.cue_data import any_of, cue_file
from extractors.documents.statements import FactSink, passages, sentences
from extractors.facts import DocumentFacts
from pipeline.model import Document

CUES = cue_file("honorary_contracts")
CONTRACT = any_of(CUES["contract"])
ABOUT_DATA = any_of(CUES["about_data"])
BACKGROUND = any_of(CUES["background"])


def extract_honorary_contracts(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    for passage in passages(document, CONTRACT):
        for start, end in sentences(passage, CONTRACT):
            text = passage.text[start:end]
            contract = CONTRACT.search(text)
            outside = (
                text[: contract.start()] + " " * (contract.end() - contract.start()) + text[contract.end() :]
            )
            if not ABOUT_DATA.search(outside) or BACKGROUND.search(text):
                continue  # nothing about the data, or about other studies
            s, e = start + contract.start(), start + contract.end()
            if passage.negated(s, e):
                continue
            sink.add(passage, "honorary_contract", "honorary_contract", s, e, "honorary_contracts:data")
