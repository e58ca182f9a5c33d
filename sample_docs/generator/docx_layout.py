"""Render a ``Layout`` to DOCX with python-docx: letterhead in the first-page header, running headers,
footers with PAGE/NUMPAGES fields (versions and dates often live there), tables and consent boxes.

python-docx stamps nothing variable into the package, but its template carries parts a sample does
not need (a thumbnail, ``stylesWithEffects``, custom XML, hundreds of latent styles): they are dropped
to keep the committed bundles small, and the zip is rewritten with fixed member times."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, time

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .model import Bullets, Heading, InitialBoxes, Layout, PageBreak, Para, Signature, Spacer, Table
from .zipping import normalise_zip

FONT_NAMES = {"Helvetica": "Arial", "Times": "Times New Roman", "Courier": "Courier New"}
DROP_RELS = ("thumbnail", "stylesWithEffects", "customXml", "theme", "webSettings")
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _runs(paragraph, text: str, bold: bool = False, size: float | None = None, italic: bool = False):
    for i, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if not part:
            continue
        lines = part.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run.add_text(line)
        run.bold = bold or (i % 2 == 1) or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    return paragraph


def _field(paragraph, instr: str, cached: str) -> None:
    """A complex field (as Word saves them): begin, instruction, separate, cached result, end."""

    def fld(kind):
        run = OxmlElement("w:r")
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run.append(el)
        paragraph._p.append(run)

    fld("begin")
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run.append(text)
    paragraph._p.append(run)
    fld("separate")
    paragraph.add_run(cached)
    fld("end")


def _furniture_line(paragraph, line: str, pages: int, size: float) -> None:
    """Write a header/footer line, turning ``{page}``/``{pages}`` into fields and a tab into right alignment."""
    for part in re.split(r"(\{page\}|\{pages\})", line):
        if part == "{page}":
            _field(paragraph, "PAGE", "1")
        elif part == "{pages}":
            _field(paragraph, "NUMPAGES", str(pages))
        elif part:
            paragraph.add_run(part).font.size = Pt(size)


def _set_cell_border(cell, sides=("top", "left", "bottom", "right"), size: int = 8) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tc_pr.append(borders)


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _estimate_pages(layout: Layout) -> int:
    chars = sum(
        len(getattr(b, "text", ""))
        + sum(map(len, getattr(b, "items", ())))
        + sum(len(c) for r in getattr(b, "rows", ()) for c in r)
        for b in layout.blocks
    )
    breaks = sum(isinstance(b, PageBreak) for b in layout.blocks)
    return max(1, chars // 3200 + 1, breaks + 1)


def _letterhead(header, layout: Layout) -> None:
    head = layout.letterhead
    first = header.paragraphs[0]
    if head.style == "trust":
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = first.add_run("NHS")
        run.bold, run.italic = True, True
        run.font.size = Pt(18)
        run.font.color.rgb = RGBColor(0x00, 0x5E, 0xB8)
        p = header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = p.add_run(head.name)
        r.bold = True
        r.font.color.rgb = RGBColor(0x00, 0x5E, 0xB8)
    else:
        run = first.add_run("Health Research Authority" if head.style in ("hra", "rec") else head.name)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor.from_string(layout.accent.lstrip("#").upper())
        if head.tagline:
            header.add_paragraph().add_run(head.tagline).italic = True
    for line in head.lines:
        p = header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(line).font.size = Pt(8)


def _table(doc, block: Table, size: float) -> None:
    ncol = max(len(r) for r in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=ncol)
    if block.grid:
        table.style = doc.styles["Table Grid"]
    total = 17.0
    fractions = block.widths or tuple(1 / ncol for _ in range(ncol))
    for r, row in enumerate(block.rows):
        for c in range(ncol):
            cell = table.cell(r, c)
            cell.width = Cm(total * fractions[c])
            head = block.header and r == 0
            _runs(cell.paragraphs[0], row[c] if c < len(row) else "", bold=head, size=size - 1)
            if head:
                _shade(cell, "E8EEF4")
            elif block.shade_first_col and c == 0:
                _shade(cell, "F2F2F2")
    doc.add_paragraph()


def _boxes(doc, block: InitialBoxes, size: float) -> None:
    table = doc.add_table(rows=len(block.statements), cols=3)
    for i, text in enumerate(block.statements):
        num, statement, box = table.rows[i].cells
        num.width, statement.width, box.width = Cm(1.0), Cm(13.5), Cm(2.2)
        _runs(num.paragraphs[0], f"{i + 1}.", size=size)
        _runs(statement.paragraphs[0], text, size=size)
        _set_cell_border(box)
    if block.yes_no:
        doc.add_paragraph()
        table = doc.add_table(rows=len(block.yes_no) + 1, cols=4)
        head = table.rows[0].cells
        _runs(head[2].paragraphs[0], "Yes", bold=True)
        _runs(head[3].paragraphs[0], "No", bold=True)
        for i, text in enumerate(block.yes_no, start=1):
            cells = table.rows[i].cells
            _runs(cells[0].paragraphs[0], f"{len(block.statements) + i}.", size=size)
            _runs(cells[1].paragraphs[0], text, size=size)
            _set_cell_border(cells[2])
            _set_cell_border(cells[3])
    doc.add_paragraph()


def _body(doc, layout: Layout) -> None:
    size = layout.size
    builtin = layout.heading_style == "builtin"
    for block in layout.blocks:
        if isinstance(block, Para):
            if block.style == "title" and builtin:
                doc.add_heading(block.text.replace("**", ""), level=0)
                continue
            p = doc.add_paragraph()
            bold = block.style in ("title", "subtitle", "label")
            fsize = {"title": size + 6, "subtitle": size + 2, "small": size - 2}.get(block.style)
            _runs(p, block.text, bold=bold, size=fsize)
            if block.style == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif block.style in ("center", "title"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif block.style == "quote":
                p.paragraph_format.left_indent = Cm(1.2)
        elif isinstance(block, Heading):
            if builtin:
                doc.add_heading(block.text.replace("**", ""), level=min(block.level, 3))
            else:
                _runs(doc.add_paragraph(), block.text, bold=True, size=size + (2 if block.level == 1 else 1))
        elif isinstance(block, Bullets):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                _runs(doc.add_paragraph(style=style), item)
        elif isinstance(block, Table):
            _table(doc, block, size)
        elif isinstance(block, InitialBoxes):
            _boxes(doc, block, size)
        elif isinstance(block, Signature):
            if block.scribble:
                _runs(doc.add_paragraph(), block.lines[0].split(",")[0], italic=True, size=size + 4)
            for i, line in enumerate(block.lines):
                _runs(doc.add_paragraph(), line, bold=i == 0)
        elif isinstance(block, Spacer):
            doc.add_paragraph()
        elif isinstance(block, PageBreak):
            doc.add_page_break()


def _prune(doc) -> None:
    """Drop template parts no sample needs, and every style the document does not use."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if any(rel.reltype.endswith(name) for name in DROP_RELS):
                rels.pop(rid)
    styles = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    parts = [
        part.element
        for part in doc.part.package.iter_parts()
        if re.search(r"/(document|header\d*|footer\d*)\.xml$", str(part.partname))
    ]
    used = set(KEEP_STYLES)
    for part in parts:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            used.update(el.get(qn("w:val")) for el in part.iter(qn(tag)))
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            el = style.find(qn(tag))
            if el is not None and el.get(qn("w:val")) not in used:
                used.add(el.get(qn("w:val")))
                pending.append(el.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in used:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    if not any(next(part.iter(qn("w:numPr")), None) is not None for part in [*parts, styles]):
        for rid, rel in list(doc.part.rels.items()):
            if rel.reltype.endswith("/numbering"):
                doc.part.rels.pop(rid)


def render_docx(layout: Layout) -> bytes:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAMES[layout.font]
    normal.font.size = Pt(layout.size)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    pages = _estimate_pages(layout)
    footers = [section.footer]
    if layout.letterhead:
        section.different_first_page_header_footer = True
        _letterhead(section.first_page_header, layout)
        footers.append(section.first_page_footer)
    for n, line in enumerate(layout.header):
        p = section.header.paragraphs[0] if n == 0 else section.header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _furniture_line(p, line, pages, 8)
    for footer in footers:
        for n, line in enumerate(layout.footer):
            p = footer.paragraphs[0] if n == 0 else footer.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _furniture_line(p, line.replace("\t", "    "), pages, 8)
    _body(doc, layout)
    props = doc.core_properties
    stamp = datetime.combine(layout.created.day, time(9, 30), tzinfo=UTC)
    props.title, props.author, props.last_modified_by = layout.title, layout.author, layout.author
    props.created = props.modified = stamp
    props.revision, props.comments, props.subject, props.keywords = 3, "", "", ""
    _prune(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())
