"""Old Word `.doc` files through a converter found on the machine (issue 13). Where none is installed,
fake ones on PATH stand in: they answer as LibreOffice and antiword do, from files this test writes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.readers import parse
from tests.builders import docx_bytes

OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)  # what Word 97-2003 files start with
CONSENT = ["PARTICIPANT CONSENT FORM", "Consent form version 2.0, 1 March 2020", "I agree to my NHS number being used."]


def fake(bin_dir: Path, name: str, body: str) -> None:
    script = bin_dir / name
    script.write_text(f"#!{sys.executable}\nimport sys, shutil, time, pathlib\nargs = sys.argv[1:]\n{body}\n")
    script.chmod(0o755)


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_without_a_converter_the_refusal_names_what_to_install_or_send(bin_dir: Path) -> None:
    with pytest.raises(UnreadableDocument) as error:
        parse("consent.doc", OLE_DOC, DEFAULT_LIMITS)
    assert "install LibreOffice or antiword" in str(error.value)
    assert "send it as PDF or DOCX" in str(error.value)


def test_libreoffice_converts_to_docx_in_a_temporary_folder_that_is_removed(bin_dir: Path, tmp_path: Path) -> None:
    converted = tmp_path / "converted.docx"
    converted.write_bytes(docx_bytes(CONSENT))
    seen = tmp_path / "seen.txt"
    fake(
        bin_dir,
        "soffice",
        f"out = pathlib.Path(args[args.index('--outdir') + 1])\n"
        f"assert '--headless' in args and args[args.index('--convert-to') + 1] == 'docx'\n"
        f"pathlib.Path({str(seen)!r}).write_text(str(out))\n"
        f"shutil.copy({str(converted)!r}, out / (pathlib.Path(args[-1]).stem + '.docx'))",
    )
    parsed = parse("consent.doc", OLE_DOC, DEFAULT_LIMITS)
    assert parsed.format == "doc"
    assert [b.text for b in parsed.blocks] == CONSENT
    assert "converted to DOCX by LibreOffice" in parsed.notes[-1]
    assert not Path(seen.read_text()).exists()  # the temporary folder is gone


def test_antiword_text_is_read_a_paragraph_a_block(bin_dir: Path) -> None:
    fake(bin_dir, "antiword", "print('CONSENT FORM\\n\\nConsent form version 2.0, 1 March 2020\\n')")
    parsed = parse("consent.doc", OLE_DOC, DEFAULT_LIMITS)
    assert parsed.format == "doc"
    assert [b.text for b in parsed.blocks] == ["CONSENT FORM", "Consent form version 2.0, 1 March 2020"]


def test_a_converter_that_fails_or_hangs_is_a_reason(bin_dir: Path) -> None:
    fake(bin_dir, "antiword", "sys.exit(1)")
    with pytest.raises(UnreadableDocument, match="antiword could not read the .doc file"):
        parse("consent.doc", OLE_DOC, DEFAULT_LIMITS)
    fake(bin_dir, "antiword", "time.sleep(30)")
    with pytest.raises(LimitExceeded, match=r"took longer than 0.5 s .*--timeout"):
        parse("consent.doc", OLE_DOC, Limits(max_seconds_per_document=0.5))


def test_a_docx_or_rtf_named_doc_is_read_as_what_it_is(bin_dir: Path) -> None:
    parsed = parse("consent.doc", docx_bytes(CONSENT), DEFAULT_LIMITS)
    assert [b.text for b in parsed.blocks] == CONSENT and "read as DOCX" in parsed.notes[-1]
    parsed = parse("consent.doc", b"{\\rtf1\\ansi Consent form version 2.0\\par}", DEFAULT_LIMITS)
    assert parsed.blocks[0].text == "Consent form version 2.0" and "read as RTF" in parsed.notes[-1]
    with pytest.raises(UnreadableDocument, match="named .doc but is a PNG image"):
        parse("consent.doc", b"\x89PNG\r\n\x1a\n" + bytes(64), DEFAULT_LIMITS)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_real_libreoffice_reads_a_doc_it_wrote(tmp_path: Path) -> None:
    import subprocess

    source = tmp_path / "consent.docx"
    source.write_bytes(docx_bytes(CONSENT))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120,
    )
    parsed = parse("consent.doc", (tmp_path / "consent.doc").read_bytes(), Limits(max_seconds_per_document=120))
    assert "Consent form version 2.0, 1 March 2020" in [b.text for b in parsed.blocks]
