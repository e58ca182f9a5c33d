"""How a batch shows its progress: a bar on a terminal, one plain line a bundle when stderr is piped.

Either way it shows the bundles done of those to check, the failures so far and an estimate of the
time left (the average time a bundle has taken so far, times the bundles left: with several workers
that is wall-clock time, not the sum of the bundles' own times). Bundles kept from an earlier run
are said once, at the start, and not counted in the total.

Progress goes to stderr only, so that nothing a batch prints can get mixed into piped output.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import click

from pipeline.masking import mask_nhs_numbers
from pipeline.wording import counted


class BatchProgress:
    """Told of the work (`begin`) and of each bundle as it is done (called with target and row)."""

    def __init__(self) -> None:
        self.total = self.done = self.failed = 0
        self.started = time.monotonic()

    def begin(self, total: int, skipped: int) -> None:
        self.total, self.started = total, time.monotonic()
        if skipped:
            self.say(
                f"{counted(skipped, 'bundle')} unchanged since the last run: kept, not checked again "
                f"(--force checks them again); {total} to check"
            )

    def __call__(self, target, row: dict) -> None:
        self.done += 1
        self.failed += row["verdict"] == "failed"
        self.show(target, row)

    def seconds_left(self) -> float | None:
        if not self.done or self.done >= self.total:
            return None
        return (time.monotonic() - self.started) / self.done * (self.total - self.done)

    def state(self) -> str:
        """`2 failed, about 40 s left`: the failures so far and the estimate, as far as known."""
        parts = [f"{self.failed} failed"] if self.failed else []
        left = self.seconds_left()
        if left is not None:
            parts.append(f"about {_duration(left)} left")
        return ", ".join(parts)

    def say(self, text: str) -> None:
        click.echo(mask_nhs_numbers(f"dars-evidence: {text}"), err=True)

    def show(self, target, row: dict) -> None:
        state = self.state()
        line = f"[{self.done}/{self.total}] {describe(target.name, row)}" + (f"; {state}" if state else "")
        click.echo(mask_nhs_numbers(line), err=True)


class _Bar(BatchProgress):
    """The same, drawn as a bar; failures are also printed above it as they happen."""

    def __init__(self, stack: ExitStack) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        columns = (
            TextColumn("checking bundles"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[state]}", markup=False),
            TextColumn("{task.description}", markup=False),
        )
        self.bar = stack.enter_context(Progress(*columns, console=Console(stderr=True), transient=False))
        self.task = self.bar.add_task("", total=None, state="")

    def begin(self, total: int, skipped: int) -> None:
        super().begin(total, skipped)
        self.bar.update(self.task, total=total)

    def say(self, text: str) -> None:
        self.bar.console.print(mask_nhs_numbers(f"dars-evidence: {text}"), markup=False, highlight=False)

    def show(self, target, row: dict) -> None:
        if row["verdict"] == "failed":
            self.bar.console.print(
                mask_nhs_numbers(describe(target.name, row)), markup=False, highlight=False
            )
        self.bar.update(self.task, advance=1, description=mask_nhs_numbers(target.name), state=self.state())


@contextmanager
def batch_progress() -> Iterator[BatchProgress]:
    """A progress for `run_batch`, live for the length of the block: a bar on a terminal."""
    with ExitStack() as stack:
        yield _Bar(stack) if sys.stderr.isatty() else BatchProgress()


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def describe(name: str, row: dict) -> str:
    """One line for one bundle of the batch."""
    if row["verdict"] == "failed":
        return f"{name}: failed: {row['error']}"
    counts = f"{counted(row['errors'], 'error')}, {counted(row['warnings'], 'warning')}"
    return f"{name}: {row['verdict']} ({counts}) in {row['seconds']:.1f} s"
