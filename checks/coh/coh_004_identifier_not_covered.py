from __future__ import annotations

from collections.abc import Iterator

from checks.base import CheckDoc
from checks.coh.base import CohortCheck, CohortContext, CohortFinding
from checks.context import CONSENT_MATERIAL_KINDS
from checks.evidence import fact_evidence, searched
from checks.s251.scope import approved_scope
from pipeline.cohort.headers import IDENTIFIER_ROLES
from pipeline.findings import Severity

BASES = {"section_251": ("cag_approval", "LB-002"), "consent": ("consent_form", "LB-003")}


class IdentifierNotCovered(CohortCheck):
    code = "COH-004"
    severity = Severity.ERROR
    title = "The cohort file carries an identifier the legal basis does not cover"
    rule = (
        "A column carries an identifier that the evidence for the legal basis does not cover: for "
        "`section_251`, outside the approved scope (as S251-004); for `consent`, named in no consent material. "
        "One finding per identifier. Skipped with a request file alone, for another basis, and without a "
        "`cag_approval` letter or a consent form."
    )
    action = (
        "Remove the column from the cohort file, or supply the evidence that covers the item (a CAG amendment, "
        "or consent materials that name it)."
    )
    needs_request = True
    doc = CheckDoc(
        finds="Identifier columns of the file that the CAG letters' approved scope, or the consent materials, "
        "do not name.",
        why="Each identifiable item sent needs a legal basis: section 251 support names the items it covers, and "
        "consent covers what participants were told would be used.",
        reads="The file's recognised identifier headers; with `--request` naming a bundle, its CAG approval and "
        "amendment letters' identifiers (section 251) or its consent forms' and information sheets' "
        "identifiers (consent).",
        discrepancy="A POSTCODE column when the CAG letter covers 'NHS number and date of birth' only.",
        consistent="NHS_NO and DOB columns with a consent form that names the NHS number and date of birth.",
        limits="Needs the bundle: with `--request request.yaml` alone the documents are not read and it is skipped.",
    )

    def cohort_skip_reason(self, ctx: CohortContext) -> str | None:
        reason = super().cohort_skip_reason(ctx)
        if reason:
            return reason
        if ctx.bundle is None:
            return (
                "the request was given as a file, not a bundle: the evidence for the legal basis was not read"
            )
        basis = ctx.req.common_law
        if basis not in BASES:
            return f"the basis is {basis}: neither section_251 nor consent"
        kind, reported_by = BASES[basis]
        if not ctx.bundle.of_kind(kind):
            return f"the bundle has no {kind} document ({reported_by})"
        return None

    def check_cohort(self, ctx: CohortContext) -> Iterator[CohortFinding]:
        bundle = ctx.bundle
        if ctx.req.common_law == "section_251":
            scope = approved_scope(bundle)
            covered, documents, basis = scope.identifiers, scope.letters, "the CAG support"
        else:
            documents = bundle.of_kind(*CONSENT_MATERIAL_KINDS)
            covered = {}
            for document in documents:
                for fact in document.facts.named("identifier"):
                    covered.setdefault(fact.value, []).append(fact)
                for identifier in document.facts.identifiers:
                    covered.setdefault(identifier, [])
            basis = "the consent materials"
        for role in IDENTIFIER_ROLES:
            columns = ctx.scan.of_role(role)
            if not columns or role in covered:
                continue
            names = ", ".join(column.name for column in columns)
            words = ", ".join(sorted(covered)) or "no identifiable items"
            yield self.cohort_finding(
                f"{names} carries {role}, which {basis} does not cover (it covers {words}; searched: "
                f"{', '.join(searched(documents))})",
                f"{role} not covered",
                ctx,
                column=columns[0],
                evidence=fact_evidence(facts[0] for _, facts in sorted(covered.items()) if facts),
            )
