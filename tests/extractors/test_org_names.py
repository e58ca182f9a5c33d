from __future__ import annotations

import pytest

from extractors.names.org_names import is_nhs_england, names_match, normalise_org_name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The University of Leeds", "university of leeds"),
        ("Acme Analytics Ltd", "ACME ANALYTICS LIMITED"),
        ("Acme Analytics Ltd.", "Acme Analytics"),
        ("Example Health PLC", "Example Health plc"),
        ("Leeds Teaching Hospitals NHS Foundation Trust", "Leeds Teaching Hospitals NHS FT"),
        ("King's College London", "Kings College London"),
        ("Guy’s & St Thomas’ NHS Foundation Trust", "Guys and St Thomas NHS FT"),
        ("London School of Hygiene & Tropical Medicine", "London School of Hygiene and Tropical Medicine"),
        ("  University   College\nLondon ", "University College London"),
        ("NHS Digital", "NHS England"),
        ("Health and Social Care Information Centre", "HSCIC"),
    ],
)
def test_org_names_match_after_folding(first, second) -> None:
    assert normalise_org_name(first) == normalise_org_name(second)
    assert names_match(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("University of Leeds", "Leeds Beckett University"),
        ("Leeds Teaching Hospitals NHS Trust", "Leeds Teaching Hospitals NHS Foundation Trust"),
        ("University College London", "UCL"),  # an acronym matches only where a document defines it
        ("Theodore Health Ltd", "odore Health"),
    ],
)
def test_org_names_different_organisations_do_not_match(first, second) -> None:
    assert not names_match(first, second)


def test_org_names_leading_the_only() -> None:
    assert normalise_org_name("The Other Place Trust") == "other place trust"
    assert normalise_org_name("Institute for the Future") == "institute for the future"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NHS England", True),
        ("nhs digital", True),
        ("the NHS Information Centre", True),
        ("The Information Centre for Health and Social Care", True),
        ("NHS England and Improvement South", False),
        ("NHS Blood and Transplant", False),
    ],
)
def test_org_names_nhs_england_under_any_name(name, expected) -> None:
    assert is_nhs_england(name) is expected
