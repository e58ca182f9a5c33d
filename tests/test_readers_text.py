from __future__ import annotations

import pytest

from pipeline.errors import UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS
from pipeline.readers import parse

LETTER = "Dear Dr Patel,\n\nThank you for your application.\nIt was reviewed on 12 March 2021.\n\n\nYours sincerely"


def test_text_paragraphs_keep_numbers_and_first_lines() -> None:
    parsed = parse("letter.txt", LETTER.encode(), DEFAULT_LIMITS)
    assert [(b.paragraph, b.line) for b in parsed.blocks] == [(1, 1), (2, 3), (3, 7)]
    assert parsed.blocks[1].text == "Thank you for your application.\nIt was reviewed on 12 March 2021."
    assert parsed.blocks[1].location == "paragraph 2, line 3"


def test_markdown_is_read_as_text() -> None:
    parsed = parse("notes.md", b"# Privacy notice\n\nWe are the controller.", DEFAULT_LIMITS)
    assert parsed.format == "md" and parsed.blocks[0].text == "# Privacy notice"


def test_windows_1252_text_is_decoded_and_noted() -> None:
    text = "Participant information sheet – version 2.0 – “linkage” to hospital records, café."
    parsed = parse("pis.txt", (text + "\n").encode("cp1252") * 20, DEFAULT_LIMITS)
    assert "“linkage”" in parsed.text
    assert parsed.notes and "not UTF-8" in parsed.notes[0]


def test_utf16_with_bom_is_decoded() -> None:
    parsed = parse("a.txt", "Consent form version 1.0".encode("utf-16"), DEFAULT_LIMITS)
    assert parsed.text == "Consent form version 1.0"


def test_binary_named_txt_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument):
        parse("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, DEFAULT_LIMITS)


def test_single_huge_line_is_split_into_blocks() -> None:
    parsed = parse("a.txt", b"x" * 50_000, DEFAULT_LIMITS)
    assert len(parsed.blocks) == 3 and all(b.paragraph == 1 for b in parsed.blocks)


def test_unsupported_format_names_it() -> None:
    with pytest.raises(UnreadableDocument, match=r"PowerPoint presentation \(send it as PDF or DOCX\)"):
        parse("deck.pptx", b"PK\x03\x04", DEFAULT_LIMITS)


def test_empty_file() -> None:
    with pytest.raises(UnreadableDocument, match="empty"):
        parse("a.pdf", b"", DEFAULT_LIMITS)
