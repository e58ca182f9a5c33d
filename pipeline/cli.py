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
from pipeline.acceptance import ACCEPT_FILE
from pipeline.changes import compare, load_report
from pipeline.errors import DarsError, UsageError
from pipeline.limits import DEFAULT_LIMITS
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


def register_option(command):
    """--cag-register FILE, shared by check and batch: the HRA's register, read once a run."""
    return click.option(
        "--cag-register",
        "cag_register",
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="FILE",
        help="The HRA's CAG register (.xlsx or .csv) for the REG checks: is the support on it, and does "
        "its entry agree with the bundle?",
    )(command)


def _register(path: Path | None, limits):
    """The register, or None without --cag-register. A missing file is a usage error (exit 2); one
    that cannot be read comes back `unreadable`, and only the REG checks are skipped."""
    if path is None:
        return None
    from pipeline.register import load_register

    return load_register(path, limits)


# --output of the commands that write one report (check, cohort).
report_output_option = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of printing it.",
)


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


def selection_options(command):
    """--select, --ignore and --fail-on (report.md, "Configuration"): they win over the file's keys."""
    options = (
        click.option(
            "--select",
            metavar="CODES",
            help="Run only these checks: codes or families, comma-separated (PN,DATA-001).",
        ),
        click.option(
            "--ignore", metavar="CODES", help="Do not run these checks: codes or families, comma-separated."
        ),
        click.option(
            "--fail-on",
            "fail_on",
            type=click.Choice(["error", "warning"]),
            help="Exit 1 on an error (the default), or on a warning too.",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _settings(start: Path | None, select, ignore, fail_on, limits: dict):
    """The configuration file found from `start`, under the options given."""
    from checks import all_checks
    from pipeline.config import load_settings

    codes = [check.code for check in all_checks()]
    return load_settings(start, codes, select, ignore, fail_on, limits)


def _limits(max_file_mb, max_pages, timeout, max_inflated_mb, max_memory_mb=None, max_members=None):
    from dataclasses import replace

    from pipeline.limits import Limits

    limits = Limits.from_options(max_file_mb, max_pages, timeout, max_inflated_mb, max_memory_mb)
    return limits if max_members is None else replace(limits, max_members=max_members)


def accept_option(command):
    """--accept FILE (report.md, "Accepted findings"), shared by check and batch."""
    return click.option(
        "--accept",
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="FILE",
        help=f"Findings a reviewer has accepted (YAML; default: {ACCEPT_FILE} beside the bundle, "
        "or in the queue folder for batch). Accepted findings are shown apart and do not count.",
    )(command)


def acceptances_for(path: Path, accept: Path | None):
    """The entries of --accept FILE, else of the default file beside `path`; None when there is none."""
    from pipeline.acceptance import default_accept_file, load_acceptances

    if accept is not None and not accept.is_file():
        raise UsageError(f"no such acceptance file: {accept}")
    chosen = accept or default_accept_file(path)
    return load_acceptances(chosen) if chosen else None


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
@report_output_option
@click.option(
    "--facts",
    "with_facts",
    is_flag=True,
    help="In the Markdown view, every document's facts too (it may not fit a ticket).",
)
@register_option
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="OLD.json",
    help="An earlier JSON report of this request: the report leads with what changed since it.",
)
@accept_option
@selection_options
@limit_options
@click.option("--cache/--no-cache", "use_cache", default=None, help=CACHE_HELP)
def check(
    path: Path,
    as_of: str | None,
    fmt: str | None,
    output: Path | None,
    with_facts: bool,
    baseline: Path | None,
    accept: Path | None,
    use_cache: bool | None,
    cag_register: Path | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    **limits,
) -> int:
    """Check a bundle (folder or .zip) or a single document."""
    from pipeline.cache import open_cache
    from pipeline.run import check_path
    from pipeline.views import render
    from pipeline.views.text_view import wants_colour

    as_of_date = _as_of(as_of)
    settings = _settings(path, select, ignore, fail_on, limits)
    suffix_format = SUFFIX_FORMATS.get(output.suffix.lower()) if output and str(output) != "-" else None
    fmt = fmt or suffix_format or settings.format or "text"
    cache = open_cache(cache_wanted(use_cache), bundle=path)
    limits = settings.apply_limits(_limits(**limits))
    register = _register(cag_register, limits)
    old_report = load_report(baseline) if baseline else None  # a bad baseline fails before the run
    acceptances = acceptances_for(path, accept)
    report = check_path(
        path, as_of=as_of_date, limits=limits, cache=cache, register=register, settings=settings
    )
    if acceptances is not None:
        report.accept(acceptances)
    data = report.to_dict()
    if old_report is not None:
        data["changes"] = compare(old_report, data, baseline.name)
    colour = output is None and wants_colour(sys.stdout)
    emit(render(data, fmt, colour=colour, facts=with_facts), output)
    return EXIT_ERRORS if report.fails else EXIT_OK


@cli.command(short_help="What changed between two saved JSON reports.")
@click.argument("old", metavar="OLD.json", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", metavar="NEW.json", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the comparison to this file instead of printing it.",
)
def diff(old: Path, new: Path, fmt: str, output: Path | None) -> int:
    """Compare two JSON reports of one request: resolved, new and still-open findings, and added,
    removed and changed documents. Exit 1 when NEW.json has a new finding that is not accepted."""
    from pipeline.views.diff_view import render_diff

    changes = compare(load_report(old), new_report := load_report(new), old.name)
    emit(render_diff(changes, new.name, fmt), output)
    accepted = {f["fingerprint"] for f in new_report["findings"] if f.get("accepted")}
    return EXIT_ERRORS if any(f["fingerprint"] not in accepted for f in changes["new"]) else EXIT_OK


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
@register_option
@accept_option
@selection_options
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
    accept: Path | None,
    force: bool,
    statistics: bool,
    use_cache: bool | None,
    cag_register: Path | None,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    **limits,
) -> int:
    """Check every sub-folder and .zip of each DIR as a bundle; write a report for each, a summary
    and an index. A re-run into the same OUTDIR checks only the bundles that changed."""
    import os

    from pipeline.batch import plan_batch, run_batch
    from pipeline.batch_progress import batch_progress
    from pipeline.batch_statistics import statistics_text

    as_of_date = _as_of(as_of)
    # The configuration is found from the first queue folder, which holds the bundles as the folder
    # `check` starts from holds one; a DIR that is itself a bundle is never searched.
    from pipeline.bundle import REQUEST_NAMES

    is_bundle = any((dirs[0] / name).is_file() for name in REQUEST_NAMES)
    settings = _settings(dirs[0] if is_bundle else dirs[0] / "bundle", select, ignore, fail_on, limits)
    limits = settings.apply_limits(_limits(**limits))
    register = _register(cag_register, limits)  # once, before the first bundle
    # Each queue folder's acceptance file (or --accept for all), read before any bundle is checked
    by_folder = {d.absolute(): acceptances_for(d / "bundle", accept) for d in dirs}
    plan = plan_batch(list(dirs), out)
    for note in plan.notes:
        click.echo(mask_nhs_numbers(f"dars-evidence: note: {note}"), err=True)
    with batch_progress() as progress:
        result = run_batch(
            plan,
            jobs=jobs or os.cpu_count() or 1,
            as_of=as_of_date,
            limits=limits,
            progress=progress,
            use_cache=cache_wanted(use_cache),
            views=views or (settings.format or "html",),
            register=register,
            acceptances=lambda bundle: by_folder.get(bundle.absolute().parent),
            settings=settings,
            force=force,
        )
    for line in result.report_lines():
        click.echo(mask_nhs_numbers(line), err=True)
    if statistics:
        emit(statistics_text(result.statistics, len(result.rows)))
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_ERRORS if result.fails(settings) else EXIT_OK


@cli.command(short_help="Check a participant cohort file (CSV) before it is sent to NHS England.")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--request",
    "request_path",
    type=click.Path(path_type=Path),
    help="The data request: a request.yaml (.yml, .json), or a bundle (a folder or .zip) whose documents "
    "are read too (COH-004).",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="Judge dates at this day (default: the request's submitted date, else today).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    help="Report format (default: text, or from --output's suffix).",
)
@report_output_option
@click.option(
    "--max-file-mb",
    type=click.FloatRange(min=0, min_open=True),
    metavar="MB",
    help="Largest cohort file read (default 250).",
)
def cohort(
    file: Path,
    request_path: Path | None,
    as_of: str | None,
    fmt: str | None,
    output: Path | None,
    max_file_mb: float | None,
) -> int:
    """Check a participant cohort file (CSV): counts, columns and row numbers, never a value from it."""
    import json

    from pipeline.cohort.run import check_cohort
    from pipeline.cohort.text_view import render_cohort_text

    report = check_cohort(file, request_path, as_of=_as_of(as_of), max_file_mb=max_file_mb)
    fmt = fmt or (SUFFIX_FORMATS.get(output.suffix.lower(), "text") if output else "text")
    data = report.to_dict()
    emit(json.dumps(data, indent=2) + "\n" if fmt == "json" else render_cohort_text(data), output)
    return EXIT_ERRORS if report.has_errors else EXIT_OK


@cli.command(short_help="Run the local web service for reviewers and applicants.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dars-evidence-data"),
    show_default=True,
    help="Folder of the database, the uploads and the reports.",
)
@click.option("--max-upload-mb", default=100, show_default=True, type=click.IntRange(1, 4096))
@click.option(
    "--max-files",
    default=DEFAULT_LIMITS.max_members,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Most files in one upload, and members in an uploaded .zip.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Submissions checked at once, each in a worker process.",
)
@click.option("--create-reviewer", metavar="NAME", help="Create a reviewer (password read from stdin) and stop.")
@click.option("--create-applicant", metavar="NAME", help="Create an applicant (password read from stdin) and stop.")
def serve(
    host: str,
    port: int,
    data: Path,
    max_upload_mb: int,
    max_files: int,
    workers: int,
    create_reviewer: str | None,
    create_applicant: str | None,
) -> int:
    """Serve the queue of requests, uploads and reports in a browser, with a JSON API under /api/."""
    from pipeline.service.command import create_account, run_service

    if create_reviewer or create_applicant:
        role = "reviewer" if create_reviewer else "applicant"
        return create_account(data, create_reviewer or create_applicant, role, sys.stdin)
    return run_service(host, port, data, max_upload_mb, workers, max_files)


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
