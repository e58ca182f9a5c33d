"""OCR of scanned pages and images: a Tesseract found on the machine, else RapidOCR (PaddleOCR's
models on onnxruntime, shipped in its wheel, so nothing is fetched at run time).

The engine is imported on the first page that needs it, so text PDFs and DOCX files never load it.
It runs where the reader runs: in the isolated worker, under its memory and time limits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass

from pipeline.errors import UnreadableDocument

# Pages are rendered for OCR at this resolution (a scanner's usual setting).
OCR_DPI = 200
# A page whose mean confidence is under this is flagged: its text may be wrong.
POOR_CONFIDENCE = 0.80
# What to send instead when no engine can read a scan.
NO_ENGINE = (
    "no OCR engine is installed (pip install rapidocr-onnxruntime, or install Tesseract): "
    "send a searchable PDF (the scan run through OCR) or the original document"
)


@dataclass(frozen=True, slots=True)
class OcrText:
    text: str
    confidence: float  # mean of the engine's line (or word) confidences, 0-1
    engine: str


class NoOcrEngine(UnreadableDocument):
    """Neither RapidOCR nor Tesseract is available."""


class OcrFailed(UnreadableDocument):
    """The engine failed on a page."""


_engine = None


def recognise(image) -> OcrText:
    """The text of a PIL image, line by line in reading order, with the engine's confidence."""
    engine = _load_engine()
    if engine == "tesseract":
        return _tesseract(image)
    import numpy

    try:
        result, _ = engine(numpy.asarray(image.convert("RGB")))
    except Exception as exc:  # noqa: BLE001 - onnxruntime's errors carry a traceback in their text
        short = "it ran out of memory" if "bad_alloc" in str(exc) else type(exc).__name__
        raise OcrFailed(f"OCR could not read the page ({short})") from None
    lines = _lines(result or [])
    scores = [float(item[2]) for item in result or []]
    confidence = sum(scores) / len(scores) if scores else 0.0
    return OcrText("\n".join(lines), round(confidence, 3), "RapidOCR")


def _load_engine():
    """Tesseract where the machine has it (its English model reads letters better: see the README's
    figures), else RapidOCR from the wheel. DARS_EVIDENCE_OCR=rapidocr or tesseract chooses."""
    global _engine
    if _engine is None:
        wanted = os.environ.get("DARS_EVIDENCE_OCR", "").lower()
        if wanted != "rapidocr" and shutil.which("tesseract") is not None:
            _engine = "tesseract"
            return _engine
        if wanted == "tesseract":
            raise NoOcrEngine(NO_ENGINE)
        # One thread for OpenBLAS, OpenMP and OpenCV: each thread's buffers and stack count against
        # the worker's memory cap (about 700 MB of address space for the engine with one thread).
        for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
        try:
            import cv2

            cv2.setNumThreads(1)
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise NoOcrEngine(NO_ENGINE) from None
        # One thread: onnxruntime's thread pools reserve more address space than the worker's
        # memory cap leaves (std::bad_alloc with two).
        _engine = RapidOCR(print_verbose=False, intra_op_num_threads=1, inter_op_num_threads=1)
    return _engine


def _lines(result: list) -> list[str]:
    """RapidOCR's text boxes joined into lines: boxes whose vertical middles fall within each other's
    height are one line, read left to right; lines top to bottom."""
    boxes = []
    for points, text, _score in result:
        ys = [p[1] for p in points]
        xs = [p[0] for p in points]
        boxes.append((min(ys), max(ys), min(xs), text))
    boxes.sort()
    lines: list[list[tuple[float, float, float, str]]] = []
    for box in boxes:
        middle = (box[0] + box[1]) / 2
        if lines and lines[-1][0][0] <= middle <= lines[-1][0][1]:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [" ".join(b[3] for b in sorted(line, key=lambda b: b[2])) for line in lines]


def _tesseract(image) -> OcrText:
    """A system Tesseract, through its command line (TSV output: a confidence for each word)."""
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "tsv"], input=buffer.getvalue(), capture_output=True, timeout=120
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrFailed(f"OCR could not read the page (Tesseract: {type(exc).__name__})") from None
    rows = [line.split("\t") for line in done.stdout.decode("utf-8", "replace").splitlines()[1:]]
    lines: dict[tuple[str, ...], list[str]] = {}
    scores = []
    for row in rows:
        if len(row) == 12 and row[11].strip() and float(row[10]) >= 0:
            lines.setdefault(tuple(row[1:5]), []).append(row[11])
            scores.append(float(row[10]) / 100)
    confidence = sum(scores) / len(scores) if scores else 0.0
    return OcrText("\n".join(" ".join(words) for words in lines.values()), round(confidence, 3), "Tesseract")
