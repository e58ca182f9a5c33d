from __future__ import annotations

import re
from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.dates import same_date
from pipeline.findings import Finding, Severity, Skip


def version_key(value: str) -> str:
    """One form for a version number: '2', '2.0' and 'v2.0' all give '2'."""
    value = re.sub(r"^v(?:ersion)?\s*", "", value.strip().lower())
    return re.sub(r"(?:\.0+)+$", "", value)


def same_version(a: str, b: str) -> bool:
    """'2', '2.0' and 'v2.0' are one version."""
    return version_key(a) == version_key(b)


def _same_row(a: tuple, b: tuple) -> bool:
    """Two listed rows name one document: same kind, version and date ('3.0' ~ 'v3', a month ~ a day in it)."""
    (kind_a, version_a, day_a), (kind_b, version_b, day_b) = a, b
    if kind_a != kind_b or bool(version_a) != bool(version_b) or bool(day_a) != bool(day_b):
        return False
    return (not version_a or same_version(version_a, version_b)) and (not day_a or same_date(day_a, day_b))


class ReviewedDocumentMissing(Check):
    code = "S251-007"
    about = "reviewed document"
    severity = Severity.WARNING
    title = "A document CAG reviewed is not in the bundle"
    rule = (
        "A document that a CAG letter lists as reviewed by CAG is not in the bundle: no document of that kind with "
        "that version (and that date, where both carry one; a month-only date matches any day of its month). One "
        "finding per missing document; none for a kind whose absence another check already reports."
    )
    action = (
        "Supply the version of the document that CAG reviewed, or explain why a different version is sent."
    )
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    doc = CheckDoc(
        finds="Rows of a CAG letter's list of reviewed documents (kind, version, date) with no matching document "
        "in the bundle.",
        why="DARS checks that what CAG approved is what the applicant now relies on; a different version of the "
        "protocol or notice may describe different processing.",
        reads="Each CAG letter's table or list of reviewed documents; the kind, version and date of every document.",
        discrepancy="The letter lists 'Protocol, version 3.0, 01/02/2021'; the bundle has protocol version 2.0.",
        consistent="The bundle holds protocol version 3.0 dated 1 February 2021.",
        limits="Rows whose description names no known kind (a covering letter, a CV) are ignored.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        absent_reported = self._absences_reported_elsewhere(ctx)
        reported: list[tuple[str, str | None, str | None]] = []
        for letter in ctx.of_kind(*CAG_LETTER_KINDS):
            for row in letter.facts.named("reviewed_document"):
                detail = row.detail or {}
                kind, version, day = detail.get("kind"), detail.get("version"), detail.get("date")
                if not kind or kind in absent_reported:
                    continue
                if any(_same_row((kind, version, day), other) for other in reported):
                    continue
                if self._present(ctx, kind, version, day):
                    continue
                reported.append((kind, version, day))
                described = ", ".join(
                    x for x in (row.value, f"version {version}" if version else "", day or "") if x
                )
                unread = ctx.unread_may_be(kind)
                if unread:  # present but unread: it may be the document listed (checks.md)
                    yield self.undecided(
                        f"{letter.path} lists '{described}' as reviewed by CAG, and no readable "
                        f"{kind.replace('_', ' ')} is that one",
                        unread,
                        may="may be it",
                    )
                    continue
                yield self.finding(
                    f"{letter.path} lists '{described}' as reviewed by CAG, but the bundle has no such "
                    f"{kind.replace('_', ' ')}",
                    evidence=[row.evidence],
                    subject=" ".join(x for x in (kind, version and f"version {version}", day) if x),
                )

    @staticmethod
    def _present(ctx: CheckContext, kind: str, version: str | None, day: str | None) -> bool:
        for document in ctx.of_kind(kind):
            facts = document.facts
            if version and not (facts.version and same_version(version, facts.version)):
                continue
            if day and facts.date and not same_date(day, facts.date):
                continue
            return True
        return False

    @staticmethod
    def _absences_reported_elsewhere(ctx: CheckContext) -> set[str]:
        """Kinds wholly absent whose absence S251-001, PN-001, LB-003 or LB-004 reports."""
        absent = set()
        if not ctx.of_kind("s251_application"):
            absent.add("s251_application")
        if not ctx.of_kind("privacy_notice") and ctx.req.requested_identifiers:
            absent.add("privacy_notice")
        if ctx.req.common_law == "consent":
            absent.update(k for k in ("consent_form", "participant_information_sheet") if not ctx.of_kind(k))
        return absent
