from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CONSENT_MATERIAL_KINDS, CheckContext
from checks.evidence import document_subject
from pipeline.findings import Evidence, Finding, Severity
from pipeline.model import Part


class ConsentMaterialUnversioned(Check):
    code = "DOC-004"
    about = "document"
    severity = Severity.WARNING
    title = "A consent form or information sheet has no version number or date"
    rule = (
        "A consent form or participant information sheet has no version number, or no version date of its own "
        "(the date of the information sheet that a consent form cites is not the form's date)."
    )
    action = "Supply the document with its version number and version date (usually in the footer), as approved by the REC."
    single_document = True
    doc = CheckDoc(
        finds="Consent forms and information sheets without a version number or without a version date of their own.",
        why="DARS asks for every version of the consent materials with the period each was used; a document "
        "without a version and date cannot be placed in that history (CON-001 then cannot count it).",
        reads="The version and version date found in each consent form and information sheet (footers, title area).",
        discrepancy="A consent form whose only date is that of the information sheet it cites.",
        consistent="'Consent form version 2.0, 01/03/2020' in the footer.",
        limits="A version written in words ('second edition') is not read.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.of_kind(*CONSENT_MATERIAL_KINDS):
            facts = document.facts
            missing = [
                what
                for what, value in (("version number", facts.version), ("version date", facts.date))
                if not value
            ]
            if not missing:
                continue
            searched_parts = sorted({_part_words(b.part) for b in document.parsed.blocks})
            kind_words = facts.kind.replace("_", " ")
            found = [
                f" {what} {value}"
                for what, value in (("version", facts.version), ("date", facts.date))
                if value
            ]
            # Quote only the document's own words: what it says of its version or date, else the words
            # that made it a consent form or information sheet; what is missing is said in the message.
            own = [
                fact.evidence
                for name in ("version", "document_date", "kind")
                for fact in facts.named(name)[:1]
            ][:2]
            yield self.finding(
                f"{document.path} ({kind_words}) has no {' and no '.join(missing)}"
                + (f" (it gives its{' and its'.join(found)})" if found else ""),
                evidence=own or [Evidence(document.path, location="the whole document")],
                searched=(f"{document.path}: {', '.join(searched_parts)}",),
                subject=document_subject(document),
            )


def _part_words(part: Part) -> str:
    return {"body": "body text", "table": "tables", "header": "headers", "footer": "footers"}[part.value]
