"""Date roles in CAG letters are read from the words that govern each date, not the whole sentence."""

import pytest

from extractors.documents.date_roles import REVIEW_DUE, SUPPORT_EXPIRES, date_role
from tests.extractors.doc_helpers import docx_document, facts_of


def role(sentence: str, date: str) -> str | None:
    return date_role(sentence, sentence.index(date))


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("The first annual review report is due on 4 October 2020.", "4 October"),
        ("Your annual review report should be submitted no later than 12 March 2025.", "12 March"),
        ("Please provide the next annual report by 12/03/2025 to the CAG inbox.", "12/03/2025"),
        ("The deadline for submission of your next annual review is 12 March 2025.", "12 March"),
        ("Next review date: 12 March 2025", "12 March"),
        ("Support must be renewed by 12 March 2025 for your annual review to be considered.", "12 March"),
        ("We received your report on 2 May 2023 and your next review is due on 2 May 2024.", "2 May 2024"),
        ("An annual update must reach the team on or before 1 June 2025.", "1 June"),
    ],
)
def test_deadlines_for_the_next_review(sentence, date):
    assert role(sentence, date) == REVIEW_DUE


@pytest.mark.parametrize(
    "sentence, date",
    [
        ("Thank you for the annual review report received on 2 May 2023.", "2 May"),
        ("The annual review submitted by the applicant on 2 May 2023 was considered.", "2 May"),
        ("Your annual review was considered at the meeting held on 5 May 2023.", "5 May"),
        ("We received your report on 2 May 2023 and your next review is due on 2 May 2024.", "2 May 2023"),
        ("The applicant's letter of 3 March 2023 gave an annual report on recruitment.", "3 March"),
        ("Recruitment will run from 1 January 2024 to the end of the study.", "1 January"),
        ("The amendment was submitted on 4 April 2024.", "4 April"),
    ],
)
def test_dates_of_past_events_are_not_review_dates(sentence, date):
    assert role(sentence, date) is None


@pytest.mark.parametrize(
    "sentence, date, expected",
    [
        ("Support is given until 31 March 2021, after which it will expire.", "31 March", SUPPORT_EXPIRES),
        ("This approval expires on 30 June 2026.", "30 June", SUPPORT_EXPIRES),
        ("The section 251 support will lapse on 30 June 2026 unless renewed.", "30 June", SUPPORT_EXPIRES),
        ("Data will be kept until 31 March 2030 and then destroyed.", "31 March", None),
        (
            "Support remains in place until the next annual review, due 4 October 2024.",
            "4 October",
            REVIEW_DUE,
        ),
    ],
)
def test_ends_of_support_and_their_near_misses(sentence, date, expected):
    assert role(sentence, date) == expected


def test_a_letter_with_a_received_and_a_due_date_keeps_only_the_due_one():
    letter = docx_document(
        [
            "Confidentiality Advisory Group",
            "14 June 2024",
            "Dear Dr Rahman",
            "Thank you for your annual review submitted on 2 May 2024. Support is confirmed for a further "
            "year: the next annual review report should be submitted no later than 14 June 2025.",
            "Yours sincerely",
        ]
    )
    assert [f.value for f in facts_of(letter).named("review_due")] == ["2025-06-14"]
