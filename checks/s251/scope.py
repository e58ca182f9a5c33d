"""The approved scope: the union, over CAG approval and amendment letters, of what support covers.

Annual review letters confirm that support continues; they do not widen it (checks.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from checks.context import CheckContext
from pipeline.model import Document

SCOPE_KINDS = ("cag_approval", "cag_amendment")
HES_DATASETS = ("hes_apc", "hes_op", "hes_ae", "hes_cc")


@dataclass(slots=True)
class ApprovedScope:
    letters: tuple[Document, ...]
    actions: dict[str, list] = field(
        default_factory=lambda: defaultdict(list)
    )  # action -> support_action facts
    identifiers: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # id -> identifier facts
    datasets: set[str] = field(default_factory=set)

    def covers_dataset(self, dataset: str) -> bool:
        return dataset in self.datasets or (dataset in HES_DATASETS and "hes_*" in self.datasets)


def approved_scope(ctx: CheckContext) -> ApprovedScope:
    letters = ctx.of_kind(*SCOPE_KINDS)
    scope = ApprovedScope(letters)
    for letter in letters:
        for fact in letter.facts.named("support_action"):
            scope.actions[fact.value].append(fact)
        for fact in letter.facts.named("identifier"):
            scope.identifiers[fact.value].append(fact)
        for identifier in letter.facts.identifiers:
            scope.identifiers.setdefault(identifier, [])
        scope.datasets.update(letter.facts.datasets)
    return scope


def covers_dataset(datasets: set[str], dataset: str) -> bool:
    """A generic 'Hospital Episode Statistics' (hes_*) covers every HES dataset."""
    return dataset in datasets or (dataset in HES_DATASETS and "hes_*" in datasets)
