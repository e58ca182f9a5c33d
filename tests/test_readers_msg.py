"""Outlook .msg (issue 13): the message is a document like an .eml's, each attachment a file of the
bundle; a damaged or hostile .msg is a reason, never a crash or a hang. The files are built by
`tests.ole_writer`, not committed."""

from __future__ import annotations

import contextlib
import hashlib
import struct
import time
from pathlib import Path

import pytest

from pipeline.bundle import open_bundle
from pipeline.errors import UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.load import parse_and_extract
from pipeline.readers import parse
from tests.builders import docx_bytes, msg_bytes, pdf_bytes

LETTER = pdf_bytes([["Confidentiality Advisory Group: final outcome. CAG reference 21/CAG/0123."]])
BODY = "Dear Dr Smith,\r\n\r\nPlease find attached the outcome letter.\r\n\r\nConfidentiality Advice Team"


def test_msg_message_is_a_document_of_headers_body_and_attachment_names() -> None:
    parsed = parse("outcome.msg", msg_bytes("CAG outcome 21/CAG/0123", BODY, {"letter.pdf": LETTER}), DEFAULT_LIMITS)
    assert [(b.location, b.text) for b in parsed.blocks] == [
        ("From line", "From: HRA Confidentiality Advice Team <cag@hra.nhs.uk>"),
        ("To line", "To: Dr A Smith"),
        ("Date line", "Date: Tue, 04 May 2021 09:15:00 +0000"),
        ("Subject line", "Subject: CAG outcome 21/CAG/0123"),
        ("paragraph 1", "Dear Dr Smith,"),
        ("paragraph 2", "Please find attached the outcome letter."),
        ("paragraph 3", "Confidentiality Advice Team"),
        ("Attachments line", "Attachments: letter.pdf"),
    ]
    assert parsed.format == "msg" and parsed.metadata["title"] == "CAG outcome 21/CAG/0123"


def test_eight_bit_string_properties_are_read_too() -> None:
    parsed = parse("old.msg", msg_bytes("Caf\u00e9 outcome", "Support is given.", unicode=False), DEFAULT_LIMITS)
    assert "Subject: Caf\u00e9 outcome" in [b.text for b in parsed.blocks]
    assert parsed.blocks[-1].text == "Support is given."


def test_the_subject_gives_the_cag_reference_with_its_place() -> None:
    data = msg_bytes("CAG outcome 21/CAG/0123", BODY)
    document = parse_and_extract("outcome.msg", data, hashlib.sha256(data).hexdigest(), DEFAULT_LIMITS)
    assert document.facts.title == "Subject: CAG outcome 21/CAG/0123"


def test_a_bundle_lists_each_attachment_read_from_memory(tmp_path: Path) -> None:
    big = docx_bytes(["Consent form version 2.0"] * 200)  # over the mini-stream cutoff: regular sectors
    assert len(big) > 4096
    (tmp_path / "outcome.msg").write_bytes(
        msg_bytes(
            "Outcome", "See attached.", {"letter.pdf": LETTER, "../../etc/consent.docx": big, "letter.PDF": LETTER},
            attached_messages=["Fwd: PIS"],
        )
    )
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        files = {f.path: f for f in bundle.files}
        assert list(files) == [
            "outcome.msg",
            "outcome.msg/letter.pdf",
            "outcome.msg/consent.docx",
            "outcome.msg/letter (2).PDF",
            "outcome.msg/Fwd: PIS.msg",
        ]
        assert files["outcome.msg/letter.pdf"].read() == LETTER
        assert files["outcome.msg/consent.docx"].read() == big
        assert files["outcome.msg/consent.docx"].size == len(big)
        assert "read one level deep" in files["outcome.msg/Fwd: PIS.msg"].problem


def test_attachments_past_the_member_limit_are_refused(tmp_path: Path) -> None:
    (tmp_path / "many.msg").write_bytes(msg_bytes("Many", "x", {"a.pdf": LETTER, "b.pdf": LETTER, "c.pdf": LETTER}))
    with open_bundle(tmp_path, Limits(max_members=2)) as bundle:
        files = {f.path: f for f in bundle.files}
        assert files["many.msg/c.pdf"].problem == (
            "the e-mail many.msg has 3 attachments, over the limit of 2 (raise it with --max-members): not read"
        )


def test_an_old_office_file_named_msg_says_what_to_send_instead() -> None:
    from tests.ole_writer import compound_file

    with pytest.raises(UnreadableDocument, match="save the message as .eml, or send its attachments as PDF or DOCX"):
        parse("old.msg", compound_file({"WordDocument": b"x" * 100}), DEFAULT_LIMITS)


def damaged(data: bytes, seed: int) -> bytes:
    import random

    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        # Mostly the header, FAT and directory: the structures a chain loop or a lie lives in.
        where = rng.choice([rng.randrange(0, 512), rng.randrange(len(out) - 2048, len(out)), rng.randrange(len(out))])
        out[where] = rng.randrange(256)
    return bytes(out[: rng.choice([len(out), rng.randrange(512, len(out))])])


def test_damaged_messages_end_in_a_reason_never_a_crash_or_a_hang(tmp_path: Path) -> None:
    good = msg_bytes("CAG outcome 21/CAG/0123", BODY, {"letter.pdf": LETTER}, attached_messages=["Fwd"])
    started = time.monotonic()
    for seed in range(150):
        data = damaged(good, seed)
        try:
            parse("outcome.msg", data, DEFAULT_LIMITS)
        except UnreadableDocument as error:
            assert "0x" not in str(error) and "object at" not in str(error)
        (tmp_path / "outcome.msg").write_bytes(data)
        with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
            for file in bundle.files[1:]:
                with contextlib.suppress(UnreadableDocument):
                    file.read()
    assert time.monotonic() - started < 30


def test_a_sector_chain_that_loops_is_a_reason(tmp_path: Path) -> None:
    good = msg_bytes("Outcome", BODY, {"letter.pdf": LETTER})
    fat = list(struct.unpack("<128I", good[-512:]))  # one FAT sector, written last
    looped = [index if value < 0xFFFFFFFA else value for index, value in enumerate(fat)]
    data = good[:-512] + struct.pack("<128I", *looped)
    with pytest.raises(UnreadableDocument, match="not a readable Outlook message"):
        parse("outcome.msg", data, DEFAULT_LIMITS)
    (tmp_path / "outcome.msg").write_bytes(data)
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert [f.path for f in bundle.files] == ["outcome.msg"]


def test_a_message_attached_as_a_file_is_read_but_its_attachments_are_not_opened(tmp_path: Path) -> None:
    from tests.builders import eml_bytes

    inner_eml = eml_bytes("Consent", "Attached.", {"consent.pdf": LETTER})
    inner_msg = msg_bytes("PIS", "Attached.", {"pis.pdf": LETTER})
    (tmp_path / "outcome.msg").write_bytes(msg_bytes("Outcome", "x", {"fwd.eml": inner_eml, "fwd2.msg": inner_msg}))
    (tmp_path / "outcome.eml").write_bytes(eml_bytes("Outcome", "x", {"fwd3.msg": inner_msg}))
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        files = {f.path: f for f in bundle.files}
        for nested in ("outcome.msg/fwd.eml/consent.pdf", "outcome.msg/fwd2.msg/pis.pdf", "outcome.eml/fwd3.msg/pis.pdf"):
            assert "read one level deep" in files[nested].problem
        assert parse("fwd2.msg", files["outcome.msg/fwd2.msg"].read(), DEFAULT_LIMITS).format == "msg"


def test_a_body_kept_only_as_compressed_rtf_is_named_in_a_note() -> None:
    from tests.ole_writer import compound_file

    tree = {
        "__substg1.0_0037001F": "Outcome".encode("utf-16-le"),
        "__substg1.0_10090102": b"LZFu" + bytes(32),
        "__properties_version1.0": bytes(32),
    }
    parsed = parse("outcome.msg", compound_file(tree), DEFAULT_LIMITS)
    assert [b.text for b in parsed.blocks] == ["Subject: Outcome"]
    assert parsed.notes and "compressed RTF, which is not read" in parsed.notes[0]
