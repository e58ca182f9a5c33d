"""The period of NHS-held records that consent materials state."""

from __future__ import annotations

import pytest

from extractors.documents.records_period import extract_records_period
from extractors.facts import DocumentFacts
from tests.extractors.helpers import assert_cites, document


def periods(text: str, kind: str = "participant_information_sheet") -> list[dict]:
    facts = DocumentFacts(kind=kind)
    extract_records_period(document(text), facts)
    return [fact.detail for fact in facts.named("records_period")]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        (
            "We will ask NHS England for information from your hospital records for up to 10 years after you join the study.",
            {"end_years_after_joining": 10},
        ),
        (
            "We will collect information held by the NHS about you from the date you join the study until December 2030.",
            {"start_joining": True, "end": "2030-12"},
        ),
        ("We will look at your NHS records between 2005 and 2030.", {"start": "2005-01", "end": "2030-12"}),
        (
            "NHS Digital will send us details of any hospital stays for up to ten years after you joined.",
            {"end_years_after_joining": 10},
        ),
        ("We will collect details of your hospital records until 31 March 2030.", {"end": "2030-03-31"}),
        (
            "We would like to collect information from your NHS records from five years before you joined the study.",
            {"start_years_before_joining": 5},
        ),
    ],
)
def test_records_period_bounds(text: str, bounds: dict) -> None:
    assert periods(text) == [bounds]


def test_records_period_cites_the_sentence() -> None:
    facts = DocumentFacts(kind="consent_form")
    text = "I agree that NHS England may send the study information from my NHS records until 31 March 2030."
    extract_records_period(document(text), facts)
    fact = facts.named("records_period")[0]
    assert fact.value == "to 2030-03-31"
    assert_cites(fact, "until 31 March 2030")


@pytest.mark.parametrize(
    "text",
    [
        "We will keep your NHS number until 2030.",  # an NHS number is not NHS-held records
        "We will keep the questionnaire data until 2030.",  # not held by the NHS
        "We will not look at any NHS records after 2030.",  # denied
        "Your NHS records will be looked at by the study team.",  # no period
    ],
)
def test_records_period_near_misses(text: str) -> None:
    assert periods(text) == []


def test_records_period_only_in_consent_materials() -> None:
    assert periods("We will look at your NHS records until 2030.", kind="protocol") == []
