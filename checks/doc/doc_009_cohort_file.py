from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from pipeline.findings import Evidence, Finding, Severity
from pipeline.model import Status


class CohortFile(Check):
    code = "DOC-009"
    about = "document"
    severity = Severity.WARNING
    title = "A participant cohort file is in the bundle"
    rule = (
        "A spreadsheet or CSV in the bundle is a participant cohort file (its first row names participant "
        "identifier columns): it is withheld, not read."
    )
    action = (
        "Remove the cohort file from the evidence: identifiable participant data does not belong in an "
        "evidence bundle; it goes to NHS England by its secure file transfer once the agreement is active. "
        "To check the file itself before it is sent, use `dars-evidence cohort FILE`."
    )
    single_document = True
    doc = CheckDoc(
        finds="Spreadsheets (.xlsx) and CSV files whose first row (in any sheet) holds at least two participant "
        "identifier columns of the cohort file, one of them an NHS number, a name or a date of birth.",
        why="A cohort file is confidential patient information: reading it into a report would copy it, and "
        "sending it as evidence is itself a problem to raise with the applicant.",
        reads="Only the first row of each sheet; no other row is read and no value is kept or shown.",
        discrepancy="cohort.csv with the columns STUDY ID, NHS_NO, DOB, POSTCODE.",
        consistent="A data-flow table whose columns are Flow, Data items, Datasets.",
        limits="A cohort file without a header row, or with headers this tool does not know, is read as a table.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        for document in ctx.documents:
            if document.status is not Status.WITHHELD:
                continue
            yield self.finding(
                f"{document.path} is {document.reason}",
                evidence=[Evidence(document.path, quote="", location="the header row")],
                subject=document_subject(document),
            )
