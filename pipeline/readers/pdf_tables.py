"""Ruled tables read from PDFium's objects, with pdfplumber's own table finder and cell text rules.

pdfplumber finds a table from the page's ruling lines and reads each cell from the characters in
it, but to get those it has pdfminer interpret every object of the page (0.2 s a page, most of a
small bundle's time). PDFium has already parsed the page: its path objects give the same lines and
rectangles, its text page the same characters. So the edges and characters are built here from
PDFium, in pdfplumber's coordinates (`top` measured down from the top of the page), and handed to
pdfplumber's `TableFinder` and `Table.extract`: the same algorithm on the same geometry.

Only pages whose drawing this module reads the way pdfminer does take this way: lines and
curves on the page itself, upright text, the media box as the page. Anything else (paths
inside form XObjects, turned text, a turned page) answers None and the page is
read by pdfplumber as before.
"""

from __future__ import annotations

import ctypes
from types import SimpleNamespace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Point = tuple[float, float]


class NeedsPdfplumber(Exception):
    """The page holds something this module does not read the way pdfminer does."""


def page_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[list[list[str | None]]] | None:
    """pdfplumber's `page.extract_tables()` for this page, from PDFium's objects; None when the page
    must go through pdfplumber itself."""
    from pdfplumber.table import TableFinder, TableSettings

    try:
        if page.get_rotation() or page.get_mediabox() != page.get_cropbox():
            raise NeedsPdfplumber
        height = page.get_height()
        edges = _edges(page, height)
        if not edges:
            return []
        stand_in = SimpleNamespace(edges=edges, chars=None, bbox=(0, 0, page.get_width(), height))
        settings = TableSettings.resolve(None)
        tables = TableFinder(stand_in, settings).tables
        if not tables:
            return []
        boxes = [_widened(table.bbox) for table in tables]
        chars = _chars(textpage, height, boxes)
        found = []
        for table, box in zip(tables, boxes, strict=True):
            # Each table reads only the characters near it: pdfplumber tests every character of
            # the page against every row, and a row takes only those whose middle is inside it.
            table.page = SimpleNamespace(chars=[char for char in chars if _middle_in(char, box)])
            found.append(table.extract(**(settings.text_settings or {})))
        return found
    except NeedsPdfplumber:
        return None


def _edges(page: pdfium.PdfPage, height: float) -> list[dict]:
    """pdfplumber's `page.edges`: one per line, four per rectangle, one per side of another path."""
    edges: list[dict] = []
    raw = page.raw
    for index in range(max(0, pdfium_c.FPDFPage_CountObjects(raw))):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = pdfium_c.FPDFFormObj_CountObjects(obj)
            for number in range(max(0, inner)):
                inner_obj = pdfium_c.FPDFFormObj_GetObject(obj, number)
                if pdfium_c.FPDFPageObj_GetType(inner_obj) in (
                    pdfium_c.FPDF_PAGEOBJ_PATH,
                    pdfium_c.FPDF_PAGEOBJ_FORM,
                ):
                    raise NeedsPdfplumber  # a form's paths sit under its own matrix
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            for shape, points in _subpaths(obj):
                edges.extend(_path_edges(shape, points, height))
    return edges


def _subpaths(path) -> list[tuple[str, list[Point]]]:
    """A painted path's subpaths as pdfminer's `paint_path` sees them: each its shape (the
    operators, `m`, `l`, `c`, `h`) and the end point of every operator (a Bézier curve's control
    points left out, a closing `h` giving the start point again). An unpainted path (`n`, a clip)
    is not drawn and gives none, as in pdfminer.

    PDFium keeps a curve as three segments (two control points, then the end) and a close as a flag
    on the last segment, after a line back to the start when the path was not there yet: that line
    is the redundant `l` pdfminer drops."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill, stroke):
        raise NeedsPdfplumber
    if fill.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
        return []
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(path, matrix):
        raise NeedsPdfplumber
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    subpaths: list[tuple[list[str], list[Point]]] = []
    curve_points = 0  # Bézier segments since the last end point of a curve
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(max(0, pdfium_c.FPDFPath_CountSegments(path))):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            raise NeedsPdfplumber
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO and not curve_points:
            subpaths.append((["m"], [point]))
        elif kind in (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO) and subpaths:
            shape, points = subpaths[-1]
            if shape[-1] == "h":
                raise NeedsPdfplumber  # drawing on from a closed subpath: pdfminer's shapes differ
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                curve_points += 1
                if curve_points < 3:
                    continue  # a control point
                curve_points = 0
                shape.append("c")
            elif curve_points:
                raise NeedsPdfplumber
            else:
                shape.append("l")
            points.append(point)
        else:
            raise NeedsPdfplumber
        if pdfium_c.FPDFPathSegment_GetClose(segment) and subpaths:
            shape, points = subpaths[-1]
            shape.append("h")
            points.append(points[0])
    if curve_points:
        raise NeedsPdfplumber
    found = []
    for ops, points in subpaths:
        shape = "".join(ops)
        if len(shape) < 2:
            continue  # a lone `m`
        if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
            shape = shape[:-2] + "h"
            points = points[:-2] + points[-1:]
        found.append((shape, points))
    return found


def _path_edges(shape: str, points: list[Point], height: float) -> list[dict]:
    """Edges of one subpath in pdfplumber's coordinates: `ml` and `mlh` are a line (its edge
    vertical unless exactly level, as pdfplumber says), any other shape gives an edge per side
    (a rectangle's four, as pdfplumber's rectangle edges)."""
    flipped = [(px, height - py) for px, py in points]
    if shape in ("ml", "mlh"):
        # pdfplumber's rule, a diagonal line included: its box becomes a vertical edge.
        return [_edge(flipped[0], flipped[1], "h" if flipped[0][1] == flipped[1][1] else "v")]
    edges = []
    for p0, p1 in zip(flipped, flipped[1:], strict=False):
        orientation = "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)
        edges.append(_edge(p0, p1, orientation))
    return edges


def _edge(p0: Point, p1: Point, orientation: str | None) -> dict:
    top, bottom = min(p0[1], p1[1]), max(p0[1], p1[1])
    return {
        "object_type": "curve_edge",
        "x0": min(p0[0], p1[0]),
        "x1": max(p0[0], p1[0]),
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "width": abs(p0[0] - p1[0]),
        "height": abs(p0[1] - p1[1]),
        "orientation": orientation,
    }


# How far around a table its characters are gathered from (points): more than PDFium's and
# pdfminer's character boxes can differ by, so that no character a row would take is missed.
MARGIN = 2.0


def _widened(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return x0 - MARGIN, top - MARGIN, x1 + MARGIN, bottom + MARGIN


def _middle_in(char: dict, box: tuple[float, float, float, float]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _chars(textpage: pdfium.PdfTextPage, height: float, boxes: list[tuple]) -> list[dict]:
    """The characters near the tables (`boxes`) as pdfplumber's char objects need them for table
    text: each with its font box (PDFium's loose box: the advance across, the font's height), the
    spaces and line breaks PDFium adds between runs left out (pdfminer has no such characters)."""
    raw = textpage.raw
    chars = []
    rect = pdfium_c.FS_RECTF()
    codes = _codes(raw, max(0, pdfium_c.FPDFText_CountChars(raw)))
    for index, code in enumerate(codes):
        if code in (0x0D, 0x0A, 0):
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            raise NeedsPdfplumber
        x = (rect.left + rect.right) / 2
        y = height - (rect.top + rect.bottom) / 2
        if not any(box[0] <= x <= box[2] and box[1] <= y <= box[3] for box in boxes):
            continue
        if chr(code).isspace() and pdfium_c.FPDFText_IsGenerated(raw, index):
            continue
        if pdfium_c.FPDFText_GetCharAngle(raw, index) not in (0.0, -1.0):
            raise NeedsPdfplumber  # turned text: pdfplumber reads it in another direction
        top, bottom = height - rect.top, height - rect.bottom
        chars.append(
            {
                "text": chr(code),
                "x0": rect.left,
                "x1": rect.right,
                "top": top,
                "doctop": top,
                "bottom": bottom,
                "width": rect.right - rect.left,
                "height": bottom - top,
                "upright": True,
            }
        )
    return chars


def _codes(raw, count: int) -> list[int]:
    """Each character's code, in one call for the page (one a character cost as much as the rest)."""
    if count == 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    if written == count + 1 and not any(0xD800 <= unit < 0xE000 for unit in buffer[:count]):
        return list(buffer[:count])
    return [pdfium_c.FPDFText_GetUnicode(raw, index) for index in range(count)]
