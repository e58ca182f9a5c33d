from __future__ import annotations

import pytest

from extractors.text.versions import find_versions


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Version 1.1, 22nd January 2019", "1.1"),
        ("PIS v2.0 18Aug2022", "2.0"),
        ("[version 3, date 04/05/21]", "3"),
        ("Version no. 2.1 final", "2.1"),
        ("Ver. 4.0a", "4.0a"),
        ("Protocol V 5", "5"),
        ("Issue 2, March 2023", "2"),
        ("Privacy notice v.3 (12-Feb-2025)", "3"),
        ("Rev. 4 of the protocol", "4"),
        ("Revision 1.2", "1.2"),
    ],
)
def test_versions_as_written(text: str, value: str) -> None:
    assert [m.value for m in find_versions(text)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Nov 2019",
        "Reverend Smith",
        "TV 3",
        "the issue is 2-fold",
        "version 2019",
        "Version 12/03/2021",
        "Kyiv 2",
    ],
)
def test_things_that_are_not_versions(text: str) -> None:
    assert find_versions(text) == []


# Class: a version label inside a code (a reference's tail, a postcode) is no label.
@pytest.mark.parametrize(
    "text",
    ["Agreement DARS-NIC-148117-W4V7N renewed", "Our office: 10 Road, London SW1V 6AB", "Ref 22/YH/0V3A"],
)
def test_versions_not_read_from_codes(text) -> None:
    assert find_versions(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Consent_Form_v3.0.docx", "3.0"), ("leaflet-v2 final", "2"), ("(v4.1)", "4.1"), ("Version 2A", "2A")],
)
def test_versions_after_punctuation_are_still_read(text, value) -> None:
    assert [m.value for m in find_versions(text)] == [value]
