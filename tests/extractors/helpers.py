"""Documents built by hand for the extractor tests: one block per text, numbered pages."""

from __future__ import annotations

from extractors.facts import DocumentFacts, Fact
from pipeline.model import Block, Document, ParsedDocument, Part, Status


def document(*texts: str, path: str = "doc.pdf") -> Document:
    """A PDF-like document whose n-th text is page n."""
    blocks = [Block(index=i, text=text, page=i + 1) for i, text in enumerate(texts)]
    return Document(path, 1000, "0" * 64, Status.OK, parsed=ParsedDocument("pdf", blocks, pages=len(blocks)))


def table_document(*rows: tuple[str, ...], page: int = 1, path: str = "doc.pdf") -> Document:
    """A document holding one ruled table, one block per row, as the PDF reader gives it."""
    blocks = [
        Block(index=i, text=" | ".join(cells), part=Part.TABLE, page=page, table=1, row=i + 1, cells=cells)
        for i, cells in enumerate(rows)
    ]
    return Document(path, 1000, "0" * 64, Status.OK, parsed=ParsedDocument("pdf", blocks, pages=page))


def run(extractor, doc: Document) -> DocumentFacts:
    facts = DocumentFacts()
    extractor(doc, facts)
    return facts


def values(facts: DocumentFacts, name: str) -> list:
    return [fact.value for fact in facts.named(name)]


def only(facts: DocumentFacts, name: str) -> Fact:
    found = facts.named(name)
    assert len(found) == 1, f"expected one {name} fact, got {[f.value for f in found]}"
    return found[0]


def assert_cites(fact: Fact, words: str, page: int = 1, location: str | None = None) -> None:
    """The fact's evidence quotes the matched words and points at the right page and place."""
    assert words.lower() in fact.evidence.quote.lower(), (words, fact.evidence.quote)
    assert fact.evidence.page == page
    assert fact.evidence.document == "doc.pdf"
    assert fact.evidence.address and fact.evidence.address.startswith("#/blocks/")
    if location is not None:
        assert fact.evidence.location == location
    assert ":" in fact.extractor
