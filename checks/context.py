"""Everything a check may read about one bundle, gathered once by the run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pipeline.model import Document, Status
from pipeline.request import LoadedRequest
from pipeline.request_model import Request

if TYPE_CHECKING:
    from pipeline.register import CagRegister

CAG_LETTER_KINDS = ("cag_approval", "cag_amendment", "cag_annual_review")
CONSENT_MATERIAL_KINDS = ("consent_form", "participant_information_sheet")


@dataclass(frozen=True, slots=True)
class CheckContext:
    documents: tuple[Document, ...]
    request: LoadedRequest | None
    as_of: date
    single_document: bool = False
    register: CagRegister | None = None  # the HRA's CAG register, when given (--cag-register)

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

    @property
    def unread(self) -> tuple[Document, ...]:
        """Documents present but not read: unreadable (DOC-001) or without a text layer (DOC-002). A
        withheld cohort file (DOC-009) is not among them: it is known not to be evidence.
        They contribute no facts, and nothing may fire because of their silence (checks.md)."""
        return tuple(doc for doc in self.documents if doc.status not in (Status.OK, Status.WITHHELD))

    @property
    def unread_request(self) -> Document | None:
        """A data request at the bundle root that could not be read, and so came as a document (a
        refused or over-limit .zip member): present, though there is no request to check against."""
        from pipeline.bundle import REQUEST_NAMES

        return next((doc for doc in self.unread if doc.path.lower() in REQUEST_NAMES), None)

    def unread_may_be(self, *kinds: str) -> tuple[Document, ...]:
        """The unread documents that may be of one of `kinds`: their path points to one of them, or
        to no kind at all (then it may be anything). A name that points only elsewhere
        (`protocol.pdf` when a CAG letter is sought) rules a file out."""
        from extractors.documents.kinds import kinds_named

        wanted = set(kinds)
        return tuple(doc for doc in self.unread if not (named := kinds_named(doc.path)) or named & wanted)

    def of_kind(self, *kinds: str) -> tuple[Document, ...]:
        return tuple(doc for doc in self.readable if doc.facts is not None and doc.facts.kind in kinds)

    def facts_named(self, name: str, *kinds: str) -> list:
        """Every fact called `name` in the readable documents (of the given kinds, if any)."""
        documents = self.of_kind(*kinds) if kinds else self.readable
        return [fact for doc in documents if doc.facts for fact in doc.facts.named(name)]
