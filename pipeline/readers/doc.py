"""Old Word files (`.doc`), through a converter found on the machine.

No library made for the binary Word format is both well kept and licensed for this MIT project, so a
.doc is handed to LibreOffice (`soffice --headless --convert-to docx`, then read as any DOCX) or,
failing that, to antiword (plain text, a paragraph a block). The conversion runs where the reader
runs, in the isolated worker, with the document's time limit, in a temporary folder of its own that is
removed afterwards (LibreOffice gets a fresh profile there, so it never touches the user's); no
network is used. Without a converter the file is refused with what to install or send instead.

A file named .doc that is really a DOCX or an RTF (Word saves both under that name) is read as what
it is, with no converter.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import Limits, raise_with
from pipeline.model import ParsedDocument
from pipeline.readers.sniff import describe_content

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NO_CONVERTER = (
    "an old Word .doc file, and no converter is installed to read it (install LibreOffice or antiword); "
    "save it as .docx, or send it as PDF or DOCX"
)
CONVERTERS = ("soffice", "libreoffice", "antiword")


def read_doc(data: bytes, limits: Limits) -> ParsedDocument:
    if data.startswith(b"PK\x03\x04"):
        from pipeline.readers.docx import read_docx

        return _noted(read_docx(data, limits), "named .doc but is a DOCX: read as DOCX")
    if data.lstrip().startswith(b"{\\rtf"):
        from pipeline.readers.rtf import read_rtf

        return _noted(read_rtf(data, limits), "named .doc but is an RTF document: read as RTF")
    if not data.startswith(OLE_MAGIC):
        raise UnreadableDocument(
            f"the file is named .doc but is {describe_content(data)}, not a Word document; send it as PDF or DOCX"
        )
    converter = find_converter()
    if converter is None:
        raise UnreadableDocument(f"unsupported format: {NO_CONVERTER}")
    with tempfile.TemporaryDirectory(prefix="dars-doc-") as folder:
        source = Path(folder) / "document.doc"
        source.write_bytes(data)
        if Path(converter).name == "antiword":
            text = _run([converter, "-w", "0", str(source)], limits, "antiword")
            from pipeline.readers.text import read_text

            parsed = read_text(text, limits)
            parsed.format = "doc"
            parsed.notes.append("an old Word .doc file, read as text by antiword (tables as lines)")
            return parsed
        profile = Path(folder) / "profile"
        _run(
            [
                converter,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "docx",
                "--outdir",
                folder,
                str(source),
            ],
            limits,
            "LibreOffice",
        )
        converted = Path(folder) / "document.docx"
        if not converted.is_file():
            raise UnreadableDocument(
                "LibreOffice could not convert the .doc file (it may be damaged or protected); "
                "save it as .docx, or send it as PDF or DOCX"
            )
        from pipeline.readers.docx import read_docx

        parsed = read_docx(converted.read_bytes(), limits)
    parsed.format = "doc"
    parsed.notes.append("an old Word .doc file, converted to DOCX by LibreOffice to be read")
    return parsed


def find_converter() -> str | None:
    """The first converter on PATH, LibreOffice first (it keeps tables, notes and headers)."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _noted(parsed: ParsedDocument, note: str) -> ParsedDocument:
    parsed.notes.append(note)
    return parsed


def _run(command: list[str], limits: Limits, name: str) -> bytes:
    """The converter's output. It runs in a session of its own, so that at the time limit the whole
    of it (LibreOffice starts a second process) is killed, not just the first."""
    # Only what the converter needs from the environment: no proxy settings, a home of its own.
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(Path(command[-1]).parent), "LANG": "C.UTF-8"}
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )
    except OSError as error:
        raise UnreadableDocument(f"{name} could not be run ({error.strerror}); send it as PDF or DOCX") from None
    try:
        output, _ = process.communicate(timeout=limits.max_seconds_per_document)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise LimitExceeded(
            f"{name} took longer than {limits.max_seconds_per_document:g} s to convert the .doc file "
            + raise_with("max_seconds_per_document")
        ) from None
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever the converter left running
        process.wait()
    if process.returncode != 0:
        raise UnreadableDocument(
            f"{name} could not read the .doc file (it may be damaged or protected); save it as .docx, "
            "or send it as PDF or DOCX"
        )
    return output
