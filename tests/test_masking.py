from __future__ import annotations

import pytest

from pipeline.masking import mask_nhs_numbers, nhs_check_digit_ok


@pytest.mark.parametrize("number", ["9434765919", "4010232137"])
def test_valid_numbers_pass_the_check_digit(number: str) -> None:
    assert nhs_check_digit_ok(number)


@pytest.mark.parametrize("number", ["9434765918", "1234567890", "943476591", "abcdefghij"])
def test_invalid_numbers_fail_the_check_digit(number: str) -> None:
    assert not nhs_check_digit_ok(number)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("NHS number 943 476 5919.", "NHS number *** *** 5919."),
        ("NHS No: 9434765919", "NHS No: *** *** 5919"),
        ("nhs#943-476-5919", "nhs#*** *** 5919"),
        ("4010232137 and 9434765919", "*** *** 2137 and *** *** 5919"),
        ("name 943\u00a0476\u00a05919.txt", "name *** *** 5919.txt"),
        ("name 943\u2009476\u20095919.txt", "name *** *** 5919.txt"),
        ("tab 943\t476\t5919", "tab *** *** 5919"),
        ("dash 943\u2013476\u20135919, dots 943.476.5919", "dash *** *** 5919, dots *** *** 5919"),
    ],
)
def test_valid_numbers_are_masked_in_any_layout(text: str, masked: str) -> None:
    assert mask_nhs_numbers(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "IRAS 215973, tel 0117 928 9000",
        "invalid check digit 943 476 5918",
        "sha256 5f5e0d9434765919c4b239bdb",
        "a longer number 94347659190",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_nhs_numbers(text) == text
