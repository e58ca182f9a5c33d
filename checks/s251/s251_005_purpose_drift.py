from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from checks.evidence import fact_evidence, request_evidence
from checks.s251.subjects import population_terms, stems, subject_phrases, subject_terms
from pipeline.findings import Evidence, Finding, Severity

PURPOSE_SOURCES = ("cag_approval", "cag_amendment", "s251_application")


class PurposeDrift(Check):
    code = "S251-005"
    severity = Severity.WARNING
    title = "The request's purpose is not the purpose support was given for"
    rule = (
        "Purpose drift: the request's subject (the condition or intervention studied, or the population) does not "
        "appear in the purpose stated in the CAG letters or the s251 application. Rewording, a narrower aim, or "
        "outcomes any study shares do not fire it; a different condition or population does."
    )
    action = "Align the request's purpose with the supported purpose, or supply CAG's support (an amendment) for the new purpose."
    basis = "section_251"
    requires = (("cag_approval", "LB-002"),)
    searches = PURPOSE_SOURCES
    doc = CheckDoc(
        finds="A request whose purpose is about a condition, intervention or population that none of the "
        "purposes stated in the CAG letters and the s251 application mention.",
        why="Support is given for a stated purpose; using the data for another is outside it (a standard "
        "condition of support: use only for the stated purpose).",
        reads="The request's purpose; the purpose passages of CAG approval and amendment letters and the "
        "application (or their whole text where no passage is marked).",
        discrepancy="Request: 'outcomes of adults with type 2 diabetes'; CAG: 'outcomes of adults treated for "
        "asthma in childhood'.",
        consistent="Request: 'hospital admissions and deaths after childhood asthma'; CAG: 'long-term outcomes "
        "of children treated for asthma'.",
        limits="Words are compared on stems, not meanings: a synonym ('myocardial infarction' for 'heart "
        "attack') reads as drift; a warning, for a reviewer to judge. A subject named in a run of words "
        "('pulmonary rehabilitation') is the supported one only when one run is there whole: a shared head "
        "word alone ('cardiac rehabilitation') is another intervention.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        documents = ctx.of_kind(*PURPOSE_SOURCES)
        passages = [f for d in documents for f in d.facts.named("purpose")]
        approved_text = " ".join(str(f.value) for f in passages) or " ".join(d.parsed.text for d in documents)
        approved = stems(approved_text)
        request_purpose = ctx.req.purpose
        subjects = subject_terms(request_purpose)
        missing_subjects = [word for key, word in subjects.items() if key not in approved]
        # A subject is named in runs of words ("pulmonary rehabilitation"); it is the supported one
        # when one run is there whole. A shared head alone ("rehabilitation" in "cardiac
        # rehabilitation") is another intervention; a narrower aim keeps a run whole.
        phrases = subject_phrases(request_purpose)
        drift_subject = bool(phrases) and not any(all(key in approved for key in run) for run in phrases)
        populations = population_terms(request_purpose)
        approved_populations = population_terms(approved_text)
        missing_populations = [w for k, w in populations.items() if k not in approved_populations]
        # A different population, not an added one: none of the request's is among the supported ones.
        drift_population = (
            bool(approved_populations) and bool(populations) and len(missing_populations) == len(populations)
        )
        if not (drift_subject or drift_population):
            return
        named = missing_subjects if drift_subject else missing_populations
        evidence = [request_evidence(ctx, "purpose")]
        evidence[0] = Evidence(evidence[0].document, quote=request_purpose, location=evidence[0].location)
        yield self.finding(
            f"the request's purpose is about {', '.join(named)}, which the supported purpose does not mention",
            evidence=[*evidence, *fact_evidence(passages)[:2]],
            searched=() if passages else tuple(d.path for d in documents),
        )
