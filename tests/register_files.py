"""CAG-register-shaped spreadsheets, made by code (no committed binaries): the shapes the HRA's
downloads take (bundle.md, domain.md): a cover sheet, several sheets with their own headers, merged
and two-row headers, dates as date cells, Excel serials and text, references of every era."""

from __future__ import annotations

import datetime as dt
import io

SERIAL_2024_06_14 = 45457  # Excel's serial number of 14 June 2024


def register_xlsx(extra_rows: list[list[object]] = ()) -> bytes:
    """A cover sheet; 'Index' with a title, a merged group row and a two-row header; 'Archive' with
    other header names, where 14/CAG/1002 has a second row."""
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover["A1"] = "Register of approved applications"
    cover["A2"] = "See the Index sheet. Reference numbers are listed in column A."

    index = book.create_sheet("Index")
    index["A1"] = "CAG register - research"
    index.append(["CAG reference", "Application", None, None, "Next review", "National data opt-out"])
    index.merge_cells("A2:A3")  # the reference header spans both header rows
    index.merge_cells("B2:D2")
    index.append([None, "Title", "Applicant organisation", "Identifiers", "date (dd/mm/yyyy)", None])
    index.merge_cells("F2:F3")
    rows = [
        ["14/CAG/1002", "Asthma outcomes", "University of Bristol", "NHS number, date of birth and postcode",
         SERIAL_2024_06_14, "Applied"],
        ["20/CAG/0067 (previously 16/CAG/0056)", "Stroke register", "University of Westmarch",
         "NHS number; name; date of birth", "21 September 2024", "Exempt"],
        ["ECC 1-04(d)/2011", "Hip fracture", "University of Wexcombe", "NHS number", dt.datetime(2024, 11, 20), None],
        ["CAG 2-03(a)/2013", "Preterm outcomes", "University of Northfold", "NHS number, postcode", "TBC", None],
        *extra_rows,
    ]  # fmt: skip
    for row in rows:
        index.append(row)

    archive = book.create_sheet("Archive")
    archive.append(["Ref no", "Study title", "Data controller", "Data items", "Review due", "Notes"])
    archive.append(["14-CAG-1002", "Asthma outcomes (amendment)", "University of Bristol\nDr A Smith",
                    "Postcode district; GP practice", "2023-03-31", "None"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def register_csv(rows: list[list[str]], header: list[str] | None = None, encoding: str = "utf-8") -> bytes:
    header = header or [
        "CAG Ref",
        "Title",
        "Organisation",
        "Identifiers",
        "Next review date",
        "NDOO status",
        "Notes",
    ]
    lines = [header, *rows]
    text = "\r\n".join(";".join(f'"{cell}"' for cell in line) for line in lines) + "\r\n"
    return text.encode(encoding)
