"""Consent materials: cited information sheets, linkage, periods of use and contact with the cohort,
each in several phrasings written for these tests, and the statements that must not count."""

from __future__ import annotations

import pytest

from extractors.documents.consent import extract_consent
from extractors.facts import DocumentFacts
from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document


def consent_facts(paragraphs: list[str], kind: str = "consent_form") -> DocumentFacts:
    facts = DocumentFacts(kind=kind)
    extract_consent(docx_document(paragraphs, path="consent/form.docx"), facts)
    return facts


def values(facts: DocumentFacts, name: str) -> list:
    return [fact.value for fact in facts.named(name)]


# --- the information sheet a consent form cites ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "version", "date"),
    [
        (
            "1. I confirm that I have read the information sheet dated 03/02/2020 (version 2.1) for the study above.",
            "2.1",
            "2020-02-03",
        ),
        (
            "I have read and understood the Patient Information Leaflet version 4.0, 12 March 2022, and have had time "
            "to ask questions.",
            "4.0",
            "2022-03-12",
        ),
        (
            "I confirm I have read the PIS v3 (21.09.21) and I understand what the study involves.",
            "3",
            "2021-09-21",
        ),
        (
            "I confirm that I have understood the participant information booklet (Version 1.2, dated 7th July 2017).",
            "1.2",
            "2017-07-07",
        ),
        ("I have read the information sheet version 2 of May 2016 for the above study.", "2", "2016-05"),
    ],
)
def test_consent_cited_sheet_version_and_date(sentence: str, version: str, date: str) -> None:
    facts = consent_facts(["CONSENT FORM", "Please initial each box", sentence])
    assert values(facts, "cited_pis_version") == [version]
    assert values(facts, "cited_pis_date") == [date]
    fact = facts.named("cited_pis_version")[0]
    assert version in fact.evidence.quote and fact.evidence.location == "paragraph 3"
    assert fact.detail["sheet"]


def test_consent_cited_sheets_adult_and_parent_each_give_a_fact() -> None:
    facts = consent_facts(
        [
            "I confirm that I have read the adult information sheet version 3.0 dated 02/03/2021 and the parent "
            "information sheet version 1.4 dated 15/01/2021."
        ]
    )
    assert values(facts, "cited_pis_version") == ["3.0", "1.4"]
    assert values(facts, "cited_pis_date") == ["2021-03-02", "2021-01-15"]
    assert [f.detail for f in facts.named("cited_pis_date")] == [
        {"sheet": "adult information sheet", "version": "3.0", "date": "2021-03-02"},
        {"sheet": "parent information sheet", "version": "1.4", "date": "2021-01-15"},
    ]


def test_consent_cited_sheet_wrapped_over_pdf_lines() -> None:
    document = pdf_document(
        [
            "Consent Form\nPlease initial each box\n1. I confirm that I have read and understand the information sheet\n"
            "dated 14/10/2019 (version 2.0) for the above study and have had the chance to ask questions.\n"
            "Consent form v1.0 01/11/2019"
        ]
    )
    facts = DocumentFacts(kind="consent_form")
    extract_consent(document, facts)
    assert values(facts, "cited_pis_version") == ["2.0"]
    assert values(facts, "cited_pis_date") == ["2019-10-14"]
    assert facts.named("cited_pis_date")[0].evidence.page == 1


def test_consent_form_own_version_is_not_a_cited_sheet() -> None:
    facts = consent_facts(
        [
            "Participant information sheet and consent form, version 2.0, 01/06/2020",
            "I confirm that I have read the information sheet for this study.",
        ]
    )
    assert facts.named("cited_pis_version") == [] and facts.named("cited_pis_date") == []


def test_consent_cited_sheet_only_on_consent_forms() -> None:
    facts = consent_facts(
        ["This information sheet (version 3.0, 01/02/2021) explains the study."],
        kind="participant_information_sheet",
    )
    assert facts.named("cited_pis_version") == []


# --- linkage to national records -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "body"),
    [
        (
            "I agree that my name, NHS number, date of birth and postcode may be given to NHS England so that my "
            "study data can be linked to records of hospital admissions, cancer diagnoses and deaths.",
            "nhs_england",
            "NHS England",
        ),
        (
            "I give permission for the research team to obtain information about me from central NHS records held by "
            "the Health and Social Care Information Centre.",
            "nhs_england",
            "Health and Social Care Information Centre",
        ),
        (
            "With your agreement we will connect your questionnaire answers with your hospital records and, should you "
            "die, the cause of death recorded by the Office for National Statistics.",
            "national_records",
            "Office for National Statistics",
        ),
        (
            "We would like to follow your health over the next 20 years through routinely collected NHS data, such as "
            "Hospital Episode Statistics.",
            "national_records",
            None,
        ),
        (
            "I consent to my records being flagged with NHS Digital so that the study is told if I am diagnosed with "
            "cancer or die.",
            "nhs_england",
            "NHS Digital",
        ),
    ],
)
def test_consent_linkage_statement_phrasings(sentence: str, value: str, body: str | None) -> None:
    facts = consent_facts(["Optional statements", sentence])
    facts_found = facts.named("linkage_statement")
    assert [f.value for f in facts_found] == [value]
    assert (facts_found[0].detail or {}).get("body") == body
    assert facts_found[0].evidence.location == "paragraph 2"


def test_consent_linkage_across_pdf_line_breaks_keeps_page() -> None:
    document = pdf_document(
        [
            "Study information",
            "What else will happen to my information?\nWith your permission, we will send your "
            "NHS number and date of birth to\nNHS Digital, who will link them to national records of hospital stays\n"
            "and send the results back to us.",
        ]
    )
    facts = DocumentFacts(kind="participant_information_sheet")
    extract_consent(document, facts)
    fact = facts.named("linkage_statement")[0]
    assert fact.value == "nhs_england" and fact.evidence.page == 2
    assert "NHS Digital, who will link them" in fact.evidence.quote


@pytest.mark.parametrize(
    "sentence",
    [
        "I understand that relevant sections of my medical notes and data collected during the study may be looked "
        "at by individuals from the University of Exeter, from regulatory authorities or from the NHS Trust, where "
        "it is relevant to my taking part in this research.",
        "Authorised staff from the sponsor and the regulators may access your hospital notes to check that the study "
        "is being carried out correctly.",
        "Your medical records may be reviewed by the study team and by auditors from the sponsor.",
    ],
)
def test_consent_medical_notes_access_is_not_linkage(sentence: str) -> None:
    facts = consent_facts([sentence])
    assert facts.named("linkage_statement") == []
    assert values(facts, "health_records_access") == ["study_access"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not link your records with any other information.",
        "Your details will never be sent to NHS England.",
        "No information from national hospital or death records will be obtained for this study.",
    ],
)
def test_consent_denied_linkage_is_recorded_apart(sentence: str) -> None:
    facts = consent_facts([sentence])
    assert facts.named("linkage_statement") == []
    assert len(facts.named("linkage_statement_negated")) == 1


def test_consent_conditional_wording_does_not_deny_linkage() -> None:
    facts = consent_facts(
        [
            "If you do not want us to link your information with your hospital records held by NHS England, "
            "you can tick No below."
        ]
    )
    assert values(facts, "linkage_statement") == ["nhs_england"]


def test_consent_answer_boxes_do_not_deny_a_statement() -> None:
    facts = consent_facts(
        [
            "I agree that NHS Digital may send the study team information from my hospital records.   Yes ☐   No ☐",
            "I am happy to be contacted about future research studies. Yes / No",
        ]
    )
    assert values(facts, "linkage_statement") == ["nhs_england"]
    assert values(facts, "cohort_contact") == ["recontact"]


def test_consent_body_named_as_funder_is_not_linkage() -> None:
    facts = consent_facts(
        ["The study is funded by NHS England and uses the answers you give in clinic."],
        kind="participant_information_sheet",
    )
    assert facts.named("linkage_statement") == []


def test_consent_national_data_opt_out_is_not_linkage() -> None:
    facts = consent_facts(
        ["Because you have consented, the national data opt-out does not affect your participation."],
        kind="participant_information_sheet",
    )
    assert facts.named("linkage_statement") == []


# --- period of use ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "precisions"),
    [
        (
            "This version of the leaflet was used from 4 June 2018 to 30 September 2019.",
            "2018-06-04..2019-09-30",
            ("day", "day"),
        ),
        ("Form in use between February 2016 and November 2017.", "2016-02..2017-11", ("month", "month")),
        ("Valid from 01/10/2020 until 31/12/2021 for all sites.", "2020-10-01..2021-12-31", ("day", "day")),
        (
            "This sheet is for participants recruited from April 2013 to January 2015.",
            "2013-04..2015-01",
            ("month", "month"),
        ),
        ("Version 3 has been in use from 2 May 2022 onwards.", "2022-05-02..", ("day", None)),
        ("Consent form v1.0 (used 01/03/2019 – 31/08/2020)", "2019-03-01..2020-08-31", ("day", "day")),
        ("Dates of use: March 2015 to 14 June 2016", "2015-03..2016-06-14", ("month", "day")),
    ],
)
def test_consent_period_of_use(sentence: str, value: str, precisions: tuple) -> None:
    facts = consent_facts(["Consent form", sentence])
    fact = facts.named("period_of_use")[0]
    assert fact.value == value
    assert (fact.detail["from_precision"], fact.detail["to_precision"]) == precisions
    assert fact.detail["from"] == value.split("..")[0]
    assert fact.detail["to"] == (value.split("..")[1] or None)


@pytest.mark.parametrize(
    "sentence",
    [
        "The study will run from January 2020 to December 2025.",
        "Version 2.0 dated 01/03/2019.",
        "We will contact you between March 2021 and May 2021 about a second visit.",
        "Recruitment will take place from 1 March 2019 to 31 August 2020.",
    ],
)
def test_consent_dates_that_are_not_a_period_of_use(sentence: str) -> None:
    assert consent_facts([sentence]).named("period_of_use") == []


# --- contact with the cohort -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Twice a year we post a short newsletter to everyone taking part.", "newsletter"),
        ("You can sign up for our e-bulletin to hear how the study is progressing.", "newsletter"),
        ("News about the results will be posted on the study website.", "website"),
        ("You can follow progress on our project web page at any time.", "website"),
        ("I agree to be contacted again in the future about this research.", "recontact"),
        ("May we approach you about taking part in future studies?", "recontact"),
        ("We would like to stay in touch with you for the next ten years.", "recontact"),
        ("Every two years we will send you a follow-up questionnaire about your health.", "questionnaire"),
        ("We may ask you to fill in further surveys over the next five years.", "questionnaire"),
        ("Please tell us if your address or phone number changes.", "contact_details"),
        ("If you move house, let the study office know so that we can stay in contact.", "contact_details"),
    ],
)
def test_consent_cohort_contact(sentence: str, value: str) -> None:
    facts = consent_facts([sentence], kind="participant_information_sheet")
    assert value in values(facts, "cohort_contact")
    fact = next(f for f in facts.named("cohort_contact") if f.value == value)
    assert fact.evidence.location == "paragraph 1"


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not contact you again after this visit.",
        "You will be asked to complete one questionnaire about your sleep.",
        "You are being invited to take part in a research study.",
        "If you change your mind, write to us at the address below.",
    ],
)
def test_consent_not_cohort_contact(sentence: str) -> None:
    assert consent_facts([sentence], kind="participant_information_sheet").named("cohort_contact") == []


def test_consent_cohort_contact_in_protocol_but_not_in_cag_letter() -> None:
    sentence = "Participants receive an annual newsletter and are invited to complete further questionnaires."
    assert consent_facts([sentence], kind="protocol").named("cohort_contact")
    assert consent_facts([sentence], kind="cag_approval").named("cohort_contact") == []


def test_consent_registered_in_the_extract_pipeline() -> None:
    document = docx_document(
        [
            "Consent form",
            "Please initial each box",
            "I confirm that I have read the information sheet dated 01/02/2021 (version 1.1) for the above study.",
            "I agree to take part in the above study.",
        ],
        footer="Consent form version 1.0, 10/02/2021",
    )
    facts = facts_of(document)
    assert facts.kind == "consent_form"
    assert values(facts, "cited_pis_version") == ["1.1"]


# --- statements, not mentions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Hospital Episode Statistics have been used by other research groups to track readmissions for asthma.",
        "Earlier research linking cancer registry data with hospital records has shown that survival varies.",
        "Records held by NHS Digital were used in the past to study outcomes after surgery.",
        "Similar trials have linked NHS records to measure long-term outcomes.",
    ],
)
def test_background_about_other_research_is_not_a_linkage_statement(sentence: str) -> None:
    facts = consent_facts(["Background", sentence], kind="participant_information_sheet")
    assert values(facts, "linkage_statement") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Previous studies have used Hospital Episode Statistics, and we will do the same with your records.",
        "As in earlier research, NHS England will link your NHS number to hospital records.",
        "We have used NHS Digital's records of hospital stays to follow up participants since 2015.",
    ],
)
def test_a_background_word_does_not_hide_a_statement_about_this_study(sentence: str) -> None:
    facts = consent_facts(["Linking records", sentence], kind="participant_information_sheet")
    assert values(facts, "linkage_statement") != []


# Class: NHS England named with a verb, but no one's data (this study's people or the reader's) in the
# sentence, is not this study's linkage.
@pytest.mark.parametrize(
    "sentence",
    [
        "More details are given on the NHS England website.",
        "NHS Digital became part of NHS England in 2023 and was merged into it.",
        "The regulator receives a weekly feed of prescribing data from NHS England.",
        "A university team requires access to NHS Digital data for a separate programme of work.",
    ],
)
def test_consent_national_body_without_anyones_data_is_not_linkage(sentence: str) -> None:
    facts = consent_facts([sentence], kind="participant_information_sheet")
    assert facts.named("linkage_statement") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "NHS Digital will link the cohort to hospital admission and death records each year.",
        "Study members' details are sent to NHS England, which matches them to national records.",
        "Volunteers' NHS numbers are passed to NHS Digital so their hospital stays can be found.",
    ],
)
def test_consent_national_body_with_the_studys_people_is_linkage(sentence: str) -> None:
    facts = consent_facts([sentence], kind="participant_information_sheet")
    assert values(facts, "linkage_statement") == ["nhs_england"]


# Class (second real set): one head shared by a list of kinds of records ("your health, education and
# environmental records") names health records, which a verb of linking makes linkage.
@pytest.mark.parametrize(
    "sentence",
    [
        "The Pennine Twins Study has your permission to link to your health, education and housing records.",
        "We would like to link your GP, hospital and social care records to your answers.",
    ],
)
def test_consent_linkage_to_records_named_in_a_list(sentence: str) -> None:
    assert values(consent_facts([sentence], kind="cohort_communication"), "linkage_statement") == [
        "national_records"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will ask about your health, and your school records will be linked to the survey.",
        "We will link your health and wellbeing questionnaires to your diary.",
    ],
)
def test_consent_list_that_names_no_health_records_is_no_linkage(sentence: str) -> None:
    assert consent_facts([sentence], kind="cohort_communication").named("linkage_statement") == []


# Class (third real set): a question asserts nothing; its answer does. On a consent form the
# participant answers the question itself, so there it counts.
@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Q: Linkage with electronic health records"],
        ["Will my records be linked to national NHS records?"],
    ],
)
def test_linkage_question_alone_is_no_statement(paragraphs) -> None:
    facts = consent_facts(paragraphs, kind="participant_information_sheet")
    assert facts.named("linkage_statement") == []


def test_linkage_question_then_its_answer() -> None:
    facts = consent_facts(
        [
            "Will my records be linked to national NHS records?",
            "Yes. With your permission we will link your answers to your hospital records held by NHS England.",
        ],
        kind="participant_information_sheet",
    )
    assert values(facts, "linkage_statement") == ["nhs_england"]


def test_linkage_question_on_a_consent_form_is_answered_there() -> None:
    facts = consent_facts(["Do you agree to your records being linked with national NHS records?"])
    assert values(facts, "linkage_statement") == ["national_records"]
