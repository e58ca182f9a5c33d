from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import document_subject
from checks.request_fields import field_evidence, honorary_contracts_used
from pipeline.findings import Finding, Severity


class UndeclaredHonoraryContracts(Check):
    code = "HON-002"
    severity = Severity.WARNING
    about = "document"
    title = "A document says honorary contracts are used, but the request does not"
    rule = (
        "A document says that people will access or process the data under honorary contracts (a mention of an "
        "honorary contract in a sentence about the data, access, analysis or processing) and the request does not "
        "say that honorary contracts are used (honorary_contracts.used missing or false). One finding per document; "
        "quote it."
    )
    action = (
        "Declare the honorary contracts in the request (honorary_contracts.used, with each holder group's "
        "employer, host and access locations), or correct the document."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Documents that describe access to or processing of the data under honorary contracts, in a request "
        "that does not declare them.",
        why="The DARS guidance asks whether honorary contracts are used: people working under one act for the "
        "host organisation, which must then be a controller or processor of the agreement.",
        reads="The request's honorary_contracts.used; honorary_contract statements in every document.",
        discrepancy="'Analysts from the University will access the linked data under honorary contracts with "
        "the Trust.'; honorary_contracts not given.",
        consistent="'Dr Khan holds an honorary consultant contract at the Trust.' (nothing about the data); or "
        "honorary_contracts.used: true.",
        limits="A contract named otherwise ('a letter of access', 'a research passport') is not read.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if honorary_contracts_used(ctx):
            return
        for document in ctx.readable:
            statements = document.facts.named("honorary_contract")
            if not statements:
                continue
            yield self.finding(
                f'{document.path} says the data will be accessed under honorary contracts ("'
                f'{statements[0].evidence.quote[:120]}"), but the request does not say honorary contracts are used',
                evidence=[
                    *(s.evidence for s in statements[:3]),
                    field_evidence(ctx, "honorary_contracts.used"),
                ],
                subject=document_subject(document),
            )
