"""DSPT statements: toolkit, status, organisation and year in one sentence; not denied, not pending."""

from __future__ import annotations

import pytest

from extractors.documents.dspt import assessment_year, extract_dspt
from tests.extractors.helpers import assert_cites, document, run


def statements(text: str, name: str = "dspt_statement"):
    return [
        (f.value, f.detail["year"], f.detail["organisations"])
        for f in run(extract_dspt, document(text)).named(name)
    ]


def test_dspt_cag_condition_gives_status_year_and_organisation() -> None:
    text = (
        "Confirmed: The NHS England 2022/23 DSPT review for the University of Leeds was confirmed as "
        "'Standards Met' on the NHS England DSPT tracker (checked 2 June 2023)."
    )
    assert statements(text) == [("standards_met", "2022-23", ["University of Leeds"])]
    fact = run(extract_dspt, document(text)).named("dspt_statement")[0]
    assert_cites(fact, "Standards Met")
    assert fact.extractor == "dspt:standards_met"


@pytest.mark.parametrize(
    ("text", "status", "year"),
    [
        (
            "Imperial College London has a Data Security and Protection Toolkit status of Standards Exceeded for 2023-24.",
            "standards_exceeded",
            "2023-24",
        ),
        (
            "The DSPT assessment of Leeds Teaching Hospitals NHS Trust for 23/24 was Standards Not Met.",
            "standards_not_met",
            "2023-24",
        ),
        (
            "The University of Leeds DSPT (2023/2024): Approaching Standards, with an improvement plan agreed.",
            "approaching_standards",
            "2023-24",
        ),
        ("The University of Leeds has no published assessment on the DSPT.", "not_published", None),
    ],
)
def test_dspt_statuses_and_years_as_written(text: str, status: str, year: str | None) -> None:
    found = statements(text)
    assert [(s, y) for s, y, _ in found] == [(status, year)]
    assert found[0][2], "the organisation is named"


@pytest.mark.parametrize(
    "text",
    [
        # denied in its clause
        "The University of Leeds does not hold a DSPT assessment of Standards Met.",
        # a status without the toolkit
        "The University of Leeds met the standards of the REC for 2023/24.",
    ],
)
def test_dspt_near_misses_are_not_statements(text: str) -> None:
    assert statements(text) == []


def test_dspt_pending_status_is_recorded_apart() -> None:
    text = (
        "Confirmation of the 2023/24 DSPT review for the University of Leeds as 'Standards Met' is pending."
    )
    assert statements(text) == []
    assert statements(text, "dspt_statement_pending") == [
        ("standards_met", "2023-24", ["University of Leeds"])
    ]


def test_dspt_year_is_not_read_from_a_date() -> None:
    assert assessment_year("checked on 2023-06-02") is None
    assert assessment_year("letter of 12/05/2023") is None
    assert assessment_year("the 21/23 assessment") is None  # not consecutive: no year
    assert assessment_year("the 2021/22 assessment") == "2021-22"
