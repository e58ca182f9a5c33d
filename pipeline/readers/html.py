"""HTML: a web page saved as a file, read for its visible text only.

lxml's HTML parser builds the tree and nothing more: no script runs, no style applies, and nothing
remote (images, frames, style sheets, fonts) is fetched, since nothing here follows a URL.
Scripts, styles, `noscript`, `template`, the head's metadata, frames, embedded objects, SVG and
elements marked `hidden` (or `display: none` inline) are dropped. The rest becomes blocks: each
paragraph, heading, list item and other block-level element a paragraph, each table row a row.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.text import decode
from pipeline.readers.text_tools import clean_cell, clean_text

DROPPED = {
    "script", "style", "noscript", "template", "head", "iframe", "frame", "frameset", "object",
    "embed", "svg", "math", "canvas", "audio", "video", "map", "select", "button", "input",
    "textarea", "link", "meta", "base",
}  # fmt: skip
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote",
    "pre", "address", "figure", "figcaption", "caption", "li", "ul", "ol", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "form", "fieldset", "legend", "details", "summary", "hr",
    "body", "html", "center",
}  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
WHITESPACE = re.compile(r"[ \t\r\n\f]+")
LINE_BREAK = "\u2028"  # a <br>, kept through the collapsing of white space
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def read_html(data: bytes, limits: Limits) -> ParsedDocument:
    text, note = decode_html(data)
    if len(text) > limits.max_text_chars:
        raise UnreadableDocument(f"the file holds more than {limits.max_text_chars:,} characters of text")
    blocks, title = visible_blocks(text)
    metadata = {"title": title} if title else {}
    return ParsedDocument(format="html", blocks=blocks, metadata=metadata, notes=[note] if note else [])


def decode_html(data: bytes) -> tuple[str, str | None]:
    """The page's text: by its BOM, else UTF-8, else the charset its <meta> declares, else detected."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            declared = META_CHARSET.search(data[:4096])
            if declared:
                try:
                    return data.decode(declared.group(1).decode("ascii")), None
                except (LookupError, UnicodeDecodeError):
                    pass
    return decode(data)


def visible_blocks(text: str, first_index: int = 0) -> tuple[list[Block], str | None]:
    """The visible text of an HTML page as blocks (numbered from `first_index`), and its <title>."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return [], None
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"the HTML cannot be parsed ({exc})") from None
    title_element = root.find(".//title")
    title = clean_cell(title_element.text_content()) if title_element is not None else None
    walker = _Walker(first_index)
    walker.walk(root)
    walker.flush()
    return walker.blocks, title or None


class _Walker:
    def __init__(self, first_index: int) -> None:
        self.first = first_index
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.style: str | None = None
        self.paragraphs = 0
        self.tables = 0

    def walk(self, element) -> None:
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                self._text(child.tail)
                continue
            tag = child.tag.lower()
            if tag in DROPPED or _hidden(child):
                self._text(child.tail)
                continue
            if tag == "table":
                self.flush()
                self._table(child)
            elif tag == "br":
                self.buffer.append(LINE_BREAK)
            elif tag in BLOCKS:
                self.flush()
                self.style = f"Heading{tag[1]}" if re.fullmatch(r"h[1-6]", tag) else None
                self._text(child.text)
                self.walk(child)
                self.flush()
            else:
                self._text(child.text)
                self.walk(child)
            self._text(child.tail)

    def _text(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def flush(self) -> None:
        text = clean_text(WHITESPACE.sub(" ", "".join(self.buffer)).replace(LINE_BREAK, "\n"))
        self.buffer = []
        if text:
            self.paragraphs += 1
            self.blocks.append(
                Block(
                    index=self.first + len(self.blocks),
                    text=text,
                    part=Part.BODY,
                    paragraph=self.paragraphs,
                    style=self.style,
                )
            )
        self.style = None

    def _table(self, table) -> None:
        self.tables += 1
        number = self.tables
        for row_number, row in enumerate(
            (r for r in table.iter("tr") if _own_table(r, table) and not _hidden(r)), start=1
        ):
            cells = tuple(
                clean_cell(_visible_text(cell))
                for cell in row
                if isinstance(cell.tag, str) and cell.tag in ("td", "th")
            )
            if not any(cells):
                continue
            self.blocks.append(
                Block(
                    index=self.first + len(self.blocks),
                    text=" | ".join(cells),
                    part=Part.TABLE,
                    table=number,
                    row=row_number,
                    cells=cells,
                )
            )


def _own_table(row, table) -> bool:
    """Whether `row` belongs to `table` and not to a table nested in one of its cells."""
    parent = row.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent is table


def _visible_text(element) -> str:
    out: list[str] = []

    def collect(node) -> None:
        for child in node:
            if isinstance(child.tag, str) and (child.tag.lower() in DROPPED or _hidden(child)):
                if child.tail:
                    out.append(child.tail)
                continue
            if isinstance(child.tag, str):
                if child.text:
                    out.append(child.text)
                collect(child)
                out.append(" ")
            if child.tail:
                out.append(child.tail)

    if element.text:
        out.append(element.text)
    collect(element)
    return "".join(out)


def _hidden(element) -> bool:
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(HIDDEN_STYLE.search(element.get("style") or ""))
    )
