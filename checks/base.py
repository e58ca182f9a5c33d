"""What a check is: a code, a severity, a rule, its own documentation, and a pure `run`.

Checks read the bundle's documents, their facts and the data request from a `CheckContext`, and
return findings. They do no file I/O and no formatting, so each is tested on facts built by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from checks.context import CheckContext
from pipeline.findings import Evidence, Finding, Severity, Skip
from pipeline.model import Document, Status

BUNDLE = "the bundle"  # `Check.about` for a check with at most one finding a bundle


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
    # The kinds of document searched for what this check reports missing: its findings rest on the
    # absence of such a document, or on its silence. A document that could not be read contributes
    # no facts and nothing fires because of its silence (checks.md), so while one that may be of
    # these kinds is in the bundle a finding is held back, and the report says why (`results`).
    searches: ClassVar[tuple[str, ...]] = ()
    # What each finding is about, hashed into its fingerprint with the subject given to `finding`:
    # BUNDLE for a check that fires at most once a bundle; else the kind of thing ("dataset",
    # "organisation", "document"...), and each finding must name which one.
    about: ClassVar[str] = BUNDLE

    def searched_kinds(self, ctx: CheckContext) -> tuple[str, ...]:
        """`searches`, for a check whose kinds depend on the bundle (DATA-001: on the basis)."""
        return self.searches

    def skip_reason(self, ctx: CheckContext) -> str | None:
        """Why this check cannot run on this bundle, or None when it can."""
        if ctx.single_document and not self.single_document:
            return "a single document was checked: this check needs the data request or the other documents"
        if self.needs_request or self.basis is not None:
            if ctx.request is None:
                return no_request_reason(ctx)
            if not ctx.request.usable:
                return "the data request is invalid (REQ-001)"
        if self.basis is not None and ctx.basis != self.basis:
            return f"the basis is not {self.basis} (it is {ctx.basis})"
        if not ctx.documents and (self.requires or self.searched_kinds(ctx)):
            return "the bundle holds no document (DOC-008)"
        for kind, reported_by in self.requires:
            if not ctx.of_kind(kind):
                return missing_kind_reason(ctx, kind, reported_by)
        return None

    def run(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        """The findings; a check may also yield a `Skip` for a finding it cannot decide (see `undecided`)."""
        raise NotImplementedError

    def results(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        """`run`, with each finding that rests on an absence held back while a document that could not
        be read may hold what was not found: that finding is reported as undecided instead."""
        kinds = self.searched_kinds(ctx)
        unread = ctx.unread_may_be(*kinds) if kinds else ()
        for item in self.run(ctx):
            if unread and isinstance(item, Finding):
                what, may = self.held_back(item)
                item = self.undecided(what, unread, may=may)
            yield item

    def held_back(self, finding: Finding) -> tuple[str, str]:
        """What a held-back finding would have said, and what the unread documents may be (`undecided`)."""
        return finding.message, "may hold what is missing"

    def undecided(self, what: str, unread: Iterable[Document], may: str = "may hold what is missing") -> Skip:
        """A finding not reported because `unread` documents might answer it: listed with the skipped
        checks, so the report says what could not be decided and why."""
        unread = tuple(unread)
        if len(unread) > 1:
            may = "one of them " + may if may == "may be it" else "they " + may
        return Skip(self.code, f"not reported: {what}; but {unread_words(unread)}, and {may}")

    def finding(
        self,
        message: str,
        evidence: Iterable[Evidence] = (),
        searched: Iterable[str] = (),
        action: str | None = None,
        subject: str | None = None,
    ) -> Finding:
        if subject is None and self.about != BUNDLE:
            raise ValueError(f"{self.code}: each finding is about one {self.about}; name it (subject=)")
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            message=message,
            action=action or self.action,
            evidence=tuple(evidence),
            searched=tuple(searched),
            subject=f"{self.about}: {subject or ''}",
        )


def no_request_reason(ctx: CheckContext) -> str:
    """Why a check that needs the data request is skipped when there is none to read."""
    if ctx.unread_request is not None:  # a request present at the root, refused or over a limit
        return f"{ctx.unread_request.path}, the data request, is present but could not be read (DOC-001)"
    return "the bundle has no data request (REQ-002)"


def missing_kind_reason(ctx: CheckContext, kind: str, reported_by: str) -> str:
    """Why a check that needs a document of `kind` is skipped: there is none (`reported_by` says so),
    or none that could be read, while a file that may be one is present."""
    unread = ctx.unread_may_be(kind)
    if unread:
        return f"no readable {kind} document: {unread_words(unread)}, and may be one"
    return f"the bundle has no {kind} document ({reported_by})"


def unread_words(documents: tuple[Document, ...]) -> str:
    """'pis/v1.pdf is present but could not be read (DOC-001)', for one or more documents."""

    def code(document: Document) -> str:
        return "DOC-002: no text layer" if document.status is Status.NO_TEXT else "DOC-001"

    if len(documents) == 1:
        return f"{documents[0].path} is present but could not be read ({code(documents[0])})"
    named = [f"{d.path} ({code(d)})" for d in documents[:3]]
    if len(documents) > 3:
        named.append(f"{len(documents) - 3} more")
    return f"{', '.join(named[:-1])} and {named[-1]} are present but could not be read"
