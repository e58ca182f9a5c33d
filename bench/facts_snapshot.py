"""Every document's extracted facts, one JSON file per bundle: run before and after a speed change
and `diff -r` the two folders. A change that is only meant to be faster must leave them equal.

    python bench/facts_snapshot.py OUT FOLDER [FOLDER ...]

Each FOLDER holds bundles (sub-folders), e.g. sample_docs/bundles, or a corpus kept with
`python bench/run.py --keep DIR`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.bundle import open_bundle
from pipeline.limits import DEFAULT_LIMITS
from pipeline.load import load_document
from pipeline.model import Status


def snapshot(bundle: Path) -> dict[str, dict]:
    documents = {}
    with open_bundle(bundle, DEFAULT_LIMITS) as opened:
        for file in opened.files:
            document = load_document(file, DEFAULT_LIMITS)
            if document.status is not Status.OK:
                continue
            facts = document.facts  # load_document parses and extracts
            documents[file.path] = {
                "kind": facts.kind,
                "title": facts.title,
                "version": facts.version,
                "date": facts.date,
                "references": facts.references,
                "identifiers": facts.identifiers,
                "datasets": facts.datasets,
                "organisations": facts.organisations,
                "facts": [fact.to_dict() for fact in facts.facts],
                "notes": document.parsed.notes,
            }
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    opts = parser.parse_args()
    opts.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for number, folder in enumerate(opts.folders, start=1):
        for bundle in sorted(path for path in folder.iterdir() if path.is_dir()):
            documents = snapshot(bundle)
            count += len(documents)
            text = json.dumps(documents, indent=1, sort_keys=True, default=str)
            (opts.out / f"{number}-{folder.name}__{bundle.name}.json").write_text(text, encoding="utf-8")
    print(f"{count} documents written to {opts.out}")


if __name__ == "__main__":
    main()
