"""The end of the activity stated in an application for section 251 support."""

from __future__ import annotations

import pytest

from extractors.documents.support_end import extract_support_end
from extractors.facts import DocumentFacts
from tests.extractors.helpers import assert_cites, document, table_document, values


def ends(doc, kind: str = "s251_application") -> list:
    facts = DocumentFacts(kind=kind)
    extract_support_end(doc, facts)
    return values(facts, "activity_end")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("End date of the activity: 31/03/2030", "2030-03-31"),
        ("Support is requested until 31 March 2029 to allow ten years of follow-up.", "2029-03-31"),
        ("The proposed end date of the study is March 2031.", "2031-03"),
        ("The activity will end on 30 September 2028, when the final linkage is complete.", "2028-09-30"),
    ],
)
def test_support_end_read_from_the_application(text: str, iso: str) -> None:
    assert ends(document(text)) == [iso]


def test_support_end_from_a_form_table_row_cites_the_row() -> None:
    doc = table_document(
        ("Start date of the activity", "01/04/2024"), ("End date of the activity", "31/03/2029")
    )
    facts = DocumentFacts(kind="s251_application")
    extract_support_end(doc, facts)
    assert values(facts, "activity_end") == ["2029-03-31"]
    assert_cites(facts.named("activity_end")[0], "End date of the activity")


@pytest.mark.parametrize(
    "text",
    [
        "Recruitment end date: 31/12/2016.",  # the recruitment, not the activity
        "The start date of the activity is 1 April 2024.",
        "End date of the activity: to be confirmed. The REC met on 2 May 2024.",  # a later sentence's date
    ],
)
def test_support_end_near_misses(text: str) -> None:
    assert ends(document(text)) == []


def test_support_end_only_in_the_application() -> None:
    assert ends(document("End date of the activity: 31/03/2030"), kind="protocol") == []
