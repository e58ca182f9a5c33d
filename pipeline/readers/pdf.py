"""PDF: text per page with PDFium (fast), tables only on pages that draw them.

PDFium extracts plain text about a hundred times faster than pdfplumber (see the engineering
notes), so every page's text comes from it. Tables are read only for the pages whose drawing has
enough ruling lines or rectangles to hold a table, only when an extractor asks for table rows
(`ParsedDocument.ensure_tables`): pdfplumber's table finder runs on the lines and characters
PDFium gives (`pdf_tables`), and pdfplumber itself opens only a page that way cannot read, each of
its pages closed after use, because it leaks memory otherwise.
"""

from __future__ import annotations

import ctypes
import io
import itertools
import logging
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.errors import DarsError, LimitExceeded, UnreadableDocument
from pipeline.limits import Limits, raise_with
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.sniff import describe_content
from pipeline.readers.text_tools import clean_cell, clean_text

# Words of PDF syntax: a file that holds them but no %PDF header is a damaged PDF, not text.
PDF_MARKERS = (b"endobj", b"startxref", b"%%EOF")

# A page with at least this many path objects (lines, rectangles) may hold a ruled table.
TABLE_PATH_OBJECTS = 6

PDFIUM_REASONS = {
    pdfium_c.FPDF_ERR_PASSWORD: "the PDF is encrypted: it needs a password to open",
    pdfium_c.FPDF_ERR_SECURITY: "the PDF uses an unsupported security handler (encrypted)",
    pdfium_c.FPDF_ERR_FORMAT: "the PDF is corrupt or truncated (its structure cannot be parsed)",
    pdfium_c.FPDF_ERR_FILE: "the PDF cannot be opened",
}

# pdfminer (under pdfplumber) logs every odd object it meets; a bundle is not the place for that.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read_pdf(data: bytes, limits: Limits) -> ParsedDocument:
    what = describe_content(data)
    if what != "a PDF":
        if what in ("text", "binary data") and any(marker in data for marker in PDF_MARKERS):
            raise UnreadableDocument("the PDF is corrupt: its %PDF header is missing or damaged")
        raise UnreadableDocument(f"the file is named .pdf but is {what}")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = PDFIUM_REASONS.get(getattr(exc, "err_code", None), f"the PDF cannot be opened ({exc})")
        raise UnreadableDocument(reason) from None
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise UnreadableDocument("the PDF has no pages")
        if page_count > limits.max_pages:
            raise LimitExceeded(
                f"the PDF has {page_count:,} pages, over the limit of {limits.max_pages:,} "
                + raise_with("max_pages")
            )
        forms = _init_forms(pdf)
        ocr_pages: dict[int, float] = {}
        notes: list[str] = []
        page_texts, table_pages, extras = _read_pages(pdf, data, page_count, limits, forms, ocr_pages, notes)
        metadata = _metadata(pdf)
    finally:
        pdf.close()

    blocks = [
        Block(index=i, text=text, part=Part.BODY, page=i + 1, ocr=i in ocr_pages, confidence=ocr_pages.get(i))
        for i, text in enumerate(page_texts)
    ]
    # Form-field values and comments follow the pages, so the pages keep their addresses.
    blocks.extend(
        Block(index=len(blocks) + i, text=text, part=part, page=page, field=name)
        for i, (page, part, name, text) in enumerate(extras)
    )
    loader = (
        (lambda pages, first, tables_before: table_blocks(data, pages, first, tables_before))
        if table_pages
        else None
    )
    return ParsedDocument(
        format="pdf",
        blocks=blocks,
        pages=page_count,
        metadata=metadata,
        table_pages=tuple(table_pages),
        table_loader=loader,
        notes=notes,
    )


def table_blocks(
    data: bytes, table_pages: list[int], first_index: int, tables_before: int = 0
) -> list[Block]:
    """One block per row of every ruled table on the given pages: blocks numbered from `first_index`,
    tables from `tables_before` + 1."""
    blocks: list[Block] = []
    table_number = tables_before
    for page_number, tables in sorted(_read_tables(data, table_pages).items()):
        for rows in tables:
            table_number += 1
            for row_number, cells in enumerate(rows, start=1):
                blocks.append(
                    Block(
                        index=first_index + len(blocks),
                        text=" | ".join(cells),
                        part=Part.TABLE,
                        page=page_number,
                        table=table_number,
                        row=row_number,
                        cells=cells,
                    )
                )
    return blocks


def _read_pages(
    pdf: pdfium.PdfDocument,
    data: bytes,
    page_count: int,
    limits: Limits,
    forms,
    ocr_pages: dict[int, float],
    notes: list[str],
) -> tuple[list[str], list[int], list[tuple[int, Part, str | None, str]]]:
    """Each page's text, the pages that may hold a ruled table, and the form fields and comments.
    A scan page (under SCAN_PAGE_CHARS characters of text, and an image) is read by OCR: its index
    and the engine's confidence go into `ocr_pages`, what the report should say into `notes`."""
    texts: list[str] = []
    table_pages: list[int] = []
    extras: list[tuple[int, Part, str | None, str]] = []
    rotated_pages: list[int] = []
    total = 0
    for index in range(page_count):
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise UnreadableDocument(
                f"the PDF is corrupt: page {index + 1} of {page_count} cannot be loaded"
            ) from None
        try:
            try:
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                raise UnreadableDocument(
                    f"the PDF is corrupt: the text of page {index + 1} of {page_count} cannot be read"
                ) from None
            try:
                text = textpage.get_text_range()
                if page.get_rotation():
                    rotated_pages.append(index)
                else:
                    text = _columns_in_reading_order(textpage, page.get_width()) or text
                text = clean_text(text)
            finally:
                textpage.close()
            if len(text.strip()) < SCAN_PAGE_CHARS and _has_image(page):
                read = _ocr_page(page, index + 1, notes)
                if read is not None:
                    text = clean_text(read.text)
                    ocr_pages[index] = read.confidence
            else:
                read = _poor_layer_read_again(page, index + 1, text, notes)
                if read is not None:
                    text = clean_text(read.text)
                    ocr_pages[index] = read.confidence
            if _may_hold_table(page):
                table_pages.append(index + 1)
            page_extras = [(index + 1, *extra) for extra in _annotations(page, forms)]
        finally:
            page.close()
        total += len(text) + sum(len(extra[-1]) for extra in page_extras)
        if total > limits.max_text_chars:
            raise LimitExceeded(f"the PDF holds more than {limits.max_text_chars:,} characters of text")
        texts.append(text)
        extras.extend(page_extras)
    if rotated_pages:
        for index, text in _read_rotated(data, [i for i in rotated_pages if i not in ocr_pages]).items():
            texts[index] = text
    return texts, table_pages, extras


# Two columns are read one after the other when each side has at least this many lines, of a
# median width of at least this share of the page (a column of prose, not labels and values).
COLUMN_LINES = 5
COLUMN_WIDTH = 0.2


def _columns_in_reading_order(textpage: pdfium.PdfTextPage, width: float) -> str | None:
    """The page's text column by column, for a page of two columns whose content stream interleaves
    them (PDFium follows the content stream, so it splices a line of each column into one); None for
    any other page, whose text stays as PDFium gives it.

    PDFium's text rectangles (one a run of text on a line) give the layout: a gutter that no line
    between the columns' top and bottom crosses, prose lines on both sides, and lines that go from
    one side to the other in the content stream. The text above the columns (a heading), each column,
    then the text below them (a footer) are read with PDFium's bounded-text call.
    """
    count = textpage.count_rects()
    if count < 2 * COLUMN_LINES:
        return None
    rects = [textpage.get_rect(i) for i in range(count)]  # (left, bottom, right, top)
    for gutter in _gutters(rects, width):
        left = [r for r in rects if r[2] <= gutter]
        right = [r for r in rects if r[0] >= gutter]
        if len(left) < COLUMN_LINES or len(right) < COLUMN_LINES:
            continue
        top = min(max(r[3] for r in left), max(r[3] for r in right))
        bottom = max(min(r[1] for r in left), min(r[1] for r in right))
        if any(r[0] < gutter < r[2] and r[1] < top and r[3] > bottom for r in rects):
            continue  # a line crosses the gutter between the columns: not two columns
        sides = [[r for r in side if r[1] < top and r[3] > bottom] for side in (left, right)]
        if any(
            len(side) < COLUMN_LINES
            or sorted(r[2] - r[0] for r in side)[len(side) // 2] < COLUMN_WIDTH * width
            for side in sides
        ):
            continue
        in_band = [r for r in rects if r[1] < top and r[3] > bottom]
        switches = sum((a[0] >= gutter) != (b[0] >= gutter) for a, b in itertools.pairwise(in_band))
        if switches <= 1:
            return None  # PDFium already reads the columns one after the other
        page_left = page_right = None  # the page's own edges
        pieces = [
            textpage.get_text_bounded(page_left, top + 0.5, page_right, None),
            textpage.get_text_bounded(page_left, bottom - 0.5, gutter, top + 0.5),
            textpage.get_text_bounded(gutter, bottom - 0.5, page_right, top + 0.5),
            textpage.get_text_bounded(page_left, None, page_right, bottom - 0.5),
        ]
        return "\n".join(piece.strip() for piece in pieces if piece.strip())
    return None


def _gutters(rects: list[tuple[float, float, float, float]], width: float) -> list[float]:
    """Candidate gutters: the middle of each gap between text runs in the middle of the page."""
    candidates = []
    for rect in rects:
        x = rect[0] - 1  # just left of a run that starts in the middle third of the page
        if width / 3 <= x <= 2 * width / 3 and x not in candidates:
            candidates.append(x)
    return sorted(candidates)[:20]


def _read_rotated(data: bytes, indexes: list[int]) -> dict[int, str]:
    """The text of turned pages (/Rotate) in reading order as shown: pdfplumber places each
    character in the page's shown orientation and reads lines top to bottom, where PDFium follows
    the content stream. A page pdfplumber cannot read keeps PDFium's text."""
    import pdfplumber

    found: dict[int, str] = {}
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in indexes]) as plumber:
            for page in plumber.pages:
                try:
                    found[page.page_number - 1] = clean_text(page.extract_text())
                except DarsError:
                    raise
                except Exception:  # noqa: BLE001 - PDFium's text stays
                    pass
                finally:
                    page.close()
    except DarsError:
        raise
    except Exception:  # noqa: BLE001 - PDFium's text stays
        return found
    return found


# Annotations that are not comments: links, form widgets, pop-up windows (which repeat the
# contents of the note they belong to), and printing marks.
NOT_COMMENTS = {
    pdfium_c.FPDF_ANNOT_LINK,
    pdfium_c.FPDF_ANNOT_WIDGET,
    pdfium_c.FPDF_ANNOT_POPUP,
    pdfium_c.FPDF_ANNOT_PRINTERMARK,
    pdfium_c.FPDF_ANNOT_TRAPNET,
    pdfium_c.FPDF_ANNOT_WATERMARK,
    pdfium_c.FPDF_ANNOT_XFAWIDGET,
}
CHECKABLE = {pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON}
CHOICES = {pdfium_c.FPDF_FORMFIELD_COMBOBOX, pdfium_c.FPDF_FORMFIELD_LISTBOX}
TEXT_FIELDS = {pdfium_c.FPDF_FORMFIELD_TEXTFIELD, *CHOICES}


def _init_forms(pdf: pdfium.PdfDocument):
    """PDFium's form handle, for a PDF that has an AcroForm (None otherwise: no cost for the rest).
    pypdfium2 is built without a JavaScript engine, and no document action is ever triggered."""
    if pdfium_c.FPDF_GetFormType(pdf.raw) != pdfium_c.FORMTYPE_ACRO_FORM:
        return None
    try:
        pdf.init_forms()
    except Exception:  # noqa: BLE001 - the pages' text is still read
        return None
    return pdf.formenv.raw if pdf.formenv is not None else None


def _annotations(page: pdfium.PdfPage, forms) -> list[tuple[Part, str | None, str]]:
    """The page's form-field values (`Part.FIELD`, with the field's name) and comments (`Part.COMMENT`:
    sticky notes, text boxes, and any markup annotation that carries a note), in the page's order.
    A field shown by several widgets on the page (radio buttons) gives one value."""
    found: list[tuple[Part, str | None, str]] = []
    seen_fields: set[str] = set()
    count = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    for index in range(max(0, count)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, index)
        if not annot:
            continue
        try:
            subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if subtype == pdfium_c.FPDF_ANNOT_WIDGET:
                if forms is None:
                    continue
                field = _field_value(forms, annot)
                if field and field[0] not in seen_fields:
                    seen_fields.add(field[0])
                    found.append((Part.FIELD, field[0], f"{field[0]}: {field[1]}"))
            elif subtype not in NOT_COMMENTS:
                text = clean_cell(_annot_string(annot, b"Contents"))
                if text:
                    found.append((Part.COMMENT, None, text))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return found


def _field_value(forms, annot) -> tuple[str, str] | None:
    """(name, value) of a filled form field; None for an empty one or an unticked box (an unticked
    box says nothing, and its label would read as a mention of an identifier)."""
    kind = pdfium_c.FPDFAnnot_GetFormFieldType(forms, annot)
    name = _field_name(forms, annot)
    if not name:
        return None
    if kind in CHECKABLE:
        if not pdfium_c.FPDFAnnot_IsChecked(forms, annot):
            return None
        export = clean_cell(_form_string(pdfium_c.FPDFAnnot_GetFormFieldExportValue, forms, annot))
        if kind == pdfium_c.FPDF_FORMFIELD_RADIOBUTTON and export and export.lower() not in ("yes", "on"):
            return name, export
        return name, "ticked"
    if kind in TEXT_FIELDS:
        value = clean_cell(_form_string(pdfium_c.FPDFAnnot_GetFormFieldValue, forms, annot))
        return (name, value) if value else None
    return None


def _field_name(forms, annot) -> str:
    """The field's tooltip (/TU, what a reader of the form sees), else the last part of its name
    without the array indexes form designers add (`form1[0].page2[0].CAGRef[0]` -> `CAGRef`)."""
    label = clean_cell(_form_string(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, forms, annot))
    if label:
        return label
    name = clean_cell(_form_string(pdfium_c.FPDFAnnot_GetFormFieldName, forms, annot))
    return re.sub(r"\[\d+\]", "", name.rsplit(".", 1)[-1] if "." in name else name) or name


def _form_string(call, forms, annot) -> str:
    size = call(forms, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    call(forms, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


def _annot_string(annot, key: bytes) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetStringValue(
        annot, key, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size
    )
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")


# A page with less text than this and an image is a scan page, read by OCR: a scanner's stamp
# ("Scanned with CamScanner") is not a text layer.
SCAN_PAGE_CHARS = 50


def _has_image(page: pdfium.PdfPage) -> bool:
    for obj in _objects(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject):
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject)
            if any(pdfium_c.FPDFPageObj_GetType(o) == pdfium_c.FPDF_PAGEOBJ_IMAGE for o in inner):
                return True
    return False


def _poor_layer_read_again(page: pdfium.PdfPage, number: int, text: str, notes: list[str]):
    """A page whose text layer looks like poor OCR (`text_layer`) and that shows an image (the scan
    under the layer) is read again by OCR; the OCR is kept when it has fewer misreadings than the
    layer. None, and a note saying why, when the layer stays."""
    from pipeline.readers.text_layer import layer_quality

    layer = layer_quality(text)
    if not layer.poor or not _has_image(page):
        return None
    shown = ", ".join(f'"{word}"' for word in layer.examples if len(word) <= 10)
    what = (
        f"page {number} has a text layer that looks like poor OCR ({layer.near_misses} of its {layer.words} "
        f"words are one misreading away from a known word{', such as ' + shown if shown else ''})"
    )
    read = _ocr_page(page, number, notes, what)
    if read is None:
        notes.append(f"page {number}: its text layer is kept, so its facts may be wrong or missing")
        return None
    if layer_quality(read.text).share >= layer.share:
        notes.append(f"{what}; OCR read it no better, so the text layer is kept: its facts may be wrong")
        return None
    notes.append(f"{what}: it was read again by OCR")
    return read


def _ocr_page(page: pdfium.PdfPage, number: int, notes: list[str], what: str | None = None):
    """The page rendered at OCR_DPI and read by OCR; None (and a note) when no engine is installed."""
    from pipeline.readers import ocr
    from pipeline.readers.image import ocr_notes

    what = what or f"page {number} is a scan"
    try:
        ocr._load_engine()
    except ocr.NoOcrEngine:
        notes.append(f"{what}, and {ocr.NO_ENGINE}")
        return None
    image = page.render(scale=ocr.OCR_DPI / 72).to_pil()
    try:
        read = ocr.recognise(image)
    except ocr.OcrFailed as exc:
        notes.append(f"{what}, and {exc}")
        return None
    notes.extend(ocr_notes(number, read))
    return read


def _may_hold_table(page: pdfium.PdfPage) -> bool:
    """At least TABLE_PATH_OBJECTS drawn paths on the page or one form level down. Counted with
    PDFium's raw calls: wrapping every object of every page in Python took twice as long."""
    paths = 0
    for obj in _objects(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject):
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject)
            paths += sum(pdfium_c.FPDFPageObj_GetType(o) == pdfium_c.FPDF_PAGEOBJ_PATH for o in inner)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        if paths >= TABLE_PATH_OBJECTS:
            return True
    return False


def _objects(holder, count, get):
    return (get(holder, index) for index in range(max(0, count(holder))))


def _read_tables(data: bytes, page_numbers: list[int]) -> dict[int, list[list[tuple[str, ...]]]]:
    """Rows of every ruled table on the given pages, keyed by page number.

    Each page is read from PDFium's objects with pdfplumber's table finder (`pdf_tables`); a page
    that module cannot read as pdfminer would goes through pdfplumber itself. A table that cannot be
    parsed is left out: the page's text already carries its words.
    """
    found: dict[int, list[list[tuple[str, ...]]]] = {}
    by_plumber: list[int] = []
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        by_plumber = list(page_numbers)
    else:
        try:
            for number in page_numbers:
                tables = _pdfium_tables(pdf, number)
                if tables is None:
                    by_plumber.append(number)
                else:
                    _keep_tables(found, number, tables)
        finally:
            pdf.close()
    if by_plumber:
        found.update(_plumber_tables(data, by_plumber))
    return dict(sorted(found.items()))


def _pdfium_tables(pdf: pdfium.PdfDocument, number: int) -> list | None:
    """pdfplumber's tables of page `number` from PDFium's objects, or None for pdfplumber to read."""
    from pipeline.readers.pdf_tables import page_tables

    try:
        page = pdf[number - 1]
    except pdfium.PdfiumError:
        return None
    try:
        textpage = page.get_textpage()
        try:
            return page_tables(page, textpage)
        finally:
            textpage.close()
    except DarsError:
        raise
    except Exception:  # noqa: BLE001 - pdfplumber itself gets the page
        return None
    finally:
        page.close()


def _keep_tables(found: dict, page_number: int, tables: list) -> None:
    """The tables of a page as rows of clean cells, those of at least two rows that say something."""
    rows_per_table = []
    for table in tables:
        rows = [tuple(clean_cell(c) for c in row) for row in table]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 2:
            rows_per_table.append(rows)
    if rows_per_table:
        found[page_number] = rows_per_table


def _plumber_tables(data: bytes, page_numbers: list[int]) -> dict[int, list[list[tuple[str, ...]]]]:
    """Rows of every ruled table on the given pages as pdfplumber reads them, keyed by page number."""
    import pdfplumber  # ~0.15 s to import: only for a page the PDFium way cannot read

    found: dict[int, list[list[tuple[str, ...]]]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data), pages=page_numbers) as plumber:
            for page in plumber.pages:
                try:
                    tables = page.extract_tables()
                except DarsError:
                    raise
                except Exception:  # noqa: BLE001 - a table we cannot parse is text we already have
                    tables = []
                finally:
                    page.close()
                _keep_tables(found, page.page_number, tables)
    except DarsError:
        raise
    except Exception:  # noqa: BLE001 - PDFium read the text; tables are a bonus
        return found
    return found


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    try:
        raw = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is optional
        return {}
    return {key.lower(): clean_cell(str(value)) for key, value in raw.items() if key in ("Title", "Author")}
