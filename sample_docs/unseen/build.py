#!/usr/bin/env python3
"""Build the unseen evidence-bundle corpus for dars-evidence.

    python build.py OUTDIR

Writes OUTDIR/<bundle>/... (request.yaml plus PDF and DOCX evidence) and OUTDIR/keys.json.
Byte-for-byte reproducible: fixed dates, no randomness, reportlab invariant mode, DOCX zips
rewritten with fixed timestamps.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

FIXED = dt.datetime(2024, 1, 1, 9, 0, 0)
D = dt.date.fromisoformat

# ----------------------------------------------------------------------------------------------
# date formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fd(d, style="long") -> str:
    if isinstance(d, str):
        d = D(d)
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long0":
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "slash2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "compact":
        return f"{d.day:02d}{MONTHS[d.month - 1][:3]}{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "month":
        return f"{MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


def andjoin(items) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ----------------------------------------------------------------------------------------------
# a document is a list of blocks plus page furniture; it renders to PDF or DOCX
#   ("letterhead", [lines])  ("title", text)  ("h", text)  ("p", text)  ("small", text)
#   ("bullets", [text])  ("table", rows)  ("boxes", [text])  ("break",)  ("right", text)


class Doc:
    def __init__(self, blocks, header=None, footer=None, title="", author=""):
        self.blocks = blocks
        self.header = header
        self.footer = footer
        self.title = title
        self.author = author


_SS = getSampleStyleSheet()
ST = {
    "p": ParagraphStyle("p", parent=_SS["BodyText"], fontName="Helvetica", fontSize=10, leading=13,
                        spaceAfter=5),
    "small": ParagraphStyle("small", parent=_SS["BodyText"], fontName="Helvetica", fontSize=8,
                            leading=10, spaceAfter=3),
    "title": ParagraphStyle("title", parent=_SS["Title"], fontName="Helvetica-Bold", fontSize=15,
                            leading=19, spaceAfter=10),
    "h": ParagraphStyle("h", parent=_SS["Heading2"], fontName="Helvetica-Bold", fontSize=11.5,
                        leading=14, spaceBefore=8, spaceAfter=4),
    "lh": ParagraphStyle("lh", parent=_SS["BodyText"], fontName="Helvetica", fontSize=8.5, leading=10.5,
                         alignment=TA_RIGHT),
    "right": ParagraphStyle("right", parent=_SS["BodyText"], fontName="Helvetica", fontSize=10,
                            leading=13, alignment=TA_RIGHT),
    "cell": ParagraphStyle("cell", parent=_SS["BodyText"], fontName="Helvetica", fontSize=8.5,
                           leading=10.5),
}


def _para(text, style):
    return Paragraph(escape(text).replace("\n", "<br/>"), ST[style])


def render_pdf(doc: Doc, path: Path) -> None:
    story = []
    for b in doc.blocks:
        kind = b[0]
        if kind == "letterhead":
            for line in b[1]:
                story.append(_para(line, "lh"))
            story.append(Spacer(1, 6 * mm))
        elif kind in ("title", "h", "p", "small", "right"):
            story.append(_para(b[1], kind))
        elif kind == "bullets":
            for item in b[1]:
                story.append(Paragraph("\u2022 " + escape(item), ST["p"]))
        elif kind == "table":
            rows = [[_para(str(c), "cell") for c in r] for r in b[1]]
            ncol = max(len(r) for r in rows)
            width = 170 * mm
            t = Table(rows, colWidths=[width / ncol] * ncol if ncol != 2 else [55 * mm, 115 * mm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
            story.append(t)
            story.append(Spacer(1, 4 * mm))
        elif kind == "boxes":
            rows = [[_para(f"{i + 1}.", "cell"), _para(txt, "cell"), ""] for i, txt in enumerate(b[1])]
            t = Table(rows, colWidths=[10 * mm, 135 * mm, 20 * mm])
            t.setStyle(TableStyle([("BOX", (2, 0), (2, -1), 0.6, colors.black),
                                   ("INNERGRID", (2, 0), (2, -1), 0.6, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
            story.append(t)
            story.append(Spacer(1, 4 * mm))
        elif kind == "break":
            story.append(PageBreak())
        else:
            raise ValueError(kind)

    def furniture(canvas, pdoc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        if doc.header:
            canvas.drawString(20 * mm, A4[1] - 12 * mm, doc.header)
        if doc.footer:
            foot = doc.footer.replace("{page}", str(pdoc.page))
            canvas.drawString(20 * mm, 10 * mm, foot)
        canvas.restoreState()

    pdoc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=20 * mm,
                             rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
                             title=doc.title, author=doc.author, creator="", producer="")
    pdoc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def _page_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = " PAGE "
        run._r.append(el)
    t = OxmlElement("w:t")
    t.text = "1"
    run._r.append(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def render_docx(doc: Doc, path: Path) -> None:
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    sec = d.sections[0]
    if doc.header:
        sec.header.paragraphs[0].text = doc.header
    if doc.footer:
        fp = sec.footer.paragraphs[0]
        parts = doc.footer.split("{page}")
        for i, part in enumerate(parts):
            if part:
                fp.add_run(part)
            if i < len(parts) - 1:
                _page_field(fp)
    for b in doc.blocks:
        kind = b[0]
        if kind == "letterhead":
            for line in b[1]:
                p = d.add_paragraph(line)
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "title":
            d.add_heading(b[1], level=1)
        elif kind == "h":
            d.add_heading(b[1], level=2)
        elif kind == "p":
            d.add_paragraph(b[1])
        elif kind == "right":
            p = d.add_paragraph(b[1])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "small":
            p = d.add_paragraph()
            r = p.add_run(b[1])
            r.font.size = Pt(8)
        elif kind == "bullets":
            for item in b[1]:
                d.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = b[1]
            ncol = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = str(c)
        elif kind == "boxes":
            t = d.add_table(rows=len(b[1]), cols=3)
            t.style = "Table Grid"
            for i, txt in enumerate(b[1]):
                t.cell(i, 0).text = f"{i + 1}."
                t.cell(i, 1).text = txt
                t.cell(i, 2).text = ""
        elif kind == "break":
            d.add_page_break()
        else:
            raise ValueError(kind)
    cp = d.core_properties
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.author = doc.author
    cp.last_modified_by = doc.author
    cp.title = doc.title
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    # rewrite the zip with fixed member timestamps so the file is reproducible
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, src.read(name))
    path.write_bytes(out.getvalue())


def render(doc: Doc, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".pdf":
        render_pdf(doc, path)
    elif path.suffix == ".docx":
        render_docx(doc, path)
    else:
        raise ValueError(path)


# ----------------------------------------------------------------------------------------------
# vocabularies in the words people write

ID_TECH = {
    "nhs_number": "NHS number", "name": "name", "address": "address", "postcode": "postcode",
    "date_of_birth": "date of birth", "date_of_death": "date of death", "sex": "sex",
    "gp_practice": "GP practice code", "hospital_number": "hospital number",
}
ID_LAY = {
    "nhs_number": "your NHS number", "name": "your name", "address": "your address",
    "postcode": "your home postcode", "date_of_birth": "your date of birth",
    "date_of_death": "date of death", "sex": "whether you are male or female",
    "gp_practice": "the GP practice you are registered with", "hospital_number": "your hospital number",
}
DS_TECH = {
    "hes_apc": "Hospital Episode Statistics Admitted Patient Care (HES APC)",
    "hes_op": "HES Outpatients",
    "hes_ae": "HES Accident and Emergency",
    "hes_cc": "HES Critical Care",
    "ecds": "Emergency Care Data Set (ECDS)",
    "deaths": "Civil Registrations of Death (ONS mortality data)",
    "births": "Civil Registration - Births",
    "demographics": "Personal Demographics Service (PDS)",
    "cancer_registration": "National Cancer Registration Dataset",
    "mhsds": "Mental Health Services Data Set (MHSDS)",
    "msds": "Maternity Services Data Set (MSDS)",
    "iapt": "NHS Talking Therapies (IAPT) data set",
    "did": "Diagnostic Imaging Data Set (DID)",
    "pcm": "Medicines dispensed in Primary Care (NHSBSA)",
    "nda": "National Diabetes Audit",
    "csds": "Community Services Data Set",
    "covid_vaccination": "COVID-19 Vaccination Status",
}

# ----------------------------------------------------------------------------------------------
# document builders.  Each returns (Doc, meta) where meta is the key for keys.json.

def meta(kind, version=None, date=None, cag=()):
    return {"kind": kind, "version": version, "date": date if date is None else str(date),
            "cag": sorted(set(cag))}


HRA_HEADS = [
    ["Health Research Authority", "2 Redman Place", "Stratford", "London", "E20 1JQ",
     "Tel: 020 7104 8000", "Email: cag@hra.nhs.uk"],
    ["Confidentiality Advisory Group", "Health Research Authority", "Skipton House",
     "80 London Road", "London SE1 6LH", "Telephone: 020 7972 2557"],
    ["HRA Confidentiality Advice Team", "Health Research Authority", "2 Redman Place, London E20 1JQ",
     "cag@hra.nhs.uk  |  www.hra.nhs.uk"],
]


def addressee(S):
    ci = S["ci"]
    return [ci["name"], ci["post"], *ci["addr"]]


def ref_line(S, letter_refs=None):
    refs = letter_refs or S["cag_ref"]
    return refs


def cag_approval(S, date, v=0, body="NHS England", ids_link=None, ids_analysis=None, id_neg=None,
                 datasets=None, ndoo="applies", dspt=None, review_due=None, support_until=None,
                 table=(), controllers=None, purpose=None, decision="fully", ref=None,
                 research=True, extra=(), sec_text=None):
    ref = ref or S["cag_ref"]
    ids_link = ids_link if ids_link is not None else S["ids"]
    ids_analysis = ids_analysis or []
    datasets = datasets if datasets is not None else S["datasets"]
    controllers = controllers or S["controllers"]
    purpose = purpose or S["cag_purpose"]
    org = controllers[0]
    dsnames = [DS_TECH[x] for x in datasets]
    b = [("letterhead", HRA_HEADS[1] if date.year < 2019 else HRA_HEADS[(v % 3) and 2])]
    b.append(("p", fd(date, ["long0", "long", "ord"][v % 3])))
    b.append(("p", "\n".join(addressee(S))))
    b.append(("p", f"Dear {S['ci']['salutation']},"))
    if v % 3 == 1:
        b.append(("title", f"Re: {S['title']}"))
        b.append(("p", f"Our reference: {ref}"))
    else:
        b.append(("h", "Application title: " + S["title"]))
        b.append(("p", f"CAG reference: {ref}"))
    if research:
        b.append(("p", f"IRAS project ID: {S['iras']}\nREC reference: {S['rec_ref']}"))
    who = "the Health Research Authority" if research else "the Secretary of State for Health and Social Care"
    b.append(("p", "Thank you for your " + ("research" if research else "non-research") +
              " application, submitted for approval under Regulation 5 of the Health Service (Control of "
              "Patient Information) Regulations 2002 to process confidential patient information without "
              "consent. Supported applications enable the data controller to provide specified information "
              "to the applicant for the purposes of the relevant activity, without being in breach of the "
              "common law duty of confidentiality, although other relevant legislative provisions will still "
              "apply."))
    ids_txt = andjoin(ID_TECH[i] for i in ids_link)
    flow_to = ("the return of a pseudonymised linked dataset" if v % 2 == 0 else
               "the release of a pseudonymised extract")
    if decision == "fully":
        dec = "fully supported"
    else:
        dec = "conditionally supported"
    b.append(("h", ("Health Research Authority" if research else "Secretary of State") + " decision"))
    b.append(("p", f"{who[0].upper() + who[1:]}, having considered the advice from the Confidentiality "
              f"Advisory Group as set out below, has determined the following:"))
    b.append(("p", f"The application, to allow the disclosure of confidential patient information from "
              f"{org} to {body} for the purpose of linkage to {andjoin(dsnames)}, and {flow_to} to the "
              f"applicant, is {dec}, subject to compliance with the standard and specific conditions of "
              f"support."))
    b.append(("h", "Context"))
    b.append(("p", "Purpose of application"))
    b.append(("p", f"This application from {org} set out the purpose of medical research which aims to "
              f"{purpose}" if research else
              f"This non-research application from {org} set out the purpose of {purpose}"))
    b.append(("p", S["cohort_desc"]))
    if v % 2 == 0:
        b.append(("p", f"{org} will send {ids_txt} for each member of the cohort to {body}, which will link "
                  f"these items to {andjoin(dsnames)}. {body} will then return a pseudonymised dataset to "
                  f"the applicant; no identifiers will be returned."))
    else:
        b.append(("p", f"Support is requested for the applicant to disclose {ids_txt} to {body}. {body} "
                  f"will use these items to link the cohort to {andjoin(dsnames)}, and will provide the "
                  f"linked data to the study team in pseudonymised form, keyed on the study ID only."))
    b.append(("p", "A recommendation for " + ("class 1, 4 and 6" if v % 2 == 0 else "class 4 and 6") +
              " support was requested to cover activities as described below."))
    rows = [["Cohort", S["cohort_short"]],
            ["Data sources", "\n".join(f"{i + 1}. {n}" for i, n in enumerate(dsnames))],
            ["Identifiers required for linkage purposes",
             "\n".join(f"{i + 1}. {ID_TECH[x][0].upper() + ID_TECH[x][1:]}" for i, x in enumerate(ids_link))]]
    if ids_analysis:
        rows.append(["Identifiers required for analysis purposes",
                     "\n".join(f"{i + 1}. {t}" for i, t in enumerate(ids_analysis))])
    b.append(("h", "Confidential patient information requested"))
    b.append(("p", "The following sets out a summary of the specified cohort, listed data sources and key "
              "identifiers. Where applicable, identifiers not required for the purpose have been removed."))
    b.append(("table", [["Item", "Detail"]] + rows))
    if id_neg:
        b.append(("p", id_neg))
    b.append(("h", "Confidentiality Advisory Group advice"))
    b.append(("p", "Public interest: The CAG agreed that the application had a medical purpose and was in "
              "the public interest."))
    b.append(("p", "Practicable alternatives: Members considered that seeking consent from the cohort was "
              "not practicable, given its size and that many members will have died or moved away, and that "
              "the linkage could not be carried out using anonymised information."))
    b.append(("p", "Justification of identifiers: The Group was content that the items requested are the "
              "minimum needed to achieve an accurate linkage."))
    b.append(("p", "Patient notification and mechanism for managing dissent"))
    if ndoo == "applies":
        b.append(("p", ["The applicant confirmed that the national data opt-out will be applied to the "
                        "cohort, by " + body + ", before any linkage takes place. Members were content "
                        "with this.",
                        "Patients who have registered a national data opt-out will be removed before "
                        "linkage; a study-specific opt-out is also offered through the study website. The "
                        "Group was satisfied with these arrangements."][v % 2]))
    elif ndoo == "exempt":
        b.append(("p", "Members accepted the applicant's case that excluding patients who have registered a "
                  "national data opt-out would bias the outcome measures, as opt-out rates differ by age "
                  "and deprivation. The Group therefore advised that the national data opt-out should not "
                  "be applied to this activity, and support is given on that basis. A study-specific "
                  "opt-out remains available and will be respected."))
    elif ndoo == "silent":
        b.append(("p", "A privacy notice will be displayed on the study website. Members were content with "
                  "the patient notification materials provided."))
    b.append(("h", "Specific conditions of support"))
    conds = []
    if research:
        conds.append("Favourable opinion from a Research Ethics Committee. Confirmed " +
                     fd(S["rec_date"], "long") + ".")
    if dspt:
        o, yr, status, checked = dspt
        conds.append(f"Confirmation of suitable security arrangements via Data Security and Protection "
                     f"Toolkit (DSPT) submission. Confirmed: The {body} {yr} DSPT review for {o} was "
                     f"confirmed as '{status}' on the {body} DSPT tracker (checked {fd(checked)}).")
    elif sec_text:
        conds.append(sec_text)
    else:
        conds.append("Confirmation of suitable security arrangements via Data Security and Protection "
                     "Toolkit (DSPT) submission. Confirmed: the DSPT reviews for the applicant organisation "
                     "were confirmed as satisfactory on the DSPT tracker.")
    b.append(("bullets", conds))
    if support_until:
        b.append(("p", f"Support is given until {fd(support_until)}, the end date of the activity set out "
                  f"in the application. An extension would require an amendment."))
    if review_due:
        phr = [f"Please note that your first annual review should be submitted by {fd(review_due)}, and "
               f"preferably four weeks before this date.",
               f"An annual review report is due twelve months from the date of this letter, on or before "
               f"{fd(review_due, 'slash')}.",
               f"Please provide an annual report no later than {fd(review_due, 'ord')}."][v % 3]
        b.append(("h", "Annual review"))
        b.append(("p", phr))
    for e in extra:
        b.append(("p", e))
    if table:
        b.append(("h", "Reviewed documents"))
        b.append(("p", "The documents reviewed at the meeting were:"))
        b.append(("table", [["Document", "Version", "Date"]] + [list(r) for r in table]))
    b.append(("p", "Please do not hesitate to contact me if you have any queries following this letter."))
    b.append(("p", "Yours sincerely,\n\n" + S.get("cat_signer", "Kathryn Murphy") +
              "\nConfidentiality Advisor\nOn behalf of the Health Research Authority"))
    b.append(("small", "Enclosures: Standard conditions of support\nCopy to: " + S.get("copy_to",
              "Information Governance lead, sponsor")))
    cag = [ref]
    doc = Doc(b, footer=f"{ref} - outcome letter - Page {{page}}" if v % 3 == 2 else None,
              title="CAG outcome letter", author="HRA")
    return doc, meta("cag_approval", None, date, cag)


def cag_annual(S, date, next_due=None, v=0, ref=None, prev=None, dspt=None, note=None):
    ref = ref or S["cag_ref"]
    refs_txt = ref + (f" (previously {prev})" if prev else "")
    b = [("letterhead", HRA_HEADS[1] if date.year < 2019 else HRA_HEADS[(v % 2) * 2])]
    b.append(("p", fd(date, ["long", "ord", "long0"][v % 3])))
    b.append(("p", "\n".join(addressee(S))))
    b.append(("p", f"Dear {S['ci']['salutation']},"))
    if v % 3 == 0:
        b.append(("h", f"Re: Annual review - {refs_txt} - {S['title']}"))
        b.append(("p", "Thank you for submitting an annual review report for the above application. The "
                  "Confidentiality Advice Team has reviewed the report on behalf of the Health Research "
                  "Authority, and I can confirm that support under Regulation 5 of the Health Service "
                  "(Control of Patient Information) Regulations 2002 remains in place."))
        if next_due:
            b.append(("p", f"Your next annual review should be submitted by {fd(next_due)}."))
    elif v % 3 == 1:
        b.append(("title", "Confidentiality Advisory Group - annual review outcome"))
        b.append(("table", [["Study title", S["title"]], ["CAG reference", refs_txt],
                            ["Annual review received", fd(date - dt.timedelta(days=23), "slash")]]))
        b.append(("p", "The applicant confirmed that there have been no changes to the purpose, data flows "
                  "or data sources since the last review. The annual review is approved and support "
                  "continues."))
        if next_due:
            b.append(("p", f"Next review due: {fd(next_due, 'slash')}"))
    else:
        b.append(("h", f"{refs_txt}: {S['title']}"))
        b.append(("p", "I am writing to confirm that the Health Research Authority is content that the "
                  "standard and specific conditions of support continue to be met, and support for the "
                  "activity continues."))
        if next_due:
            b.append(("p", f"Please provide an annual report no later than {fd(next_due, 'ord')}."))
    if dspt:
        o, yr, status = dspt
        b.append(("p", f"The {yr} DSPT for {o} was confirmed as '{status}' at the time of this review."))
    if note:
        b.append(("p", note))
    b.append(("p", "Yours sincerely,\n\n" + S.get("cat_signer2", "Dayheem Sedighi") +
              "\nApprovals Administrator\nConfidentiality Advice Team"))
    cag = [ref] + ([prev] if prev else [])
    return Doc(b, title="Annual review", author="HRA"), meta("cag_annual_review", None, date, cag)


def cag_amendment(S, date, change, support_para, v=0, ref=None, prev=None, ids=None, datasets=None,
                  review_due=None, table=(), body="NHS England"):
    ref = ref or S["cag_ref"]
    refs_txt = ref + (f" (previously {prev})" if prev else "")
    b = [("letterhead", HRA_HEADS[1] if date.year < 2019 else HRA_HEADS[(v % 2) * 2])]
    b.append(("p", fd(date, "long0")))
    b.append(("p", "\n".join(addressee(S))))
    b.append(("p", f"Dear {S['ci']['salutation']},"))
    b.append(("h", "Application title: " + S["title"]))
    b.append(("p", f"CAG reference: {refs_txt}"))
    b.append(("h", "Amendment details"))
    b.append(("p", change))
    b.append(("p", "The amendment was considered by the Confidentiality Advice Team via Chair's Action on "
              "behalf of the Confidentiality Advisory Group."))
    b.append(("h", "Health Research Authority decision"))
    b.append(("p", support_para))
    if ids:
        b.append(("p", "Confidential patient information covered by support following this amendment: " +
                  andjoin(ID_TECH[i] for i in ids) + "."))
    if review_due:
        b.append(("p", f"This amendment does not alter the annual review cycle: your next annual review "
                  f"remains due by {fd(review_due)}."))
    if table:
        b.append(("h", "Reviewed documents"))
        b.append(("table", [["Document", "Version", "Date"]] + [list(r) for r in table]))
    b.append(("p", "Yours sincerely,\n\n" + S.get("cat_signer", "Kathryn Murphy") +
              "\nConfidentiality Advisor\nOn behalf of the Health Research Authority"))
    cag = [ref] + ([prev] if prev else [])
    return Doc(b, title="Amendment outcome", author="HRA"), meta("cag_amendment", None, date, cag)


def s251_app(S, date, v=0, version=None, ref=None, body="NHS England", ids=None, datasets=None,
             end=None, purpose=None, research=True, footer=None, extra=(), iras_sys=None,
             controllers=None):
    ids = ids if ids is not None else S["ids"]
    datasets = datasets if datasets is not None else S["datasets"]
    purpose = purpose or S["app_purpose"]
    controllers = controllers or S["controllers"]
    titles = ["Confidentiality Advisory Group application form: section 251 support",
              "Application for section 251 support (CAG) - " + ("research" if research else "non-research"),
              "IRAS Form: Confidentiality Advisory Group (CAG) application"]
    b = [("title", titles[v % 3])]
    hdr = [["Title of the activity", S["title"]],
           ["Applicant", f"{S['ci']['name']}, {S['ci']['post']}"],
           ["Organisation(s) acting as data controller", "; ".join(controllers)]]
    if ref:
        hdr.insert(0, ["CAG reference", ref])
    if research:
        hdr.append(["IRAS project ID", S["iras"]])
    b.append(("table", [["Question", "Answer"]] + hdr))
    b.append(("h", "1. Summary of the activity and its purpose"))
    b.append(("p", purpose))
    b.append(("h", "2. Who are the cohort?"))
    b.append(("p", S["cohort_desc"]))
    b.append(("h", "3. Sources of data"))
    b.append(("bullets", [DS_TECH[x] for x in datasets]))
    b.append(("h", "4. Confidential patient information to be processed without consent"))
    b.append(("p", "The following items are needed to link the cohort reliably: " +
              andjoin(ID_TECH[i] for i in ids) + ". Each item is justified below."))
    b.append(("table", [["Item", "Justification"]] +
              [[ID_TECH[i], S.get("justify", {}).get(i, "Required for accurate matching by " + body + ".")]
               for i in ids]))
    b.append(("h", "5. Data flows"))
    b.append(("p", f"The applicant will transfer the identifiers listed above to {body} by secure file "
              f"transfer. {body} will link the cohort to the datasets above, remove the identifiers and "
              f"return a pseudonymised extract to {controllers[0]}. The study team will never receive "
              f"identifiable data from {body}."))
    b.append(("h", "6. Why is it not practicable to seek consent?"))
    b.append(("p", S.get("why_no_consent", "The cohort is large and was assembled from routine records; "
                                           "many people have moved or died, and contacting them would "
                                           "introduce selection bias.")))
    b.append(("h", "7. Patient notification and dissent"))
    b.append(("p", S.get("app_notify", "A privacy notice is published on the study website. The national "
                                       "data opt-out will be applied, and a study-specific opt-out is "
                                       "offered.")))
    if end:
        b.append(("h", "8. Duration"))
        b.append(("p", f"End date of the activity: {fd(end, 'slash')}. Support is requested until this "
                  f"date, after which the linked data will be securely destroyed."))
    for e in extra:
        b.append(("p", e))
    b.append(("h", "Declaration"))
    b.append(("p", f"Signed: {S['ci']['name']}    Date: {fd(date, 'slash')}"))
    if footer is None:
        parts = []
        if ref:
            parts.append(f"Reference: {ref}")
        if iras_sys:
            parts.append(f"IRAS Version {iras_sys}")
        if version:
            parts.append(f"Version {version}")
        parts.append(fd(date, "slash"))
        footer = "  |  ".join(parts)
    cag = [ref] if ref else []
    return (Doc(b, footer=footer, title=titles[v % 3], author=S["ci"]["name"]),
            meta("s251_application", version, date, cag))


REC_HEADS = {
    "NW": ("North West - Preston Research Ethics Committee", ["Barlow House", "3rd Floor",
                                                             "4 Minshull Street", "Manchester", "M1 3DZ"]),
    "YH": ("Yorkshire & The Humber - Leeds East Research Ethics Committee", ["NHSBT Newcastle Blood Donor Centre",
                                                                            "Holland Drive", "Newcastle upon Tyne", "NE2 4NQ"]),
    "LO": ("London - Camden & Kings Cross Research Ethics Committee", ["2 Redman Place", "Stratford",
                                                                      "London", "E20 1JQ"]),
    "EM": ("East Midlands - Nottingham 1 Research Ethics Committee", ["The Old Chapel", "Royal Standard Place",
                                                                     "Nottingham", "NG1 6FS"]),
    "SW": ("South West - Central Bristol Research Ethics Committee", ["Whitefriars", "Level 3, Block B",
                                                                     "Lewins Mead", "Bristol", "BS1 2NT"]),
    "WM": ("West Midlands - Edgbaston Research Ethics Committee", ["The Old Chapel", "Royal Standard Place",
                                                                  "Nottingham", "NG1 6FS"]),
    "NE": ("North East - Newcastle & North Tyneside 2 Research Ethics Committee", ["NHSBT Newcastle Blood Donor Centre",
                                                                                  "Holland Drive", "Newcastle upon Tyne", "NE2 4NQ"]),
    "SC": ("South Central - Oxford B Research Ethics Committee", ["Bristol Research Ethics Committee Centre",
                                                                 "Whitefriars", "Bristol", "BS1 2NT"]),
}


def rec_letter(S, date, v=0, ref=None, approved=(), s251=False):
    ref = ref or S["rec_ref"]
    committee, addr = REC_HEADS[ref.split("/")[1]]
    b = [("letterhead", [committee, *addr, "Telephone: 0207 104 8" + ref[-3:]])]
    b.append(("p", fd(date, ["long", "long0", "ord"][v % 3])))
    b.append(("p", "\n".join(addressee(S))))
    b.append(("p", f"Dear {S['ci']['salutation']},"))
    b.append(("table", [["Study title:", S["title"]], ["REC reference:", ref],
                        ["Protocol number:", S.get("protocol_no", "N/A")],
                        ["IRAS project ID:", S["iras"]]]))
    b.append(("p", "Thank you for your application. The Committee's request for further information was "
              "satisfactorily addressed in your response, and the revised documentation has been reviewed by "
              "the Chair." if v % 2 else
              "The Research Ethics Committee reviewed the above application at the meeting held on " +
              fd(date - dt.timedelta(days=21)) + ". Thank you for attending to discuss the application."))
    b.append(("h", "Confirmation of ethical opinion"))
    b.append(("p", "On behalf of the Committee, I am pleased to confirm a favourable ethical opinion for the "
              "above research on the basis described in the application form, protocol and supporting "
              "documentation, subject to the conditions specified below."))
    if s251:
        b.append(("p", "The Committee noted that the study will process confidential patient information "
                  "without consent and that support under section 251 is being sought from the "
                  "Confidentiality Advisory Group. The favourable opinion does not take effect for that "
                  "processing until support has been confirmed."))
    b.append(("h", "Conditions of the favourable opinion"))
    b.append(("p", "Management permission must be obtained from each host organisation prior to the start "
              "of the study at the site concerned."))
    if approved:
        b.append(("h", "Approved documents"))
        b.append(("p", "The final list of documents reviewed and approved by the Committee is as follows:"))
        b.append(("table", [["Document", "Version", "Date"]] + [list(r) for r in approved]))
    b.append(("p", f"{ref}    Please quote this number on all correspondence"))
    b.append(("p", "With the Committee's best wishes for the success of this project.\n\nYours sincerely,\n\n" +
              S.get("rec_chair", "Dr Helen Marsh") + "\nChair"))
    return (Doc(b, title="REC favourable opinion", author="HRA"), meta("rec_approval", None, date, []))


def protocol(S, version, date, v=0, sections=(), footer=None, cag_ref=None, printed=None):
    b = [("title", S["title"])]
    b.append(("p", ["Research protocol", "Study protocol", "PROTOCOL"][v % 3]))
    info = [["Protocol version", f"{version}"], ["Date", fd(date, ["long", "slash", "ord"][v % 3])],
            ["IRAS ID", S["iras"]], ["REC reference", S["rec_ref"]],
            ["Sponsor", S.get("sponsor", S["controllers"][0])],
            ["Chief Investigator", S["ci"]["name"]]]
    if cag_ref:
        info.append(["CAG reference", cag_ref])
    b.append(("table", info))
    b.append(("h", "1. Background"))
    b.append(("p", S["background"]))
    b.append(("h", "2. Aims"))
    b.append(("p", "The study aims to " + S["cag_purpose"]))
    b.append(("h", "3. Design and data sources"))
    b.append(("p", S["design"]))
    for h, p in sections:
        b.append(("h", h))
        b.append(("p", p))
    b.append(("h", "Data protection and security"))
    b.append(("p", f"All data will be held on the secure research server of {S['controllers'][0]}, which is "
              f"accessible only to named members of the study team. Pseudonymised data will be kept for "
              f"{S.get('retention', '10 years')} after the end of the study and then destroyed."))
    if footer is None:
        footer = [f"{S['short']} protocol v{version} {fd(date, 'slash')}  Page {{page}}",
                  f"{S['short']} Protocol_Version {version}_{fd(date, 'dot')}",
                  f"Protocol version {version}, {fd(date, 'long')}"][v % 3]
    if printed:
        footer += f"   Printed: {fd(printed, 'slash')}"
    return (Doc(b, footer=footer, title=S["short"] + " protocol", author=S["ci"]["name"]),
            meta("protocol", version, date, [cag_ref] if cag_ref else []))


def privacy_notice(S, version, date, v=0, controllers=None, source_nhse=True, basis=True, ndoo=True,
                   rights=True, ndoo_text=None, cag_ref=None, extra=(), title=None, date_label=None,
                   source_text=None, footer=None):
    controllers = controllers or S["controllers"]
    titles = ["Privacy notice", "Transparency notice", "Fair processing notice",
              "How we use your information: privacy notice"]
    t = title or f"{titles[v % 4]} - {S['short']}"
    b = [("title", t)]
    dl = date_label or ["Last updated", "Date", "Published"][v % 3]
    b.append(("p", f"Version {version}    {dl}: {fd(date, ['long', 'slash', 'ord'][v % 3])}"))
    b.append(("h", "Who is responsible for your information?"))
    if len(controllers) == 1:
        b.append(("p", f"{controllers[0]} is the data controller for {S['short']}. This means we decide how "
                  f"your personal information is used and are responsible for looking after it. You can "
                  f"contact our Data Protection Officer at {S.get('dpo', 'dataprotection@example.ac.uk')}."))
    else:
        b.append(("p", f"{andjoin(controllers)} are joint data controllers for {S['short']}. You can contact "
                  f"either organisation's Data Protection Officer: {S.get('dpo', 'dataprotection@example.ac.uk')}."))
    b.append(("h", "What is the study for?"))
    b.append(("p", S["pn_purpose"]))
    b.append(("h", "What information do we use and where does it come from?"))
    if source_text:
        b.append(("p", source_text))
    elif source_nhse:
        b.append(("p", S.get("pn_source", f"We receive information about hospital care and deaths from NHS "
                                         f"England, the national body that collects information about NHS "
                                         f"care. We send NHS England a small number of identifiers so that "
                                         f"they can find the right records; what comes back to us does not "
                                         f"include your name or address.")))
    else:
        b.append(("p", "The information we use comes from your hospital notes and the questionnaires you fill "
                  "in for the study."))
    if basis:
        b.append(("h", "Our lawful basis"))
        b.append(("p", S.get("pn_basis", "Under the UK General Data Protection Regulation we rely on Article "
                                         "6(1)(e), performance of a task carried out in the public interest, "
                                         "and, because health information is special category data, on "
                                         "Article 9(2)(j), processing necessary for scientific research.")))
    if cag_ref:
        b.append(("p", f"We have support from the Confidentiality Advisory Group under section 251 of the NHS "
                  f"Act 2006 (CAG reference {cag_ref}), which allows us to use this information without "
                  f"asking each person for consent."))
    if ndoo:
        b.append(("h", "National data opt-out"))
        b.append(("p", ndoo_text or "If you do not want your confidential patient information to be used for "
                  "research and planning, you can register a national data opt-out at "
                  "www.nhs.uk/your-nhs-data-matters or by calling 0300 303 5678. NHS England will remove the "
                  "records of people who have opted out before any information is sent to us."))
    for h, p in extra:
        b.append(("h", h))
        b.append(("p", p))
    b.append(("h", "How long do we keep it?"))
    b.append(("p", f"We keep pseudonymised study data for {S.get('retention', '10 years')} after the study ends."))
    if rights:
        b.append(("h", "Your rights"))
        b.append(("p", "You have the right to access the information we hold about you, to ask us to correct it, "
                  "and to object to our use of it. Some rights are limited where information is used for "
                  "research. If you are unhappy with how we have handled your information you can complain to "
                  "the Information Commissioner's Office (ico.org.uk, 0303 123 1113)."))
    else:
        b.append(("h", "Contact us"))
        b.append(("p", f"If you have any questions about the study please contact the study team at "
                  f"{S.get('study_email', 'study@example.ac.uk')}."))
    cag = [cag_ref] if cag_ref else []
    return (Doc(b, footer=footer, title=t, author=controllers[0]), meta("privacy_notice", version, date, cag))


def pis(S, version, date, v=0, linkage=None, recontact=True, footer=None, extra=(), title=None,
        period=None, background=None):
    titles = ["Participant Information Sheet", "Information for participants",
              "Participant information leaflet", "Participant Information Sheet (PIS)"]
    t = title or titles[v % 4]
    b = [("title", f"{S['short']}: {t}")]
    b.append(("p", S["title"]))
    b.append(("p", f"IRAS ID: {S['iras']}"))
    b.append(("p", "We would like to invite you to take part in a research study. Before you decide, it is "
              "important that you understand why the research is being done and what it would involve for "
              "you. Please take time to read the following information carefully."))
    b.append(("h", "What is the purpose of the study?"))
    b.append(("p", S["pis_purpose"]))
    if background:
        b.append(("p", background))
    b.append(("h", "Why have I been invited?"))
    b.append(("p", S["pis_why"]))
    b.append(("h", "What will happen to me if I take part?"))
    b.append(("p", S["pis_what"]))
    if linkage is None:
        linkage = S.get("pis_link")
    if linkage:
        b.append(("h", ["Linking to your health records", "Information from your NHS records",
                        "Using information held by the NHS"][v % 3]))
        b.append(("p", linkage))
    if period:
        b.append(("p", period))
    for h, p in extra:
        b.append(("h", h))
        b.append(("p", p))
    b.append(("h", "Will my taking part in the study be kept confidential?"))
    b.append(("p", S.get("pis_conf", "Yes. Your answers and the information from your records are stored "
                                     "with a study number instead of your name. Only a few members of the "
                                     "study team can see the list that links your number to your name.")))
    if recontact:
        b.append(("h", ["Keeping in touch", "Will you contact me again?", "Staying in touch"][v % 3]))
        b.append(("p", S.get("pis_recontact", "Once a year we will send you a short newsletter about the "
                                              "study. We may also contact you again to invite you to fill in "
                                              "further questionnaires; please let us know if you move house so "
                                              "that we can update your contact details.")))
    b.append(("h", "Who has reviewed the study?"))
    b.append(("p", f"This study was reviewed and given a favourable opinion by the "
              f"{REC_HEADS[S['rec_ref'].split('/')[1]][0]}."))
    b.append(("h", "Further information and contact details"))
    b.append(("p", S.get("pis_contact", "Study team, telephone 0113 343 0000")))
    if footer is None:
        footer = [f"{S['short']} PIS version {version}, {fd(date, 'long')}",
                  f"Participant Information Sheet  Version {version}  {fd(date, 'slash')}  Page {{page}} of 3",
                  f"[version {version}, date {fd(date, 'slash2')}]",
                  f"{S['short']}_PIS_v{version}_{fd(date, 'compact')}"][v % 4]
    return (Doc(b, footer=footer, title=t, author=S["ci"]["name"]),
            meta("participant_information_sheet", version, date, []))


def consent_form(S, version, date, pis_ver, pis_date, v=0, link=None, recontact=True, footer=None,
                 extra=(), title=None, used=None, cites=True):
    titles = ["CONSENT FORM", "Participant Consent Form", "Consent form for adult participants"]
    t = title or titles[v % 3]
    b = [("title", f"{S['short']} {t}")]
    b.append(("p", f"Study title: {S['title']}\nIRAS ID: {S['iras']}\nName of Researcher: {S['ci']['name']}"))
    b.append(("p", "Please initial each box"))
    items = []
    if cites:
        items.append(f"I confirm that I have read the information sheet dated {fd(pis_date, ['slash', 'long', 'slash2'][v % 3])} "
                     f"(version {pis_ver}) for the above study. I have had the opportunity to consider the "
                     f"information, ask questions and have had these answered satisfactorily.")
    else:
        items.append("I confirm that I have read the information sheet for the above study and have had the "
                     "opportunity to ask questions.")
    items.append("I understand that my participation is voluntary and that I am free to withdraw at any time "
                 "without giving any reason, without my medical care or legal rights being affected.")
    items.append(f"I understand that relevant sections of my medical notes and data collected during the study "
                 f"may be looked at by individuals from {S.get('sponsor', S['controllers'][0])}, from regulatory "
                 f"authorities or from the NHS Trust, where it is relevant to my taking part in this research. I "
                 f"give permission for these individuals to have access to my records.")
    if link is None:
        link = S.get("cf_link")
    if link:
        items.append(link)
    if recontact:
        items.append(S.get("cf_recontact", "I agree to be contacted again by the study team about further "
                                           "questionnaires and to receive the study newsletter."))
    items.extend(extra)
    items.append("I agree to take part in the above study.")
    b.append(("boxes", items))
    b.append(("table", [["Name of participant", "Date", "Signature"], ["", "", ""],
                        ["Name of person taking consent", "Date", "Signature"], ["", "", ""]]))
    b.append(("small", "When completed: 1 copy for participant; 1 copy for researcher site file; 1 (original) "
              "to be kept in medical notes."))
    if used:
        b.append(("small", used))
    if footer is None:
        footer = [f"{S['short']} Consent Form, Version {version}, {fd(date, 'ord')}, Page {{page}} of 1",
                  f"Consent form v{version} {fd(date, 'compact')}",
                  f"[version {version}, date {fd(date, 'slash2')}]"][v % 3]
    return (Doc(b, footer=footer, title=t, author=S["ci"]["name"]),
            meta("consent_form", version, date, []))


def newsletter(S, date, issue, v=0, items=()):
    b = [("title", f"{S['short']} News")]
    b.append(("p", f"Issue {issue}  -  published {fd(date)}"))
    b.append(("p", "Thank you to everyone who has taken part in the study this year. Your time and your "
              "answers make this research possible."))
    for h, p in items:
        b.append(("h", h))
        b.append(("p", p))
    b.append(("h", "Have you moved?"))
    b.append(("p", "If you have changed your address, phone number or e-mail, please let us know by returning "
              "the enclosed card or e-mailing " + S.get("study_email", "study@example.ac.uk") +
              " so that we can keep in touch."))
    return (Doc(b, footer=f"{S['short']} News, issue {issue}", title=f"{S['short']} News",
                author=S["controllers"][0]), meta("cohort_communication", None, date, []))

# ----------------------------------------------------------------------------------------------
# the data request

def org(name, roles=("controller",), dsfc=True, loc=("England",), code=None, status="standards_met",
        year="2023-24", plan=None, iso=None, slsp=None, registration=None, no_loc=False, storage=None):
    o = {"name": name, "roles": list(roles)}
    if "controller" in roles:
        o["dsfc"] = dsfc
    if not no_loc:
        o["processing_locations"] = list(loc)
    if registration:
        o["registration"] = registration
    sec = {}
    if status:
        sec["dspt"] = {"org_code": code, "status": status, "year": year}
        if plan is not None:
            sec["dspt"]["improvement_plan_agreed"] = plan
    if iso:
        sec["iso27001"] = iso
    if slsp:
        sec["slsp_agreed"] = True
    if sec:
        o["security"] = sec
    if storage:
        o["storage"] = storage
    return o


def ds(id_, start, end=None, fields=(), release="one_off"):
    d = {"id": id_, "start": start}
    if end:
        d["end"] = end
    d["fields"] = list(fields)
    if release:
        d["release"] = release
    return d


FIELDS = {
    "hes_apc": ["admidate", "disdate", "admimeth", "diag_4_01", "opertn_4_01"],
    "hes_op": ["apptdate", "attended", "tretspef", "mainspef"],
    "hes_ae": ["arrivaldate", "aedepttype", "diag_01"],
    "hes_cc": ["ccstartdate", "ccdisdate", "orgsup_max"],
    "ecds": ["arrival_date", "chief_complaint", "discharge_destination"],
    "deaths": ["reg_date_of_death", "s_underlying_cod_icd10", "s_cod_code_1"],
    "births": ["birweit", "gestat", "multbth"],
    "cancer_registration": ["diagnosisdatebest", "site_icd10_o2", "stage_best", "morph_icd10_o2"],
    "msds": ["antenatal_app_date", "gestation_length_birth", "delivery_method"],
    "nda": ["audit_year", "hba1c", "retinal_screening_date"],
    "did": ["diagnostic_test_date", "imaging_code_nicip", "modality"],
    "pcm": ["processing_period", "bnf_code", "quantity"],
    "mhsds": ["referral_date", "service_type", "primary_reason_for_referral"],
}


def request(S, submitted, basis, datasets, flows=None, orgs=None, ndoo="applied", cag_ref=None,
            rec_ref="same", funding="same", category="research", territory="england_wales",
            access="extract", reason="same", ids=None, cohort=None, minim="same", sublic=None,
            honorary=None, commercial=False, art6="6(1)(e)", art9="9(2)(j)", reference=None,
            purpose=None):
    ids = list(ids if ids is not None else S["ids"])
    ctrl = S["controllers"][0]
    r = {}
    r["reference"] = reference or S.get("dars", "DARS-NIC-000000-AAAAA")
    r["title"] = S["title"]
    r["submitted"] = submitted
    r["purpose"] = purpose or S.get("req_purpose") or ("To " + S["cag_purpose"])
    r["purpose_category"] = category
    r["commercial"] = commercial
    if category == "research":
        r["research"] = {"rec_reference": S["rec_ref"] if rec_ref == "same" else rec_ref,
                         "funding": S.get("funding") if funding == "same" else funding}
    lb = {"common_law": basis, "gdpr_article_6": art6, "gdpr_article_9": art9}
    if basis == "section_251":
        lb["cag_reference"] = cag_ref or S["cag_ref"]
    r["legal_basis"] = lb
    if ndoo:
        r["national_data_opt_out"] = ndoo
    r["identifiers"] = ids
    r["cohort"] = cohort or {"supplied": True}
    r["datasets"] = datasets
    if minim == "same":
        minim = S.get("minim", "Only the identifiers needed for NHS England to link the cohort are sent, and "
                                "none is returned. Each dataset is limited to the years of follow-up the "
                                "analysis needs and to the fields listed, which were chosen from the "
                                "statistical analysis plan.")
    if minim is not None:
        r["minimisation"] = {"statement": minim}
    if flows is None:
        flows = [{"action": "receive", "counterparty": ctrl, "identifiers": list(ids)},
                 {"action": "link", "datasets": [d["id"] for d in datasets], "identifiers": list(ids)},
                 {"action": "disseminate", "counterparty": ctrl, "identifiers": []}]
    r["flows"] = flows
    r["organisations"] = orgs or [org(ctrl, code=S.get("org_code"))]
    if honorary is not None:
        r["honorary_contracts"] = honorary
    r["territory_of_use"] = territory
    if access:
        a = {"route": access}
        if access == "extract":
            if reason == "same":
                reason = S.get("sde_reason", "The linked NHS data must be analysed together with the study's "
                                             "own questionnaire and clinical data, which are held only in "
                                             "the university's secure research environment and cannot be "
                                             "imported into the Secure Data Environment under the study's "
                                             "participant agreements.")
            if reason is not None:
                a["sde_unsuitable_reason"] = reason
        r["access"] = a
    r["sublicensing"] = sublic or {"planned": False, "justification": None}
    return r

# ----------------------------------------------------------------------------------------------
# the bundles: section 251

BUNDLES = []


def bundle(fn):
    BUNDLES.append(fn)
    return fn


def ci(name, salutation, post, addr):
    return {"name": name, "salutation": salutation, "post": post, "addr": addr}


S251_REASON = ("The linked records have to be analysed together with the applicant's own clinical registry "
               "data, which the applicant's data sharing agreements with contributing hospitals do not allow "
               "to be placed in NHS England's Secure Data Environment.")


def dsets(spec):
    return [ds(i, s, e, FIELDS[i], rel) for (i, s, e, rel) in spec]


@bundle
def b01():
    S = dict(
        title="Long-term outcomes of children discharged from paediatric intensive care in England (LOCPIC)",
        short="LOCPIC", ci=ci("Dr Amara Okafor", "Dr Okafor", "Associate Professor of Child Health",
                              ["Leeds Institute of Medical Research", "University of Leeds",
                               "Worsley Building, Clarendon Way", "Leeds LS2 9NL"]),
        controllers=["University of Leeds"], cag_ref="23/CAG/0088", iras="321456", rec_ref="23/YH/0045",
        rec_date="2023-05-11", org_code="EE133900", dars="DARS-NIC-713204-Q4T8L",
        funding="NIHR Health and Social Care Delivery Research programme (NIHR151204)",
        cag_purpose="describe the long-term hospital use and mortality of children discharged alive from "
                    "paediatric intensive care units in England between 2010 and 2020, and to identify which "
                    "groups of children are most likely to be readmitted.",
        app_purpose="LOCPIC will follow up children who survived an admission to a paediatric intensive care "
                    "unit (PICU) in England between 2010 and 2020 to describe their later hospital admissions, "
                    "further critical care and deaths, using the PICU audit records held by the University "
                    "of Leeds linked to national hospital and mortality data.",
        cohort_desc="The cohort comprises approximately 96,000 children aged under 16 years who were "
                    "discharged alive from a PICU in England between 1 January 2010 and 31 December 2020, as "
                    "recorded in the national PICU audit.",
        cohort_short="c. 96,000 children discharged alive from PICUs in England, 2010-2020",
        datasets=["hes_apc", "hes_cc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Survival after paediatric intensive care has improved, yet little is known about the "
                   "years that follow. Earlier single-centre work suggests that one in five survivors is "
                   "readmitted within a year.",
        design="Retrospective cohort study. The PICU audit cohort will be linked by NHS England to Hospital "
               "Episode Statistics (admitted patient care and critical care) and to death registrations.",
        pn_purpose="LOCPIC looks at what happens to children after they leave intensive care: how often they "
                   "come back into hospital and how many die in the following years. This helps hospitals "
                   "plan follow-up care.",
        sde_reason=S251_REASON, dpo="dpo@leeds.ac.uk",
    )
    app_date = D("2023-03-15")
    docs = []
    docs.append(("CAG/23-CAG-0088 outcome letter.pdf", *cag_approval(
        S, D("2023-07-04"), v=0, dspt=("University of Leeds", "2022/23", "Standards Met", D("2023-06-20")),
        review_due=D("2024-07-04"), ids_analysis=["Date of death (from linked mortality data)"],
        table=[("CAG application from (signed/authorised) [IRAS CAG form]", "", fd(app_date, "long0")),
               ("Research protocol or project proposal [LOCPIC protocol]", "1.1", "02 March 2023"),
               ("Patient notification [Privacy notice]", "1.0", "28 February 2023")])))
    docs.append(("CAG/annual review 2024.pdf", *cag_annual(S, D("2024-07-22"), D("2025-07-04"), v=0)))
    docs.append(("CAG/CAG application form - LOCPIC.docx", *s251_app(
        S, app_date, v=2, iras_sys="6.3.5", footer=f"IRAS Version 6.3.5   |   {fd(app_date, 'slash')}")))
    docs.append(("Ethics/REC favourable opinion 23-YH-0045.pdf", *rec_letter(
        S, D("2023-05-11"), v=0, s251=True,
        approved=[("IRAS Application Form", "IRAS_Form_21032023", "21 March 2023"),
                  ("Research protocol or project proposal", "1.1", "02 March 2023")])))
    docs.append(("Protocol/LOCPIC_protocol_v1.1.docx", *protocol(
        S, "1.1", D("2023-03-02"), v=0, printed=D("2023-06-30"))))
    docs.append(("Patient notification/LOCPIC privacy notice v1.0.pdf", *privacy_notice(
        S, "1.0", D("2023-02-28"), v=0)))
    req = request(S, "2024-10-01", "section_251", dsets([
        ("hes_apc", "2010-01-01", "2023-03-31", "one_off"), ("hes_cc", "2010-01-01", "2023-03-31", "one_off"),
        ("deaths", "2010-01-01", "2023-12-31", "one_off")]))
    return "s01-locpic-picu-clean", req, docs, [], [], (
        "clean s251. IRAS Version 6.3.5 footer on the application (not a document version); 'Printed' "
        "date on protocol footer; REC approved-documents row with a version-like file name; analysis "
        "identifier (date of death) beyond the request; HRA Redman Place postcode in letterhead.")


@bundle
def b02():
    S = dict(
        title="Linkage of the National Hip Fracture Database to hospital and mortality records",
        short="NHFD linkage", ci=ci("Ms Philippa Rowe", "Ms Rowe", "Programme Manager, Falls and Fragility "
                                    "Fracture Audit Programme", ["Royal College of Physicians",
                                                                 "11 St Andrews Place", "Regent's Park",
                                                                 "London NW1 4LE"]),
        controllers=["Royal College of Physicians"], cag_ref="20/CAG/0162", iras="", rec_ref="",
        rec_date="2021-01-01", org_code="8J138", dars="DARS-NIC-393510-H2D7W",
        cag_purpose="linking the National Hip Fracture Database, a national clinical audit, to Hospital "
                    "Episode Statistics and mortality data to report 30-day and 1-year mortality and "
                    "readmission after hip fracture for each hospital in England and Wales.",
        app_purpose="The Falls and Fragility Fracture Audit Programme wishes to link records of patients aged "
                    "60 and over admitted with a hip fracture to national hospital and mortality data, so that "
                    "case-mix adjusted 30-day mortality and readmission can be fed back to every hospital "
                    "that treats hip fracture.",
        cohort_desc="All patients aged 60 years and over admitted to a hospital in England or Wales with a "
                    "fragility hip fracture and recorded in the NHFD since 1 April 2016 (about 65,000 a year).",
        cohort_short="Patients aged 60+ with hip fracture recorded in the NHFD since April 2016",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        pn_purpose="The National Hip Fracture Database (NHFD) measures the care given to people who break a "
                   "hip, so that hospitals can improve it. We link audit records to national records of "
                   "hospital stays and deaths to see how patients fare after they leave hospital.",
        why_no_consent="Patients are frail and often confused at admission; seeking consent from 65,000 "
                       "patients a year in the acute setting is not practicable and would bias the audit.",
        sde_reason="Hospital-level results are produced by the audit's statistical team with the audit "
                   "dataset itself, which the RCP holds under its contracts with HQIP and cannot place in "
                   "NHS England's Secure Data Environment.",
        dpo="dpo@rcp.ac.uk",
        minim="Only NHS number, date of birth and postcode are sent, for linkage. HES APC is limited to "
              "admissions of audit patients in the year after their fracture, and deaths to date and "
              "cause of death.",
    )
    app_date = D("2020-11-23")
    docs = []
    docs.append(("01 CAG approval March 2021.pdf", *cag_approval(
        S, D("2021-03-15"), v=1, body="NHS Digital", research=False, review_due=D("2022-03-15"),
        dspt=("Royal College of Physicians", "2019/20", "Standards Met", D("2021-02-24")),
        table=[("CAG application form (non-research)", "", fd(app_date, "long0")),
               ("Fair processing notice", "2.0", "01 December 2020")])))
    docs.append(("02 CAG annual review 2022.pdf", *cag_annual(S, D("2022-03-29"), D("2023-03-15"), v=1)))
    docs.append(("03 CAG annual review 2023.pdf", *cag_annual(S, D("2023-04-03"), D("2024-03-15"), v=2)))
    docs.append(("04 CAG annual review 2024.pdf", *cag_annual(S, D("2024-03-20"), D("2025-03-15"), v=0)))
    docs.append(("05 Section 251 application (non-research).pdf", *s251_app(
        S, app_date, v=1, research=False, body="NHS Digital", version="3",
        footer=f"NHFD s251 application  -  Version 3  -  {fd(app_date, 'long')}")))
    old_pn = dict(S, pn_source="Information about hospital stays and deaths is provided by NHS Digital, which "
                               "collects information about NHS hospital care in England.")
    docs.append(("06 Fair processing notice v2.0 (as reviewed by CAG).pdf", *privacy_notice(
        old_pn, "2.0", D("2020-12-01"), v=2, title="NHFD fair processing notice", date_label="Date")))
    docs.append(("07 NHFD privacy notice v3.1 current.docx", *privacy_notice(
        dict(S, pn_basis="The RCP's lawful basis is Article 6(1)(e) UK GDPR (public task). Because the "
                         "data concern health, we also rely on Article 9(2)(i), processing necessary for "
                         "reasons of public interest in the area of public health, such as ensuring high "
                         "standards of quality and safety of health care."),
        "3.1", D("2024-02-12"), v=0, cag_ref="20/CAG/0162", title="NHFD privacy notice")))
    req = request(S, "2024-11-05", "section_251", dsets([
        ("hes_apc", "2016-04-01", "2024-03-31", "one_off"), ("deaths", "2016-04-01", "2024-06-30", "one_off")]),
        category="service_evaluation", art9="9(2)(i)",
        purpose="To report case-mix adjusted 30-day mortality and readmission after hip fracture for each "
                "hospital in England, as part of the National Hip Fracture Database clinical audit.")
    return "s02-nhfd-hip-fracture-audit", req, docs, ["S251-009"], [], (
        "non-research s251 (Secretary of State decision), no REC. Only the 2021 approval describes the flows "
        "and it names NHS Digital alone -> S251-009 (info); three annual review letters, the latest 2024. "
        "Two privacy notices: the v2.0 one CAG reviewed (NHS Digital as source) and the current v3.1.")


@bundle
def b03():
    S = dict(
        title="Heart disease in pregnancy: long-term maternal outcomes (HIP-LOMO)",
        short="HIP-LOMO", ci=ci("Professor Nadia Qureshi", "Professor Qureshi", "Professor of Maternal Health",
                                ["Faculty of Epidemiology and Population Health",
                                 "London School of Hygiene & Tropical Medicine", "Keppel Street",
                                 "London WC1E 7HT"]),
        controllers=["London School of Hygiene & Tropical Medicine"], cag_ref="20/CAG/0067", iras="198734",
        rec_ref="16/LO/1422", rec_date="2016-08-30", org_code="EE133874", dars="DARS-NIC-148812-P9X3C",
        funding="British Heart Foundation project grant PG/16/71/32504",
        cag_purpose="describe hospital admissions, cancer and deaths in the years after pregnancy among women "
                    "who had heart disease in pregnancy, compared with other women who gave birth in the same "
                    "hospitals.",
        app_purpose="HIP-LOMO follows women with heart disease in pregnancy, identified through the UK "
                    "Obstetric Surveillance System and maternity unit records, to measure their long-term "
                    "hospital admissions and deaths.",
        cohort_desc="About 4,800 women with heart disease in pregnancy who gave birth in England between 2005 "
                    "and 2015, and 19,000 comparison women who gave birth in the same hospitals.",
        cohort_short="c. 23,800 women who gave birth in England 2005-2015 (with and without heart disease)",
        datasets=["hes_apc", "msds", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Heart disease complicates about 1% of pregnancies in the UK and is the leading cause of "
                   "maternal death.",
        design="Cohort study. Identifiers of the cohort will be sent to the national body holding Hospital "
               "Episode Statistics, maternity and mortality data for linkage.",
        pn_purpose="HIP-LOMO studies the long-term health of women who had heart disease while pregnant, to "
                   "improve care before, during and after pregnancy.",
        sde_reason="Linked data must be combined with the surveillance case-report forms held by the School.",
        dpo="dataprotection@lshtm.ac.uk",
    )
    docs = []
    sec2016 = ("Confirmation of suitable security arrangements via Information Governance Toolkit "
               "submission. Confirmed: the IG Toolkit for the applicant organisation was reviewed and found "
               "satisfactory.")
    docs.append(("cag/2016-11-02 CAG outcome 16-CAG-0056.pdf", *cag_approval(
        S, D("2016-11-02"), v=1, body="the Health and Social Care Information Centre (HSCIC)",
        ref="16/CAG/0056", sec_text=sec2016, datasets=["hes_apc", "msds", "deaths"],
        review_due=D("2017-11-02"),
        table=[("CAG application form", "", "20 July 2016"),
               ("Protocol", "3.0", "01 July 2016")])))
    docs.append(("cag/2023-10-16 amendment outcome.pdf", *cag_amendment(
        S, D("2023-10-16"), prev="16/CAG/0056",
        change="Amendment to add the National Cancer Registration Dataset to the data sources, so that new "
               "cancer diagnoses after pregnancy can be measured, and to extend follow-up to March 2023.",
        support_para="The amendment, to allow NHS England (formerly NHS Digital) to link the existing cohort "
                     "to the National Cancer Registration Dataset using NHS number, date of birth and postcode, "
                     "and to return a pseudonymised extract, is supported.",
        ids=["nhs_number", "date_of_birth", "postcode"],
        table=[("CAG amendment form", "1.0", "12 September 2023")])))
    docs.append(("cag/2024 annual review confirmation.pdf", *cag_annual(
        S, D("2024-06-10"), D("2025-06-10"), v=2, prev="16/CAG/0056")))
    docs.append(("cag/CAG application 2016.pdf", *s251_app(
        S, D("2016-07-20"), v=0, body="the HSCIC")))
    amend_S = dict(S, app_purpose="Amendment: to add cancer registration data for the existing HIP-LOMO cohort, "
                                  "so that cancers diagnosed after pregnancy can be counted alongside "
                                  "admissions and deaths among women who had heart disease in pregnancy.")
    docs.append(("cag/CAG amendment form Sept 2023.docx", *s251_app(
        amend_S, D("2023-09-12"), v=1, version="1.0", ref="20/CAG/0067", datasets=["cancer_registration"],
        footer="CAG amendment form  Version 1.0  12/09/2023")))
    docs.append(("ethics/REC favourable opinion 2016.pdf", *rec_letter(S, D("2016-08-30"), v=1, s251=True)))
    docs.append(("protocol/HIP-LOMO protocol v3.0.pdf", *protocol(S, "3.0", D("2016-07-01"), v=1)))
    docs.append(("HIP-LOMO privacy notice v4.0.pdf", *privacy_notice(
        dict(S, pn_source="We receive information about hospital admissions, maternity care, cancer diagnoses "
                          "and deaths from NHS England (previously NHS Digital)."),
        "4.0", D("2023-11-01"), v=3, cag_ref="20/CAG/0067")))
    req = request(S, "2024-08-19", "section_251", dsets([
        ("hes_apc", "2005-04-01", "2023-03-31", "one_off"), ("msds", "2015-04-01", "2023-03-31", "one_off"),
        ("deaths", "2005-04-01", "2023-03-31", "one_off"),
        ("cancer_registration", "2005-04-01", "2021-12-31", "one_off")]),
        purpose="To compare hospital admissions, new cancers and deaths after pregnancy between women who "
                "had heart disease in pregnancy and women who did not.")
    return "s03-hiplomo-renumbered-support", req, docs, [], [], (
        "clean s251 with a stated renumbering: 2016 approval under 16/CAG/0056 (HSCIC as linking body), 2023 "
        "amendment and 2024 annual review under '20/CAG/0067 (previously 16/CAG/0056)'. Amendment names NHS "
        "England so S251-009 should not fire. Controller LSHTM (exception list, 'School'). Amendment form is a "
        "second s251_application.")


@bundle
def b04():
    S = dict(
        title="Recovery after sepsis: hospital use and survival after critical care (RASCAL)",
        short="RASCAL", ci=ci("Dr Tomasz Wilk", "Dr Wilk", "Senior Statistician",
                              ["ICNARC", "Napier House", "24 High Holborn", "London WC1V 6AZ"]),
        controllers=["Intensive Care National Audit & Research Centre"], cag_ref="23/CAG/0121", iras="318822",
        rec_ref="23/LO/0517", rec_date="2023-07-03", org_code="8HP97", dars="DARS-NIC-702918-W1B6N",
        funding="NIHR Health Technology Assessment programme (NIHR135611)",
        cag_purpose="measure readmission to hospital and survival to two years among adults admitted to "
                    "adult critical care units with sepsis, using the Case Mix Programme.",
        app_purpose="RASCAL links adult sepsis admissions in the ICNARC Case Mix Programme (CMP) to national "
                    "hospital and death data to describe recovery after sepsis and how it varies between "
                    "units.",
        cohort_desc="Adults admitted with sepsis to critical care units in England taking part in the Case Mix "
                    "Programme between April 2015 and March 2022 (around 210,000 admissions).",
        cohort_short="c. 210,000 adult sepsis admissions to CMP units in England, 2015-2022",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode", "sex"],
        background="Sepsis is a leading cause of admission to critical care.",
        design="Retrospective cohort using the Case Mix Programme linked to HES and ONS death registrations.",
        pn_purpose="RASCAL looks at how people recover after being treated for sepsis in intensive care.",
        sde_reason=S251_REASON, dpo="dpo@icnarc.org",
    )
    app_date = D("2023-05-30")
    docs = []
    docs.append(("s251/RASCAL_CAG_final_outcome_25Sep2023.pdf", *cag_approval(
        S, D("2023-09-25"), v=2, ndoo="exempt", review_due=D("2024-09-25"),
        dspt=("Intensive Care National Audit & Research Centre", "2022/23", "Standards Met", D("2023-09-11")),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0")),
               ("Research protocol or project proposal", "2.0", "12 May 2023"),
               ("Patient notification materials [Transparency notice]", "1.0", "12 May 2023")])))
    docs.append(("s251/RASCAL_annual_review_2024.pdf", *cag_annual(S, D("2024-09-12"), D("2025-09-25"), v=1)))
    docs.append(("s251/RASCAL_CAG_application.pdf", *s251_app(
        dict(S, app_notify="We ask CAG to advise that the national data opt-out is not applied: opt-out rates "
                           "vary by age and area and excluding those records would bias unit comparisons. A "
                           "study-specific opt-out will be offered."),
        app_date, v=0, version="1.2", footer=f"RASCAL CAG application v1.2 {fd(app_date, 'slash')}")))
    docs.append(("ethics/23-LO-0517 favourable opinion.pdf", *rec_letter(S, D("2023-07-03"), v=2, s251=True)))
    docs.append(("RASCAL protocol v2.0.docx", *protocol(S, "2.0", D("2023-05-12"), v=2)))
    docs.append(("RASCAL transparency notice v1.0.pdf", *privacy_notice(
        S, "1.0", D("2023-05-12"), v=1,
        ndoo_text="The Confidentiality Advisory Group has advised that the national data opt-out does not "
                  "apply to RASCAL, because leaving out people who have opted out would make the comparison "
                  "of hospitals unfair. If you do not want your information used, you can opt out of RASCAL "
                  "itself by e-mailing rascal@icnarc.org.")))
    orgs = [org("Intensive Care National Audit & Research Centre", code="8HP97",
                registration="Registered charity 1039417; company limited by guarantee 2946727")]
    req = request(S, "2024-12-02", "section_251", dsets([
        ("hes_apc", "2015-04-01", "2024-03-31", "one_off"), ("deaths", "2015-04-01", "2024-06-30", "one_off")]),
        ndoo="not_applied", orgs=orgs,
        purpose="To measure hospital readmission and two-year survival after critical care for sepsis, and "
                "how they vary between critical care units in England.")
    return "s04-rascal-ndoo-exemption", req, docs, [], [], (
        "clean s251 with national data opt-out exemption stated in the CAG letter (request not_applied). "
        "Controller name has unit word 'Centre' but registration given (charity/company numbers). "
        "Transparency notice tells of the exemption. Footer-style letter reference.")


@bundle
def b05():
    S = dict(
        title="Weight-loss surgery and later hospital use in the North East (BARI-NE)",
        short="BARI-NE", ci=ci("Dr Ewan Fairbairn", "Dr Fairbairn", "Clinical Senior Lecturer",
                               ["Population Health Sciences Institute", "Newcastle University",
                                "Baddiley-Clark Building", "Richardson Road", "Newcastle upon Tyne NE2 4AX"]),
        controllers=["Newcastle University"], cag_ref="22/CAG/0174", iras="309113", rec_ref="22/NE/0188",
        rec_date="2022-12-05", org_code="EE133870", dars="DARS-NIC-664020-J5F1R",
        funding="Diabetes UK project grant 22/0006411",
        cag_purpose="compare hospital admissions and deaths over ten years after bariatric surgery with "
                    "those of matched adults with severe obesity who did not have surgery.",
        app_purpose="BARI-NE uses the regional bariatric surgery register and obesity clinic records to compare "
                    "long-term outcomes of adults with severe obesity who did and did not have bariatric surgery.",
        cohort_desc="About 14,000 adults with severe obesity seen at specialist weight management services in "
                    "the North East and North Cumbria between 2008 and 2020, of whom around 5,000 had surgery.",
        cohort_short="c. 14,000 adults with severe obesity seen 2008-2020",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "sex", "postcode"],
        background="Bariatric surgery produces durable weight loss, but its effect on later hospital use in "
                   "routine NHS practice is uncertain.",
        design="Matched cohort study using linked HES APC and civil registration death data.",
        pn_purpose="BARI-NE compares the long-term health of people with severe obesity who did and did not "
                   "have weight-loss surgery.",
        sde_reason=S251_REASON, dpo="rec-man@ncl.ac.uk",
    )
    app_date = D("2022-10-10")
    neg = ("The applicant had initially proposed to send full postcode. In response to the Group's query, the "
           "applicant confirmed that NHS number, date of birth and sex are sufficient for linkage, and that "
           "postcode will not be sent to NHS England. Support does not extend to postcode.")
    docs = []
    docs.append(("CAG/Final outcome 22-CAG-0174.pdf", *cag_approval(
        S, D("2023-05-22"), v=1, ids_link=["nhs_number", "date_of_birth", "sex"], id_neg=neg,
        review_due=D("2024-05-22"),
        table=[("CAG application form", "", fd(app_date, "long0")),
               ("Protocol", "1.2", "03 October 2022")])))
    docs.append(("CAG/Annual review outcome 2024.pdf", *cag_annual(S, D("2024-05-13"), D("2025-05-22"), v=2)))
    docs.append(("CAG/BARI-NE CAG form.pdf", *s251_app(S, app_date, v=0)))
    docs.append(("REC/REC FO letter.pdf", *rec_letter(S, D("2022-12-05"), v=0, s251=True)))
    docs.append(("Protocol/BARI-NE protocol 1.2.docx", *protocol(S, "1.2", D("2022-10-03"), v=0)))
    docs.append(("BARI-NE privacy notice.pdf", *privacy_notice(S, "2.0", D("2023-06-05"), v=2,
                                                                cag_ref="22/CAG/0174")))
    req = request(S, "2024-07-15", "section_251", dsets([
        ("hes_apc", "2008-04-01", "2023-03-31", "one_off"), ("deaths", "2008-04-01", "2023-12-31", "one_off")]))
    return "s05-barine-postcode-not-supported", req, docs, ["S251-004"], [], (
        "S251-004: request (and the s251 application) include postcode; the CAG approval's linkage "
        "identifiers are NHS number, DOB, sex and it states in a negated sentence that postcode will not be "
        "sent. Trap: the application (not part of approved scope) lists postcode.")


@bundle
def b06():
    S = dict(
        title="Stillbirth and infant outcomes after assisted conception (SIAC)",
        short="SIAC", ci=ci("Dr Harriet Lowe", "Dr Lowe", "Senior Research Fellow",
                            ["National Perinatal Epidemiology Unit", "Nuffield Department of Population Health",
                             "University of Oxford", "Old Road Campus", "Oxford OX3 7LF"]),
        controllers=["University of Oxford"], cag_ref="19/CAG/0203", iras="262001", rec_ref="19/SC/0411",
        rec_date="2019-10-14", org_code="EE133897", dars="DARS-NIC-312877-B8V2M",
        funding="Medical Research Council (MR/T003456/1)",
        cag_purpose="measure stillbirth, neonatal death and hospital admission in infancy among babies "
                    "conceived after assisted reproduction, compared with naturally conceived babies.",
        app_purpose="SIAC links the HFEA register of assisted conception cycles to national birth, hospital and "
                    "death records to compare outcomes of babies conceived with and without assisted conception.",
        cohort_desc="Births in England between 2009 and 2018 following assisted conception treatment recorded by "
                    "the HFEA, and a comparison group of births drawn from birth registrations.",
        cohort_short="Births in England 2009-2018 after assisted conception, with comparison births",
        datasets=["births", "hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Assisted conception accounts for about 3% of births in the UK.",
        design="Population-based cohort study linking HFEA register records to birth registrations, HES and "
               "mortality data.",
        pn_purpose="SIAC studies whether babies conceived through fertility treatment have different health "
                   "outcomes in their first year.",
        sde_reason=S251_REASON, dpo="data.protection@admin.ox.ac.uk",
    )
    docs = []
    docs.append(("cag/SIAC CAG approval Feb 2020.pdf", *cag_approval(
        S, D("2020-02-11"), v=0, body="NHS Digital", review_due=D("2021-02-11"),
        dspt=("University of Oxford", "2018/19", "Standards Met", D("2020-01-27")),
        table=[("CAG application from (signed/authorised)", "", "16 September 2019")])))
    docs.append(("cag/SIAC annual review 2021.pdf", *cag_annual(S, D("2021-02-25"), D("2022-02-11"), v=0)))
    docs.append(("cag/SIAC annual review 2022.pdf", *cag_annual(S, D("2022-03-14"), D("2023-02-11"), v=1)))
    docs.append(("cag/SIAC CAG application.pdf", *s251_app(S, D("2019-09-16"), v=2, body="NHS Digital")))
    docs.append(("ethics/SIAC REC approval.pdf", *rec_letter(S, D("2019-10-14"), v=1, s251=True)))
    docs.append(("SIAC protocol v2.1.pdf", *protocol(S, "2.1", D("2019-09-02"), v=1)))
    docs.append(("SIAC privacy notice v1.3.pdf", *privacy_notice(S, "1.3", D("2023-04-18"), v=0,
                                                                  cag_ref="19/CAG/0203")))
    req = request(S, "2024-04-10", "section_251", dsets([
        ("births", "2009-01-01", "2018-12-31", "one_off"), ("hes_apc", "2009-01-01", "2020-03-31", "one_off"),
        ("deaths", "2009-01-01", "2020-12-31", "one_off")]))
    return "s06-siac-support-lapsed", req, docs, ["S251-006", "S251-009"], [], (
        "S251-006: latest CAG letter (annual review 14 March 2022) gives next review 11/02/2023, before the "
        "as-of 2024-04-10; no later letter. S251-009 (info): approval names only NHS Digital. Unit words in "
        "the addressee block (National Perinatal Epidemiology Unit) but controller is University of Oxford.")


@bundle
def b07():
    S = dict(
        title="Pulmonary rehabilitation and emergency admissions in COPD (PREACH)",
        short="PREACH", ci=ci("Professor Samuel Adeyemi", "Professor Adeyemi", "Professor of Respiratory Epidemiology",
                              ["National Heart & Lung Institute", "Imperial College London",
                               "Guy Scadding Building", "Dovehouse Street", "London SW3 6LY"]),
        controllers=["Imperial College London"], cag_ref="23/CAG/0102", iras="316640", rec_ref="23/LO/0392",
        rec_date="2023-06-19", org_code="EE133815", dars="DARS-NIC-688105-T3K9D",
        funding="Asthma + Lung UK (COPD-RP-2022-09)",
        cag_purpose="assess whether completing pulmonary rehabilitation reduces emergency hospital admissions "
                    "and A&E attendances among people with chronic obstructive pulmonary disease (COPD).",
        app_purpose="PREACH links the National Respiratory Audit Programme's pulmonary rehabilitation records to "
                    "hospital and emergency care data to study admissions after rehabilitation for COPD.",
        cohort_desc="Adults with COPD assessed for pulmonary rehabilitation in England between 2018 and 2022.",
        cohort_short="Adults with COPD assessed for pulmonary rehabilitation 2018-2022",
        datasets=["hes_apc", "ecds"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Pulmonary rehabilitation improves exercise capacity in COPD, but its effect on emergency "
                   "care in routine practice is less certain.",
        design="Cohort study linking audit records to HES APC and the Emergency Care Data Set.",
        pn_purpose="PREACH looks at whether people with COPD who complete a pulmonary rehabilitation course "
                   "need fewer emergency hospital visits.",
        sde_reason=S251_REASON, dpo="dpo@imperial.ac.uk",
    )
    app_date = D("2023-06-26")
    docs = []
    docs.append(("CAG letters/PREACH final outcome.pdf", *cag_approval(
        S, D("2023-09-05"), v=0, review_due=D("2024-09-05"),
        dspt=("Imperial College London", "2022/23", "Standards Met", D("2023-08-29")),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0")),
               ("Research protocol or project proposal", "2.1", "15 August 2023"),
               ("Other [REC favourable opinion]", "", "19 June 2023")])))
    docs.append(("CAG letters/PREACH annual review Sept 2024.pdf", *cag_annual(S, D("2024-09-02"), D("2025-09-05"), v=0)))
    docs.append(("CAG application/PREACH CAG application.pdf", *s251_app(S, app_date, v=1, version="1.0")))
    docs.append(("Ethics/PREACH REC letter.pdf", *rec_letter(S, D("2023-06-19"), v=0, s251=True)))
    docs.append(("Protocol/PREACH protocol v2.0 01Jun2023.pdf", *protocol(S, "2.0", D("2023-06-01"), v=0)))
    docs.append(("PREACH participant privacy notice.docx", *privacy_notice(S, "1.1", D("2023-08-21"), v=1,
                                                                           ndoo=False)))
    req = request(S, "2024-10-21", "section_251", dsets([
        ("hes_apc", "2017-04-01", "2024-03-31", "one_off"), ("ecds", "2017-04-01", "2024-03-31", "one_off")]))
    return "s07-preach-protocol-version-no-ndoo", req, docs, ["S251-007", "PN-004"], [], (
        "S251-007: CAG approval's reviewed documents list Protocol 2.1 dated 15 August 2023; bundle has "
        "protocol 2.0 dated 1 June 2023 only. PN-004: privacy notice has no national data opt-out section. "
        "REC letter row in the table is present (matching date).")


@bundle
def b08():
    S = dict(
        title="Active surveillance for low-risk prostate cancer: outcomes in routine care (ASPIRE)",
        short="ASPIRE", ci=ci("Mr Rajiv Menon", "Mr Menon", "Consultant Urologist and Honorary Associate Professor",
                              ["Division of Surgery and Interventional Science", "University College London",
                               "Charles Bell House", "43-45 Foley Street", "London W1W 7TS"]),
        controllers=["University College London"], cag_ref="22/CAG/0194", iras="314275", rec_ref="22/LO/0866",
        rec_date="2023-01-09", org_code="EE133863", dars="DARS-NIC-651144-C6Y2P",
        funding="Prostate Cancer UK Research Innovation Award RIA22-ST2-011",
        cag_purpose="describe progression, treatment and survival of men with low-risk prostate cancer who "
                    "are managed by active surveillance in England.",
        app_purpose="ASPIRE follows men diagnosed with low-risk prostate cancer, identified from the National "
                    "Cancer Registration Dataset, to describe progression, radical treatment and death.",
        cohort_desc="Men diagnosed with low-risk (CPG1) prostate cancer in England between 2014 and 2020.",
        cohort_short="Men with low-risk prostate cancer diagnosed in England 2014-2020",
        datasets=["cancer_registration", "hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Active surveillance is recommended for low-risk prostate cancer.",
        design="Population-based cohort study using cancer registration, HES and mortality data.",
        pn_purpose="ASPIRE looks at what happens to men whose early prostate cancer is monitored rather than "
                   "treated straight away.",
        sde_reason=S251_REASON, dpo="data-protection@ucl.ac.uk",
    )
    docs = []
    docs.append(("CAG/ASPIRE CAG outcome letter 20.03.2023.pdf", *cag_approval(
        S, D("2023-03-20"), v=2, review_due=D("2024-03-20"),
        table=[("CAG application from (signed/authorised)", "", "11 November 2022")])))
    docs.append(("CAG/ASPIRE annual review 2024.pdf", *cag_annual(S, D("2024-03-11"), D("2025-03-20"), v=2)))
    docs.append(("CAG/ASPIRE s251 application.pdf", *s251_app(S, D("2022-11-11"), v=0)))
    docs.append(("REC/ASPIRE favourable opinion.pdf", *rec_letter(S, D("2023-01-09"), v=2, s251=True)))
    docs.append(("ASPIRE protocol.pdf", *protocol(S, "1.0", D("2022-10-28"), v=2)))
    docs.append(("ASPIRE privacy notice.pdf", *privacy_notice(S, "1.2", D("2023-04-03"), v=3,
                                                               cag_ref="22/CAG/0194")))
    req = request(S, "2024-06-03", "section_251", dsets([
        ("cancer_registration", "2014-01-01", "2021-12-31", "one_off"),
        ("hes_apc", "2014-01-01", "2023-03-31", "one_off"), ("deaths", "2014-01-01", "2023-12-31", "one_off")]),
        cag_ref="22/CAG/0149")
    return "s08-aspire-cag-ref-transposed", req, docs, ["S251-002"], [], (
        "S251-002: request cag_reference 22/CAG/0149 vs 22/CAG/0194 on both CAG letters and the privacy "
        "notice (digit transposition). Letter date in file name with dots.")


@bundle
def b09():
    S = dict(
        title="Diabetic eye screening, clinic attendance and sight loss (DESCAL)",
        short="DESCAL", ci=ci("Miss Olivia Brennan", "Miss Brennan", "Consultant Ophthalmologist",
                              ["Research and Development", "Moorfields Eye Hospital NHS Foundation Trust",
                               "162 City Road", "London EC1V 2PD"]),
        controllers=["Moorfields Eye Hospital NHS Foundation Trust"], cag_ref="21/CAG/0117", iras="295530",
        rec_ref="21/LO/0419", rec_date="2021-08-02", org_code="RP6", dars="DARS-NIC-540981-N7R4A",
        funding="NIHR Research for Patient Benefit (NIHR203112)",
        cag_purpose="examine how diabetic eye screening results and attendance at hospital eye clinics relate "
                    "to later sight loss among people with diabetes.",
        app_purpose="DESCAL links diabetic eye screening records from London screening programmes to the National "
                    "Diabetes Audit and hospital outpatient data to study the path from screening to treatment.",
        cohort_desc="People with diabetes aged 12 and over screened by the London diabetic eye screening "
                    "programmes between 2013 and 2020.",
        cohort_short="People screened by London diabetic eye screening programmes 2013-2020",
        datasets=["nda", "hes_op", "hes_apc"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Diabetic retinopathy remains a leading cause of sight loss in working-age adults.",
        design="Cohort study using linked screening, National Diabetes Audit and HES outpatient records.",
        pn_purpose="DESCAL looks at how people with diabetes move from eye screening to hospital eye care, and "
                   "whether delays are linked to sight loss.",
        sde_reason=S251_REASON, dpo="moorfields.dpo@nhs.net",
    )
    docs = []
    docs.append(("s251/DESCAL annual review letter Feb 2024.pdf", *cag_annual(
        S, D("2024-02-06"), D("2025-01-18"), v=0)))
    docs.append(("s251/DESCAL CAG application.docx", *s251_app(S, D("2021-06-14"), v=1, version="2.0")))
    docs.append(("ethics/DESCAL REC favourable opinion.pdf", *rec_letter(S, D("2021-08-02"), v=0, s251=True)))
    docs.append(("DESCAL protocol v1.4.docx", *protocol(S, "1.4", D("2021-05-24"), v=1)))
    docs.append(("DESCAL privacy notice.pdf", *privacy_notice(S, "2.0", D("2023-03-01"), v=0,
                                                               cag_ref="21/CAG/0117")))
    orgs = [org("Moorfields Eye Hospital NHS Foundation Trust", code="RP6")]
    req = request(S, "2024-05-13", "section_251", dsets([
        ("nda", "2013-01-01", "2022-03-31", "one_off"), ("hes_op", "2013-04-01", "2023-03-31", "one_off"),
        ("hes_apc", "2013-04-01", "2023-03-31", "one_off")]), orgs=orgs)
    return "s09-descal-annual-review-only", req, docs, ["LB-002"], [], (
        "LB-002: s251 bundle holds the 2024 annual review letter but no CAG approval (outcome) letter. "
        "S251-002..009 and DATA-001 then skipped. NHS trust controller.")


@bundle
def b10():
    S = dict(
        title="Teenagers with asthma: transition to adult services and emergency care (TRANSIT)",
        short="TRANSIT", ci=ci("Dr Grace Holloway", "Dr Holloway", "Clinical Associate Professor",
                               ["Academic Unit of Population and Lifespan Sciences", "School of Medicine",
                                "University of Nottingham", "Queen's Medical Centre", "Nottingham NG7 2UH"]),
        controllers=["University of Nottingham", "Nottingham University Hospitals NHS Trust"],
        cag_ref="23/CAG/0187", iras="327761", rec_ref="23/EM/0203", rec_date="2023-09-18",
        org_code="EE133888", dars="DARS-NIC-731550-R2M8G", funding="Asthma + Lung UK (AUK-PG-2023-07)",
        cag_purpose="describe emergency department attendances and hospital admissions for asthma among "
                    "young people aged 12 to 19 before and after transfer from paediatric to adult care.",
        app_purpose="",
        cohort_desc="Young people with asthma who attended paediatric respiratory clinics in the East Midlands "
                    "between 2012 and 2019 and were aged 12 to 19 at the time.",
        cohort_short="Young people with asthma seen in East Midlands paediatric clinics 2012-2019",
        datasets=["hes_apc", "hes_ae", "ecds"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Transfer from paediatric to adult services is a time of risk for young people with "
                   "asthma.",
        design="Cohort study linking clinic records to HES APC, HES A&E and the Emergency Care Data Set.",
        pn_purpose="TRANSIT looks at whether young people with asthma need more emergency care around the time "
                   "they move from children's to adult services.",
        sde_reason=S251_REASON, dpo="dpo@nottingham.ac.uk",
    )
    docs = []
    ctrl_para = ("The data controllers for this activity are the University of Nottingham and Nottingham "
                 "University Hospitals NHS Trust, acting jointly.")
    docs.append(("TRANSIT - CAG outcome letter.pdf", *cag_approval(
        S, D("2023-11-14"), v=1, review_due=D("2024-11-14"), extra=[ctrl_para],
        dspt=("University of Nottingham", "2022/23", "Standards Met", D("2023-10-30")),
        table=[("IRAS CAG application form", "", "07 August 2023"),
               ("Protocol", "1.0", "24 July 2023")])))
    docs.append(("TRANSIT - REC favourable opinion.pdf", *rec_letter(S, D("2023-09-18"), v=1, s251=True)))
    docs.append(("TRANSIT - protocol v1.0.pdf", *protocol(S, "1.0", D("2023-07-24"), v=0)))
    docs.append(("TRANSIT - privacy notice.pdf", *privacy_notice(S, "1.0", D("2023-12-01"), v=0,
                                                                  cag_ref="23/CAG/0187")))
    orgs = [org("University of Nottingham", code="EE133888")]
    req = request(S, "2024-06-24", "section_251", dsets([
        ("hes_apc", "2012-04-01", "2023-03-31", "one_off"), ("hes_ae", "2012-04-01", "2020-03-31", "one_off"),
        ("ecds", "2017-04-01", "2023-03-31", "one_off")]), orgs=orgs)
    return "s10-transit-no-application-joint-controller", req, docs, ["S251-001", "S251-008"], [], (
        "S251-001: no s251 application in the bundle (CAG table lists it, so S251-007 stays silent for it). "
        "S251-008: CAG letter names Nottingham University Hospitals NHS Trust as joint data controller; "
        "request lists only the University. Privacy notice names both.")


@bundle
def b11():
    S = dict(
        title="Sudden cardiac death in young adults: a national record-linkage study (SCD-YA)",
        short="SCD-YA", ci=ci("Dr Lucy Marchetti", "Dr Marchetti", "Reader in Cardiovascular Epidemiology",
                              ["Bristol Medical School", "University of Bristol", "Oakfield House",
                               "Oakfield Grove", "Bristol BS8 2BN"]),
        controllers=["University of Bristol"], cag_ref="21/CAG/0133", iras="297054", rec_ref="21/SW/0102",
        rec_date="2021-07-26", org_code="EE133801", dars="DARS-NIC-522867-K3H5V",
        funding="British Heart Foundation (FS/CRTF/21/24135)",
        cag_purpose="identify patterns of hospital and emergency care use in the five years before sudden "
                    "cardiac death among people aged 16 to 39.",
        app_purpose="SCD-YA links a national register of sudden cardiac deaths in young adults, compiled from "
                    "coroners' and pathology records, to hospital and emergency care data.",
        cohort_desc="People aged 16 to 39 who died suddenly from a presumed cardiac cause in England between "
                    "2012 and 2020, and age- and sex-matched controls.",
        cohort_short="Young adults (16-39) with sudden cardiac death 2012-2020, with matched controls",
        datasets=["hes_apc", "hes_ae", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Sudden cardiac death in the young is rare but devastating.",
        design="Case-control study using linked HES and ONS mortality data.",
        pn_purpose="SCD-YA looks for warning signs in hospital records before sudden cardiac deaths in young "
                   "adults.",
        sde_reason=S251_REASON, dpo="data-protection@bristol.ac.uk",
    )
    docs = []
    docs.append(("Section 251/CAG final support letter.pdf", *cag_approval(
        S, D("2021-10-04"), v=1, body="NHS Digital", review_due=D("2022-10-04"), ndoo="applies",
        dspt=("University of Bristol", "2020/21", "Standards Met", D("2021-09-20")),
        table=[("CAG application form", "", "02 June 2021")])))
    docs.append(("Section 251/Annual review 2022.pdf", *cag_annual(S, D("2022-10-17"), D("2023-10-04"), v=1)))
    docs.append(("Section 251/Annual review 2023.pdf", *cag_annual(S, D("2023-10-09"), D("2024-10-04"), v=2)))
    docs.append(("Section 251/SCD-YA CAG application.pdf", *s251_app(S, D("2021-06-02"), v=2, body="NHS Digital")))
    docs.append(("Ethics/21-SW-0102 favourable opinion.pdf", *rec_letter(S, D("2021-07-26"), v=2, s251=True)))
    docs.append(("SCD-YA protocol v1.1.pdf", *protocol(S, "1.1", D("2021-05-17"), v=1)))
    docs.append(("SCD-YA privacy notice.pdf", *privacy_notice(S, "1.1", D("2022-01-10"), v=2,
                                                               cag_ref="21/CAG/0133")))
    req = request(S, "2024-03-18", "section_251", dsets([
        ("hes_apc", "2007-04-01", "2021-03-31", "one_off"), ("hes_ae", "2007-04-01", "2020-03-31", "one_off"),
        ("deaths", "2012-01-01", "2020-12-31", "one_off")]), ndoo="not_applied")
    return "s11-scdya-ndoo-not-exempt", req, docs, ["NDOO-001", "S251-009"], [], (
        "NDOO-001: request says opt-out not_applied but the CAG approval says the opt-out will be applied "
        "(no exemption). S251-009 (info): approval names only NHS Digital as the linking body.")


@bundle
def b12():
    S = dict(
        title="Late effects in survivors of teenage and young adult cancer (LATE-TYA)",
        short="LATE-TYA", ci=ci("Professor Ruth Kassim", "Professor Kassim", "Professor of Cancer Epidemiology",
                                ["Wolfson Institute of Population Health", "Queen Mary University of London",
                                 "Charterhouse Square", "London EC1M 6BQ"]),
        controllers=["Queen Mary University of London"], cag_ref="22/CAG/0201", iras="311908",
        rec_ref="22/LO/0741", rec_date="2022-11-21", org_code="EE133849", dars="DARS-NIC-659032-F4L7S",
        funding="Teenage Cancer Trust / Children with Cancer UK joint grant TCT-2022-05",
        cag_purpose="quantify hospital admissions and deaths from late effects of treatment among people "
                    "diagnosed with cancer between the ages of 13 and 24.",
        app_purpose="LATE-TYA uses the National Cancer Registration Dataset to identify teenage and young adult "
                    "cancer survivors and follows them for late effects through hospital and death records.",
        cohort_desc="People diagnosed with cancer aged 13-24 in England between 1995 and 2015 who survived at "
                    "least five years.",
        cohort_short="Five-year survivors of cancer diagnosed aged 13-24, 1995-2015",
        datasets=["cancer_registration", "hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Survivors of cancer in adolescence face a lifelong risk of late effects of treatment.",
        design="Population-based cohort using cancer registration, HES APC and mortality data.",
        pn_purpose="LATE-TYA looks at long-term health problems after cancer treatment in teenagers and young "
                   "adults.",
        sde_reason=S251_REASON, dpo="data-protection@qmul.ac.uk",
    )
    app_date = D("2022-09-05")
    docs = []
    docs.append(("cag/LATE-TYA CAG approval.pdf", *cag_approval(
        S, D("2023-04-17"), v=0, review_due=D("2024-04-17"), support_until=D("2027-03-31"),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0"))])))
    docs.append(("cag/LATE-TYA annual review 2024.pdf", *cag_annual(S, D("2024-04-08"), D("2025-04-17"), v=1)))
    docs.append(("cag/LATE-TYA CAG application.pdf", *s251_app(S, app_date, v=1, end=D("2027-03-31"))))
    docs.append(("ethics/LATE-TYA REC FO.pdf", *rec_letter(S, D("2022-11-21"), v=0, s251=True)))
    docs.append(("LATE-TYA protocol v2.0.pdf", *protocol(S, "2.0", D("2022-08-15"), v=2)))
    docs.append(("LATE-TYA privacy notice v1.0.pdf", *privacy_notice(S, "1.0", D("2023-05-02"), v=1,
                                                                      cag_ref="22/CAG/0201")))
    datasets = dsets([("cancer_registration", "1995-01-01", "2021-12-31", "one_off"),
                      ("hes_apc", "1997-04-01", "2023-03-31", "one_off")])
    datasets.append(ds("deaths", "1995-01-01", None, FIELDS["deaths"], "future_drops"))
    req = request(S, "2024-07-01", "section_251", datasets)
    return "s12-latetya-future-drops-beyond-support", req, docs, ["MIN-006"], [], (
        "MIN-006: approval says support is given until 31 March 2027 (and the application states that end "
        "date); request asks for deaths as future_drops with no end (open period). Other datasets end by "
        "2023.")


@bundle
def b13():
    S = dict(
        title="Imaging, diagnosis and outcomes in chronic kidney disease (IMAGE-CKD)",
        short="IMAGE-CKD", ci=ci("Dr Kwame Asante", "Dr Asante", "Senior Lecturer in Nephrology",
                                 ["Institute of Applied Health Research", "University of Birmingham",
                                  "Edgbaston", "Birmingham B15 2TT"]),
        controllers=["University of Birmingham"], cag_ref="23/CAG/0044", iras="320187", rec_ref="23/WM/0036",
        rec_date="2023-03-13", org_code="EE133802", dars="DARS-NIC-697724-V5D3J",
        funding="Kidney Research UK (KS_IN_004_20230317)",
        cag_purpose="describe hospital admissions and deaths among adults with stage 4 and 5 chronic kidney "
                    "disease in the West Midlands, and how they relate to time to diagnosis.",
        app_purpose="IMAGE-CKD links renal registry records of adults with advanced chronic kidney disease to "
                    "national hospital admission and mortality data.",
        cohort_desc="Adults with stage 4 or 5 chronic kidney disease under West Midlands renal units, 2012-2021.",
        cohort_short="Adults with CKD stage 4-5 in West Midlands renal units, 2012-2021",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Late referral to renal services is linked to worse outcomes in chronic kidney disease.",
        design="Cohort study using linked HES APC and death registrations.",
        pn_purpose="IMAGE-CKD studies the care and health of adults with advanced kidney disease.",
        sde_reason=S251_REASON, dpo="dataprotection@contacts.bham.ac.uk",
    )
    app_date = D("2023-01-16")
    docs = []
    docs.append(("CAG/IMAGE-CKD CAG outcome.pdf", *cag_approval(
        S, D("2023-08-01"), v=2, review_due=D("2024-08-01"),
        dspt=("University of Birmingham", "2022/23", "Standards Met", D("2023-07-20")),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0"))])))
    docs.append(("CAG/IMAGE-CKD annual review Aug 2024.pdf", *cag_annual(
        S, D("2024-08-05"), D("2025-08-01"), v=0, dspt=("University of Birmingham", "2023/24", "Standards Met"))))
    docs.append(("CAG/IMAGE-CKD application form.pdf", *s251_app(S, app_date, v=0)))
    docs.append(("REC/IMAGE-CKD favourable opinion.pdf", *rec_letter(S, D("2023-03-13"), v=1, s251=True)))
    docs.append(("IMAGE-CKD protocol.docx", *protocol(S, "1.0", D("2023-01-09"), v=0)))
    docs.append(("IMAGE-CKD privacy notice.pdf", *privacy_notice(S, "1.0", D("2023-09-04"), v=0,
                                                                  cag_ref="23/CAG/0044")))
    orgs = [org("University of Birmingham", code="EE133802", status="approaching_standards", plan=True)]
    req = request(S, "2024-09-30", "section_251", dsets([
        ("hes_apc", "2012-04-01", "2023-03-31", "one_off"), ("deaths", "2012-01-01", "2023-12-31", "one_off"),
        ("did", "2012-04-01", "2023-03-31", "one_off")]), orgs=orgs)
    return "s13-imageckd-did-not-supported-dspt-conflict", req, docs, ["DATA-001", "SEC-003"], [], (
        "DATA-001: request adds Diagnostic Imaging Data Set, named in neither CAG letter nor application. "
        "SEC-003: 2024 annual review letter says the 2023/24 DSPT for University of Birmingham is Standards "
        "Met; request gives 2023-24 approaching_standards (plan agreed, so no SEC-001).")


@bundle
def b14():
    S = dict(
        title="Stroke thrombectomy and long-term outcomes in South London (STROKE-SL)",
        short="STROKE-SL", ci=ci("Dr Benedetta Russo", "Dr Russo", "Senior Lecturer in Stroke Medicine",
                                 ["School of Life Course & Population Sciences", "King's College London",
                                  "Addison House, Guy's Campus", "London SE1 1UL"]),
        controllers=["King's College London", "Guy's and St Thomas' NHS Foundation Trust"],
        cag_ref="23/CAG/0095", iras="319450", rec_ref="23/LO/0288", rec_date="2023-04-24",
        org_code="EE133873", dars="DARS-NIC-710226-G8P1W", funding="Stroke Association (SA PGF 22/100026)",
        cag_purpose="compare readmissions, institutionalisation and deaths after ischaemic stroke between "
                    "patients who did and did not receive mechanical thrombectomy.",
        app_purpose="STROKE-SL links the South London Stroke Register to national hospital and mortality data "
                    "to measure long-term outcomes after thrombectomy for ischaemic stroke.",
        cohort_desc="Patients with ischaemic stroke in the South London Stroke Register, 2016-2022.",
        cohort_short="Ischaemic stroke patients in the South London Stroke Register 2016-2022",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Mechanical thrombectomy is now standard care for large-vessel ischaemic stroke.",
        design="Register-based cohort study with linked HES APC and mortality data.",
        pn_purpose="STROKE-SL studies how people recover over several years after a stroke, depending on the "
                   "treatment they had.",
        sde_reason=S251_REASON, dpo="info-compliance@kcl.ac.uk",
    )
    app_date = D("2023-02-20")
    docs = []
    docs.append(("cag/STROKE-SL CAG final outcome.pdf", *cag_approval(
        S, D("2023-06-26"), v=0, review_due=D("2024-06-26"),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0"))])))
    docs.append(("cag/STROKE-SL annual review.pdf", *cag_annual(S, D("2024-06-17"), D("2025-06-26"), v=1)))
    docs.append(("cag/STROKE-SL CAG application.pdf", *s251_app(S, app_date, v=2)))
    docs.append(("ethics/STROKE-SL REC letter.pdf", *rec_letter(S, D("2023-04-24"), v=0, s251=True)))
    docs.append(("STROKE-SL protocol v1.3.pdf", *protocol(S, "1.3", D("2023-02-06"), v=1)))
    docs.append(("STROKE-SL privacy notice.pdf", *privacy_notice(S, "1.0", D("2023-07-10"), v=1,
                                                                  cag_ref="23/CAG/0095")))
    orgs = [org("King's College London", code="EE133873"),
            org("Guy's and St Thomas' NHS Foundation Trust", code="RJ1", dsfc=False)]
    ids = S["ids"]
    flows = [{"action": "receive", "counterparty": "King's College London", "identifiers": list(ids)},
             {"action": "link", "datasets": ["hes_apc", "deaths"], "identifiers": list(ids)},
             {"action": "disseminate", "counterparty": "King's College London", "identifiers": ["nhs_number"]}]
    req = request(S, "2024-08-12", "section_251", dsets([
        ("hes_apc", "2016-01-01", "2023-03-31", "one_off"), ("deaths", "2016-01-01", "2023-12-31", "one_off")]),
        orgs=orgs, flows=flows)
    return "s14-strokesl-identifiable-return-no-dsfc", req, docs, ["S251-003", "ORG-001"], [], (
        "S251-003 (disseminate): request's disseminate flow returns NHS number to KCL; CAG approval covers "
        "only return of a pseudonymised dataset ('no identifiers will be returned'). ORG-001: joint controller "
        "Guy's and St Thomas' has dsfc false.")


@bundle
def b15():
    S = dict(
        title="Young-onset dementia: pathways to diagnosis and care (YOD-PATH)",
        short="YOD-PATH", ci=ci("Dr Fiona McAllister", "Dr McAllister", "Senior Research Fellow",
                                ["University of Exeter Medical School", "University of Exeter",
                                 "St Luke's Campus", "Heavitree Road", "Exeter EX1 2LU"]),
        controllers=["University of Exeter"], cag_ref="23/CAG/0199", iras="326011", rec_ref="23/SW/0126",
        rec_date="2023-09-25", org_code="EE133828", dars="DARS-NIC-738410-D2Q6T",
        funding="Alzheimer's Society (AS-PG-23-041)",
        cag_purpose="describe the hospital and mental health service contacts of people diagnosed with "
                    "young-onset dementia (before age 65) in the five years before and after diagnosis.",
        app_purpose="YOD-PATH identifies people with young-onset dementia from memory clinic records in South "
                    "West England and links them to hospital and mental health service records.",
        cohort_desc="People diagnosed with dementia before the age of 65 at memory clinics in South West "
                    "England between 2014 and 2021.",
        cohort_short="People diagnosed with young-onset dementia in South West memory clinics 2014-2021",
        datasets=["hes_apc", "mhsds"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Young-onset dementia is often diagnosed late, after years of contact with services.",
        design="Cohort study linking memory clinic records to HES APC and MHSDS.",
        pn_purpose="YOD-PATH studies the health care that people with young-onset dementia receive before and "
                   "after diagnosis.",
        sde_reason=S251_REASON, dpo="dataprotection@exeter.ac.uk",
    )
    app_date = D("2023-07-31")
    docs = []
    docs.append(("CAG approval letter YOD-PATH.pdf", *cag_approval(
        S, D("2023-12-04"), v=2, review_due=D("2024-12-04"),
        table=[("CAG application from (signed/authorised)", "", fd(app_date, "long0"))])))
    docs.append(("CAG application YOD-PATH.pdf", *s251_app(S, app_date, v=1)))
    docs.append(("REC favourable opinion YOD-PATH.pdf", *rec_letter(S, D("2023-09-25"), v=1, s251=True)))
    docs.append(("YOD-PATH protocol v1.0.docx", *protocol(S, "1.0", D("2023-07-17"), v=2)))
    docs.append(("YOD-PATH privacy notice.pdf", *privacy_notice(S, "1.0", D("2023-12-18"), v=0,
                                                                 cag_ref="23/CAG/0199")))
    orgs = [org("University of Exeter", code="EE133828"),
            org("University of Glasgow", roles=["processor"], loc=["Scotland"], code="EE133839")]
    req = request(S, "2024-05-20", "section_251", dsets([
        ("hes_apc", "2009-04-01", "2023-03-31", "one_off"), ("mhsds", "2016-04-01", "2023-03-31", "one_off")]),
        orgs=orgs,
        purpose="To describe hospital admissions and mental health service use before and after diagnosis "
                "among adults diagnosed with Parkinson's disease in South West England.")
    return "s15-yodpath-purpose-drift-scotland", req, docs, ["S251-005", "TER-001"], [], (
        "S251-005: CAG letter and application are about young-onset dementia; request purpose is about "
        "Parkinson's disease (different condition). TER-001: processor University of Glasgow processes in "
        "Scotland with territory england_wales.")


@bundle
def b16():
    S = dict(
        title="Alcohol-related liver disease admissions and outcomes (ARLD-OUT)",
        short="ARLD-OUT", ci=ci("Dr Imogen Carr", "Dr Carr", "Associate Professor of Hepatology",
                                ["Faculty of Medicine", "University of Southampton",
                                 "Southampton General Hospital", "Tremona Road", "Southampton SO16 6YD"]),
        controllers=["University of Southampton"], cag_ref="23/CAG/0231", iras="330942", rec_ref="23/SC/0377",
        rec_date="2023-11-06", org_code="EE133935", dars="DARS-NIC-745018-M9W2H",
        funding="British Liver Trust research grant BLT-2023-02",
        cag_purpose="describe readmissions and deaths after a first hospital admission with alcohol-related "
                    "liver disease, and the effect of specialist alcohol care teams.",
        app_purpose="ARLD-OUT links hospital alcohol care team records from Wessex hospitals to national "
                    "hospital and mortality data to evaluate outcomes after a first admission with "
                    "alcohol-related liver disease.",
        cohort_desc="Adults with a first emergency admission for alcohol-related liver disease to Wessex "
                    "hospitals between 2015 and 2022.",
        cohort_short="Adults with first ARLD admission in Wessex 2015-2022",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        background="Alcohol-related liver disease is a leading cause of premature death in England.",
        design="Cohort study with linked HES APC and ONS mortality data.",
        pn_purpose="", sde_reason=S251_REASON,
    )
    app_date = D("2023-09-04")
    docs = []
    docs.append(("CAG/ARLD-OUT CAG outcome.pdf", *cag_approval(
        S, D("2024-01-15"), v=1, review_due=D("2025-01-15"),
        table=[("CAG application form", "", fd(app_date, "long0"))])))
    docs.append(("CAG/ARLD-OUT CAG application.pdf", *s251_app(S, app_date, v=0)))
    docs.append(("ethics/ARLD-OUT REC letter.pdf", *rec_letter(S, D("2023-11-06"), v=0, s251=True)))
    docs.append(("ARLD-OUT protocol v1.1.pdf", *protocol(S, "1.1", D("2023-08-21"), v=0)))
    req = request(S, "2024-09-09", "section_251", dsets([
        ("hes_apc", "2015-04-01", "2023-03-31", "one_off"), ("deaths", "2015-04-01", "2023-12-31", "one_off")]),
        access="sde")
    return "s16-arldout-no-privacy-notice-sde", req, docs, ["PN-001", "ACC-002"], [], (
        "PN-001: identifiers requested and no privacy notice in the bundle (so PN-002..006 skipped). ACC-002: "
        "access route sde but a disseminate flow to University of Southampton.")

# ----------------------------------------------------------------------------------------------
# the bundles: consent

CONSENT_NDOO = ("Because you have agreed to take part and given consent for your records to be linked, the "
                "national data opt-out does not apply to the information NHS England sends us about you. You "
                "can still withdraw from the study at any time.")


def consent_docs(S, sets, pis_dir="Information sheets", cf_dir="Consent forms", fmt="pdf",
                 pis_kw=None, cf_kw=None):
    """sets: list of (pis_ver, pis_date, cf_ver, cf_date, v); pis or cf may be None."""
    docs = []
    for pv, pd, cv, cd, v in sets:
        if pv:
            kw = (pis_kw or {}).get(pv, {})
            docs.append((f"{pis_dir}/{S['short']} PIS v{pv}.{fmt}", *pis(S, pv, D(pd), v=v, **kw)))
        if cv:
            kw = (cf_kw or {}).get(cv, {})
            cite = kw.pop("cite", (pv, pd))
            docs.append((f"{cf_dir}/{S['short']} consent form v{cv}.{fmt}",
                         *consent_form(S, cv, D(cd), cite[0], D(cite[1]), v=v, **kw)))
    return docs


def cohort(start, end):
    return {"supplied": True, "recruitment_start": start, "recruitment_end": end}


@bundle
def b17():
    S = dict(
        title="Families of the Severn Vale Study (FSVS): a pregnancy and childhood cohort",
        short="FSVS", ci=ci("Professor Helen Ashdown", "Professor Ashdown", "Principal Investigator",
                            ["Population Health Sciences", "Bristol Medical School", "University of Bristol",
                             "Canynge Hall, 39 Whatley Road", "Bristol BS8 2PS"]),
        controllers=["University of Bristol"], iras="87412", rec_ref="11/SW/0287", rec_date="2011-12-20",
        org_code="EE133801", dars="DARS-NIC-402281-Z3N6Q", funding="Wellcome Trust (217065/Z/19/Z) and MRC",
        cag_purpose="follow the health of mothers recruited in pregnancy and of their children through "
                    "childhood, using questionnaires, clinic visits and linked health records.",
        background="Birth cohorts show how early life shapes later health.",
        design="Prospective cohort of pregnant women and their children, with consent to linkage to "
               "national hospital and death records.",
        pn_purpose="FSVS follows families who joined during pregnancy, to learn how health in pregnancy and "
                   "early childhood affects health later in life.",
        pis_purpose="The Families of the Severn Vale Study wants to find out how the health of mothers during "
                    "pregnancy, and of their babies in the first years of life, affects their health later on.",
        pis_why="You have been invited because you are expecting a baby and will give birth at Southmead or St "
                "Michael's Hospital.",
        pis_what="We will ask you to fill in a questionnaire in each trimester and when your child is 1, 3 "
                 "and 7 years old, and to come to a clinic visit when your child is 7.",
        pis_link="With your permission, we would also like to collect information about you and your child "
                 "from NHS records, such as your hospital records and, if either of you should die, death "
                 "records. To do this we will send your name, date of birth, NHS number and postcode to the "
                 "NHS body that holds these national records (currently NHS England), who will send back "
                 "information about hospital admissions and deaths. We will never send your answers to the "
                 "questionnaires.",
        cf_link="I agree that my name, date of birth, NHS number and postcode may be sent to the national "
                "body that holds NHS records, so that information from my hospital records and death records "
                "can be added to the study.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "name", "date_of_birth", "postcode"],
        dpo="data-protection@bristol.ac.uk", study_email="fsvs-study@bristol.ac.uk",
    )
    S1 = dict(S, cf_link=S["cf_link"].replace("the national body that holds NHS records",
                                              "the NHS Information Centre"),
              pis_link=S["pis_link"].replace("the NHS body that holds these national records (currently NHS "
                                             "England)", "the NHS Information Centre"))
    S2 = dict(S, cf_link=S["cf_link"].replace("the national body that holds NHS records",
                                              "the Health and Social Care Information Centre (HSCIC)"),
              pis_link=S["pis_link"].replace("the NHS body that holds these national records (currently NHS "
                                             "England)", "the Health and Social Care Information Centre"))
    docs = []
    docs.append(("Participant materials/2012 v1.0/FSVS PIS v1.0.pdf", *pis(S1, "1.0", D("2011-12-05"), v=0)))
    docs.append(("Participant materials/2012 v1.0/FSVS consent v1.0.pdf",
                 *consent_form(S1, "1.0", D("2012-01-10"), "1.0", D("2011-12-05"), v=0)))
    docs.append(("Participant materials/2013 v2.0/FSVS PIS v2.0.pdf", *pis(S2, "2.0", D("2013-08-19"), v=1)))
    docs.append(("Participant materials/2013 v2.0/FSVS consent v2.0.pdf",
                 *consent_form(S2, "2.0", D("2013-09-02"), "2.0", D("2013-08-19"), v=1)))
    docs.append(("Participant materials/2015 v3.0/FSVS PIS v3.0.docx", *pis(S, "3.0", D("2015-04-27"), v=3)))
    docs.append(("Participant materials/2015 v3.0/FSVS consent v3.0.docx",
                 *consent_form(S, "3.0", D("2015-05-11"), "3.0", D("2015-04-27"), v=2)))
    docs.append(("Ethics/FSVS REC favourable opinion 2011.pdf", *rec_letter(
        S, D("2011-12-20"), v=0, approved=[("Participant information sheet", "1.0", "05 December 2011")])))
    docs.append(("FSVS protocol v4.0.pdf", *protocol(S, "4.0", D("2015-04-20"), v=1)))
    docs.append(("FSVS privacy notice 2024.pdf", *privacy_notice(S, "5.0", D("2024-01-08"), v=0,
                                                                  ndoo_text=CONSENT_NDOO)))
    docs.append(("Newsletters/FSVS newsletter issue 21.pdf", *newsletter(
        S, D("2023-11-06"), 21, items=[("Linking to health records", "Thanks to the families who agreed, we "
                                         "have now added hospital records to the study data, without names.")])))
    req = request(S, "2024-06-03", "consent", dsets([
        ("hes_apc", "2012-01-01", "2023-03-31", "one_off"), ("deaths", "2012-01-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2012-03-01", "2016-12-31"))
    return "c01-fsvs-birth-cohort-clean", req, docs, [], [], (
        "clean consent: three PIS/consent versions (2011-2015) naming NHS Information Centre, HSCIC, then NHS "
        "England; newsletter; privacy notice says opt-out does not apply to consented data. First form "
        "10/01/2012 precedes recruitment start 01/03/2012. Versions in sub-folders by year.")


@bundle
def b18():
    S = dict(
        title="Inflammatory Arthritis Outcomes Cohort (IAOC)",
        short="IAOC", ci=ci("Dr Simon Whitcombe", "Dr Whitcombe", "Senior Lecturer in Rheumatology",
                            ["Centre for Epidemiology Versus Arthritis", "The University of Manchester",
                             "Stopford Building, Oxford Road", "Manchester M13 9PT"]),
        controllers=["The University of Manchester"], iras="238410", rec_ref="18/NW/0231", rec_date="2018-05-02",
        org_code="EE133887", dars="DARS-NIC-318805-U7C2K", funding="Versus Arthritis (22490)",
        cag_purpose="describe hospital admissions, outpatient care and deaths among adults with newly "
                    "diagnosed inflammatory arthritis.",
        background="Inflammatory arthritis carries excess cardiovascular and infection risk.",
        design="Inception cohort with questionnaires and consent to record linkage.",
        pn_purpose="IAOC follows people newly diagnosed with inflammatory arthritis to understand their "
                   "long-term health and use of hospital services.",
        pis_purpose="We want to understand how inflammatory arthritis affects people's health over many years.",
        pis_why="You have recently been diagnosed with inflammatory arthritis at one of the rheumatology clinics "
                "taking part.",
        pis_what="You will complete a questionnaire now and every year, and we will collect information from "
                 "your clinic notes.",
        pis_link="We would like to follow your health through records the NHS holds centrally. This is called "
                 "record linkage. We would send your NHS number, date of birth and postcode to NHS Digital "
                 "(the national provider of health data), who would return details of your hospital stays and "
                 "outpatient appointments from Hospital Episode Statistics, and information on the date and "
                 "cause of death from death registration records. Your name and address will not be sent.",
        cf_link="I agree that my NHS number, date of birth and postcode can be given to NHS Digital so that "
                "information about my hospital admissions, outpatient appointments and death registration can "
                "be linked to my study records.",
        pis_recontact="We will write to you each year with a short questionnaire. We may also ask whether you "
                      "would like to hear about other studies. If your contact details change, please tell us.",
        datasets=["hes_apc", "hes_op", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        dpo="dataprotection@manchester.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2018-04-09", "1.0", "2018-04-16", 1),
                            ("1.1", "2019-10-21", "1.1", "2019-11-04", 3)])
    docs.append(("Ethics/IAOC REC favourable opinion.pdf", *rec_letter(S, D("2018-05-02"), v=1)))
    docs.append(("IAOC protocol v2.2.docx", *protocol(S, "2.2", D("2019-10-14"), v=2)))
    docs.append(("IAOC privacy notice v1.3.pdf", *privacy_notice(S, "1.3", D("2023-07-17"), v=1, ndoo=False)))
    req = request(S, "2024-02-19", "consent", dsets([
        ("hes_apc", "2015-04-01", "2023-03-31", "one_off"), ("hes_op", "2015-04-01", "2023-03-31", "one_off"),
        ("deaths", "2018-06-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2018-06-01", "2022-12-31"), territory="uk")
    return "c02-iaoc-arthritis-clean", req, docs, [], [], (
        "clean consent, two versions, no newsletter but PIS says annual questionnaires and re-contact. Negated "
        "'Your name and address will not be sent'. Controller 'The University of Manchester' (leading The). "
        "Unit word 'Centre for Epidemiology Versus Arthritis' only in the address block.")


@bundle
def b19():
    S = dict(
        title="Home-based rehabilitation for heart failure: long-term follow-up (HEART-HOME)",
        short="HEART-HOME", ci=ci("Dr Priya Raman", "Dr Raman", "Senior Lecturer",
                                  ["Department of Health Sciences", "University of York", "Seebohm Rowntree Building",
                                   "Heslington", "York YO10 5DD"]),
        controllers=["University of York"], iras="254876", rec_ref="19/YH/0012", rec_date="2019-02-11",
        org_code="EE133917", dars="DARS-NIC-377619-S1G5T", funding="NIHR HTA 17/22/04",
        cag_purpose="compare hospital admissions and survival over five years between people with heart "
                    "failure offered home-based rehabilitation and those receiving usual care.",
        background="Cardiac rehabilitation uptake in heart failure is low.",
        design="Long-term follow-up of a randomised trial cohort through linked national records.",
        pn_purpose="HEART-HOME follows people who took part in a trial of home-based heart failure "
                   "rehabilitation to see how their health changes over several years.",
        pis_purpose="This study will look at whether a home-based rehabilitation programme for heart failure "
                    "helps people stay out of hospital.",
        pis_why="You have been invited because you have heart failure and attend a heart failure clinic.",
        pis_what="You will be randomly allocated to the home programme or usual care and asked to complete "
                 "questionnaires at 6 and 12 months.",
        pis_link="After the trial ends, we would like to keep track of your health using records held "
                 "nationally. We will send your NHS number, date of birth, sex and postcode to NHS Digital, "
                 "which will send us back information about any hospital admissions and, if you die, the date "
                 "and cause of death from death registrations. We will not send your name or address.",
        cf_link="I give permission for my NHS number, date of birth, sex and postcode to be sent to NHS Digital "
                "(or its successor) so that my hospital admissions and death registration can be followed "
                "up for this study.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "sex", "postcode"],
        dpo="dataprotection@york.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2019-01-15", "1.0", "2019-01-22", 2),
                            ("2.0", "2020-06-08", "2.0", "2020-06-15", 2)], fmt="docx",
                        pis_dir="PIS", cf_dir="ICF")
    docs.append(("REC/19-YH-0012 FO letter.pdf", *rec_letter(S, D("2019-02-11"), v=2)))
    docs.append(("Protocol/HEART-HOME protocol v3.0.pdf", *protocol(S, "3.0", D("2020-06-01"), v=0)))
    docs.append(("HEART-HOME privacy notice.pdf", *privacy_notice(
        dict(S, pn_source="We receive information about hospital admissions and deaths of participants from NHS "
                          "England (formerly NHS Digital)."), "2.1", D("2023-10-02"), v=2, ndoo_text=CONSENT_NDOO)))
    req = request(S, "2024-03-25", "consent", dsets([
        ("hes_apc", "2016-04-01", "2023-03-31", "one_off"), ("deaths", "2019-03-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2019-03-01", "2021-02-28"))
    return "c03-hearthome-two-digit-year-footers-clean", req, docs, [], [], (
        "clean consent, DOCX forms with HRA template footers '[version 1.0, date 22/01/19]' (two-digit year). "
        "Negation 'We will not send your name or address'. Unit in addressee (Department of Health Sciences).")


@bundle
def b20():
    S = dict(
        title="Leeds Ageing and Mobility Study (LAMS)",
        short="LAMS", ci=ci("Dr Oliver Brannigan", "Dr Brannigan", "Consultant Geriatrician",
                            ["Department of Elderly Medicine", "St James's University Hospital",
                             "Leeds Teaching Hospitals NHS Trust", "Beckett Street", "Leeds LS9 7TF"]),
        controllers=["Leeds Teaching Hospitals NHS Trust"], iras="297310", rec_ref="21/YH/0144",
        rec_date="2021-07-26", org_code="RR8", dars="DARS-NIC-561407-E2W8Y", funding="Dunhill Medical Trust (RPGF2106/200)",
        cag_purpose="describe falls, emergency attendances and hospital admissions among older adults with "
                    "mobility problems, and how they relate to frailty measured at enrolment.",
        background="Falls are the commonest reason older people attend emergency departments.",
        design="Prospective cohort with annual assessments and consent to linkage of national records.",
        pn_purpose="LAMS follows older people with mobility problems to learn what leads to falls and hospital "
                   "visits.",
        pis_purpose="We want to understand why some older people with walking difficulties fall and end up in "
                    "hospital, and others do not.",
        pis_why="You have been invited because you are aged 70 or over and were seen by the falls service.",
        pis_what="A researcher will visit you at home once a year to ask some questions and do simple tests of "
                 "balance and strength.",
        pis_link="We would also like to receive information about your visits to A&E and hospital stays from "
                 "national records, held by NHS England. These are Hospital Episode Statistics and the "
                 "Emergency Care Data Set. To find your records we will send NHS England your NHS number, date "
                 "of birth and postcode.",
        cf_link="I agree that NHS England may receive my NHS number, date of birth and postcode so that my "
                "hospital records, including A&E (emergency care) records, can be linked to the study.",
        datasets=["hes_apc", "ecds"], ids=["nhs_number", "date_of_birth", "postcode"],
        dpo="leedsth-tr.dpo@nhs.net",
    )
    docs = consent_docs(S, [("1.0", "2021-07-07", "1.0", "2021-07-14", 0),
                            ("1.1", "2022-04-25", "1.1", "2022-05-03", 1)], fmt="docx",
                        cf_kw={"1.0": {"used": "Version 1.0 in use from 1 September 2021 to 31 May 2022."}})
    docs.append(("LAMS REC approval letter.pdf", *rec_letter(S, D("2021-07-26"), v=0)))
    docs.append(("LAMS protocol v1.2.docx", *protocol(S, "1.2", D("2022-04-11"), v=0)))
    docs.append(("LAMS privacy notice.docx", *privacy_notice(S, "1.0", D("2021-08-16"), v=3, ndoo=False)))
    docs.append(("LAMS newsletter spring 2023.pdf", *newsletter(S, D("2023-04-17"), 3)))
    req = request(S, "2024-01-29", "consent", dsets([
        ("hes_apc", "2019-09-01", "2023-03-31", "one_off"), ("ecds", "2019-09-01", "2023-03-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2021-09-01", "2023-08-31"),
        orgs=[org("Leeds Teaching Hospitals NHS Trust", code="RR8")])
    return "c04-lams-ageing-trust-clean", req, docs, [], [], (
        "clean consent; NHS trust controller; consent form v1.0 states its own period of use (Sept 2021 to "
        "May 2022) which with v1.1 (3 May 2022 onward) covers recruitment; newsletter; DOCX throughout.")


@bundle
def b21():
    S = dict(
        title="Breast Screening Follow-up Study (BSFS)",
        short="BSFS", ci=ci("Professor Margaret Odili", "Professor Odili", "Professor of Epidemiology",
                            ["Division of Genetics and Epidemiology", "The Institute of Cancer Research",
                             "15 Cotswold Road", "Sutton", "London SM2 5NG"]),
        controllers=["The Institute of Cancer Research"], iras="214590", rec_ref="16/LO/2135",
        rec_date="2016-12-19", org_code="EE133865", dars="DARS-NIC-284466-L0P9B",
        funding="Breast Cancer Now (2016NovPR845)",
        cag_purpose="relate breast density and lifestyle measured at screening to later breast cancer diagnoses, "
                    "treatment and survival.",
        background="Mammographic density is a strong risk factor for breast cancer.",
        design="Prospective cohort of women attending routine breast screening, with consent to linkage.",
        pn_purpose="BSFS studies whether breast density and lifestyle are linked to the chance of developing "
                   "breast cancer.",
        pis_purpose="This study wants to find out whether things we can measure at breast screening help to "
                    "predict who will develop breast cancer.",
        pis_why="You have been invited because you are attending routine NHS breast screening.",
        pis_what="You will complete a lifestyle questionnaire and allow us to use your screening images.",
        pis_link="With your permission, we will find out whether you develop cancer in the future from the "
                 "national cancer registry, and about any hospital treatment from national hospital records. "
                 "If you die, we will receive information from death records. To do this we will pass your "
                 "NHS number, full name, date of birth and postcode to NHS Digital.",
        cf_link="I agree that my details (name, NHS number, date of birth and postcode) can be passed to the "
                "national cancer registry and NHS Digital so that information about cancer diagnoses, hospital "
                "admissions and death can be collected for the study.",
        datasets=["cancer_registration", "hes_apc", "deaths"],
        ids=["nhs_number", "name", "date_of_birth", "postcode"], dpo="dataprotection@icr.ac.uk",
    )
    docs = consent_docs(S, [("2.0", "2016-11-23", "2.0", "2016-11-30", 0),
                            ("3.0", "2018-03-12", "3.0", "2018-03-19", 2)])
    docs.append(("BSFS REC favourable opinion.pdf", *rec_letter(S, D("2016-12-19"), v=2)))
    docs.append(("BSFS protocol v3.1.pdf", *protocol(S, "3.1", D("2018-03-05"), v=2)))
    docs.append(("BSFS privacy notice.pdf", *privacy_notice(S, "3.0", D("2022-09-05"), v=0, ndoo_text=CONSENT_NDOO)))
    docs.append(("BSFS newsletter 2023.docx", *newsletter(S, D("2023-09-25"), 6)))
    req = request(S, "2024-04-22", "consent", dsets([
        ("cancer_registration", "2017-01-01", "2021-12-31", "one_off"),
        ("hes_apc", "2017-01-01", "2023-03-31", "one_off"), ("deaths", "2017-01-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2017-01-09", "2019-12-20"))
    return "c05-bsfs-screening-icr-clean", req, docs, [], [], (
        "clean consent; first versions are 2.0 (no v1.0 used); controller The Institute of Cancer Research "
        "(exception list). 'national cancer registry' lay wording.")


def simple_consent_S(**kw):
    base = dict(
        background="Routinely collected national health records allow long-term follow-up of study "
                   "participants at low cost and with little burden on them.",
        design="Prospective cohort with consent to linkage of national records.",
        pis_why="You have been invited because you attend one of the clinics taking part.",
        pis_what="You will complete a questionnaire when you join and once a year after that.",
    )
    base.update(kw)
    return base


@bundle
def b22():
    S = simple_consent_S(
        title="Oxford Pelvic Floor Study (OPFS)", short="OPFS",
        ci=ci("Dr Joanna Pike", "Dr Pike", "Clinical Research Fellow",
              ["Nuffield Department of Women's & Reproductive Health", "University of Oxford",
               "John Radcliffe Hospital", "Oxford OX3 9DU"]),
        controllers=["University of Oxford"], iras="178221", rec_ref="15/SC/0412", rec_date="2015-07-27",
        org_code="EE133897", dars="DARS-NIC-266019-A4V8M", funding="Wellbeing of Women (RG2044)",
        cag_purpose="describe surgery for pelvic floor disorders and related hospital admissions in the ten "
                    "years after childbirth.",
        pn_purpose="OPFS follows women after childbirth to understand pelvic floor problems.",
        pis_purpose="We want to learn how common pelvic floor problems are after having a baby, and who needs "
                    "surgery for them.",
        pis_link="We would like to look at your hospital records held by the Health and Social Care Information "
                 "Centre (Hospital Episode Statistics), to see whether you have any operations for pelvic floor "
                 "problems. We will send them your NHS number and date of birth to find your records.",
        cf_link="I agree that my NHS number and date of birth may be given to the Health and Social Care "
                "Information Centre so that my hospital records can be linked to this study.",
        datasets=["hes_apc"], ids=["nhs_number", "date_of_birth"], dpo="data.protection@admin.ox.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2015-07-20", None, None, 0),
                            ("1.1", "2016-02-15", "1.0", "2016-03-01", 1),
                            ("2.0", "2017-05-08", "2.0", "2017-05-15", 2)])
    docs.append(("OPFS REC letter.pdf", *rec_letter(S, D("2015-07-27"), v=1)))
    docs.append(("OPFS protocol v2.0.pdf", *protocol(S, "2.0", D("2017-05-01"), v=0)))
    docs.append(("OPFS privacy notice.pdf", *privacy_notice(S, "1.0", D("2019-01-14"), v=2, ndoo=False)))
    orgs = [org("University of Oxford", code="EE133897"),
            org("Ipsos UK Limited", roles=["processor"], no_loc=True, status=None,
                iso={"certificate": "IS 552861", "expires": "2026-11-30", "scope": "Survey mailing and data capture"})]
    req = request(S, "2024-05-07", "consent", dsets([("hes_apc", "2015-09-01", "2023-03-31", "one_off")]),
                  ndoo="not_applied", cohort=cohort("2015-09-01", "2018-08-31"), orgs=orgs)
    return "c06-opfs-first-consent-form-missing", req, docs, ["CON-001", "ORG-002"], [], (
        "CON-001: recruitment from 01/09/2015 but the earliest consent form in the bundle is v1.0 dated "
        "01/03/2016 (PIS v1.0 of July 2015 is there, its form is not): 1 Sep 2015 - 29 Feb 2016 uncovered. "
        "ORG-002: processor Ipsos UK Limited has no processing_locations.")


@bundle
def b23():
    S = simple_consent_S(
        title="Cardiff Couples and Pregnancy Study (CCAPS)", short="CCAPS",
        ci=ci("Dr Rhiannon Pugh", "Dr Pugh", "Senior Lecturer",
              ["Division of Population Medicine", "Cardiff University", "Neuadd Meirionnydd",
               "Heath Park", "Cardiff CF14 4YS"]),
        controllers=["Cardiff University"], iras="251177", rec_ref="18/WA/0391", rec_date="2019-01-07",
        org_code="EE133812", dars="DARS-NIC-349920-Y6T3H", funding="Health and Care Research Wales (HS-18-31)",
        cag_purpose="examine how the mental and physical health of both partners before birth relates to "
                    "hospital care for mother and child.",
        pn_purpose="CCAPS follows expectant couples to learn how both partners' health affects their family.",
        pis_purpose="We want to find out how the health of both parents during pregnancy affects the health of "
                    "the family afterwards.",
        pis_link="We would like to add information from your NHS hospital records held by NHS Digital "
                 "(Hospital Episode Statistics) to the study. We will send your NHS number, date of birth and "
                 "postcode so that your records can be found.",
        cf_link="I agree that my NHS number, date of birth and postcode may be sent to NHS Digital so that "
                "information from my hospital records can be linked to the study.",
        datasets=["hes_apc"], ids=["nhs_number", "date_of_birth", "postcode"], dpo="inforequest@cardiff.ac.uk",
    )
    REC_HEADS.setdefault("WA", ("Wales REC 3", ["Castlebridge 4", "15-19 Cowbridge Road East", "Cardiff",
                                                "CF11 9AB"]))
    docs = []
    docs.append(("Participant docs/CCAPS PIS v2.0.pdf", *pis(S, "2.0", D("2019-01-10"), v=1)))
    docs.append(("Participant docs/CCAPS PIS v3.0.pdf", *pis(S, "3.0", D("2020-05-11"), v=1)))
    docs.append(("Participant docs/CCAPS consent form (mother) v2.0.pdf", *consent_form(
        S, "2.0", D("2019-01-17"), "2.0", D("2019-01-10"), v=0, title="Consent form - mother")))
    docs.append(("Participant docs/CCAPS consent form (partner) v2.0.pdf", *consent_form(
        S, "2.0", D("2019-02-04"), "2.0", D("2019-01-10"), v=0, title="Consent form - partner")))
    docs.append(("Participant docs/CCAPS consent form v3.0.pdf", *consent_form(
        S, "3.0", D("2020-06-01"), "3.0", D("2020-05-18"), v=0, title="Consent form")))
    docs.append(("CCAPS REC favourable opinion.pdf", *rec_letter(S, D("2019-01-07"), v=0)))
    docs.append(("CCAPS protocol v3.0.pdf", *protocol(S, "3.0", D("2020-05-04"), v=1)))
    docs.append(("CCAPS privacy notice.pdf", *privacy_notice(S, "2.0", D("2021-03-01"), v=1, ndoo=False)))
    orgs = [org("Cardiff University", code="EE133812", loc=["Wales"])]
    req = request(S, "2024-02-05", "consent", dsets([("hes_apc", "2017-04-01", "2023-03-31", "one_off")]),
                  ndoo="not_applied", cohort=cohort("2019-02-01", "2021-06-30"), orgs=orgs)
    return "c07-ccaps-pis-date-mismatch-dup-version", req, docs, ["CON-002", "DOC-005"], [], (
        "CON-002: consent form v3.0 cites the information sheet 'dated 18/05/2020 (version 3.0)', but the "
        "bundle's PIS v3.0 is dated 11/05/2020. DOC-005: mother and partner consent forms are both version "
        "2.0 with different dates (17/01/2019 vs 04/02/2019). Controller in Wales, territory england_wales.")


@bundle
def b24():
    S = simple_consent_S(
        title="Psoriasis, Obesity and Cardiovascular Risk Study (PsOCaRS)", short="PsOCaRS",
        ci=ci("Dr Daniel Okonjo", "Dr Okonjo", "Honorary Consultant Dermatologist and Senior Lecturer",
              ["Institute of Systems, Molecular and Integrative Biology", "University of Liverpool",
               "Crown Street", "Liverpool L69 7BE"]),
        controllers=["University of Liverpool"], iras="267733", rec_ref="19/NW/0688", rec_date="2019-12-02",
        org_code="EE133848", dars="DARS-NIC-498176-P2K7N", funding="Psoriasis Association (ST2/19)",
        cag_purpose="measure cardiovascular events and deaths among adults with moderate to severe psoriasis "
                    "and relate them to body weight and treatment.",
        pn_purpose="PsOCaRS studies the link between psoriasis, weight and heart disease.",
        pis_purpose="We want to find out whether people with psoriasis who are overweight have a higher risk "
                    "of heart attacks and strokes.",
        pis_what="At your usual clinic visits we will measure your weight and blood pressure and take a blood "
                 "sample, and you will complete a questionnaire about your skin and lifestyle.",
        pis_link=None, cf_link=None,
        pis_conf="Yes. Your questionnaire answers and blood test results are stored with a study number "
                 "instead of your name, on a secure University server.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
        dpo="legal@liverpool.ac.uk",
    )
    bg = ("Previous national studies have used Hospital Episode Statistics and death registration data to "
          "follow people with psoriasis for many years, and found higher rates of heart disease.")
    docs = []
    docs.append(("PIS/PsOCaRS participant information sheet v1.0.pdf", *pis(S, "1.0", D("2019-11-11"), v=0,
                                                                           background=bg)))
    docs.append(("Consent/PsOCaRS consent form v1.0.pdf", *consent_form(S, "1.0", D("2019-11-18"), "1.0",
                                                                        D("2019-11-11"), v=1)))
    docs.append(("PsOCaRS REC approval.pdf", *rec_letter(S, D("2019-12-02"), v=1)))
    docs.append(("PsOCaRS protocol v1.0.pdf", *protocol(S, "1.0", D("2019-11-04"), v=2)))
    docs.append(("PsOCaRS privacy notice.pdf", *privacy_notice(S, "1.1", D("2021-05-10"), v=0, ndoo=False)))
    req = request(S, "2024-03-04", "consent", dsets([
        ("hes_apc", "2015-04-01", "2023-03-31", "one_off"), ("deaths", "2020-01-06", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2020-01-06", "2022-12-23"))
    return "c08-psocars-no-linkage-consent", req, docs, ["CON-003"], [], (
        "CON-003: request links HES APC and deaths, but the PIS only mentions in background that 'previous "
        "national studies have used Hospital Episode Statistics and death registration data'; the consent "
        "form has only the HRA medical-notes access clause. 'Honorary Consultant' job title (not an honorary "
        "contract for data access). DATA-001 should not fire: spec says any mention counts.")


@bundle
def b25():
    S = simple_consent_S(
        title="Sheffield Kidney Stone Cohort (SKSC)", short="SKSC",
        ci=ci("Mr Alan Pryce", "Mr Pryce", "Consultant Urological Surgeon",
              ["School of Medicine and Population Health", "The University of Sheffield", "Beech Hill Road",
               "Sheffield S10 2RX"]),
        controllers=["The University of Sheffield"], iras="281904", rec_ref="20/YH/0233", rec_date="2020-09-14",
        org_code="EE133923", dars="DARS-NIC-516311-X9D4C", funding="Kidney Research Yorkshire",
        cag_purpose="describe recurrence of kidney stones, emergency admissions and surgery over ten years.",
        pn_purpose="SKSC follows people treated for kidney stones to see how often stones come back.",
        pis_purpose="",
        cf_link="I agree that my NHS number and date of birth can be sent to NHS Digital so that my hospital "
                "records (Hospital Episode Statistics) about admissions and operations can be linked to my "
                "study information.",
        datasets=["hes_apc"], ids=["nhs_number", "date_of_birth"], dpo="dpo@sheffield.ac.uk",
    )
    docs = []
    docs.append(("SKSC consent form v1.0.pdf", *consent_form(S, "1.0", D("2020-08-24"), "1.0", D("2020-08-17"), v=0)))
    docs.append(("SKSC consent form v1.1.pdf", *consent_form(S, "1.1", D("2021-03-22"), "1.1", D("2021-03-15"), v=2)))
    docs.append(("SKSC REC FO.pdf", *rec_letter(S, D("2020-09-14"), v=0)))
    docs.append(("SKSC protocol v1.1.pdf", *protocol(S, "1.1", D("2021-03-08"), v=0)))
    docs.append(("SKSC privacy notice v1.0.pdf", *privacy_notice(S, "1.0", D("2020-10-05"), v=2, ndoo=False)))
    req = request(S, "2024-06-17", "consent", dsets([("hes_apc", "2018-04-01", "2023-03-31", "one_off")]),
                  ndoo="not_applied", cohort=cohort("2020-10-01", "2022-09-30"))
    return "c09-sksc-no-information-sheet", req, docs, ["LB-004", "CON-002"], [], (
        "LB-004: no participant information sheet in the bundle; consequently CON-002: both consent forms "
        "cite PIS versions (1.0 of 17/08/2020, 1.1 of 15/03/2021) not in the bundle.")


@bundle
def b26():
    S = simple_consent_S(
        title="Coventry and Warwickshire Long COVID Cohort (CW-LC)", short="CW-LC",
        ci=ci("Dr Anita Sehgal", "Dr Sehgal", "Associate Clinical Professor",
              ["Warwick Medical School", "University of Warwick", "Gibbet Hill Road", "Coventry CV4 7AL"]),
        controllers=["University of Warwick", "University Hospitals Coventry and Warwickshire NHS Trust"],
        iras="299415", rec_ref="21/WM/0187", rec_date="2021-08-23", org_code="EE133934",
        dars="DARS-NIC-577312-R5J1F", funding="NIHR/UKRI Long COVID call (COV-LT2-0021)",
        cag_purpose="describe hospital use, new diagnoses and deaths over three years among adults with "
                    "long COVID referred to a specialist clinic.",
        pn_purpose="CW-LC studies the long-term health of people with long COVID.",
        pis_purpose="We want to understand how long COVID affects people's health and use of hospital care "
                    "over several years.",
        pis_link="We would like to collect information about your hospital stays, outpatient visits and A&E "
                 "attendances (the Emergency Care Data Set) from NHS England, which holds national hospital "
                 "records. We will send NHS "
                 "England your NHS number and date of birth so that they can find your records.",
        cf_link="I agree that my NHS number and date of birth may be given to NHS England so that my hospital "
                "records (admissions, outpatient and A&E visits) can be linked to the study.",
        datasets=["hes_apc", "hes_op", "ecds"], ids=["nhs_number", "date_of_birth"], dpo="gdpr@warwick.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2021-08-02", "1.0", "2021-08-09", 1),
                            ("2.0", "2022-06-06", "2.0", "2022-06-13", 0)])
    docs.append(("CW-LC REC letter.pdf", *rec_letter(S, D("2021-08-23"), v=2)))
    docs.append(("CW-LC protocol v2.0.pdf", *protocol(S, "2.0", D("2022-05-30"), v=1)))
    docs.append(("CW-LC privacy notice.pdf", *privacy_notice(S, "1.2", D("2023-02-20"), v=0, ndoo=False,
                                                              controllers=["University of Warwick"])))
    orgs = [org("University of Warwick", code="EE133934"),
            org("University Hospitals Coventry and Warwickshire NHS Trust", code="RKB")]
    req = request(S, "2024-04-02", "consent", dsets([
        ("hes_apc", "2020-03-01", "2023-03-31", "one_off"), ("hes_op", "2020-03-01", "2023-03-31", "one_off"),
        ("ecds", "2020-03-01", "2023-03-31", "one_off")]),
        ndoo="applied", cohort=cohort("2021-09-01", "2023-03-31"), orgs=orgs)
    return "c10-cwlc-optout-applied-joint-controller", req, docs, ["NDOO-002", "PN-002"], [], (
        "NDOO-002: consent basis but request says national_data_opt_out applied. PN-002: joint controller "
        "University Hospitals Coventry and Warwickshire NHS Trust is not named in the privacy notice (only "
        "the University).")


@bundle
def b27():
    S = simple_consent_S(
        title="Nottingham Inflammatory Bowel Disease Inception Cohort (NIBIC)", short="NIBIC",
        ci=ci("Dr Kirsty Lam", "Dr Lam", "Clinical Associate Professor",
              ["Translational Medical Sciences", "School of Medicine", "University of Nottingham",
               "Nottingham NG7 2UH"]),
        controllers=["University of Nottingham"], iras="262480", rec_ref="19/EM/0241", rec_date="2019-09-30",
        org_code="EE133888", dars="DARS-NIC-451170-B3M6W", funding="Crohn's & Colitis UK (M2019/4)",
        cag_purpose="describe surgery, hospital admissions and cancer among people newly diagnosed with "
                    "inflammatory bowel disease.",
        pn_purpose="NIBIC follows people newly diagnosed with Crohn's disease or ulcerative colitis.",
        pis_purpose="We want to learn how Crohn's disease and ulcerative colitis change over time and what "
                    "treatments help.",
        pis_link="With your agreement we will ask NHS Digital to send us information about your hospital "
                 "admissions and any cancer diagnosis from national records (Hospital Episode Statistics and "
                 "the cancer registry). We will give NHS Digital your NHS number, date of birth and postcode "
                 "for this purpose.",
        cf_link="I agree to my NHS number, date of birth and postcode being sent to NHS Digital so that my "
                "hospital and cancer registry records can be linked to the study.",
        datasets=["hes_apc", "cancer_registration"], ids=["nhs_number", "date_of_birth", "postcode"],
        dpo="dpo@nottingham.ac.uk",
    )
    hon = ("Linked data will be analysed within the University's secure data environment by the study "
           "statistician and by two gastroenterologists from Nottingham University Hospitals NHS Trust who "
           "hold honorary contracts with the University of Nottingham for this purpose.")
    docs = consent_docs(S, [("1.0", "2019-09-09", "1.0", "2019-09-16", 2)])
    docs.append(("NIBIC REC favourable opinion.pdf", *rec_letter(S, D("2019-09-30"), v=0)))
    docs.append(("NIBIC protocol v1.0.pdf", *protocol(S, "1.0", D("2019-09-02"), v=0,
                                                        sections=[("8. Data analysis", hon)])))
    docs.append(("NIBIC privacy notice.pdf", *privacy_notice(S, "1.0", D("2020-01-13"), v=1, ndoo=False)))
    req = request(S, "2024-07-29", "consent", dsets([
        ("hes_apc", "2019-10-01", "2023-03-31", "one_off"),
        ("cancer_registration", "2019-10-01", "2021-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2019-10-01", "2022-09-30"), rec_ref="19/EM/0214")
    return "c11-nibic-rec-ref-typo-honorary", req, docs, ["PUR-005", "HON-002"], [], (
        "PUR-005: request rec_reference 19/EM/0214 but REC letter says 19/EM/0241. HON-002: protocol "
        "section 8 says linked data analysed by clinicians holding honorary contracts; request has no "
        "honorary_contracts.")


@bundle
def b28():
    S = simple_consent_S(
        title="Leicester Multi-ethnic Type 2 Diabetes Cohort (LMT2D)", short="LMT2D",
        ci=ci("Professor Harish Varma", "Professor Varma", "Professor of Diabetes Epidemiology",
              ["Department of Health Sciences", "University of Leicester", "George Davies Centre",
               "University Road", "Leicester LE1 7RH"]),
        controllers=["Department of Health Sciences, University of Leicester"], iras="244019",
        rec_ref="18/EM/0344", rec_date="2018-11-26", org_code="EE133847", dars="DARS-NIC-335509-H8Q2Z",
        funding="NIHR Leicester Biomedical Research Centre",
        cag_purpose="compare diabetes complications and hospital admissions between ethnic groups among people "
                    "with type 2 diabetes.",
        pn_purpose="LMT2D studies why diabetes complications differ between ethnic groups.",
        pis_purpose="We want to understand why some people with type 2 diabetes develop complications sooner "
                    "than others.",
        pis_link="With your permission, we will obtain information about your hospital admissions from NHS "
                 "Digital (Hospital Episode Statistics), using your NHS number and date of birth.",
        cf_link="I agree that my NHS number and date of birth may be passed to NHS Digital to link my hospital "
                "admission records to the study.",
        datasets=["hes_apc"], ids=["nhs_number", "date_of_birth"], dpo="ias@le.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2018-10-29", "1.0", "2018-11-05", 1)])
    docs.append(("LMT2D REC letter.pdf", *rec_letter(S, D("2018-11-26"), v=1)))
    docs.append(("LMT2D protocol v1.0.pdf", *protocol(S, "1.0", D("2018-10-22"), v=1)))
    docs.append(("LMT2D privacy notice.pdf", *privacy_notice(S, "1.0", D("2019-02-04"), v=0, ndoo=False,
                                                              source_nhse=False)))
    orgs = [org("Department of Health Sciences, University of Leicester", code="EE133847")]
    req = request(S, "2024-05-28", "consent", dsets([("hes_apc", "2017-04-01", "2023-03-31", "one_off")]),
                  ndoo="not_applied", cohort=cohort("2019-01-07", "2021-12-17"), orgs=orgs)
    return "c12-lmt2d-department-controller", req, docs, ["ORG-003", "PN-003"], [], (
        "ORG-003: controller given as 'Department of Health Sciences, University of Leicester' (unit segment "
        "plus legal-entity segment). PN-003: privacy notice says data come from hospital notes and "
        "questionnaires; never names NHS England/NHS Digital as a source. PN names the controller exactly as "
        "the request does.")


@bundle
def b29():
    S = simple_consent_S(
        title="Cambridge Atrial Fibrillation Screening Follow-up (CAFS-FU)", short="CAFS-FU",
        ci=ci("Dr Niamh Gallagher", "Dr Gallagher", "University Lecturer",
              ["Department of Public Health and Primary Care", "University of Cambridge",
               "Strangeways Research Laboratory", "Worts' Causeway", "Cambridge CB1 8RN"]),
        controllers=["University of Cambridge"], iras="236612", rec_ref="17/EE/0498", rec_date="2018-01-15",
        org_code="EE133809", dars="DARS-NIC-301245-K2V7R", funding="British Heart Foundation and Novalith "
                                                                   "Therapeutics Ltd (investigator-initiated grant)",
        cag_purpose="compare strokes, hospital admissions and deaths between people screened for atrial "
                    "fibrillation and those not screened.",
        pn_purpose="CAFS-FU follows people who took part in atrial fibrillation screening.",
        pis_purpose="We want to find out whether screening for an irregular heart rhythm (atrial fibrillation) "
                    "prevents strokes.",
        pis_link="We will ask NHS Digital for information about your hospital admissions and, if you die, from "
                 "death records. We will send them your NHS number and date of birth to find your records.",
        cf_link="I agree that my NHS number and date of birth can be sent to NHS Digital so that my hospital "
                "and death records can be linked to the study.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth"], dpo="data.protection@admin.cam.ac.uk",
    )
    REC_HEADS.setdefault("EE", ("East of England - Cambridge Central Research Ethics Committee",
                                ["The Old Chapel", "Royal Standard Place", "Nottingham", "NG1 6FS"]))
    period = ("We will collect information from your NHS records from the date you join the study until the "
              "study ends in 2030.")
    funder = ("Funding: the study is funded by the British Heart Foundation, with a contribution from Novalith "
              "Therapeutics Ltd, a pharmaceutical company, which will receive the anonymised study results and "
              "may use them in developing its commercial screening service.")
    docs = []
    docs.append(("CAFS-FU PIS v1.0.pdf", *pis(S, "1.0", D("2017-12-04"), v=2, period=period,
                                               extra=[("Who is funding the study?", funder)])))
    docs.append(("CAFS-FU consent form v1.0.pdf", *consent_form(S, "1.0", D("2017-12-11"), "1.0", D("2017-12-04"), v=1)))
    docs.append(("CAFS-FU REC favourable opinion.pdf", *rec_letter(S, D("2018-01-15"), v=2)))
    docs.append(("CAFS-FU protocol v1.2.pdf", *protocol(S, "1.2", D("2017-11-27"), v=0)))
    docs.append(("CAFS-FU privacy notice.pdf", *privacy_notice(S, "1.0", D("2018-05-21"), v=3, ndoo=False)))
    req = request(S, "2024-07-08", "consent", dsets([
        ("hes_apc", "2013-04-01", "2023-03-31", "one_off"), ("deaths", "2018-02-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2018-02-01", "2019-12-31"))
    return "c13-cafsfu-commercial-funder-lookback", req, docs, ["PUR-007", "MIN-007"], [], (
        "PUR-007: non-commercial request, PIS says a pharmaceutical company (Novalith Therapeutics Ltd) "
        "contributes funding, will receive results and use them commercially. MIN-007: PIS limits records to "
        "'from the date you join the study' (recruitment start 2018-02-01) but HES APC is asked from "
        "2013-04-01. (The request's funding field also names the company.)")


@bundle
def b30():
    S = simple_consent_S(
        title="Sussex Adolescent Mental Health Study (SAMHS)", short="SAMHS",
        ci=ci("Dr Tessa Moreland", "Dr Moreland", "Reader in Psychology",
              ["School of Psychology", "University of Sussex", "Pevensey Building", "Falmer",
               "Brighton BN1 9QH"]),
        controllers=["University of Sussex"], iras="276115", rec_ref="20/LO/0104", rec_date="2020-03-02",
        org_code="EE133926", dars="DARS-NIC-489902-W7N3L", funding="Wellcome Trust (223410/Z/21/Z)",
        cag_purpose="relate adolescent wellbeing measured at school to later use of mental health and hospital "
                    "services.",
        pn_purpose="SAMHS follows young people from secondary school into adulthood.",
        pis_purpose="We want to understand how young people's wellbeing at school relates to their health as "
                    "they grow up.",
        pis_why="You have been invited because you are in Year 9 at a school taking part.",
        pis_link="When you are 16 or older, with your permission, we will get information from NHS England about "
                 "your use of mental health services (the Mental Health Services Data Set) and hospital stays. "
                 "We will send your NHS number, date of birth and postcode.",
        cf_link="I agree that my NHS number, date of birth and postcode may be sent to NHS England so that my "
                "mental health service and hospital records can be linked to the study.",
        datasets=["mhsds", "hes_apc"], ids=["nhs_number", "date_of_birth", "postcode"],
        dpo="dpo@sussex.ac.uk",
    )
    share = ("Sharing data: the linked hospital and mental health records will also be made available to bona "
             "fide researchers at other universities, through the SAMHS data access committee, for approved "
             "research projects.")
    docs = consent_docs(S, [("2.0", "2020-02-10", "2.0", "2020-02-17", 1)],
                        pis_kw={"2.0": {"extra": [("Will my information be shared?", share)]}})
    docs.append(("SAMHS REC letter.pdf", *rec_letter(S, D("2020-03-02"), v=1)))
    docs.append(("SAMHS protocol v2.0.pdf", *protocol(S, "2.0", D("2020-02-03"), v=2)))
    docs.append(("SAMHS privacy notice v3.1 DRAFT.docx", *privacy_notice(S, "3.1", D("2024-04-15"), v=0,
                                                                          ndoo=False)))
    req = request(S, "2024-03-28", "consent", dsets([
        ("mhsds", "2020-04-01", "2023-03-31", "one_off"), ("hes_apc", "2020-04-01", "2023-03-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2020-03-09", "2021-07-16"))
    return "c14-samhs-onward-sharing-future-notice", req, docs, ["SUB-002", "DOC-007"], [], (
        "SUB-002: PIS says linked hospital and mental health records will be made available to researchers at "
        "other universities via a data access committee; sublicensing not planned. DOC-007: privacy notice "
        "v3.1 dated 15 April 2024, after the submission date 28 March 2024.")


@bundle
def b31():
    S = simple_consent_S(
        title="Lifelong Health and Ageing: Hospital Records Linkage (LHA-HRL)", short="LHA-HRL",
        ci=ci("Dr Catherine Ellery", "Dr Ellery", "Programme Leader",
              ["MRC Unit for Lifelong Health and Ageing", "1-19 Torrington Place", "London WC1E 7HB"]),
        controllers=["MRC Unit for Lifelong Health and Ageing"], iras="288140", rec_ref="20/LO/1131",
        rec_date="2020-11-16", org_code="EE133863", dars="DARS-NIC-529877-Q1C5D",
        funding="Medical Research Council (MC_UU_00019/1)",
        cag_purpose="relate health and function measured across adult life to hospital admissions and "
                    "deaths in later life in a national birth cohort.",
        pn_purpose="The study follows a national birth cohort into older age.",
        pis_purpose="We would like to add information from NHS records to what you have told us over many years.",
        pis_why="You have been invited because you have taken part in our study since you were born.",
        pis_link="We would like NHS England to send us information from your hospital records and, in the "
                 "future, your death registration. We will send NHS England your NHS number, name, date of birth "
                 "and postcode so that they can find your records.",
        cf_link="I agree that my NHS number, name, date of birth and postcode can be sent to NHS England so that "
                "my hospital and death records can be linked to the study.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "name", "date_of_birth", "postcode"],
        dpo="data-protection@ucl.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2020-10-19", "1.0", "2020-10-26", 0)])
    docs.append(("LHA-HRL REC letter.pdf", *rec_letter(S, D("2020-11-16"), v=2)))
    docs.append(("LHA-HRL protocol v1.0.pdf", *protocol(S, "1.0", D("2020-10-12"), v=2)))
    docs.append(("LHA-HRL privacy notice.pdf", *privacy_notice(S, "1.0", D("2021-01-11"), v=1, ndoo=False,
                                                                basis=False)))
    orgs = [org("MRC Unit for Lifelong Health and Ageing", code="EE133863")]
    req = request(S, "2024-02-26", "consent", dsets([
        ("hes_apc", "1997-04-01", "2023-03-31", "one_off"), ("deaths", "2021-01-01", "2023-12-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2021-01-04", "2021-12-17"), orgs=orgs)
    return "c15-lhahrl-mrc-unit-no-lawful-basis", req, docs, ["ORG-004", "PN-005"], [], (
        "ORG-004: controller 'MRC Unit for Lifelong Health and Ageing' (unit word, no legal entity, no "
        "registration). PN-005: privacy notice has no UK GDPR lawful basis section.")


@bundle
def b32():
    S = simple_consent_S(
        title="Norfolk Hip and Knee Replacement Outcomes Study (NHKROS)", short="NHKROS",
        ci=ci("Mr George Ainsworth", "Mr Ainsworth", "Consultant Orthopaedic Surgeon",
              ["Norwich Medical School", "University of East Anglia", "Norwich Research Park",
               "Norwich NR4 7TJ"]),
        controllers=["University of East Anglia"], iras="259003", rec_ref="19/EE/0162", rec_date="2019-06-24",
        org_code="EE133919", dars="DARS-NIC-455618-T6L2P", funding="Orthopaedic Research UK (ORUK 519)",
        cag_purpose="describe revision surgery, readmissions and patient-reported outcomes after hip and knee "
                    "replacement.",
        pn_purpose="NHKROS follows people after hip or knee replacement.",
        pis_purpose="We want to learn why some hip and knee replacements need to be redone.",
        pis_link="We will ask NHS Digital to send us information about your hospital admissions (Hospital "
                 "Episode Statistics) and about the questionnaires you fill in for the national PROMs "
                 "programme. We will send your NHS number and date of birth.",
        cf_link="I agree that my NHS number and date of birth may be sent to NHS Digital so that my hospital "
                "records and PROMs questionnaires can be linked to the study.",
        datasets=["hes_apc", "proms"], ids=["nhs_number", "date_of_birth"], dpo="dataprotection@uea.ac.uk",
    )
    FIELDS.setdefault("proms", ["proc", "preop_q_score", "postop_q_score"])
    REC_HEADS.setdefault("EE", ("East of England - Cambridge Central Research Ethics Committee",
                                ["The Old Chapel", "Royal Standard Place", "Nottingham", "NG1 6FS"]))
    docs = consent_docs(S, [("1.0", "2019-06-03", "1.0", "2019-06-10", 0),
                            ("1.1", "2020-09-07", "1.1", "2020-09-14", 1)])
    docs.append(("NHKROS REC favourable opinion.pdf", *rec_letter(S, D("2019-06-24"), v=0)))
    docs.append(("NHKROS protocol v1.1.pdf", *protocol(S, "1.1", D("2020-08-31"), v=1)))
    docs.append(("NHKROS privacy notice.pdf", *privacy_notice(S, "1.1", D("2021-02-01"), v=2, ndoo=False,
                                                               rights=False)))
    req = request(S, "2024-08-27", "consent", dsets([
        ("hes_apc", "2019-07-01", "2023-03-31", "one_off"), ("proms", "2019-07-01", "2023-03-31", "one_off")]),
        ndoo="not_applied", cohort=cohort("2019-07-01", "2021-06-30"), reason=None)
    return "c16-nhkros-no-rights-no-sde-reason", req, docs, ["PN-006", "ACC-001"], [], (
        "PN-006: privacy notice has no rights section (no objection, no ICO). ACC-001: research request for "
        "an extract with no sde_unsuitable_reason.")


@bundle
def b33():
    S = simple_consent_S(
        title="Keele Chronic Pain in Primary Care Cohort (KCPPC)", short="KCPPC",
        ci=ci("Dr Martin Howe", "Dr Howe", "Senior Lecturer in Primary Care",
              ["School of Medicine", "Keele University", "David Weatherall Building", "Keele",
               "Staffordshire ST5 5BG"]),
        controllers=["Keele University"], iras="266801", rec_ref="19/WM/0301", rec_date="2019-11-11",
        org_code="EE133842", dars="DARS-NIC-480093-S8F4G", funding="NIHR School for Primary Care Research",
        cag_purpose="describe hospital admissions, opioid-related harm and deaths among adults consulting in "
                    "primary care with chronic musculoskeletal pain.",
        pn_purpose="KCPPC follows people with long-term pain.",
        pis_purpose="We want to understand the long-term health of people with chronic pain.",
        pis_link="With your agreement, NHS Digital will send us information about your hospital admissions and "
                 "death registration. We will send your NHS number and date of birth so they can find your "
                 "records.",
        cf_link="I agree that my NHS number and date of birth may be sent to NHS Digital so that my hospital and "
                "death records can be linked to the study.",
        datasets=["hes_apc", "deaths"], ids=["nhs_number", "date_of_birth"], dpo="dpo@keele.ac.uk",
    )
    docs = consent_docs(S, [("1.0", "2019-10-21", "1.0", "2019-10-28", 2)])
    docs.append(("KCPPC REC letter.pdf", *rec_letter(S, D("2019-11-11"), v=2)))
    docs.append(("KCPPC protocol v1.0.pdf", *protocol(S, "1.0", D("2019-10-14"), v=2,
                                                        sections=[("9. Collaboration", "Statistical modelling will "
                                                                  "be carried out jointly with the Pain "
                                                                  "Epidemiology group at the University of "
                                                                  "Melbourne, who will access the pseudonymised "
                                                                  "linked data remotely from Australia.")])))
    docs.append(("KCPPC privacy notice.pdf", *privacy_notice(S, "1.0", D("2020-01-06"), v=0, ndoo=False)))
    orgs = [org("Keele University", code="EE133842"),
            org("University of Melbourne", roles=["processor"], loc=["Australia"], status=None,
                iso={"certificate": "AU-ISMS-20931", "expires": "2026-05-31", "scope": "Research computing"})]
    req = request(S, "2024-01-15", "consent", dsets([
        ("hes_apc", "2019-12-01", "2023-03-31", "one_off"), ("deaths", "2019-12-01", "2023-09-30", "one_off")]),
        ndoo="not_applied", cohort=cohort("2019-12-02", "2021-11-30"), orgs=orgs, territory="worldwide")
    return "c17-kcppc-australia-no-tra", req, docs, ["TER-002", "TER-003"], [], (
        "TER-002: processor University of Melbourne processes in Australia (no UK adequacy) and there is no "
        "transfer risk assessment. TER-003 (info): territory worldwide.")


@bundle
def b34():
    S = simple_consent_S(
        title="Hull Healthy Hearts Community Study (H3CS)", short="H3CS",
        ci=ci("Dr Samira Ahmed", "Dr Ahmed", "Senior Lecturer",
              ["Hull York Medical School", "University of Hull", "Allam Medical Building", "Cottingham Road",
               "Hull HU6 7RX"]),
        controllers=["University of Hull"], iras="301588", rec_ref="21/YH/0201", rec_date="2021-10-04",
        org_code="EE133833", dars="DARS-NIC-590214-J4K8T", funding="NIHR Public Health Research (NIHR131390)",
        cag_purpose="evaluate whether community heart health checks reduce hospital admissions for "
                    "cardiovascular disease.",
        pn_purpose="H3CS evaluates community heart health checks.",
        pis_purpose="We want to find out whether free heart health checks in community venues help people "
                    "stay well and out of hospital.",
        pis_link="If you agree, we will ask NHS Digital to send us information about any hospital admissions you "
                 "have in the next five years from Hospital Episode Statistics. We will send them your NHS "
                 "number and date of birth.",
        datasets=["hes_apc"], ids=["nhs_number", "date_of_birth"], dpo="dataprotection@hull.ac.uk",
    )
    docs = []
    docs.append(("H3CS participant information sheet v1.1.pdf", *pis(S, "1.1", D("2021-09-13"), v=3)))
    docs.append(("H3CS REC favourable opinion.pdf", *rec_letter(S, D("2021-10-04"), v=1)))
    docs.append(("H3CS protocol v1.1.pdf", *protocol(S, "1.1", D("2021-09-06"), v=1)))
    docs.append(("H3CS privacy notice.pdf", *privacy_notice(S, "1.0", D("2021-10-18"), v=1, ndoo=False)))
    award = Doc([("letterhead", ["National Institute for Health and Care Research", "Grange House",
                                 "15 Church Street", "Twickenham TW1 3NL"]),
                 ("p", "12 July 2021"), ("p", "Dr Samira Ahmed\nUniversity of Hull"),
                 ("p", "Dear Dr Ahmed,"),
                 ("h", "NIHR Public Health Research Programme - award NIHR131390"),
                 ("p", "I am pleased to inform you that the NIHR has agreed to fund the above project, entitled "
                       "'Hull Healthy Hearts Community Study', for a period of 48 months at a total cost of "
                       "GBP 1,184,220, subject to the terms and conditions of the enclosed contract."),
                 ("p", "Please sign and return the contract within 28 days."),
                 ("p", "Yours sincerely,\n\nProgramme Manager, NIHR Coordinating Centre")],
                title="Funding award", author="NIHR")
    docs.append(("Funding/NIHR award letter.pdf", award, meta("other", None, D("2021-07-12"), [])))
    req = request(S, "2024-02-12", "consent", dsets([("hes_apc", "2021-11-01", "2023-03-31", "one_off")]),
                  ndoo="not_applied", cohort=cohort("2021-11-01", "2022-10-31"))
    return "c18-h3cs-no-consent-form-funder-letter", req, docs, ["LB-003", "DOC-003"], [], (
        "LB-003: consent basis and no consent form in the bundle (PIS only). DOC-003: NIHR funding award letter "
        "is none of the kinds. PIS states 'in the next five years' (from recruitment end 2022-10-31 -> 2027) "
        "and HES APC ends 2023-03-31, so MIN-007 stays quiet (and is skipped anyway without a consent form).")


AMBIGUITIES = [
    "S251-007: when a CAG table row has no version (the usual 'CAG application from (signed/authorised)' row) "
    "I took it to match any document of that kind with the same date; every clean bundle's rows match "
    "exactly on version and date to avoid relying on this.",
    "S251-007: a row 'Other [REC favourable opinion]' (s07) is matched by the REC letter of that date; if a "
    "tool cannot classify the row it is ignored, so either way no finding.",
    "DATA-001 with consent (c08): the only mention of HES and death registrations is a background sentence; "
    "checks.md says 'any mention counts', so DATA-001 is not expected (CON-003 is).",
    "S251-009: s02, s06 and s11 have approval letters naming only NHS Digital; later annual-review letters do "
    "not count. s03's 2016 approval names HSCIC but its 2023 amendment names NHS England, so no S251-009.",
    "Versions: IRAS system versions ('IRAS Version 6.3.5') and newsletter issue numbers are keyed as no "
    "version (null); template footers with two-digit years ('[version 1.0, date 22/01/19]') keyed as "
    "2019-01-22.",
    "CON-001 with a consent form that states its own period of use (c04 'in use from 1 September 2021 to 31 "
    "May 2022') overlapping the next version's date: coverage is the union, no gap.",
    "MIN-007 (c13): 'from the date you join the study' read as recruitment_start per checks.md; only HES "
    "APC (from 2013) breaches it.",
    "PN-002 with a unit-named controller (c12): the privacy notice names the controller in exactly the "
    "request's words, so PN-002 should not fire alongside ORG-003.",
    "ORG-002 counts only a missing/empty processing_locations; c06's processor has no locations at all.",
    "Consent bundles set national_data_opt_out: not_applied (applied would be NDOO-002).",
]

# ----------------------------------------------------------------------------------------------
# write everything

def write_request(req, path):
    path.write_text(yaml.safe_dump(req, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def main(argv):
    notes_path = None
    if "--notes" in argv:
        i = argv.index("--notes")
        notes_path = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if len(argv) != 2:
        print("usage: python build.py OUTDIR [--notes NOTES.md]", file=sys.stderr)
        return 2
    out = Path(argv[1])
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    keys = {}
    notes = []
    for fn in BUNDLES:
        name, req, docs, expect, allow, note = fn()
        bdir = out / name
        bdir.mkdir()
        write_request(req, bdir / "request.yaml")
        dockeys = {}
        for path, doc, m in docs:
            if path in dockeys:
                raise SystemExit(f"duplicate path {name}/{path}")
            render(doc, bdir / path)
            dockeys[path] = m
        keys[name] = {"as_of": req["submitted"], "expect": sorted(expect), "allow": sorted(allow),
                      "documents": dockeys}
        notes.append((name, expect, note))
    (out / "keys.json").write_text(json.dumps(keys, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if notes_path:
        lines = ["# Unseen bundles: what was planted", "",
                 "One line per bundle: expected codes, then what was planted where and the phrasing tricks.",
                 ""]
        for name, expect, note in notes:
            lines.append(f"- **{name}** [{', '.join(expect) or 'clean'}]: {note}")
        lines += ["", "## Judgement calls and spec ambiguities", ""] + [f"- {a}" for a in AMBIGUITIES]
        notes_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
