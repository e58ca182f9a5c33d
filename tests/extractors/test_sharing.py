"""Onward sharing: statements that data will be sold, sub-licensed or passed beyond the study, in
phrasings written for these tests, and the denials and in-study sharing that must not count."""

from __future__ import annotations

import pytest

from extractors.documents.sharing import extract_sharing
from extractors.facts import DocumentFacts
from tests.extractors.doc_helpers import docx_document, pdf_document


def sharing_facts(paragraphs: list[str], kind: str = "privacy_notice") -> DocumentFacts:
    facts = DocumentFacts(kind=kind)
    extract_sharing(docx_document(paragraphs, path="notice.docx"), facts)
    return facts


@pytest.mark.parametrize(
    ("sentence", "recipients"),
    [
        (
            "We may share your coded data with other researchers, including those working for commercial companies.",
            ["other researchers", "commercial companies"],
        ),
        (
            "At the end of the study the anonymised dataset will be made available to approved researchers.",
            ["approved researchers"],
        ),
        (
            "Your pseudonymised information may be passed to third parties who support health research.",
            ["third parties"],
        ),
        (
            "Bona fide researchers from other universities may apply for access to the study data.",
            ["Bona fide researchers", "other universities"],
        ),
        (
            "De-identified records may be provided to pharmaceutical companies developing new treatments.",
            ["pharmaceutical companies"],
        ),
        (
            "The linked data will be deposited in the UK Data Service so that other researchers can use them.",
            ["UK Data Service", "other researchers"],
        ),
        (
            "Your answers may be used in future studies by researchers in other countries.",
            ["researchers in other countries"],
        ),
    ],
)
def test_sharing_onward_sharing(sentence: str, recipients: list[str]) -> None:
    facts = sharing_facts(["Who will see your information?", sentence])
    fact = facts.named("onward_sharing")[0]
    assert fact.detail == {"recipients": ", ".join(recipients)}
    assert fact.evidence.location == "paragraph 2" and recipients[0] in fact.evidence.quote
    assert facts.named("onward_sharing_negated") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("We may sell access to the registry data to industry partners.", "sale"),
        ("The cohort data will be sub-licensed to our commercial partner.", "sub_licence"),
        ("The University may sublicense the linked dataset to a data analytics company.", "sub_licence"),
    ],
)
def test_sharing_sale_and_sub_licence(sentence: str, value: str) -> None:
    assert value in [f.value for f in sharing_facts([sentence]).named("onward_sharing")]


@pytest.mark.parametrize(
    "sentence",
    [
        "We will never sell your data.",
        "Your data will not be passed to any third party.",
        "We do not share personal information with commercial organisations.",
        "Under no circumstances will your details be given to insurance companies.",
        "Sub-licensing: No",
    ],
)
def test_sharing_denials_are_recorded_apart(sentence: str) -> None:
    facts = sharing_facts([sentence])
    assert facts.named("onward_sharing") == []
    assert len(facts.named("onward_sharing_negated")) == 1


def test_sharing_exception_to_a_denial_is_sharing() -> None:
    facts = sharing_facts(
        [
            "We will not share your data with third parties, except approved researchers who sign a data access "
            "agreement."
        ]
    )
    assert facts.named("onward_sharing")[0].detail == {"recipients": "approved researchers"}
    assert facts.named("onward_sharing_negated")[0].detail == {"recipients": "third parties"}


def test_sharing_denied_sale_and_asserted_sharing_in_one_sentence() -> None:
    facts = sharing_facts(["Your data may be shared with other research teams, but we will never sell it."])
    assert [f.value for f in facts.named("onward_sharing")] == ["shared"]
    assert [f.value for f in facts.named("onward_sharing_negated")] == ["sale"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Your information will be shared only with the University of Exeter study team.",
        "Other researchers working on this study will see your questionnaire answers.",
        "We will share the results with other researchers at conferences and in journals.",
        "Sub-licensing",
        "Researchers at the hospital will look after your data.",
        "We use what you tell us to help other researchers design better services.",
    ],
)
def test_sharing_within_the_study_or_results_only_is_not_onward(sentence: str) -> None:
    facts = sharing_facts([sentence])
    assert facts.named("onward_sharing") == []


def test_sharing_de_identified_wording_does_not_deny_sharing() -> None:
    facts = sharing_facts(
        ["Data that cannot identify you may be shared with external researchers with your name removed."]
    )
    assert facts.named("onward_sharing")[0].detail == {"recipients": "external researchers"}


def test_sharing_statement_wrapped_on_a_pdf_page() -> None:
    document = pdf_document(
        [
            "Data sharing\nWhen the study has finished, we may make the pseudonymised data available to\n"
            "other researchers, including researchers in commercial organisations."
        ]
    )
    facts = DocumentFacts(kind="privacy_notice")
    extract_sharing(document, facts)
    fact = facts.named("onward_sharing")[0]
    assert fact.evidence.page == 1 and "available to other researchers" in fact.evidence.quote
