"""ODT and RTF (issue 13): read with libraries made for them, their facts as a reviewer needs them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import parse
from tests.test_cli import run

CONSENT_LINES = [
    "Participant consent form",
    "Version 2.0, 3 March 2021",
    "I agree that my NHS number and date of birth may be sent to NHS England so that my hospital "
    "records can be linked to the study.",
]


def odt_bytes(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=lines[0]))
    for line in lines[1:]:
        document.text.addElement(P(text=line))
    if table:
        grid = Table(name="Items")
        for cells in table:
            row = TableRow()
            for value in cells:
                cell = TableCell()
                cell.addElement(P(text=value))
                row.addElement(cell)
            grid.addElement(row)
        document.text.addElement(grid)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rtf_bytes(lines: list[str]) -> bytes:
    body = "\\par\n".join(line.replace("'", "\\'92") for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl\\f0\\fswiss Arial;}\\f0\\pard " + body + "\\par}").encode()


def test_odt_headings_paragraphs_and_table_rows_in_order() -> None:
    parsed = parse(
        "form.odt", odt_bytes(CONSENT_LINES, [["Item", "Sent"], ["Postcode", "Yes"]]), DEFAULT_LIMITS
    )
    texts = [block.text for block in parsed.blocks]
    assert texts[:3] == CONSENT_LINES and texts[3:] == ["Item | Sent", "Postcode | Yes"]
    assert parsed.blocks[1].location == "paragraph 2" and parsed.blocks[4].location == "table 1, row 2"


def test_rtf_paragraphs_with_escaped_characters() -> None:
    parsed = parse("form.rtf", rtf_bytes(["Participant's consent", "Version 1.1"]), DEFAULT_LIMITS)
    assert [block.text for block in parsed.blocks] == ["Participant\u2019s consent", "Version 1.1"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("x.rtf", b"plain text, no RTF header", "not an RTF document"),
        ("x.odt", b"not a zip archive at all", "the ODT is a damaged zip archive"),
    ],
)
def test_files_named_rtf_or_odt_that_are_not(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableDocument, match=reason):
        parse(name, data, DEFAULT_LIMITS)


def test_odt_with_an_entity_declaration_is_refused_before_odfpy_reads_it() -> None:
    data = odt_bytes(CONSENT_LINES)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "content.xml":
                content = content.replace(
                    b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1
                )
            target.writestr(info, content)
    with pytest.raises(UnreadableDocument, match="declares a DTD or entities"):
        parse("form.odt", out.getvalue(), DEFAULT_LIMITS)


@pytest.mark.parametrize("suffix", [".odt", ".rtf"])
def test_a_consent_form_in_odt_or_rtf_gives_its_facts_through_the_command_line(
    capsys, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"Consent form v2.0{suffix}"
    path.write_bytes(odt_bytes(CONSENT_LINES) if suffix == ".odt" else rtf_bytes(CONSENT_LINES))
    code, out, err = run(capsys, "extract", str(path), "--format", "json")
    document = json.loads(out)["document"]
    assert code == 0, err
    assert (document["kind"], document["version"], document["date"]) == ("consent_form", "2.0", "2021-03-03")
    assert {"nhs_number", "date_of_birth"} <= set(document["identifiers"])
    assert any(fact["name"] == "linkage_statement" for fact in document["facts"])
