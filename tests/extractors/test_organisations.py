from __future__ import annotations

import pytest

from extractors.documents.organisations import extract_organisations, organisation_mentions
from tests.extractors.helpers import assert_cites, document, run, table_document


def orgs(*texts: str):
    return run(extract_organisations, document(*texts))


def roles(*texts: str) -> set[tuple[str, str]]:
    return {(o["name"], o["role"]) for o in orgs(*texts).organisations}


def names(text: str) -> list[str]:
    return [m.name for m in organisation_mentions(text)]


# Names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Researchers at the University of the West of England will analyse it.",
            ["University of the West of England"],
        ),
        (
            "a collaboration with Newcastle University and Oxford Brookes University",
            ["Newcastle University", "Oxford Brookes University"],
        ),
        (
            "University of Bristol and Cardiff University share the work.",
            ["University of Bristol", "Cardiff University"],
        ),
        ("Sites: Cardiff and Vale University Health Board.", ["Cardiff and Vale University Health Board"]),
        (
            "Patients at Guy's and St Thomas' NHS Foundation Trust",
            ["Guy's and St Thomas' NHS Foundation Trust"],
        ),
        (
            "treated at Oxford University Hospitals NHS\nFoundation Trust since 2010",
            ["Oxford University Hospitals NHS Foundation Trust"],
        ),
        ("Analysis by Northgate Health Analytics Ltd under contract", ["Northgate Health Analytics Ltd"]),
        ("Hosting is by Example Cloud Services (UK) Limited.", ["Example Cloud Services (UK) Limited"]),
        (
            "funded by the Medical Research Council and the Alan Turing Institute",
            ["Medical Research Council", "Alan Turing Institute"],
        ),
        (
            "the London School of Hygiene and Tropical Medicine",
            ["London School of Hygiene and Tropical Medicine"],
        ),
        ("King's College London holds the data", ["King's College London"]),
        ("The University of Leeds Research Ethics Committee met.", ["University of Leeds"]),
        ("Dr Jane Smith University of Leeds", ["University of Leeds"]),
    ],
)
def test_organisations_names_found(text, expected) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Trust will keep your data safe.",
        "Your University may contact you.",
        "The Data Access Board and the Trial Steering Board meet monthly.",
        "the NHS Foundation Trust where you were treated",
        "Access is Limited to the study team.",
    ],
)
def test_organisations_generic_words_are_not_names(text) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Data will be provided by NHS Digital.", "NHS Digital"),
        (
            "the Health and Social Care Information Centre (HSCIC) will link the records",
            "Health and Social Care Information Centre",
        ),
        ("identifiers go to HSCIC for tracing", "HSCIC"),
        ("held by the NHS Information Centre in 2009", "NHS Information Centre"),
        ("NHS England will disseminate the extract.", "NHS England"),
    ],
)
def test_organisations_nhs_england_and_predecessors_are_one_body(text, written) -> None:
    facts = orgs(text)
    assert facts.organisations == [{"name": "NHS England", "role": "mentioned"}]
    fact = facts.named("organisation")[0]
    assert fact.value["name"] == "NHS England"
    assert fact.value.get("as_written", "NHS England") == written
    assert_cites(fact, written)


# Roles -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The University of Leeds is the data controller for this study.",
            {("University of Leeds", "controller")},
        ),
        (
            "The data controller is Leeds Teaching Hospitals NHS Trust.",
            {("Leeds Teaching Hospitals NHS Trust", "controller")},
        ),
        (
            "University College London and Imperial College London are joint data controllers.",
            {("University College London", "controller"), ("Imperial College London", "controller")},
        ),
        (
            "Data controller: Northgate Health Analytics Ltd",
            {("Northgate Health Analytics Ltd", "controller")},
        ),
        (
            "NHS Digital, which acts as the data controller for HES, will release it.",
            {("NHS England", "controller")},
        ),
    ],
)
def test_organisations_controller_role(text, expected) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northgate Health Analytics Ltd, acting as data processor, will host the extract.",
            {("Northgate Health Analytics Ltd", "processor")},
        ),
        (
            "The data processor is Example Cloud Services Limited.",
            {("Example Cloud Services Limited", "processor")},
        ),
        ("Secure hosting by Acme Data PLC (data processor)", {("Acme Data PLC", "processor")}),
    ],
)
def test_organisations_processor_role(text, expected) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This application from the University of Bristol set out the purpose of medical research.",
            {("University of Bristol", "applicant")},
        ),
        ("Applicant organisation: Keele University", {("Keele University", "applicant")}),
        (
            "The application was submitted by Cardiff University on behalf of the group.",
            {("Cardiff University", "applicant")},
        ),
    ],
)
def test_organisations_applicant_role(text, expected) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The study is sponsored by Manchester University NHS Foundation Trust.",
            {("Manchester University NHS Foundation Trust", "sponsor")},
        ),
        ("Sponsor: University of Oxford", {("University of Oxford", "sponsor")}),
        (
            "The University of Leeds is the sponsor and data controller.",
            {("University of Leeds", "sponsor"), ("University of Leeds", "controller")},
        ),
    ],
)
def test_organisations_sponsor_role(text, expected) -> None:
    assert roles(text) == expected


def test_organisations_each_role_goes_to_its_own_organisation() -> None:
    text = "The sponsor is Keele University and the University of Bristol is the data controller."
    assert roles(text) == {("Keele University", "sponsor"), ("University of Bristol", "controller")}


def test_organisations_role_in_a_table_row() -> None:
    doc = table_document(("Role", "Organisation"), ("Data controller", "University of Exeter"))
    facts = run(extract_organisations, doc)
    assert facts.organisations == [{"name": "University of Exeter", "role": "controller"}]
    assert_cites(facts.named("organisation")[0], "University of Exeter", location="page 1, table 1, row 2")


@pytest.mark.parametrize(
    "text",
    [
        "The University of Leeds has appointed a data processor.",
        "University of Leeds is not the data controller.",
        "Data will be sent from the University of Leeds to the data controller.",
    ],
)
def test_organisations_no_role_without_a_link(text) -> None:
    assert roles(text) == {("University of Leeds", "mentioned")}


def test_organisations_defined_acronym_resolved_later() -> None:
    facts = orgs("University College London (UCL) leads the study.", "UCL will act as sponsor.")
    assert facts.organisations == [{"name": "University College London", "role": "sponsor"}]
    definition = facts.named("organisation_acronym")[0]
    assert definition.value == {"acronym": "UCL", "name": "University College London"}
    sponsor = [f for f in facts.named("organisation") if f.value["role"] == "sponsor"][0]
    assert sponsor.value["as_written"] == "UCL"
    assert_cites(sponsor, "UCL will act as sponsor", page=2)


def test_organisations_mentioned_dropped_from_summary_when_a_role_is_known() -> None:
    facts = orgs(
        "Keele University leads.", "Keele University is the data controller. Cardiff University helps."
    )
    assert facts.organisations == [
        {"name": "Keele University", "role": "controller"},
        {"name": "Cardiff University", "role": "mentioned"},
    ]


def test_organisations_role_quote_holds_name_and_cue() -> None:
    facts = orgs("Background text.\nFor this study the data controller is Keele University, as stated.")
    fact = [f for f in facts.named("organisation") if f.value["role"] == "controller"][0]
    assert_cites(fact, "the data controller is Keele University")
    assert fact.extractor == "organisations:controller-name"


# Class: a controller statement gives the role where the role cues' word patterns do not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The data controllers for this activity are the University of Sheffield and Sheffield Teaching "
            "Hospitals NHS Foundation Trust, acting jointly.",
            {
                ("University of Sheffield", "controller"),
                ("Sheffield Teaching Hospitals NHS Foundation Trust", "controller"),
            },
        ),
        (
            "Keele University, as sponsor, will hold your details and will act as the data controller.",
            {("Keele University", "sponsor"), ("Keele University", "controller")},
        ),
    ],
)
def test_organisations_controller_statements_give_the_role(text, expected) -> None:
    assert roles(text) == expected


def test_organisations_not_a_controller_is_only_mentioned() -> None:
    assert roles("The University of Leeds is not a data controller for this work.") == {
        ("University of Leeds", "mentioned")
    }


# Class (third unseen corpus): "Research" that ends an "of/for" name is the name's last word
# ("Bradford Institute for Health Research"); followed by more of a name it starts another body's,
# and after a university's place it is no part of the university's name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The data controller is Kirkdale Institute for Health Research.",
            ["Kirkdale Institute for Health Research"],
        ),
        (
            "Funding comes from the National Institute for Health Research.",
            ["National Institute for Health Research"],
        ),
        ("The Institute of Lung Research, London, holds the data.", ["Institute of Lung Research"]),
    ],
)
def test_organisations_research_ends_a_subject_name(text, expected) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The University of Kirkdale Research Ethics Committee gave its opinion.",
            ["University of Kirkdale"],
        ),
        ("Ask the University of Kirkdale Research office.", ["University of Kirkdale"]),
    ],
)
def test_organisations_research_followed_by_another_body_or_after_a_place(text, expected) -> None:
    assert names(text) == expected
