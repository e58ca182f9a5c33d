"""Honorary contracts: a mention counts only in a sentence about the data, access or processing."""

from __future__ import annotations

import pytest

from extractors.documents.honorary_contracts import extract_honorary_contracts
from tests.extractors.helpers import assert_cites, document, run, values


@pytest.mark.parametrize(
    "text",
    [
        "Analysts from the University will access the linked data under honorary contracts with the Trust.",
        "Two statisticians hold honorary research contracts with the Board so that they can process the extract.",
        "Data will be analysed by researchers who have an honorary appointment at the Trust.",
    ],
)
def test_honorary_contract_about_the_data_is_recorded(text: str) -> None:
    facts = run(extract_honorary_contracts, document(text))
    assert values(facts, "honorary_contract") == ["honorary_contract"]
    assert_cites(facts.named("honorary_contract")[0], "honorary")


@pytest.mark.parametrize(
    "text",
    [
        "Dr Khan holds an honorary consultant contract at the Trust.",  # nothing about the data
        "Professor Jones is an honorary professor of medicine.",  # a title
        "No honorary contracts will be needed to access the data.",  # denied
        "Staff will not use honorary contracts to process the data.",  # denied
        "In previous studies, analysts accessed the data under honorary contracts.",  # background
    ],
)
def test_honorary_contract_near_misses(text: str) -> None:
    assert values(run(extract_honorary_contracts, document(text)), "honorary_contract") == []
