"""The HRA's CAG register as a reviewer downloads it, for the bundles whose keys name one.

`cag-register-2024-08.xlsx` lists the fictional studies' supports the way the HRA's spreadsheets do: a
cover sheet, then a research and a non-research sheet whose headers differ; a merged group row over a
two-row header; next review dates as date cells, Excel serial numbers and text; references of every
era, a renumbered support in one cell; rows for other, unrelated supports. `cag-register-2023-01.csv`
is an older download, from before the CAPRA support was approved.

Every entry agrees with its study's clean bundle; the REG variants (`bundles.py`) plant each
discrepancy by what they change in the bundle, or by the register they are checked with.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from .studies import CAPRA, HIPFIT, PRETERM, STROKE
from .zipping import write_zip

CURRENT = "cag-register-2024-08.xlsx"
OLDER = "cag-register-2023-01.csv"
FIXED = dt.datetime(2024, 8, 1)


def _serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


# (reference, title, applicant organisation, identifiers, next review (a date, a serial or text),
#  opt-out status, notes)
RESEARCH = [
    ("22/CAG/0129", "Outcomes of adult congenital heart surgery: a national linkage study",
     "University of Harwick\nProf Alan Rees; a.rees@harwick.example.ac.uk", "NHS number, date of birth, postcode",
     dt.date(2025, 2, 1), "Applied", ""),
    (CAPRA.cag_ref, CAPRA.title, CAPRA.controller.name + "\nDr Helen Marsh, Chief Investigator",
     "NHS number, date of birth, sex and postcode (for linkage). No names or addresses.",
     _serial(dt.date(2025, 6, 14)), "Applied", "Standard conditions of support apply."),
    (f"{STROKE.cag_ref} (previously {STROKE.cag_previous})", STROKE.title, STROKE.controller.name,
     "NHS number, full name, date of birth and postcode", "21/09/2024", "Exempt",
     "CAG agreed that the activity is exempt from the standard condition that patient dissent is respected, "
     "as the register was established before the national data opt-out."),
    ("19/CAG/0044", "Long-term follow-up of a childhood leukaemia trial cohort", "Ashdown University",
     "NHS number, date of birth", "TBC - annual review in progress", "", ""),
    (HIPFIT.cag_ref, HIPFIT.title, HIPFIT.controller.name, "NHS number, date of birth, sex, postcode",
     "20 November 2024", "", "Approved before the national data opt-out; the opt-out will be applied."),
]  # fmt: skip
NON_RESEARCH = [
    ("21/CAG/0031", "Regional cancer waiting times audit", "Fernside Integrated Care Board", "NHS number",
     "2024-12-31", "Applies", ""),
    (PRETERM.cag_ref, PRETERM.title, f"{PRETERM.controller.name};\nNorthfold Teaching Hospitals NHS Trust",
     "NHS number, date of birth, postcode", "30/05/2024", "", "Joint application (2013)."),
]  # fmt: skip


def register_workbook() -> bytes:
    """The current register: a cover sheet, then 'Research' and 'Non-research' with different headers."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "About"
    cover["A1"] = "Confidentiality Advisory Group: register of approved applications (fictional sample)"
    cover["A3"] = (
        "Updated monthly. Next review date: if this date has passed but the entry still shows approved, "
    )
    cover["A4"] = "it is likely that an annual review is in the process of approval."

    research = book.create_sheet("Research")
    research["A1"] = "Research applications approved under section 251"
    research.append([])
    research.append(["Application", None, None, "Confidential patient information", "Review", None, None])
    research.merge_cells("A3:C3")
    research.merge_cells("E3:G3")
    research.append(["CAG Reference Number", "Application title", "Applicant organisation",
                     "Identifiers approved", "Next review date", "National data opt-out status", "Notes"])  # fmt: skip
    for row in RESEARCH:
        research.append(list(row))
        cell = research.cell(row=research.max_row, column=5)
        if isinstance(row[4], dt.date):
            cell.number_format = "dd/mm/yyyy"
    for cell in research[4]:
        cell.font = Font(bold=True)

    other = book.create_sheet("Non-research")
    other.append(["CAG ref", "Title of activity", "Organisation", "Data items", "Next review (dd/mm/yyyy)",
                  "NDOO status", "Comments"])  # fmt: skip
    for row in NON_RESEARCH:
        other.append(list(row))
    book.properties.creator = "Health Research Authority (fictional)"
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return _fixed_modified(out.getvalue())


def _fixed_modified(data: bytes) -> bytes:
    """openpyxl stamps the save time into docProps/core.xml: put the fixed time back, for a file that
    is byte-for-byte the same on every run."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = [
        (
            name,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            if name == "docProps/core.xml"
            else body,
        )
        for name, body in members
    ]
    return write_zip(members)


def older_register_csv() -> bytes:
    """An older download, as CSV: the supports approved before 2023, CAPRA not yet among them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["CAG reference", "Title", "Applicant", "Identifiers", "Next review date", "Opt-out status",
                     "Notes"])  # fmt: skip
    for reference, title, applicant, identifiers, review, status, notes in RESEARCH + NON_RESEARCH:
        if reference == CAPRA.cag_ref:
            continue
        if isinstance(review, int):
            review = (dt.date(1899, 12, 30) + dt.timedelta(days=review)).strftime("%d/%m/%Y")
        elif isinstance(review, dt.date):
            review = review.strftime("%d/%m/%Y")
        writer.writerow([reference, title, applicant, identifiers, review, status, notes])
    return out.getvalue().encode("utf-8")


def write_registers(out: Path) -> None:
    (out / CURRENT).write_bytes(register_workbook())
    (out / OLDER).write_bytes(older_register_csv())
