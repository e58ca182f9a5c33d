from __future__ import annotations

import pytest

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS, MB, Limits
from pipeline.model import Part
from pipeline.readers import parse
from tests.builders import docx_bytes, docx_with_revisions_and_controls, rewrite_zip, zip_bytes


def test_docx_body_keeps_order_of_paragraphs_and_tables() -> None:
    data = docx_bytes(
        ["Participant information sheet", "Why have I been invited?"],
        table=[["Document", "Version"], ["PIS", "2.0"]],
        after_table=["What happens next?"],
    )
    parsed = parse("pis.docx", data, DEFAULT_LIMITS)
    texts = [b.text for b in parsed.blocks]
    assert texts == [
        "Participant information sheet",
        "Why have I been invited?",
        "Document | Version",
        "PIS | 2.0",
        "What happens next?",
    ]
    assert parsed.blocks[3].location == "table 1, row 2"
    assert parsed.blocks[4].location == "paragraph 3"


def test_docx_version_only_in_footer_is_read() -> None:
    data = docx_bytes(["CONSENT FORM", "Please initial each box"], footer="Consent form v1.1, 22/01/2019")
    parsed = parse("consent.docx", data, DEFAULT_LIMITS)
    footers = [b for b in parsed.blocks if b.part is Part.FOOTER]
    assert [b.text for b in footers] == ["Consent form v1.1, 22/01/2019"]
    assert footers[0].location == "footer (section 1)"
    assert "v1.1" not in " ".join(b.text for b in parsed.blocks if b.part is Part.BODY)


def test_docx_header_comes_before_body() -> None:
    parsed = parse("x.docx", docx_bytes(["Body"], header="University of Bristol"), DEFAULT_LIMITS)
    assert parsed.blocks[0].part is Part.HEADER and parsed.blocks[0].text == "University of Bristol"


def test_docx_title_style_is_kept() -> None:
    parsed = parse("x.docx", docx_bytes(["Body"], title="Privacy notice"), DEFAULT_LIMITS)
    assert parsed.blocks[0].style == "Title"


def test_docx_tracked_insertions_are_read_and_deletions_are_not() -> None:
    parsed = parse("x.docx", docx_with_revisions_and_controls(), DEFAULT_LIMITS)
    texts = [b.text for b in parsed.blocks]
    assert "I agree to my hospital records being linked." in texts
    assert not any("GP records" in t for t in texts)


def test_docx_content_control_text_is_read() -> None:
    parsed = parse("x.docx", docx_with_revisions_and_controls(), DEFAULT_LIMITS)
    assert "Version 2.0 dated 1 March 2020" in [b.text for b in parsed.blocks]


def test_docx_missing_main_part_is_unreadable() -> None:
    data = rewrite_zip(docx_bytes(["Body"]), {"word/document.xml": None})
    with pytest.raises(UnreadableDocument, match="missing a part|not a Word document"):
        parse("broken.docx", data, DEFAULT_LIMITS)


def test_zip_that_is_not_a_word_document() -> None:
    with pytest.raises(UnreadableDocument, match="not a Word document"):
        parse("fake.docx", zip_bytes({"hello.txt": b"hello"}), DEFAULT_LIMITS)


def test_docx_declaring_entities_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = rewrite_zip(docx_bytes(["Body"]), {"word/document.xml": bomb})
    with pytest.raises(UnreadableDocument, match="DTD or entities"):
        parse("bomb.docx", data, DEFAULT_LIMITS)


def test_docx_inflating_past_the_limit_is_refused() -> None:
    data = rewrite_zip(docx_bytes(["Body"]), {"word/media/padding.bin": b"\x00" * 3_000_000})
    with pytest.raises(LimitExceeded, match="zip bomb|inflate"):
        parse("bomb.docx", data, Limits(max_inflated_bytes=2_000_000))


def test_old_word_file_named_docx() -> None:
    with pytest.raises(UnreadableDocument, match="old Office file"):
        parse("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, DEFAULT_LIMITS)


@pytest.mark.parametrize("hidden", ["after_long_comment", "utf16"])
def test_docx_dtd_hidden_from_a_look_at_the_first_bytes_is_still_refused(hidden: str) -> None:
    from tests.hostile.corpus import entity_after_long_prolog_docx, utf16_entity_docx

    data = entity_after_long_prolog_docx() if hidden == "after_long_comment" else utf16_entity_docx()
    with pytest.raises(UnreadableDocument, match="declares a DTD or entities"):
        parse("xxe.docx", data, DEFAULT_LIMITS)


def test_docx_zip_bomb_reason_names_the_option() -> None:
    data = rewrite_zip(docx_bytes(["Body"]), {"word/media/padding.bin": b"\x00" * 3_000_000})
    with pytest.raises(
        LimitExceeded, match=r"over the limit of 1 MB \(a zip bomb\?\) \(raise it with --max-inflated-mb\)"
    ):
        parse("bomb.docx", data, Limits(max_inflated_bytes=MB))


def test_docx_with_damaged_xml_says_so() -> None:
    data = rewrite_zip(docx_bytes(["Body"]), {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(UnreadableDocument, match="damaged XML"):
        parse("broken.docx", data, DEFAULT_LIMITS)


def test_docx_footnotes_endnotes_and_comments_are_blocks_with_their_location() -> None:
    from tests.builders import docx_with_notes

    data = docx_with_notes(
        "The study has section 251 support.",
        footnotes=["CAG reference 21/CAG/0123.", "Letter dated 3 May 2021."],
        endnotes=["NHS number and date of birth are sent for linkage."],
        comments=["Please confirm the REC reference 14/SW/0123."],
    )
    parsed = parse("letter.docx", data, DEFAULT_LIMITS)
    notes = [(b.location, b.text) for b in parsed.blocks if b.part is Part.NOTE]
    assert notes == [
        ("footnote 1", "CAG reference 21/CAG/0123."),
        ("footnote 2", "Letter dated 3 May 2021."),
        ("endnote 1", "NHS number and date of birth are sent for linkage."),
        ("comment 1", "Please confirm the REC reference 14/SW/0123."),
    ]
    assert parsed.blocks[0].text == "The study has section 251 support."


def test_docm_is_read_like_a_docx_and_its_macros_are_never_opened() -> None:
    from tests.builders import docx_with_notes

    data = docx_with_notes("Consent form version 2.0", footnotes=["Dated 1 March 2020."], macros=True)
    for name in ("consent.docm", "consent.docx"):  # a .docm renamed .docx is read too
        parsed = parse(name, data, DEFAULT_LIMITS)
        assert [b.text for b in parsed.blocks] == ["Consent form version 2.0", "Dated 1 March 2020."]


def test_a_package_that_is_not_word_gives_the_same_reason_every_run() -> None:
    from tests.builders import DOCX_MAIN, docx_bytes

    source = docx_bytes(["Hello"])
    import io as _io
    import zipfile as _zip

    types = _zip.ZipFile(_io.BytesIO(source)).read("[Content_Types].xml").decode()
    data = rewrite_zip(
        source, {"[Content_Types].xml": types.replace(DOCX_MAIN, "application/x-other+xml").encode()}
    )
    reasons = set()
    for _ in range(2):
        with pytest.raises(UnreadableDocument) as info:
            parse("deck.docx", data, DEFAULT_LIMITS)
        reasons.add(str(info.value))
    assert len(reasons) == 1
    (reason,) = reasons
    assert "0x" not in reason and "application/x-other+xml" in reason and "PDF or DOCX" in reason
