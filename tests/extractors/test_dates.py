from __future__ import annotations

from datetime import date

import pytest

from extractors.text.dates import find_dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Version 1.1, 22nd January 2019, Page 1 of 19", "2019-01-22"),
        ("PIS v2.0 18Aug2022", "2022-08-18"),
        ("[version x, date 04/05/21]", "2021-05-04"),
        ("dated 1 March 2020", "2020-03-01"),
        ("Thursday, 3rd of September 2020", "2020-09-03"),
        ("Effective: 2023-11-30", "2023-11-30"),
        ("Reviewed 07.06.2018 by the committee", "2018-06-07"),
        ("14-Jun-2019", "2019-06-14"),
        ("September 4, 2019", "2019-09-04"),
    ],
)
def test_dates_day_first_in_many_layouts(text: str, iso: str) -> None:
    assert [m.iso for m in find_dates(text)] == [iso]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Issued March 2021", "2021-03"),
        ("Sept. 2019 edition", "2019-09"),
        ("Updated in Dec 2022.", "2022-12"),
    ],
)
def test_month_only_dates_keep_their_precision(text: str, iso: str) -> None:
    [mention] = find_dates(text)
    assert mention.iso == iso and mention.precision == "month"
    assert mention.covers(date(int(iso[:4]), int(iso[5:]), 17))


@pytest.mark.parametrize(
    "text",
    [
        "REC reference 14/SW/0123 and CAG reference 21/CAG/0123",
        "IRAS ID 215973; telephone 0117 928 9000",
        "the 2022/23 financial year",
        "We may contact you in May if you agree.",
        "See section 2.1.3 and version 1.3.23 of the protocol",
        "30/02/2021 is not a day",
        "NIC-17875-X7K1V",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


# Class: file-style stamps join a version and its date with underscores.
@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("HARBOUR_PIS_v2.0_03Mar2021", "2021-03-03"),
        ("Consent_v1_12-05-2020.docx", "2020-05-12"),
        ("notes_May_2022", "2022-05"),
    ],
)
def test_dates_inside_file_style_stamps(text: str, iso: str) -> None:
    [mention] = find_dates(text)
    assert mention.iso == iso and text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("text", ["ref_2019_10", "batch_12_3_45", "id_20211003x"])
def test_underscored_numbers_that_are_no_dates(text: str) -> None:
    assert find_dates(text) == []
