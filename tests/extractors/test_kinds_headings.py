"""Title and headings outweigh mentions in the body; cohort communications have cues of their own;
weak or split evidence abstains (issue 12, class 2). Phrasings written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document

FORM_THAT_MENTIONS_THE_SHEET = docx_document(
    [
        "Study of sleep after stroke",
        "PARTICIPANT CONSENT FORM",
        "(please read the Participant Information Sheet before you fill this in)",
        "I have read the information sheet dated 3 May 2021 and have been able to ask questions.",
        "I understand that I can withdraw at any time.",
        "Participant information sheet version 2.0 is kept with this form.",
    ]
)

FORM_UNDER_A_SHEET_HEADER = pdf_document(
    [
        "Hospital letterhead\nPatient Information Sheet 4, 01/02/2020\nCONSENT FORM\nName of study:\n"
        "1. I acknowledge that the study has been explained to me and I give my consent freely.\n"
        "2. I understand that my records will be looked at by the research team."
    ]
)

NUMBERED_FORM = docx_document(
    [
        "2. Consent form",
        "Thanks for reading the study page. Please tick to confirm each statement.",
        "1. I confirm that I have read the information sheet.",
        "2. I agree to take part in this survey.",
    ]
)

SHEET_THAT_MENTIONS_THE_FORM = docx_document(
    [
        "Participant Information Sheet",
        "You are being invited to take part in a study of sleep after stroke.",
        "Why have I been invited?",
        "Do I have to take part? No. If you agree, you will be asked to sign a consent form.",
        "What will happen if I take part?",
    ]
)


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (FORM_THAT_MENTIONS_THE_SHEET, "consent_form"),
        (FORM_UNDER_A_SHEET_HEADER, "consent_form"),
        (NUMBERED_FORM, "consent_form"),
        (SHEET_THAT_MENTIONS_THE_FORM, "participant_information_sheet"),
    ],
)
def test_a_heading_outweighs_a_mention(document, kind: str) -> None:
    assert facts_of(document).kind == kind


S251_EXPLAINER = docx_document(
    [
        "Section 251 and what it allows",
        "Using confidential patient information without consent",
        "The regulations let confidential patient information be disclosed for medical purposes where consent "
        "is not practicable. Patient information of this kind is protected by the common law.",
    ]
)

GUIDANCE_ON_WRITING_SHEETS = docx_document(
    [
        "Guidance on writing a participant information sheet",
        "Participant Information Sheet: what to include",
        "Explain why the person has been invited. Answer: do I have to take part? Say what will happen if they "
        "take part, and thank them for reading.",
        "Consent form: what to include",
    ]
)

PAGE_THAT_NAMES_A_NOTICE = docx_document(
    [
        "How the trial team works with the hospital",
        "The hospital's records team sends us your clinic dates. Our privacy notice explains more, and you "
        "can contact the data protection officer.",
    ]
)


RECORDS_RELEASE_FORM = docx_document(
    [
        "Consent form",
        "(to release a copy of my hospital records to my solicitor)",
        "I agree that the records office may send a copy of my records to the person named below.",
        "Name of patient          Date of birth          Signature",
    ]
)


@pytest.mark.parametrize(
    "document",
    [S251_EXPLAINER, GUIDANCE_ON_WRITING_SHEETS, PAGE_THAT_NAMES_A_NOTICE, RECORDS_RELEASE_FORM],
    ids=["confidential-patient-information", "guidance-about-sheets", "mentions-a-notice", "not-research"],
)
def test_a_mention_or_a_page_about_a_kind_is_not_that_kind(document) -> None:
    kind = facts_of(document).kind
    assert kind not in ("participant_information_sheet", "consent_form", "privacy_notice"), kind


MEMBERS_PAGE = docx_document(
    [
        "Communicating with our members",
        "We write to study members each year with news of the findings and a reminder to tell us of any "
        "change of address.",
    ]
)

FAQ_PAGE = docx_document(
    [
        "What records have you linked to my answers?",
        "At the age 30 survey we asked for your permission to add details from your hospital records.",
        "Since you joined, you have given us answers in four surveys; the study members who agreed are "
        "linked once a year.",
    ]
)


@pytest.mark.parametrize("document", [MEMBERS_PAGE, FAQ_PAGE], ids=["members", "faq"])
def test_pages_for_people_already_in_the_study_are_cohort_communication(document) -> None:
    assert facts_of(document).kind == "cohort_communication"


HELP_PAGE_FOR_RESEARCHERS = docx_document(
    [
        "Help - After your study ends - Confidentiality Advisory Group",
        "Help menu",
        "FAQs",
        "Once your study ends, tell the CAG team and say what happens to the identifiable data you hold. "
        "Study members' records must then be destroyed or anonymised.",
    ]
)


def test_a_help_page_for_researchers_is_not_cohort_communication() -> None:
    assert facts_of(HELP_PAGE_FOR_RESEARCHERS).kind == "other"


SHEET_OPENING_WITH_A_QUESTION = docx_document(
    [
        "Why have I been invited to this study?",
        "Participant Information Sheet",
        "You are being invited to take part in a study of sleep after stroke. Do I have to take part? No.",
        "What will happen if I take part? You will wear a watch for a week.",
    ]
)


def test_an_information_sheet_opening_with_a_question_stays_an_information_sheet() -> None:
    assert facts_of(SHEET_OPENING_WITH_A_QUESTION).kind == "participant_information_sheet"


# Class (second real set): the document's first line is its title even when a long study name comes
# before the kind; a long first line that is a sentence, or a long later line, is still running text.
def test_a_long_first_line_names_the_kind() -> None:
    notice = docx_document(
        [
            "Inequalities in Access to Community Rehabilitation Services for Older Adults pilot study privacy notice",
            "This notice tells you how the study team processes your personal information.",
            "Your rights",
            "You can ask for a copy of the information we hold about you.",
        ]
    )
    assert facts_of(notice).kind == "privacy_notice"


@pytest.mark.parametrize(
    "first",
    [
        # a sentence, not a title
        "This page tells you about the Inequalities in Access to Community Rehabilitation pilot study privacy notice.",
        # a title line under another first line is held to the usual heading length
        None,
    ],
)
def test_a_long_line_that_is_no_title_names_no_kind(first) -> None:
    paragraphs = [
        first or "Community rehabilitation pilot",
        "Inequalities in Access to Community Rehabilitation Services for Older Adults pilot study privacy notice",
        "The study team will contact you in the spring.",
    ]
    if first is None:
        paragraphs.insert(1, "Updates for the community rehabilitation study")
    assert facts_of(docx_document(paragraphs)).kind != "privacy_notice"


# Class (third real set): the title line outranks the other headings when it names one kind: a
# privacy notice with a section on patient information stays a privacy notice.
def test_the_title_outranks_a_section_heading_of_another_kind() -> None:
    notice = docx_document(
        [
            "Privacy Notice for Patients",
            "Summary",
            "As an NHS organisation we use information about you to provide your care.",
            "Patient information and health and care research",
            "Your information may be used in research approved by an ethics committee.",
        ]
    )
    assert facts_of(notice).kind == "privacy_notice"


def test_a_title_that_names_two_kinds_gives_neither_the_titles_weight() -> None:
    both = docx_document(
        [
            "Privacy notice and patient information",
            "Summary",
            "As an NHS organisation we use information about you to provide your care.",
            "Patient information leaflet",
            "Your information may be used in research approved by an ethics committee.",
        ]
    )
    # the headings decide, as without the rule: the leaflet's heading outweighs the notice
    assert facts_of(both).kind == "participant_information_sheet"


# Class (fifth unseen corpus): a DOCX page header (the study's acronym on every page) is no title: the
# body's first heading is, so an information sheet with a "Keeping in touch" section stays a sheet.
def test_the_title_is_the_bodys_first_heading_not_the_page_header() -> None:
    sheet = docx_document(
        [
            "Participant Information Sheet",
            "BRIGHT-LUNG: a cohort study of breathing in adolescence",
            "We would like to invite you to take part in our research study.",
            "What is the purpose of the study?",
            "We want to learn how breathing changes as young people grow up.",
            "What will happen if I take part?",
            "You will blow into a small tube once a year at school.",
            "Keeping in touch",
            "Will you send me updates? Yes, if you update your contact details with the team.",
        ],
        header="BRIGHT-LUNG",
    )
    assert facts_of(sheet).kind == "participant_information_sheet"


def test_a_page_header_that_names_a_kind_is_no_title() -> None:
    # the header's kind counts as a heading, as before, but not as the title: the body's title wins
    letter = docx_document(
        [
            "Keeping in touch",
            "Will you send me updates? Yes: update your contact details on our website.",
            "What is new this year?",
            "Our thanks to everyone who filled in the spring questionnaire.",
        ],
        header="Participant information sheet",
    )
    assert facts_of(letter).kind != "participant_information_sheet"


# Class (third real set): a guide to writing one kind is about the kind, not one
# ("PARTICIPANT INFORMATION SHEET GUIDE", "Consent form template").
@pytest.mark.parametrize(
    "title", ["PARTICIPANT INFORMATION SHEET GUIDE", "Consent form template", "How to write a privacy notice"]
)
def test_a_guide_to_writing_a_kind_is_not_one(title: str) -> None:
    guide = docx_document(
        [
            title,
            "Invitation paragraph",
            "We would like to invite you to take part in a research study. Do I have to take part? "
            "What will happen if I take part? I understand that I am free to withdraw.",
            "Explain what the study is for, in words a lay reader follows.",
        ]
    )
    assert facts_of(guide).kind == "other"


def test_a_guide_for_participants_is_still_an_information_sheet() -> None:
    leaflet = docx_document(
        [
            "Participant guide to the BRIGHT-LUNG study",
            "Participant Information Sheet",
            "We would like to invite you to take part in our research study.",
            "Do I have to take part?",
            "No. It is up to you to decide.",
            "What will happen if I take part?",
            "You will blow into a small tube once a year at school.",
        ]
    )
    assert facts_of(leaflet).kind == "participant_information_sheet"
