"""The DOCX package read straight from its parts (`docx_package`): the same safety, no python-docx."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.errors import UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import parse
from tests.builders import docx_bytes, rewrite_zip
from tests.hostile.corpus import DOCUMENT_XML_HEAD, EXTERNAL_DTD

PADDING = b"<!-- " + b"padding " * 1024 + b"-->\n"  # past the first bytes the reader looks at


def _with_part(name: str, xml: bytes) -> bytes:
    return rewrite_zip(docx_bytes(["Body"], header="Version 2.0"), {name: xml})


def test_dtd_in_a_part_the_reader_parses_is_refused_in_that_parse() -> None:
    header = (
        DOCUMENT_XML_HEAD
        + PADDING
        + EXTERNAL_DTD.replace(b"w:document", b"w:hdr")
        + b'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:hdr>"
    )
    with pytest.raises(UnreadableDocument, match="part word/header1.xml declares a DTD or entities"):
        parse("xxe.docx", _with_part("word/header1.xml", header), DEFAULT_LIMITS)


def test_dtd_in_a_part_nothing_reads_is_still_refused() -> None:
    styles = DOCUMENT_XML_HEAD + PADDING + EXTERNAL_DTD.replace(b"w:document", b"w:styles") + b"<w:styles/>"
    with pytest.raises(UnreadableDocument, match="part word/styles.xml declares a DTD or entities"):
        parse("xxe.docx", _with_part("word/styles.xml", styles), DEFAULT_LIMITS)


def test_damaged_styles_part_does_not_hide_the_text() -> None:
    """Nothing reads the styles part: its damage no longer makes the document unreadable."""
    parsed = parse("styles.docx", _with_part("word/styles.xml", b"<w:styles><w:style>"), DEFAULT_LIMITS)
    assert [b.text for b in parsed.blocks] == ["Version 2.0", "Body"]


def test_damaged_header_part_is_damaged_xml() -> None:
    with pytest.raises(UnreadableDocument, match="damaged XML"):
        parse("broken.docx", _with_part("word/header1.xml", b"<w:hdr><w:p>"), DEFAULT_LIMITS)


def test_part_a_relationship_names_must_exist() -> None:
    data = rewrite_zip(docx_bytes(["Body"], header="Version 2.0"), {"word/header1.xml": None})
    with pytest.raises(UnreadableDocument, match="missing a part it refers to .*word/header1.xml"):
        parse("broken.docx", data, DEFAULT_LIMITS)


def test_reading_a_docx_does_not_import_python_docx() -> None:
    code = (
        "import sys; from tests.builders import docx_bytes; data = docx_bytes(['Body'], footer='v2');"
        "[sys.modules.pop(m) for m in list(sys.modules) if m == 'docx' or m.startswith('docx.')];"
        "from pipeline.readers import parse; from pipeline.limits import DEFAULT_LIMITS;"
        "parsed = parse('a.docx', data, DEFAULT_LIMITS);"
        "assert [b.text for b in parsed.blocks] == ['Body', 'v2'], parsed.blocks;"
        "assert not [m for m in sys.modules if m == 'docx' or m.startswith('docx.')]"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
