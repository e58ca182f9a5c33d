"""What a check is: a code, a severity, a rule, its own documentation, and a pure `run`.

Checks read the bundle's documents, their facts and the data request from a `CheckContext`, and
return findings. They do no file I/O and no formatting, so each is tested on facts built by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from checks.context import CheckContext
from pipeline.findings import Evidence, Finding, Severity


@dataclass(frozen=True, slots=True)
class CheckDoc:
    """The explanation `dars-evidence checks CODE` prints. Every field is required."""

    finds: str  # what discrepancy it finds
    why: str  # why it matters: the clause of the DARS guidance it rests on
    reads: str  # the facts and request fields it uses
    discrepancy: str  # an example that fires
    consistent: str  # an example that does not
    limits: str  # what it cannot see


class Check:
    code: ClassVar[str]
    severity: ClassVar[Severity]
    title: ClassVar[str]  # the finding's headline, named after the discrepancy
    rule: ClassVar[str]  # exactly when it fires (checks.md)
    action: ClassVar[str]  # what the applicant should supply or change
    doc: ClassVar[CheckDoc]
    needs_request: ClassVar[bool] = False
    single_document: ClassVar[bool] = False  # also runs when one document is checked alone
    basis: ClassVar[str | None] = None  # runs only when the request's common-law basis is this
    # Document kinds that must be in the bundle, each with the check that reports their absence.
    requires: ClassVar[tuple[tuple[str, str], ...]] = ()

    def skip_reason(self, ctx: CheckContext) -> str | None:
        """Why this check cannot run on this bundle, or None when it can."""
        if ctx.single_document and not self.single_document:
            return "a single document was checked: this check needs the data request or the other documents"
        if self.needs_request or self.basis is not None:
            if ctx.request is None:
                return "the bundle has no data request (REQ-002)"
            if not ctx.request.usable:
                return "the data request is invalid (REQ-001)"
        if self.basis is not None and ctx.basis != self.basis:
            return f"the basis is not {self.basis} (it is {ctx.basis})"
        for kind, reported_by in self.requires:
            if not ctx.of_kind(kind):
                return f"the bundle has no {kind} document ({reported_by})"
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        evidence: Iterable[Evidence] = (),
        searched: Iterable[str] = (),
        action: str | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            message=message,
            action=action or self.action,
            evidence=tuple(evidence),
            searched=tuple(searched),
        )
