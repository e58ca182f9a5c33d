from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.documents.datasets import datasets_in, extract_datasets
from tests.extractors.helpers import assert_cites, document, run, table_document, values

REGISTER = Path(__file__).resolve().parents[3] / "shared/data/register-dataset-names.csv"


def register_rows() -> list[dict[str, str]]:
    if not REGISTER.exists():
        return []
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.skipif(not REGISTER.exists(), reason=f"the data release register names are not at {REGISTER}")
@pytest.mark.parametrize("row", register_rows(), ids=lambda row: row["name"][:60])
def test_datasets_register_names_map_to_their_ids(row) -> None:
    expected = row["expected_ids"].strip()
    if expected == "?":
        return  # too vague to say: anything is fine
    assert datasets_in(row["name"]) == set(expected.split())


# Names, abbreviations, participant wording -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("linkage to Hospital Episode Statistics for the follow-up period", {"hes_*"}),
        ("We will request HES data for 2010-2020.", {"hes_*"}),
        ("Records of your stays in hospital (your hospital records) will be linked.", {"hes_*"}),
        ("HES Admitted Patient Care and HES Outpatients will be linked.", {"hes_apc", "hes_op"}),
        ("Data requested: HES APC, OP and A&E (2015 onwards).", {"hes_apc", "hes_op", "hes_ae"}),
        ("Hospital Episode Statistics (HES) Critical Care", {"hes_cc"}),
        ("information about your hospital admissions and outpatient appointments", {"hes_apc", "hes_op"}),
        ("the Emergency Care Data Set (ECDS) from April 2020", {"ecds"}),
        ("Civil Registration - Deaths, provided by ONS", {"deaths"}),
        ("the Office for National Statistics will tell us if you die", {"deaths"}),
        ("we will look at death records held nationally", {"deaths"}),
        ("Civil Registration (Births) for the mothers in the cohort", {"births"}),
        ("tracing through the Personal Demographics Service (PDS)", {"demographics"}),
        ("linkage to the National Cancer Registration Dataset held by NDRS", {"cancer_registration"}),
        ("we will check the cancer registry for any diagnosis", {"cancer_registration"}),
        ("the Mental Health Services Data Set (MHSDS) and its predecessor MHMDS", {"mhsds"}),
        ("your mental health records held by NHS England", {"mhsds"}),
        ("the Community Services Data Set", {"csds"}),
        ("the Maternity Services Data Set (MSDS)", {"msds"}),
        ("NHS Talking Therapies (formerly IAPT) records", {"iapt"}),
        ("the Diagnostic Imaging Data Set (DID)", {"did"}),
        ("SUS+ inpatient data", {"sus"}),
        ("GPES Data for Pandemic Planning and Research (GDPPR)", {"gdppr"}),
        ("we would like to see your GP records", {"gdppr"}),
        ("COVID-19 vaccination status from NIMS", {"covid_vaccination"}),
        ("the National Diabetes Audit (NDA)", {"nda"}),
        ("Medicines dispensed in Primary Care (NHSBSA data)", {"pcm"}),
        ("Patient Reported Outcome Measures for hip replacement", {"proms"}),
    ],
)
def test_datasets_named_in_many_phrasings(text, expected) -> None:
    assert datasets_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "What DID the study find?",  # an ambiguous abbreviation without its full name
        "The parties signed an NDA before the meeting.",
        "Local Provider Data - Mental Health",
        "ONS census population estimates for 2021",
        "Sus scrofa is not a dataset, nor are pds files.",
        "The study team will look at your medical notes.",
    ],
)
def test_datasets_not_named(text) -> None:
    assert datasets_in(text) == set()


def test_datasets_ambiguous_abbreviation_counts_where_the_document_defines_it() -> None:
    doc = document("Imaging data come from the Diagnostic Imaging Dataset.", "DID covers 2012 onwards.")
    facts = run(extract_datasets, doc)
    assert facts.datasets == ["did"]
    assert [f.evidence.page for f in facts.named("dataset")] == [1, 2]


def test_datasets_linkable_to_hes_does_not_name_hes() -> None:
    assert datasets_in("ONS Mortality Data (linkable to HES)") == {"deaths"}
    assert datasets_in("ONS mortality data linked to HES") == {"deaths", "hes_*"}


# Negation --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("We will not use your GP records.", "gdppr"),
        ("No data from the cancer registry will be requested.", "cancer_registration"),
        ("Your mental health records will never be accessed.", "mhsds"),
    ],
)
def test_datasets_negated_mention_is_not_a_mention(text, negated) -> None:
    facts = run(extract_datasets, document(text))
    assert facts.datasets == []
    assert values(facts, "dataset_negated") == [negated]
    assert datasets_in(text) == set()


# Facts and evidence ----------------------------------------------------------------------------


def test_datasets_facts_cite_their_words_and_page() -> None:
    doc = document("Dear applicant,", "The cohort will be linked to HES APC and ONS mortality data.")
    facts = run(extract_datasets, doc)
    assert facts.datasets == ["hes_apc", "deaths"]
    hes, deaths = facts.named("dataset")
    assert_cites(hes, "HES APC", page=2)
    assert_cites(deaths, "ONS mortality data", page=2)
    assert hes.extractor == "datasets:hes-part"


def test_datasets_in_a_table_row() -> None:
    doc = table_document(("Dataset", "Years"), ("Hospital Episode Statistics Outpatients", "2012-2020"))
    facts = run(extract_datasets, doc)
    assert facts.datasets == ["hes_op"]
    assert_cites(
        facts.named("dataset")[0],
        "Hospital Episode Statistics Outpatients",
        location="page 1, table 1, row 2",
    )


def test_datasets_summary_unique_in_first_seen_order() -> None:
    facts = run(extract_datasets, document("ECDS and HES. Then ECDS again.", "HES and PROMs."))
    assert facts.datasets == ["ecds", "hes_*", "proms"]


# Class: one head noun shared by coordinated modifiers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The registry sends us updates from death, cancer and hospital admission records.",
            {"deaths", "cancer_registration", "hes_apc"},
        ),
        (
            "We link to the national cancer and death registries every year.",
            {"cancer_registration", "deaths"},
        ),
        ("Your mental health and maternity records may be linked.", {"mhsds", "msds"}),
        ("information from GP or hospital records", {"gdppr", "hes_*"}),
    ],
)
def test_datasets_named_by_modifiers_sharing_one_head(text, expected) -> None:
    assert datasets_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We collect your name, address and date of birth records.",
        "Staff, patients and visitors information is kept securely.",
        "We will not use your cancer and death records.",
        "Education, housing and employment records are not used.",
    ],
)
def test_datasets_shared_head_near_misses(text) -> None:
    assert datasets_in(text) == set()


# Class: participants' words for the care a dataset records.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("details of your in-patient care and out-patient visits", {"hes_apc", "hes_op"}),
        ("records of hospital emergency care", {"hes_ae"}),
        ("Products: Civil Registrations of Death; Demographics", {"deaths", "demographics"}),
    ],
)
def test_datasets_in_participants_words(text, expected) -> None:
    assert datasets_in(text) == expected


def test_demographics_in_lower_case_is_a_heading_word_not_a_dataset() -> None:
    assert datasets_in("We ask about your demographics, such as age and ethnicity.") == set()
