"""Letters and their near misses (issue 12, class 2): only a letter from the CAG secretariat to the
applicant is a CAG letter; an REC letter needs an REC's favourable opinion. Phrasings written for
these tests."""

from __future__ import annotations

import pytest

from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document

HRA_HEAD = "Health Research Authority\n2 Example Row\nLeeds LS1 4AB\nTel: 0113 496 0000\n"

# A CAG letter on the HRA's own letterhead: the CAG reference in its subject, support continuing.
ANNUAL_REVIEW_ON_HRA_LETTERHEAD = pdf_document(
    [
        HRA_HEAD + "Email: cag@hra.nhs.uk\n2 March 2024\nDr R Patel\nSchool of Medicine\nDear Dr Patel,\n"
        "19/CAG/0201: Kidney outcomes after cardiac surgery\n"
        "Having read the report you sent, the HRA is content that the conditions of support are still met, and "
        "support for this activity continues.\nPlease send your next report by 2 March 2025.\nYours sincerely,\n"
        "Approvals Officer"
    ]
)

# Support extended by an amendment, the decision clause interrupted by what was amended.
AMENDMENT_ON_HRA_LETTERHEAD = pdf_document(
    [
        HRA_HEAD
        + "4 July 2023\nProfessor K Doyle\nDear Professor Doyle,\nApplication title: Falls in care homes\n"
        "CAG reference: 21/CAG/0077\nAmendment details\nTo add postcode to the items sent for linkage.\n"
        "The amendment, to let NHS England receive postcode as well as NHS number, is supported.\n"
        "Yours sincerely,\nConfidentiality Advisor"
    ]
)

FINAL_SUPPORT = pdf_document(
    [
        "HRA Confidentiality Advice Team\n"
        + HRA_HEAD
        + "9 May 2022\nDear Dr Ahmed,\nRe: Sepsis after day surgery\n"
        "Our reference: 22/CAG/0031\nREC reference: 22/YH/0110\nThank you for your application. The application, "
        "to disclose NHS number and date of birth to NHS England, is fully supported, subject to the standard "
        "conditions of support.\nThe REC gave a favourable opinion on 1 April 2022.\nYours sincerely"
    ]
)

REC_LETTER = pdf_document(
    [
        "Yorkshire - Example Research Ethics Committee\nUnit 3, Example Park\n10 April 2022\nDear Dr Ahmed\n"
        "Study title: Sepsis after day surgery\nREC reference: 22/YH/0110\nThe members of the Committee reviewed "
        "the application and I am pleased to give a favourable ethical opinion.\nYours sincerely"
    ]
)


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (ANNUAL_REVIEW_ON_HRA_LETTERHEAD, "cag_annual_review"),
        (AMENDMENT_ON_HRA_LETTERHEAD, "cag_amendment"),
        (FINAL_SUPPORT, "cag_approval"),
        (REC_LETTER, "rec_approval"),
    ],
)
def test_a_letter_is_read_by_sender_subject_reference_and_decision(document, kind: str) -> None:
    assert facts_of(document).kind == kind


GUIDANCE_PAGE = docx_document(
    [
        "Skip to main content",
        "Applying to the Confidentiality Advisory Group: guidance",
        "Section 251 support lets confidential patient information be used without consent. If your "
        "application is fully supported, you will receive an outcome letter with the standard conditions of "
        "support. Dear applicants, please read this page before you apply.",
        "Your annual review report is due each year; support continues once it is accepted.",
    ]
)

MINUTES = pdf_document(
    [
        "Confidentiality Advisory Group\nMinutes of the meeting held on 3 March 2020\nPresent:\nChair\nLay member\n"
        "In attendance:\nConfidentiality Advisor\n1. 20/CAG/0012 Stroke outcomes\nThe members agreed that the "
        "application should be conditionally supported, and that support continues for 19/CAG/0100.\n"
        "Dear colleagues were thanked for their reports."
    ]
)

FOI_REPLY = pdf_document(
    [
        "Dear HRA,\nPlease send me the letters about 21/CAG/0033.\nYours faithfully,\nA Requester\n\n"
        "Dear A Requester,\nFreedom of Information request\nCAG reference: 21/CAG/0033\nThank you for your "
        "e-mail. The application was fully supported in 2021 and support continues. We attach the letters.\n"
        "Yours sincerely,\nFOI team, Health Research Authority"
    ]
)

COVER_LETTER_TO_CAG = docx_document(
    [
        "University of Example",
        "Dear Confidentiality Advice Team,",
        "Re: 23/CAG/0150 amendment request",
        "We ask that support be extended to cover postcode. The original application was fully supported.",
        "Yours sincerely,",
        "Chief Investigator",
    ]
)

STUDY_PAGE_ABOUT_ITS_SUPPORT = docx_document(
    [
        "How we trace our study members",
        "We hold approval under section 251 from the Confidentiality Advisory Group, and our support continues "
        "each year after the annual review. The application was fully supported in 2015.",
    ]
)

REGISTER_EXTRACT = docx_document(
    [
        "CAG approvals register",
        "21/CAG/0042 | Heart failure linkage | fully supported | next review due 2025",
        "Confidentiality Advisory Group | favourable opinion | REC 21/LO/0001",
    ]
)


@pytest.mark.parametrize(
    "document",
    [GUIDANCE_PAGE, MINUTES, FOI_REPLY, COVER_LETTER_TO_CAG, STUDY_PAGE_ABOUT_ITS_SUPPORT, REGISTER_EXTRACT],
    ids=["guidance-page", "minutes", "foi-reply", "letter-to-cag", "study-page", "register"],
)
def test_what_talks_about_cag_support_is_no_cag_or_rec_letter(document) -> None:
    kind = facts_of(document).kind
    assert kind not in ("cag_approval", "cag_amendment", "cag_annual_review", "rec_approval"), kind


# Class (third unseen corpus): a PDF wraps its lines inside a cue phrase ("... section 251 support" /
# "remains in place"); the line break reads as the space it stands for.
WRAPPED_DECISION = pdf_document(
    [
        "Health Research Authority\nConfidentiality Advice Team\n12 May 2024\nDear Dr Okafor\n"
        "20/CAG/0144 - Readmissions after hip replacement\nAnnual review\n"
        "We have looked at the annual report for the above application on behalf of the HRA, and section 251 support\n"
        "remains in place under the conditions of the outcome letter.\nKind regards\nConfidentiality Advice Team"
    ]
)


def test_a_decision_wrapped_over_two_lines_is_read() -> None:
    assert facts_of(WRAPPED_DECISION).kind == "cag_annual_review"


def test_wrapped_decision_words_in_a_page_that_is_no_letter_give_no_letter() -> None:
    guidance = pdf_document(
        [
            "How annual reviews work\nEach year the applicant reports on the activity, and section 251 support\n"
            "remains in place while the conditions are met.\nThe team checks the report."
        ]
    )
    assert facts_of(guidance).kind not in ("cag_annual_review", "cag_approval", "cag_amendment")
