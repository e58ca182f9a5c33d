"""The document model shared by the PDF and DOCX renderers, and the base of every document spec.

A document is a ``Layout``: page furniture (letterhead, running header, footer lines) and a list of
blocks. Text may carry ``**bold**`` spans. Footer and header lines may hold ``{page}`` and ``{pages}``.
A ``DocSpec`` is a frozen description of one document; it knows its kind, its key facts and how to lay
itself out for a study, so the document and its key come from the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from .dates import DocDate


@dataclass(frozen=True)
class Para:
    text: str
    style: str = "body"  # body | small | title | subtitle | right | center | quote | label


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    header: bool = True
    widths: tuple[float, ...] | None = None  # fractions of the text width
    grid: bool = True
    shade_first_col: bool = False


@dataclass(frozen=True)
class InitialBoxes:
    """Consent statements, each with a box to initial (or Yes/No boxes for optional statements)."""

    statements: tuple[str, ...]
    yes_no: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]
    scribble: bool = True


@dataclass(frozen=True)
class Spacer:
    height: float = 6.0  # points


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Para | Heading | Bullets | Table | InitialBoxes | Signature | Spacer | PageBreak


@dataclass(frozen=True)
class Letterhead:
    style: str  # hra | nigb | trust | university | rec | plain
    name: str
    lines: tuple[str, ...] = ()
    tagline: str = ""


@dataclass(frozen=True)
class Layout:
    blocks: tuple[Block, ...]
    title: str
    author: str
    created: DocDate
    letterhead: Letterhead | None = None
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    font: str = "Helvetica"  # Helvetica | Times | Courier (PDF); mapped to Arial, Times New Roman (DOCX)
    size: float = 10.0
    heading_style: str = "builtin"  # builtin | bold (DOCX: real Heading styles, or bold body text)
    accent: str = "#1f4e79"


@dataclass(frozen=True)
class DocSpec:
    """One document of a bundle. Subclasses set ``kind`` and implement ``layout``."""

    kind: ClassVar[str | None] = None
    fmt: str = "pdf"
    version: str | None = None
    date: DocDate | None = None
    extra: tuple[str, ...] = ()  # paragraphs a variant adds before the sign-off (``with_extra``)

    def layout(self, study) -> Layout:  # pragma: no cover - abstract
        raise NotImplementedError

    def with_extra(self, study) -> Layout:
        """The layout, with the ``extra`` paragraphs placed before the first signature (else at the end)."""
        layout = self.layout(study)
        if not self.extra:
            return layout
        blocks = list(layout.blocks)
        at = next((i for i, b in enumerate(blocks) if isinstance(b, Signature)), len(blocks))
        blocks[at:at] = [Para(text) for text in self.extra]
        return replace(layout, blocks=tuple(blocks))

    def cag_refs(self, study) -> tuple[str, ...] | None:
        """CAG references a key records for this document (CAG letters and applications only)."""
        return None

    def key(self, study) -> dict:
        entry = {"kind": self.kind, "version": self.version, "date": self.date.iso if self.date else None}
        refs = self.cag_refs(study)
        if refs is not None:
            entry["cag"] = list(refs)
        return entry
