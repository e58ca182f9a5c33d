"""The shape of PN-003, PN-005 and PN-006: some privacy notice must state something; which facts show it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checks.base import Check
from checks.context import CheckContext
from checks.evidence import searched
from pipeline.findings import Finding


class NoticeMustState(Check):
    """Fires when no privacy notice holds a fact that shows `what`. Also runs on a notice checked alone."""

    single_document = True
    requires = (("privacy_notice", "PN-001"),)
    searches = ("privacy_notice",)
    what: ClassVar[str]  # "names NHS England as a source of the data"
    shown_by: ClassVar[tuple[tuple[str, ...], ...]]  # alternatives; each a set of fact names all needed

    def skip_reason(self, ctx: CheckContext) -> str | None:
        if ctx.single_document and self.single_document:
            return None if ctx.of_kind("privacy_notice") else "the document is not a privacy notice"
        return super().skip_reason(ctx)

    def shows(self, document) -> bool:
        return any(all(document.facts.named(name) for name in names) for names in self.shown_by)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        notices = ctx.of_kind("privacy_notice")
        if any(self.shows(notice) for notice in notices):
            return
        yield self.finding(
            f"no privacy notice {self.what} (searched {len(notices)} notice(s))", searched=searched(notices)
        )
