from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.dates import same_date
from checks.s251.s251_007_reviewed_document_missing import same_version
from pipeline.findings import Finding, Severity, Skip


class CitedInformationSheetMissing(Check):
    code = "CON-002"
    about = "cited information sheet"
    severity = Severity.WARNING
    title = "A consent form cites an information sheet version that is not in the bundle"
    rule = "A consent form refers to a participant information sheet version (or version date) that is not in the bundle."
    action = "Supply the information sheet version that the consent form cites."
    basis = "consent"
    requires = (("consent_form", "LB-003"),)
    doc = CheckDoc(
        finds="Consent forms whose 'I have read the information sheet dated X (version Y)' names a version or date "
        "that no information sheet in the bundle carries.",
        why="Consent is informed by the sheet the form cites; DARS needs that sheet to know what participants were told.",
        reads="The information sheet version and date each consent form cites; the version and date of every "
        "information sheet.",
        discrepancy="Form: 'information sheet version 2.0 dated 14/06/2019'; the bundle has sheet versions 1.0 and 3.0.",
        consistent="The bundle holds information sheet version 2.0 of 14 June 2019.",
        limits="A month-only date matches any day of its month.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding | Skip]:
        sheets = ctx.of_kind("participant_information_sheet")
        # A sheet that could not be read is present: it may be the one cited (checks.md: nothing fires
        # because of an unread document's silence), so the report says so instead of "not in the bundle".
        unread = ctx.unread_may_be("participant_information_sheet")
        for form in ctx.of_kind("consent_form"):
            for version, day, evidence in _citations(form):
                if any(_matches(sheet, version, day) for sheet in sheets):
                    continue
                cited = " ".join(
                    x for x in (f"version {version}" if version else "", f"dated {day}" if day else "") if x
                )
                if unread:
                    yield self.undecided(
                        f"{form.path} cites the information sheet {cited}, and no readable sheet is that one",
                        unread,
                        may="may be it",
                    )
                    continue
                yield self.finding(
                    f"{form.path} cites the information sheet {cited}, which is not in the bundle",
                    evidence=[evidence],
                    searched=tuple(s.path for s in sheets) or ("the bundle: no information sheets",),
                    subject=cited,
                )


def _citations(form):
    """(version, date, evidence) for each citation; a version and a date in the same words are one citation."""
    grouped: dict[tuple, dict] = {}
    for name, key in (("cited_pis_version", "version"), ("cited_pis_date", "date")):
        for fact in form.facts.named(name):
            place = (fact.evidence.location, fact.evidence.quote)
            entry = grouped.setdefault(place, {"version": None, "date": None, "evidence": fact.evidence})
            entry[key] = entry[key] or str(fact.value)
    return [(e["version"], e["date"], e["evidence"]) for e in grouped.values()]


def _matches(sheet, version: str | None, day: str | None) -> bool:
    """The sheet carries the cited version, and the cited date where the sheet has a date to compare."""
    facts = sheet.facts
    if version and not (facts.version and same_version(version, facts.version)):
        return False
    if day:
        return same_date(day, facts.date) if facts.date else version is not None
    return True
