"""The speed benchmark of issue 7: one command, a generated corpus, every figure against its target.

    python bench/run.py [--repeat 3] [--keep DIR] [--output FILE]

It renders the corpus of `bench/corpus.py` (bundles of 9 to 400 PDF pages) into a temporary folder
and measures, in the same run and each in a fresh process as a user runs it:

- `dars-evidence check` of every bundle with the parsed-document cache off (`--no-cache`, the
  default: a first run) and on (`--cache`, a re-run of the unchanged bundle), its peak memory, and
  PDF pages per second;
- the time pdfplumber alone takes to `extract_text()` the same PDFs (each page closed) plus
  python-docx reading the DOCX files, timed after the imports;
- `dars-evidence batch --jobs 1` against `--jobs 2` on the sample queue (its 56 bundles and the
  broken .zip), cache off, and `--jobs 2` with the cache on;
- for that queue of small bundles (issue 15), the same files read bare (PDFium's text of every
  page and lxml of each DOCX's `word/document.xml`: the floor) and by pdfplumber plus python-docx,
  against the batch, and each of issue 15's targets with its figure;
- the start-up of `dars-evidence --version` and of a single-document `check`.

It prints a Markdown table with the machine and the date. Timings are medians of `--repeat` runs.
The cache lives in a temporary folder for the run (XDG_CACHE_HOME), never the user's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SAMPLES, SIZES, write_corpus  # noqa: E402
from measure import bare_baseline, machine, median_run, pdf_pages, pdfplumber_baseline, tool  # noqa: E402

TYPICAL = ("s251-typical-100", "consent-typical-100")
HUGE = "s251-huge-400"
# Documents checked alone: a letter (its text, and a table pdfplumber reads), and a DOCX notice.
SINGLE_DOCUMENTS = (
    ("the CAG outcome letter, a 4-page PDF", "cag/23-CAG-0088 outcome letter.pdf"),
    ("the privacy notice, a DOCX", "privacy-notice.docx"),
)


def cache_options(exe: str) -> tuple[list[str], list[str]]:
    """(off, on): the options that turn the cache of parsed documents off and on. The cache is
    opt-in (`--cache`); a version without one runs cold either way."""
    done = subprocess.run([exe, "check", "--help"], capture_output=True, text=True)
    if "--cache" not in done.stdout:
        return [], []
    return ["--no-cache"], ["--cache"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the median is shown")
    parser.add_argument(
        "--keep", type=Path, help="write the corpus here and keep it (default: a temp folder)"
    )
    parser.add_argument("--output", "-o", type=Path, help="also write the table to this file")
    opts = parser.parse_args(argv)
    exe = tool()
    work = Path(tempfile.mkdtemp(prefix="dars-bench-"))
    try:
        corpus = opts.keep or work / "corpus"
        if corpus.exists() and any(corpus.iterdir()):
            raise SystemExit(f"{corpus} is not empty: give --keep a new folder")
        corpus.mkdir(parents=True, exist_ok=True)
        print(f"rendering the corpus into {corpus} ...", file=sys.stderr)
        bundles = write_corpus(corpus)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "NO_COLOR": "1"}
        for variable in ("DARS_EVIDENCE_NO_CACHE", "DARS_EVIDENCE_CACHE"):
            env.pop(variable, None)
        table = measure_all(exe, bundles, work, env, cache_options(exe), max(1, opts.repeat))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table)
    if opts.output:
        opts.output.write_text(table + "\n", encoding="utf-8")
    return 0


def measure_all(exe, bundles, work, env, options, repeat) -> str:
    cold, warm_option = options
    lines = [
        f"Machine: {machine()}. Date: {date.today().isoformat()}. Medians of {repeat} runs.",
        "",
        "| bundle | documents | PDF pages | pdfplumber + python-docx | `check`, cache off | speed-up "
        "| pages/s | peak memory | `check` again, cache on | speed-up |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    figures = {}
    for name, folder in bundles.items():
        print(f"measuring {name} ...", file=sys.stderr)
        documents, pages = pdf_pages(folder)
        base = pdfplumber_baseline(folder)["seconds"]
        check = median_run([exe, "check", str(folder), *cold], repeat, env)
        median_run([exe, "check", str(folder), *warm_option], 1, env)  # fills the cache
        warm = median_run([exe, "check", str(folder), *warm_option], repeat, env)
        figures[name] = (base, check, pages, warm)
        lines.append(
            f"| {name} | {documents} | {pages} | {base:.2f} s | {check.seconds:.2f} s "
            f"| {base / check.seconds:.1f}x | {pages / check.seconds:.0f} | {check.max_rss_mb:.0f} MB "
            f"| {warm.seconds:.2f} s | {base / warm.seconds:.0f}x |"
        )

    print("measuring batch --jobs 1 and --jobs 2 ...", file=sys.stderr)
    queue = work / "queue"
    shutil.copytree(SAMPLES, queue, ignore=shutil.ignore_patterns("keys.json"))
    count = sum(1 for p in queue.iterdir() if p.is_dir() or p.suffix == ".zip")
    jobs = {}
    for n in (1, 2):
        out = work / f"batch-{n}"
        # --force: every run checks every bundle (a batch keeps what an earlier run in OUTDIR checked)
        argv = [exe, "batch", str(queue), "--out", str(out), "--jobs", str(n), "--force", *cold]
        jobs[n] = median_run(argv, repeat, env)
        shutil.rmtree(out, ignore_errors=True)
    # The queue of small bundles (issue 15): the same files read bare (the floor) and by
    # pdfplumber plus python-docx, against the batch above.
    queue_pages = sum(pdf_pages(p)[1] for p in queue.iterdir() if p.is_dir())
    queue_documents = sum(pdf_pages(p)[0] for p in queue.iterdir() if p.is_dir())
    bare = statistics.median(bare_baseline(queue)["seconds"] for _ in range(repeat))
    plumber = pdfplumber_baseline(queue)["seconds"]
    # With the cache on, a first run already gains where bundles share documents (variants of one
    # study); a re-run of the queue reads every document from the cache.
    fresh = {**env, "XDG_CACHE_HOME": str(work / "cache-batch")}
    argv = [exe, "batch", str(queue), "--out", str(work / "batch-cached"), "--jobs", "2", "--force", *warm_option]
    cached = (median_run(argv, 1, fresh), median_run(argv, repeat, fresh))
    # Resume (issue 15): a first run into OUTDIR, then the same command again, which keeps every
    # unchanged bundle (cache off).
    resumed_out = work / "batch-resume"
    argv = [exe, "batch", str(queue), "--out", str(resumed_out), "--jobs", "2", *cold]
    resumed = (median_run([*argv, "--force"], 1, env), median_run(argv, repeat, env))

    print("measuring start-up ...", file=sys.stderr)
    version = median_run([exe, "--version"], max(5, repeat), env)
    singles = {}
    for label, relative in SINGLE_DOCUMENTS:
        document = str(bundles[next(iter(SIZES))] / relative)
        cold_run = median_run([exe, "check", document, *cold], repeat, env)
        median_run([exe, "check", document, *warm_option], 1, env)
        singles[label] = (cold_run, median_run([exe, "check", document, *warm_option], repeat, env))

    lines += [
        "",
        "| batch of the sample queue | wall-clock | bundles/s |",
        "| --- | ---: | ---: |",
        *(
            f"| `--jobs {n}`, cache off ({count} bundles) | {jobs[n].seconds:.1f} s | {count / jobs[n].seconds:.2f} |"
            for n in (1, 2)
        ),
        f"| `--jobs 2`, cache on, empty at the start | {cached[0].seconds:.1f} s | {count / cached[0].seconds:.2f} |",
        f"| `--jobs 2`, cache on, the same queue again | {cached[1].seconds:.1f} s "
        f"| {count / cached[1].seconds:.2f} |",
        f"| `--jobs 2`, first run into an empty OUTDIR | {resumed[0].seconds:.1f} s | {count / resumed[0].seconds:.2f} |",
        f"| `--jobs 2`, the same command again (unchanged bundles kept) | {resumed[1].seconds:.2f} s "
        f"| {count / resumed[1].seconds:.2f} |",
        "",
        f"| queue of small bundles: the sample queue ({count} bundles, {queue_documents} documents, "
        f"{queue_pages} PDF pages) | wall-clock | against the bare read | pdfplumber's speed-up over it |",
        "| --- | ---: | ---: | ---: |",
        f"| bare read: PDFium text of every page, lxml of each DOCX's `word/document.xml` | {bare:.2f} s | 1x | |",
        f"| pdfplumber `extract_text` (pages closed) plus python-docx | {plumber:.2f} s | {plumber / bare:.0f}x | |",
        *(
            f"| `dars-evidence batch --jobs {n}`, cache off | {jobs[n].seconds:.2f} s "
            f"| {jobs[n].seconds / bare:.1f}x | {plumber / jobs[n].seconds:.1f}x |"
            for n in (1, 2)
        ),
        "",
        "| start-up | cache off | cache on |",
        "| --- | ---: | ---: |",
        f"| `dars-evidence --version` | {version.seconds:.2f} s | |",
        *(
            f"| `check` of one document: {label} | {cold_run.seconds:.2f} s | {warm_run.seconds:.2f} s |"
            for label, (cold_run, warm_run) in singles.items()
        ),
        "",
        *targets(figures, jobs, version, singles),
        "",
        *queue_targets(figures, jobs, resumed, bare, plumber),
    ]
    return "\n".join(lines)


def queue_targets(figures, jobs, resumed, bare, plumber) -> list[str]:
    """Issue 15's targets, each with its figure."""

    def row(what: str, figure: str, met: bool) -> str:
        return f"| {what} | {figure} | {'met' if met else 'missed'} |"

    typical = {name: figures[name][0] / figures[name][1].seconds for name in TYPICAL}
    _, huge, pages, _ = figures[HUGE]
    ratio = jobs[1].seconds / jobs[2].seconds
    rerun = resumed[1].seconds / resumed[0].seconds
    return [
        "| target (issue 15) | figure | |",
        "| --- | --- | --- |",
        row(
            "small-bundle queue: `batch --jobs 1` at least 10x faster than pdfplumber's bare pass",
            f"{plumber / jobs[1].seconds:.1f}x",
            plumber / jobs[1].seconds >= 10,
        ),
        row(
            "small-bundle queue: `batch --jobs 1` at most 8x the bare PDFium and lxml read",
            f"{jobs[1].seconds / bare:.1f}x",
            jobs[1].seconds / bare <= 8,
        ),
        row(
            "typical 100-page bundle, first run: at least 10x faster than pdfplumber",
            ", ".join(f"{name}: {r:.1f}x" for name, r in typical.items()),
            min(typical.values()) >= 10,
        ),
        row(
            "400-page bundle: at least 100 pages a second",
            f"{pages / huge.seconds:.0f} pages/s",
            pages / huge.seconds >= 100,
        ),
        row("400-page bundle: peak memory under 300 MB", f"{huge.max_rss_mb:.0f} MB", huge.max_rss_mb < 300),
        row("`--jobs 2` at least 1.8x the throughput of `--jobs 1`", f"{ratio:.2f}x", ratio >= 1.8),
        row(
            "re-run of the unchanged queue under 10% of the first run (`--jobs 2`, cache off)",
            f"{rerun:.0%}",
            rerun < 0.10,
        ),
    ]


def targets(figures, jobs, version, singles) -> list[str]:
    def row(what: str, first: tuple[str, bool], again: tuple[str, bool] | None = None) -> str:
        cells = [what, first[0], "met" if first[1] else "missed"]
        cells += [again[0], "met" if again[1] else "missed"] if again else ["", ""]
        return "| " + " | ".join(cells) + " |"

    def speedups(column: int) -> tuple[str, bool]:
        ratios = {name: figures[name][0] / figures[name][column].seconds for name in TYPICAL}
        return ", ".join(f"{name}: {r:.1f}x" for name, r in ratios.items()), min(ratios.values()) >= 10

    _, huge, pages, huge_warm = figures[HUGE]
    rate, rate_warm = pages / huge.seconds, pages / huge_warm.seconds
    ratio = jobs[1].seconds / jobs[2].seconds
    single = max(cold_run.seconds for cold_run, _ in singles.values())
    single_warm = max(warm_run.seconds for _, warm_run in singles.values())
    return [
        "| target (issue 7) | first run (cache off) | | re-run (cache on) | |",
        "| --- | --- | --- | --- | --- |",
        row(
            "`check` of a typical bundle at least 10x faster than pdfplumber's text extraction",
            speedups(1),
            speedups(3),
        ),
        row(
            "at least 100 pages/s end to end (the 400-page bundle)",
            (f"{rate:.0f} pages/s", rate >= 100),
            (f"{rate_warm:.0f} pages/s", rate_warm >= 100),
        ),
        row(
            "peak memory under 300 MB (the 400-page bundle)",
            (f"{huge.max_rss_mb:.0f} MB", huge.max_rss_mb < 300),
        ),
        row("`--jobs 2` at least 1.7x the throughput of `--jobs 1`", (f"{ratio:.2f}x", ratio >= 1.7)),
        row("`--version` under 0.3 s", (f"{version.seconds:.2f} s", version.seconds < 0.3)),
        row(
            "single-document `check` under 1.5 s (the slower of the two)",
            (f"{single:.2f} s", single < 1.5),
            (f"{single_warm:.2f} s", single_warm < 1.5),
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
