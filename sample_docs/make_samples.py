#!/usr/bin/env python3
"""Rebuild the sample evidence bundles and their keys.

    python sample_docs/make_samples.py [--out DIR] [--table]

Writes every bundle (a folder, or a .zip) and keys.json into DIR (default: sample_docs/bundles), after
removing what a previous run left there. The output is byte-for-byte the same on every run.
``--table`` prints the Markdown table of bundles for sample_docs/README.md instead.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.bundles import all_bundles  # noqa: E402
from generator.keys import keys_json  # noqa: E402
from generator.register import write_registers  # noqa: E402
from generator.writer import write  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "bundles"


def build(out: Path) -> list:
    bundles = all_bundles()
    names = [b.name for b in bundles]
    assert len(names) == len(set(names)), "bundle names must be unique"
    if out.exists():
        if any(out.iterdir()) and not (out / "keys.json").exists():
            raise SystemExit(f"refusing to clear {out}: it holds files but no keys.json")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for bundle in bundles:
        write(bundle, out)
    (out / "keys.json").write_text(keys_json(bundles), encoding="utf-8")
    write_registers(out)
    write_broken_archive(out)
    return bundles


BROKEN_ARCHIVE = "broken-archive.zip"


def write_broken_archive(out: Path) -> None:
    """A bundle that cannot be opened at all: a zip cut off part-way, as an interrupted upload leaves it.

    It has no right answers (the tool cannot read it, so `check` exits 2), so it is not in keys.json;
    it is there so that `dars-evidence batch sample_docs/bundles` meets a broken bundle in its queue.
    """
    whole = (out / "consent-zipped.zip").read_bytes()
    (out / BROKEN_ARCHIVE).write_bytes(whole[: len(whole) // 3])


def table() -> str:
    rows = ["| bundle | expect | allow | what it plants |", "| --- | --- | --- | --- |"]
    for b in all_bundles():
        name = f"`{b.name}.zip`" if b.archive else f"`{b.name}`"
        rows.append(f"| {name} | {', '.join(b.expect) or '–'} | {', '.join(b.allow) or '–'} | {b.note} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    ap.add_argument("--table", action="store_true", help="print the README table of bundles and exit")
    opts = ap.parse_args(argv)
    if opts.table:
        print(table())
        return 0
    bundles = build(opts.out)
    print(f"wrote {len(bundles)} bundles and keys.json to {opts.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
