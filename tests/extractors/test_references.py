from __future__ import annotations

import pytest

from extractors.documents.references import extract_references, normalise_cag
from tests.extractors.helpers import assert_cites, document, only, run, table_document


def refs(*texts: str):
    return run(extract_references, document(*texts))


# CAG ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("CAG reference: 21/CAG/0123", "21/CAG/0123", "21/CAG/0123"),
        ("Please quote 21-CAG-0123 in all correspondence with the team.", "21-CAG-0123", "21/CAG/0123"),
        ("Our ref 21 / CAG / 0123 (final outcome)", "21 / CAG / 0123", "21/CAG/0123"),
        ("the application (ref. 19/cag/0044) was fully supported", "19/cag/0044", "19/CAG/0044"),
    ],
)
def test_references_cag_modern_forms_normalised(text, written, expected) -> None:
    facts = refs(text)
    fact = only(facts, "cag_reference")
    assert fact.value == expected
    assert facts.references["cag"] == [expected]
    assert_cites(fact, written)
    assert fact.extractor == "references:cag"


@pytest.mark.parametrize(
    "written",
    ["CAG 2-03(a)/2013", "ECC 1-04(d)/2011", "PIAG 03(a)/2001", "ECC 3-04 (f)/2010"],
)
def test_references_older_cag_forms_kept_as_written(written) -> None:
    facts = refs(f"Support was first given under {written}, and continues.")
    assert facts.references["cag"] == [written]
    assert_cites(only(facts, "cag_reference"), written)


def test_references_older_form_trimmed_of_inner_line_breaks() -> None:
    facts = refs("advice reference ECC\n1-04(d)/2011 applies")
    assert facts.references["cag"] == ["ECC 1-04(d)/2011"]


def test_references_cag_unique_in_first_seen_order() -> None:
    facts = refs("22/CAG/0129 and 14/CAG/1039.", "Reference 22/CAG/0129 on page two; also 14-CAG-1039.")
    assert facts.references["cag"] == ["22/CAG/0129", "14/CAG/1039"]
    assert [f.evidence.page for f in facts.named("cag_reference")] == [1, 1, 2, 2]


def test_references_normalise_cag_helper() -> None:
    assert normalise_cag(" 21 - cag - 0123 ") == "21/CAG/0123"
    assert normalise_cag("  CAG  2-03(a)/2013 ") == "CAG 2-03(a)/2013"


@pytest.mark.parametrize(
    ("text", "current", "previous"),
    [
        ("CAG reference: 20/CAG/0067 (previously 16/CAG/0056)", "20/CAG/0067", "16/CAG/0056"),
        ("This support, 20/CAG/0067, replaces 16/CAG/0056 in full.", "20/CAG/0067", "16/CAG/0056"),
        ("The study formerly held PIAG 2-05(e)/2006, now 15/CAG/0101.", "15/CAG/0101", "PIAG 2-05(e)/2006"),
        ("Reference 18/CAG/0007 (formerly ECC 5-02(b)/2012)", "18/CAG/0007", "ECC 5-02(b)/2012"),
        ("Application 16/CAG/0056 was renumbered as 20/CAG/0067 on transfer.", "20/CAG/0067", "16/CAG/0056"),
        ("support was renumbered from 16/CAG/0056 to 20/CAG/0067", "20/CAG/0067", "16/CAG/0056"),
    ],
)
def test_references_renumbering_recorded_with_direction(text, current, previous) -> None:
    facts = refs(text)
    fact = only(facts, "cag_renumbering")
    assert fact.value == {"current": current, "previous": previous}
    assert_cites(fact, current)
    assert set(facts.references["cag"]) == {current, previous}


def test_references_two_references_without_a_cue_are_no_renumbering() -> None:
    facts = refs("The linked studies 20/CAG/0067 and 16/CAG/0056 share a cohort.")
    assert facts.named("cag_renumbering") == []
    assert facts.references["cag"] == ["20/CAG/0067", "16/CAG/0056"]


# REC ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("REC reference: 24/NW/0074", "24/NW/0074"),
        (
            "The study received a favourable ethical opinion from the London Bridge REC (16/LO/2135).",
            "16/LO/2135",
        ),
        ("Research Ethics Committee approval was given on 3 May 2017, reference 17/YH/0122.", "17/YH/0122"),
        ("Ethics ref 08/H0504/12 (South West MREC)", "08/H0504/12"),
    ],
)
def test_references_rec_with_ethics_context(text, written) -> None:
    facts = refs(text)
    fact = only(facts, "rec_reference")
    assert fact.value == written
    assert facts.references["rec"] == [written]
    assert_cites(fact, written)


def test_references_rec_label_on_the_line_above() -> None:
    facts = refs("REC reference\n21/EE/0042\nIRAS project ID\n290011")
    assert facts.references["rec"] == ["21/EE/0042"]
    assert facts.references["iras"] == ["290011"]


def test_references_rec_in_a_labelled_table_row() -> None:
    doc = table_document(("Document", "Reference"), ("REC favourable opinion letter", "19/WA/0231"))
    facts = run(extract_references, doc)
    fact = only(facts, "rec_reference")
    assert fact.value == "19/WA/0231"
    assert_cites(fact, "19/WA/0231", location="page 1, table 1, row 2")


def test_references_rec_shape_without_ethics_context_is_not_taken() -> None:
    facts = refs("Ethics approval is described in section 4. Please quote 14/SW/0123 on all invoices.")
    assert facts.references["rec"] == []
    assert facts.named("rec_reference") == []


def test_references_date_is_not_a_rec_reference() -> None:
    facts = refs("The REC meeting was held on 12/03/2021 and minuted on 2021/03/12.")
    assert facts.references["rec"] == []


def test_references_cag_reference_is_never_a_rec_reference() -> None:
    facts = refs("REC reference and CAG reference: 21/CAG/0123 (Research Ethics Committee copied).")
    assert facts.references["rec"] == []
    assert facts.references["cag"] == ["21/CAG/0123"]


# IRAS -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "IRAS ID: 215973",
        "IRAS project ID 215973",
        "The IRAS number for this study is 215973.",
        "Protocol v2.0 (IRAS: 215973), sponsor reference ABC-01",
    ],
)
def test_references_iras_labelled(text) -> None:
    facts = refs(text)
    fact = only(facts, "iras_id")
    assert fact.value == "215973"
    assert facts.references["iras"] == ["215973"]
    assert_cites(fact, "215973")


def test_references_iras_in_a_table_row() -> None:
    doc = table_document(("IRAS Project ID", "1004563"), ("Sponsor", "University of Leeds"))
    facts = run(extract_references, doc)
    assert facts.references["iras"] == ["1004563"]


@pytest.mark.parametrize(
    "text",
    [
        "For IRAS queries telephone 0117 123456 or 020 7972 2545.",
        "The IRAS form was submitted on 01/02/2021.",
        "IRAS help desk: +44 207 123456",
        "Participants: 215973 letters were sent (no project identifier).",
    ],
)
def test_references_phone_numbers_and_dates_are_not_iras_ids(text) -> None:
    assert refs(text).references["iras"] == []


# DARS -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Data Sharing Agreement DARS-NIC-12828-M0K2D-v0.13", "NIC-12828-M0K2D"),
        ("NIC-17875-X7K1V refers", "NIC-17875-X7K1V"),
        ("our application (nic-381245-a1b2c) was approved", "NIC-381245-A1B2C"),
    ],
)
def test_references_dars_normalised_without_version(text, expected) -> None:
    facts = refs(text)
    fact = only(facts, "dars_reference")
    assert fact.value == expected
    assert facts.references["dars"] == [expected]
    assert_cites(fact, expected.split("-")[1])


def test_references_block_without_candidates_adds_nothing() -> None:
    facts = refs("Dear Professor Smith, thank you for your letter of 3 May.")
    assert facts.facts == []
    assert all(v == [] for v in facts.references.values())
