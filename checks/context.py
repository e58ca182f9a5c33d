"""Everything a check may read about one bundle, gathered once by the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.model import Document, Status
from pipeline.request import LoadedRequest


@dataclass(frozen=True, slots=True)
class CheckContext:
    documents: tuple[Document, ...]
    request: LoadedRequest | None
    as_of: date
    single_document: bool = False

    @property
    def readable(self) -> tuple[Document, ...]:
        return tuple(doc for doc in self.documents if doc.status is Status.OK)

    def of_kind(self, *kinds: str) -> tuple[Document, ...]:
        return tuple(doc for doc in self.readable if doc.facts is not None and doc.facts.kind in kinds)
