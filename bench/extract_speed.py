"""How long fact extraction takes on a bundle of about 40 pages (issue 3's target: under a second).

    python bench/extract_speed.py [--pages 40]

Parsing is done first and not timed; extraction is timed cold (the first bundle in a fresh process,
paying for spaCy's pipeline, dateparser's locale data and compiled vocabularies) and warm (the same
documents again, as in a batch). One core: the script runs in one process.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extractors import extract
from pipeline.bundle import open_bundle
from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import parse_document
from pipeline.model import Status

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"


def documents_of_about(pages_wanted: int):
    documents, pages = [], 0
    for bundle_dir in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        with open_bundle(bundle_dir, DEFAULT_LIMITS) as bundle:
            for file in bundle.files:
                data = file.read()  # parsed only: the extraction is what is timed
                document = parse_document(file.path, data, "", DEFAULT_LIMITS)
                if document.status is Status.OK:
                    documents.append(document)
                    pages += document.pages or max(1, document.parsed.text_length // 3000)
        if pages >= pages_wanted:
            return documents, pages
    return documents, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    for label in ("cold", "warm"):
        documents, pages = documents_of_about(args.pages)  # parsed afresh, untimed: tables load lazily
        chars = sum(d.parsed.text_length for d in documents)
        start = time.perf_counter()
        for document in documents:
            document.facts = extract(document)
        seconds = time.perf_counter() - start
        print(
            f"{label}: {len(documents)} documents, {pages} pages (DOCX counted at 3,000 characters a page), "
            f"{chars:,} characters: {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
