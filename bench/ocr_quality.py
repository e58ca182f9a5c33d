"""How well OCR reads the project's own documents: sample PDFs rendered to images at 200 dpi (as a
scanner would), turned into image-only PDFs, and read back through the tool.

    python bench/ocr_quality.py [--pages 2] [PDF ...]

For each document (by default 8 of the sample bundles' PDFs), its first `--pages` pages are kept
twice: as the text PDF, and as a scan of them (an image-only PDF at 200 dpi). Both are read and
their facts extracted by the tool. It prints the character error rate of the OCR text against the
text layer (edit distance over the text layer's length, spaces collapsed; and with spaces removed,
since the engine's models drop some), the key facts of the text PDF that the scan gives too (kind,
version, date, CAG reference, each identifier), and the seconds a page OCR took.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import time
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import extract_within_limit, parse_document

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs" / "bundles"
DEFAULT = [
    "s251-baseline/cag/23-CAG-0088 outcome letter.pdf",
    "s251-baseline/cag/CAG application form v1.0 - CAPRA.pdf",
    "s251-baseline/ethics/REC-favourable-opinion-23-WM-0091.pdf",
    "s251-baseline/cohort/CAPRA-News-issue-3.pdf",
    "consent-baseline/REC/18-EM-0042 favourable opinion.pdf",
    "consent-baseline/consent/kingfisher-consent-v3-040521.pdf",
    "consent-baseline/pis/pis-v3.0.pdf",
    "consent-baseline/protocol/KINGFISHER_Protocol_v4.0.pdf",
]
DPI = 200


def pages_pdf(data: bytes, pages: int) -> tuple[bytes, list]:
    """The first `pages` pages as a text PDF, and as images rendered at DPI."""
    source = pdfium.PdfDocument(data)
    keep = list(range(min(pages, len(source))))
    subset = pdfium.PdfDocument.new()
    subset.import_pages(source, keep)
    buffer = io.BytesIO()
    subset.save(buffer)
    images = [source[i].render(scale=DPI / 72).to_pil().convert("RGB") for i in keep]
    return buffer.getvalue(), images


def scan_pdf(images: list) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=DPI)
    return buffer.getvalue()


def read(name: str, data: bytes):
    document = parse_document(name, data, hashlib.sha256(data).hexdigest(), DEFAULT_LIMITS)
    extract_within_limit(document, DEFAULT_LIMITS)
    return document


def key_facts(document) -> set[tuple[str, str]]:
    facts = document.facts
    if facts is None:
        return set()
    found = {("kind", str(facts.kind)), ("version", str(facts.version)), ("date", str(facts.date))}
    found = {pair for pair in found if pair[1] not in ("None", "unknown")}
    found |= {("cag", ref) for ref in facts.references.get("cag", [])}
    found |= {("identifier", item) for item in facts.identifiers}
    return found


def distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=2)
    opts = parser.parse_args()
    paths = opts.pdfs or [SAMPLES / p for p in DEFAULT]
    totals = {"chars": 0, "errors": 0, "errors_nospace": 0, "chars_nospace": 0, "facts": 0, "found": 0}
    seconds = pages = 0.0
    print("| document | pages | CER | CER without spaces | key facts recovered | s/page | missed |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for path in paths:
        text_pdf, images = pages_pdf(path.read_bytes(), opts.pages)
        original = read("original.pdf", text_pdf)
        started = time.perf_counter()
        scanned = read("scan.pdf", scan_pdf(images))
        elapsed = time.perf_counter() - started
        truth = [
            " ".join(b.text.split()) for b in original.parsed.blocks if b.page and b.part.value == "body"
        ]
        got = [" ".join(b.text.split()) for b in scanned.parsed.blocks if b.page and b.part.value == "body"]
        errors = sum(distance(t, g) for t, g in zip(truth, got, strict=False))
        chars = sum(len(t) for t in truth)
        nospace = [(re.sub(r"\s", "", t), re.sub(r"\s", "", g)) for t, g in zip(truth, got, strict=False)]
        errors_ns = sum(distance(t, g) for t, g in nospace)
        chars_ns = sum(len(t) for t, _ in nospace)
        wanted, found = key_facts(original), key_facts(scanned)
        totals["chars"] += chars
        totals["errors"] += errors
        totals["chars_nospace"] += chars_ns
        totals["errors_nospace"] += errors_ns
        totals["facts"] += len(wanted)
        totals["found"] += len(wanted & found)
        seconds += elapsed
        pages += len(images)
        missed = ", ".join(f"{k} {v}" for k, v in sorted(wanted - found)) or "-"
        print(
            f"| {path.name} | {len(images)} | {errors / max(chars, 1):.1%} | {errors_ns / max(chars_ns, 1):.1%} "
            f"| {len(wanted & found)}/{len(wanted)} | {elapsed / len(images):.1f} | {missed} |",
            flush=True,
        )
    print(
        f"| all | {pages:.0f} | {totals['errors'] / max(totals['chars'], 1):.1%} "
        f"| {totals['errors_nospace'] / max(totals['chars_nospace'], 1):.1%} "
        f"| {totals['found']}/{totals['facts']} ({totals['found'] / max(totals['facts'], 1):.0%}) "
        f"| {seconds / max(pages, 1):.1f} | |"
    )


if __name__ == "__main__":
    main()
