"""Timing a command in a fresh process, as a user runs it: wall-clock seconds and peak memory.

Peak memory is the child's own maximum resident set size, from `wait4`, so nothing the benchmark
itself holds is counted.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    max_rss_mb: float
    status: int


def tool() -> str:
    """The `dars-evidence` of this interpreter's environment."""
    beside = Path(sys.executable).with_name("dars-evidence")
    found = str(beside) if beside.exists() else shutil.which("dars-evidence")
    if not found:
        raise SystemExit("dars-evidence is not installed in this environment: pip install -e .")
    return found


def run(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `argv` once with stdout and stderr discarded; its wall-clock time and peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {process.returncode}: {stderr.decode()[-500:]}")
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode)


def median_run(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> Run:
    """The median time of `repeat` runs, and the highest peak memory among them."""
    runs = [run(argv, env) for _ in range(repeat)]
    return Run(statistics.median(r.seconds for r in runs), max(r.max_rss_mb for r in runs), runs[-1].status)


# Runs in its own process: pdfplumber's bare text extraction of every PDF (each page closed) and
# python-docx reading every DOCX, timed after the imports, so the libraries' start-up is not counted.
BASELINE = r"""
import json, sys, time
from pathlib import Path
import docx, pdfplumber
root = Path(sys.argv[1])
start = time.perf_counter()
pages = chars = 0
def read(path):
    global pages, chars
    if path.suffix.lower() == ".pdf":
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                try:
                    chars += len(page.extract_text() or "")
                    pages += 1
                finally:
                    page.close()
    elif path.suffix.lower() == ".docx":
        document = docx.Document(str(path))
        chars += sum(len(p.text) for p in document.paragraphs)
        chars += sum(len(c.text) for t in document.tables for r in t.rows for c in r.cells)
for path in sorted(p for p in root.rglob("*") if p.is_file()):
    try:
        read(path)
    except Exception:  # a damaged or hostile file of a queue: skipped, as the tool reports it
        pass
print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages, "chars": chars}))
"""


# The practical floor (issue 15): PDFium's text of every PDF page and lxml parsing each DOCX's
# word/document.xml, nothing else, timed after the imports.
BARE = r"""
import json, sys, time, zipfile
from pathlib import Path
import pypdfium2 as pdfium
from lxml import etree
root = Path(sys.argv[1])
start = time.perf_counter()
pages = chars = 0
for path in sorted(p for p in root.rglob("*") if p.is_file()):
    if path.suffix.lower() == ".pdf":
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            pages += 1
            textpage.close()
            page.close()
        pdf.close()
    elif path.suffix.lower() == ".docx":
        try:
            with zipfile.ZipFile(path) as archive:
                root_element = etree.fromstring(archive.read("word/document.xml"))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
            continue
        chars += sum(len(t.text or "") for t in root_element.iter("{*}t"))
print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages, "chars": chars}))
"""


def bare_baseline(folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", BARE, str(folder)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def pdfplumber_baseline(bundle: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, str(bundle)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def pdf_pages(bundle: Path) -> tuple[int, int]:
    """(documents, PDF pages) of a bundle folder; request.yaml is not a document."""
    import pypdfium2 as pdfium

    documents = pages = 0
    for path in bundle.rglob("*"):
        if not path.is_file() or path.name == "request.yaml":
            continue
        documents += 1
        if path.suffix.lower() == ".pdf":
            try:
                pdf = pdfium.PdfDocument(path)
            except pdfium.PdfiumError:
                continue  # a damaged or encrypted PDF of the sample queue: no pages to count
            pages += len(pdf)
            pdf.close()
    return documents, pages


def machine() -> str:
    """Cores, CPU model, Python, and the load when the benchmark started (other work skews it)."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {load:.2f} at the start"
    )
