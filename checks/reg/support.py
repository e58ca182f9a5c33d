"""What the REG checks share: the support's references, its register entry, and when to skip.

The support's references (checks.md) are the request's `cag_reference` and every CAG reference on
the CAG letters, normalised as S251-002 normalises them; the register entry is the merged rows whose
reference is one of them.
"""

from __future__ import annotations

from checks.base import Check
from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.evidence import fact_evidence, request_evidence
from checks.s251.references import normalise
from pipeline.findings import Evidence
from pipeline.register import RegisterEntry


def support_references(ctx: CheckContext) -> list[str]:
    """The support's references, as written first, without repeats after normalising."""
    written = [ctx.req.cag_reference] if ctx.req.cag_reference else []
    written += [
        r for letter in ctx.of_kind(*CAG_LETTER_KINDS) for r in letter.facts.references.get("cag", ())
    ]
    by_key: dict[str, str] = {}
    for reference in written:
        if reference.strip():
            by_key.setdefault(normalise(reference), reference.strip())
    return list(by_key.values())


def reference_evidence(ctx: CheckContext) -> list[Evidence]:
    """Where the support's references were read: the request's field and the letters' references."""
    evidence = [request_evidence(ctx, "legal_basis.cag_reference")] if ctx.req.cag_reference else []
    facts = [f for letter in ctx.of_kind(*CAG_LETTER_KINDS) for f in letter.facts.named("cag_reference")[:1]]
    return evidence + fact_evidence(facts)[:3]


def register_entry(ctx: CheckContext) -> RegisterEntry | None:
    """The register entry of the support, or None when none of its references is on the register."""
    wanted = {normalise(reference) for reference in support_references(ctx)}
    spelled = [reference for reference in ctx.register.references if normalise(reference) in wanted]
    return ctx.register.entry(spelled)


class RegisterCheck(Check):
    """A check that reads the CAG register: skipped without it, when it cannot be read or lacks a
    column the check needs, when the support has no reference and, but for REG-001, when the
    support is not on the register."""

    basis = "section_251"
    needs_entry = True

    def skip_reason(self, ctx: CheckContext) -> str | None:
        reason = super().skip_reason(ctx)
        if reason:
            return reason
        if ctx.register is None:
            return "no CAG register was given (--cag-register FILE)"
        reason = ctx.register.unusable_for(self.code)
        if reason:
            return reason
        if not support_references(ctx):
            return "the support has no reference (no cag_reference in the request, none on a CAG letter)"
        if self.needs_entry and register_entry(ctx) is None:
            return "none of the support's references is on the CAG register (REG-001)"
        return None

    def register_evidence(self, ctx: CheckContext, cells) -> list[Evidence]:
        return [cell.evidence(ctx.register.file) for cell in cells]
