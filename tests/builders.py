"""Documents built in code for the tests: small, offline, and each showing one feature of a format."""

from __future__ import annotations

import io
import zipfile

from docx import Document as DocxDocument
from docx.oxml import parse_xml
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def pdf_bytes(
    pages: list[list[str]],
    table: list[list[str]] | None = None,
    table_page: int = 1,
    footer: str | None = None,
) -> bytes:
    """A text PDF: each page a list of paragraphs; optionally a ruled table on `table_page`."""
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    story = []
    for number, paragraphs in enumerate(pages, start=1):
        story.extend(Paragraph(text, styles["Normal"]) for text in paragraphs)
        if table and number == table_page:
            grid = Table(table)
            grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.extend([Spacer(1, 12), grid])
        if number < len(pages):
            story.append(PageBreak())

    def draw_footer(canvas, doc):
        if footer:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(72, 30, footer.replace("{page}", str(doc.page)))

    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(
        story, onFirstPage=draw_footer, onLaterPages=draw_footer
    )
    return buffer.getvalue()


def blank_pdf_bytes(pages: int = 1) -> bytes:
    """A PDF with pages but no text: what a scan without OCR looks like to a text reader."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(pages):
        drawing.rect(100, 100, 300, 500, fill=1)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def docx_bytes(
    paragraphs: list[str] = (),
    table: list[list[str]] | None = None,
    footer: str | None = None,
    header: str | None = None,
    title: str | None = None,
    after_table: list[str] = (),
) -> bytes:
    document = DocxDocument()
    if title:
        document.add_heading(title, level=0)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after_table:
        document.add_paragraph(text)
    section = document.sections[0]
    if footer:
        section.footer.paragraphs[0].text = footer
    if header:
        section.header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_revisions_and_controls() -> bytes:
    """A DOCX whose text sits in a tracked insertion, beside a deletion, and inside a content control."""
    document = DocxDocument()
    document.add_paragraph("Consent form")
    body = document.element.body
    sect = body[-1]
    tracked = parse_xml(
        f'<w:p {W_NS}><w:r><w:t xml:space="preserve">I agree to my </w:t></w:r>'
        f'<w:del w:id="1" w:author="A"><w:r><w:delText>GP records</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="A"><w:r><w:t>hospital records</w:t></w:r></w:ins>'
        f'<w:r><w:t xml:space="preserve"> being linked.</w:t></w:r></w:p>'
    )
    control = parse_xml(
        f'<w:sdt {W_NS}><w:sdtPr><w:alias w:val="Version"/></w:sdtPr><w:sdtContent>'
        f"<w:p><w:r><w:t>Version 2.0 dated 1 March 2020</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    sect.addprevious(tracked)
    sect.addprevious(control)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite_zip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of a zip with some members replaced (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info, source.read(info))
        for name, content in replace.items():
            if content is not None and name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


VALID_REQUEST = """\
reference: DARS-NIC-123456-A1B2C
title: Long-term outcomes of childhood asthma
submitted: 2024-05-01
purpose: >
  To study hospital admissions and deaths among adults who were treated for asthma in childhood.
purpose_category: research
commercial: false
research:
  rec_reference: 14/SW/0123
  funding: Asthma + Lung UK project grant
legal_basis:
  common_law: section_251
  cag_reference: 14/CAG/1002
  gdpr_article_6: "6(1)(e)"
  gdpr_article_9: "9(2)(j)"
national_data_opt_out: applied
identifiers: [nhs_number, date_of_birth, postcode]
cohort:
  supplied: true
  recruitment_start: 2012-01-01
  recruitment_end: 2016-12-31
datasets:
  - id: hes_apc
    start: 2008-04-01
    end: 2023-03-31
    fields: [admidate, diag_4_01, mydob]
  - id: deaths
    start: 2012-01-01
    end: 2023-12-31
    fields: [dod, cause_of_death]
flows:
  - action: receive
    counterparty: University of Bristol
    identifiers: [nhs_number, date_of_birth, postcode]
  - action: link
    datasets: [hes_apc, deaths]
    identifiers: [nhs_number, date_of_birth, postcode]
  - action: disseminate
    counterparty: University of Bristol
    identifiers: []
organisations:
  - name: University of Bristol
    roles: [controller]
    dsfc: true
    processing_locations: [England]
territory_of_use: uk
sublicensing:
  planned: false
  justification: null
minimisation:
  statement: >
    NHS number, date of birth and postcode are sent only to link; the extract returned is pseudonymised
    and holds month of birth, not date of birth.
"""


DOCX_NOTES_PARTS = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
}
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def docx_with_notes(
    body: str,
    footnotes: list[str] = (),
    endnotes: list[str] = (),
    comments: list[str] = (),
    macros: bool = False,
) -> bytes:
    """A DOCX whose body refers to footnotes and endnotes (numbered 1, 2, ... in body order) and
    holds comments; with `macros`, a DOCM (macro-enabled main part and a vbaProject.bin)."""
    document = DocxDocument()
    paragraph = document.add_paragraph(body)
    refs = "".join(
        f'<w:r><w:footnoteReference w:id="{n}"/></w:r>' for n in range(1, len(footnotes) + 1)
    ) + "".join(f'<w:r><w:endnoteReference w:id="{n}"/></w:r>' for n in range(1, len(endnotes) + 1))
    refs += "".join(f'<w:r><w:commentReference w:id="{n}"/></w:r>' for n in range(len(comments)))
    for run in parse_xml(f"<w:p {W_NS}>{refs}</w:p>"):
        paragraph._p.append(run)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()

    def part(root: str, item: str, texts: list[str], first: int, extra: str = "") -> bytes:
        separators = (
            f'<w:{item} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{item}>'
            f'<w:{item} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{item}>'
            if item != "comment"
            else ""
        )
        notes = "".join(
            f'<w:{item} w:id="{n}"{extra}><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{item}>'
            for n, text in enumerate(texts, start=first)
        )
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W_NS}>{separators}{notes}</w:{root}>'.encode()

    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml").decode()
    rels = source.read("word/_rels/document.xml.rels").decode()
    replace: dict[str, bytes | None] = {}
    for name, texts, item, first in (
        ("footnotes", footnotes, "footnote", 1),
        ("endnotes", endnotes, "endnote", 1),
        ("comments", comments, "comment", 0),
    ):
        if not texts:
            continue
        extra = ' w:author="HRA CAT" w:initials="HC"' if item == "comment" else ""
        replace[f"word/{name}.xml"] = part(name, item, texts, first, extra)
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{name}.xml" ContentType="{DOCX_NOTES_PARTS[name]}"/></Types>',
        )
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdN{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/{name}" Target="{name}.xml"/></Relationships>',
        )
    if macros:
        types = types.replace(DOCX_MAIN, DOCM_MAIN)
        replace["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    replace["[Content_Types].xml"] = types.encode()
    replace["word/_rels/document.xml.rels"] = rels.encode()
    return rewrite_zip(data, replace)


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook: one sheet per name, each a list of rows."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A data-flow table as applicants send it: a cover sheet with the CAG reference, then the flows.
DATA_FLOWS = {
    "Cover": [["Data flows for the Childhood Asthma Outcomes Study (CAG reference 21/CAG/0123)"]],
    "Flows": [
        ["Flow", "From", "To", "Data items", "Datasets", "Purpose"],
        [1, "University of Bristol", "NHS England", "NHS number, date of birth, postcode", None,
         "Cohort sent to NHS England for linkage"],
        [2, "NHS England", "NHS England", "NHS number, date of birth, postcode",
         "Hospital Episode Statistics Admitted Patient Care; Civil Registration - Deaths",
         "Linkage of the cohort to HES APC and death registrations"],
    ],
}  # fmt: skip


def eml_bytes(
    subject: str,
    body: str,
    attachments: dict[str, bytes] = {},  # noqa: B006 - read only
    html: str | None = None,
    sender: str = "HRA Confidentiality Advice Team <cag@hra.nhs.uk>",
    to: str = "Dr A Smith <a.smith@bristol.ac.uk>",
    attached_messages: list[bytes] = (),
) -> bytes:
    """An e-mail as a mail client saves it: text (and optionally HTML) body, files attached."""
    import mimetypes
    from email import policy
    from email.message import EmailMessage
    from email.parser import BytesParser

    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Date"] = "Tue, 04 May 2021 10:15:00 +0100"
    message["Subject"] = subject
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, data in attachments.items():
        kind = (mimetypes.guess_type(name)[0] or "application/octet-stream").split("/")
        message.add_attachment(data, maintype=kind[0], subtype=kind[1], filename=name)
    for inner in attached_messages:
        message.add_attachment(BytesParser(policy=policy.default).parsebytes(inner))
    return message.as_bytes()


def form_pdf_bytes(
    text_fields: dict[str, str],
    checkboxes: dict[str, bool] | None = None,
    choice: tuple[str, list[str], str] | None = None,
    comment: str | None = None,
    free_text: str | None = None,
) -> bytes:
    """A fillable application form (AcroForm) of two pages: a heading on page 1, the fields on page 2
    (text fields filled in, checkboxes ticked or not, a drop-down list), and optionally a sticky note
    and a text box (FreeText) on page 1."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    drawing.setFont("Helvetica", 14)
    drawing.drawString(72, 760, "Application for section 251 support (fillable form)")
    if comment:
        drawing.textAnnotation(comment, Rect=(72, 700, 92, 720), relative=0)
    drawing.showPage()
    drawing.setFont("Helvetica", 10)
    y = 760
    for name, value in text_fields.items():
        drawing.drawString(72, y + 4, name)
        drawing.acroForm.textfield(name=name, tooltip=name, value=value, x=250, y=y, width=280, height=18)
        y -= 30
    for name, ticked in (checkboxes or {}).items():
        drawing.drawString(72, y + 4, name)
        drawing.acroForm.checkbox(name=name, tooltip=name, checked=ticked, x=250, y=y, size=14)
        y -= 30
    if choice:
        name, options, value = choice
        drawing.drawString(72, y + 4, name)
        drawing.acroForm.choice(
            name=name, tooltip=name, options=options, value=value, x=250, y=y, width=200, height=18
        )
    drawing.showPage()
    drawing.save()
    data = buffer.getvalue()
    if free_text:
        data = _add_free_text(data, free_text)
    return data


def _add_free_text(data: bytes, text: str) -> bytes:
    """Add a FreeText annotation (a text box typed on the page) to page 1, with PDFium."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    annot = raw.FPDFPage_CreateAnnot(page.raw, raw.FPDF_ANNOT_FREETEXT)
    rect = raw.FS_RECTF(72, 600, 400, 640)
    raw.FPDFAnnot_SetRect(annot, rect)
    value = (text + "\x00").encode("utf-16-le")
    raw.FPDFAnnot_SetStringValue(annot, b"Contents", ctypes.cast(value, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPage_CloseAnnot(annot)
    page.close()
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def two_column_pdf_bytes(heading: str, left: list[str], right: list[str], footer: str | None = None) -> bytes:
    """A page of two columns whose content stream interleaves them (left line 1, right line 1,
    left line 2, ...), as some layout programs write it; a heading across the page above them."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    drawing.setFont("Helvetica-Bold", 14)
    drawing.drawString(72, 780, heading)
    drawing.setFont("Helvetica", 10)
    y = 740
    for index in range(max(len(left), len(right))):
        if index < len(left):
            drawing.drawString(72, y, left[index])
        if index < len(right):
            drawing.drawString(320, y, right[index])
        y -= 14
    if footer:
        drawing.drawString(72, 40, footer)
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def rotated_pdf_bytes(lines: list[str], content_order: list[int] | None = None) -> bytes:
    """A landscape page kept as a portrait page turned by /Rotate 90, its lines drawn turned a
    quarter so they read across the page as shown; `content_order` is the order the content stream
    draws them in (the reading order by default)."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    drawing.setPageRotation(90)
    drawing.rotate(90)
    drawing.setFont("Helvetica", 12)
    for index in content_order or range(len(lines)):
        drawing.drawString(72, -100 - 20 * index, lines[index])
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def scan_image(lines: list[str], format: str = "PNG", frames: int = 1, dpi: int = 200) -> bytes:
    """A scan of a small page of text (a PNG, JPEG or TIFF of `frames` pages), rendered from a PDF at
    `dpi`: what a scanner or a phone makes of a printed page, without a text layer."""
    import pypdfium2 as pdfium

    images = []
    for frame in range(frames):
        page_lines = [line.replace("{page}", str(frame + 1)) for line in lines]
        pdf = pdfium.PdfDocument(_small_page(page_lines))
        images.append(pdf[0].render(scale=dpi / 72).to_pil().convert("L" if format == "TIFF" else "RGB"))
        pdf.close()
    buffer = io.BytesIO()
    images[0].save(buffer, format=format, save_all=frames > 1, append_images=images[1:], dpi=(dpi, dpi))
    return buffer.getvalue()


def scan_pdf_bytes(lines: list[str], stamp: str | None = "Scanned with CamScanner", pages: int = 1) -> bytes:
    """A PDF holding `pages` scans of a page as images, each with a scanner app's stamp as its only
    text ("{page}" in a line is the page number)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(420, 160), invariant=1)
    for page in range(1, pages + 1):
        numbered = [line.replace("{page}", str(page)) for line in lines]
        drawing.drawImage(ImageReader(io.BytesIO(scan_image(numbered))), 0, 0, width=420, height=160)
        if stamp:
            drawing.setFont("Helvetica", 6)
            drawing.drawString(300, 4, stamp)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _small_page(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(420, 160), invariant=1)
    drawing.setFont("Helvetica", 12)
    y = 130
    for line in lines:
        drawing.drawString(24, y, line)
        y -= 20
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def msg_bytes(
    subject: str,
    body: str,
    attachments: dict[str, bytes] = {},  # noqa: B006 - read only
    sender: tuple[str, str] = ("HRA Confidentiality Advice Team", "cag@hra.nhs.uk"),
    to: str = "Dr A Smith",
    sent: str = "2021-05-04T09:15:00",
    unicode: bool = True,
    attached_messages: list[str] = (),
) -> bytes:
    """An Outlook .msg (MS-OXMSG) as Outlook saves it: property streams in an OLE compound file,
    each attachment in its own storage. `unicode=False` writes the 8-bit (001E) string properties;
    each of `attached_messages` is the subject of a message attached inside this one."""
    import struct
    from datetime import UTC, datetime

    from tests.ole_writer import compound_file

    kind, encode = ("001F", lambda s: s.encode("utf-16-le")) if unicode else ("001E", lambda s: s.encode("cp1252"))

    def strings(values: dict[int, str]) -> dict[str, bytes]:
        return {f"__substg1.0_{tag:04X}{kind}": encode(value) for tag, value in values.items() if value}

    def properties(header: int, values: list[tuple[int, int, bytes]]) -> bytes:
        out = bytes(header)
        for tag, kind_, value in values:
            out += struct.pack("<IIQ", (tag << 16) | kind_, 6, 0)[:8] + value.ljust(8, b"\x00")
        return out

    moment = datetime.fromisoformat(sent).replace(tzinfo=UTC)
    filetime = int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)
    tree: dict = strings({0x0037: subject, 0x0C1A: sender[0], 0x0C1F: sender[1], 0x0E04: to, 0x1000: body})
    tree["__properties_version1.0"] = properties(32, [(0x0039, 0x0040, struct.pack("<Q", filetime))])
    for number, (name, data) in enumerate(attachments.items()):
        storage = strings({0x3707: name, 0x3704: name[:8]})
        storage["__substg1.0_37010102"] = data
        storage["__properties_version1.0"] = properties(8, [(0x3705, 0x0003, struct.pack("<I", 1))])
        tree[f"__attach_version1.0_#{number:08X}"] = storage
    for number, inner_subject in enumerate(attached_messages, start=len(attachments)):
        inner = strings({0x0037: inner_subject, 0x1000: "Forwarded."})
        inner["__properties_version1.0"] = properties(24, [])
        storage = strings({0x3001: inner_subject})
        storage["__substg1.0_3701000D"] = inner
        storage["__properties_version1.0"] = properties(8, [(0x3705, 0x0003, struct.pack("<I", 5))])
        tree[f"__attach_version1.0_#{number:08X}"] = storage
    return compound_file(tree)


def scan_with_text_layer_bytes(lines: list[str], layer: list[str]) -> bytes:
    """A scanned page as a scanner's OCR saves it: the scan of `lines` as an image, and `layer` as
    invisible text over it (render mode 3), the layer a PDF reader's text comes from."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=(420, 160), invariant=1)
    drawing.drawImage(ImageReader(io.BytesIO(scan_image(lines))), 0, 0, width=420, height=160)
    text = drawing.beginText(24, 130)
    text.setFont("Helvetica", 12)
    text.setTextRenderMode(3)
    for line in layer:
        text.textLine(line)
    drawing.drawText(text)
    drawing.showPage()
    drawing.save()
    return buffer.getvalue()
