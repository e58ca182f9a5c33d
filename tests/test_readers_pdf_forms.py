"""PDF form-field values and comments (issue 13): read as blocks that name where they are, so that
what an applicant typed into a fillable form becomes facts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline.limits import DEFAULT_LIMITS
from pipeline.model import Part
from pipeline.readers import parse
from tests.builders import form_pdf_bytes, pdf_bytes

FIELDS = {
    "CAG reference": "24/CAG/0123",
    "Identifiers to be used": "NHS number, postcode",
    "Version": "",
}


def _form() -> bytes:
    return form_pdf_bytes(
        FIELDS,
        checkboxes={"Date of birth": True, "Ethnicity": False},
        choice=("Legal basis", ["Consent", "Section 251"], "Section 251"),
        comment="Please check the retention period.",
        free_text="Amended by the applicant on 3 May 2024",
    )


def test_form_fields_and_comments_are_blocks_after_the_pages() -> None:
    parsed = parse("application.pdf", _form(), DEFAULT_LIMITS)
    assert [b.part for b in parsed.blocks[:2]] == [Part.BODY, Part.BODY]
    extra = [(b.location, b.text) for b in parsed.blocks[2:]]
    assert extra == [
        ("page 1, comment", "Please check the retention period."),
        ("page 1, comment", "Amended by the applicant on 3 May 2024"),
        ('page 2, field "CAG reference"', "CAG reference: 24/CAG/0123"),
        ('page 2, field "Identifiers to be used"', "Identifiers to be used: NHS number, postcode"),
        ('page 2, field "Date of birth"', "Date of birth: ticked"),
        ('page 2, field "Legal basis"', "Legal basis: Section 251"),
    ]  # the empty field and the unticked box say nothing


def test_a_pdf_without_a_form_or_comments_has_only_its_pages() -> None:
    parsed = parse("letter.pdf", pdf_bytes([["One page."]]), DEFAULT_LIMITS)
    assert [b.part for b in parsed.blocks] == [Part.BODY]


def test_a_fillable_application_gives_its_facts_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "application.pdf"
    path.write_bytes(_form())
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from pipeline.cli import main; main()",
            "extract",
            str(path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    document = json.loads(done.stdout)["document"]
    assert document["status"] == "ok"
    assert document["references"]["cag"] == ["24/CAG/0123"]
    assert {"nhs_number", "postcode", "date_of_birth"} <= set(document["identifiers"])
    facts = {(f["name"], f["value"]): f["location"] for f in document["facts"]}
    assert facts[("cag_reference", "24/CAG/0123")] == 'page 2, field "CAG reference"'
    assert facts[("identifier", "postcode")] == 'page 2, field "Identifiers to be used"'
    # A comment's date is the comment's, not the document's.
    assert document["date"] is None
