"""CAG references compared as one support: normalised spelling, and stated renumberings merged."""

from __future__ import annotations

import re

from checks.context import CheckContext


def normalise(reference: str) -> str:
    """21/CAG/0123, 21-CAG-0123 and 21 / CAG / 0123 are one reference."""
    return re.sub(r"[\s\-_/]+", "/", reference.strip().upper())


class SupportIdentity:
    """Groups references that a document states are one support ('20/CAG/0067 (previously 16/CAG/0056)')."""

    def __init__(self, ctx: CheckContext) -> None:
        self.parent: dict[str, str] = {}
        for document in ctx.readable:
            for fact in document.facts.named("cag_renumbering"):
                value = fact.value if isinstance(fact.value, dict) else (fact.detail or {})
                current, previous = value.get("current"), value.get("previous")
                if current and previous:
                    self._union(normalise(current), normalise(previous))

    def _find(self, reference: str) -> str:
        self.parent.setdefault(reference, reference)
        while self.parent[reference] != reference:
            self.parent[reference] = self.parent[self.parent[reference]]
            reference = self.parent[reference]
        return reference

    def _union(self, a: str, b: str) -> None:
        self.parent[self._find(a)] = self._find(b)

    def support(self, reference: str) -> str:
        return self._find(normalise(reference))

    def supports(self, references) -> set[str]:
        return {self.support(reference) for reference in references}
