"""How a batch shows its progress: a bar on a terminal, one plain line a bundle when stderr is piped.

Progress goes to stderr only, so that nothing a batch prints can get mixed into piped output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from pipeline.masking import mask_nhs_numbers
from pipeline.wording import counted


@contextmanager
def batch_progress(total: int) -> Iterator[Callable]:
    """A `progress(target, row)` callback for `run_batch`, live for the length of the block."""
    if sys.stderr.isatty():
        with _bar(total) as tick:
            yield tick
        return
    done = 0

    def log(target, row: dict) -> None:
        nonlocal done
        done += 1
        click.echo(mask_nhs_numbers(f"[{done}/{total}] {describe(target.name, row)}"), err=True)

    yield log


@contextmanager
def _bar(total: int) -> Iterator[Callable]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (
        TextColumn("checking bundles"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("", total=total)

        def tick(target, row: dict) -> None:
            if row["verdict"] == "failed":
                bar.console.print(mask_nhs_numbers(describe(target.name, row)), markup=False, highlight=False)
            bar.update(task, advance=1, description=mask_nhs_numbers(target.name))

        yield tick


def describe(name: str, row: dict) -> str:
    """One line for one bundle of the batch."""
    if row["verdict"] == "failed":
        return f"{name}: failed: {row['error']}"
    counts = f"{counted(row['errors'], 'error')}, {counted(row['warnings'], 'warning')}"
    return f"{name}: {row['verdict']} ({counts}) in {row['seconds']:.1f} s"
