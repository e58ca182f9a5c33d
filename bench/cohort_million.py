"""Time and peak memory of `dars-evidence cohort` on a generated 1,000,000-row cohort file.

    python bench/cohort_million.py [--rows 1000000] [--keep DIR]

The file has the template's identifier columns (unique reference, status, NHS number with its check
digit, date of birth, sex, postcode, two names) and a few planted problems, so every per-row path
runs (value checks, keyed hashes for COH-007 and COH-008). The command runs in a child process; its
peak resident memory is the child's `ru_maxrss`. The file is written to a temporary folder and
removed afterwards (unless --keep). Run it once: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "UNIQUE_REFERENCE,STATUS,NHS_NO,DATE_OF_BIRTH,GENDER,POSTCODE,FAMILY_NAME,GIVEN_NAME\n"
SURNAMES = ("Ashby", "Brennan", "Chowdhury", "Davies", "Evans", "Fletcher", "Griffiths", "Hughes", "Iqbal")
FORENAMES = ("Amara", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hassan", "Isla", "Jack")


def nhs_number(rng: random.Random) -> str:
    while True:
        nine = f"{rng.randrange(10**8, 10**9):09d}"
        check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        if check != 10:
            return nine + str(check % 11)


def write_cohort(path: Path, rows: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for index in range(rows):
            nhs = "9434765918" if index % 100_000 == 7 else nhs_number(rng)  # a few fail the check digit
            ref = "P0000001" if index % 250_000 == 9 else f"P{index:07d}"  # a few repeat a reference
            out.write(
                f"{ref},add,{nhs},{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1930, 2005)},"
                f"{rng.choice('12FM')},LS{rng.randint(1, 29)} {rng.randint(0, 9)}AB,"
                f"{rng.choice(SURNAMES)},{rng.choice(FORENAMES)}\n"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="write the file here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cohort-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "NIC-123456_bench.csv"
    try:
        started = time.perf_counter()
        write_cohort(path, args.rows)
        written = time.perf_counter() - started
        tool = Path(sys.executable).parent / "dars-evidence"
        command = [str(tool), "cohort", str(path), "--format", "json", "--as-of", "2024-09-16"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        report = json.loads(done.stdout)
        codes = sorted({f["code"] for f in report["findings"]})
        print(
            f"file: {args.rows:,} rows, {path.stat().st_size / 1024 / 1024:.0f} MB (written in {written:.0f} s)"
        )
        print(f"cohort: {seconds:.1f} s ({cpu:.1f} s of CPU), peak memory {peak_mb:.0f} MB, rows read {report['cohort']['rows']:,}, "
              f"findings {codes}")  # fmt: skip
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
