from __future__ import annotations

from pathlib import Path

from pipeline.bundle import open_bundle
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.readers import parse
from tests.builders import docx_bytes, eml_bytes, pdf_bytes

LETTER = pdf_bytes([["Confidentiality Advisory Group: final outcome. CAG reference 21/CAG/0123."]])


def test_eml_message_is_a_document_of_headers_body_and_attachment_names() -> None:
    data = eml_bytes(
        "CAG outcome 21/CAG/0123",
        "Dear Dr Smith,\n\nPlease find attached the outcome letter.\n\nConfidentiality Advice Team",
        {"letter.pdf": LETTER},
    )
    parsed = parse("outcome.eml", data, DEFAULT_LIMITS)
    assert [(b.location, b.text) for b in parsed.blocks] == [
        ("From line", "From: HRA Confidentiality Advice Team <cag@hra.nhs.uk>"),
        ("To line", "To: Dr A Smith <a.smith@bristol.ac.uk>"),
        ("Date line", "Date: Tue, 04 May 2021 10:15:00 +0100"),
        ("Subject line", "Subject: CAG outcome 21/CAG/0123"),
        ("paragraph 1", "Dear Dr Smith,"),
        ("paragraph 2", "Please find attached the outcome letter."),
        ("paragraph 3", "Confidentiality Advice Team"),
        ("Attachments line", "Attachments: letter.pdf"),
    ]
    assert parsed.format == "eml" and parsed.metadata["title"] == "CAG outcome 21/CAG/0123"


def test_eml_with_only_an_html_body_keeps_its_visible_text() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["Subject"] = "cag@hra.nhs.uk", "Outcome"
    message.set_content(
        "<p>Support is given.</p><script>SCRIPT TEXT</script><p>21/CAG/0123</p>", subtype="html"
    )
    parsed = parse("outcome.eml", message.as_bytes(), DEFAULT_LIMITS)
    assert [b.text for b in parsed.blocks[2:]] == ["Support is given.", "21/CAG/0123"]


def test_a_bundle_lists_each_attachment_as_a_document_read_from_memory(tmp_path: Path) -> None:
    inner = eml_bytes("Consent", "Attached.", {"consent.docx": docx_bytes(["Consent form"])})
    (tmp_path / "outcome.eml").write_bytes(
        eml_bytes(
            "Outcome",
            "See attached.",
            {"letter.pdf": LETTER, "../../etc/evil.pdf": LETTER},
            attached_messages=[inner],
        )
    )
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        files = {f.path: f for f in bundle.files}
        assert list(files) == [
            "outcome.eml",
            "outcome.eml/letter.pdf",
            "outcome.eml/evil.pdf",
            "outcome.eml/Consent.eml",
            "outcome.eml/Consent.eml/consent.docx",
        ]
        assert files["outcome.eml/letter.pdf"].read() == LETTER
        assert files["outcome.eml/letter.pdf"].size == len(LETTER)
        assert "read one level deep" in files["outcome.eml/Consent.eml/consent.docx"].problem
        assert parse("inner.eml", files["outcome.eml/Consent.eml"].read(), DEFAULT_LIMITS).blocks


def test_attachments_past_the_member_limit_are_refused_with_the_limit(tmp_path: Path) -> None:
    (tmp_path / "many.eml").write_bytes(
        eml_bytes("Many", "x", {"a.pdf": LETTER, "b.pdf": LETTER, "c.pdf": LETTER})
    )
    with open_bundle(tmp_path, Limits(max_members=2)) as bundle:
        files = {f.path: f for f in bundle.files}
        assert list(files) == ["many.eml", "many.eml/a.pdf", "many.eml/b.pdf", "many.eml/c.pdf"]
        assert files["many.eml/c.pdf"].problem == (
            "the e-mail many.eml has 3 attachments, over the limit of 2 (raise it with --max-members): not read"
        )


def test_a_file_named_eml_that_is_not_a_message_is_unreadable() -> None:
    import pytest

    from pipeline.errors import UnreadableDocument

    with pytest.raises(UnreadableDocument, match="holds no e-mail headers"):
        parse("notes.eml", b"just some text\n", DEFAULT_LIMITS)


def test_the_subject_is_the_title_of_the_message() -> None:
    import hashlib

    from pipeline.load import parse_and_extract

    data = eml_bytes(
        "CAG outcome 21/CAG/0123", "Dear Dr Smith,\n\nSee the letter attached.", {"letter.pdf": LETTER}
    )
    document = parse_and_extract("outcome.eml", data, hashlib.sha256(data).hexdigest(), DEFAULT_LIMITS)
    assert document.facts.title == "Subject: CAG outcome 21/CAG/0123"


def test_pictures_the_html_body_shows_inline_are_not_attachments() -> None:
    from email.message import EmailMessage

    from pipeline.readers.mail import attachments_of, parse_message

    message = EmailMessage()
    message["From"], message["Subject"] = "cag@hra.nhs.uk", "Outcome"
    message.set_content("See the letter attached.")
    message.add_alternative('<p>See the letter attached.</p><img src="cid:logo@hra">', subtype="html")
    message.get_payload()[1].add_related(
        b"\x89PNG\r\n\x1a\n" + b"0" * 64,
        "image",
        "png",
        cid="<logo@hra>",
        filename="image001.png",
        disposition="inline",
    )
    message.add_attachment(LETTER, maintype="application", subtype="pdf", filename="letter.pdf")
    assert [a.name for a in attachments_of(parse_message(message.as_bytes()))] == ["letter.pdf"]
