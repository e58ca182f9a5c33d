"""Everything a check may read about one bundle, gathered once by the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.model import Document, Status
from pipeline.request import LoadedRequest
from pipeline.request_model import Request

CAG_LETTER_KINDS = ("cag_approval", "cag_amendment", "cag_annual_review")
CONSENT_MATERIAL_KINDS = ("consent_form", "participant_information_sheet")


@dataclass(frozen=True, slots=True)
class CheckContext:
    documents: tuple[Document, ...]
    request: LoadedRequest | None
    as_of: date
    single_document: bool = False

    @property
    def req(self) -> Request:
        """The usable request (checks that need one are skipped otherwise)."""
        assert self.request is not None and self.request.request is not None
        return self.request.request

    @property
    def basis(self) -> str | None:
        return self.request.request.common_law if self.request and self.request.usable else None

    @property
    def readable(self) -> tuple[Document, ...]:
        return tuple(doc for doc in self.documents if doc.status is Status.OK)

    def of_kind(self, *kinds: str) -> tuple[Document, ...]:
        return tuple(doc for doc in self.readable if doc.facts is not None and doc.facts.kind in kinds)

    def facts_named(self, name: str, *kinds: str) -> list:
        """Every fact called `name` in the readable documents (of the given kinds, if any)."""
        documents = self.of_kind(*kinds) if kinds else self.readable
        return [fact for doc in documents if doc.facts for fact in doc.facts.named(name)]
