#!/usr/bin/env python3
"""Build the unseen_e evaluation corpus for dars-evidence: `python build.py OUTDIR`.

Writes one folder per evidence bundle (request.yaml plus PDF, DOCX, XLSX and EML documents), the CAG register
extract the REG checks are run against (cag_register_research_2025.xlsx, beside keys.json) and keys.json in the
format of shared/eval/score.py. Deterministic: no randomness, fixed document metadata. Run it with an
interpreter that has reportlab, python-docx, openpyxl and PyYAML (e.g. /work/main/.venv/bin/python).
See README.md for each bundle's planted codes, near misses and the reasoning.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

import yaml

from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)


def long_date(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def ord_date(d: dt.date) -> str:
    n = d.day
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf} {d:%B %Y}"


def slash(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_pdf(path: Path, blocks, header: str = "", footer: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["BodyText"], fontSize=9.5, leading=12.5, spaceAfter=5)
    head = ParagraphStyle("head", parent=ss["Heading3"], fontSize=11, spaceBefore=6, spaceAfter=3)
    bold = ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold")
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    story = []
    for kind, val in blocks:
        if kind == "h":
            story.append(Paragraph(_esc(val), head))
        elif kind == "p":
            story.append(Paragraph(_esc(val), body))
        elif kind == "b":
            story.append(Paragraph(_esc(val), bold))
        elif kind in ("list", "bullets"):
            items = [ListItem(Paragraph(_esc(t), body)) for t in val]
            story.append(ListFlowable(items, bulletType="1" if kind == "list" else "bullet", start="1" if kind == "list" else None,
                                      leftIndent=14))
        elif kind == "table":
            data = [[Paragraph(_esc(str(c)), cell) for c in row] for row in val]
            ncol = max(len(r) for r in val)
            t = Table(data, colWidths=[170 * mm / ncol] * ncol, repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
            story.append(Spacer(1, 6))
        elif kind == "space":
            story.append(Spacer(1, 8))

    def deco(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        if header:
            for i, line in enumerate(header.split("\n")):
                canvas.drawString(20 * mm, A4[1] - 12 * mm - i * 9, line)
        if footer:
            canvas.drawString(20 * mm, 10 * mm, f"{footer}    Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=28 * mm, bottomMargin=20 * mm, invariant=1,
                            title="", author="", creator="", producer="")
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


def write_docx(path: Path, blocks, header: str = "", footer: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    d = Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = ""
    d.core_properties.last_modified_by = ""
    st = d.styles["Normal"]
    st.font.size = Pt(10)
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header.split("\n")[0]
        for line in header.split("\n")[1:]:
            sec.header.add_paragraph(line)
    if footer:
        sec.footer.paragraphs[0].text = footer
    for kind, val in blocks:
        if kind == "h":
            d.add_heading(val, level=2)
        elif kind == "p":
            d.add_paragraph(val)
        elif kind == "b":
            d.add_paragraph().add_run(val).bold = True
        elif kind == "list":
            for t in val:
                d.add_paragraph(t, style="List Number")
        elif kind == "bullets":
            for t in val:
                d.add_paragraph(t, style="List Bullet")
        elif kind == "table":
            ncol = max(len(r) for r in val)
            t = d.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            for row in val:
                cells = t.add_row().cells
                for i, c in enumerate(row):
                    cells[i].text = str(c)
            d.add_paragraph("")
        elif kind == "space":
            d.add_paragraph("")
    d.save(str(path))
    normalize_zip(path)


def normalize_zip(path: Path) -> None:
    """Rewrite a DOCX/XLSX archive with fixed timestamps and a fixed core.xml date, so builds are byte-identical."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_doc(path: Path, blocks, header: str = "", footer: str = "") -> None:
    if path.suffix == ".pdf":
        write_pdf(path, blocks, header, footer)
    else:
        write_docx(path, blocks, header, footer)


def write_xlsx(path: Path, sheets: dict) -> None:
    """sheets: {name: [rows]}; cells may be str, int or datetime.date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = 28
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "dars-evidence unseen_e"
    wb.save(str(path))
    normalize_zip(path)


def write_eml(path: Path, sender: str, to: str, subject: str, when: dt.datetime, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(when.replace(tzinfo=dt.timezone.utc))
    m["Message-ID"] = f"<{abs(hash(subject)) % 10**8}@hra.nhs.uk>".replace(str(abs(hash(subject)) % 10**8), "cat-" + when.strftime("%Y%m%d%H%M"))
    m.set_content(body)
    path.write_bytes(bytes(m))

# ---------------------------------------------------------------- document generators

D = dt.date

HRA_HEAD = ("Health Research Authority  |  Confidentiality Advice Team\n"
            "2 Redman Place, Stratford, London E20 1JQ  |  cat@hra.nhs.uk  |  www.hra.nhs.uk")


def cag_letter(v: int, *, ref, date, to, org_addr, title, applicant, purpose, cohort, sources, ids_link,
               ids_analysis, flow_text, optout, conditions, review=None, support_end=None, docs=(),
               iras=None, rec=None, extra=()):
    """An outcome letter from the Confidentiality Advice Team. v selects the house style."""
    b = []
    if v == 0:
        b += [("p", long_date(date)), ("p", f"{to}\n{applicant}\n{org_addr}"), ("p", f"Dear {to.split()[0]} {to.split()[-1]},"),
              ("table", [["Application title:", title], ["CAG reference:", ref]]
                        + ([["IRAS project ID:", iras]] if iras else []) + ([["REC reference:", rec]] if rec else [])),
              ("p", "Thank you for your research application, submitted for approval under Regulation 5 of the Health "
                    "Service (Control of Patient Information) Regulations 2002 to process confidential patient "
                    "information without consent. Supported applications allow the controller(s) to provide specified "
                    "information to the applicant for the purposes of the relevant activity, without being in breach of "
                    "the common law duty of confidentiality, although other relevant legislative provisions will still "
                    "apply."),
              ("h", "Health Research Authority decision"),
              ("p", "The Health Research Authority, having considered the advice from the Confidentiality Advisory Group "
                    "(CAG) as set out below, has determined that the application is fully supported, subject to "
                    "compliance with the standard and specific conditions of support."),
              ("h", "Context"), ("b", "Purpose of application"),
              ("p", f"This application from {applicant} set out the purpose of medical research which aims to {purpose}"),
              ("p", flow_text),
              ("table", [["Cohort", cohort], ["Data sources", "\n".join(sources)],
                         ["Identifiers required for linkage purposes", "\n".join(ids_link)],
                         ["Identifiers required for analysis purposes", "\n".join(ids_analysis) or "None"]]),
              ("h", "Confidentiality Advisory Group advice"),
              ("p", "The Group agreed that the application has a medical purpose and is in the public interest. Members "
                    "accepted that seeking consent from a cohort of this size, many of whom will have died or moved away, "
                    "was not a practicable alternative, and that the identifiers requested were the minimum needed to "
                    "achieve an accurate match."),
              ("b", "Patient notification and objection"), ("p", optout)]
        b += list(extra)
        b += [("h", "Specific conditions of support"), ("list", conditions)]
        if support_end:
            b += [("p", support_end)]
        if review:
            b += [("p", f"Please note that this support is subject to an annual review. Your first annual review is due on "
                        f"{long_date(review)}.")]
        if docs:
            b += [("h", "Reviewed documents"), ("p", "The documents reviewed at the meeting were:"),
                  ("table", [["Document", "Version", "Date"], *docs])]
        b += [("p", "Yours sincerely,"), ("p", "Confidentiality Advisor\nOn behalf of the Health Research Authority"),
              ("p", "Enclosures: Standard conditions of support")]
    else:
        b += [("p", f"Our ref: {ref}"), ("p", ord_date(date)), ("p", f"{to}\n{applicant}\n{org_addr}"),
              ("p", f"Dear {to},"), ("b", f"Re: {title}"),
              ("p", f"Further to the Confidentiality Advisory Group meeting, I am writing to confirm the final outcome of "
                    f"the above application (CAG reference {ref}) made under section 251 of the NHS Act 2006 and the "
                    f"Health Service (Control of Patient Information) Regulations 2002."),
              ("p", "I am pleased to confirm that the application is now fully supported by the Health Research "
                    "Authority, on the advice of the CAG."),
              ("h", "Summary of the application"),
              ("p", f"The applicant, {applicant}, set out the purpose of medical research that seeks to {purpose} "
                    f"The cohort is {cohort}"),
              ("p", flow_text),
              ("p", "Data will be obtained from: " + "; ".join(sources) + "."),
              ("p", "The following items of confidential patient information are required: for linkage, "
                    + ", ".join(ids_link) + "; for analysis, " + (", ".join(ids_analysis) or "none") + "."),
              ("p", optout)]
        b += list(extra)
        b += [("h", "Conditions of support"), ("p", "Support is given subject to the following specific conditions:"),
              ("list", conditions)]
        if support_end:
            b += [("p", support_end)]
        if review:
            b += [("p", f"Annual review: please submit your annual review by {long_date(review)}, using the form on the "
                        f"HRA website.")]
        if docs:
            b += [("p", "Documents considered by the Group:"), ("table", [["Document", "Version", "Date"], *docs])]
        b += [("p", "With best wishes,"), ("p", "Approvals Administrator, Confidentiality Advice Team")]
    return b


def annual_review_letter(*, ref, date, to, applicant, title, next_review):
    return [("p", long_date(date)), ("p", f"{to}\n{applicant}"), ("p", f"Dear {to},"),
            ("b", f"{ref}  {title}"),
            ("p", "Thank you for submitting an annual review report for the above application. I can confirm that the "
                  "report has been reviewed on behalf of the Confidentiality Advisory Group and that the application "
                  "continues to be supported under Regulation 5 of the Health Service (Control of Patient Information) "
                  "Regulations 2002."),
            ("p", f"The next annual review is due by {long_date(next_review)}."),
            ("p", "Kind regards,"), ("p", "Confidentiality Advice Team")]


def s251_application(v: int, *, ref, title, applicant, contact, purpose, steps, ids_text, datasets_text, end_text,
                     optout_text, consent_text, extra=()):
    b = [("h", "Application for support under section 251 of the NHS Act 2006"),
         ("p", "Confidentiality Advisory Group (CAG) application form - non-IRAS route" if v else
               "IRAS Form: Confidentiality Advisory Group (CAG) application - research")]
    rows = [["Question", "Response"], ["Title of the activity", title], ["Applicant organisation", applicant],
            ["Lead applicant", contact]]
    if ref:
        rows.append(["CAG reference (if allocated)", ref])
    b += [("table", rows),
          ("h", "1. Summary of the purpose"), ("p", purpose),
          ("h", "2. Describe the flows of confidential patient information"),
          ("p", "The numbered steps below describe every movement of identifiable data in this activity."),
          ("list", steps),
          ("h", "3. Which items of confidential patient information are required, and why?"), ("p", ids_text),
          ("h", "4. Data sources"), ("p", datasets_text),
          ("h", "5. Why is it not practicable to seek consent?"), ("p", consent_text),
          ("h", "6. Patient notification and the national data opt-out"), ("p", optout_text),
          ("h", "7. Duration"), ("p", end_text)]
    b += list(extra)
    return b


def privacy_notice(v: int, *, title, controllers, purpose, source_text, basis_text, optout_text, rights_text,
                   contact, extra=()):
    ctl = " and ".join(controllers)
    if v == 0:
        b = [("h", f"Privacy notice: {title}"),
             ("p", f"This notice explains how {ctl} use information about you in this study, and what your rights "
                   f"are. {controllers[0]} is the data controller" + (" jointly with the others named above." if len(controllers) > 1 else ".")),
             ("h", "Why we use your information"), ("p", purpose),
             ("h", "Where the information comes from"), ("p", source_text),
             ("h", "Our lawful basis"), ("p", basis_text)]
    else:
        b = [("h", "Transparency notice"), ("b", title),
             ("h", "Who is responsible for the information?"),
             ("p", f"{ctl} {'are' if len(controllers) > 1 else 'is'} responsible for looking after your information "
                   f"and using it properly (the data controller)."),
             ("h", "What information do we hold and where does it come from?"), ("p", source_text),
             ("h", "What are we doing with it?"), ("p", purpose),
             ("h", "What allows us to do this?"), ("p", basis_text)]
    if optout_text:
        b += [("h", "If you do not want your information used"), ("p", optout_text)]
    b += list(extra)
    if rights_text:
        b += [("h", "Your rights"), ("p", rights_text)]
    b += [("h", "Contact us"), ("p", contact)]
    return b


def rec_letter(*, rec, iras, date, committee, to, title, docs):
    return [("p", f"{committee} Research Ethics Committee"), ("p", long_date(date)), ("p", to),
            ("p", f"Dear {to.split(',')[0]},"),
            ("table", [["Study title:", title], ["REC reference:", rec], ["IRAS project ID:", iras]]),
            ("p", "Thank you for your application. The Research Ethics Committee reviewed the above application at its "
                  "meeting. The members of the Committee taking part in the review gave an ethical opinion."),
            ("h", "Ethical opinion"),
            ("p", "On behalf of the Committee, I am pleased to confirm a favourable ethical opinion for the above research "
                  "on the basis described in the application form, protocol and supporting documentation, subject to "
                  "the conditions specified below."),
            ("h", "Approved documents"), ("table", [["Document", "Version", "Date"], *docs]),
            ("p", f"{rec}   Please quote this number on all correspondence."),
            ("p", "With the Committee's best wishes for the success of this project."), ("p", "Chair")]


def consent_form(*, title, iras, pis_ref, items, version, date, sponsor):
    b = [("p", sponsor), ("h", "CONSENT FORM"), ("b", f"Title of project: {title}"), ("p", f"IRAS ID: {iras}"),
         ("p", "Participant identification number: ________        Please initial box"),
         ("table", [["", "Statement", "Initials"]] + [[str(i + 1), t, ""] for i, t in
                    enumerate([f"I confirm that I have read the information sheet {pis_ref} for the above study. I have had "
                               f"the opportunity to consider the information, ask questions and have had these answered "
                               f"satisfactorily.",
                               "I understand that my participation is voluntary and that I am free to withdraw at any "
                               "time without giving any reason, without my medical care or legal rights being affected.",
                               *items, "I agree to take part in the above study."])]),
         ("p", "Name of participant ____________  Date ________  Signature ____________"),
         ("p", "Name of person taking consent ____________  Date ________  Signature ____________")]
    return b


def pis(*, title, sections):
    b = [("h", "Participant Information Sheet"), ("b", title),
         ("p", "We would like to invite you to take part in our research study. Before you decide, we would like you to "
               "understand why the research is being done and what it would involve for you. Please take time to read "
               "this information carefully; talk to others about the study if you wish.")]
    for h, p in sections:
        b += [("h", h), ("p", p)]
    return b


def protocol(*, title, version, date, sponsor, sections):
    b = [("h", title), ("p", "STUDY PROTOCOL"),
         ("table", [["Protocol version", version], ["Date", long_date(date)], ["Sponsor", sponsor]])]
    for h, body in sections:
        b.append(("h", h))
        for item in body:
            b.append(item if isinstance(item, tuple) else ("p", item))
    return b

# ---------------------------------------------------------------- vocabulary and bundle scaffolding

DS = {"hes_apc": "Hospital Episode Statistics Admitted Patient Care (HES APC)",
      "hes_op": "HES Outpatients (HES OP)",
      "hes_ae": "HES Accident and Emergency (HES A&E)",
      "ecds": "Emergency Care Data Set (ECDS)",
      "deaths": "Civil Registration - Deaths",
      "cancer_registration": "National Cancer Registration Dataset",
      "mhsds": "Mental Health Services Data Set (MHSDS)",
      "iapt": "NHS Talking Therapies (IAPT)",
      "nda": "National Diabetes Audit (NDA)",
      "msds": "Maternity Services Data Set (MSDS)",
      "demographics": "Personal Demographics Service (PDS)"}
FIELDS = {"hes_apc": ["admidate", "disdate", "epistart", "diag_4_01", "opertn_4_01", "mydob", "sex", "postdist"],
          "hes_op": ["apptdate", "tretspef", "attended", "mydob"],
          "hes_ae": ["arrivaldate", "diag_01", "aedepttype"],
          "ecds": ["arrival_date", "chief_complaint", "discharge_destination"],
          "deaths": ["reg_date_of_death", "s_underlying_cod_icd10", "s_cod_code_1"],
          "cancer_registration": ["diagnosisdatebest", "site_icd10_o2", "stage_best", "morph_icd10_o2"],
          "mhsds": ["referral_request_received_date", "primary_reason_for_referral", "service_type"],
          "iapt": ["referral_date", "phq9_first", "gad7_first", "ending_reason"],
          "nda": ["audit_year", "hba1c_value", "bmi_value"],
          "msds": ["booking_date", "gestation_at_booking", "delivery_method"],
          "demographics": ["date_of_death", "gp_practice"]}
IDS = {"nhs_number": "NHS number", "date_of_birth": "date of birth", "postcode": "postcode", "sex": "sex",
       "name": "full name", "address": "address", "gp_practice": "GP practice code", "date_of_death": "date of death",
       "hospital_number": "hospital number"}


def ids_words(ids):
    w = [IDS[i] for i in ids]
    return w[0] if len(w) == 1 else ", ".join(w[:-1]) + " and " + w[-1]


def ds_words(ds):
    w = [DS[i] for i in ds]
    return w[0] if len(w) == 1 else ", ".join(w[:-1]) + " and " + w[-1]


def org(name, roles=("controller",), *, dspt=("standards_met", "2024-25"), code=None, iso=None, slsp=None,
        locations=("England",), storage=None, registration=None, dsfc=True):
    o = {"name": name, "roles": list(roles)}
    if "controller" in roles:
        o["dsfc"] = dsfc
    o["processing_locations"] = list(locations)
    if registration:
        o["registration"] = registration
    sec = {}
    if dspt:
        sec["dspt"] = {"org_code": code, "status": dspt[0], "year": dspt[1]} if code else {"status": dspt[0], "year": dspt[1]}
        if len(dspt) > 2:
            sec["dspt"]["improvement_plan_agreed"] = dspt[2]
    if iso:
        sec["iso27001"] = iso
    if slsp is not None:
        sec["slsp_agreed"] = slsp
    if sec:
        o["security"] = sec
    if storage:
        o["storage"] = storage
    return o


def std_flows(controller, ids, link_ids, datasets, diss_ids=()):
    return [{"action": "receive", "counterparty": controller, "identifiers": list(ids)},
            {"action": "link", "datasets": list(datasets), "identifiers": list(link_ids)},
            {"action": "disseminate", "counterparty": controller, "identifiers": list(diss_ids)}]


def datasets_block(spec):
    """spec: list of (id, start, end or None, release or None, fields or default)."""
    out = []
    for item in spec:
        ds_id, start, end, rel = item[:4]
        fields = item[4] if len(item) > 4 else FIELDS[ds_id]
        d = {"id": ds_id, "start": start}
        if end:
            d["end"] = end
        if fields is not None:
            d["fields"] = list(fields)
        if rel:
            d["release"] = rel
        out.append(d)
    return out


def key_doc(kind, version=None, date=None, cag=None):
    k = {"kind": kind, "version": version, "date": date.isoformat() if date else None}
    if cag is not None:
        k["cag"] = list(cag)
    return k


class B:
    """One bundle under construction."""

    def __init__(self, name, as_of, expect=(), allow=(), register=False):
        self.name, self.as_of = name, as_of
        self.expect, self.allow = list(expect), list(allow)
        self.register = register
        self.request = None
        self.docs = []       # (relpath, writer, args)
        self.keys = {}

    def doc(self, rel, blocks, header="", footer="", key=None):
        self.docs.append((rel, "doc", (blocks, header, footer)))
        if key:
            self.keys[rel] = key

    def xlsx(self, rel, sheets, key=None):
        self.docs.append((rel, "xlsx", (sheets,)))
        if key:
            self.keys[rel] = key

    def eml(self, rel, args, key=None):
        self.docs.append((rel, "eml", args))
        if key:
            self.keys[rel] = key

    def build(self, out: Path):
        root = out / self.name
        root.mkdir(parents=True, exist_ok=True)
        (root / "request.yaml").write_text(yaml.safe_dump(_plain(self.request), sort_keys=False, allow_unicode=True, width=100))
        for rel, how, args in self.docs:
            p = root / rel
            if how == "doc":
                write_doc(p, *args)
            elif how == "xlsx":
                write_xlsx(p, *args)
            else:
                write_eml(p, *args)
        k = {"as_of": self.as_of.isoformat(), "expect": sorted(self.expect)}
        if self.allow:
            k["allow"] = sorted(self.allow)
        if self.register:
            k["register"] = REGISTER_NAME
        k["documents"] = self.keys
        return k


def s251_request(b, *, ref, title, purpose, rec, funding, ids, datasets, flows, orgs, optout="applied",
                 territory="uk", access=None, minimisation=True, extra=None):
    r = {"reference": nic(b.name),
         "title": title, "submitted": b.as_of, "purpose": purpose, "purpose_category": "research",
         "commercial": False, "public_benefit": None,
         "research": {"rec_reference": rec, "funding": funding},
         "legal_basis": {"common_law": "section_251", "cag_reference": ref, "gdpr_article_6": "6(1)(e)",
                         "gdpr_article_9": "9(2)(j)"},
         "national_data_opt_out": optout, "identifiers": list(ids), "cohort": {"supplied": True},
         "datasets": datasets}
    if minimisation:
        r["minimisation"] = {"statement": minimisation if isinstance(minimisation, str) else
                             "Only the identifiers needed to trace the cohort are sent, and only for linkage; each "
                             "dataset is limited to the years of follow-up and to the fields listed, and NHS England "
                             "returns a pseudonymised extract keyed on the study identifier."}
    r["flows"] = flows
    r["organisations"] = orgs
    r["territory_of_use"] = territory
    r["access"] = access or {"route": "extract", "sde_unsuitable_reason":
                             "The linked records must be analysed together with the cohort's own clinical and "
                             "questionnaire data, which are held only in the university's trusted research environment "
                             "and cannot be loaded into NHS England's Secure Data Environment under the participants' "
                             "agreements."}
    r["sublicensing"] = {"planned": False, "justification": None}
    if extra:
        r.update(extra)
    return r


def _plain(x):
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if isinstance(x, dt.date):
        return x.isoformat()
    return x


def hash_name(s):
    h = 7
    for ch in s:
        h = (h * 31 + ord(ch)) % 10**9
    return h


def nic(name):
    h = hash_name(name)
    al = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    tail = "".join(al[(h >> (3 * i)) % len(al)] for i in range(5))
    return f"DARS-NIC-{h % 900000 + 100000}-{tail}"

# ---------------------------------------------------------------- the usual section 251 evidence set

OPTOUT_APPLIED = ("The applicant confirmed that the national data opt-out will be applied: NHS England will remove the "
                  "records of patients who have registered an opt-out before the cohort is linked. A study-specific "
                  "notice will be published on the study website and displayed in participating clinics.")


def std_steps(c):
    ids = ids_words(c["app_ids"])
    s = [f"The study team at {c['applicant']} extracts the cohort list (study identifier and {ids}) from the study "
         f"database held on the university's secure network.",
         "The list is uploaded to NHS England through the Secure Electronic File Transfer (SEFT) service; nothing is sent "
         "by e-mail.",
         f"NHS England traces the cohort and links it to {ds_words(c['app_ds'])}.",
         "NHS England removes the identifiers and returns a pseudonymised extract, keyed on the study identifier, to the "
         "study team over SEFT."]
    s += c.get("more_steps", [])
    return s


def s251_docs(b: B, c: dict):
    v = c.get("v", 0)
    ext = c.get("ext", {})
    letter_date = c["letter_date"]
    ref = c["ref"]
    flow_text = c.get("flow_text") or (
        f"{c['applicant']} will send {ids_words(c['letter_ids'])} for each member of the cohort to NHS England, which "
        f"will link the cohort to its datasets and return a pseudonymised extract; no identifiers will be returned to "
        f"the applicant. Support is therefore required for NHS England to receive confidential patient information "
        f"from the applicant and to link it with the datasets listed below.")
    docs = c.get("docs_table", [["CAG application form", c["app_version"], slash(c["app_date"])],
                                ["Research protocol", c["prot_version"], slash(c["prot_date"])]])
    letter = cag_letter(v, ref=ref, date=letter_date, to=c["contact"], org_addr=c["addr"], title=c["title"],
                        applicant=c.get("letter_applicant", c["applicant"]), purpose=c["letter_purpose"],
                        cohort=c["cohort"], sources=["NHS England: " + DS[d] for d in c["letter_ds"]],
                        ids_link=[IDS[i][:1].upper() + IDS[i][1:] for i in c["letter_ids"]],
                        ids_analysis=[IDS[i][:1].upper() + IDS[i][1:] for i in c.get("letter_ids_analysis", [])],
                        flow_text=flow_text, optout=c.get("letter_optout", OPTOUT_APPLIED),
                        conditions=c.get("conditions", [
                            f"Favourable opinion from a Research Ethics Committee. Confirmed {long_date(c['rec_date'])}.",
                            c["dspt_condition"]]),
                        review=c.get("review", None if c.get("no_review") else
                                     D(letter_date.year + 1, letter_date.month, min(letter_date.day, 28))),
                        support_end=c.get("support_end"), docs=docs, iras=c["iras"], rec=c["rec"],
                        extra=c.get("letter_extra", ()))
    b.doc(f"cag/CAG outcome letter {ref.replace('/', '-')}.{ext.get('letter', 'pdf')}", letter, header=HRA_HEAD,
          footer=f"{ref}  Final outcome", key=key_doc("cag_approval", None, letter_date, [ref]))
    app = s251_application(v, ref=c.get("app_ref", ref), title=c["title"], applicant=c["applicant"],
                           contact=c["contact"], purpose=c["app_purpose"], steps=c.get("steps") or std_steps(c),
                           ids_text=c.get("app_ids_text") or (
                               f"{ids_words(c['app_ids'])[:1].upper() + ids_words(c['app_ids'])[1:]} are needed so that NHS England can trace each "
                               f"participant accurately; no identifier is needed for the analysis itself."),
                           datasets_text=c.get("app_ds_text") or (
                               f"From NHS England: {ds_words(c['app_ds'])}. No other national dataset is requested."),
                           end_text=c["app_end"], optout_text=c.get("app_optout", "The national data opt-out will be "
                                                                     "applied by NHS England before linkage."),
                           consent_text=c.get("consent_text",
                                              "The cohort was assembled from routine records over many years; a large "
                                              "share of its members have died or moved, and contacting the survivors to "
                                              "seek consent would introduce bias and distress that the study cannot "
                                              "justify."),
                           extra=c.get("app_extra", ()))
    app_ref = c.get("app_ref", ref)
    b.doc(f"cag/s251 application form.{ext.get('app', 'docx')}", app,
          header=f"{c['short']}  |  Section 251 application",
          footer=f"CAG application form  Version {c['app_version']}  {slash(c['app_date'])}",
          key=key_doc("s251_application", c["app_version"], c["app_date"], [app_ref] if app_ref else []))
    pn = privacy_notice(c.get("pn_v", v), title=c["title"], controllers=c["pn_controllers"],
                        purpose=c["pn_purpose"],
                        source_text=c.get("pn_source") or (
                            f"We already hold your {ids_words(c['app_ids'])} from the study records. We will send these "
                            f"to NHS England, which will find your records in {ds_words(c['app_ds'])} and send them back "
                            f"to us without your identifying details."),
                        basis_text=c.get("pn_basis", "Under the UK General Data Protection Regulation we rely on Article "
                                         "6(1)(e), performance of a task carried out in the public interest, and, for "
                                         "health information, Article 9(2)(j), processing for scientific research. The "
                                         "common law duty of confidentiality is set aside by support under section 251 "
                                         "of the NHS Act 2006."),
                        optout_text=c.get("pn_optout", "This study respects the national data opt-out. If you have "
                                          "registered an opt-out, NHS England will not include your records. You can "
                                          "find out more, or change your choice, at www.nhs.uk/your-nhs-data-matters."),
                        rights_text=c.get("pn_rights", "You have the right to see the information we hold about you, to "
                                          "ask us to correct it, and to object to its use. If you are unhappy with how "
                                          "we have handled your information you can complain to the Information "
                                          "Commissioner's Office (ico.org.uk, 0303 123 1113)."),
                        contact=c.get("pn_contact", f"Data Protection Officer, {c['pn_controllers'][0]}."),
                        extra=c.get("pn_extra", ()))
    b.doc(f"{c.get('pn_name', 'privacy notice')}.{ext.get('pn', 'pdf')}", pn, header=c["short"],
          footer=f"Privacy notice version {c['pn_version']}, {long_date(c['pn_date'])}",
          key=key_doc("privacy_notice", c["pn_version"], c["pn_date"]))
    b.doc(f"ethics/REC favourable opinion.{ext.get('rec', 'pdf')}",
          rec_letter(rec=c["rec"], iras=c["iras"], date=c["rec_date"], committee=c["committee"],
                     to=f"{c['contact']}, {c['applicant']}", title=c["title"],
                     docs=c.get("rec_docs") or [["Research protocol", c["prot_version"], slash(c["prot_date"])]
                                                if c["prot_date"] <= c["rec_date"] else
                                                ["Research protocol", "1.0", slash(c["rec_date"] - dt.timedelta(days=41))],
                           ["IRAS Application Form", "", slash(c["rec_date"] - dt.timedelta(days=60))]]),
          header="Health Research Authority  |  NHS Research Ethics Committee", footer=f"REC ref {c['rec']}",
          key=key_doc("rec_approval", None, c["rec_date"]))
    if c.get("protocol", True):
        b.doc(f"protocol/{c['short']} protocol v{c['prot_version']}.{ext.get('prot', 'docx')}",
              protocol(title=c["title"], version=c["prot_version"], date=c["prot_date"], sponsor=c["sponsor"],
                       sections=c["prot_sections"]),
              header=f"{c['short']} protocol", footer=f"Protocol v{c['prot_version']} {slash(c['prot_date'])}",
              key=key_doc("protocol", c["prot_version"], c["prot_date"]))


def dspt_cond(org_name, year, status, checked):
    return (f"Confirmation provided from the DSPT Team at NHS England to the CAG that the relevant Data Security and "
            f"Protection Toolkit (DSPT) submission(s) have achieved the 'Standards Met' threshold. Confirmed: The NHS "
            f"England {year} DSPT review for {org_name} was confirmed as '{status}' on the NHS England DSPT tracker "
            f"(checked {long_date(checked)}).")

# ---------------------------------------------------------------- bundles: section 251, clean

REGISTER_NAME = "cag_register_research_2025.xlsx"
REGISTER_ROWS = []   # filled by the bundles that are checked against the register
BUNDLES = []


def bundle(fn):
    BUNDLES.append(fn)
    return fn


def prot_std(c, *, background, dm, extra_sections=()):
    """Protocol sections: background, objectives, data sources, data flow, data management."""
    return [("1. Background", background),
            ("2. Objectives", [f"The primary objective is to {c['letter_purpose'][:1].lower() + c['letter_purpose'][1:]}"]),
            ("3. Data sources", [f"Linked data will be requested from NHS England's Data Access Request Service: "
                                 f"{ds_words(c['app_ds'])}."]),
            ("4. Data flow", ["The flow of data is as follows:", ("list", c.get("steps") or std_steps(c))]),
            ("5. Data management and security", dm), *extra_sections]


@bundle
def e01():
    b = B("e01_heart_failure_readmission", D(2025, 3, 14), register=True)
    ctl = "Newcastle University"
    c = dict(v=0, ref="23/CAG/0148", iras="318842", rec="23/NE/0117", short="HF-READMIT",
             title="Readmission and survival after a first admission for heart failure in the North East: a record-linkage cohort",
             applicant=ctl, contact="Dr Helen Morrow", addr="Population Health Sciences Institute, Baddiley-Clark Building, Newcastle upon Tyne NE2 4AX",
             letter_purpose="describe readmission and survival in adults discharged after a first admission for heart failure, and how they differ by deprivation.",
             cohort="approximately 14,200 adults first admitted with heart failure to five NHS trusts in the North East between 2012 and 2022.",
             letter_ds=["hes_apc", "deaths"], app_ds=["hes_apc", "deaths"], letter_ids=["nhs_number", "date_of_birth", "postcode"],
             app_ids=["nhs_number", "date_of_birth", "postcode"],
             letter_date=D(2024, 5, 20), rec_date=D(2024, 2, 12), app_version="1.2", app_date=D(2023, 10, 2),
             prot_version="2.1", prot_date=D(2023, 9, 18), pn_version="1.1", pn_date=D(2024, 6, 3),
             app_purpose="Heart failure is among the commonest reasons for emergency admission in older adults. We want to "
                         "know how often people are readmitted, and how many die, in the year after a first admission "
                         "for heart failure, and whether this differs between the most and least deprived areas of the "
                         "North East.",
             app_end="Support is requested until 31 March 2029, the end date of the activity, after which the linked "
                     "extract will be deleted.",
             dspt_condition=dspt_cond(ctl, "2023/24", "Standards Met", D(2024, 4, 29)),
             pn_controllers=[ctl], committee="North East - Newcastle & North Tyneside 2",
             pn_purpose="We are studying what happens to people after a first hospital stay for heart failure, so that "
                        "follow-up care can be planned better.",
             sponsor="Newcastle upon Tyne Hospitals NHS Foundation Trust",
             more_steps=["NHS England will not receive names or addresses: the three items above are the only identifiers "
                         "that leave the university."])
    c["prot_sections"] = prot_std(c, background=[
        "Around 1 in 5 patients discharged after an admission for heart failure is readmitted within 30 days. Earlier "
        "work in the region used a single trust's records; this study extends it to five trusts.",
        "Research nurses at the five recruiting trusts hold letters of access issued through the research passport "
        "scheme, so that they can screen admission lists on the wards."],
        dm=["The cohort file and the pseudonymised extract are held in the Faculty of Medical Sciences' secure research "
            "server in Newcastle. Microsoft Teams is used for the study management group's meetings; no study data are "
            "stored in Teams or in any cloud service.",
            ("table", [["Organisation", "DSPT organisation code", "Status"],
                       [ctl, "EE133902", "2023/24 Standards Met"]]),
            "Identifiers are deleted by the study team once NHS England has confirmed receipt of the cohort file."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe readmission and survival after a first admission for heart failure in "
                                     "the North East of England, by deprivation.",
                             rec=c["rec"], funding="British Heart Foundation project grant PG/23/11402",
                             ids=["nhs_number", "date_of_birth", "postcode"],
                             datasets=datasets_block([("hes_apc", D(2012, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2012, 4, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ["nhs_number", "date_of_birth", "postcode"],
                                             ["nhs_number", "date_of_birth", "postcode"], ["hes_apc", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133902")])
    REGISTER_ROWS.append(["23/CAG/0148", c["title"], ctl, "NHS number, date of birth, postcode", D(2025, 5, 20),
                          "Applied", ""])
    return b


@bundle
def e02():
    b = B("e02_copd_rehab_sde", D(2025, 9, 22), allow=["DOC-003"])
    ctl, trust = "University of Leicester", "University Hospitals of Leicester NHS Trust"
    c = dict(v=1, ref="22/CAG/0091", iras="305117", rec="22/EM/0163", short="PR-COPD",
             title="Pulmonary rehabilitation after hospital admission for COPD and later emergency care (PR-COPD)",
             applicant=ctl, contact="Professor Sally Singh-Bhatt", addr="Department of Respiratory Sciences, Leicester LE1 7RH",
             letter_purpose="find out whether completing pulmonary rehabilitation after an admission for chronic obstructive pulmonary disease (COPD) reduces later emergency attendances and admissions.",
             cohort="about 9,800 patients referred to the Leicestershire pulmonary rehabilitation service after a COPD admission between 2015 and 2022.",
             letter_ds=["hes_apc", "ecds"], app_ds=["hes_apc", "ecds"], letter_ids=["nhs_number", "date_of_birth", "sex", "postcode"],
             app_ids=["nhs_number", "date_of_birth", "sex", "postcode"],
             letter_date=D(2023, 8, 15), rec_date=D(2023, 5, 30), app_version="2.0", app_date=D(2023, 3, 6),
             prot_version="1.3", prot_date=D(2023, 2, 20), pn_version="2", pn_date=D(2023, 9, 1),
             app_purpose="People with COPD who complete pulmonary rehabilitation report better breathlessness scores, but "
                         "whether it keeps them out of hospital is uncertain. Using the rehabilitation service's referral "
                         "records, we will compare emergency attendances and admissions in the two years after referral "
                         "between those who completed the programme and those who did not.",
             app_end="The activity will end on 30 September 2032; support is requested until then.",
             dspt_condition=dspt_cond(ctl, "2024/25", "Standards Exceeded", D(2025, 7, 1)).replace(
                 "'Standards Met' threshold", "'Standards Met' threshold or above"),
             pn_controllers=[ctl, trust], committee="East Midlands - Leicester Central",
             pn_purpose="We want to find out whether pulmonary rehabilitation after a COPD admission means fewer later "
                        "emergency visits.",
             sponsor=ctl,
             flow_text=(f"The {ctl} will send NHS number, date of birth, sex and postcode for the referred patients to NHS "
                        f"England, which will link them to hospital admissions and emergency care attendances. Analysis will "
                        f"take place within NHS England's Secure Data Environment; no record-level data will leave it."))
    c["conditions"] = [f"Favourable opinion from a Research Ethics Committee. Confirmed {long_date(c['rec_date'])}.",
                       "Confirmation provided from the DSPT Team at NHS England to the CAG that the relevant Data Security "
                       "and Protection Toolkit (DSPT) submission(s) have achieved the 'Standards Met' threshold. Confirmed "
                       f"by e-mail on {long_date(D(2023, 8, 10))} for the applicant's 2022/23 submission."]
    c["prot_sections"] = prot_std(c, background=[
        "Pulmonary rehabilitation is a six to eight week programme of exercise and education. In Leicestershire around "
        "two thirds of people referred after an admission start the programme and fewer than half complete it."],
        dm=["No record-level data are held by the study team after the cohort file has been sent. All analysis takes "
            "place in NHS England's Secure Data Environment, and only aggregate tables that pass NHS England's "
            "disclosure checks are exported.",
            "The cohort file is prepared on the Trust's network by the service's data manager, who is employed by the "
            "Trust. The data flow is set out step by step in Annex B (data flow table)."])
    s251_docs(b, c)
    b.eml("correspondence/RE 22-CAG-0091 annual review.eml",
          ("Confidentiality Advice Team <cag@hra.nhs.uk>", "sally.singh-bhatt@leicester.ac.uk",
           "22/CAG/0091 annual review - support continues", dt.datetime(2025, 7, 30, 10, 12),
           "Dear Professor Singh-Bhatt,\n\n22/CAG/0091 - Pulmonary rehabilitation after hospital admission for COPD and "
           "later emergency care (PR-COPD)\n\nThank you for submitting the annual review report for the above "
           "application. On behalf of the Confidentiality Advisory Group I can confirm that the report has been "
           "reviewed and that the application continues to be supported under Regulation 5 of the Health Service "
           "(Control of Patient Information) Regulations 2002.\n\nThe CAG noted that the 2024/25 Data Security and "
           "Protection Toolkit submission for the University of Leicester was confirmed as 'Standards Exceeded' on the "
           "NHS England DSPT tracker (checked 25 July 2025).\n\nYour next annual review is due by 15 August 2026.\n\n"
           "Kind regards\n\nConfidentiality Advice Team\nHealth Research Authority\n2 Redman Place, London E20 1JQ\n"),
          key=key_doc("cag_annual_review", None, D(2025, 7, 30), ["22/CAG/0091"]))
    b.xlsx("Annex B data flow table.xlsx", {"Data flows": [
        ["PR-COPD: Annex B, data flow table (version 1.0, 20/02/2023)"], [],
        ["Step", "From", "To", "Data items", "Transfer method", "Basis for the common law duty"],
        [1, "Pulmonary rehabilitation service (UHL)", "UHL data manager", "Referral list with study ID, NHS number, date of birth, sex, postcode",
         "Internal, Trust network", "Direct care team"],
        [2, "UHL data manager", "NHS England", "Study ID, NHS number, date of birth, sex, postcode", "SEFT", "s251 (22/CAG/0091)"],
        [3, "NHS England", "NHS England SDE", "Linked HES APC and ECDS, pseudonymised", "Internal", "Not confidential (pseudonymised)"],
        [4, "NHS England SDE", "Approved analysts", "Aggregate outputs only, after disclosure control", "SDE export", "Anonymised"]]})
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To find out whether completing pulmonary rehabilitation after an admission for COPD "
                                     "reduces later emergency attendances and admissions.",
                             rec=c["rec"], funding="NIHR Research for Patient Benefit NIHR203344",
                             ids=["nhs_number", "date_of_birth", "sex", "postcode"],
                             datasets=datasets_block([("hes_apc", D(2015, 4, 1), None, "latest_available"),
                                                      ("ecds", D(2017, 4, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ["nhs_number", "date_of_birth", "sex", "postcode"],
                                             ["nhs_number", "date_of_birth", "sex", "postcode"], ["hes_apc", "ecds"])[:2],
                             orgs=[org(ctl, dspt=("standards_exceeded", "2024-25"), code="EE133809"),
                                   org(trust, dspt=("standards_met", "2024-25"), code="RWE")],
                             access={"route": "sde", "sde_unsuitable_reason": None})
    return b


@bundle
def e03():
    b = B("e03_stroke_aws_honorary", D(2025, 5, 6), allow=["PUR-007"])
    ctl, aws = "The University of Manchester", "Amazon Web Services EMEA SARL"
    c = dict(v=0, ref="24/CAG/0027", iras="327760", rec="23/NW/0288", short="STROKE-LINK",
             title="Long-term outcomes after thrombectomy for ischaemic stroke in Greater Manchester (STROKE-LINK)",
             applicant=ctl, contact="Dr Priya Ramaswamy", addr="Division of Cardiovascular Sciences, Oxford Road, Manchester M13 9PL",
             letter_purpose="compare readmission, emergency care use and survival over five years between patients with ischaemic stroke treated with mechanical thrombectomy and those treated with thrombolysis alone.",
             cohort="around 6,400 patients from the Greater Manchester stroke registry, 2016 to 2022.",
             letter_ds=["hes_apc", "ecds", "deaths"], app_ds=["hes_apc", "ecds", "deaths"],
             letter_ids=["nhs_number", "date_of_birth", "postcode"], app_ids=["nhs_number", "date_of_birth", "postcode"],
             letter_date=D(2024, 7, 8), rec_date=D(2024, 1, 19), app_version="1.0", app_date=D(2023, 11, 14),
             prot_version="3.0", prot_date=D(2023, 11, 1), pn_version="1.0", pn_date=D(2024, 7, 22),
             app_purpose="Thrombectomy has been offered across Greater Manchester since 2016. Trials followed patients for "
                         "ninety days; we will follow the registry cohort for five years through national hospital and "
                         "death records.",
             app_end="End date of the activity: 31 December 2030.",
             support_end="Support is given until 31 December 2030, the end date of the activity stated in the application.",
             dspt_condition=dspt_cond(ctl, "2023/24", "Standards Met", D(2024, 6, 24)),
             pn_controllers=[ctl], committee="North West - Greater Manchester South",
             pn_purpose="We are looking at how people treated for stroke in Greater Manchester get on in the five years "
                        "after their treatment.", sponsor=ctl)
    c["prot_sections"] = prot_std(c, background=[
        "Mechanical thrombectomy restores blood flow in large-vessel occlusion. Long-term follow-up outside trials is "
        "scarce, and registry data stop at discharge."],
        dm=["The pseudonymised extract is stored in the University's Data Safe Haven, which runs on Amazon Web Services "
            "in the AWS London region (eu-west-2) under the University's agreement with Amazon Web Services EMEA SARL. "
            "AWS holds ISO/IEC 27001 certification for the services used.",
            "Two stroke physicians employed by Northern Care Alliance NHS Foundation Trust will hold honorary contracts "
            "with the University so that they can analyse the pseudonymised extract inside the Data Safe Haven; they "
            "will access it only from University premises in Manchester.",
            ("table", [["Organisation", "Assurance", "Detail"],
                       [ctl, "DSPT", "EE133851, 2023/24 Standards Met"],
                       [aws, "ISO/IEC 27001", "Certificate IS 652398, expires 31/01/2027"]])])
    s251_docs(b, c)
    ids = ["nhs_number", "date_of_birth", "postcode"]
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To compare five-year readmission, emergency care use and survival after "
                                     "thrombectomy or thrombolysis for ischaemic stroke in Greater Manchester.",
                             rec=c["rec"], funding="Stroke Association Postdoctoral Fellowship SA PDF 23/100012",
                             ids=ids,
                             datasets=datasets_block([("hes_apc", D(2016, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("ecds", D(2017, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2016, 4, 1), D(2024, 12, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "ecds", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133851",
                                       storage=[{"provider": "Amazon Web Services", "region": "eu-west-2"}]),
                                   org(aws, ["processor"], dspt=None,
                                       iso={"certificate": "IS 652398", "expires": D(2027, 1, 31),
                                            "scope": "AWS cloud infrastructure services, EU and UK regions"})],
                             extra={"honorary_contracts": {"used": True, "holders": [
                                 {"employer": "Northern Care Alliance NHS Foundation Trust", "host": ctl,
                                  "access_locations": ["England"]}]}})
    return b


@bundle
def e04():
    """Clean, renumbered support on the register; negated commercial and sub-licensing sentences."""
    b = B("e04_renal_renumbered_register", D(2025, 2, 3), register=True)
    ctl = "University College London"
    c = dict(v=1, ref="20/CAG/0067", iras="283390", rec="16/LO/2135", short="CKD-UK",
             title="Progression of chronic kidney disease in young adults: UK Renal Cohort follow-up",
             applicant=ctl, contact="Dr Tomas Okafor", addr="UCL Department of Renal Medicine, Rowland Hill Street, London NW3 2PF",
             letter_purpose="describe progression to kidney failure, hospital admission and death in young adults diagnosed with chronic kidney disease.",
             cohort="7,150 adults aged 18 to 30 at diagnosis, recruited from renal units in England and Wales.",
             letter_ds=["hes_apc", "hes_op", "deaths"], app_ds=["hes_apc", "hes_op", "deaths"],
             letter_ids=["nhs_number", "date_of_birth", "sex", "postcode"], app_ids=["nhs_number", "date_of_birth", "sex", "postcode"],
             letter_date=D(2024, 4, 11), rec_date=D(2017, 2, 2), app_version="4.0", app_date=D(2020, 1, 15),
             prot_version="5.2", prot_date=D(2023, 12, 4), pn_version="3.0", pn_date=D(2024, 1, 8),
             app_purpose="This is a renewal of the support for the UK Renal Cohort, 20/CAG/0067 (previously 16/CAG/0056). The cohort "
                         "is followed through national hospital and death records to describe how kidney disease "
                         "progresses in early adult life.",
             app_end="Support is requested until 31 March 2031, the end date of the activity.",
             dspt_condition=dspt_cond(ctl, "2023/24", "Standards Met", D(2024, 3, 28)),
             pn_controllers=[ctl], committee="London - Camden & Kings Cross",
             pn_purpose="We are following young adults with kidney disease to learn how their condition changes over time.",
             sponsor=ctl,
             letter_extra=[("p", "This application (20/CAG/0067, previously 16/CAG/0056) renews the support for the cohort; the cohort, "
                                 "the data flows and the identifiers are unchanged. No commercial partner will have access "
                                 "to the data, and the applicant confirmed that the data will not be sub-licensed or sold.")])
    c["docs_table"] = [["CAG application form", c["app_version"], slash(c["app_date"])]]
    c["prot_sections"] = prot_std(c, background=[
        "Chronic kidney disease diagnosed before the age of 30 is uncommon and poorly described. The cohort has been "
        "followed since 2016 (first CAG reference 16/CAG/0056; now 20/CAG/0067).",
        "The original recruitment was helped by an unrestricted educational grant from a manufacturer of dialysis "
        "equipment in 2015; that grant has ended, the company has no role in this follow-up, and it will not receive, "
        "use or see any of the data."],
        dm=["Data are held in the UCL Data Safe Haven (DSPT 2023/24 Standards Met, organisation code EE133863). The "
            "linked extract will not be shared with any other organisation and will not be sub-licensed."])
    s251_docs(b, c)
    for k in b.keys.values():
        if k.get("cag"):
            k["cag"] = ["20/CAG/0067", "16/CAG/0056"]
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    b.request = s251_request(b, ref="20/CAG/0067", title=c["title"],
                             purpose="To describe progression of chronic kidney disease to kidney failure, hospital "
                                     "admission and death in young adults.",
                             rec=c["rec"], funding="Kidney Research UK programme grant KRUK-PG-2019-004",
                             ids=ids,
                             datasets=datasets_block([("hes_apc", D(2014, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_op", D(2014, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2016, 1, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_op", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133863")])
    REGISTER_ROWS.append(["20/CAG/0067 (previously 16/CAG/0056)", c["title"], ctl,
                          "NHS number, date of birth, sex, postcode", D(2025, 4, 11), "Applied", ""])
    return b

# ---------------------------------------------------------------- bundles: section 251, planted


def base_c(*, ref, short, title, ctl, contact, addr, letter_purpose, cohort, ds, ids, letter_date, committee,
           app_purpose, pn_purpose, iras, rec, v=0, app_end="Support is requested until 31 March 2030, the end date "
           "of the activity.", pn_controllers=None, **kw):
    c = dict(v=v, ref=ref, iras=iras, rec=rec, short=short, title=title, applicant=ctl, contact=contact, addr=addr,
             letter_purpose=letter_purpose, cohort=cohort, letter_ds=list(ds), app_ds=list(ds), letter_ids=list(ids),
             app_ids=list(ids), letter_date=letter_date, rec_date=letter_date - dt.timedelta(days=97),
             app_version="1.0", app_date=letter_date - dt.timedelta(days=160), prot_version="2.0",
             prot_date=letter_date - dt.timedelta(days=175), pn_version="1.0", pn_date=letter_date + dt.timedelta(days=21),
             app_purpose=app_purpose, app_end=app_end, pn_controllers=pn_controllers or [ctl], committee=committee,
             pn_purpose=pn_purpose, sponsor=ctl,
             dspt_condition=dspt_cond(ctl, "2023/24", "Standards Met", letter_date - dt.timedelta(days=12)))
    c.update(kw)
    return c


@bundle
def e05():
    b = B("e05_hip_fracture_identifiers", D(2025, 4, 28), expect=["MIN-002", "MIN-003", "MIN-004"])
    ctl = "University of Bristol"
    ids_all = ["nhs_number", "date_of_birth", "postcode", "gp_practice"]
    c = base_c(ref="24/CAG/0102", short="HIP-ORTHO", v=1,
               title="Hip fracture in older adults: recovery of independence and later hospital use (HIP-ORTHO)", ctl=ctl,
               contact="Dr Rachel Pym", addr="Bristol Medical School, Learning & Research Building, Southmead Hospital, Bristol BS10 5NB",
               letter_purpose="describe hospital use and survival in the two years after surgery for hip fracture in people aged 60 and over.",
               cohort="about 11,000 patients in the National Hip Fracture Database for the South West, 2014 to 2021.",
               ds=["hes_apc", "hes_op", "deaths"], ids=["nhs_number", "date_of_birth", "postcode"],
               letter_ids_analysis=["gp_practice"], letter_date=D(2024, 9, 2), committee="South West - Central Bristol",
               iras="330915", rec="24/SW/0052",
               app_purpose="After hip fracture many older people do not regain their former independence. We will link "
                           "the regional audit cohort to national hospital and death records to describe readmissions, "
                           "outpatient follow-up and survival, and compare them between GP practices with and without a "
                           "fracture liaison service.",
               app_ids_text="NHS number, date of birth and postcode are needed so that NHS England can trace each "
                            "patient; the GP practice code is needed for the analysis, to compare practices with and "
                            "without a fracture liaison service.",
               pn_purpose="We are studying how older people recover after breaking a hip, and whether their GP "
                          "practice's services make a difference.")
    c["prot_sections"] = prot_std(c, background=[
        "Hip fracture is the commonest serious injury in older people; one in three is dead within a year."],
        dm=["NHS England will use NHS number and date of birth to link the cohort; postcode is included in the upload "
            "file as a tie-breaker, as the HIP-ORTHO data management plan sets out.",
            "The extract is stored on the University's Research Data Storage Facility (DSPT 2024/25 Standards Met)."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe hospital use and survival in the two years after surgery for hip "
                                     "fracture in people aged 60 and over, by GP practice.",
                             rec=c["rec"], funding="Versus Arthritis grant 22871", ids=ids_all,
                             datasets=datasets_block([("hes_apc", D(2014, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_op", D(2014, 4, 1), D(2024, 3, 31), "one_off", None),
                                                      ("deaths", D(2014, 4, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ["nhs_number", "date_of_birth", "postcode"],
                                             ["nhs_number", "date_of_birth"], ["hes_apc", "hes_op", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133821")])
    return b


@bundle
def e06():
    b = B("e06_colorectal_fields_support_end", D(2025, 6, 10), expect=["MIN-001", "MIN-005", "MIN-006"])
    ctl = "University of Liverpool"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    c = base_c(ref="22/CAG/0187", short="CRC-SURG",
               title="Variation in outcomes after emergency surgery for colorectal cancer in the North West", ctl=ctl,
               contact="Mr Daniel Achebe", addr="Institute of Systems, Molecular and Integrative Biology, Liverpool L69 3GE",
               letter_purpose="examine why survival after emergency surgery for colorectal cancer differs between hospitals in the North West.",
               cohort="all 4,900 adults in the North West who underwent emergency colorectal cancer surgery between 2012 and 2020.",
               ds=["hes_apc", "cancer_registration", "deaths"], ids=ids, letter_date=D(2024, 9, 16),
               committee="North West - Liverpool East", iras="312204", rec="22/NW/0301",
               support_end="Support is given until 31 March 2026. An amendment will be required to continue processing "
                           "after that date.",
               app_end="The activity is planned to end on 31 March 2026.",
               app_purpose="Around one in five colorectal cancers is diagnosed at an emergency admission. We will use "
                           "the regional surgical audit, linked to national cancer registration, hospital and death "
                           "records, to explain differences in 90-day and two-year survival between hospitals.",
               pn_purpose="We are trying to understand why survival after emergency bowel cancer surgery varies between "
                          "hospitals.")
    c["prot_sections"] = prot_std(c, background=[
        "Emergency presentation of colorectal cancer carries a 90-day mortality three times that of elective surgery."],
        dm=["All data are held within the University's secure research environment in Liverpool. Follow-up will "
            "continue for as long as NHS England can supply further death registrations."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To examine variation between hospitals in survival after emergency surgery for "
                                     "colorectal cancer in the North West.",
                             rec=c["rec"], funding="Bowel Cancer UK research grant BCUK-2022-07", ids=ids,
                             datasets=datasets_block([
                                 ("hes_apc", D(2012, 4, 1), D(2025, 3, 31), "one_off",
                                  ["newnhsno", "homeadd", "admidate", "opertn_4_01", "diag_4_01", "procode3"]),
                                 ("cancer_registration", D(2012, 1, 1), D(2023, 12, 31), "one_off"),
                                 ("deaths", D(2012, 4, 1), None, "future_drops")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "cancer_registration", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133870")], minimisation=False)
    return b


@bundle
def e07():
    b = B("e07_parkinsons_security", D(2025, 2, 10), expect=["SEC-001", "SEC-002", "SEC-003"], allow=["PUR-007"])
    ctl, trust, proc = "University of Nottingham", "Nottingham University Hospitals NHS Trust", "Trent Data Services Ltd"
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    c = base_c(ref="23/CAG/0266", short="PD-FALLS", v=0,
               title="Falls, fractures and hospital admission in people with Parkinson's disease (PD-FALLS)", ctl=ctl,
               contact="Dr Jonathan Ellery", addr="School of Medicine, Queen's Medical Centre, Nottingham NG7 2UH",
               letter_purpose="estimate how often people with Parkinson's disease are admitted to hospital after a fall, and what follows.",
               cohort="around 5,200 patients seen in Parkinson's disease clinics in Nottinghamshire between 2010 and 2022.",
               ds=["hes_apc", "hes_ae", "deaths"], ids=ids, letter_date=D(2024, 6, 3),
               committee="East Midlands - Nottingham 1", iras="321870", rec="23/EM/0204",
               pn_controllers=[ctl, trust],
               conditions=["Favourable opinion from a Research Ethics Committee. Confirmed 26 February 2024.",
                           "Confirmed: The NHS England 2023/24 DSPT review for the University of Nottingham was "
                           "confirmed as 'Standards Exceeded' on the NHS England DSPT tracker (checked 3 June 2024)."],
               app_purpose="Falls are common in Parkinson's disease and often lead to fractures and long admissions. We "
                           "will link the clinic cohort to national hospital, A&E and death records.",
               pn_purpose="We are studying falls and hospital stays in people with Parkinson's disease.")
    c["prot_sections"] = prot_std(c, background=[
        "People with Parkinson's disease fall two to three times as often as their peers."],
        dm=["The cohort list is compiled by the Trust's clinical informatics team. Data Security and Protection "
            "Toolkit: Nottingham University Hospitals NHS Trust, Standards Met (2022/23).",
            f"Data cleaning and the creation of analysis files are carried out by {proc}, under a data processing "
            f"agreement with the University; its staff work only on the University's network.",
            ("table", [["Organisation", "DSPT", "Year"], [ctl, "Standards Met", "2023/24"], [proc, "Standards Not Met", "2024/25"]])])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To estimate hospital admission after falls, and its consequences, in people with "
                                     "Parkinson's disease in Nottinghamshire.",
                             rec=c["rec"], funding="Parkinson's UK project grant G-2204", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2010, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_ae", D(2010, 4, 1), D(2020, 3, 31), "one_off"),
                                                      ("deaths", D(2010, 4, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_ae", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133875"),
                                   org(trust, dspt=None),
                                   org(proc, ["processor"], dspt=("standards_not_met", "2024-25"), code="8KL21")])
    return b


@bundle
def e08():
    b = B("e08_diabetes_cloud_storage", D(2025, 7, 15), expect=["SEC-004", "SEC-005", "TER-001"], allow=["PUR-007"])
    ctl, ms, wx = "University of Southampton", "Microsoft Limited", "Wessex Analytics Ltd"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    c = base_c(ref="24/CAG/0049", short="T2D-WESSEX", v=0,
               title="Type 2 diabetes remission after structured weight management in Wessex: a linked cohort", ctl=ctl,
               contact="Dr Amelia Crane", addr="Faculty of Medicine, Southampton General Hospital, Tremona Road, Southampton SO16 6YD",
               letter_purpose="assess whether remission of type 2 diabetes after structured weight management is sustained, using the National Diabetes Audit and hospital records.",
               cohort="approximately 8,300 adults referred to the Wessex weight management programme between 2018 and 2023.",
               ds=["nda", "hes_apc"], ids=ids, letter_date=D(2024, 10, 21), committee="South Central - Hampshire A",
               iras="334051", rec="24/SC/0140",
               dspt_condition=dspt_cond(ctl, "2024/25", "Standards Met", D(2024, 10, 7)),
               app_purpose="Remission of type 2 diabetes can follow substantial weight loss. We will link the programme's "
                           "referral cohort to the National Diabetes Audit and to hospital admissions to see how long "
                           "remission lasts and whether it reduces admissions.",
               pn_purpose="We are finding out whether people whose diabetes went into remission after a weight "
                          "programme stay in remission.")
    c["prot_sections"] = prot_std(c, background=[
        "The Wessex programme has offered total diet replacement since 2018."],
        dm=["The pseudonymised extract is held in the University's research environment on Microsoft Azure UK South. "
            "A disaster-recovery replica is kept in Azure West US 2, as the University's cloud contract provides.",
            "Microsoft Teams is used for the study's meetings only; no data are shared or stored in Teams.",
            "Statistical modelling is carried out by Wessex Analytics (the trading name of Wessex Analytics Ltd), "
            "whose analysts work in the AWS London region and from its office in Cork.",
            ("table", [["Organisation", "DSPT 2024/25"], [ctl, "Standards Met"], [ms, "Standards Met"], [wx, "Standards Met"]])])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To assess whether remission of type 2 diabetes after structured weight management is "
                                     "sustained, and whether it reduces hospital admissions.",
                             rec=c["rec"], funding="Diabetes UK grant 23/0006551", ids=ids,
                             datasets=datasets_block([("nda", D(2017, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_apc", D(2017, 4, 1), D(2024, 3, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["nda", "hes_apc"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133887",
                                       storage=[{"provider": "Microsoft Azure", "region": "UK South"},
                                                {"provider": "Microsoft Azure", "region": "westus2"}]),
                                   org(ms, ["processor"], dspt=("standards_met", "2024-25"), code="8JH14"),
                                   org(wx, ["processor"], dspt=("standards_met", "2024-25"), code="8KX33",
                                       locations=["England", "Ireland"],
                                       storage=[{"provider": "Amazon Web Services", "region": "eu-west-2"}])])
    return b


@bundle
def e09():
    b = B("e09_sickle_cell_honorary_groups", D(2025, 4, 1), expect=["HON-001", "HON-003", "S251-007"])
    ctl = "Queen Mary University of London"
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    c = base_c(ref="23/CAG/0301", short="SCD-LINK", v=1,
               title="Acute care use and mortality in adults with sickle cell disease in England (SCD-LINK)", ctl=ctl,
               contact="Dr Adaeze Nwosu", addr="Wolfson Institute of Population Health, Charterhouse Square, London EC1M 6BQ",
               letter_purpose="describe emergency admissions, critical care and deaths among adults with sickle cell disease in England.",
               cohort="about 9,600 adults in the National Haemoglobinopathy Registry.",
               ds=["hes_apc", "ecds", "deaths"], ids=ids, letter_date=D(2024, 5, 13), committee="London - City & East",
               iras="326651", rec="23/LO/0829",
               app_purpose="Adults with sickle cell disease are admitted frequently with painful crises, and their life "
                           "expectancy remains short. We will link the registry to hospital, emergency care and death "
                           "records.",
               pn_purpose="We are studying hospital care and survival of adults living with sickle cell disease.")
    c["prot_version"] = "3.1"
    c["docs_table"] = [["IRAS CAG application form", c["app_version"], slash(c["app_date"])],
                       ["Protocol", "4.0", "12/01/2024"]]
    c["prot_sections"] = prot_std(c, background=[
        "Sickle cell disease affects around 15,000 people in England, most of them in London and Birmingham."],
        dm=["Haematologists from Barts Health NHS Trust will analyse the extract under honorary contracts with Imperial "
            "College London.",
            "A visiting statistician from Christian Medical College Vellore will hold an honorary contract with Queen "
            "Mary and will work on the pseudonymised data both in London and, after returning, remotely from Vellore, "
            "India.", "Data Security and Protection Toolkit: Queen Mary University of London, 2023/24 Standards Met."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe emergency admissions, critical care and deaths among adults with sickle "
                                     "cell disease in England.",
                             rec=c["rec"], funding="NIHR Programme Grants for Applied Research NIHR204433", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2015, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("ecds", D(2017, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2015, 4, 1), D(2024, 12, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "ecds", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133899")],
                             extra={"honorary_contracts": {"used": True, "holders": [
                                 {"employer": "Barts Health NHS Trust", "host": "Imperial College London",
                                  "access_locations": ["England"]},
                                 {"employer": "Christian Medical College Vellore", "host": ctl,
                                  "access_locations": ["England", "India"]}]}})
    return b


@bundle
def e10():
    b = B("e10_leeds_ctru_honorary", D(2025, 3, 3), expect=["HON-002", "ORG-004", "S251-008"])
    ctl, uni = "Leeds Clinical Trials Research Unit", "University of Leeds"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    c = base_c(ref="23/CAG/0119", short="OPTIMA-FU", v=0,
               title="Long-term follow-up of the OPTIMA knee replacement trial through routine records", ctl=uni,
               contact="Professor Miriam Shaw", addr="Clinical Trials Research Unit, Worsley Building, Leeds LS2 9NL",
               letter_purpose="follow participants of a completed knee replacement trial for revision surgery, readmission and death over ten years.",
               cohort="the 2,240 participants randomised in the OPTIMA trial between 2013 and 2016.",
               ds=["hes_apc", "hes_op", "deaths"], ids=ids, letter_date=D(2024, 3, 25), committee="Yorkshire & The Humber - Leeds West",
               iras="319902", rec="23/YH/0077",
               pn_controllers=[f"{ctl} (part of the {uni})"],
               app_purpose="The OPTIMA trial compared two knee replacement designs with one-year follow-up. Revision "
                           "surgery happens years later; routine records are the only practicable way to find it.",
               pn_purpose="We are finding out how many people in the OPTIMA trial later needed their knee replacement "
                          "redone.")
    c["prot_sections"] = prot_std(c, background=[
        "OPTIMA recruited at 21 hospitals. Participants consented to trial follow-up only, and many cannot now be "
        "contacted; hence the section 251 route."],
        dm=["Statisticians employed by Leeds Teaching Hospitals NHS Trust will analyse the linked pseudonymised data "
            "under honorary contracts with the University, within the CTRU's secure environment.",
            "The CTRU's DSPT submission (2023/24) is Standards Met."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To follow participants of the OPTIMA knee replacement trial for revision surgery, "
                                     "readmission and death over ten years.",
                             rec=c["rec"], funding="NIHR Health Technology Assessment programme 17/102/05", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2013, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_op", D(2013, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2013, 4, 1), D(2024, 12, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_op", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133913")])
    return b


@bundle
def e11():
    b = B("e11_department_controller_mhsds", D(2025, 5, 19), expect=["ORG-003", "DATA-001", "REG-001"],
          allow=["S251-008"], register=True)
    ctl, cen = "Department of Applied Health Sciences, University of Birmingham", "Midlands Analytics Centre"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    c = base_c(ref="24/CAG/0133", short="EIP-OUT", v=1,
               title="Early intervention in psychosis: admissions and deaths over ten years in the West Midlands", ctl=ctl,
               contact="Dr Farah Siddiqui", addr="Edgbaston, Birmingham B15 2TT",
               letter_purpose="compare hospital admission and mortality over ten years between people treated by early intervention in psychosis services and those treated by standard community teams.",
               cohort="about 7,700 people referred with first-episode psychosis in the West Midlands, 2010 to 2015.",
               ds=["hes_apc", "deaths"], ids=ids, letter_date=D(2024, 11, 4), committee="West Midlands - Edgbaston",
               iras="335528", rec="24/WM/0098", pn_controllers=[ctl, cen],
               dspt_condition=dspt_cond("University of Birmingham", "2024/25", "Standards Met", D(2024, 10, 25)),
               app_purpose="Early intervention services were rolled out unevenly in the West Midlands, which allows a "
                           "comparison of long-term outcomes. We will link the referral cohort to hospital and death "
                           "records.",
               pn_purpose="We are comparing how people who had early intervention for psychosis got on over ten years.")
    c["prot_sections"] = prot_std(c, background=[
        "Early intervention in psychosis teams were introduced from 2001; coverage was complete by 2012."],
        dm=["Since version 2.0 of this protocol we also request the Mental Health Services Data Set (MHSDS), to measure "
            "later contact with secondary mental health services.",
            f"Analysis is shared with the {cen}, an independent charity (registered charity 1187654) that runs the "
            "region's mental health data platform. Both organisations hold DSPT 2024/25 Standards Met."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To compare admissions, mental health service contact and mortality over ten years "
                                     "after first-episode psychosis, by type of service.",
                             rec=c["rec"], funding="MQ Mental Health Research grant MQ23-41", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2010, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2010, 4, 1), D(2024, 12, 31), "one_off"),
                                                      ("mhsds", D(2016, 4, 1), D(2024, 3, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "deaths", "mhsds"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133815"),
                                   org(cen, dspt=("standards_met", "2024-25"), code="8NQ02",
                                       registration="Registered charity 1187654")])
    return b


@bundle
def e12():
    b = B("e12_atrial_fibrillation_extract", D(2025, 1, 27), expect=["ACC-001", "PUR-007", "DOC-009"],
          allow=["DOC-003"])
    ctl = "University of Cambridge"
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    c = base_c(ref="23/CAG/0232", short="AF-STROKE", v=0,
               title="Anticoagulation and stroke after a new diagnosis of atrial fibrillation in the East of England", ctl=ctl,
               contact="Dr Oliver Hartnell", addr="Department of Public Health and Primary Care, Cambridge CB2 0SR",
               letter_purpose="estimate stroke and major bleeding after a new diagnosis of atrial fibrillation, by anticoagulant prescribed.",
               cohort="about 21,000 patients newly diagnosed with atrial fibrillation at eight hospitals in the East of England, 2016 to 2021.",
               ds=["hes_apc", "deaths"], ids=ids, letter_date=D(2024, 2, 26), committee="East of England - Cambridge South",
               iras="317745", rec="23/EE/0190",
               app_purpose="Direct oral anticoagulants have replaced warfarin for most patients with atrial fibrillation. "
                           "We will link a hospital cohort to national admissions and deaths to compare strokes and "
                           "bleeds between treatments.",
               pn_purpose="We are comparing blood-thinning treatments for people with atrial fibrillation.",
               pn_extra=[("p", "No commercial partner will have access to your information, and it will never be sold.")])
    c["prot_sections"] = prot_std(c, background=[
        "The study is run in collaboration with Medisight Analytics Ltd, our industry partner, which funds the "
        "post-doctoral analyst and expects to benefit commercially from the results, which will inform its "
        "stroke risk-prediction software."],
        dm=["The extract will be analysed on the University's Secure Research Computing Platform (DSPT 2023/24 "
            "Standards Met)."])
    s251_docs(b, c)
    b.xlsx("cohort/AF-STROKE participant list for SEFT.xlsx", {"Sheet1": [
        ["STUDY ID", "NHS NUMBER", "DATE OF BIRTH", "SEX", "POSTCODE", "STATUS"],
        ["AF00001", "999 000 0018", "1948-03-14", "1", "CB1 2AA", "add"],
        ["AF00002", "999 000 0026", "1951-11-02", "2", "CB4 1ZZ", "add"],
        ["AF00003", "999 000 0034", "1939-07-23", "2", "PE1 5XY", "add"]]})
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To estimate stroke and major bleeding after a new diagnosis of atrial fibrillation, "
                                     "by anticoagulant prescribed.",
                             rec=c["rec"], funding="British Heart Foundation clinical research training fellowship FS/CRTF/22/24301",
                             ids=ids,
                             datasets=datasets_block([("hes_apc", D(2016, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2016, 4, 1), D(2024, 6, 30), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133805")],
                             access={"route": "extract", "sde_unsuitable_reason": None})
    return b


@bundle
def e13():
    b = B("e13_sepsis_commercial_sde", D(2025, 8, 4), expect=["ACC-002", "PUR-006", "DOC-007"])
    ctl, co = "Imperial College London", "Lumen Health Analytics Ltd"
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    c = base_c(ref="24/CAG/0077", short="SEPSIS-AI", v=1,
               title="Validation of an early warning score for sepsis using linked hospital records (SEPSIS-AI)", ctl=ctl,
               contact="Dr Kwame Mensah", addr="School of Public Health, White City Campus, London W12 0BZ",
               letter_purpose="validate an early warning score for sepsis against later critical care admission and death.",
               cohort="about 40,000 emergency admissions at three North West London trusts, 2019 to 2023.",
               ds=["hes_apc", "hes_cc", "deaths"], ids=ids, letter_date=D(2024, 11, 11), committee="London - Riverside",
               iras="336010", rec="24/LO/0450", pn_controllers=[ctl, co],
               dspt_condition=dspt_cond(ctl, "2024/25", "Standards Met", D(2024, 11, 1)),
               app_purpose="Sepsis is often recognised late. A score developed with Lumen Health Analytics Ltd will be "
                           "validated against critical care admissions and deaths in national records.",
               pn_purpose="We are checking how well a computer-based early warning score picks out patients with sepsis.")
    DS.setdefault("hes_cc", "HES Critical Care (HES CC)")
    FIELDS.setdefault("hes_cc", ["ccstartdate", "ccdisdate", "orgsupmax"])
    c["prot_version"], c["prot_date"] = "2.1", D(2025, 9, 1)
    c["docs_table"] = [["CAG application form", c["app_version"], slash(c["app_date"])]]
    c["rec_docs"] = [["Research protocol", "2.0", slash(D(2024, 5, 20))]]
    c["prot_sections"] = prot_std(c, background=[
        "Lumen Health Analytics Ltd, a co-applicant and joint controller, intends to market the validated score to NHS "
        "trusts."],
        dm=["Validation will take place within NHS England's Secure Data Environment. A pseudonymised copy of the "
            "linked records is then returned to Imperial College London for the clinicians' review of misclassified "
            "cases."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To validate an early warning score for sepsis against critical care admission and "
                                     "death.",
                             rec=c["rec"], funding="Innovate UK Biomedical Catalyst award 10098765", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2019, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_cc", D(2019, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2019, 4, 1), D(2024, 12, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_cc", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133892"),
                                   org(co, dspt=("standards_met", "2024-25"), code="8MM41")],
                             access={"route": "sde", "sde_unsuitable_reason": None},
                             extra={"commercial": True,
                                    "public_benefit": "Earlier recognition of sepsis in emergency departments, with fewer "
                                                      "avoidable admissions to critical care and deaths."})
    return b


@bundle
def e14():
    b = B("e14_registry_sublicence_scope", D(2025, 3, 24), expect=["SUB-003", "S251-003", "S251-004"])
    ctl = "University of Oxford"
    ids_req = ["nhs_number", "date_of_birth", "postcode", "address"]
    c = base_c(ref="23/CAG/0175", short="CLEFT-LINK", v=1,
               title="Cleft lip and palate: hospital care and outcomes into adulthood (CLEFT-LINK)", ctl=ctl,
               contact="Dr Isobel Fairweather", addr="Nuffield Department of Population Health, Old Road Campus, Oxford OX3 7LF",
               letter_purpose="describe hospital care, surgery and outcomes into early adulthood for people born with a cleft lip or palate.",
               cohort="about 13,000 people on the national cleft registry born between 2000 and 2010.",
               ds=["hes_apc", "hes_op"], ids=["nhs_number", "date_of_birth", "postcode"], letter_date=D(2024, 4, 29),
               committee="South Central - Oxford B", iras="320457", rec="23/SC/0211",
               app_purpose="The cleft registry holds details of surgery in childhood; hospital records show what happens "
                           "later. We will link the registry to HES inpatient and outpatient data.",
               pn_purpose="We are studying the hospital care of people born with a cleft lip or palate.",
               pn_extra=[("p", "Approved researchers at other universities may be given access to the linked, "
                               "de-identified research dataset under a licence from us.")])
    c["prot_sections"] = prot_std(c, background=[
        "Outcomes after cleft surgery are audited to age 15; adult outcomes are largely unknown."],
        dm=["NHS England will return to the University, with the linked records, each person's postcode, so that "
            "distance to the cleft centre can be calculated; the University then curates a harmonised research dataset "
            "which other approved academic groups may use under sub-licence.",
            "Addresses are sent in the cohort file to improve the trace for people with no NHS number recorded."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe hospital care, surgery and outcomes into early adulthood for people born "
                                     "with a cleft lip or palate.",
                             rec=c["rec"], funding="Cleft Lip and Palate Association research award 2023", ids=ids_req,
                             datasets=datasets_block([("hes_apc", D(2000, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_op", D(2003, 4, 1), D(2024, 3, 31), "one_off")]),
                             flows=std_flows(ctl, ids_req, ids_req, ["hes_apc", "hes_op"], diss_ids=["postcode"]),
                             orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133888")],
                             extra={"sublicensing": {"planned": True,
                                                     "justification": "The University links the NHS England extract to "
                                                                      "the registry's own surgical records and curates a "
                                                                      "cleaned, harmonised research dataset with derived "
                                                                      "outcome measures, which approved academic groups "
                                                                      "then use under sub-licence.",
                                                     "why_not_direct": None, "value_added": None}})
    return b


@bundle
def e15():
    b = B("e15_sepsis_ed_register_mismatch", D(2025, 4, 14), expect=["REG-003", "REG-004", "REG-006"],
          register=True)
    ctl = "Royal Devon University Healthcare NHS Foundation Trust"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    exempt = ("The Group considered the applicant's case that the national data opt-out should not be applied. Patients "
              "with sepsis who die early are over-represented among those with an opt-out registered, and removing them "
              "would bias the mortality estimates that are the study's main outcome. The CAG agreed that the national "
              "data opt-out does not apply to this activity; the applicant will instead run a study-specific objection "
              "mechanism through its website.")
    c = base_c(ref="23/CAG/0210", short="SEPSIS-ED", v=0,
               title="Sepsis recognised in emergency departments in Devon and Cornwall: admission, critical care and survival",
               ctl=ctl, contact="Dr Marcus Treloar", addr="Research and Development, Royal Devon & Exeter Hospital, Barrack Road, Exeter EX2 5DW",
               letter_purpose="describe critical care admission and survival after sepsis recognised in emergency departments.",
               cohort="about 16,500 adults with sepsis recorded in two emergency departments, 2018 to 2023.",
               ds=["hes_apc", "deaths"], ids=ids, letter_date=D(2024, 10, 30), committee="South West - Cornwall & Plymouth",
               iras="329964", rec="24/SW/0031", letter_optout=exempt,
               app_optout="We ask the CAG to advise that the national data opt-out should not apply (see section 6 of the "
                          "protocol): early deaths would otherwise be lost from the cohort.",
               dspt_condition=dspt_cond(ctl, "2024/25", "Standards Met", D(2024, 10, 15)),
               app_purpose="The emergency departments record a sepsis screening tool. We will follow patients who screened "
                           "positive through national hospital and death records.",
               pn_purpose="We are studying what happens to people found to have sepsis in our emergency departments.",
               pn_optout="The national data opt-out does not apply to this study, on the advice of the Confidentiality "
                         "Advisory Group. If you do not want your information used, contact the study team and we will "
                         "remove it.")
    c["prot_sections"] = prot_std(c, background=[
        "Sepsis causes around 48,000 deaths a year in the UK. The study was conceived with colleagues at the University "
        "of Exeter when the application was first drafted; the Trust's own research team now leads it alone."],
        dm=["Data are held on the Trust's research server in Exeter (DSPT 2024/25 Standards Met, organisation code RH8)."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe critical care admission and survival after sepsis recognised in "
                                     "emergency departments in Devon and Cornwall.",
                             rec=c["rec"], funding="NIHR Research for Patient Benefit NIHR205512", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2018, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("deaths", D(2018, 4, 1), D(2024, 12, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="RH8")], optout="not_applied")
    REGISTER_ROWS.append(["23/CAG/0210", c["title"], "University of Exeter; " + ctl, "NHS number, date of birth",
                          D(2025, 10, 30), "Applied", "Support for linkage by NHS England."])
    return b


@bundle
def e16():
    b = B("e16_glaucoma_support_lapsed", D(2025, 6, 16), expect=["REG-002", "S251-006", "PN-004"], register=True)
    ctl = "City St George's, University of London"
    ids = ["nhs_number", "date_of_birth", "sex", "postcode"]
    c = base_c(ref="21/CAG/0174", short="GLAUC-FALLS", v=1,
               title="Visual field loss from glaucoma and the risk of falls and hip fracture", ctl=ctl,
               contact="Professor Lena Harwood", addr="School of Health & Medical Sciences, Northampton Square, London EC1V 0HB",
               letter_purpose="find out whether the severity of visual field loss from glaucoma predicts falls and hip fracture.",
               cohort="about 18,000 patients of three London glaucoma clinics, 2008 to 2019.",
               ds=["hes_apc", "hes_ae", "deaths"], ids=ids, letter_date=D(2023, 11, 2), committee="London - Bromley",
               iras="298115", rec="21/LO/0612",
               dspt_condition=dspt_cond(ctl, "2022/23", "Standards Met", D(2023, 10, 20)),
               app_purpose="Glaucoma narrows the visual field long before central vision fails. Clinic records hold "
                           "repeated visual field tests; linked to hospital and A&E records, they can show whether field "
                           "loss predicts falls.",
               pn_purpose="We are studying whether loss of side vision from glaucoma makes falls more likely.",
               pn_optout=None, app_optout="Patients who have registered a national opt-out will be excluded by NHS England.")
    c["prot_sections"] = prot_std(c, background=[
        "Falls are a leading cause of injury in older people, and visual impairment is a modifiable risk factor."],
        dm=["Data are held on the University's secure research server (DSPT 2024/25 Standards Met)."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To find out whether the severity of glaucomatous visual field loss predicts falls "
                                     "and hip fracture.",
                             rec=c["rec"], funding="Fight for Sight project grant 5149/5150", ids=ids,
                             datasets=datasets_block([("hes_apc", D(2008, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_ae", D(2008, 4, 1), D(2020, 3, 31), "one_off"),
                                                      ("deaths", D(2008, 4, 1), None, "latest_available")]),
                             flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_ae", "deaths"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133830")])
    REGISTER_ROWS.append(["21/CAG/0174", c["title"], ctl, "NHS number; date of birth; sex; postcode",
                          D(2024, 11, 2), "Applied", ""])
    return b


@bundle
def e17():
    b = B("e17_maternity_register_exempt", D(2025, 5, 2), expect=["REG-005", "NDOO-001", "S251-002"], register=True)
    ctl = "University of Warwick"
    ids = ["nhs_number", "date_of_birth", "postcode"]
    c = base_c(ref="22/CAG/0305", short="PRETERM-FU", v=0,
               title="Hospital use in the first five years after moderate and late preterm birth (PRETERM-FU)", ctl=ctl,
               contact="Dr Yasmin Cole", addr="Warwick Medical School, Gibbet Hill Road, Coventry CV4 7AL",
               letter_purpose="describe hospital admissions and outpatient care in the first five years of life after moderate and late preterm birth.",
               cohort="about 26,000 babies born at 32 to 36 weeks' gestation in the West Midlands, 2014 to 2019, and their mothers' maternity records.",
               ds=["msds", "hes_apc", "hes_op"], ids=ids, letter_date=D(2024, 8, 19), committee="West Midlands - Coventry & Warwick",
               iras="314480", rec="22/WM/0233", app_ref="22/CAG/0350",
               letter_optout="The applicant explained that families will be informed through the study website, posters "
                             "in neonatal units and a leaflet given at the two-year check. The Group was content with "
                             "these arrangements.",
               app_purpose="Babies born moderately or late preterm are the largest group of preterm infants, yet their "
                           "later hospital use is poorly described. We will link maternity records to the children's "
                           "hospital records.",
               pn_purpose="We are studying the health of children born a few weeks early.",
               pn_optout="The national data opt-out does not apply to this study; please contact us if you would like "
                         "your child's information removed.")
    DS.setdefault("msds", "Maternity Services Data Set (MSDS)")
    c["prot_sections"] = prot_std(c, background=[
        "Around 6% of births in England are moderate or late preterm."],
        dm=["Data are held on the University's secure research environment (DSPT 2024/25 Standards Met)."])
    s251_docs(b, c)
    b.request = s251_request(b, ref=c["ref"], title=c["title"],
                             purpose="To describe hospital admissions and outpatient care in the first five years of life "
                                     "after moderate and late preterm birth.",
                             rec=c["rec"], funding="Action Medical Research grant GN2911", ids=ids,
                             datasets=datasets_block([("msds", D(2014, 4, 1), D(2019, 3, 31), "one_off"),
                                                      ("hes_apc", D(2014, 4, 1), D(2024, 3, 31), "one_off"),
                                                      ("hes_op", D(2014, 4, 1), D(2024, 3, 31), "one_off")]),
                             flows=std_flows(ctl, ids, ids, ["msds", "hes_apc", "hes_op"]),
                             orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133911")], optout="not_applied")
    REGISTER_ROWS.append(["22/CAG/0305", c["title"], ctl, "NHS number, date of birth, postcode", D(2025, 8, 19),
                          "Exempt", "The national data opt-out does not apply to this activity (CAG advice, August 2024)."])
    return b


# ---------------------------------------------------------------- bundles: consent

def consent_request(b, *, title, purpose, rec, funding, ids, datasets, flows, orgs, rstart, rend, optout="not_applied",
                    territory="uk", extra=None):
    r = {"reference": nic(b.name), "title": title, "submitted": b.as_of, "purpose": purpose,
         "purpose_category": "research", "commercial": False, "public_benefit": None,
         "research": {"rec_reference": rec, "funding": funding},
         "legal_basis": {"common_law": "consent", "cag_reference": None, "gdpr_article_6": "6(1)(e)",
                         "gdpr_article_9": "9(2)(j)"},
         "national_data_opt_out": optout, "identifiers": list(ids),
         "cohort": {"supplied": True, "recruitment_start": rstart, "recruitment_end": rend},
         "datasets": datasets,
         "minimisation": {"statement": "Participants' identifiers are sent once, for linkage only. Each dataset is "
                                       "limited to the years the participants have been in the study and to the "
                                       "fields the analysis plan names; no free text is requested."},
         "flows": flows, "organisations": orgs, "territory_of_use": territory,
         "access": {"route": "extract", "sde_unsuitable_reason":
                    "The linked records are analysed with the cohort's questionnaire and biosample data, which the "
                    "participants agreed to have held only by the study team."},
         "sublicensing": {"planned": False, "justification": None}}
    if extra:
        r.update(extra)
    return r


def consent_pn(b, rel, *, title, ctls, ds_text, version, date, short, v=0, extra=()):
    blocks = privacy_notice(
        v, title=title, controllers=ctls,
        purpose="We use the information you gave us, and information from your health records, to answer the study's "
                "research questions. We do not use it to make decisions about your care.",
        source_text=f"Most of the information comes from you. With your consent we also receive information about you "
                    f"from NHS England, which holds national records of {ds_text}; NHS England sends it to us with your "
                    f"name and contact details removed.",
        basis_text="Taking part is voluntary and based on your consent, but under data protection law our lawful basis "
                   "is different: 'public task' (UK GDPR Article 6(1)(e)), and for health information 'scientific "
                   "research purposes' (Article 9(2)(j)).",
        optout_text=None,
        rights_text="You can ask to see the information we hold about you, and you can object to our use of it. If you "
                    "are not happy with our answer you have the right to complain to the Information Commissioner's "
                    "Office at ico.org.uk.",
        contact=f"Data Protection Officer, {ctls[0]}.", extra=extra)
    b.doc(rel, blocks, header=short, footer=f"Privacy notice v{version} {slash(date)}",
          key=key_doc("privacy_notice", version, date))


def add_cf(b, rel, *, title, iras, sponsor, pis_ref, items, version, date, short, footer=None):
    b.doc(rel, consent_form(title=title, iras=iras, pis_ref=pis_ref, items=items, version=version, date=date,
                            sponsor=sponsor),
          header=f"{sponsor}\n{short}", footer=footer or f"Consent form Version {version}, {ord_date(date)}",
          key=key_doc("consent_form", version, date))


def add_pis(b, rel, *, title, sections, version, date, short, footer=None):
    b.doc(rel, pis(title=title, sections=sections), header=short,
          footer=footer or f"Participant Information Sheet, version {version}, {slash(date)}",
          key=key_doc("participant_information_sheet", version, date))


def add_rec(b, rel, *, rec, iras, date, committee, to, title, docs):
    b.doc(rel, rec_letter(rec=rec, iras=iras, date=date, committee=committee, to=to, title=title, docs=docs),
          header="Health Research Authority  |  NHS Research Ethics Committee", footer=f"REC ref {rec}",
          key=key_doc("rec_approval", None, date))


@bundle
def e18():
    b = B("e18_teen_mood_consent_clean", D(2025, 10, 6), allow=["DOC-003"])
    ctl = "The University of Sheffield"
    title = "TEEN-MOOD: a cohort study of depression in adolescence and use of NHS mental health services"
    short, iras, rec = "TEEN-MOOD", "251006", "18/YH/0402"
    link = ("I agree that my name, NHS number, date of birth and postcode may be sent to NHS England so that information "
            "from my hospital records, my mental health records and my NHS Talking Therapies records can be linked to "
            "the information I give the study.")
    pis_secs = lambda v: [
        ("What is the purpose of the study?", "We want to understand how low mood in the teenage years develops, and "
         "which young people go on to use NHS mental health services."),
        ("What will happen if I take part?", "You will fill in an online questionnaire once a year. With your "
         "permission, we will also ask NHS England for information from your hospital records, your mental health "
         "records and any NHS Talking Therapies (IAPT) treatment, for up to 10 years after you join. To do this we "
         "send NHS England your name, NHS number, date of birth and postcode; it sends back the records without them."),
        ("Keeping in touch", "We send a newsletter twice a year and keep a study website. Please tell us if you move, "
         "so that we can update your contact details."),
        ("Will my information be kept confidential?", "Yes. The study team will not share your information with "
         "anyone outside the team, except NHS England for the linkage described above." +
         (" Since version 2.0 you can also take part by video call." if v == 2 else ""))]
    add_pis(b, "participant/PIS v1.0.pdf", title=title, sections=pis_secs(1), version="1.0", date=D(2019, 1, 7), short=short)
    add_pis(b, "participant/PIS v2.0.docx", title=title, sections=pis_secs(2), version="2.0", date=D(2020, 6, 15), short=short)
    items = ["I understand that relevant sections of my medical notes and data collected during the study may be "
             "looked at by individuals from the University of Sheffield, from regulatory authorities or from the NHS "
             "Trust, where it is relevant to my taking part in this research.", link,
             "I agree to be contacted about future studies (optional)."]
    add_cf(b, "participant/Consent form v1.0.pdf", title=title, iras=iras, sponsor=ctl,
           pis_ref="dated 07/01/2019 (version 1.0)", items=items, version="1.0", date=D(2019, 1, 7), short=short)
    add_cf(b, "participant/Consent form v2.0.docx", title=title, iras=iras, sponsor=ctl,
           pis_ref="dated 15/06/2020 (version 2.0)", items=items, version="2.0", date=D(2020, 6, 15), short=short)
    consent_pn(b, "TEEN-MOOD privacy notice.pdf", title=title, ctls=[ctl],
               ds_text="hospital care, mental health services and NHS Talking Therapies", version="1.2",
               date=D(2024, 9, 2), short=short)
    add_rec(b, "REC favourable opinion 18-YH-0402.pdf", rec=rec, iras=iras, date=D(2019, 1, 21),
            committee="Yorkshire & The Humber - Sheffield", to="Dr Nadia Brooks, The University of Sheffield", title=title,
            docs=[["Participant information sheet", "1.0", "07/01/2019"], ["Participant consent form", "1.0", "07/01/2019"]])
    b.xlsx("TEEN-MOOD data specification.xlsx", {"Datasets": [
        ["Dataset", "Years", "Fields requested", "Justification"],
        ["HES Admitted Patient Care", "From recruitment (Feb 2019), latest available", "admidate; diag_4_01; mydob",
         "Admissions for self-harm and eating disorders"],
        ["Mental Health Services Data Set", "From recruitment (Feb 2019), latest available",
         "referral_request_received_date; primary_reason_for_referral; service_type", "Contact with CAMHS and adult services"],
        ["NHS Talking Therapies (IAPT)", "From recruitment (Feb 2019), latest available",
         "referral_date; phq9_first; gad7_first; ending_reason", "Psychological therapy and outcome scores"]],
        "Identifiers": [["Item", "Used for"], ["NHS number", "Linkage only"], ["Name", "Linkage only"],
                        ["Date of birth", "Linkage only"], ["Postcode", "Linkage only"]]})
    ids = ["nhs_number", "name", "date_of_birth", "postcode"]
    st = D(2019, 2, 1)
    b.request = consent_request(
        b, title=title, purpose="To study the course of adolescent depression and later use of NHS mental health "
                                "services in a consented cohort.",
        rec=rec, funding="Wellcome Trust Mental Health Award 226781/Z/22/Z", ids=ids,
        datasets=datasets_block([("hes_apc", st, None, "latest_available", ["admidate", "diag_4_01", "mydob"]),
                                 ("mhsds", st, None, "latest_available"), ("iapt", st, None, "latest_available")]),
        flows=std_flows(ctl, ids, ids, ["hes_apc", "mhsds", "iapt"]),
        orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133842")], rstart=st, rend=D(2021, 12, 31))
    return b


@bundle
def e19():
    b = B("e19_bladder_consent_clean_wales", D(2025, 2, 24), allow=["PUR-007"])
    ctl, proc = "Cardiff University", "Tawe Clinical Data Services Ltd"
    title = "BLADDER-LT: long-term outcomes of participants in a bladder cancer chemotherapy trial"
    short, iras, rec = "BLADDER-LT", "178233", "15/WA/0214"
    pis_secs = [
        ("Why have I been invited?", "You took part in a trial of chemotherapy before bladder surgery. We would like "
         "to find out how people in the trial are doing in the long term."),
        ("What does taking part involve?", "Nothing more than your permission. We will ask the Health and Social Care "
         "Information Centre (HSCIC), which holds national health records in England, and NHS Wales to tell us about "
         "any hospital admissions, any new cancer recorded by the cancer registry, and, sadly, if you die, the date "
         "and cause of death from death records. We will send them your name, date of birth, NHS number and postcode "
         "for this."),
        ("Will you contact me again?", "We may contact you again by letter to ask you to complete a short quality of "
         "life questionnaire. You can tell us at any time that you do not want to be contacted."),
        ("Who is funding the study?", "The study is funded by Cancer Research UK. The trial drug was provided free of "
         "charge by its manufacturer, which has no role in this follow-up study and will receive none of the data.")]
    add_pis(b, "BLADDER-LT participant information sheet.pdf", title=title, sections=pis_secs, version="1.0",
            date=D(2015, 9, 1), short=short)
    add_cf(b, "BLADDER-LT consent form.pdf", title=title, iras=iras, sponsor=ctl,
           pis_ref="dated 01/09/2015 (version 1.0)",
           items=["I agree that my name, date of birth, NHS number and postcode may be given to the Health and Social "
                  "Care Information Centre and NHS Wales so that my hospital records, cancer registry records and death "
                  "records can be linked to my trial information."],
           version="1.0", date=D(2015, 9, 1), short=short)
    consent_pn(b, "BLADDER-LT privacy notice.docx", title=title, ctls=[ctl],
               ds_text="hospital admissions, cancer registrations and deaths", version="2.0", date=D(2023, 5, 2),
               short=short, v=1,
               extra=[("p", "We use a data management company, Tawe Clinical Data Services Ltd, to clean the linked data "
                            "on our behalf. The data will not be sub-licensed or passed to any third party.")])
    add_rec(b, "Wales REC 3 favourable opinion.pdf", rec=rec, iras=iras, date=D(2015, 8, 12),
            committee="Wales REC 3", to="Professor Gareth Rhys, Cardiff University", title=title,
            docs=[["Participant information sheet", "1.0", "01/09/2015"], ["Consent form", "1.0", "01/09/2015"]])
    b.doc("BLADDER-LT protocol v4.0.docx", protocol(title=title, version="4.0", date=D(2024, 11, 18), sponsor=ctl, sections=[
        ("1. Background", ["The original trial closed to recruitment in 2018. This protocol covers long-term follow-up "
                           "through routine records for participants who consented to it."]),
        ("2. Data flow", ["Step by step:", ("list", [
            "The trial office at Cardiff University sends the consented participants' identifiers to NHS England by SEFT.",
            "NHS England links them to HES Admitted Patient Care, the National Cancer Registration Dataset and Civil "
            "Registration - Deaths, and returns a pseudonymised extract.",
            f"{proc} cleans the extract on the University's network in Cardiff; it will not receive identifiers."])]),
        ("3. Security", [("table", [["Organisation", "Assurance"],
                                    [ctl, "DSPT 2024/25: Standards Met (organisation code EE133817)"],
                                    [proc, "ISO/IEC 27001 certificate 2210447, valid to 30/11/2026. Confirmation of its "
                                           "DSPT 2024/25 submission is awaited."]])])]),
          header=f"{short} protocol", footer="Protocol version 4.0, 18/11/2024", key=key_doc("protocol", "4.0", D(2024, 11, 18)))
    ids = ["nhs_number", "name", "date_of_birth", "postcode"]
    b.request = consent_request(
        b, title=title, purpose="To describe long-term hospital admission, second cancers and survival in participants "
                                "of a bladder cancer chemotherapy trial who consented to follow-up.",
        rec=rec, funding="Cancer Research UK CRUK/15/033", ids=ids,
        datasets=datasets_block([("hes_apc", D(2015, 4, 1), D(2024, 3, 31), "one_off"),
                                 ("cancer_registration", D(2015, 1, 1), D(2023, 12, 31), "one_off"),
                                 ("deaths", D(2015, 10, 1), D(2024, 12, 31), "one_off")]),
        flows=std_flows(ctl, ids, ids, ["hes_apc", "cancer_registration", "deaths"]),
        orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133817", locations=["Wales"]),
              org(proc, ["processor"], dspt=None, locations=["Wales"],
                  iso={"certificate": "2210447", "expires": D(2026, 11, 30), "scope": "Clinical data management services"})],
        rstart=D(2015, 10, 1), rend=D(2018, 3, 31), territory="england_wales")
    return b


@bundle
def e20():
    b = B("e20_ageing_consent_periods", D(2025, 3, 31), expect=["MIN-007", "CON-001", "CON-002"])
    ctl = "University of East Anglia"
    title = "NORFOLK-AGE: frailty, hospital care and survival in later life"
    short, iras, rec = "NORFOLK-AGE", "190374", "15/EE/0388"
    period = ("With your permission we will collect information about you from your NHS records held by NHS England, "
              "covering the period from 2010 until December 2030: hospital admissions and outpatient appointments, "
              "and, if you die during this time, the date and cause of death from death registrations.")
    secs = lambda extra: [
        ("Why is this study being done?", "We want to learn how frailty develops in later life and how it affects the "
         "use of hospital care."),
        ("What will I have to do?", "We will visit you at home every two years to measure your grip strength and "
         "walking speed and to ask about your health. " + period),
        ("How will you link my records?", "We will send your name, date of birth, NHS number and postcode to NHS "
         "England, which will find your records and return them to us without these details."),
        ("Staying in touch", "We will send you a newsletter each year with the study's findings." + extra)]
    add_pis(b, "PIS/NORFOLK-AGE PIS v1.0.pdf", title=title, sections=secs(""), version="1.0", date=D(2016, 3, 1), short=short)
    add_pis(b, "PIS/NORFOLK-AGE PIS v2.0.pdf", title=title, sections=secs(" From 2018 you can also read it on our website."),
            version="2.0", date=D(2018, 9, 1), short=short)
    items = ["I agree that NHS England may send the study team information from my hospital records and death "
             "registration, linked using my name, date of birth, NHS number and postcode, as described in the "
             "information sheet.", "I agree to my GP being informed of my participation in the study."]
    add_cf(b, "consent/NORFOLK-AGE consent form v1.0.docx", title=title, iras=iras, sponsor=ctl,
           pis_ref="version 1.0 dated 01/03/2016", items=items, version="1.0", date=D(2016, 3, 1), short=short)
    add_cf(b, "consent/NORFOLK-AGE consent form v2.0.docx", title=title, iras=iras, sponsor=ctl,
           pis_ref="version 2.1 dated 01/09/2018", items=items, version="2.0", date=D(2018, 9, 1), short=short)
    consent_pn(b, "NORFOLK-AGE privacy notice.pdf", title=title, ctls=[ctl],
               ds_text="hospital admissions, outpatient appointments and deaths", version="1.0", date=D(2023, 2, 6),
               short=short)
    add_rec(b, "ethics/REC approval.pdf", rec=rec, iras=iras, date=D(2016, 3, 8), committee="East of England - Essex",
            to="Dr Philippa Lowe, University of East Anglia", title=title,
            docs=[["Participant information sheet", "1.0", "01/03/2016"], ["Consent form", "1.0", "01/03/2016"]])
    ids = ["nhs_number", "name", "date_of_birth", "postcode"]
    b.request = consent_request(
        b, title=title, purpose="To describe how frailty in later life relates to hospital use and survival in a "
                                "consented Norfolk cohort.",
        rec=rec, funding="Dunhill Medical Trust grant RPGF2002\\155", ids=ids,
        datasets=datasets_block([("hes_apc", D(2005, 4, 1), D(2024, 3, 31), "one_off"),
                                 ("hes_op", D(2010, 4, 1), D(2024, 3, 31), "one_off"),
                                 ("deaths", D(2016, 1, 15), None, "latest_available")]),
        flows=std_flows(ctl, ids, ids, ["hes_apc", "hes_op", "deaths"]),
        orgs=[org(ctl, dspt=("standards_met", "2024-25"), code="EE133832")],
        rstart=D(2016, 1, 15), rend=D(2019, 12, 31))
    return b


@bundle
def e21():
    b = B("e21_asthma_consent_versions", D(2025, 1, 13), expect=["DOC-004", "DOC-005", "NDOO-002"])
    ctl = "King's College London"
    title = "ASTHMA-TRANS: young people with asthma moving from children's to adult services"
    short, iras, rec = "ASTHMA-TRANS", "247715", "18/LO/1733"
    link = ("I agree that my (my child's) name, NHS number, date of birth and postcode may be shared with NHS England so "
            "that records of my hospital admissions and emergency department visits (the Emergency Care Data Set) can be linked to "
            "the study.")
    add_cf(b, "forms/Consent form young people 16+ v1.0.pdf", title=title, iras=iras, sponsor=ctl,
           pis_ref="(version 1.0)", items=[link], version="1.0", date=D(2019, 1, 10), short=short)
    add_cf(b, "forms/Consent form parents v1.0.pdf", title=title, iras=iras, sponsor=ctl,
           pis_ref="(version 1.0)", items=[link, "I agree to my child's GP being informed."], version="1.0",
           date=D(2019, 3, 2), short=short)
    add_pis(b, "forms/Information sheet.docx", title=title, sections=[
        ("What is the study about?", "Many young people with asthma have more attacks when they move from children's "
         "to adult services. We want to find out why."),
        ("What will happen?", "We will ask you to fill in a short questionnaire each year. With your agreement, we will "
         "ask NHS England for details of your hospital admissions and visits to emergency departments, from its Emergency "
         "Care Data Set."),
        ("Keeping in touch", "You will get a newsletter every year, and you can follow the study on our website.")],
        version="1.0", date=None, short=short, footer="ASTHMA-TRANS information sheet, version 1.0")
    consent_pn(b, "ASTHMA-TRANS privacy notice.pdf", title=title, ctls=[ctl],
               ds_text="hospital admissions and emergency care attendances", version="1.1", date=D(2022, 4, 4), short=short)
    add_rec(b, "REC letter 18-LO-1733.pdf", rec=rec, iras=iras, date=D(2018, 12, 3), committee="London - Hampstead",
            to="Dr Sophie Adeyemi, King's College London", title=title,
            docs=[["Participant information sheet", "1.0", ""], ["Consent forms", "1.0", ""]])
    ids = ["nhs_number", "name", "date_of_birth", "postcode"]
    b.request = consent_request(
        b, title=title, purpose="To study asthma attacks, admissions and emergency care in young people moving from "
                                "children's to adult services.",
        rec=rec, funding="Asthma + Lung UK grant AUK-SG-2018-412", ids=ids,
        datasets=datasets_block([("hes_apc", D(2019, 4, 1), D(2024, 3, 31), "one_off"),
                                 ("ecds", D(2019, 4, 1), D(2024, 3, 31), "one_off")]),
        flows=std_flows(ctl, ids, ids, ["hes_apc", "ecds"]),
        orgs=[org(ctl, dspt=("standards_met", "2023-24"), code="EE133819")],
        rstart=D(2019, 4, 1), rend=D(2022, 3, 31), optout="applied")
    return b


# ---------------------------------------------------------------- main

def build_register(out: Path):
    rows = [["HRA Confidentiality Advisory Group"], ["Register of approved applications: research (extract for review)"],
            [], ["CAG reference", "Application title", "Applicant organisation", "Identifiers approved",
                 "Next review date", "National data opt-out status", "Notes"]]
    rows += [[*r[:4], r[4], r[5], r[6]] for r in REGISTER_ROWS]
    write_xlsx(out / REGISTER_NAME, {"Index": [["Sheet", "Contents"], ["Research", "Approved research applications"],
                                               ["Column F", "National data opt-out status, recorded since 2023"]],
                                     "Research": rows})


def main(argv):
    if len(argv) != 2:
        print("usage: python build.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    keys = {}
    for fn in BUNDLES:
        b = fn()
        keys[b.name] = b.build(out)
    build_register(out)
    (out / "keys.json").write_text(json.dumps(keys, indent=2, sort_keys=True) + "\n")
    print(f"built {len(keys)} bundles in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
