"""Upload names cleaned into member names, and the zip built of several files (issue 17)."""

from __future__ import annotations

import io
import zipfile

from pipeline.service.built_bundle import FIXED_TIME, build_bundle
from pipeline.service.upload_names import MAX_NAME_CHARS, safe_base_name, safe_suffix, unique_names


def test_a_sent_name_keeps_only_a_clean_base_name():
    assert safe_base_name("../../x.pdf") == "x.pdf"
    assert safe_base_name("a/b\\c.pdf") == "c.pdf"
    assert safe_base_name("C:x.pdf") == "C_x.pdf"  # a drive's colon would read as an escape
    assert safe_base_name("bell\x07\u202etxt.exe") == "bell__txt.exe"
    assert safe_base_name("...hidden.yaml") == "hidden.yaml"
    assert safe_base_name("..") == safe_base_name("") == safe_base_name(None) == "file"
    long = safe_base_name("n" * 500 + ".docx")
    assert len(long) == MAX_NAME_CHARS and long.endswith(".docx")


def test_only_a_plain_suffix_is_kept():
    assert safe_suffix("Notice.PDF") == ".pdf"
    assert safe_suffix("notice.p d f") == "" and safe_suffix("notice") == "" and safe_suffix("x.") == ""
    assert safe_suffix("x." + "a" * 20) == ""


def test_clashing_names_are_numbered_case_blind():
    assert unique_names(["a.pdf", "A.pdf", "a.pdf", "b"]) == ["a.pdf", "A (2).pdf", "a (3).pdf", "b"]


def built(files: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    build_bundle([(name, io.BytesIO(content)) for name, content in files], out)
    return out.getvalue()


def test_the_same_files_in_any_order_build_the_same_bytes():
    files = [
        ("z.pdf", b"zed"),
        ("x/a.pdf", b"two"),
        ("a.pdf", b"one"),
        ("request.yaml", b"reference: NIC-1\n"),
    ]
    first, second = built(files), built(list(reversed(files)))
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == ["a.pdf", "a (2).pdf", "request.yaml", "z.pdf"]
    # clashing names are numbered by content, not by the order they came in
    assert [archive.read(n) for n in ("a.pdf", "a (2).pdf")] == sorted([b"one", b"two"], key=_sha)
    assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}


def _sha(content: bytes) -> str:
    import hashlib

    return hashlib.sha256(content).hexdigest()
