"""Writers for the unseen_c corpus: PDF, DOCX, EML, TXT, CSV, XLSX. Deterministic output."""
from __future__ import annotations

import datetime as dt
import json
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_SS = getSampleStyleSheet()
BODY = ParagraphStyle("b", parent=_SS["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5, spaceAfter=6)
SMALL = ParagraphStyle("s", parent=BODY, fontSize=8.5, leading=10.5)
H1 = ParagraphStyle("h1", parent=_SS["Heading1"], fontName="Helvetica-Bold", fontSize=14, spaceAfter=8)
H2 = ParagraphStyle("h2", parent=_SS["Heading2"], fontName="Helvetica-Bold", fontSize=11.5, spaceBefore=8, spaceAfter=4)
HEAD = ParagraphStyle("hd", parent=BODY, fontName="Helvetica-Bold", fontSize=10)


def _esc(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_pdf(path: Path, blocks: list, header: str | None = None, footer: str | None = None,
              title: str = "document", page_numbers: bool = True) -> None:
    """blocks: ("h1"|"h2"|"p"|"small"|"bold", text) | ("table", rows, widths|None) | ("pb",) | ("sp", mm)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm,
                            topMargin=26 * mm, bottomMargin=22 * mm, title=title, author="",
                            creator="", producer="", subject="")
    flow = []
    for b in blocks:
        k = b[0]
        if k in ("h1", "h2", "p", "small", "bold"):
            st = {"h1": H1, "h2": H2, "p": BODY, "small": SMALL, "bold": HEAD}[k]
            flow.append(Paragraph(_esc(b[1]).replace("\n", "<br/>"), st))
        elif k == "table":
            rows = [[Paragraph(_esc(str(c)), SMALL) for c in r] for r in b[1]]
            widths = b[2] if len(b) > 2 and b[2] else None
            t = Table(rows, colWidths=[w * mm for w in widths] if widths else None, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(t)
            flow.append(Spacer(1, 4 * mm))
        elif k == "pb":
            flow.append(PageBreak())
        elif k == "sp":
            flow.append(Spacer(1, b[1] * mm))

    def deco(canvas, d):
        canvas.saveState()
        if header:
            canvas.setFont("Helvetica", 8)
            y = A4[1] - 14 * mm
            for line in header.split("\n"):
                canvas.drawString(22 * mm, y, line)
                y -= 10
        foot = footer or ""
        if page_numbers:
            foot = (foot + "    " if foot else "") + f"Page {d.page}"
        if foot:
            canvas.setFont("Helvetica", 7.5)
            canvas.drawString(22 * mm, 12 * mm, foot)
        canvas.restoreState()

    doc.build(flow, onFirstPage=deco, onLaterPages=deco)
    _strip_pdf_dates(path)


def _strip_pdf_dates(path: Path) -> None:
    # reportlab stamps creation time and a random ID; fix both for a deterministic build
    import re
    data = path.read_bytes()
    data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"/CreationDate (D:20000101000000+00'00')", data)
    data = re.sub(rb"/ModDate \(D:[^)]*\)", b"/ModDate (D:20000101000000+00'00')", data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\s*\]",
                  b"/ID [<00000000000000000000000000000000> <00000000000000000000000000000000>]", data)
    path.write_bytes(data)


def write_docx(path: Path, blocks: list, header: str | None = None, footer: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        p = sec.footer.paragraphs[0]
        p.text = footer
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in blocks:
        k = b[0]
        if k == "h1":
            d.add_heading(b[1], level=1)
        elif k == "h2":
            d.add_heading(b[1], level=2)
        elif k in ("p", "small"):
            d.add_paragraph(b[1])
        elif k == "bold":
            d.add_paragraph().add_run(b[1]).bold = True
        elif k == "bullet":
            d.add_paragraph(b[1], style="List Bullet")
        elif k == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = str(c)
        elif k == "pb":
            d.add_page_break()
    cp = d.core_properties
    fixed = dt.datetime(2000, 1, 1)
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.author = ""
    cp.last_modified_by = ""
    cp.revision = 1
    d.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    import zipfile
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", b"2000-01-01T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def write_eml(path: Path, sender: str, to: str, subject: str, when: dt.datetime, body: str,
              attachments: list[tuple[str, bytes, str]] = (), cc: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = format_datetime(when.replace(tzinfo=dt.timezone.utc))
    m["Message-ID"] = f"<{abs(hash_str(subject + sender)) % 10**12}.{when:%Y%m%d}@mail.local>"
    m["MIME-Version"] = "1.0"
    m.set_content(body)
    for name, data, mime in attachments:
        main, sub = mime.split("/")
        m.add_attachment(data, maintype=main, subtype=sub, filename=name)
    raw = m.as_bytes()
    # deterministic MIME boundary
    import re
    bnds = sorted(set(re.findall(rb'boundary="([^"]+)"', raw)))
    for i, b in enumerate(bnds):
        raw = raw.replace(b, f"===============BOUNDARY{i:02d}==".encode())
    path.write_bytes(raw)


def hash_str(s: str) -> int:
    h = 1469598103934665603
    for ch in s.encode():
        h = (h ^ ch) * 1099511628211 % (1 << 64)
    return h


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_xlsx(path: Path, sheets: list[tuple[str, list[list]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.properties.created = dt.datetime(2000, 1, 1)
    wb.properties.modified = dt.datetime(2000, 1, 1)
    wb.properties.creator = ""
    wb.save(str(path))
    _fix_zip_times(path)


def write_request(path: Path, req: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)

    class D(yaml.SafeDumper):
        pass

    def str_rep(dumper, data):
        if len(data) > 70:
            return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=">")
        return dumper.represent_scalar("tag:yaml.org,2002:str", data)

    D.add_representer(str, str_rep)
    path.write_text(yaml.dump(req, Dumper=D, sort_keys=False, allow_unicode=True, width=100),
                    encoding="utf-8")


def ukdate(d: dt.date, style: int = 0) -> str:
    if style == 0:
        return f"{d.day} {d:%B %Y}"
    if style == 1:
        return d.strftime("%d/%m/%Y")
    if style == 2:
        sfx = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d.day}{sfx} {d:%B %Y}"
    if style == 3:
        return d.isoformat()
    if style == 4:
        return f"{d.day:02d}{d:%b%Y}"
    if style == 5:
        return f"{d.day} {d:%b %Y}"
    raise ValueError(style)


# ---------------------------------------------------------------------------------------------
# Vocabulary used by the writers
# ---------------------------------------------------------------------------------------------
DS_FORMAL = {
    "hes_apc": "Hospital Episode Statistics Admitted Patient Care (HES APC)",
    "hes_op": "HES Outpatients",
    "hes_ae": "HES Accident and Emergency",
    "hes_cc": "HES Critical Care",
    "ecds": "the Emergency Care Data Set (ECDS)",
    "deaths": "Civil Registration - Deaths",
    "cancer_registration": "the National Cancer Registration Dataset",
    "mhsds": "the Mental Health Services Data Set (MHSDS)",
    "iapt": "NHS Talking Therapies (IAPT)",
    "demographics": "the Personal Demographics Service (PDS)",
    "msds": "the Maternity Services Data Set (MSDS)",
    "nda": "the National Diabetes Audit",
    "did": "the Diagnostic Imaging Data Set",
    "csds": "the Community Services Data Set",
}
DS_LAY = {
    "hes_apc": "hospital admissions", "hes_op": "outpatient appointments", "hes_ae": "A&E attendances",
    "hes_cc": "hospital records of critical care", "ecds": "emergency department visits (the Emergency Care Data Set)",
    "deaths": "death records", "cancer_registration": "the cancer registry", "mhsds": "mental health records",
    "iapt": "NHS Talking Therapies records", "demographics": "the NHS's register of patients (PDS)",
    "msds": "maternity records", "nda": "the National Diabetes Audit",
}
ID_TXT = {"nhs_number": "NHS number", "date_of_birth": "date of birth", "postcode": "postcode",
          "sex": "sex", "name": "name", "address": "address", "date_of_death": "date of death",
          "gp_practice": "GP practice code", "hospital_number": "hospital number"}


def cap(t: str) -> str:
    return t[:1].upper() + t[1:]


def andlist(items: list[str]) -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def save(path: Path, fmt: str, blocks: list, header=None, footer=None, title="document"):
    if fmt == "pdf":
        write_pdf(path, blocks, header=header, footer=footer, title=title)
    else:
        write_docx(path, blocks, header=header, footer=footer)


# ---------------------------------------------------------------------------------------------
# CAG outcome letters
# ---------------------------------------------------------------------------------------------
def cag_letter(path: Path, s: dict, style: int = 0, fmt: str = "pdf") -> None:
    d = s["letter_date"]
    body = s.get("body", "NHS England")
    ref = s["cag"] + (f" (previously {s['cag_prev']})" if s.get("cag_prev") else "")
    ids_link = andlist([ID_TXT[i] for i in s["ids_link"]])
    ids_an = andlist([ID_TXT[i] for i in s.get("ids_analysis", [])])
    dsets = andlist([DS_FORMAL[x] for x in s["datasets"]])
    org = s["org"]
    blocks = []
    hdr = "Health Research Authority\n2 Redman Place, Stratford, London E20 1JQ    cag@hra.nhs.uk"
    if style == 0:
        blocks += [("p", f"{s['ci']}\n{s['ci_role']}\n{org}\n{s['addr']}"),
                   ("p", f"{ukdate(d, 0)}"),
                   ("p", f"Dear {s['ci'].split()[0]} {s['ci'].split()[-1]},"),
                   ("bold", "Application title: " + s["title"]),
                   ("table", [["CAG reference:", ref], ["IRAS project ID:", s.get("iras", "n/a")],
                              ["REC reference:", s.get("rec", "n/a")]], [40, 120]),
                   ("p", "Thank you for your research application, submitted for approval under Regulation 5 of the "
                         "Health Service (Control of Patient Information) Regulations 2002 to process confidential "
                         "patient information without consent. Supported applications allow the controller(s) to "
                         "provide specified information to the applicant for the purposes of the relevant activity, "
                         "without being in breach of the common law duty of confidentiality, although other relevant "
                         "legislative provisions will still apply."),
                   ("p", "The role of the Confidentiality Advisory Group (CAG) is to review applications submitted "
                         "under these Regulations and to provide advice to the Health Research Authority on whether "
                         "an application should be supported, and if so, any relevant conditions."),
                   ("h2", "Health Research Authority decision"),
                   ("p", "The Health Research Authority, having considered the advice from the Confidentiality "
                         "Advisory Group as set out below, has determined the following:"),
                   ("p", "1. The application is fully supported, subject to compliance with the standard and specific "
                         "conditions of support."),
                   ("h2", "Context"),
                   ("bold", "Purpose of application"),
                   ("p", f"This application from {org} set out the purpose of medical research which aims to "
                         f"{s['aim']}. {s.get('background', '')}".strip()),
                   ("p", f"{s['cohort_text']} Support is requested to allow {ids_link} to be sent from {org} to "
                         f"{body}, so that {body} can link the cohort to {dsets}. "
                         f"{body} will then remove the identifiers and return a pseudonymised extract to the "
                         "applicant, and no confidential patient information will leave "
                         f"{body}." + (" No name or address will be sent." if s.get("neg_name") else "")),
                   ]
        if s.get("disseminate_ids"):
            blocks.append(("p", f"Support is additionally requested for {body} to disclose "
                                f"{andlist([ID_TXT[i] for i in s['disseminate_ids']])} to {org} alongside the "
                                "linked records, so that the research team can validate the linkage."))
        blocks += [("table", [["Cohort", s["cohort_short"]],
                              ["Data sources", "1. " + org + " study database\n2. " + dsets + ", held by " + body],
                              ["Identifiers for linkage", cap(ids_link)],
                              ["Identifiers for analysis", cap(ids_an or "None")]], [45, 115]),
                   ("h2", "Confidentiality Advisory Group advice"),
                   ("p", "The applicants explained that seeking consent from the whole cohort was not practicable: "
                         "a large proportion of the cohort had moved or died since recruitment, and a consent-based "
                         "approach would introduce selection bias that would undermine the validity of the research. "
                         "Members accepted that the activity could not be undertaken using anonymised information, as "
                         "identifiers are needed for linkage to be carried out by " + body + "."),
                   ]
        blocks += _ndoo_paragraph(s, body)
    elif style == 1:
        blocks += [("p", f"{ukdate(d, 2)}"),
                   ("p", f"{s['ci']}\n{org}\n{s['addr']}"),
                   ("p", f"Dear {s['ci']}"),
                   ("bold", f"Study title: {s['title']}\nCAG Ref: {ref}\nIRAS: {s.get('iras', '-')}"),
                   ("p", "Thank you for responding to the Confidentiality Advisory Group's request for further "
                         "information in relation to the above application. The response was considered by the "
                         "Chair, and I am pleased to confirm the final outcome below."),
                   ("h2", "Secretary of State / HRA decision"),
                   ("p", "The application, made under section 251 of the NHS Act 2006 and the Health Service "
                         "(Control of Patient Information) Regulations 2002, is now fully supported. The conditions "
                         "which were attached to the provisional outcome have been met, save for those set out below "
                         "as specific conditions of support."),
                   ("h2", "Summary of the application"),
                   ("p", f"The applicant, {org}, aims to {s['aim']}. {s['cohort_text']} "
                         f"The study team will transfer {ids_link} for each member of the cohort to {body}. "
                         f"{body} will use these items to link the cohort with {dsets}, and will release the "
                         "linked information back to the study team in pseudonymised form only, keyed on a study "
                         "identifier." + (" No name or address will be sent." if s.get("neg_name") else "")),
                   ("p", "The identifiers listed for analysis are: " + (ids_an or "none") + "."),
                   ]
        if s.get("disseminate_ids"):
            blocks.append(("p", f"{body} will also provide "
                                f"{andlist([ID_TXT[i] for i in s['disseminate_ids']])} to the study team with the "
                                "linked records, for checking the quality of the match."))
        blocks += _ndoo_paragraph(s, body)
        blocks.append(("p", "Members considered that there was a clear public interest in the research and that "
                            "the applicant had given an adequate justification for each item of confidential "
                            "patient information."))
    else:  # style 2: older ECC/NIGB-like house style, short paragraphs, numbered
        blocks += [("p", f"Our ref: {ref}\n{ukdate(d, 1)}"),
                   ("p", f"{s['ci']}\n{s['ci_role']}\n{org}\n{s['addr']}"),
                   ("p", f"Dear {s['ci'].split()[0]} {s['ci'].split()[-1]}"),
                   ("bold", f"Re: {s['title']} - outcome of application for section 251 support"),
                   ("p", "1. I write to confirm the outcome of your application, which was considered at the "
                         "meeting of the Confidentiality Advisory Group. The Group recommended that support be given, "
                         "and that recommendation has been accepted. Support is therefore given, subject to the "
                         "conditions below."),
                   ("p", f"2. The application described research by {org} which will {s['aim']}. "
                         f"{s['cohort_text']}"),
                   ("p", f"3. Support is given for {org} to disclose {ids_link} of the cohort to {body}, and for "
                         f"{body} to link those details to {dsets}. The linked data will be returned to the "
                         "applicant with the identifiers removed." + (" No name or address will be sent."
                                                                        if s.get("neg_name") else "")),
                   ]
        if ids_an:
            blocks.append(("p", f"4. The following items will be retained for analysis: {ids_an}."))
        if s.get("disseminate_ids"):
            blocks.append(("p", f"4a. Support also extends to {body} releasing "
                                f"{andlist([ID_TXT[i] for i in s['disseminate_ids']])} to the applicant."))
        blocks += _ndoo_paragraph(s, body)
    # controllers
    ctrl = s.get("controllers_letter", [org])
    blocks.append(("p", ("The data controller for the study is " if len(ctrl) == 1 else
                         "The joint data controllers for the study are ") + andlist(ctrl) + "."))
    # conditions
    blocks.append(("h2", "Specific conditions of support" if style != 2 else "Conditions"))
    conds = ["Favourable opinion from a Research Ethics Committee. Confirmed " +
             (f"({s['rec']})." if s.get("rec") else "(the study is not research requiring REC review).")]
    if s.get("dspt_cond"):
        conds.append(s["dspt_cond"])
    for extra in s.get("extra_conditions", []):
        conds.append(extra)
    for i, c in enumerate(conds, 1):
        blocks.append(("p", f"{i}. {c}"))
    if s.get("support_until"):
        blocks.append(("p", f"Support is given until {ukdate(s['support_until'], 0)}, the end date of the "
                            "activity given in the application. An amendment will be needed to continue "
                            "processing after this date."))
    blocks.append(("p", "As the above conditions have been met, this letter provides confirmation of final "
                        "support. The standard conditions of support apply: the information may be used only for "
                        "the purpose set out in the application; the wishes of patients who have withheld or "
                        "withdrawn their consent must be respected; any significant change must be submitted as an "
                        "amendment and supported before it is put in place."))
    if s.get("review_text"):
        blocks.append(("p", s["review_text"]))
    else:
        blocks.append(("p", "Please note that an annual review report must be submitted every twelve months from "
                            "the date of this final letter, for the duration of the support."))
    if s.get("reviewed_docs"):
        blocks.append(("h2", "Reviewed documents"))
        blocks.append(("p", "The documents reviewed at the meeting were:"))
        rows = [["Document", "Version", "Date"]] + [list(r) for r in s["reviewed_docs"]]
        blocks.append(("table", rows, [90, 25, 45]))
    blocks += [("p", "Please do not hesitate to contact me if you have any queries following this letter. "
                     "I would be grateful if you could quote the above reference number in all future "
                     "correspondence."),
               ("p", "Yours sincerely\n\n" + s.get("cat_officer", "Ms Ruth Okafor") +
                "\nConfidentiality Advisor\nOn behalf of the Health Research Authority\n\nEmail: cag@hra.nhs.uk")]
    save(path, fmt, blocks, header=hdr if fmt == "pdf" else "Health Research Authority",
         footer=None, title="CAG outcome")


def _ndoo_paragraph(s, body):
    n = s.get("ndoo", "applies")
    out = [("bold", "Patient notification and mechanism for managing dissent")]
    if n == "applies":
        out.append(("p", "A study-specific notice will be placed on the study website and the privacy notice will "
                         "be updated. The national data opt-out will be applied by " + body + " before the linked "
                         "data are released, and the applicant will also respect the study-specific opt-out. "
                         "Members were content with these arrangements."))
    elif n == "exempt":
        out.append(("p", "Members noted that applying the national data opt-out would remove a substantial and "
                         "non-random proportion of the cohort, and that the cohort had been told of the study and "
                         "given a study-specific means of objecting. The Group therefore agreed that the national "
                         "data opt-out does not apply to this activity; a study-specific opt-out will be honoured "
                         "instead."))
    else:  # silent
        out.append(("p", "Members were content with the notification materials, which will be displayed on the "
                         "study website and in the participating clinics. Any participant who contacts the study "
                         "team to object will be removed from the cohort before the data are sent."))
    return out


def annual_review_blocks(s: dict, d: dt.date, next_review: dt.date | None) -> list:
    blocks = [("p", ukdate(d, 0)),
              ("p", f"Dear {s['ci']}"),
              ("bold", f"{s['cag']} - {s['title']}\nAnnual review"),
              ("p", "Thank you for submitting an annual review report for the above application. The report has "
                    "been reviewed on behalf of the Health Research Authority, and I can confirm that section 251 "
                    "support remains in place and that the activity may continue under the conditions set out in "
                    "the final outcome letter."),
              ]
    if next_review:
        blocks.append(("p", f"Your next annual review will be due on {ukdate(next_review, 0)}. Please submit it "
                            "about four weeks before that date, using the annual review form."))
    blocks.append(("p", "Kind regards\n\nConfidentiality Advice Team\nHealth Research Authority"))
    return blocks


# ---------------------------------------------------------------------------------------------
# s251 application
# ---------------------------------------------------------------------------------------------
def s251_application(path: Path, s: dict, fmt: str = "docx", version="1.0", vdate=None, cag_ref="same",
                     end_date: dt.date | None = None) -> None:
    body = s.get("body", "NHS England")
    vdate = vdate or s["app_date"]
    ref = s["cag"] if cag_ref == "same" else cag_ref
    ids = andlist([ID_TXT[i] for i in s["ids_link"]])
    blocks = [("h1", "Application for section 251 support (non-consented access to confidential patient "
                     "information)"),
              ("p", "IRAS form, Confidentiality Advisory Group section. This copy is supplied as evidence to the "
                    "Data Access Request Service."),
              ("table", [["Short title", s["title"]],
                         ["Applicant organisation", s["org"]],
                         ["Chief investigator", s["ci"]],
                         ["IRAS project ID", s.get("iras", "")],
                         ["CAG reference (if known)", ref or "not yet allocated"]], [60, 100]),
              ("h2", "A1. Summary of the activity"),
              ("p", f"We propose to {s['aim']}. {s['cohort_text']} {s.get('background', '')}".strip()),
              ("h2", "A2. Why consent cannot be sought"),
              ("p", "The cohort was recruited many years ago; the study team holds no current contact details for "
                    "most participants, and many have died. Re-contacting those who can be found would be costly and "
                    "would bias the sample towards the healthiest survivors."),
              ("h2", "A3. Flows of confidential patient information"),
              ("p", f"Flow 1: the study team sends {ids} and a study ID to {body} via secure file transfer. "
                    f"Flow 2: {body} links these to {andlist([DS_FORMAL[x] for x in s['datasets']])}. Flow 3: "
                    f"{body} returns the linked records to the study team keyed only by the study ID; no "
                    "identifier is included in this return."),
              ("h2", "A4. Items of confidential patient information"),
              ("table", [["Item", "Why it is needed"]] +
                        [[cap(ID_TXT[i]), "Linkage" if i in s["ids_link"] else "Analysis"]
                         for i in s["ids_link"] + [x for x in s.get("ids_analysis", []) if x not in s["ids_link"]]],
                        [60, 100]),
              ("h2", "A5. Duration"),
              ]
    if end_date:
        blocks.append(("p", f"Support is requested until {ukdate(end_date, 0)}, the planned end date of the activity, "
                            "after which the linked data will be archived in anonymised form."))
    else:
        blocks.append(("p", "The cohort is followed up for as long as funding allows; annual reviews will be "
                            "submitted as required."))
    blocks.append(("h2", "A6. Patient notification and the national data opt-out"))
    if s.get("ndoo") == "exempt":
        blocks.append(("p", "We ask CAG to advise that the national data opt-out should not apply, for the reasons "
                            "set out in the attached justification."))
    else:
        blocks.append(("p", f"We expect {body} to apply the national data opt-out before data are released."))
    save(path, fmt, blocks, header=f"{s['org']} - CAG application", footer=f"Version {version} {ukdate(vdate, 1)}")


# ---------------------------------------------------------------------------------------------
# REC favourable opinion
# ---------------------------------------------------------------------------------------------
def rec_letter(path: Path, s: dict, d: dt.date, rec: str | None = None, committee="North West - Haydock Research "
               "Ethics Committee") -> None:
    rec = rec or s["rec"]
    blocks = [("p", f"{ukdate(d, 0)}"),
              ("p", f"{s['ci']}\n{s['org']}\n{s['addr']}"),
              ("p", f"Dear {s['ci']}"),
              ("table", [["Study title:", s["title"]], ["REC reference:", rec],
                         ["IRAS project ID:", s.get("iras", "")]], [35, 125]),
              ("p", "Thank you for your letter responding to the Committee's request for further information on the "
                    "above research and submitting revised documentation. The further information was considered "
                    "in correspondence by a Sub-Committee of the REC."),
              ("h2", "Confirmation of ethical opinion"),
              ("p", "On behalf of the Committee, I am pleased to confirm a favourable ethical opinion for the above "
                    "research on the basis described in the application form, protocol and supporting "
                    "documentation as revised, subject to the conditions specified below."),
              ("p", "Conditions of the favourable opinion: management permission must be obtained from each host "
                    "organisation prior to the start of the study at the site concerned."),
              ("p", "With the Committee's best wishes for the success of this project.\n\nYours sincerely\n\n"
                    "Dr Alan Pritchard\nChair\n" + committee)]
    write_pdf(path, blocks, header=f"Health Research Authority\n{committee}", footer=None, title="REC")


# ---------------------------------------------------------------------------------------------
# Privacy notices
# ---------------------------------------------------------------------------------------------
def privacy_notice(path: Path, s: dict, fmt="pdf", style=0, controllers=None, nhs_source=True, ndoo=True,
                   lawful=True, rights=True, version="2.0", vdate=None, extra: list[str] = ()):
    controllers = controllers or [s["org"]]
    vdate = vdate or s.get("pn_date")
    body = s.get("pn_body", "NHS England")
    lay = andlist([DS_LAY.get(x, x) for x in s["datasets"]])
    paras = []
    if style == 0:
        paras += [("h1", f"{s['title']}: how we use your information"),
                  ("p", f"This notice explains how {andlist(controllers)} use"
                        f"{'s' if len(controllers) == 1 else ''} personal information about people who took part in "
                        f"the {s.get('acronym', 'study')}. It should be read alongside the general research privacy "
                        "information on our website."),
                  ("h2", "Who is responsible for your information?"),
                  ("p", f"{andlist(controllers)} {'is the data controller' if len(controllers) == 1 else 'are joint data controllers'}"
                        " for this study. This means that we decide how your information is used and are responsible "
                        "for looking after it properly. You can contact our Data Protection Officer at "
                        "dataprotection@example.ac.uk.")]
    else:
        paras += [("h1", "Privacy Notice"),
                  ("bold", s["title"]),
                  ("p", f"Data controller(s): {'; '.join(controllers)}."),
                  ("h2", "1. Why are we contacting you?")]
        paras.append(("p", "We are writing to explain, as the law requires, what information we hold about you and "
                           "what we do with it. You do not have to do anything in response to this notice."))
    paras.append(("h2", "What information do we use?" if style == 0 else "2. The information we hold"))
    if nhs_source:
        paras.append(("p", f"We hold your {andlist([ID_TXT[i] for i in s['ids_link']])}, which you or your clinic gave "
                           f"us when you joined. We send these details to {body}, which finds your {lay} and "
                           f"returns that information to us without your name or contact details. We therefore "
                           f"receive information from {body} about your {lay}."))
    else:
        paras.append(("p", f"We hold your {andlist([ID_TXT[i] for i in s['ids_link']])}, which you or your clinic gave "
                           f"us when you joined, and the answers you gave in the study questionnaires. The "
                           f"research team analyses this information together with the clinic records collected "
                           f"by the study nurses."))
    if lawful:
        if style == 0:
            paras += [("h2", "Our legal basis"),
                      ("p", "Under the UK General Data Protection Regulation we rely on Article 6(1)(e), performance "
                            "of a task carried out in the public interest, and, because health information is a "
                            "special category of data, on Article 9(2)(j), processing for scientific research "
                            "purposes.")]
        else:
            paras += [("h2", "3. Lawful basis"),
                      ("p", "We process your data because it is necessary for our public task (UK GDPR Article 6(1)(e)) "
                            "and for scientific research purposes in the public interest (Article 9(2)(j)), with "
                            "appropriate safeguards.")]
    if isinstance(ndoo, str):
        paras.append(("p", ndoo))
    elif ndoo:
        paras.append(("p", "The study has support under section 251 of the NHS Act 2006, which allows your "
                           "information to be used without your consent. If you have registered a national data "
                           "opt-out, your information will not be included; you can find out more, or change your "
                           "choice, at www.nhs.uk/your-nhs-data-matters."))
    paras.append(("h2", "How long we keep it" if style == 0 else "4. Retention"))
    paras.append(("p", "We keep the study data for 10 years after the study ends, in line with our records "
                       "retention schedule, after which it is securely destroyed."))
    for e in extra:
        paras.append(("p", e))
    if rights:
        paras += [("h2", "Your rights" if style == 0 else "5. Your choices and rights"),
                  ("p", "You have the right to ask for a copy of the information we hold about you, to have it "
                        "corrected, and to object to our use of it. Some rights are limited when information is used "
                        "for research. If you are unhappy with how we have handled your information you can complain "
                        "to the Information Commissioner's Office (www.ico.org.uk, 0303 123 1113).")]
    else:
        paras += [("h2", "Questions"),
                  ("p", "If you have any questions about the study, please contact the study office by e-mail. We "
                        "aim to answer within ten working days.")]
    if style == 2:
        paras = _pn_table(s, controllers, body, lay, nhs_source, ndoo, lawful, rights, extra)
    if fmt == "txt":
        lines = []
        for b in paras:
            lines.append(b[1] if b[0] != "h2" else "\n" + b[1].upper())
        lines.append(f"\nPage last updated: {ukdate(vdate, 0)} - Privacy notice version {version}")
        write_text(path, "\n\n".join(lines) + "\n")
        return
    foot = s.get("pn_footer") or f"Privacy notice v{version} {ukdate(vdate, 1)}"
    save(path, fmt, paras, header=s["org"], footer=foot, title="Privacy notice")


def _pn_table(s, controllers, body, lay, nhs_source, ndoo, lawful, rights, extra):
    rows = [["Topic", "What this means for you"],
            ["Study", f"{s['title']}. The research aims to {s['aim']}."],
            ["Who controls the data", "; ".join(controllers) + ". Questions can be sent to the Data Protection "
             "Officer, whose address is on the university website."]]
    if nhs_source:
        rows.append(["Where the data come from", f"Your study record, and records of your {lay} obtained from "
                     f"{body}, which links them to the study using your {andlist([ID_TXT[i] for i in s['ids_link']])}."])
    else:
        rows.append(["Where the data come from", "The forms you completed, and the clinic that referred you."])
    if lawful:
        rows.append(["Legal basis", "Task in the public interest (Article 6(1)(e) UK GDPR); scientific research "
                     "(Article 9(2)(j) UK GDPR)."])
    if isinstance(ndoo, str):
        rows.append(["National data opt-out", ndoo])
    elif ndoo:
        rows.append(["National data opt-out", "Section 251 support allows the information to be used without "
                     "consent. People who have registered a national data opt-out are removed before the data are "
                     "released to us."])
    rows.append(["How long it is kept", "Ten years after the end of the study, then securely destroyed."])
    if rights:
        rows.append(["Your rights", "You may object, ask for access or correction, or complain to the "
                     "Information Commissioner's Office (ico.org.uk)."])
    out = [("h1", "Research transparency notice"),
           ("p", "This notice is provided under Articles 13 and 14 of the UK General Data Protection Regulation. "
                 "It is written for everyone whose information is, or may be, used in the study named below, "
                 "including people who were never contacted directly by the research team."),
           ("table", rows, [45, 115])]
    for e in extra:
        out.append(("p", e))
    return out


# ---------------------------------------------------------------------------------------------
# Protocol
# ---------------------------------------------------------------------------------------------
def protocol(path: Path, s: dict, version: str, vdate: dt.date, fmt="docx", extra: list[str] = (),
             contact=True, footer_style=0):
    blocks = [("h1", f"{s['title']}"),
              ("p", "STUDY PROTOCOL"),
              ("table", [["Sponsor", s.get("sponsor", s["org"])], ["Chief Investigator", s["ci"]],
                         ["IRAS ID", s.get("iras", "")], ["Protocol version", f"{version} ({ukdate(vdate, 0)})"]]),
              ("h2", "1. Background"),
              ("p", s.get("background", "") or "The condition under study is common, costly and poorly understood."),
              ("h2", "2. Aims"),
              ("p", f"The overall aim is to {s['aim']}."),
              ("h2", "3. Design and data sources"),
              ("p", f"{s['cohort_text']} Outcomes will be ascertained through linkage, carried out by "
                    f"{s.get('body', 'NHS England')}, to {andlist([DS_FORMAL[x] for x in s['datasets']])}."),
              ("h2", "4. Data management"),
              ("p", "Identifiable and research data are held separately on the sponsor's secure network; analysis "
                    "uses a pseudonymised dataset only.")]
    for e in extra:
        blocks.append(("p", e))
    if contact:
        blocks += [("h2", "5. Retention of the cohort"),
                   ("p", "Participants receive a newsletter once a year, and are asked at each contact to let the "
                         "study office know of any change of address, so that contact details are kept up to date.")]
    foot = {0: f"Protocol version {version}, {ukdate(vdate, 0)}",
            1: f"{s.get('acronym', 'Study')} protocol V{version} {ukdate(vdate, 1)} - CONFIDENTIAL"}[footer_style]
    save(path, fmt, blocks, header=s.get("acronym", ""), footer=foot)


# ---------------------------------------------------------------------------------------------
# Consent materials
# ---------------------------------------------------------------------------------------------
def consent_form(path: Path, s: dict, version: str | None, vdate: dt.date | None, pis_version: str,
                 pis_date: dt.date, fmt="docx", linkage=True, contact=True, period: str | None = None,
                 used: str | None = None, footer: str | None = None, style=0, extra_items=()):
    items = [f"I confirm that I have read the information sheet dated {ukdate(pis_date, 1)} (version "
             f"{pis_version}) for the above study. I have had the opportunity to consider the information, ask "
             "questions and have had these answered satisfactorily.",
             "I understand that my participation is voluntary and that I am free to withdraw at any time without "
             "giving any reason, without my medical care or legal rights being affected.",
             "I understand that relevant sections of my medical notes and data collected during the study may be "
             f"looked at by individuals from {s['org']}, from regulatory authorities or from the NHS Trust, where "
             "it is relevant to my taking part in this research. I give permission for these individuals to have "
             "access to my records."]
    if linkage:
        lay = andlist([DS_LAY.get(x, x) for x in s["datasets"]])
        items.append(f"I agree that my name, date of birth, NHS number and postcode may be sent to "
                     f"{s.get('body', 'NHS England')} so that information about my {lay} can be linked to the "
                     "study records" + (f", {period}" if period else "") + ".")
    if contact:
        items.append("I agree to be contacted again by the study team about further questionnaires and to receive "
                     "the study newsletter.")
    items += list(extra_items)
    items.append("I agree to take part in the above study.")
    if style == 0:
        blocks = [("p", s["org"]),
                  ("h1", "CONSENT FORM"),
                  ("p", f"Title of project: {s['title']}\nIRAS ID: {s.get('iras', '')}\n"
                        f"Name of Researcher: {s['ci']}"),
                  ("p", "Please initial box"),
                  ("table", [[str(i), t, ""] for i, t in enumerate(items, 1)], [10, 130, 20]),
                  ("p", "________________________  ____________  ________________\nName of participant      "
                        "     Date            Signature"),
                  ("p", "________________________  ____________  ________________\nName of person taking "
                        "consent  Date            Signature")]
    else:
        blocks = [("h1", f"{s.get('acronym', 'Study')} - Participant Consent Form"),
                  ("p", s["title"]),
                  ("p", "Please read each statement and put your initials in the box if you agree."),
                  ("table", [["", "Statement", "Initials"]] + [[chr(96 + i), t, ""] for i, t in enumerate(items, 1)],
                   [10, 130, 20]),
                  ("p", "Signed (participant) ____________________   Date __________"),
                  ("p", "Signed (researcher) _____________________   Date __________")]
    if used:
        blocks.append(("small", used))
    if footer is None:
        footer = f"Consent form version {version}, {ukdate(vdate, 2)}" if version else "Consent form"
    save(path, fmt, blocks, header=None, footer=footer, title="Consent form")


def pis(path: Path, s: dict, version: str | None, vdate: dt.date | None, fmt="docx", linkage=True, contact=True,
        period: str | None = None, footer: str | None = None, extra: list[str] = (), style=0):
    lay = andlist([DS_LAY.get(x, x) for x in s["datasets"]])
    body = s.get("body", "NHS England")
    if style == 0:
        blocks = [("h1", "Participant Information Sheet"),
                  ("bold", s["title"]),
                  ("p", "We would like to invite you to take part in our research study. Before you decide, we would "
                        "like you to understand why the research is being done and what it would involve for you. "
                        "Please take time to read the following information carefully and discuss it with others if "
                        "you wish."),
                  ("h2", "What is the purpose of the study?"),
                  ("p", f"{s.get('background', '')} We want to {s['aim']}.".strip())]
    else:
        blocks = [("h1", f"{s.get('acronym', 'The study')}: information for participants"),
                  ("p", s["title"]),
                  ("h2", "Why are we doing this research?"),
                  ("p", f"{s.get('background', '')} This study has been set up to {s['aim']}.".strip()),
                  ("h2", "Do I have to take part?"),
                  ("p", "No. It is up to you to decide. If you do decide to take part you will be asked to sign a "
                        "consent form, and you are still free to withdraw at any time without giving a reason.")]
    if style == 2:
        blocks = [("p", s["org"]),
                  ("h1", "Participant information leaflet"),
                  ("bold", s["title"]),
                  ("p", "You are being invited to take part in a research study. This leaflet answers the questions "
                        "people most often ask us. Part 1 tells you the purpose of the study and what will happen if "
                        "you take part; Part 2 gives more detailed information about how the study is run."),
                  ("h2", "Part 1 - What is this study about?"),
                  ("p", f"{s.get('background', '')} The study will {s['aim']}.".strip()),
                  ("h2", "Why have I been invited?"),
                  ("p", "You have been invited because your clinic team thought the study might be relevant to you. "
                        "Taking part is entirely voluntary.")]
    blocks.append(("h2", "What will happen to me if I take part?" if style != 2 else "What would taking part involve?"))
    blocks.append(("p", "You will be asked to complete a short questionnaire about your health, your daily "
                        "activities and any medicines you take. This takes around 20 minutes." if contact else
                        "You will be given a blood pressure monitor to use at home for twelve months, and the "
                        "readings will be sent to the study team automatically."))
    if linkage:
        blocks.append(("h2", "Using your NHS records"))
        blocks.append(("p", f"With your permission, we will send your name, date of birth, NHS number and postcode to "
                            f"{body}, the organisation that holds national NHS records. {cap(body)} will use these to "
                            f"find information about your {lay}" + (f" {period}" if period else "") +
                            " and will send it back to us without your name or contact details. This lets us see "
                            "how your health changes over time without asking you more questions."))
    else:
        blocks.append(("p", "The study nurse will look at your clinic notes to record your blood "
                            "pressure readings and the results of routine tests."))
    if contact:
        blocks.append(("h2", "Keeping in touch"))
        blocks.append(("p", "We will send you a newsletter once a year telling you about the study's progress. We "
                            "may also contact you again to invite you to fill in further questionnaires; please tell "
                            "us if you move house."))
    for e in extra:
        blocks.append(("p", e))
    blocks += [("h2", "What will happen to the results?"),
               ("p", ("Results will be published in scientific journals and on the study website. " if contact
                      else "Results will be published in scientific journals. ") +
                "You will not be identified in any report or publication."),
               ("h2", "Who has reviewed the study?"),
               ("p", f"The study has been reviewed and given a favourable opinion by a Research Ethics Committee "
                     f"(reference {s.get('rec', '')})."),
               ("h2", "Who can I ask about the study?"),
               ("p", f"{s['ci']}, {s['org']}, {s['addr']}.")]
    if footer is None:
        footer = f"PIS version {version} dated {ukdate(vdate, 1)}" if version else "Participant information sheet"
    save(path, fmt, blocks, footer=footer, title="PIS")


def newsletter_blocks(s: dict, issue: str) -> list:
    return [("h1", f"{s.get('acronym', 'Study')} News - {issue}"),
            ("p", "Welcome to this year's newsletter, and thank you to everyone who returned a questionnaire. "
                  "Nine out of ten of you are still with us after five years, which is remarkable for a study of "
                  "this kind."),
            ("h2", "Have you moved?"),
            ("p", "If your address, phone number or e-mail has changed, please update your contact details using "
                  "the form on the study website or by calling the study office. We would hate to lose touch."),
            ("h2", "Coming up"),
            ("p", "Later this year we will contact you again with a short follow-up questionnaire.")]


# ---------------------------------------------------------------------------------------------
# Request helpers
# ---------------------------------------------------------------------------------------------
D = dt.date
FIELDS = {"hes_apc": ["admidate", "disdate", "diag_4_01", "opertn_4_01", "admimeth"],
          "hes_op": ["apptdate", "tretspef", "attended"],
          "hes_ae": ["arrivaldate", "diag_01", "aedepttype"],
          "hes_cc": ["ccstartdate", "ccdisdate", "orgsup_max"],
          "ecds": ["arrival_date", "chief_complaint", "discharge_destination"],
          "deaths": ["reg_date_of_death", "s_underlying_cod_icd10", "place_of_death"],
          "cancer_registration": ["diagnosisdatebest", "site_icd10_o2", "stage_best"],
          "mhsds": ["referral_date", "primary_reason_for_referral", "service_type"],
          "iapt": ["referral_date", "ending_reason", "phq9_first", "phq9_last"],
          "msds": ["booking_date", "gestation_at_booking", "delivery_method"],
          "nda": ["audit_year", "hba1c", "bmi"]}


def dspt_year(as_of: dt.date) -> str:
    y = as_of.year - 1
    return f"{y}-{str(y + 1)[2:]}"


def dspt_cond(org: str, as_of: dt.date, checked: dt.date, status="Standards Met") -> str:
    y = as_of.year - 1
    return (f"Confirmed: The NHS England {y}/{str(y + 1)[2:]} DSPT review for {org} was confirmed as "
            f"'{status}' on the NHS England DSPT tracker (checked {ukdate(checked, 0)}).")


def org(name, roles=("controller",), dsfc=True, loc=("England",), dspt="standards_met", year=None, code=None,
        **kw):
    o = {"name": name, "roles": list(roles)}
    if "controller" in roles and dsfc is not None:
        o["dsfc"] = dsfc
    if loc is not None:
        o["processing_locations"] = list(loc)
    if kw.get("registration"):
        o["registration"] = kw["registration"]
    sec = kw.get("security")
    if sec is None and dspt:
        sec = {"dspt": {"org_code": code or "EE" + str(hash_str(name) % 900000 + 100000), "status": dspt,
                        "year": year}}
        if kw.get("plan"):
            sec["dspt"]["improvement_plan_agreed"] = True
    if sec:
        o["security"] = sec
    if kw.get("storage"):
        o["storage"] = kw["storage"]
    return o


def ds(i, start, end=None, release=None, fields="default"):
    d = {"id": i, "start": start}
    if end:
        d["end"] = end
    if fields == "default":
        d["fields"] = FIELDS[i]
    elif fields:
        d["fields"] = fields
    if release:
        d["release"] = release
    return d


def std_flows(s, ids=None, disseminate_ids=(), link_ids=None, dissem=True):
    ids = list(ids or s["ids_link"])
    f = [{"action": "receive", "counterparty": s["org"], "identifiers": ids},
         {"action": "link", "datasets": list(s["datasets"]), "identifiers": list(link_ids or ids)}]
    if dissem:
        f.append({"action": "disseminate", "counterparty": s["org"], "identifiers": list(disseminate_ids)})
    return f


def request(s, as_of, basis="section_251", **over):
    y = dspt_year(as_of)
    r = {"reference": s["nic"], "title": s["title"], "submitted": over.pop("submitted", as_of),
         "purpose": s.get("req_purpose") or f"To {s['aim']}. {s.get('purpose_extra', '')}".strip(),
         "purpose_category": "research", "commercial": False,
         "research": {"rec_reference": s.get("rec"), "funding": s.get("funding", "NIHR Health and Social Care "
                                                                               "Delivery Research programme")},
         "legal_basis": {"common_law": basis, "gdpr_article_6": "6(1)(e)", "gdpr_article_9": "9(2)(j)"},
         "national_data_opt_out": "applied" if basis == "section_251" else "not_applied",
         "identifiers": list(s["ids_link"]) + [i for i in s.get("ids_analysis_req", []) if i not in s["ids_link"]],
         "cohort": {"supplied": True, "recruitment_start": s["rec_start"], "recruitment_end": s["rec_end"]},
         "datasets": s["req_datasets"],
         "minimisation": {"statement": s.get("minim", "Only the identifiers needed for NHS England to trace and "
                                                      "link each participant are sent; the datasets are limited "
                                                      "to the years of follow-up and to the fields listed, and no "
                                                      "identifier is returned with the linked data.")},
         "flows": std_flows(s),
         "organisations": [org(s["org"], year=y)],
         "territory_of_use": "england_wales"}
    if basis == "section_251":
        r["legal_basis"]["cag_reference"] = s["cag"]
    r.update(over)
    return r


def K(kind, version=None, date=None, cag=None):
    k = {"kind": kind, "version": version, "date": date.isoformat() if date else None}
    if cag is not None:
        k["cag"] = cag
    return k


BUNDLES = []


def bundle(fn):
    BUNDLES.append(fn)
    return fn


def base(**kw):
    s = {"ci_role": "Professor of Epidemiology", "addr": "University Road, Leicester LE1 7RH",
         "body": "NHS England", "ids_link": ["nhs_number", "date_of_birth", "postcode"], "ids_analysis": ["sex"],
         "rec_start": D(2012, 1, 1), "rec_end": D(2015, 12, 31)}
    s.update(kw)
    return s


# ---------------------------------------------------------------------------------------------
# Clean bundles
# ---------------------------------------------------------------------------------------------
@bundle
def u01(out: Path):
    """Clean s251: COPD pulmonary rehabilitation cohort."""
    as_of = D(2024, 9, 16)
    s = base(title="Long-term outcomes after pulmonary rehabilitation for chronic obstructive pulmonary disease "
                   "(PR-OUTCOMES)", acronym="PR-OUTCOMES", org="University of Leicester",
             ci="Professor Sally Whitcombe", cag="23/CAG/0087", iras="318842", rec="23/EM/0061",
             nic="DARS-NIC-704118-Q2R7T", ids_analysis=[],
             aim="describe hospital admissions and deaths in the five years after a course of pulmonary "
                 "rehabilitation among adults with chronic obstructive pulmonary disease (COPD)",
             background="Pulmonary rehabilitation is offered to people with COPD who are limited by "
                        "breathlessness, yet little is known about how long its benefits last.",
             cohort_text="The cohort comprises about 6,200 adults with COPD who were referred to pulmonary "
                         "rehabilitation at three Leicestershire services between 2012 and 2015.",
             cohort_short="Adults with COPD referred to pulmonary rehabilitation, 2012-2015 (n = c. 6,200)",
             datasets=["hes_apc", "deaths"], letter_date=D(2024, 3, 4), app_date=D(2023, 10, 2),
             pn_date=D(2024, 1, 22))
    s["dspt_cond"] = dspt_cond(s["org"], as_of, D(2024, 2, 20))
    s["reviewed_docs"] = [("Protocol", "2.1", "14/09/2023"), ("Privacy notice", "2.0", "22/01/2024")]
    s["req_datasets"] = [ds("hes_apc", D(2011, 4, 1), D(2023, 3, 31)), ds("deaths", D(2012, 1, 1), D(2023, 12, 31))]
    b = out / "u01-copd-rehab"
    cag_letter(b / "CAG/23-CAG-0087 final outcome letter.pdf", s, style=0)
    s251_application(b / "CAG/IRAS CAG form 318842.docx", s, version="1.0", end_date=D(2030, 3, 31))
    rec_letter(b / "ethics/REC FO letter.pdf", s, D(2023, 8, 9), committee="East Midlands - Derby Research Ethics "
               "Committee")
    protocol(b / "protocol_v2.1.docx", s, "2.1", D(2023, 9, 14))
    privacy_notice(b / "transparency/PR-OUTCOMES privacy notice.pdf", s, version="2.0", vdate=D(2024, 1, 22),
                   extra=["We will never sell your information, and it will not be used for any commercial "
                          "purpose."])
    write_request(b / "request.yaml", request(s, as_of))
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "documents": {
        "CAG/23-CAG-0087 final outcome letter.pdf": K("cag_approval", None, s["letter_date"], ["23/CAG/0087"]),
        "CAG/IRAS CAG form 318842.docx": K("s251_application", "1.0", s["app_date"]),
        "ethics/REC FO letter.pdf": K("rec_approval", None, D(2023, 8, 9)),
        "protocol_v2.1.docx": K("protocol", "2.1", D(2023, 9, 14)),
        "transparency/PR-OUTCOMES privacy notice.pdf": K("privacy_notice", "2.0", D(2024, 1, 22))}}


@bundle
def u02(out: Path):
    """Clean s251: hip fracture; approval (older house style) + annual review by e-mail; privacy notice as .txt."""
    as_of = D(2024, 9, 10)
    s = base(title="Recovery of mobility and survival after hip fracture in older people: a linked cohort study",
             acronym="HIPMOB", org="University of Nottingham", ci="Dr Priya Raman", ci_role="Associate Professor",
             addr="Queen's Medical Centre, Nottingham NG7 2UH", cag="22/CAG/0179", iras="309915", rec="22/WM/0144",
             nic="DARS-NIC-611230-H8L4M", ids_link=["nhs_number", "date_of_birth", "sex"], ids_analysis=[],
             aim="examine readmission to hospital and survival in the three years after a hip fracture among people "
                 "aged 65 and over",
             background="Hip fracture is the commonest serious injury in older people.",
             cohort_text="The cohort is made up of 9,400 people aged 65 and over who were treated for a hip fracture "
                         "at Nottingham University Hospitals between 2015 and 2019 and entered in the local audit.",
             cohort_short="Hip fracture patients aged 65+, 2015-2019",
             datasets=["hes_apc", "hes_ae", "deaths"], letter_date=D(2023, 2, 14), app_date=D(2022, 9, 28),
             rec_start=D(2015, 1, 1), rec_end=D(2019, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2015, 1, 1), D(2023, 3, 31)), ds("hes_ae", D(2015, 1, 1), D(2020, 3, 31)),
                         ds("deaths", D(2015, 1, 1), D(2023, 12, 31))]
    b = out / "u02-hip-fracture"
    cag_letter(b / "22_CAG_0179 outcome.pdf", s, style=2)
    body = "\n\n".join(p[1] for p in annual_review_blocks(s, D(2024, 2, 20), D(2025, 2, 14)))
    write_eml(b / "correspondence/RE 22-CAG-0179 annual review.eml",
              "HRA CAG <cag@hra.nhs.uk>", "Dr Priya Raman <priya.raman@nottingham.ac.uk>",
              "22/CAG/0179 - annual review outcome", dt.datetime(2024, 2, 20, 11, 42), body)
    s251_application(b / "s251 application form.pdf", s, fmt="pdf", version="2", vdate=D(2022, 9, 28),
                     end_date=D(2028, 12, 31))
    rec_letter(b / "REC favourable opinion 22-WM-0144.pdf", s, D(2022, 8, 1),
               committee="West Midlands - Edgbaston Research Ethics Committee")
    protocol(b / "HIPMOB protocol.docx", s, "1.3", D(2022, 7, 11), footer_style=1,
             extra=["Mr Tunde Adeyemi, a consultant orthopaedic surgeon who also holds an honorary contract with the "
                    "University as a clinical senior lecturer, chairs the independent study steering committee."])
    privacy_notice(b / "website_privacy_page.txt", s, fmt="txt", version="1.4", vdate=D(2023, 5, 2), style=1)
    r = request(s, as_of)
    r["organisations"][0]["processing_locations"] = ["England"]
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "documents": {
        "22_CAG_0179 outcome.pdf": K("cag_approval", None, D(2023, 2, 14), ["22/CAG/0179"]),
        "correspondence/RE 22-CAG-0179 annual review.eml": K("cag_annual_review", None, D(2024, 2, 20),
                                                              ["22/CAG/0179"]),
        "s251 application form.pdf": K("s251_application", "2", D(2022, 9, 28)),
        "REC favourable opinion 22-WM-0144.pdf": K("rec_approval", None, D(2022, 8, 1)),
        "HIPMOB protocol.docx": K("protocol", "1.3", D(2022, 7, 11)),
        "website_privacy_page.txt": K("privacy_notice", "1.4", D(2023, 5, 2))}}


REGISTER_ROWS = []  # filled by the REG bundles; written once at the corpus root


@bundle
def u03(out: Path):
    """Clean s251 with the CAG register: renumbered support, register entry current and consistent."""
    as_of = D(2025, 1, 20)
    s = base(title="Childhood leukaemia survivors: late effects on hospital use and mortality (CLS-LATE)",
             acronym="CLS-LATE", org="University of Birmingham", ci="Professor Mark Ellery",
             ci_role="Professor of Paediatric Oncology", addr="Edgbaston, Birmingham B15 2TT",
             cag="21/CAG/0098", cag_prev="17/CAG/0154", iras="227140", rec="17/WM/0301",
             nic="DARS-NIC-385512-T6B9W", ids_link=["nhs_number", "date_of_birth", "sex", "postcode"],
             ids_analysis=[],
             aim="measure hospital admissions, cancer diagnoses and deaths among adult survivors of childhood "
                 "leukaemia treated in England",
             background="Survival from childhood leukaemia now exceeds 90%, but survivors carry lasting risks from "
                        "their treatment.",
             cohort_text="The cohort includes 11,800 survivors diagnosed before the age of 15 between 1971 and 2010.",
             cohort_short="Five-year survivors of childhood leukaemia diagnosed 1971-2010",
             datasets=["hes_apc", "cancer_registration", "deaths"], letter_date=D(2024, 6, 3),
             app_date=D(2024, 3, 1), rec_start=D(1971, 1, 1), rec_end=D(2010, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(1997, 4, 1), D(2024, 3, 31)),
                         ds("cancer_registration", D(1971, 1, 1), D(2022, 12, 31)),
                         ds("deaths", D(1971, 1, 1), D(2024, 3, 31))]
    s["review_text"] = ("An annual review report is due on 3 June 2025, twelve months from the date of this "
                        "letter.")
    b = out / "u03-leukaemia-survivors"
    cag_letter(b / "letters/CAG outcome 2024-06-03.pdf", s, style=1)
    s251_application(b / "letters/CAG amendment application.docx", s, version="3.0", vdate=D(2024, 3, 1))
    rec_letter(b / "REC approval.pdf", s, D(2017, 10, 2),
               committee="West Midlands - Black Country Research Ethics Committee")
    privacy_notice(b / "CLS-LATE fair processing notice.docx", s, fmt="docx", version="3", vdate=D(2024, 7, 1))
    write_request(b / "request.yaml", request(s, as_of))
    REGISTER_ROWS.append(["21/CAG/0098 (previously 17/CAG/0154)", s["title"], "University of Birmingham",
                          "NHS number, date of birth, sex, postcode", D(2025, 6, 3), "Applied",
                          "Amendment to extend follow-up supported June 2024."])
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "register": "cag-register-research.xlsx",
                    "documents": {
                        "letters/CAG outcome 2024-06-03.pdf": K("cag_approval", None, D(2024, 6, 3),
                                                                ["21/CAG/0098", "17/CAG/0154"]),
                        "letters/CAG amendment application.docx": K("s251_application", "3.0", D(2024, 3, 1)),
                        "REC approval.pdf": K("rec_approval", None, D(2017, 10, 2)),
                        "CLS-LATE fair processing notice.docx": K("privacy_notice", "3", D(2024, 7, 1))}}


@bundle
def u04(out: Path):
    """Clean consent: asthma cohort; two versions of consent form and PIS; newsletter e-mail."""
    as_of = D(2024, 5, 1)
    s = base(title="Severe asthma in young adults: a prospective cohort (SAYA)", acronym="SAYA",
             org="University of Manchester", ci="Dr Olumide Bakare", ci_role="Senior Lecturer in Respiratory "
             "Medicine", addr="Oxford Road, Manchester M13 9PL", iras="236471", rec="18/NW/0027",
             nic="DARS-NIC-520987-K3D8P", datasets=["hes_apc", "deaths"], body="NHS Digital", pn_body="NHS Digital",
             aim="find out how often young adults with severe asthma are admitted to hospital, and what predicts "
                 "those admissions",
             background="Asthma is a common long-term condition of the airways. Most inhalers prescribed in the UK "
                        "are made by commercial manufacturers, and the study compares how well different "
                        "treatment plans work in everyday practice.",
             cohort_text="We are recruiting 2,000 people aged 16 to 30 with severe asthma from clinics in the "
                         "North West.", rec_start=D(2018, 3, 1), rec_end=D(2021, 6, 30))
    s["req_datasets"] = [ds("hes_apc", D(2013, 4, 1), D(2023, 3, 31)), ds("deaths", D(2018, 3, 1), D(2023, 12, 31))]
    b = out / "u04-saya-asthma"
    consent_form(b / "consent/SAYA ICF v1.0.docx", s, "1.0", D(2018, 1, 15), "1.0", D(2018, 1, 15))
    consent_form(b / "consent/SAYA ICF v2.0.pdf", s, "2.0", D(2019, 9, 2), "2.0", D(2019, 9, 2), fmt="pdf", style=1)
    pis(b / "consent/SAYA PIS v1.0.docx", s, "1.0", D(2018, 1, 15))
    pis(b / "consent/SAYA PIS v2.0.pdf", s, "2.0", D(2019, 9, 2), fmt="pdf", style=1,
        extra=["No commercial company will have access to your information."])
    rec_letter(b / "REC/18-NW-0027 favourable opinion.pdf", s, D(2018, 2, 6),
               committee="North West - Greater Manchester Central Research Ethics Committee")
    privacy_notice(b / "SAYA privacy notice.docx", s, fmt="docx", ndoo=False, version="1.2", vdate=D(2022, 11, 30),
                   style=1)
    body = "\n\n".join(p[1] for p in newsletter_blocks(s, "Spring 2023"))
    write_eml(b / "newsletters/SAYA News spring 2023.eml", "SAYA Study Team <saya@manchester.ac.uk>",
              "SAYA participants <undisclosed-recipients:;>", "SAYA News - Spring 2023",
              dt.datetime(2023, 4, 3, 9, 0), body)
    r = request(s, as_of, basis="consent")
    r["flows"] = std_flows(s)
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "documents": {
        "consent/SAYA ICF v1.0.docx": K("consent_form", "1.0", D(2018, 1, 15)),
        "consent/SAYA ICF v2.0.pdf": K("consent_form", "2.0", D(2019, 9, 2)),
        "consent/SAYA PIS v1.0.docx": K("participant_information_sheet", "1.0", D(2018, 1, 15)),
        "consent/SAYA PIS v2.0.pdf": K("participant_information_sheet", "2.0", D(2019, 9, 2)),
        "REC/18-NW-0027 favourable opinion.pdf": K("rec_approval", None, D(2018, 2, 6)),
        "SAYA privacy notice.docx": K("privacy_notice", "1.2", D(2022, 11, 30)),
        "newsletters/SAYA News spring 2023.eml": K("cohort_communication", None, D(2023, 4, 3))}}


@bundle
def u05(out: Path):
    """Clean consent: birth cohort run by a registered charity whose name reads like a unit; stated record period."""
    as_of = D(2025, 3, 10)
    s = base(title="Avonside Families: growing up healthy - a birth cohort", acronym="Avonside Families",
             org="Avonside Health Research Centre", ci="Dr Hannah Lusk", ci_role="Scientific Director",
             addr="14 Quay Street, Bristol BS1 4DB", iras="251190", rec="19/SW/0042",
             nic="DARS-NIC-640021-P5N1C", datasets=["hes_apc", "hes_op", "msds"], body="NHS Digital",
             aim="understand how health in pregnancy and early childhood shapes children's use of hospital care",
             cohort_text="We invited women booking for antenatal care in Bristol between 2019 and 2021.",
             rec_start=D(2019, 6, 1), rec_end=D(2021, 5, 31))
    period_form = "covering records from January 2015 until December 2035"
    period_pis = "from January 2015 until December 2035"
    s["req_datasets"] = [ds("hes_apc", D(2015, 1, 1), D(2024, 3, 31)), ds("hes_op", D(2015, 1, 1), D(2024, 3, 31)),
                         ds("msds", D(2019, 1, 1), D(2024, 3, 31))]
    b = out / "u05-avonside-families"
    consent_form(b / "Avonside consent form.pdf", s, "1.1", D(2019, 5, 20), "1.1", D(2019, 5, 20), fmt="pdf",
                 period=period_form, footer="Avonside Families ICF - V1.1 20/05/2019")
    pis(b / "Avonside PIS.docx", s, "1.1", D(2019, 5, 20), period=period_pis, style=1,
        footer="PIS v1.1 (final) 2019-05-20")
    rec_letter(b / "ethics opinion.pdf", s, D(2019, 4, 30), committee="South West - Central Bristol Research "
               "Ethics Committee")
    privacy_notice(b / "Avonside privacy notice.pdf", s, ndoo=False, version="4", vdate=D(2023, 9, 1))
    r = request(s, as_of, basis="consent")
    r["organisations"] = [org(s["org"], year=dspt_year(as_of),
                              registration="Registered charity 1187654; company number 11456789")]
    r["research"]["funding"] = "Wellcome Trust Longitudinal Population Studies award"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "documents": {
        "Avonside consent form.pdf": K("consent_form", "1.1", D(2019, 5, 20)),
        "Avonside PIS.docx": K("participant_information_sheet", "1.1", D(2019, 5, 20)),
        "ethics opinion.pdf": K("rec_approval", None, D(2019, 4, 30)),
        "Avonside privacy notice.pdf": K("privacy_notice", "4", D(2023, 9, 1))}}


@bundle
def u06(out: Path):
    """Statutory basis: only LB-005 (info) is implied."""
    as_of = D(2024, 11, 4)
    s = base(title="National investigation into delayed recognition of sepsis in emergency departments",
             acronym="HSSIB sepsis investigation", org="Health Services Safety Investigations Body",
             ci="Ms Carol Dunmore", ci_role="Director of Investigations", addr="Bow Hill, London N1 9HB",
             nic="DARS-NIC-733402-W9F2A", ids_link=["nhs_number", "date_of_birth"],
             datasets=["ecds", "hes_apc", "deaths"],
             aim="examine the care pathway of patients who attended an emergency department and were later "
                 "admitted with sepsis, as part of a safety investigation carried out under the Health and Care "
                 "Act 2022",
             cohort_text="Patients identified from the investigation's case review at 14 NHS trusts.")
    s["req_datasets"] = [ds("ecds", D(2022, 4, 1), D(2024, 3, 31)), ds("hes_apc", D(2022, 4, 1), D(2024, 3, 31)),
                         ds("deaths", D(2022, 4, 1), D(2024, 6, 30))]
    b = out / "u06-statutory-investigation"
    privacy_notice(b / "HSSIB privacy notice - investigations.pdf", s, ndoo=False, version="5.0",
                   vdate=D(2024, 6, 12), style=1)
    protocol(b / "Investigation protocol.docx", s, "1.0", D(2024, 7, 1), contact=False)
    r = request(s, as_of, basis="statutory")
    r["purpose_category"] = "other"
    del r["research"]
    r["legal_basis"]["gdpr_article_9"] = "9(2)(i)"
    r["cohort"] = {"supplied": True}
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["LB-005"], "documents": {
        "HSSIB privacy notice - investigations.pdf": K("privacy_notice", "5.0", D(2024, 6, 12)),
        "Investigation protocol.docx": K("protocol", "1.0", D(2024, 7, 1))}}


@bundle
def u07(out: Path):
    """Clean s251 via the SDE: no dissemination; a pending DSPT statement that must not count."""
    as_of = D(2025, 2, 10)
    s = base(title="Psychosis and physical health: hospital care for people with first-episode psychosis",
             acronym="PHYS-PSY", org="King's College London", ci="Professor Aoife Brennan",
             ci_role="Professor of Psychiatric Epidemiology", addr="Denmark Hill, London SE5 8AF",
             cag="24/CAG/0061", iras="330218", rec="24/LO/0190", nic="DARS-NIC-758830-C1V6R",
             ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="compare physical health admissions and premature mortality in people with first-episode psychosis "
                 "with those of the general population",
             cohort_text="The cohort consists of 4,100 people seen by early intervention in psychosis services in "
                         "south London between 2010 and 2020.", cohort_short="People with first-episode "
                         "psychosis, 2010-2020", datasets=["mhsds", "hes_apc", "deaths"],
             letter_date=D(2024, 9, 23), app_date=D(2024, 5, 13), rec_start=D(2010, 1, 1), rec_end=D(2020, 12, 31))
    s["extra_conditions"] = ["Pending: confirmation that the 2024/25 DSPT submission for King's College London "
                             "has been reviewed as 'Standards Met' is awaited from the NHS England DSPT team. The "
                             "applicant should not receive data until this is confirmed."]
    s["req_datasets"] = [ds("mhsds", D(2010, 1, 1), D(2024, 3, 31)), ds("hes_apc", D(2010, 1, 1), D(2024, 3, 31)),
                         ds("deaths", D(2010, 1, 1), D(2024, 6, 30))]
    b = out / "u07-psychosis-sde"
    cag_letter(b / "24-CAG-0061 outcome letter.pdf", s, style=0)
    s251_application(b / "CAG application v1.1.docx", s, version="1.1", vdate=D(2024, 5, 13))
    rec_letter(b / "REC 24-LO-0190.pdf", s, D(2024, 4, 2), committee="London - Camberwell St Giles Research "
               "Ethics Committee")
    privacy_notice(b / "PHYS-PSY privacy notice.pdf", s, version="1.0", vdate=D(2024, 10, 14))
    r = request(s, as_of)
    r["flows"] = std_flows(s, dissem=False)
    r["access"] = {"route": "sde", "sde_unsuitable_reason": None}
    r["organisations"] = [org(s["org"], year="2024-25", dspt="approaching_standards", plan=True)]
    r["minimisation"]["statement"] = ("Analysis takes place in NHS England's Secure Data Environment, so no "
                                      "record leaves NHS England; three identifiers are sent for linkage only, and "
                                      "each dataset is limited to 2010 onwards and to the listed fields.")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "documents": {
        "24-CAG-0061 outcome letter.pdf": K("cag_approval", None, D(2024, 9, 23), ["24/CAG/0061"]),
        "CAG application v1.1.docx": K("s251_application", "1.1", D(2024, 5, 13)),
        "REC 24-LO-0190.pdf": K("rec_approval", None, D(2024, 4, 2)),
        "PHYS-PSY privacy notice.pdf": K("privacy_notice", "1.0", D(2024, 10, 14))}}


def _pdf_bytes(tmp: Path, fn, *a, **kw) -> bytes:
    fn(tmp, *a, **kw)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


@bundle
def u08(out: Path):
    """Clean s251: CAG outcome letter arriving as an e-mail attachment; DARS data specification as .xlsx."""
    as_of = D(2024, 12, 2)
    s = base(title="Bariatric surgery and long-term cardiovascular outcomes (BARICARD)", acronym="BARICARD",
             org="Newcastle University", ci="Professor Graham Tolland", ci_role="Professor of Cardiovascular "
             "Medicine", addr="Framlington Place, Newcastle upon Tyne NE2 4HH", cag="24/CAG/0033", iras="326611",
             rec="24/NE/0008", nic="DARS-NIC-747207-J4K2S", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=["sex"],
             aim="estimate the effect of bariatric surgery on heart attack, stroke and heart failure among adults "
                 "with severe obesity",
             cohort_text="The cohort comprises 7,900 adults who underwent bariatric surgery in the North East "
                         "between 2008 and 2018.", cohort_short="Bariatric surgery patients, 2008-2018",
             datasets=["hes_apc", "hes_op", "deaths"], letter_date=D(2024, 6, 17), app_date=D(2024, 1, 29),
             rec_start=D(2008, 1, 1), rec_end=D(2018, 12, 31))
    s["dspt_cond"] = dspt_cond(s["org"], D(2024, 6, 1), D(2024, 5, 30))
    s["req_datasets"] = [ds("hes_apc", D(2008, 1, 1), D(2024, 3, 31)), ds("hes_op", D(2008, 1, 1), D(2024, 3, 31)),
                         ds("deaths", D(2008, 1, 1), D(2024, 3, 31))]
    b = out / "u08-bariatric-cardio"
    letter = _pdf_bytes(out / "_tmp_u08.pdf", cag_letter, s, style=1)
    write_eml(b / "CAG outcome e-mail.eml", "Confidentiality Advice Team <cag@hra.nhs.uk>",
              "graham.tolland@newcastle.ac.uk",
              "24/CAG/0033 BARICARD - final outcome", dt.datetime(2024, 6, 17, 15, 5),
              "Dear Professor Tolland,\n\nPlease find attached the final outcome letter for the above application."
              " A copy has been sent to your sponsor.\n\nKind regards,\n\nConfidentiality Advice Team\n"
              "Health Research Authority",
              attachments=[("24-CAG-0033 final outcome.pdf", letter, "application/pdf")])
    s251_application(b / "IRAS CAG section.pdf", s, fmt="pdf", version="1.0", vdate=D(2024, 1, 29),
                     end_date=D(2029, 3, 31))
    rec_letter(b / "REC letter.pdf", s, D(2024, 1, 12), committee="North East - Newcastle & North Tyneside 1 "
               "Research Ethics Committee")
    privacy_notice(b / "BARICARD privacy notice.docx", s, fmt="docx", version="1.1", vdate=D(2024, 7, 8))
    rows = [["Data Access Request Service (DARS) application - data specification", None, None],
            ["NIC reference", s["nic"], None], [None, None, None],
            ["Dataset", "Field", "Justification"]]
    for d in s["req_datasets"]:
        for f in d["fields"]:
            rows.append([DS_FORMAL[d["id"]], f, "Needed to define the outcome or its date"])
    write_xlsx(b / "DARS data specification.xlsx", [("Data specification", rows)])
    r = request(s, as_of)
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": [], "allow": ["DOC-003"], "documents": {
        "CAG outcome e-mail.eml/24-CAG-0033 final outcome.pdf": K("cag_approval", None, D(2024, 6, 17),
                                                                   ["24/CAG/0033"]),
        "IRAS CAG section.pdf": K("s251_application", "1.0", D(2024, 1, 29)),
        "REC letter.pdf": K("rec_approval", None, D(2024, 1, 12)),
        "BARICARD privacy notice.docx": K("privacy_notice", "1.1", D(2024, 7, 8))}}


# ---------------------------------------------------------------------------------------------
# Planted: first-edition families
# ---------------------------------------------------------------------------------------------
@bundle
def u09(out: Path):
    """S251-004 (postcode not covered), PN-002 (Trust not in notice), PN-004 (no opt-out in notice)."""
    as_of = D(2024, 10, 21)
    s = base(title="Cardiac rehabilitation uptake and outcomes after myocardial infarction in South Yorkshire",
             acronym="CR-SY", org="University of Sheffield", ci="Dr Kwame Asante", ci_role="Clinical Senior "
             "Lecturer", addr="Beech Hill Road, Sheffield S10 2RX", cag="23/CAG/0140", iras="320007",
             rec="23/YH/0102", nic="DARS-NIC-700315-B7X2E", ids_link=["nhs_number", "date_of_birth"],
             ids_analysis=[], neg_name=True,
             aim="compare readmission and death after myocardial infarction between people who did and did not "
                 "take up cardiac rehabilitation",
             cohort_text="The cohort includes 5,300 people discharged after a myocardial infarction from Sheffield "
                         "Teaching Hospitals between 2014 and 2020.", cohort_short="Post-MI patients 2014-2020",
             datasets=["hes_apc", "deaths"], letter_date=D(2024, 1, 22), app_date=D(2023, 8, 14),
             rec_start=D(2014, 1, 1), rec_end=D(2020, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2014, 1, 1), D(2024, 3, 31)), ds("deaths", D(2014, 1, 1), D(2024, 3, 31))]
    b = out / "u09-cardiac-rehab"
    cag_letter(b / "CAG final outcome 23-CAG-0140.pdf", s, style=2)
    s251_application(b / "CAG application.docx", s, version="1.2", vdate=D(2023, 8, 14))
    rec_letter(b / "REC FO 23-YH-0102.pdf", s, D(2023, 7, 3), committee="Yorkshire & The Humber - Sheffield "
               "Research Ethics Committee")
    privacy_notice(b / "CR-SY privacy notice.pdf", s, ndoo=False, version="1.0", vdate=D(2024, 2, 5))
    r = request(s, as_of)
    ids = ["nhs_number", "date_of_birth", "postcode"]
    r["identifiers"] = ids
    r["flows"] = std_flows(s, ids=ids)
    y = dspt_year(as_of)
    r["organisations"] = [org(s["org"], year=y), org("Sheffield Teaching Hospitals NHS Foundation Trust", year=y)]
    r["minimisation"]["statement"] = ("NHS number, date of birth and postcode are sent to NHS England for "
                                      "linkage; postcode improves the match rate for records with a missing NHS "
                                      "number. HES is limited to 2014 onwards.")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["S251-004", "PN-002", "PN-004"], "documents": {
        "CAG final outcome 23-CAG-0140.pdf": K("cag_approval", None, D(2024, 1, 22), ["23/CAG/0140"]),
        "CAG application.docx": K("s251_application", "1.2", D(2023, 8, 14)),
        "REC FO 23-YH-0102.pdf": K("rec_approval", None, D(2023, 7, 3)),
        "CR-SY privacy notice.pdf": K("privacy_notice", "1.0", D(2024, 2, 5))}}


@bundle
def u10(out: Path):
    """S251-006 (support lapsed), S251-007 (protocol v3.0 reviewed by CAG not supplied), PUR-003 (no ethics)."""
    as_of = D(2024, 5, 20)
    s = base(title="Outcomes of children born to mothers with epilepsy (EPIMUM)", acronym="EPIMUM",
             org="University of Liverpool", ci="Professor Janet Kowalczyk", ci_role="Professor of Neurology",
             addr="Brownlow Hill, Liverpool L69 7ZX", cag="21/CAG/0166", iras="290455", rec="21/NW/0133",
             nic="DARS-NIC-466302-L2F8V", ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="describe hospital admissions in the first ten years of life among children born to mothers with "
                 "epilepsy, and how they differ by the anti-seizure medicine taken in pregnancy",
             cohort_text="The cohort consists of 3,900 mother and child pairs from the UK Epilepsy and Pregnancy "
                         "Register.", cohort_short="Mother-child pairs from the Epilepsy and Pregnancy Register",
             datasets=["hes_apc", "hes_op"], letter_date=D(2023, 3, 8), app_date=D(2021, 9, 6),
             rec_start=D(2004, 1, 1), rec_end=D(2016, 12, 31))
    s["reviewed_docs"] = [("Protocol", "3.0", "01/02/2021"), ("Privacy notice", "1.1", "15/01/2022")]
    s["req_datasets"] = [ds("hes_apc", D(2004, 1, 1), D(2023, 3, 31)), ds("hes_op", D(2004, 1, 1), D(2023, 3, 31))]
    b = out / "u10-epilepsy-pregnancy"
    cag_letter(b / "CAG letter March 2023.pdf", s, style=1)
    s251_application(b / "CAG application form.docx", s, version="1.0", vdate=D(2021, 9, 6))
    protocol(b / "EPIMUM protocol v2.0.docx", s, "2.0", D(2020, 6, 10))
    privacy_notice(b / "EPIMUM privacy notice v1.1.pdf", s, version="1.1", vdate=D(2022, 1, 15), style=1)
    r = request(s, as_of)
    r["research"]["rec_reference"] = None
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["S251-006", "S251-007", "PUR-003"], "documents": {
        "CAG letter March 2023.pdf": K("cag_approval", None, D(2023, 3, 8), ["21/CAG/0166"]),
        "CAG application form.docx": K("s251_application", "1.0", D(2021, 9, 6)),
        "EPIMUM protocol v2.0.docx": K("protocol", "2.0", D(2020, 6, 10)),
        "EPIMUM privacy notice v1.1.pdf": K("privacy_notice", "1.1", D(2022, 1, 15))}}


@bundle
def u11(out: Path):
    """S251-001 (no application), S251-003 (dissemination of NHS number unsupported), DATA-001 (IAPT)."""
    as_of = D(2025, 4, 14)
    s = base(title="Long-term hospital use among adults referred to specialist pain management services",
             acronym="PAIN-LINK", org="University of Bath", ci="Dr Fiona Carraway", ci_role="Reader in Health "
             "Psychology", addr="Claverton Down, Bath BA2 7AY", cag="24/CAG/0112", iras="333470", rec="24/SW/0051",
             nic="DARS-NIC-781144-G5T3H", ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="describe hospital admissions, outpatient use and deaths among adults referred to specialist pain "
                 "management services with chronic primary pain",
             cohort_text="The cohort comprises 8,700 adults referred to two pain management services in the South "
                         "West between 2012 and 2022.", cohort_short="Adults referred for chronic pain, 2012-2022",
             datasets=["hes_apc", "hes_op", "deaths"], letter_date=D(2024, 11, 25), rec_start=D(2012, 1, 1),
             rec_end=D(2022, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2012, 1, 1), D(2024, 3, 31)), ds("hes_op", D(2012, 1, 1), D(2024, 3, 31)),
                         ds("deaths", D(2012, 1, 1), D(2024, 12, 31)), ds("iapt", D(2012, 4, 1), D(2024, 3, 31))]
    b = out / "u11-chronic-pain"
    cag_letter(b / "HRA CAG outcome.pdf", s, style=0)
    rec_letter(b / "ethics.pdf", s, D(2024, 6, 20), committee="South West - Frenchay Research Ethics Committee")
    privacy_notice(b / "PAIN-LINK privacy notice.docx", s, fmt="docx", version="2.1", vdate=D(2025, 1, 6), style=2)
    r = request(s, as_of)
    s2 = dict(s, datasets=["hes_apc", "hes_op", "deaths", "iapt"])
    r["flows"] = std_flows(s2, disseminate_ids=["nhs_number"])
    r["minimisation"]["statement"] = ("Identifiers are limited to those needed for linkage. NHS number is returned "
                                      "with the linked records so that the team can join them to pain clinic "
                                      "letters held at the university.")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["S251-001", "S251-003", "DATA-001"], "documents": {
        "HRA CAG outcome.pdf": K("cag_approval", None, D(2024, 11, 25), ["24/CAG/0112"]),
        "ethics.pdf": K("rec_approval", None, D(2024, 6, 20)),
        "PAIN-LINK privacy notice.docx": K("privacy_notice", "2.1", D(2025, 1, 6))}}


@bundle
def u12(out: Path):
    """S251-002 (application cites another reference), S251-005 (purpose drift), S251-008 (Trust co-controller)."""
    as_of = D(2024, 8, 5)
    s = base(title="Recurrent stroke and secondary prevention among stroke survivors in Nottinghamshire",
             acronym="RESTORE", org="Nottingham Trent University", ci="Dr Elena Marchetti", ci_role="Associate "
             "Professor of Public Health", addr="50 Shakespeare Street, Nottingham NG1 4FQ", cag="19/CAG/0201",
             iras="262810", rec="19/EM/0233", nic="DARS-NIC-330871-R4W1N", ids_link=["nhs_number", "date_of_birth"],
             ids_analysis=["sex"],
             aim="measure the rate of recurrent stroke, and its relation to secondary prevention medicines, among "
                 "stroke survivors discharged from hospital",
             cohort_text="Stroke survivors discharged from the two acute stroke units in Nottinghamshire between 2013 "
                         "and 2018 (about 6,000 people).", cohort_short="Stroke survivors 2013-2018",
             datasets=["hes_apc", "deaths"], letter_date=D(2024, 2, 12), app_date=D(2023, 10, 30),
             controllers_letter=["Nottingham Trent University", "Nottinghamshire Healthcare NHS Foundation Trust"],
             rec_start=D(2013, 1, 1), rec_end=D(2018, 12, 31))
    s["review_text"] = "Your first annual review will be due on 12 February 2025."
    s["req_datasets"] = [ds("hes_apc", D(2013, 1, 1), D(2024, 3, 31)), ds("deaths", D(2013, 1, 1), D(2024, 3, 31))]
    b = out / "u12-stroke-recurrence"
    cag_letter(b / "CAG outcome letter.pdf", s, style=0)
    s251_application(b / "CAG application (amended).pdf", s, fmt="pdf", version="2.0", vdate=D(2023, 10, 30),
                     cag_ref="19/CAG/0210")
    rec_letter(b / "REC favourable opinion.pdf", s, D(2019, 9, 9), committee="East Midlands - Nottingham 2 "
               "Research Ethics Committee")
    privacy_notice(b / "RESTORE privacy notice.pdf", s, version="3.0", vdate=D(2024, 3, 18), style=1)
    r = request(s, as_of)
    r["purpose"] = ("To estimate the incidence of dementia, and of admissions for dementia, among adults with type 2 "
                    "diabetes treated in primary care in Nottinghamshire, and whether it differs by glucose-lowering "
                    "treatment.")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["S251-002", "S251-005", "S251-008"], "documents": {
        "CAG outcome letter.pdf": K("cag_approval", None, D(2024, 2, 12), ["19/CAG/0201"]),
        "CAG application (amended).pdf": K("s251_application", "2.0", D(2023, 10, 30), ["19/CAG/0210"]),
        "REC favourable opinion.pdf": K("rec_approval", None, D(2019, 9, 9)),
        "RESTORE privacy notice.pdf": K("privacy_notice", "3.0", D(2024, 3, 18))}}


@bundle
def u13(out: Path):
    """S251-009 (scope names NHS Digital only), NDOO-001 (not_applied without exemption), PN-006 (no rights)."""
    as_of = D(2024, 10, 1)
    s = base(title="Hospital admissions and mortality in adults with learning disabilities: a record-linkage study",
             acronym="LD-LINK", org="University of Hertfordshire", ci="Dr Samuel Oyelaran", ci_role="Principal "
             "Research Fellow", addr="College Lane, Hatfield AL10 9AB", cag="19/CAG/0187", iras="259064",
             rec="19/EE/0261", nic="DARS-NIC-294418-D3M6K", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[], body="NHS Digital", pn_body="NHS Digital",
             aim="compare avoidable hospital admissions and deaths among adults with learning disabilities with "
                 "those of the general population",
             cohort_text="The cohort is drawn from the learning disability registers of GP practices in "
                         "Hertfordshire, about 7,500 adults.", cohort_short="Adults on GP learning disability "
                         "registers", datasets=["hes_apc", "deaths"], letter_date=D(2019, 11, 5),
             app_date=D(2019, 6, 24), rec_start=D(2010, 1, 1), rec_end=D(2018, 12, 31))
    s["dspt_cond"] = ("Confirmed: The NHS Digital 2018/19 DSPT review for University of Hertfordshire was confirmed "
                      "as 'Standards Met' on the NHS Digital DSPT tracker (checked 28 October 2019).")
    s["req_datasets"] = [ds("hes_apc", D(2010, 1, 1), D(2024, 3, 31)), ds("deaths", D(2010, 1, 1), D(2024, 3, 31))]
    b = out / "u13-learning-disability"
    cag_letter(b / "CAG/outcome letter 19-CAG-0187.pdf", s, style=0)
    write_pdf(b / "CAG/annual review 2024.pdf", annual_review_blocks(s, D(2024, 4, 2), D(2025, 4, 2)),
              header="Health Research Authority\nConfidentiality Advice Team", title="Annual review")
    s251_application(b / "CAG/application 2019.docx", s, version="1.0", vdate=D(2019, 6, 24))
    rec_letter(b / "REC.pdf", s, D(2019, 8, 19), committee="East of England - Cambridge East Research Ethics "
               "Committee")
    privacy_notice(b / "LD-LINK privacy notice.pdf", s, rights=False, version="1.3", vdate=D(2023, 2, 1))
    r = request(s, as_of)
    r["national_data_opt_out"] = "not_applied"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["S251-009", "NDOO-001", "PN-006"], "documents": {
        "CAG/outcome letter 19-CAG-0187.pdf": K("cag_approval", None, D(2019, 11, 5), ["19/CAG/0187"]),
        "CAG/annual review 2024.pdf": K("cag_annual_review", None, D(2024, 4, 2), ["19/CAG/0187"]),
        "CAG/application 2019.docx": K("s251_application", "1.0", D(2019, 6, 24)),
        "REC.pdf": K("rec_approval", None, D(2019, 8, 19)),
        "LD-LINK privacy notice.pdf": K("privacy_notice", "1.3", D(2023, 2, 1))}}


@bundle
def u14(out: Path):
    """LB-002 (only an annual review letter), TER-001 (Scotland), ORG-002 (processor without locations)."""
    as_of = D(2024, 7, 1)
    s = base(title="Air pollution exposure in childhood and later respiratory admissions (BREATHE-YORKS)",
             acronym="BREATHE-YORKS", org="University of Leeds", ci="Professor Ian Marsden", ci_role="Professor of "
             "Environmental Epidemiology", addr="Woodhouse Lane, Leeds LS2 9JT", cag="22/CAG/0031", iras="305571",
             rec="21/YH/0276", nic="DARS-NIC-560044-F8Q3Z", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[],
             aim="relate residential exposure to air pollution in childhood to respiratory hospital admissions in "
                 "adolescence and early adulthood",
             cohort_text="Children born in Leeds between 2000 and 2005 and enrolled in the city's school health "
                         "survey.", datasets=["hes_apc", "hes_ae"], app_date=D(2021, 11, 22),
             rec_start=D(2000, 1, 1), rec_end=D(2005, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2000, 1, 1), D(2023, 3, 31)), ds("hes_ae", D(2007, 4, 1), D(2020, 3, 31))]
    b = out / "u14-air-pollution"
    write_pdf(b / "CAG annual review confirmation.pdf", annual_review_blocks(s, D(2024, 1, 15), D(2025, 1, 15)),
              header="Health Research Authority", title="Annual review")
    s251_application(b / "s251 application BREATHE-YORKS.docx", s, version="1.1", vdate=D(2021, 11, 22))
    rec_letter(b / "REC opinion.pdf", s, D(2021, 10, 18), committee="Yorkshire & The Humber - Leeds West Research "
               "Ethics Committee")
    privacy_notice(b / "privacy notice.pdf", s, version="2", vdate=D(2022, 6, 1))
    r = request(s, as_of)
    y = dspt_year(as_of)
    r["organisations"] = [org(s["org"], year=y, loc=["England", "Scotland"]),
                          org("Leeds Teaching Hospitals NHS Trust", roles=["processor"], year=y, loc=None)]
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["LB-002", "TER-001", "ORG-002"], "documents": {
        "CAG annual review confirmation.pdf": K("cag_annual_review", None, D(2024, 1, 15), ["22/CAG/0031"]),
        "s251 application BREATHE-YORKS.docx": K("s251_application", "1.1", D(2021, 11, 22)),
        "REC opinion.pdf": K("rec_approval", None, D(2021, 10, 18)),
        "privacy notice.pdf": K("privacy_notice", "2", D(2022, 6, 1))}}


@bundle
def u15(out: Path):
    """Consent: CON-001 (first form dated after recruitment began), CON-002 (PIS v2.1 cited, not supplied),
    DOC-004 (consultee declaration without a date)."""
    as_of = D(2024, 6, 3)
    s = base(title="Cognitive decline after delirium in older hospital patients (DELIRIUM-FU)",
             acronym="DELIRIUM-FU", org="University College London", ci="Dr Ruth Agbaje", ci_role="Clinical "
             "Associate Professor", addr="Gower Street, London WC1E 6BT", iras="196338", rec="15/LO/1894",
             nic="DARS-NIC-209117-S6C4J", datasets=["hes_apc", "deaths"], body="NHS Digital",
             aim="find out whether an episode of delirium in hospital speeds up memory decline in older people",
             cohort_text="People aged 70 and over admitted to three London hospitals.",
             rec_start=D(2016, 1, 1), rec_end=D(2019, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2014, 1, 1), D(2023, 3, 31)), ds("deaths", D(2016, 1, 1), D(2023, 12, 31))]
    b = out / "u15-delirium"
    pis(b / "PIS/DELIRIUM-FU PIS v1.0.docx", s, "1.0", D(2016, 4, 12))
    pis(b / "PIS/DELIRIUM-FU PIS v2.0.docx", s, "2.0", D(2018, 2, 1), style=2)
    consent_form(b / "consent/ICF v1.0.docx", s, "1.0", D(2016, 5, 1), "1.0", D(2016, 4, 12))
    consent_form(b / "consent/ICF v2.0.docx", s, "2.0", D(2018, 3, 1), "2.1", D(2018, 2, 12))
    consent_form(b / "consent/Consultee declaration form.pdf", s, "1.2", None, "2.0", D(2018, 2, 1), fmt="pdf",
                 style=1, footer="Consultee declaration form - Version 1.2")
    rec_letter(b / "REC letter 15-LO-1894.pdf", s, D(2015, 12, 14), committee="London - Queen Square Research "
               "Ethics Committee")
    privacy_notice(b / "UCL privacy notice DELIRIUM-FU.pdf", s, ndoo=False, version="2.2", vdate=D(2023, 3, 9))
    r = request(s, as_of, basis="consent")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["CON-001", "CON-002", "DOC-004"], "documents": {
        "PIS/DELIRIUM-FU PIS v1.0.docx": K("participant_information_sheet", "1.0", D(2016, 4, 12)),
        "PIS/DELIRIUM-FU PIS v2.0.docx": K("participant_information_sheet", "2.0", D(2018, 2, 1)),
        "consent/ICF v1.0.docx": K("consent_form", "1.0", D(2016, 5, 1)),
        "consent/ICF v2.0.docx": K("consent_form", "2.0", D(2018, 3, 1)),
        "consent/Consultee declaration form.pdf": K("consent_form", "1.2", None),
        "REC letter 15-LO-1894.pdf": K("rec_approval", None, D(2015, 12, 14)),
        "UCL privacy notice DELIRIUM-FU.pdf": K("privacy_notice", "2.2", D(2023, 3, 9))}}


@bundle
def u16(out: Path):
    """Consent: CON-003 (no linkage statement), CON-004 (no contact), NDOO-002 (opt-out applied), DATA-001."""
    as_of = D(2024, 3, 18)
    s = base(title="Home blood pressure telemonitoring in chronic kidney disease: a randomised trial (TELE-CKD)",
             acronym="TELE-CKD", org="University of Southampton", ci="Professor Nadia Farouk",
             ci_role="Professor of Renal Medicine", addr="University Road, Southampton SO17 1BJ", iras="284402",
             rec="20/SC/0318", nic="DARS-NIC-612250-U3P9D", datasets=["hes_apc"], body="NHS Digital",
             aim="test whether a home blood pressure telemonitoring programme lowers blood pressure in people with "
                 "chronic kidney disease", cohort_text="Adults with stage 3 or 4 chronic kidney disease.",
             rec_start=D(2020, 11, 1), rec_end=D(2022, 10, 31))
    s["req_datasets"] = [ds("hes_apc", D(2020, 11, 1), D(2023, 10, 31))]
    b = out / "u16-tele-ckd"
    pis(b / "TELE-CKD participant information sheet.pdf", s, "3.0", D(2020, 9, 28), fmt="pdf", linkage=False,
        contact=False, footer="TELE-CKD PIS Version 3.0 28/09/2020")
    consent_form(b / "TELE-CKD consent form.docx", s, "3.0", D(2020, 9, 28), "3.0", D(2020, 9, 28),
                 linkage=False, contact=False, footer="TELE-CKD ICF Version 3.0 28/09/2020")
    rec_letter(b / "REC FO.pdf", s, D(2020, 10, 12), committee="South Central - Hampshire A Research Ethics "
               "Committee")
    privacy_notice(b / "privacy notice.docx", s, fmt="docx", ndoo=False, version="1.0", vdate=D(2023, 11, 1))
    r = request(s, as_of, basis="consent")
    r["national_data_opt_out"] = "applied"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["CON-003", "CON-004", "NDOO-002", "DATA-001"],
                    "documents": {
        "TELE-CKD participant information sheet.pdf": K("participant_information_sheet", "3.0", D(2020, 9, 28)),
        "TELE-CKD consent form.docx": K("consent_form", "3.0", D(2020, 9, 28)),
        "REC FO.pdf": K("rec_approval", None, D(2020, 10, 12)),
        "privacy notice.docx": K("privacy_notice", "1.0", D(2023, 11, 1))}}


@bundle
def u17(out: Path):
    """Consent: LB-003 (no consent form), DOC-005 (two information sheets v2.0 with different dates),
    DOC-007 (privacy notice dated after the as-of date)."""
    as_of = D(2024, 11, 30)
    s = base(title="Gestational diabetes and the long-term health of mothers (GDM-LONG)", acronym="GDM-LONG",
             org="University of Warwick", ci="Dr Meera Sethi", ci_role="Associate Professor of Obstetric Medicine",
             addr="Gibbet Hill Road, Coventry CV4 7AL", iras="270118", rec="20/WM/0059",
             nic="DARS-NIC-690354-A8H2Y", datasets=["hes_apc", "nda"], body="NHS Digital",
             aim="follow women who had gestational diabetes to see how many develop type 2 diabetes and need "
                 "hospital care", cohort_text="Women diagnosed with gestational diabetes in Coventry and Warwickshire.",
             rec_start=D(2020, 4, 1), rec_end=D(2022, 3, 31))
    s["req_datasets"] = [ds("hes_apc", D(2020, 4, 1), D(2024, 3, 31)), ds("nda", D(2020, 4, 1), D(2024, 3, 31))]
    b = out / "u17-gdm-long"
    pis(b / "GDM-LONG PIS (full) v2.0.docx", s, "2.0", D(2020, 3, 3), footer="Participant Information Sheet v2.0 "
        "03/03/2020")
    pis(b / "GDM-LONG summary leaflet v2.0.pdf", s, "2.0", D(2020, 8, 17), fmt="pdf", style=1,
        footer="Summary leaflet - Version 2.0 - 17th August 2020")
    rec_letter(b / "REC approval 20-WM-0059.pdf", s, D(2020, 2, 24), committee="West Midlands - Solihull Research "
               "Ethics Committee")
    privacy_notice(b / "Privacy notice (Warwick).pdf", s, ndoo=False, version="3.0", vdate=D(2025, 1, 15), style=1,
                   )
    r = request(s, as_of, basis="consent")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["LB-003", "DOC-005", "DOC-007"], "documents": {
        "GDM-LONG PIS (full) v2.0.docx": K("participant_information_sheet", "2.0", D(2020, 3, 3)),
        "GDM-LONG summary leaflet v2.0.pdf": K("participant_information_sheet", "2.0", D(2020, 8, 17)),
        "REC approval 20-WM-0059.pdf": K("rec_approval", None, D(2020, 2, 24)),
        "Privacy notice (Warwick).pdf": K("privacy_notice", "3.0", D(2025, 1, 15))}}


@bundle
def u18(out: Path):
    """REQ-001 (recruitment end 31 September), PN-003 (no NHS England source), PN-005 (no lawful basis)."""
    as_of = D(2025, 5, 6)
    s = base(title="Sudden cardiac death in young athletes screened in England (SCD-SCREEN)", acronym="SCD-SCREEN",
             org="St George's, University of London", ci="Professor Daniel Okonkwo", ci_role="Professor of Sports "
             "Cardiology", addr="Cranmer Terrace, London SW17 0RE", cag="24/CAG/0150", iras="338802",
             rec="24/LO/0412", nic="DARS-NIC-795560-E2N7B", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[],
             aim="determine the incidence and causes of sudden cardiac death among young athletes who underwent "
                 "cardiac screening", cohort_text="About 42,000 athletes aged 14 to 35 screened between 2008 and "
                 "2021.", cohort_short="Screened young athletes 2008-2021", datasets=["deaths", "hes_apc"],
             letter_date=D(2025, 1, 27), app_date=D(2024, 9, 9), rec_start=D(2008, 1, 1), rec_end=D(2021, 9, 30))
    s["req_datasets"] = [ds("deaths", D(2008, 1, 1), D(2024, 12, 31)), ds("hes_apc", D(2008, 1, 1), D(2024, 3, 31))]
    b = out / "u18-cardiac-screening"
    cag_letter(b / "CAG final outcome.pdf", s, style=1)
    s251_application(b / "CAG application.pdf", s, fmt="pdf", version="1.0", vdate=D(2024, 9, 9))
    rec_letter(b / "REC 24-LO-0412.pdf", s, D(2024, 8, 5), committee="London - Bloomsbury Research Ethics "
               "Committee")
    privacy_notice(b / "SCD-SCREEN privacy notice.docx", s, fmt="docx", nhs_source=False, lawful=False,
                   version="1.0", vdate=D(2025, 2, 3))
    r = request(s, as_of)
    r["cohort"]["recruitment_end"] = "2021-09-31"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["REQ-001", "PN-003", "PN-005"], "documents": {
        "CAG final outcome.pdf": K("cag_approval", None, D(2025, 1, 27), ["24/CAG/0150"]),
        "CAG application.pdf": K("s251_application", "1.0", D(2024, 9, 9)),
        "REC 24-LO-0412.pdf": K("rec_approval", None, D(2024, 8, 5)),
        "SCD-SCREEN privacy notice.docx": K("privacy_notice", "1.0", D(2025, 2, 3))}}


@bundle
def u19(out: Path):
    """LB-001 (identifiers with not_confidential), PN-001 (no privacy notice), PUR-002 (insurance pricing)."""
    as_of = D(2024, 12, 9)
    s = base(title="Hospital use after elective orthopaedic surgery among privately insured adults",
             acronym="ORTHO-PMI", org="Brightwater Health Insurance Ltd", ci="Mr Julian Fairbrother",
             ci_role="Head of Clinical Analytics", addr="1 Canal Wharf, Reading RG1 3BT",
             nic="DARS-NIC-760012-N1V5X", ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="measure NHS hospital readmissions after elective hip and knee replacement among members of a "
                 "private medical insurance scheme", cohort_text="Members who had an elective joint replacement "
                 "funded by the scheme between 2016 and 2022.", datasets=["hes_apc"],
             rec_start=D(2016, 1, 1), rec_end=D(2022, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2016, 1, 1), D(2024, 3, 31))]
    b = out / "u19-private-insurance"
    protocol(b / "ORTHO-PMI analysis protocol.docx", s, "0.9", D(2024, 10, 1), contact=False)
    r = request(s, as_of, basis="not_confidential")
    del r["research"]
    r["purpose_category"] = "other"
    r["commercial"] = True
    r["purpose"] = ("To measure NHS hospital readmissions after elective hip and knee replacement among members of "
                    "our private medical insurance scheme, and to use the results to set premiums and inform the "
                    "pricing of our orthopaedic insurance products.")
    r["public_benefit"] = ("Findings on readmission after joint replacement will be shared with the NHS trusts that "
                           "treat our members and published.")
    r["commercial_purpose"] = ("The analysis supports the insurer's product design and premium setting for "
                               "orthopaedic cover.")
    r["legal_basis"]["gdpr_article_6"] = "6(1)(f)"
    r["legal_basis"]["gdpr_article_9"] = "9(2)(h)"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["LB-001", "PN-001", "PUR-002"], "documents": {
        "ORTHO-PMI analysis protocol.docx": K("protocol", "0.9", D(2024, 10, 1))}}


@bundle
def u20(out: Path):
    """TER-002 and TER-003 (processor in India, worldwide, no TRA), ORG-004 (institute not a legal entity)."""
    as_of = D(2024, 11, 11)
    s = base(title="Born in Bradford: childhood asthma and hospital care (BiB-ASTHMA)", acronym="BiB-ASTHMA",
             org="Bradford Institute for Health Research", ci="Dr Zainab Hussain", ci_role="Senior Research Fellow",
             addr="Bradford Royal Infirmary, Duckworth Lane, Bradford BD9 6RJ", cag="23/CAG/0201", iras="321905",
             rec="23/YH/0219", nic="DARS-NIC-712240-M4C8L", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[],
             aim="examine how early-life factors relate to hospital admission for asthma among children in the "
                 "Born in Bradford cohort", cohort_text="Children of the Born in Bradford birth cohort, born 2007-"
                 "2011.", cohort_short="Born in Bradford children", datasets=["hes_apc", "hes_ae", "ecds"],
             letter_date=D(2024, 2, 26), app_date=D(2023, 11, 6), rec_start=D(2007, 3, 1), rec_end=D(2011, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2007, 3, 1), D(2024, 3, 31)), ds("hes_ae", D(2007, 3, 1), D(2020, 3, 31)),
                         ds("ecds", D(2020, 4, 1), D(2024, 3, 31))]
    b = out / "u20-bib-asthma"
    cag_letter(b / "CAG outcome BiB-ASTHMA.pdf", s, style=0)
    s251_application(b / "CAG application BiB-ASTHMA.docx", s, version="1.0", vdate=D(2023, 11, 6))
    rec_letter(b / "REC letter.pdf", s, D(2023, 10, 2), committee="Yorkshire & The Humber - Bradford Leeds Research "
               "Ethics Committee")
    privacy_notice(b / "BiB privacy notice.pdf", s, version="6.1", vdate=D(2024, 4, 8), style=2)
    r = request(s, as_of)
    y = dspt_year(as_of)
    r["organisations"] = [
        org(s["org"], year=y),
        org("Meridian Analytics Private Limited", roles=["processor"], loc=["India"], dspt=None,
            security={"iso27001": {"certificate": "IN-ISMS-40871", "expires": D(2026, 8, 31),
                                   "scope": "Statistical programming services"}})]
    r["territory_of_use"] = "worldwide"
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["TER-002", "TER-003", "ORG-004"], "documents": {
        "CAG outcome BiB-ASTHMA.pdf": K("cag_approval", None, D(2024, 2, 26), ["23/CAG/0201"]),
        "CAG application BiB-ASTHMA.docx": K("s251_application", "1.0", D(2023, 11, 6)),
        "REC letter.pdf": K("rec_approval", None, D(2023, 10, 2)),
        "BiB privacy notice.pdf": K("privacy_notice", "6.1", D(2024, 4, 8))}}


# ---------------------------------------------------------------------------------------------
# Planted: second-edition families (REG, MIN, SEC, HON, ACC, ORG-003/004, PUR-006/007, SUB-003, DOC-009)
# ---------------------------------------------------------------------------------------------
REG = "cag-register-research.xlsx"


@bundle
def u21(out: Path):
    """REG-002 (register review date passed), REG-003 (postcode not on register), REG-006 (Trust on register)."""
    as_of = D(2025, 4, 22)
    s = base(title="Outcomes of pelvic floor surgery for stress urinary incontinence in women (PELVIC-OUT)",
             acronym="PELVIC-OUT", org="University of Exeter", ci="Dr Lorna Trevithick", ci_role="Senior Lecturer "
             "in Women's Health", addr="Stocker Road, Exeter EX4 4PY", cag="22/CAG/0088", iras="301127",
             rec="22/SW/0031", nic="DARS-NIC-588120-Y6J3F", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[],
             aim="compare reoperation and readmission after mesh and non-mesh surgery for stress urinary "
                 "incontinence in women", cohort_text="Women who had surgery for stress urinary incontinence in "
                 "the South West between 2010 and 2019.", cohort_short="Women with SUI surgery 2010-2019",
             datasets=["hes_apc", "hes_op"], letter_date=D(2024, 5, 13), app_date=D(2022, 1, 17),
             rec_start=D(2010, 1, 1), rec_end=D(2019, 12, 31))
    s["review_text"] = "The next annual review is due by 13 May 2025."
    s["req_datasets"] = [ds("hes_apc", D(2010, 1, 1), D(2024, 3, 31)), ds("hes_op", D(2010, 1, 1), D(2024, 3, 31))]
    b = out / "u21-pelvic-floor"
    cag_letter(b / "CAG letter 13 May 2024.pdf", s, style=1)
    s251_application(b / "CAG application 22-CAG-0088.docx", s, version="2.1", vdate=D(2022, 1, 17))
    rec_letter(b / "REC.pdf", s, D(2021, 12, 6), committee="South West - Cornwall & Plymouth Research Ethics "
               "Committee")
    privacy_notice(b / "PELVIC-OUT privacy notice.pdf", s, version="2.0", vdate=D(2024, 6, 3))
    write_request(b / "request.yaml", request(s, as_of))
    REGISTER_ROWS.append(["22/CAG/0088", s["title"],
                          "University of Exeter\nRoyal Devon University Healthcare NHS Foundation Trust",
                          "NHS number; date of birth", "14/03/2025", "Applied", ""])
    return b.name, {"as_of": as_of.isoformat(), "register": REG, "expect": ["REG-002", "REG-003", "REG-006"],
                    "documents": {
        "CAG letter 13 May 2024.pdf": K("cag_approval", None, D(2024, 5, 13), ["22/CAG/0088"]),
        "CAG application 22-CAG-0088.docx": K("s251_application", "2.1", D(2022, 1, 17)),
        "REC.pdf": K("rec_approval", None, D(2021, 12, 6)),
        "PELVIC-OUT privacy notice.pdf": K("privacy_notice", "2.0", D(2024, 6, 3))}}


@bundle
def u22(out: Path):
    """REG-004 (letter's opt-out exemption not on register), HON-003 (honorary access from Canada),
    ACC-001 (extract without a reason the SDE cannot serve)."""
    as_of = D(2025, 3, 3)
    s = base(title="Sepsis survivors: readmission and death in the year after critical care (SEPSIS-AFTER)",
             acronym="SEPSIS-AFTER", org="University of Bristol", ci="Professor Tom Harcourt", ci_role="Professor "
             "of Intensive Care Medicine", addr="Senate House, Tyndall Avenue, Bristol BS8 1TH", cag="23/CAG/0044",
             iras="316620", rec="22/SC/0410", nic="DARS-NIC-671903-V2K8R", ids_link=["nhs_number", "date_of_birth",
             "sex"], ids_analysis=[], ndoo="exempt",
             aim="describe readmission and death in the year after discharge from critical care among adult survivors "
                 "of sepsis", cohort_text="Adults treated for sepsis in 21 intensive care units in England "
                 "between 2015 and 2022, identified from the units' clinical information systems.",
             cohort_short="Adult ICU sepsis survivors 2015-2022", datasets=["hes_apc", "hes_cc", "deaths"],
             letter_date=D(2024, 4, 8), app_date=D(2023, 1, 9), rec_start=D(2015, 1, 1), rec_end=D(2022, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2015, 1, 1), D(2024, 3, 31)), ds("hes_cc", D(2015, 1, 1), D(2024, 3, 31)),
                         ds("deaths", D(2015, 1, 1), D(2024, 6, 30))]
    b = out / "u22-sepsis-survivors"
    cag_letter(b / "CAG/final outcome 23-CAG-0044.pdf", s, style=0)
    s251_application(b / "CAG/application.pdf", s, fmt="pdf", version="1.3", vdate=D(2023, 1, 9))
    rec_letter(b / "REC/22-SC-0410.pdf", s, D(2022, 12, 19), committee="South Central - Oxford C Research Ethics "
               "Committee")
    privacy_notice(b / "SEPSIS-AFTER privacy notice.docx", s, fmt="docx", version="1.1", vdate=D(2024, 5, 20),
                   ndoo="The study has support under section 251 of the NHS Act 2006. The Confidentiality Advisory "
                        "Group agreed that the national data opt-out does not apply to this study, because "
                        "excluding people would bias the results; instead you can opt out of this study alone by "
                        "contacting the study team.")
    r = request(s, as_of)
    r["national_data_opt_out"] = "not_applied"
    r["access"] = {"route": "extract", "sde_unsuitable_reason": ""}
    r["honorary_contracts"] = {"used": True, "holders": [
        {"employer": "University of Toronto", "host": "University of Bristol",
         "access_locations": ["England", "Canada"]}]}
    write_request(b / "request.yaml", r)
    REGISTER_ROWS.append(["23/CAG/0044", s["title"], "University of Bristol",
                          "NHS number, date of birth, sex", D(2025, 4, 8), None,
                          "Annual review due April 2025."])
    return b.name, {"as_of": as_of.isoformat(), "register": REG, "expect": ["REG-004", "HON-003", "ACC-001"],
                    "documents": {
        "CAG/final outcome 23-CAG-0044.pdf": K("cag_approval", None, D(2024, 4, 8), ["23/CAG/0044"]),
        "CAG/application.pdf": K("s251_application", "1.3", D(2023, 1, 9)),
        "REC/22-SC-0410.pdf": K("rec_approval", None, D(2022, 12, 19)),
        "SEPSIS-AFTER privacy notice.docx": K("privacy_notice", "1.1", D(2024, 5, 20))}}


@bundle
def u23(out: Path):
    """REG-005 + NDOO-001 (register records an exemption no letter states), PUR-007 (commercial partner funds
    the analysis), ORG-001 (no DSFC)."""
    as_of = D(2024, 9, 30)
    s = base(title="Heart failure hospitalisation after transcatheter aortic valve implantation (TAVI-HF)",
             acronym="TAVI-HF", org="University of Oxford", ci="Professor Rebecca Lindqvist", ci_role="Professor of "
             "Cardiovascular Medicine", addr="John Radcliffe Hospital, Headley Way, Oxford OX3 9DU",
             cag="23/CAG/0019", iras="313377", rec="22/SC/0377", nic="DARS-NIC-655731-W1D4T",
             ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[], ndoo="silent",
             aim="measure heart failure hospitalisation and death after transcatheter aortic valve implantation",
             cohort_text="Patients who had TAVI at NHS centres in England between 2012 and 2021, from the national "
                         "audit.", cohort_short="TAVI patients 2012-2021", datasets=["hes_apc", "deaths"],
             letter_date=D(2024, 1, 29), app_date=D(2022, 11, 14), rec_start=D(2012, 1, 1), rec_end=D(2021, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2012, 1, 1), D(2024, 3, 31)), ds("deaths", D(2012, 1, 1), D(2024, 3, 31))]
    b = out / "u23-tavi"
    cag_letter(b / "23-CAG-0019 outcome.pdf", s, style=2)
    s251_application(b / "23-CAG-0019 application.docx", s, version="1.0", vdate=D(2022, 11, 14))
    rec_letter(b / "REC opinion.pdf", s, D(2022, 10, 24), committee="South Central - Berkshire Research Ethics "
               "Committee")
    protocol(b / "TAVI-HF protocol v4.docx", s, "4.0", D(2023, 6, 19), contact=False,
             extra=["Halden Therapeutics Ltd, our commercial partner, is funding the data analysis in exchange for "
                    "early sight of the aggregate findings, which it will use to plan the development of its heart "
                    "failure medicine."])
    privacy_notice(b / "TAVI-HF privacy notice.pdf", s, version="1.0", vdate=D(2024, 2, 12), style=1)
    r = request(s, as_of)
    r["national_data_opt_out"] = "not_applied"
    r["organisations"][0]["dsfc"] = False
    write_request(b / "request.yaml", r)
    REGISTER_ROWS.append(["23/CAG/0019", s["title"], "University of Oxford", "NHS number, date of birth, postcode",
                          D(2025, 1, 29), "Exempt", "National data opt-out: exempt (see outcome letter)."])
    return b.name, {"as_of": as_of.isoformat(), "register": REG,
                    "expect": ["REG-005", "NDOO-001", "PUR-007", "ORG-001"], "documents": {
        "23-CAG-0019 outcome.pdf": K("cag_approval", None, D(2024, 1, 29), ["23/CAG/0019"]),
        "23-CAG-0019 application.docx": K("s251_application", "1.0", D(2022, 11, 14)),
        "REC opinion.pdf": K("rec_approval", None, D(2022, 10, 24)),
        "TAVI-HF protocol v4.docx": K("protocol", "4.0", D(2023, 6, 19)),
        "TAVI-HF privacy notice.pdf": K("privacy_notice", "1.0", D(2024, 2, 12))}}


@bundle
def u24(out: Path):
    """REG-001 (new support not yet on the register), MIN-001 (no minimisation), PUR-004 (no funding)."""
    as_of = D(2025, 1, 27)
    s = base(title="Long COVID and subsequent hospital use in healthcare workers (LC-HCW)", acronym="LC-HCW",
             org="University of Sussex", ci="Dr Beatrice Ndlovu", ci_role="Lecturer in Occupational Health",
             addr="Falmer, Brighton BN1 9RH", cag="24/CAG/0177", iras="340086", rec="24/LO/0623",
             nic="DARS-NIC-803377-H5S1Q", ids_link=["nhs_number", "date_of_birth"], ids_analysis=["sex"],
             aim="compare hospital use among healthcare workers with and without long COVID",
             cohort_text="Healthcare workers who took part in a staff survey at four Sussex trusts in 2021.",
             cohort_short="Healthcare worker survey respondents, 2021", datasets=["hes_apc", "hes_op"],
             letter_date=D(2024, 12, 9), app_date=D(2024, 8, 5), rec_start=D(2021, 3, 1), rec_end=D(2021, 9, 30))
    s["req_datasets"] = [ds("hes_apc", D(2019, 4, 1), D(2024, 3, 31)), ds("hes_op", D(2019, 4, 1), D(2024, 3, 31))]
    b = out / "u24-long-covid-hcw"
    cag_letter(b / "CAG outcome Dec 2024.pdf", s, style=0)
    s251_application(b / "CAG application form.docx", s, version="1.0", vdate=D(2024, 8, 5))
    rec_letter(b / "REC letter.pdf", s, D(2024, 7, 15), committee="London - Hampstead Research Ethics Committee")
    privacy_notice(b / "LC-HCW privacy notice.pdf", s, version="1.0", vdate=D(2024, 12, 16))
    r = request(s, as_of)
    r["research"]["funding"] = None
    del r["minimisation"]
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "register": REG, "expect": ["REG-001", "MIN-001", "PUR-004"],
                    "documents": {
        "CAG outcome Dec 2024.pdf": K("cag_approval", None, D(2024, 12, 9), ["24/CAG/0177"]),
        "CAG application form.docx": K("s251_application", "1.0", D(2024, 8, 5)),
        "REC letter.pdf": K("rec_approval", None, D(2024, 7, 15)),
        "LC-HCW privacy notice.pdf": K("privacy_notice", "1.0", D(2024, 12, 16))}}


@bundle
def u25(out: Path):
    """MIN-002 (sex requested, no flow), MIN-003 (postcode received, not used to link), MIN-005 (dob in fields)."""
    as_of = D(2024, 10, 14)
    s = base(title="Falls in care home residents: hospital admissions and mortality (CARE-FALLS)",
             acronym="CARE-FALLS", org="University of East Anglia", ci="Dr Gareth Pomfret", ci_role="Senior Lecturer "
             "in Ageing", addr="Norwich Research Park, Norwich NR4 7TJ", cag="23/CAG/0172", iras="322140",
             rec="23/EE/0150", nic="DARS-NIC-721850-K9P4W", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=["sex"],
             aim="estimate hospital admissions and deaths after a fall among care home residents in Norfolk",
             cohort_text="Residents of 60 Norfolk care homes between 2016 and 2022.",
             cohort_short="Care home residents, Norfolk", datasets=["hes_apc", "deaths"],
             letter_date=D(2024, 3, 25), app_date=D(2023, 10, 16), rec_start=D(2016, 1, 1), rec_end=D(2022, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2016, 1, 1), D(2024, 3, 31),
                            fields=["admidate", "diag_4_01", "opertn_4_01", "dob"]),
                         ds("deaths", D(2016, 1, 1), D(2024, 3, 31))]
    b = out / "u25-care-home-falls"
    cag_letter(b / "CAG outcome 23-CAG-0172.pdf", s, style=1)
    s251_application(b / "s251 application.docx", s, version="2.0", vdate=D(2023, 10, 16))
    rec_letter(b / "REC 23-EE-0150.pdf", s, D(2023, 9, 4), committee="East of England - Essex Research Ethics "
               "Committee")
    privacy_notice(b / "privacy notice CARE-FALLS.pdf", s, version="1.0", vdate=D(2024, 4, 15), style=2)
    r = request(s, as_of)
    r["identifiers"] = ["nhs_number", "date_of_birth", "postcode", "sex"]
    r["flows"] = std_flows(s, ids=["nhs_number", "date_of_birth", "postcode"],
                           link_ids=["nhs_number", "date_of_birth"])
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["MIN-002", "MIN-003", "MIN-005"], "documents": {
        "CAG outcome 23-CAG-0172.pdf": K("cag_approval", None, D(2024, 3, 25), ["23/CAG/0172"]),
        "s251 application.docx": K("s251_application", "2.0", D(2023, 10, 16)),
        "REC 23-EE-0150.pdf": K("rec_approval", None, D(2023, 9, 4)),
        "privacy notice CARE-FALLS.pdf": K("privacy_notice", "1.0", D(2024, 4, 15))}}


@bundle
def u26(out: Path):
    """MIN-006 (future drops beyond the support end), MIN-004 (HES OP without fields), SUB-003 (sub-licensing
    justification without why-not-direct)."""
    as_of = D(2024, 11, 18)
    s = base(title="National registry of adults with cystic fibrosis: linked hospital outcomes (CF-LINK)",
             acronym="CF-LINK", org="University of Dundee", ci="Professor Alasdair Reid", ci_role="Professor of "
             "Respiratory Medicine", addr="Nethergate, Dundee DD1 4HN", cag="22/CAG/0120", iras="307731",
             rec="22/ES/0021", nic="DARS-NIC-594006-T3Z9M", ids_link=["nhs_number", "date_of_birth", "postcode"],
             ids_analysis=[],
             aim="describe hospital admissions, outpatient care and survival among adults with cystic fibrosis in "
                 "England", cohort_text="Adults in England with cystic fibrosis recorded in the registry.",
             cohort_short="Adults with cystic fibrosis", datasets=["hes_apc", "hes_op", "deaths"],
             letter_date=D(2024, 2, 5), app_date=D(2022, 5, 9), support_until=D(2026, 3, 31),
             rec_start=D(2000, 1, 1), rec_end=D(2023, 12, 31))
    s["req_datasets"] = [ds("hes_apc", D(2005, 4, 1), release="future_drops"),
                         ds("hes_op", D(2005, 4, 1), D(2024, 3, 31), fields=None),
                         ds("deaths", D(2005, 1, 1), D(2025, 12, 31))]
    b = out / "u26-cystic-fibrosis"
    cag_letter(b / "CAG outcome letter (Feb 2024).pdf", s, style=0)
    s251_application(b / "CAG application.docx", s, version="1.4", vdate=D(2022, 5, 9), end_date=D(2026, 3, 31))
    rec_letter(b / "REC FO letter.pdf", s, D(2022, 4, 11), committee="Scotland A Research Ethics Committee")
    privacy_notice(b / "CF-LINK privacy notice.pdf", s, version="3.1", vdate=D(2024, 3, 11))
    r = request(s, as_of)
    r["territory_of_use"] = "uk"
    r["organisations"][0]["processing_locations"] = ["Scotland"]
    r["sublicensing"] = {"planned": True,
                         "justification": "The curated registry extract, cleaned and enriched with derived outcome "
                                          "variables and linked to the registry's own clinical data, will be made "
                                          "available to approved researchers through the registry's data access "
                                          "committee.",
                         "why_not_direct": None, "value_added": None}
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["MIN-006", "MIN-004", "SUB-003"], "documents": {
        "CAG outcome letter (Feb 2024).pdf": K("cag_approval", None, D(2024, 2, 5), ["22/CAG/0120"]),
        "CAG application.docx": K("s251_application", "1.4", D(2022, 5, 9)),
        "REC FO letter.pdf": K("rec_approval", None, D(2022, 4, 11)),
        "CF-LINK privacy notice.pdf": K("privacy_notice", "3.1", D(2024, 3, 11))}}


@bundle
def u27(out: Path):
    """Consent: MIN-007 (HES from before joining), HON-002 (honorary contracts in the protocol),
    DOC-009 (a cohort file in the bundle)."""
    as_of = D(2024, 7, 22)
    s = base(title="Young onset type 2 diabetes: complications in the first decade (YOUNG-T2D)", acronym="YOUNG-T2D",
             org="University of Leeds", ci="Dr Hamid Qureshi", ci_role="Associate Professor of Diabetes",
             addr="Clarendon Way, Leeds LS2 9NL", iras="170342", rec="14/YH/1206", nic="DARS-NIC-233019-B4L7G",
             datasets=["hes_apc", "deaths"], body="the Health and Social Care Information Centre (HSCIC)",
             aim="describe hospital admissions for complications among people diagnosed with type 2 diabetes "
                 "before the age of 40", cohort_text="People diagnosed with type 2 diabetes before 40.",
             rec_start=D(2015, 1, 1), rec_end=D(2016, 12, 31))
    period_cf = "from the date I join the study and for up to 10 years after I join"
    period_pis = "from the date you join the study and for up to 10 years after you join"
    s["req_datasets"] = [ds("hes_apc", D(2010, 4, 1), D(2024, 3, 31)), ds("deaths", D(2015, 1, 1), D(2024, 3, 31))]
    b = out / "u27-young-t2d"
    consent_form(b / "YOUNG-T2D consent form v1.1.pdf", s, "1.1", D(2014, 11, 20), "1.1", D(2014, 11, 20),
                 fmt="pdf", period=period_cf)
    pis(b / "YOUNG-T2D PIS v1.1.pdf", s, "1.1", D(2014, 11, 20), fmt="pdf", period=period_pis, style=2)
    rec_letter(b / "REC letter 14-YH-1206.pdf", s, D(2014, 12, 8), committee="Yorkshire & The Humber - South "
               "Yorkshire Research Ethics Committee")
    protocol(b / "protocol v5.0.docx", s, "5.0", D(2023, 5, 15),
             extra=["Two NHS information analysts employed by Leeds Teaching Hospitals NHS Trust will access and "
                    "analyse the pseudonymised linked data in the university's secure environment under honorary "
                    "contracts with the University of Leeds."])
    privacy_notice(b / "privacy notice.pdf", s, ndoo=False, version="2.0", vdate=D(2023, 6, 1))
    rows = ["UNIQUE REFERENCE,STATUS,NHS NUMBER,DATE OF BIRTH,POSTCODE,FAMILY NAME,GIVEN NAME"]
    for i in range(12):
        rows.append(f"YT2D-{1001 + i},add,999 {100 + i * 7:03d} {2000 + i * 13:04d},"
                    f"{1976 + i % 9}-{1 + i % 12:02d}-{3 + i:02d},LS{1 + i % 17} {i % 9}AB,SURNAME{i},GIVEN{i}")
    write_text(b / "cohort_upload_draft.csv", "\n".join(rows) + "\n")
    r = request(s, as_of, basis="consent")
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["MIN-007", "HON-002", "DOC-009"], "documents": {
        "YOUNG-T2D consent form v1.1.pdf": K("consent_form", "1.1", D(2014, 11, 20)),
        "YOUNG-T2D PIS v1.1.pdf": K("participant_information_sheet", "1.1", D(2014, 11, 20)),
        "REC letter 14-YH-1206.pdf": K("rec_approval", None, D(2014, 12, 8)),
        "protocol v5.0.docx": K("protocol", "5.0", D(2023, 5, 15)),
        "privacy notice.pdf": K("privacy_notice", "2.0", D(2023, 6, 1))}}


@bundle
def u28(out: Path):
    """SEC-001 (processor Standards Not Met), SEC-003 (letter says Standards Met, request approaching),
    SEC-005 (AWS storage without an AWS processor)."""
    as_of = D(2024, 8, 19)
    s = base(title="Dental general anaesthesia in childhood and later hospital use in Wales and England (DENT-GA)",
             acronym="DENT-GA", org="Cardiff University", ci="Dr Rhian Pryce", ci_role="Reader in Paediatric "
             "Dentistry", addr="Heath Park, Cardiff CF14 4XY", cag="23/CAG/0095", iras="317788", rec="23/WA/0066",
             nic="DARS-NIC-698841-C7F1V", ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="examine hospital admissions in later childhood among children who had teeth extracted under "
                 "general anaesthesia", cohort_text="Children treated under dental general anaesthesia between 2010 "
                 "and 2018.", cohort_short="Children with dental GA 2010-2018", datasets=["hes_apc"],
             letter_date=D(2023, 11, 13), app_date=D(2023, 5, 22), rec_start=D(2010, 1, 1), rec_end=D(2018, 12, 31))
    s["dspt_cond"] = dspt_cond("Cardiff University", D(2024, 1, 1), D(2023, 11, 2))
    s["req_datasets"] = [ds("hes_apc", D(2010, 1, 1), D(2024, 3, 31))]
    b = out / "u28-dental-ga"
    cag_letter(b / "CAG outcome letter.pdf", s, style=2)
    s251_application(b / "CAG application.pdf", s, fmt="pdf", version="1.1", vdate=D(2023, 5, 22))
    rec_letter(b / "REC.pdf", s, D(2023, 4, 17), committee="Wales REC 3")
    privacy_notice(b / "DENT-GA privacy notice.docx", s, fmt="docx", version="1.0", vdate=D(2023, 12, 4))
    r = request(s, as_of)
    r["organisations"] = [
        org("Cardiff University", loc=["Wales"], dspt="approaching_standards", year="2023-24", plan=True,
            storage=[{"provider": "Amazon Web Services", "region": "eu-west-2"}]),
        org("Penarth Data Services Ltd", roles=["processor"], loc=["Wales"], dspt="standards_not_met",
            year="2023-24")]
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["SEC-001", "SEC-003", "SEC-005"], "documents": {
        "CAG outcome letter.pdf": K("cag_approval", None, D(2023, 11, 13), ["23/CAG/0095"]),
        "CAG application.pdf": K("s251_application", "1.1", D(2023, 5, 22)),
        "REC.pdf": K("rec_approval", None, D(2023, 4, 17)),
        "DENT-GA privacy notice.docx": K("privacy_notice", "1.0", D(2023, 12, 4))}}


@bundle
def u29(out: Path):
    """SEC-002 (processor with no assurance; its DSPT is only pending), SEC-004 (Azure West Europe outside the
    UK), HON-001 (honorary contract host not in the request)."""
    as_of = D(2025, 2, 24)
    s = base(title="Self-harm presentations to emergency departments among university students (STUDENT-SH)",
             acronym="STUDENT-SH", org="University of Kent", ci="Dr Imogen Hale", ci_role="Senior Lecturer in "
             "Mental Health", addr="Canterbury CT2 7NZ", cag="24/CAG/0040", iras="329905", rec="24/LO/0102",
             nic="DARS-NIC-744512-Q8M2D", ids_link=["nhs_number", "date_of_birth", "postcode"], ids_analysis=[],
             aim="describe emergency department attendances and admissions for self-harm among university students",
             cohort_text="Students registered at three Kent universities between 2016 and 2022.",
             cohort_short="University students 2016-2022", datasets=["ecds", "hes_apc"],
             letter_date=D(2024, 6, 10), app_date=D(2024, 1, 15), rec_start=D(2016, 9, 1), rec_end=D(2022, 7, 31))
    s["extra_conditions"] = ["Confirmation of the 2024/25 DSPT for Kestrel Analytics Ltd is pending; data must not "
                             "be released to the processor until the NHS England DSPT team has confirmed it."]
    s["req_datasets"] = [ds("ecds", D(2017, 4, 1), D(2024, 3, 31)), ds("hes_apc", D(2016, 9, 1), D(2024, 3, 31))]
    b = out / "u29-student-self-harm"
    cag_letter(b / "CAG outcome.pdf", s, style=1)
    s251_application(b / "CAG application v2.docx", s, version="2", vdate=D(2024, 1, 15))
    rec_letter(b / "REC FO.pdf", s, D(2023, 12, 11), committee="London - Stanmore Research Ethics Committee")
    privacy_notice(b / "STUDENT-SH privacy notice.pdf", s, version="1.2", vdate=D(2024, 7, 1), style=2)
    r = request(s, as_of)
    r["territory_of_use"] = "uk"
    y = dspt_year(as_of)
    r["organisations"] = [
        org("University of Kent", year=y),
        org("Kestrel Analytics Ltd", roles=["processor"], dspt=None,
            storage=[{"provider": "Microsoft Azure", "region": "westeurope"}]),
        org("Microsoft Limited", roles=["processor"], year=y)]
    r["honorary_contracts"] = {"used": True, "holders": [
        {"employer": "Kent and Medway NHS and Social Care Partnership Trust",
         "host": "Canterbury Christ Church University", "access_locations": ["England"]}]}
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["SEC-002", "SEC-004", "HON-001"], "documents": {
        "CAG outcome.pdf": K("cag_approval", None, D(2024, 6, 10), ["24/CAG/0040"]),
        "CAG application v2.docx": K("s251_application", "2", D(2024, 1, 15)),
        "REC FO.pdf": K("rec_approval", None, D(2023, 12, 11)),
        "STUDENT-SH privacy notice.pdf": K("privacy_notice", "1.2", D(2024, 7, 1))}}


@bundle
def u30(out: Path):
    """ORG-003 (a department as controller), PUR-001 + PUR-006 (commercial without benefit or purpose),
    ACC-002 (SDE route with an extract to the applicant)."""
    as_of = D(2025, 6, 2)
    org_name = "Department of Population Health Sciences, University of Leicester"
    s = base(title="Real-world effectiveness of a digital weight management programme (DIGI-WEIGHT)",
             acronym="DIGI-WEIGHT", org=org_name, ci="Professor Kamala Iyer", ci_role="Professor of Diabetes "
             "Prevention", addr="George Davies Centre, Lancaster Road, Leicester LE1 7HA", cag="24/CAG/0133",
             iras="336071", rec="24/EM/0188", nic="DARS-NIC-792215-R6H3N", ids_link=["nhs_number", "date_of_birth"],
             ids_analysis=[],
             aim="evaluate whether a digital weight management programme reduces progression to type 2 diabetes and "
                 "related hospital admissions among adults with non-diabetic hyperglycaemia",
             cohort_text="Adults referred to the programme by GP practices between 2019 and 2023.",
             cohort_short="Programme referrals 2019-2023", datasets=["nda", "hes_apc"],
             letter_date=D(2024, 10, 21), app_date=D(2024, 6, 3), rec_start=D(2019, 1, 1), rec_end=D(2023, 12, 31))
    s["req_datasets"] = [ds("nda", D(2019, 1, 1), D(2024, 3, 31)), ds("hes_apc", D(2019, 1, 1), D(2024, 3, 31))]
    b = out / "u30-digital-weight"
    cag_letter(b / "CAG final outcome.pdf", s, style=0)
    s251_application(b / "s251 application.pdf", s, fmt="pdf", version="1.0", vdate=D(2024, 6, 3))
    rec_letter(b / "REC.pdf", s, D(2024, 5, 13), committee="East Midlands - Leicester Central Research Ethics "
               "Committee")
    privacy_notice(b / "DIGI-WEIGHT privacy notice.pdf", s, version="1.0", vdate=D(2024, 11, 4))
    r = request(s, as_of)
    r["commercial"] = True
    r["public_benefit"] = None
    r["access"] = {"route": "sde", "sde_unsuitable_reason": None}
    write_request(b / "request.yaml", r)
    return b.name, {"as_of": as_of.isoformat(), "expect": ["ORG-003", "PUR-001", "PUR-006", "ACC-002"],
                    "documents": {
        "CAG final outcome.pdf": K("cag_approval", None, D(2024, 10, 21), ["24/CAG/0133"]),
        "s251 application.pdf": K("s251_application", "1.0", D(2024, 6, 3)),
        "REC.pdf": K("rec_approval", None, D(2024, 5, 13)),
        "DIGI-WEIGHT privacy notice.pdf": K("privacy_notice", "1.0", D(2024, 11, 4))}}


# ---------------------------------------------------------------------------------------------
# The CAG register (reference data beside keys.json) and the corpus
# ---------------------------------------------------------------------------------------------
def write_register(path: Path) -> None:
    fillers = [
        ["20/CAG/0067 (previously 16/CAG/0056)", "National audit of hip fracture care: linkage to mortality",
         "Royal College of Physicians", "NHS number, date of birth, postcode", D(2025, 9, 30), "Applied", ""],
        ["21/CAG/0002", "Cancer survival among people experiencing homelessness", "University of Glasgow",
         "NHS number; name; date of birth", D(2025, 2, 11), "Exempt",
         "CAG advised that the national data opt-out does not apply to this activity."],
        ["ECC 3-04(f)/2012", "Congenital anomaly register for England and Wales", "Public Health England",
         "Name, address, NHS number, date of birth", D(2024, 12, 1), None, "Transferred to NHS England."],
        ["22/CAG/0155", "Follow-up of participants in a trial of statins in older adults",
         "London School of Hygiene & Tropical Medicine", "NHS number, date of birth, sex", "annual review in "
         "progress", "Applied", ""],
        ["23/CAG/0101", "Outcomes of paediatric cardiac surgery", "University College London",
         "NHS number, date of birth, postcode, date of death", D(2025, 8, 14), "Applied", ""],
    ]
    header = ["CAG Reference Number", "Application Title", "Applicant Organisation",
              "Identifiers approved", "Next Review Date", "National Data Opt-Out Status", "Notes"]
    rows = [["Register of approved applications - research"], ["Last updated: 6 January 2025"], [],
            header] + fillers[:3] + REGISTER_ROWS + fillers[3:]
    index = [["Confidentiality Advisory Group - registers of approved applications"],
             ["This workbook lists applications approved by the HRA and the Secretary of State."],
             ["Sheet", "Contents"], ["Research", "Research applications (HRA decisions)"]]
    write_xlsx(path, [("Index", index), ("Research", rows)])


def main(argv: list[str]) -> int:
    import shutil
    if len(argv) != 2:
        print("usage: python build.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    keys = {}
    REGISTER_ROWS.clear()
    for fn in BUNDLES:
        name, key = fn(out)
        keys[name] = key
    write_register(out / REG)
    (out / "keys.json").write_text(json.dumps(keys, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(keys)} bundles written to {out}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
