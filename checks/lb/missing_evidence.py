"""The shape shared by LB-002, LB-003, LB-004 and S251-001: a basis that needs a kind of document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checks.base import Check
from checks.context import CheckContext
from checks.evidence import describe, request_evidence, searched
from pipeline.findings import Finding


class MissingEvidenceDocument(Check):
    """Fires when the request's basis is `basis` and no document of kind `needed_kind` is in the bundle."""

    needed_kind: ClassVar[str]
    needed_words: ClassVar[str]  # "a CAG approval letter"

    def searched_kinds(self, ctx: CheckContext) -> tuple[str, ...]:
        return (self.needed_kind,)

    def held_back(self, finding: Finding) -> tuple[str, str]:
        return f"the basis is {self.basis} and the bundle has no readable {self.needed_words}", "may be it"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.of_kind(self.needed_kind):
            return
        yield self.finding(
            f"the basis is {self.basis} but the bundle has no {self.needed_words}; searched: {describe(ctx.readable)}",
            evidence=[request_evidence(ctx, "legal_basis.common_law")],
            searched=searched(ctx.readable) or ("the bundle (no readable documents)",),
        )
