"""The DTD scan of DOCX parts reads bytes, not a parser's verdict: the reason is the same whatever
lxml or libxml2 does with the part."""

import io

import pytest

from pipeline.readers import xml_guard
from pipeline.readers.xml_guard import UnsafeXml, check_xml_part

BODY = '<w:document xmlns:w="x"><w:body><w:p/></w:body></w:document>'
DTD = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'


def scan(text: str | bytes, encoding: str = "utf-8") -> None:
    data = text if isinstance(text, bytes) else text.encode(encoding)
    check_xml_part(io.BytesIO(data), "word/document.xml")


@pytest.mark.parametrize(
    "part",
    [
        f'<?xml version="1.0" encoding="UTF-8"?>{DTD}{BODY}',
        f"{DTD}{BODY}",
        f'<?xml version="1.0"?>\n<!-- {"x" * 300_000} -->\n<?pi data?>\n{DTD}{BODY}',
        f'<?xml version="1.0"?><!ENTITY x "y">{BODY}',
        f"<!doctype w:document SYSTEM 'file:///etc/passwd'>{BODY}",
    ],
    ids=["after-declaration", "bare", "after-long-comment-and-pi", "entity-alone", "lower-case-external"],
)
def test_a_declaration_in_the_prolog_is_refused(part):
    with pytest.raises(UnsafeXml, match="declares a DTD or entities"):
        scan(part)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_parts_are_read_as_text(encoding):
    with pytest.raises(UnsafeXml, match="declares a DTD"):
        scan(f'<?xml version="1.0" encoding="UTF-16"?>{DTD}{BODY}', encoding)
    scan(f'<?xml version="1.0" encoding="UTF-16"?>{BODY}', encoding)  # no DTD: passes


def test_a_comment_split_across_chunks_is_followed(monkeypatch):
    monkeypatch.setattr(xml_guard, "CHUNK", 7)
    with pytest.raises(UnsafeXml, match="declares a DTD"):
        scan(f"<?xml version='1.0'?><!-- a -- comment - -->  <?p x?>{DTD}{BODY}")
    scan(f"<?xml version='1.0'?><!-- <!DOCTYPE inside a comment> -->{BODY}")


@pytest.mark.parametrize(
    "part",
    [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n{BODY}',
        f"<!-- <!DOCTYPE x> is only a comment -->{BODY}",
        f"{BODY}<!DOCTYPE after-the-root-is-not-a-declaration>",
        "<w:t>&lt;!DOCTYPE x&gt;</w:t>",
        "\ufeff" + BODY,
    ],
    ids=["plain", "in-a-comment", "after-root", "escaped-text", "bom"],
)
def test_near_misses_pass(part):
    scan(part)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(200), b"\xff\xd8\xff\xe0" + bytes(100), b"", b"plain text"],
    ids=["png", "jpeg", "empty", "text"],
)
def test_parts_that_are_not_xml_pass_at_once(data):
    scan(data)


@pytest.mark.parametrize(
    "data",
    [
        f"{DTD}{BODY}".encode("utf-32"),
        f"{DTD}{BODY}".encode("utf-32-be"),
        f'<?xml version="1.0" encoding="cp037"?>{BODY}'.encode("cp037"),
        f'<?xml version="1.0" encoding="UTF-7"?>{BODY}'.encode(),
    ],
    ids=["utf32-bom", "utf32-be", "ebcdic", "declared-utf7"],
)
def test_encodings_that_could_hide_a_declaration_are_refused(data):
    with pytest.raises(UnsafeXml, match="never writes"):
        scan(data)
