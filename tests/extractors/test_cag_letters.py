"""CAG letter facts on letters written for these tests."""

from __future__ import annotations

import pytest

from extractors.documents.cag_letters import support_actions
from pipeline.model import Block, Part
from tests.extractors.doc_helpers import docx_document, facts_of, pdf_document


@pytest.mark.parametrize(
    ("sentence", "actions"),
    [
        (
            "The applicant will send NHS number, date of birth and postcode of the cohort to NHS Digital, which will "
            "link these to HES and return a pseudonymised extract.",
            {"receive", "link"},
        ),
        (
            "Support is requested to allow NHS England to receive identifiers from the University, to link them to "
            "Hospital Episode Statistics, and to disclose the linked identifiable dataset to the University.",
            {"receive", "link", "disseminate"},
        ),
        ("NHS Digital will disseminate date of death and NHS number back to the applicant.", {"disseminate"}),
        (
            "HSCIC will provide the study team with an identifiable extract including postcode.",
            {"disseminate"},
        ),
        ("Linkage will be carried out by NHS Digital using NHS number and date of birth.", {"link"}),
        (
            # sent to a body for linkage: that body links (it was {"receive"} before the purpose class)
            "Identifiable data will flow from the Trust to the Health and Social Care Information Centre for linkage.",
            {"receive", "link"},
        ),
        ("The University will receive date of death and NHS numbers from NHS Digital.", {"disseminate"}),
    ],
)
def test_support_actions_for_nhs_england_or_predecessor(sentence: str, actions: set[str]) -> None:
    assert {action for action, *_ in support_actions(sentence)} == actions


@pytest.mark.parametrize(
    "sentence",
    [
        "Class 6 support to grant access to an authorised user.",
        "NHS England will not receive names or addresses.",
        "The study team will receive a pseudonymised dataset from NHS England with no identifiers.",
        "The applicant will link the data received from NHS Digital to the trial database.",
        "NHS England will return an anonymised extract to the University.",
    ],
)
def test_no_support_action_where_none_is_given(sentence: str) -> None:
    assert support_actions(sentence) == []


LETTER = pdf_document(
    [
        "Health Research Authority\n4 October 2019\nDear Dr Mensah\nCAG reference: 19/CAG/0188\n"
        "Outcome: the application was conditionally supported.\nPurpose of application\n"
        "This application from the University of Leeds set out the purpose of medical research which aims to "
        "examine cancer outcomes among adults who had a kidney transplant in England.\n"
        "Confidential patient information requested\nThe applicant will send NHS number and date of birth to NHS "
        "Digital, which will link the cohort to the cancer registry and return a pseudonymised dataset.",
        "The national data opt-out will not apply to this activity, as the committee recommended an exemption.\n"
        "The first annual review report is due on 4 October 2020.\nDocuments reviewed\n"
        "Yours sincerely",
    ],
    path="cag/outcome.pdf",
)


def test_cag_letter_facts_with_evidence() -> None:
    facts = facts_of(LETTER)
    assert facts.kind == "cag_approval"
    actions = {f.value: f for f in facts.named("support_action")}
    assert set(actions) == {"receive", "link"}
    assert actions["link"].detail["body"] == "NHS Digital"
    assert actions["link"].evidence.page == 1 and "link the cohort" in actions["link"].evidence.quote
    assert [f.value for f in facts.named("review_due")] == ["2020-10-04"]
    assert facts.named("opt_out_exemption") and not facts.named("opt_out_applies")
    assert [f.value for f in facts.named("support_decision")] == ["provisional"]
    [purpose] = facts.named("purpose")
    assert "cancer outcomes among adults who had a kidney transplant" in purpose.value


def test_opt_out_applied_is_not_an_exemption() -> None:
    letter = docx_document(
        [
            "Confidentiality Advisory Group",
            "12 May 2022",
            "Dear Dr Ng",
            "The application is conditionally supported.",
            "The national data opt-out will be applied to the cohort before linkage.",
        ]
    )
    facts = facts_of(letter)
    assert facts.named("opt_out_applies") and not facts.named("opt_out_exemption")


def test_support_expiry_date() -> None:
    letter = docx_document(
        [
            "Confidentiality Advisory Group",
            "1 June 2018",
            "Dear Dr Ng",
            "Support is given until 31 March 2021, after which it will expire.",
        ]
    )
    assert [f.value for f in facts_of(letter).named("support_expires")] == ["2021-03-31"]


def test_reviewed_documents_from_a_table() -> None:
    letter = docx_document(
        ["Confidentiality Advisory Group", "1 June 2018", "Dear Dr Ng", "The application was supported."]
    )
    rows = [
        ("Document", "Version", "Date"),
        ("CAG application form", "2.0", "12 March 2018"),
        ("Research protocol", "v4", "March 2018"),
        ("Fair processing notice", "1.1", "01/02/2018"),
        ("Letter from funder", "", "3 January 2018"),
    ]
    for number, cells in enumerate(rows, start=1):
        letter.parsed.blocks.append(
            Block(
                index=len(letter.parsed.blocks),
                text=" | ".join(cells),
                part=Part.TABLE,
                table=1,
                row=number,
                cells=cells,
            )
        )
    facts = facts_of(letter)
    reviewed = [
        (f.value, f.detail["kind"], f.detail["version"], f.detail["date"])
        for f in facts.named("reviewed_document")
    ]
    assert reviewed == [
        ("CAG application form", "s251_application", "2.0", "2018-03-12"),
        ("Research protocol", "protocol", "4", "2018-03"),
        ("Fair processing notice", "privacy_notice", "1.1", "2018-02-01"),
        ("Letter from funder", None, None, "2018-01-03"),
    ]
    assert facts.version is None  # the table's versions are other documents'


def test_reviewed_documents_from_a_list() -> None:
    letter = pdf_document(
        [
            "Confidentiality Advisory Group\n2 March 2020\nDear Dr Ng\nThe amendment was supported.\n"
            "The following documents were reviewed:\nProtocol, version 3.0, 01/02/2020\n"
            "Participant information sheet (version 2.1, 14 January 2020)\nYours sincerely"
        ]
    )
    facts = facts_of(letter)
    reviewed = [
        (f.detail["kind"], f.detail["version"], f.detail["date"]) for f in facts.named("reviewed_document")
    ]
    assert reviewed == [
        ("protocol", "3.0", "2020-02-01"),
        ("participant_information_sheet", "2.1", "2020-01-14"),
    ]


# Class: the body's linking said through an instrument or a purpose.
@pytest.mark.parametrize(
    ("sentence", "actions"),
    [
        ("NHS England will use the identifiers to match the cohort with death registrations.", {"link"}),
        (
            "Support is given for the transfer of NHS numbers from the trust to NHS Digital for the purposes of "
            "record linkage with HES.",
            {"receive", "link"},
        ),
        ("Identifiers will flow to NHS England for linking to the cancer registry.", {"receive", "link"}),
    ],
)
def test_support_actions_through_a_purpose_or_an_instrument(sentence: str, actions: set[str]) -> None:
    assert {action for action, *_ in support_actions(sentence)} == actions


@pytest.mark.parametrize(
    "sentence",
    [
        "NHS England will not use these items to link the cohort.",
        "Data will be sent to NHS England for storage, and the applicant will use them to link records.",
        "The university uses NHS England's guidance to link its own datasets.",
    ],
)
def test_support_actions_near_misses_for_a_purpose_or_an_instrument(sentence: str) -> None:
    assert "link" not in {action for action, *_ in support_actions(sentence)}
