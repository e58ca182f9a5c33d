"""Kind, version and document date on documents written for these tests, in several phrasings."""

from __future__ import annotations

import pytest

from extractors.documents.kinds import classify_title
from pipeline.model import Block, Document, ParsedDocument, Status
from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document

CAG_APPROVAL = pdf_document(
    [
        "Health Research Authority\n2 Redman Place\nLondon E20 1JQ\n\n09 September 2021\n\nDr A Okafor\n"
        "Department of Respiratory Medicine\n\nDear Dr Okafor,\n\nApplication title: Outcomes after childhood asthma\n"
        "CAG reference: 21/CAG/0141\nIRAS project ID: 298765\n\nThank you for your application under Regulation 5 "
        "of the Health Service (Control of Patient Information) Regulations 2002. The application was fully supported, "
        "subject to the specific conditions of support set out below.",
        "Specific conditions of support\n1. Confirmation of a satisfactory DSPT review.\nThe annual review report is due "
        "on 09 September 2022.\nYours sincerely\nConfidentiality Advisory Group",
    ],
    path="cag/letter.pdf",
)

ANNUAL_REVIEW = docx_document(
    [
        "Confidentiality Advisory Group",
        "3rd May 2023",
        "Re: Annual review of 19/CAG/0044 - Heart failure outcomes cohort",
        "Dear Professor Lindqvist,",
        "Thank you for submitting the annual review report. I can confirm that support under section 251 remains in "
        "place. The next annual review is due by 3 May 2024.",
        "Yours sincerely,",
    ],
    path="letters/review.docx",
)

AMENDMENT = pdf_document(
    [
        "Confidentiality Advisory Group\n14.02.22\nNotice of amendment: 19/CAG/0044\nDear Professor Lindqvist,\n"
        "The amendment to add postcode to the identifiers sent to NHS England was supported by the committee.\n"
        "Support continues under the existing reference. Yours sincerely"
    ]
)

CONSENT_FORM = docx_document(
    [
        "CONSENT FORM",
        "Title of study: Outcomes after childhood asthma      IRAS ID: 298765",
        "Please initial each box",
        "1. I confirm that I have read the participant information sheet dated 01/12/2018 (version 1.0) for the above "
        "study and have had the opportunity to ask questions.",
        "2. I understand that my participation is voluntary.",
        "3. I agree to take part in the above study.",
        "Name of participant          Date          Signature",
    ],
    footer="Consent form v1.1, 22/01/2019",
    path="consent/form.docx",
)

TEMPLATE_FOOTER_FORM = docx_document(
    [
        "Informed consent form",
        "Version 1.0 dated 3 February 2021",
        "Please initial each box if you agree with the statement.",
        "I confirm that I have read the information leaflet version 2.3 dated 1 January 2021.",
        "I agree to take part in this study.",
    ],
    footer="CTRG form 306m V3.0 Template 24 January 2020",
)

PIS = pdf_document(
    [
        "Participant Information Sheet\nA study of outcomes after childhood asthma\nYou are being invited to take part "
        "in a research study.\nWhy have I been invited?\nParticipant Information Sheet Version 2.0 18Aug2022 Page 1 of 2",
        "Do I have to take part?\nNo. It is up to you.\nParticipant Information Sheet Version 2.0 18Aug2022 Page 2 of 2",
    ],
    path="pis.pdf",
)

PRIVACY_NOTICE = docx_document(
    [
        "How we use your information in the ASTHMA-LIFE study",
        "Last updated: March 2021",
        "The University is the data controller. Our lawful basis is article 6(1)(e) public task and article 9(2)(j).",
        "You can complain to the Information Commissioner's Office.",
    ],
    path="notices/transparency.docx",
    title_style=True,
)

REC_LETTER = pdf_document(
    [
        "North West - Preston Research Ethics Committee\nBarlow House, Manchester\nTelephone: 0207 104 8010\n\n"
        "Date: 12 March 2021\n\nDear Dr Okafor\nStudy title: Outcomes after childhood asthma\nREC reference: "
        "21/NW/0044\nThe Committee reviewed the above application at the meeting held on 01/03/2021. I am pleased to "
        "confirm a favourable ethical opinion. Approved documents: Protocol version 3.0 dated 01/02/2021.\n"
        "Yours sincerely"
    ]
)

PROTOCOL = docx_document(
    [
        "STUDY PROTOCOL",
        "Outcomes after childhood asthma: a record-linkage cohort",
        "Chief Investigator: Dr A Okafor",
        "1. Background and rationale",
        "2. Study design",
        "3. Inclusion criteria",
        "4. Statistical analysis",
    ],
    footer="Protocol v3.0 | 01 February 2021 | Page 1 of 24",
)

NEWSLETTER = pdf_document(
    [
        "ASTHMA-LIFE NEWS\nParticipant newsletter - Issue 7, Autumn 2022\nThank you for your continued support.\n"
        "Please remember to update your contact details on our study website."
    ],
    path="comms/news.pdf",
)

APPLICATION = pdf_document(
    [
        "Application for section 251 support\nNon-research application form\nSection A: Applicant details\n"
        "Q1. Please describe the purpose of the application.\nQ2. Please explain why consent is not practicable."
    ],
    path="s251/form.pdf",
)

AGENDA = docx_document(
    ["Steering group meeting", "Agenda", "1. Apologies", "2. Minutes of the last meeting"],
    path="misc/agenda.docx",
)


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (CAG_APPROVAL, "cag_approval"),
        (ANNUAL_REVIEW, "cag_annual_review"),
        (AMENDMENT, "cag_amendment"),
        (CONSENT_FORM, "consent_form"),
        (TEMPLATE_FOOTER_FORM, "consent_form"),
        (PIS, "participant_information_sheet"),
        (PRIVACY_NOTICE, "privacy_notice"),
        (REC_LETTER, "rec_approval"),
        (PROTOCOL, "protocol"),
        (NEWSLETTER, "cohort_communication"),
        (APPLICATION, "s251_application"),
        (AGENDA, "other"),
    ],
)
def test_kind_from_content(document, kind: str) -> None:
    assert facts_of(document).kind == kind


@pytest.mark.parametrize(
    ("document", "version", "date"),
    [
        (CAG_APPROVAL, None, "2021-09-09"),
        (ANNUAL_REVIEW, None, "2023-05-03"),
        (AMENDMENT, None, "2022-02-14"),
        (CONSENT_FORM, "1.1", "2019-01-22"),
        (TEMPLATE_FOOTER_FORM, "1.0", "2021-02-03"),
        (PIS, "2.0", "2022-08-18"),
        (PRIVACY_NOTICE, None, "2021-03"),
        (REC_LETTER, None, "2021-03-12"),
        (PROTOCOL, "3.0", "2021-02-01"),
    ],
)
def test_own_version_and_date(document, version: str | None, date: str | None) -> None:
    facts = facts_of(document)
    assert (facts.version, facts.date) == (version, date)


def test_version_and_date_facts_carry_their_evidence() -> None:
    facts = facts_of(CONSENT_FORM)
    [version] = facts.named("version")
    [date] = facts.named("document_date")
    for fact in (version, date):
        assert fact.evidence.document == "consent/form.docx"
        assert fact.evidence.location == "footer (section 1)"
        assert fact.evidence.quote == "Consent form v1.1, 22/01/2019"


def test_kind_evidence_quotes_the_title() -> None:
    facts = facts_of(PIS)
    [kind] = facts.named("kind")
    assert "Participant Information Sheet" in kind.evidence.quote and kind.evidence.page == 1


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Fair processing notice", "privacy_notice"),
        ("IRAS CAG application form", "s251_application"),
        ("Participant information leaflet (adults)", "participant_information_sheet"),
        ("Consent form - consultee", "consent_form"),
        ("Study protocol", "protocol"),
        ("Covering letter", None),
    ],
)
def test_classify_a_reviewed_document_description(description: str, kind: str | None) -> None:
    assert classify_title(description) == kind


def test_a_newsletters_issue_number_is_not_a_version() -> None:
    assert facts_of(NEWSLETTER).version is None
    protocol = docx_document(
        ["Study protocol", "Issue 2, March 2023"], footer="Protocol Issue 2 | Page 1 of 30"
    )
    assert facts_of(protocol).version == "2"


# Class: page furniture is never a document's date; a version's "applicable from" date is.
@pytest.mark.parametrize(
    "furniture",
    [
        "jdoe edited this page Mar 3, 2021",
        "Post on 11-Feb-2019",
        "Posted on 11 February 2019",
        "lmartin authored Jan 9, 2024",
        "Uploaded on 4 May 2020",
        "As of 2 March 2025, new rules apply to research data.",
        "Accessed 12 June 2023",
    ],
)
def test_page_furniture_is_not_the_documents_date(furniture: str) -> None:
    notice = docx_document(
        ["Privacy notice for the Harbour Cohort", furniture, "We are the data controller for your data."],
        path="notice.docx",
    )
    assert facts_of(notice).date is None


def test_applicable_from_gives_the_versions_date() -> None:
    notice = docx_document(
        ["Privacy notice for the Harbour Cohort", "Version 4: Applicable from: 2 May 2023", "Who we are"],
        path="notice.docx",
    )
    facts = facts_of(notice)
    assert (facts.version, facts.date) == ("4", "2023-05-02")


# Class: a footer whose fields are separated (" | ", a tab, wide spaces) where one field names a template.
# Only that field's version and date are the template's; the others may be the document's own.
@pytest.mark.parametrize("separator", [" | ", "\t", "     "])
def test_a_template_field_beside_the_documents_own_in_one_footer_line(separator) -> None:
    sheet = pdf_document(
        [
            "Participant Information Sheet\nA study of healthcare workers after COVID-19\nYou are being invited to take "
            "part in a research study.\nWhy have I been invited?\nDo I have to take part?\nNo.\n"
            + separator.join(["IRAS template PIS v7.0", "LC-HCW PIS version 1.2, 6 June 2022", "Page 1"]),
        ],
        path="pis.pdf",
    )
    facts = facts_of(sheet)
    assert (facts.version, facts.date) == ("1.2", "2022-06-06")


def test_a_template_footer_line_without_fields_still_gives_nothing() -> None:
    sheet = pdf_document(
        [
            "Participant Information Sheet\nA study of healthcare workers after COVID-19\nYou are being invited to take "
            "part in a research study.\nWhy have I been invited?\nDo I have to take part?\nNo.\n"
            "IRAS template PIS v7.0 dated 1 May 2019",
        ],
        path="pis.pdf",
    )
    facts = facts_of(sheet)
    assert facts.version is None and facts.date is None


# Class (third unseen corpus): an e-mail's Date header is the message's own date, its clock time
# part of the header's form; a body line dated with a clock time is still a print stamp.
def _message(body: list[str], date_header: str | None) -> Document:
    header = [("From", "Study Team <team@example.ac.uk>"), ("Subject", "Study news - autumn edition")]
    if date_header:
        header.insert(1, ("Date", date_header))
    blocks = [Block(index=i, text=f"{k}: {v}", label=f"{k} line") for i, (k, v) in enumerate(header)]
    blocks += [Block(index=len(blocks) + i, text=text, paragraph=i + 1) for i, text in enumerate(body)]
    return Document("news.eml", 1000, "sha", Status.OK, parsed=ParsedDocument("eml", blocks))


def test_a_message_is_dated_by_its_date_header() -> None:
    facts = facts_of(_message(["Thank you for staying with the study this year."], "Tue, 07 Nov 2023 10:15:00 +0000"))
    assert facts.date == "2023-11-07"


def test_a_clock_stamped_body_line_is_still_no_date_of_a_message() -> None:
    facts = facts_of(_message(["Printed 14/03/2024, 09:12", "Thank you for staying with the study."], None))
    assert facts.date is None
