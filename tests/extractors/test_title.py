from __future__ import annotations

from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document


def test_letter_title_is_its_subject_line_not_the_date_or_address() -> None:
    letter = pdf_document(
        [
            "2 May 2022\nDr R Osei\n1 Park Row, Leeds LS1 5HD\nDear Dr Osei\nRe: Outcome of your "
            "application for section 251 support\nThank you for your application."
        ]
    )
    facts = facts_of(letter)
    assert facts.title == "Outcome of your application for section 251 support"
    assert facts.named("title")[0].extractor == "title:subject-line"


def test_title_style_wins_in_docx() -> None:
    notice = docx_document(
        ["Transparency notice for the HEARTS study", "Last updated 1 May 2021"], title_style=True
    )
    assert facts_of(notice).title == "Transparency notice for the HEARTS study"


def test_first_substantial_line_skips_contact_lines() -> None:
    form = pdf_document(
        ["Tel: 0113 496 0000   Email: study@example.ac.uk\nParticipant consent form\nPlease initial"]
    )
    assert facts_of(form).title == "Participant consent form"
