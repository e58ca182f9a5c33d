"""The `dars-evidence` command: a thin layer over `pipeline.run`, the views and the catalogue.

Exit status: 0 when the report has no error finding, 1 when it has one, 2 when the command itself
could not run (one line on stderr, never a traceback). Everything printed passes through `emit`,
which masks NHS numbers.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from pipeline import __version__
from pipeline.errors import DarsError, UsageError
from pipeline.masking import mask_nhs_numbers

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's own status for a command stopped by Ctrl-C
SUFFIX_FORMATS = {".json": "json", ".txt": "text", ".html": "html", ".htm": "html", ".md": "md"}
CACHE_HELP = (
    "Keep parsed documents in a cache ($XDG_CACHE_HOME/dars-evidence or ~/.cache/dars-evidence) so a "
    "re-run of an unchanged bundle skips parsing (also DARS_EVIDENCE_CACHE=1). Off by default: "
    "without it the tool writes nothing but its output."
)


def cache_wanted(flag: bool | None) -> bool:
    """--cache / --no-cache, else DARS_EVIDENCE_CACHE=1: the cache is opt-in, so that by default the
    tool writes nothing outside its output (issue 6)."""
    import os

    if flag is not None:
        return flag
    return os.environ.get("DARS_EVIDENCE_CACHE", "").strip().lower() in ("1", "true", "yes", "on")


def emit(text: str, output: Path | None = None) -> None:
    """Print or write `text`, NHS numbers masked. The only way output leaves the tool."""
    text = mask_nhs_numbers(text)
    if output is None or str(output) == "-":  # "-o -": standard output, as the convention goes
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None


def _as_of(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--as-of"
        ) from None


def limit_options(command):
    """--max-file-mb, --max-pages, --timeout and --max-inflated-mb, shared by check, batch and extract."""
    positive = click.FloatRange(min=0, min_open=True)
    options = (
        click.option("--max-file-mb", type=positive, metavar="MB", help="Largest file read (default 50)."),
        click.option(
            "--max-pages", type=click.IntRange(min=1), metavar="N", help="Most PDF pages (default 2000)."
        ),
        click.option(
            "--timeout",
            type=positive,
            metavar="SECONDS",
            help="Time to read one document, and again to extract its facts (default 60).",
        ),
        click.option(
            "--max-inflated-mb",
            type=positive,
            metavar="MB",
            help="Most a DOCX or a .zip bundle may inflate to (default 500).",
        ),
        click.option(
            "--max-memory-mb",
            type=positive,
            metavar="MB",
            help="Memory the worker reading one document may take (default 1024).",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return member_limit_option(command)


def member_limit_option(command):
    """--max-members (issue 11): a .zip bundle or a DOCX over it is a DOC-001 that names it."""
    return click.option(
        "--max-members",
        type=click.IntRange(min=1),
        metavar="N",
        help="Most members of a .zip bundle, or parts of a DOCX (default 10000).",
    )(command)


def _limits(max_file_mb, max_pages, timeout, max_inflated_mb, max_memory_mb=None, max_members=None):
    from dataclasses import replace

    from pipeline.limits import Limits

    limits = Limits.from_options(max_file_mb, max_pages, timeout, max_inflated_mb, max_memory_mb)
    return limits if max_members is None else replace(limits, max_members=max_members)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="dars-evidence")
def cli() -> None:
    """Check a DARS evidence bundle: every finding with the document, page and words behind it."""


@cli.command(short_help="Check a bundle (a folder or .zip) or one document.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Judge dates at this day (default: the request's submitted date, else today).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "md"]),
    help="Report format (default: text, or from --output's suffix).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of printing it.",
)
@click.option(
    "--facts",
    "with_facts",
    is_flag=True,
    help="In the Markdown view, every document's facts too (it may not fit a ticket).",
)
@limit_options
@click.option("--cache/--no-cache", "use_cache", default=None, help=CACHE_HELP)
def check(
    path: Path,
    as_of: str | None,
    fmt: str | None,
    output: Path | None,
    with_facts: bool,
    use_cache: bool | None,
    **limits,
) -> int:
    """Check a bundle (folder or .zip) or a single document."""
    from pipeline.cache import open_cache
    from pipeline.run import check_path
    from pipeline.views import render
    from pipeline.views.text_view import wants_colour

    as_of_date = _as_of(as_of)
    fmt = fmt or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    cache = open_cache(cache_wanted(use_cache), bundle=path)
    report = check_path(path, as_of=as_of_date, limits=_limits(**limits), cache=cache)
    colour = output is None and wants_colour(sys.stdout)
    emit(render(report.to_dict(), fmt, colour=colour, facts=with_facts), output)
    return EXIT_ERRORS if report.has_errors else EXIT_OK


@cli.command(short_help="The facts extracted from one document.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@limit_options
def extract(file: Path, fmt: str, **limits) -> int:
    """Show the facts extracted from one document, with where each was found."""
    from pipeline.extract_view import extract_file

    text, readable = extract_file(file, fmt, _limits(**limits))
    emit(text)
    return EXIT_OK if readable else EXIT_ERRORS


@cli.command(name="checks", short_help="The check catalogue, or one check explained.")
@click.argument("code", required=False)
def checks_command(code: str | None) -> int:
    """List the check catalogue, or explain one check (e.g. `checks S251-004`)."""
    from pipeline.catalogue_view import describe_check, list_checks

    emit(describe_check(code) if code else list_checks())
    return EXIT_OK


@cli.command(short_help="Check a queue of bundles; a report each and a summary.")
@click.argument("dirs", metavar="DIR...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "--output",
    "-o",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for NAME.json, NAME.html and summary.csv (made if missing; not inside a DIR).",
)
@click.option(
    "--format",
    "views",
    multiple=True,
    type=click.Choice(["html", "md", "text", "json"]),
    help="The view written beside each NAME.json (default html; repeat for more: --format html --format md).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Worker processes (default: the number of cores; 1 runs everything in this process).",
)
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Judge dates at this day in every bundle.")
@click.option(
    "--force",
    is_flag=True,
    help="Check every bundle again, even those unchanged since the last run in OUTDIR.",
)
@click.option(
    "--statistics", is_flag=True, help="Print the findings counted by code across the queue (on stdout)."
)
@limit_options
@click.option("--cache/--no-cache", "use_cache", default=None, help=CACHE_HELP)
def batch(
    dirs: tuple[Path, ...],
    out: Path,
    views: tuple[str, ...],
    jobs: int | None,
    as_of: str | None,
    force: bool,
    statistics: bool,
    use_cache: bool | None,
    **limits,
) -> int:
    """Check every sub-folder and .zip of each DIR as a bundle; write a report for each, a summary
    and an index. A re-run into the same OUTDIR checks only the bundles that changed."""
    import os

    from pipeline.batch import plan_batch, run_batch
    from pipeline.batch_progress import batch_progress
    from pipeline.batch_statistics import statistics_text

    as_of_date = _as_of(as_of)
    plan = plan_batch(list(dirs), out)
    for note in plan.notes:
        click.echo(mask_nhs_numbers(f"dars-evidence: note: {note}"), err=True)
    with batch_progress() as progress:
        result = run_batch(
            plan,
            jobs=jobs or os.cpu_count() or 1,
            as_of=as_of_date,
            limits=_limits(**limits),
            progress=progress,
            use_cache=cache_wanted(use_cache),
            views=views or ("html",),
            force=force,
        )
    for line in result.report_lines():
        click.echo(mask_nhs_numbers(line), err=True)
    if statistics:
        emit(statistics_text(result.statistics, len(result.rows)))
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_ERRORS if result.has_errors else EXIT_OK


def main(argv: list[str] | None = None) -> None:
    try:
        status = cli.main(args=argv, prog_name="dars-evidence", standalone_mode=False)
    except click.exceptions.Exit as exc:
        status = exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:  # no command: the usage, whole, on stderr
        click.echo(exc.ctx.get_help(), err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        _fail("interrupted")
    except click.ClickException as exc:
        _fail(exc.format_message())
    except DarsError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
    except Exception as exc:  # noqa: BLE001 - a traceback is a bug; the user still gets one line
        _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")
    sys.exit(status if isinstance(status, int) else EXIT_OK)


def _fail(message: str) -> None:
    one_line = " ".join(mask_nhs_numbers(str(message)).split())
    click.echo(f"dars-evidence: error: {one_line}", err=True)
    sys.exit(EXIT_USAGE)
