"""Render a ``Layout`` to PDF with reportlab platypus: letterheads, running headers and footers with
"Page X of Y", tables, consent boxes and signatures. ``invariant=1`` fixes the creation date and the
document ID, so the same layout always gives the same bytes."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from .model import (
    Bullets,
    Heading,
    InitialBoxes,
    Layout,
    Letterhead,
    PageBreak,
    Para,
    Signature,
    Spacer,
    Table,
)

FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
}
PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
LETTERHEAD_H = 42 * mm


def markup(text: str) -> str:
    """Escape text for a reportlab Paragraph and turn ``**bold**`` into ``<b>``."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(text)).replace("\n", "<br/>")


def _styles(layout: Layout) -> dict[str, ParagraphStyle]:
    regular, bold, _ = FONTS[layout.font]
    size = layout.size
    accent = colors.HexColor(layout.accent)
    base = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.3, spaceAfter=size * 0.6)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=size - 2, leading=(size - 2) * 1.25),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=size + 6,
            leading=(size + 6) * 1.2,
            textColor=accent,
            spaceAfter=size,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontName=bold, fontSize=size + 2, leading=(size + 2) * 1.25
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "quote": ParagraphStyle("quote", parent=base, leftIndent=12 * mm, rightIndent=8 * mm),
        "label": ParagraphStyle("label", parent=base, fontName=bold, spaceAfter=2),
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=0
        ),
        "cellhead": ParagraphStyle(
            "cellhead", parent=base, fontName=bold, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=0
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=bold,
            fontSize=size + 3,
            leading=(size + 3) * 1.25,
            textColor=accent,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=size + 1,
            leading=(size + 1) * 1.25,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=bold,
            fontSize=size,
            spaceBefore=size * 0.4,
            spaceAfter=size * 0.2,
            keepWithNext=1,
        ),
    }


class Scribble(Flowable):
    """A hand-drawn looking signature: a few deterministic bezier strokes."""

    def __init__(self, seed: int):
        super().__init__()
        self.seed, self.width, self.height = seed, 60 * mm, 14 * mm

    def draw(self):
        c = self.canv
        c.setStrokeColor(colors.HexColor("#1a237e"))
        c.setLineWidth(0.9)
        s = self.seed
        x = 2
        for i in range(3):
            w = 14 + (s >> i) % 9
            c.bezier(x, 4 + i % 2 * 3, x + w * 0.3, 14 + (s >> (i + 2)) % 8, x + w * 0.7, -2, x + w, 6 + i)
            x += w - 3
        c.line(0, 1, x + 6, 3)


def _table(block: Table, st: dict, width: float) -> RLTable:
    rows = []
    for r, row in enumerate(block.rows):
        style = st["cellhead"] if (block.header and r == 0) else st["cell"]
        rows.append([Paragraph(markup(cell), style) for cell in row])
    ncol = max(len(r) for r in block.rows)
    fractions = block.widths or tuple(1 / ncol for _ in range(ncol))
    table = RLTable(rows, colWidths=[f * width for f in fractions], repeatRows=1 if block.header else 0)
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if block.grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")))
    if block.header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")))
    if block.shade_first_col:
        cmds.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")))
    table.setStyle(TableStyle(cmds))
    return table


def _boxes(block: InitialBoxes, st: dict, width: float) -> list:
    rows, cmds = (
        [],
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    for i, text in enumerate(block.statements):
        rows.append([Paragraph(f"{i + 1}.", st["cell"]), Paragraph(markup(text), st["cell"]), "", ""])
        cmds.append(("BOX", (3, i), (3, i), 0.8, colors.black))
    out = [RLTable(rows, colWidths=[8 * mm, width - 34 * mm, 6 * mm, 20 * mm], rowHeights=None)]
    out[0].setStyle(TableStyle(cmds))
    if block.yes_no:
        rows, cmds = [["", "", Paragraph("Yes", st["cellhead"]), "", Paragraph("No", st["cellhead"]), ""]], []
        for i, text in enumerate(block.yes_no, start=1):
            n = len(block.statements) + i
            rows.append([Paragraph(f"{n}.", st["cell"]), Paragraph(markup(text), st["cell"]), "", "", "", ""])
            cmds += [("BOX", (2, i), (2, i), 0.8, colors.black), ("BOX", (4, i), (4, i), 0.8, colors.black)]
        t = RLTable(rows, colWidths=[8 * mm, width - 48 * mm, 12 * mm, 8 * mm, 12 * mm, 8 * mm])
        t.setStyle(
            TableStyle(
                cmds
                + [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        out.append(RLSpacer(1, 6))
        out.append(t)
    return out


def _story(layout: Layout, st: dict, width: float) -> list:
    story: list = []
    bullet_font = FONTS[layout.font][0]
    for n, block in enumerate(layout.blocks):
        if isinstance(block, Para):
            story.append(Paragraph(markup(block.text), st[block.style]))
        elif isinstance(block, Heading):
            story.append(Paragraph(markup(block.text), st[f"h{min(block.level, 3)}"]))
        elif isinstance(block, Bullets):
            items = [ListItem(Paragraph(markup(t), st["body"]), leftIndent=14) for t in block.items]
            # a bullet glyph of the standard fonts extracts as "(cid:127)": use a dash, as many exports do
            kw = (
                {"bulletType": "1", "bulletFormat": "%s."}
                if block.numbered
                else {"bulletType": "bullet", "start": "\u2013"}
            )
            story.append(
                ListFlowable(
                    items, bulletFontName=bullet_font, bulletFontSize=layout.size, leftIndent=14, **kw
                )
            )
        elif isinstance(block, Table):
            story.append(_table(block, st, width))
            story.append(RLSpacer(1, layout.size * 0.8))
        elif isinstance(block, InitialBoxes):
            story.extend(_boxes(block, st, width))
            story.append(RLSpacer(1, layout.size))
        elif isinstance(block, Signature):
            parts = [Scribble(sum(map(ord, block.lines[0])) + n)] if block.scribble else []
            parts += [
                Paragraph(markup(line), st["body" if i else "label"]) for i, line in enumerate(block.lines)
            ]
            story.append(KeepTogether(parts))
        elif isinstance(block, Spacer):
            story.append(RLSpacer(1, block.height))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
    return story


def _draw_letterhead(c, head: Letterhead, layout: Layout) -> None:
    regular, bold, italic = FONTS[layout.font]
    accent = colors.HexColor(layout.accent)
    top = PAGE_H - 14 * mm
    right = PAGE_W - MARGIN
    if head.style == "trust":
        c.setFillColor(colors.HexColor("#005eb8"))
        c.rect(right - 22 * mm, top - 9 * mm, 22 * mm, 9 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-BoldOblique", 17)
        c.drawCentredString(right - 11 * mm, top - 7 * mm, "NHS")
        c.setFillColor(colors.HexColor("#005eb8"))
        c.setFont("Helvetica-Bold", 11)
        c.drawRightString(right, top - 15 * mm, head.name)
        y = top - 20 * mm
    elif head.style in ("hra", "rec"):
        c.setFillColor(accent)
        c.circle(MARGIN + 6 * mm, top - 5 * mm, 6 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9)
        c.drawCentredString(MARGIN + 6 * mm, top - 6.5 * mm, "HRA")
        c.setFillColor(accent)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(MARGIN + 15 * mm, top - 5 * mm, "Health Research Authority")
        c.setFont("Helvetica", 9)
        c.setFillColor(colors.HexColor("#444444"))
        c.drawString(MARGIN + 15 * mm, top - 10 * mm, head.tagline or head.name)
        y = top
    elif head.style == "nigb":
        c.setFillColor(accent)
        c.setFont("Times-Bold", 13)
        c.drawString(MARGIN, top - 4 * mm, "National Information Governance Board")
        c.setFont("Times-Italic", 10)
        c.drawString(MARGIN, top - 9 * mm, "for Health and Social Care")
        c.setFont("Times-Roman", 9)
        c.drawString(MARGIN, top - 14 * mm, head.tagline)
        y = top
    elif head.style == "university":
        c.setStrokeColor(accent)
        c.setLineWidth(1.2)
        c.rect(MARGIN, top - 14 * mm, 12 * mm, 14 * mm, stroke=1, fill=0)
        c.setFillColor(accent)
        c.setFont("Times-Bold", 12)
        initials = "".join(w[0] for w in head.name.split() if w[0].isupper() and w != "University")[:2]
        c.drawCentredString(MARGIN + 6 * mm, top - 8.5 * mm, initials or "U")
        c.setFont("Times-Bold", 15)
        c.drawString(MARGIN + 16 * mm, top - 5.5 * mm, head.name)
        c.setFont("Times-Italic", 9)
        c.drawString(MARGIN + 16 * mm, top - 10.5 * mm, head.tagline)
        y = top
    else:
        c.setFont(bold, 12)
        c.setFillColor(accent)
        c.drawString(MARGIN, top - 4 * mm, head.name)
        y = top
    c.setFont(regular, 8)
    c.setFillColor(colors.HexColor("#333333"))
    if head.style == "trust":
        for line in head.lines:
            c.drawRightString(right, y, line)
            y -= 3.6 * mm
    else:
        y = top
        for line in head.lines:
            c.drawRightString(right, y, line)
            y -= 3.6 * mm
    c.setStrokeColor(accent)
    c.setLineWidth(0.6)
    c.line(MARGIN, PAGE_H - LETTERHEAD_H + 4 * mm, right, PAGE_H - LETTERHEAD_H + 4 * mm)


def _decorate(c, layout: Layout, page: int, pages: int) -> None:
    regular = FONTS[layout.font][0]
    c.saveState()
    if page == 1 and layout.letterhead:
        _draw_letterhead(c, layout.letterhead, layout)
    c.setFont(regular, 8)
    c.setFillColor(colors.HexColor("#333333"))
    if layout.header and not (page == 1 and layout.letterhead):
        y = PAGE_H - 12 * mm
        for line in layout.header:
            c.drawRightString(PAGE_W - MARGIN, y, line.format(page=page, pages=pages))
            y -= 3.8 * mm
    y = 10 * mm + 3.8 * mm * (len(layout.footer) - 1)
    for line in layout.footer:
        text = line.format(page=page, pages=pages)
        if "\t" in text:
            left, right_text = text.split("\t", 1)
            c.drawString(MARGIN, y, left)
            c.drawRightString(PAGE_W - MARGIN, y, right_text)
        else:
            c.drawCentredString(PAGE_W / 2, y, text)
        y -= 3.8 * mm
    c.restoreState()


def _canvas_class(layout: Layout):
    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, layout, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf(layout: Layout) -> bytes:
    out = io.BytesIO()
    width = PAGE_W - 2 * MARGIN
    bottom = MARGIN + 4 * mm * max(len(layout.footer) - 1, 0)
    top_first = LETTERHEAD_H if layout.letterhead else MARGIN + 4 * mm * len(layout.header)
    top_later = MARGIN + 4 * mm * len(layout.header)
    first = Frame(MARGIN, bottom, width, PAGE_H - top_first - bottom, id="first")
    later = Frame(MARGIN, bottom, width, PAGE_H - top_later - bottom, id="later")
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        title=layout.title,
        author=layout.author,
        subject="",
        creator=layout.author,
        producer="",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    )
    doc.addPageTemplates([PageTemplate("first", [first]), PageTemplate("later", [later])])
    story = [NextPageTemplate("later"), *_story(layout, _styles(layout), width)]
    doc.build(story, canvasmaker=_canvas_class(layout))
    return out.getvalue()


def render_image_pdf(image_png: bytes, title: str) -> bytes:
    """A PDF whose only content is one page image: what a scanner produces (no text layer)."""
    from reportlab.lib.utils import ImageReader

    out = io.BytesIO()
    c = pdfcanvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("ScanStation 4.2")
    c.drawImage(ImageReader(io.BytesIO(image_png)), 0, 0, width=PAGE_W, height=PAGE_H)
    c.showPage()
    c.save()
    return out.getvalue()
