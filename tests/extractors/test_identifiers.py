from __future__ import annotations

import pytest

from extractors.documents.identifiers import extract_identifiers
from tests.extractors.doc_helpers import docx_document, facts_of
from tests.extractors.helpers import assert_cites, document, only, run, table_document, values


def ids(*texts: str):
    return run(extract_identifiers, document(*texts))


# Strong items, several phrasings each ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "The applicant will send the NHS number of each cohort member to NHS England.",
            "NHS number",
            "nhs_number",
        ),
        ("Items required for linkage: NHS No., sex and postcode.", "NHS No", "nhs_number"),
        ("In Scotland the CHI number is used in place of it.", "CHI number", "nhs_number"),
        ("Linkage uses date of birth and sex.", "date of birth", "date_of_birth"),
        ("Fields: Surname, Forename, DOB, Gender", "DOB", "date_of_birth"),
        ("your birth date will be checked against the register", "birth date", "date_of_birth"),
        ("We will also receive the date of death where applicable.", "date of death", "date_of_death"),
        (
            "NHS England will return the date and cause of death for each person.",
            "date and cause of death",
            "date_of_death",
        ),
        ("The full postcode will be used to derive deprivation scores.", "full postcode", "postcode"),
        ("Your post code and NHS number are needed to find your records.", "post code", "postcode"),
        (
            "Hospital number (MRN) and NHS number will flow from the Trust.",
            "Hospital number",
            "hospital_number",
        ),
        (
            "The local patient identifier is retained at site only.",
            "local patient identifier",
            "hospital_number",
        ),
        ("the registered practice code will be used to group patients", "practice code", "gp_practice"),
    ],
)
def test_identifiers_strong_items_named(text, words, expected) -> None:
    facts = ids(text)
    assert expected in facts.identifiers
    fact = next(f for f in facts.named("identifier") if f.value == expected)
    assert_cites(fact, words)
    assert fact.extractor.startswith("identifiers:")


@pytest.mark.parametrize(
    "text",
    [
        "We will send your name, address and date of birth to NHS Digital.",
        "The patient's full name and NHS number are held by the clinical team.",
        "Forename(s) and surname will be removed once linkage is complete.",
        "Identifiers: name, NHS number, postcode.",
        "the name of the patient and their hospital number",
        "We will keep your name securely on a password-protected database.",
    ],
)
def test_identifiers_name_in_a_personal_context(text) -> None:
    doc_facts = ids(text)
    found = values(doc_facts, "identifier") + values(doc_facts, "identifier_negated")
    assert "name" in found


@pytest.mark.parametrize(
    "text",
    [
        "Please state the file name of each attachment.",
        "The name of the study is the CLEAR trial.",
        "Brand name and trade name of the device must be given.",
        "Name of the Chief Investigator: Professor A Smith",
        "Name of the applicant organisation: University of Leeds",
        "The company name appears in the footer.",
        "The dataset is named in annex B.",
        "Name of Participant                Date               Signature",
        "Name of person taking consent     Date     Signature",
        "In the name of transparency we publish our minutes.",
        "Datasets requested (full names): Hospital Episode Statistics",
    ],
)
def test_identifiers_name_not_taken_without_a_person(text) -> None:
    facts = ids(text)
    assert "name" not in values(facts, "identifier") + values(facts, "identifier_negated")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Your home address will be used to send questionnaires.", "home address"),
        ("The study team will hold names and addresses of participants.", "addresses"),
        ("We will send your address and postcode to NHS England.", "address"),
    ],
)
def test_identifiers_address_as_a_data_item(text, words) -> None:
    facts = ids(text)
    assert "address" in facts.identifiers
    assert_cites(next(f for f in facts.named("identifier") if f.value == "address"), words)


@pytest.mark.parametrize(
    "text",
    [
        "Please give an email address so that we can send reminders.",
        "Our web address is www.example.org and our e-mail address is below.",
        "The server IP address is logged.",
        "This study will address the question of whether screening works.",
        "The research addresses these gaps in knowledge.",
        "Correspondence address: Room 2.1, Health Research Authority, London",
    ],
)
def test_identifiers_address_not_taken_for_email_web_or_verb(text) -> None:
    facts = ids(text)
    assert "address" not in values(facts, "identifier") + values(facts, "identifier_negated")


# Negation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated", "asserted"),
    [
        ("No names will be sent to the research team.", {"name"}, set()),
        ("We will not receive your address or your date of birth.", {"address", "date_of_birth"}, set()),
        ("We will send your NHS number, but not your name.", {"name"}, {"nhs_number"}),
        ("At no point will your postcode leave the hospital.", {"postcode"}, set()),
    ],
)
def test_identifiers_negated_mentions_recorded_apart(text, negated, asserted) -> None:
    facts = ids(text)
    assert set(values(facts, "identifier_negated")) == negated
    assert set(facts.identifiers) == asserted


def test_identifiers_nhs_no_label_is_not_a_negation() -> None:
    facts = ids("We will send your name, NHS No. and postcode for linkage.")
    assert set(facts.identifiers) == {"name", "nhs_number", "postcode"}
    assert facts.named("identifier_negated") == []


def test_identifiers_negation_across_a_wrapped_pdf_line() -> None:
    facts = ids("To protect your privacy we will not\nreceive your name or address.")
    assert facts.identifiers == []
    assert set(values(facts, "identifier_negated")) == {"name", "address"}


# Less identifying forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Only the postcode district will be released.", "postcode district"),
        ("We will receive the first half of your postcode.", "first half of your postcode"),
        ("Area of residence is given as LSOA.", "LSOA"),
        ("Postcode (sector only) is retained for analysis.", "Postcode"),
    ],
)
def test_identifiers_postcode_district_is_not_a_postcode(text, words) -> None:
    facts = ids(text)
    assert facts.identifiers == ["postcode_district"]
    assert_cites(only(facts, "identifier"), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The dataset will hold year of birth only.", "year of birth"),
        ("Month and year of birth are needed to compute age.", "Month and year of birth"),
        ("Date of birth (month and year only) and sex will be kept.", "Date of birth"),
    ],
)
def test_identifiers_year_of_birth_is_not_a_date_of_birth(text, words) -> None:
    facts = ids(text)
    assert "year_of_birth" in facts.identifiers
    assert "date_of_birth" not in facts.identifiers
    assert_cites(next(f for f in facts.named("identifier") if f.value == "year_of_birth"), words)


# Context-only items ----------------------------------------------------------------------------


def test_identifiers_sex_and_gp_practice_only_beside_other_identifiers() -> None:
    listed = ids("Linkage fields: NHS number, sex, GP practice and postcode.")
    assert set(listed.identifiers) == {"nhs_number", "sex", "gp_practice", "postcode"}
    alone = ids("We will write to your GP practice. Sex differences in outcome will be studied.")
    assert alone.identifiers == []


# Class (third unseen corpus): a context-only item alone in a list that a label of identifiers
# introduces, as CAG letters list the items for analysis apart from those for linkage.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The identifiers listed for analysis are: sex.", ["sex"]),
        ("Identifiers retained for analysis: gender", ["sex"]),
        ("The identifiable data items will include the patient's GP practice.", ["gp_practice"]),
        ("Items of confidential patient information: sex and GP practice", ["sex", "gp_practice"]),
    ],
)
def test_identifiers_context_only_item_listed_under_a_label(text, expected) -> None:
    assert ids(text).identifiers == expected


@pytest.mark.parametrize(
    "text",
    [
        "Identifiers are removed before the analysis by sex and age group.",
        "The identifiers are kept apart from data on sex and ethnicity.",
        "Identifier linkage: outcomes will then be compared by gender.",
        "Results, with no identifiers, are reported by sex.",
    ],
)
def test_identifiers_label_near_misses_list_nothing(text) -> None:
    assert ids(text).identifiers == []


# Class (third real set): the items of a sentence that says what personal data is are examples of
# the term, not items this study holds; recorded apart as `identifier_example`.
@pytest.mark.parametrize(
    "text",
    [
        "Personal data is data about people from which they can be identified (for example through "
        "their name, or indirectly through a postcode or NHS number).",
        "Examples of personal information are: names, home addresses and dates of birth.",
    ],
)
def test_identifiers_examples_in_a_definition_are_not_items_held(text) -> None:
    facts = ids(text)
    assert facts.identifiers == []
    assert values(facts, "identifier_example")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words, but the study says it collects them
        (
            "Personal information means information such as your name and NHS number, which we collect when you join.",
            ["name", "nhs_number"],
        ),
        # no definition: a statement of what is held
        (
            "The personal data we hold are your name, postcode and NHS number.",
            ["name", "postcode", "nhs_number"],
        ),
    ],
)
def test_identifiers_definition_near_misses_are_items_held(text, expected) -> None:
    assert ids(text).identifiers == expected


def test_identifiers_table_row_ticked_as_required() -> None:
    doc = table_document(("Identifier", "Required"), ("Name", "Yes"), ("Date of birth", "Yes"))
    facts = run(extract_identifiers, doc)
    assert facts.identifiers == ["name", "date_of_birth"]
    assert_cites(facts.named("identifier")[0], "Name", location="page 1, table 1, row 2")


def test_identifiers_table_laid_out_as_lines_of_page_text() -> None:
    facts = ids(
        "Item Required? Why\nPostcode Yes For linkage\nGP practice No Not required\nSex Yes For analysis"
    )
    assert facts.identifiers == ["postcode", "sex"]
    assert values(facts, "identifier_negated") == ["gp_practice"]


def test_identifiers_negation_does_not_leak_from_the_sentence_before() -> None:
    facts = ids("We will not share data with insurers. Names and dates of birth will be sent to NHS England.")
    assert facts.identifiers == ["name", "date_of_birth"]


def test_identifiers_summary_unique_and_page_of_each_fact() -> None:
    facts = ids("NHS number and postcode.", "Again the NHS number.")
    assert facts.identifiers == ["nhs_number", "postcode"]
    pages = [(f.value, f.evidence.page) for f in facts.named("identifier")]
    assert pages == [("nhs_number", 1), ("postcode", 1), ("nhs_number", 2)]


# NHS number values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked", "test_number", "pattern"),
    [
        ("Patient NHS No: 9434765919", "*** *** 5919", True, "nhs-number-labelled"),
        ("Example record: 401 023 2137, born 1950", "*** *** 2137", False, "nhs-number-layout"),
        ("NHS number 943-476-5919 (a test number)", "*** *** 5919", True, "nhs-number-labelled"),
    ],
)
def test_identifiers_nhs_number_value_masked(text, masked, test_number, pattern) -> None:
    fact = only(ids(text), "nhs_number_value")
    assert fact.value == {"masked": masked, "test_number": test_number}
    assert fact.extractor == f"identifiers:{pattern}"
    assert "9434765919" not in str(fact.to_dict())
    assert masked in fact.to_dict()["quote"]


@pytest.mark.parametrize(
    "text",
    [
        "Order reference 9434765919 was paid.",  # valid check digit, but no label and no layout
        "NHS number: 943 476 5918",  # wrong check digit
        "NHS number: 000 000 0000",  # all the same digit
        "Call 0117 342 1234 for help.",  # a phone number
    ],
)
def test_identifiers_nhs_number_value_rejected(text) -> None:
    assert ids(text).named("nhs_number_value") == []


# Class: one head shared by coordinated items.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "NHS England will receive dates of birth and death for the cohort.",
            {"date_of_birth", "date_of_death"},
        ),
        ("We hold the date of birth, and death, of each patient.", {"date_of_birth", "date_of_death"}),
        ("The trust sends your NHS and hospital numbers.", {"nhs_number", "hospital_number"}),
        ("We keep your CHI or NHS numbers and postcode.", {"nhs_number", "postcode"}),
    ],
)
def test_identifiers_sharing_one_head(text, expected) -> None:
    assert set(facts_of(docx_document(["Data we use", text])).identifiers) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Staff telephone and fax numbers are listed below.",
        "Study and site numbers are printed on each form.",
        "Case and control numbers were balanced.",
    ],
)
def test_identifiers_sharing_one_head_near_misses(text) -> None:
    assert facts_of(docx_document(["Data we use", text])).identifiers == []


def test_a_negated_coordination_is_negated_for_every_item() -> None:
    facts = facts_of(docx_document(["Data we use", "We will not receive dates of birth or death."]))
    assert facts.identifiers == []
    assert {f.value for f in facts.named("identifier_negated")} == {"date_of_birth", "date_of_death"}


# Class: an item a proposal once held and no longer does is not an item used.
@pytest.mark.parametrize(
    "text",
    [
        "The applicant originally proposed to include home postcode in the flow.",
        "Date of birth has since been removed from the extract.",
        "At first the team had planned to send names as well.",
    ],
)
def test_identifiers_withdrawn_from_a_proposal_are_not_items_used(text) -> None:
    facts = facts_of(docx_document(["Changes", text]))
    assert facts.identifiers == [] and facts.named("identifier_withdrawn")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will send your postcode, as originally agreed with you.", ["postcode"]),
        (
            "The applicant will send NHS number and date of birth, as first described in the protocol.",
            ["nhs_number", "date_of_birth"],
        ),
    ],
)
def test_identifiers_near_misses_for_withdrawn(text, expected) -> None:
    assert facts_of(docx_document(["Data", text])).identifiers == expected
