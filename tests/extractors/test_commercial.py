"""Commercial use or involvement: a use in a sentence about the data or study, a party that acts on it."""

from __future__ import annotations

import pytest

from extractors.documents.commercial import extract_commercial
from tests.extractors.helpers import assert_cites, document, run, values


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("The results may be used for commercial purposes by the sponsor.", "use", "commercial purposes"),
        (
            "Anonymised data could be licensed commercially to support product development.",
            "use",
            "licensed commercially",
        ),
        ("Your data may be used commercially by the sponsor.", "use", "used commercially"),
        ("This study is funded by a pharmaceutical company.", "party", "pharmaceutical company"),
        ("Our industry partners will receive the pseudonymised records.", "party", "industry partners"),
    ],
)
def test_commercial_statements_are_recorded(text: str, kind: str, words: str) -> None:
    facts = run(extract_commercial, document(text))
    assert values(facts, "commercial_mention") == [kind]
    fact = facts.named("commercial_mention")[0]
    assert fact.detail["words"] == words
    assert fact.detail["sentence"] == [0, len(text)]
    assert_cites(fact, words)


@pytest.mark.parametrize(
    "text",
    [
        "The data will not be used for commercial purposes.",
        "No commercial company will have access to your records.",
        "This is a non-commercial study funded by a charity.",
        "The study is run by a not-for-profit organisation and uses NHS data.",
        "The budget is commercial in confidence and is not part of this data request.",
        "The Commercial Director approved the contract.",
        "Women used commercially available, validated blood pressure monitors in the study.",  # a product
        "The study bought commercially produced assay kits for the samples.",  # a product
        "Previous studies funded by pharmaceutical companies used hospital data.",  # background  # no commercial use or party acting on data
    ],
)
def test_commercial_near_misses(text: str) -> None:
    assert values(run(extract_commercial, document(text)), "commercial_mention") == []
