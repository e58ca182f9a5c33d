#!/usr/bin/env python3
"""Build the unseen_d evaluation corpus: python build.py OUTDIR (run with /work/main/.venv/bin/python)."""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle, FrameBreak, NextPageTemplate)


def _fix_docx_dates(path: Path) -> None:
    """Rewrite the docx zip with fixed timestamps and core properties so builds are deterministic."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re as _re
                body = _re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                               body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    path.write_bytes(out.getvalue())


def docx(path: Path, blocks: list, header: str | None = None, footer: str | None = None,
         author: str = "Study team") -> None:
    """blocks: ('title', t) ('h', t) ('p', t) ('b', t) bullet, ('table', rows, widths?) first row header."""
    d = Document()
    cp = d.core_properties
    import datetime as _dt
    cp.author = author
    cp.created = _dt.datetime(2024, 1, 1)
    cp.modified = _dt.datetime(2024, 1, 1)
    cp.last_modified_by = author
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    sec = d.sections[0]
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if footer:
        fp = sec.footer.paragraphs[0]
        fp.text = footer
    for blk in blocks:
        kind = blk[0]
        if kind == "title":
            p = d.add_paragraph()
            r = p.add_run(blk[1])
            r.bold = True
            r.font.size = Pt(15)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h":
            d.add_heading(blk[1], level=2)
        elif kind == "p":
            d.add_paragraph(blk[1])
        elif kind == "b":
            d.add_paragraph(blk[1], style="List Bullet")
        elif kind == "n":
            d.add_paragraph(blk[1], style="List Number")
        elif kind == "table":
            rows = blk[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
                    if i == 0:
                        for r in t.cell(i, j).paragraphs[0].runs:
                            r.bold = True
            d.add_paragraph("")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    _fix_docx_dates(path)


_SS = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_SS["BodyText"], fontName="Helvetica", fontSize=9.6, leading=12.6,
                      spaceAfter=5)
H = ParagraphStyle("h", parent=_SS["Heading3"], fontName="Helvetica-Bold", fontSize=11, spaceBefore=6,
                   spaceAfter=3)
TITLE = ParagraphStyle("t", parent=_SS["Title"], fontName="Helvetica-Bold", fontSize=14.5, spaceAfter=8)
SMALL = ParagraphStyle("s", parent=BODY, fontSize=8.5, leading=10.5)
RIGHT = ParagraphStyle("r", parent=BODY, alignment=2)


def _esc(t: str) -> str:
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pdf(path: Path, blocks: list, header: str = "", footer: str = "", two_column: bool = False,
        letterhead: list[str] | None = None, title: str = "") -> None:
    """Blocks as for docx plus ('addr', [lines]) ('right', text) ('small', text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=24 * mm,
                          bottomMargin=20 * mm, title=title or path.stem, author="", creator="",
                          producer="", invariant=1)
    W, Hh = A4

    def deco(canvas, d):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.8)
        if header:
            canvas.drawString(20 * mm, Hh - 13 * mm, header)
        if footer:
            canvas.drawString(20 * mm, 11 * mm, footer.replace("{page}", str(d.page)))
        canvas.line(20 * mm, Hh - 15 * mm, W - 20 * mm, Hh - 15 * mm)
        canvas.restoreState()

    fw = W - 40 * mm
    fh = Hh - 44 * mm
    one = Frame(20 * mm, 20 * mm, fw, fh, id="one")
    cw = (fw - 8 * mm) / 2
    left = Frame(20 * mm, 20 * mm, cw, fh, id="l")
    right = Frame(20 * mm + cw + 8 * mm, 20 * mm, cw, fh, id="r")
    templates = [PageTemplate(id="one", frames=[one], onPage=deco)]
    if two_column:
        templates = [PageTemplate(id="two", frames=[left, right], onPage=deco)]
    doc.addPageTemplates(templates)
    story = []
    if letterhead:
        story.append(Paragraph("<br/>".join(_esc(x) for x in letterhead), RIGHT))
        story.append(Spacer(1, 6))
    for blk in blocks:
        kind = blk[0]
        if kind == "title":
            story.append(Paragraph(_esc(blk[1]), TITLE))
        elif kind == "h":
            story.append(Paragraph(_esc(blk[1]), H))
        elif kind == "p":
            story.append(Paragraph(_esc(blk[1]), BODY))
        elif kind == "small":
            story.append(Paragraph(_esc(blk[1]), SMALL))
        elif kind == "right":
            story.append(Paragraph(_esc(blk[1]), RIGHT))
        elif kind in ("b", "n"):
            story.append(Paragraph(("&bull; " if kind == "b" else "") + _esc(blk[1]), BODY))
        elif kind == "addr":
            story.append(Paragraph("<br/>".join(_esc(x) for x in blk[1]), BODY))
        elif kind == "table":
            rows = [[Paragraph(_esc(c), SMALL) for c in r] for r in blk[1]]
            width = (cw if two_column else fw)
            ncol = len(blk[1][0])
            widths = blk[2] if len(blk) > 2 else [width / ncol] * ncol
            t = Table(rows, colWidths=[w * width for w in widths] if len(blk) > 2 else widths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
            story.append(Spacer(1, 6))
        elif kind == "space":
            story.append(Spacer(1, blk[1]))
    doc.build(story)
    path.write_bytes(buf.getvalue())


def eml(path: Path, sender: str, to: str, date: str, subject: str, body: str,
        attachments: list[tuple[str, bytes, str]] | None = None) -> None:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = to
    m["Date"] = date
    m["Subject"] = subject
    m["Message-ID"] = f"<{abs(hash(subject)) % 10**9}@mail.example.org>" if False else \
        f"<{subject.lower().replace(' ', '.')[:40]}@mail.example.org>"
    m.set_content(body)
    for name, data, mime in attachments or []:
        maintype, subtype = mime.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(m))

# ---------------------------------------------------------------------------------------------
# Document texts. Each function returns nothing: it writes one document. S is a study dict.
# ---------------------------------------------------------------------------------------------

def consent_form(path, S, ver, vdate, pis_ver, pis_date, style=0, linkage=True, contact=True,
                 records_phrase="hospital records and, if it applies, death records",
                 footer_override=None, extra_statements=None, tickbox_linkage=False, nhse_logo=False):
    hdr = f"{S['short']}  |  IRAS ID: {S['iras']}"
    if nhse_logo:
        hdr = f"{S['short']}  |  Supported by NHS England  |  IRAS ID: {S['iras']}"
    foot = footer_override if footer_override is not None else \
        [f"{S['short']} Consent Form, Version {ver}, {vdate}",
         f"Consent form v{ver} ({vdate}) - 1 copy for participant, 1 for site file, 1 for medical notes",
         f"[{S['short']} ICF] Version {ver} dated {vdate}. Page 1 of 2"][style % 3]
    st = [
        f"I confirm that I have read the information sheet dated {pis_date} (version {pis_ver}) for the above "
        f"study. I have had the opportunity to consider the information, ask questions and have had these "
        f"answered satisfactorily.",
        "I understand that my participation is voluntary and that I am free to withdraw at any time without "
        "giving any reason, without my medical care or legal rights being affected.",
        f"I understand that relevant sections of my medical notes and data collected during the study may be "
        f"looked at by individuals from {S['controller_short']}, from regulatory authorities or from the NHS "
        f"Trust, where it is relevant to my taking part in this research. I give permission for these "
        f"individuals to have access to my records.",
        "I agree to my GP being informed of my participation in the study.",
    ]
    if linkage and not tickbox_linkage:
        st.append(f"I agree that my name, date of birth, NHS number and postcode may be sent to NHS England so "
                  f"that information from my {records_phrase} held nationally can be linked to the study "
                  f"data, now and in the future.")
    if contact:
        st.append("I agree to be contacted again by the study team about further questionnaires, and I will "
                  "let them know if my contact details change.")
    st += list(extra_statements or [])
    st.append("I agree to take part in the above study.")
    blocks = [("title", "CONSENT FORM" if style != 2 else "Participant Consent Form"),
              ("p", f"Title of study: {S['title']}"),
              ("p", f"Name of Chief Investigator: {S['ci']}    Participant study number: ________")]
    if style == 1:
        blocks.append(("p", "Please read each statement and write your initials in the box if you agree."))
    else:
        blocks.append(("p", "Please initial each box"))
    rows = [["", "Statement", "Please initial box"]] + [[str(i + 1), s, ""] for i, s in enumerate(st)]
    blocks.append(("table", rows) if path.suffix == ".docx" else ("table", rows, [0.07, 0.75, 0.18]))
    if linkage and tickbox_linkage:
        blocks.append(("h", "Optional: linking to national health records"))
        blocks.append(("p", f"Please tick ONE box. With your permission, your NHS number, name, date of "
                            f"birth and postcode will be sent to NHS England so that your {records_phrase} "
                            f"can be linked to the information you give us."))
        blocks.append(("table", [["", "Tick"], ["I agree to this linkage", "[  ]"],
                                 ["I do not agree to this linkage", "[  ]"]]))
    blocks += [("p", "Name of participant ____________________  Date ____________  Signature ______________"),
               ("p", "Name of person taking consent ____________________  Date ____________  Signature "
                     "______________")]
    if path.suffix == ".docx":
        docx(path, blocks, header=hdr, footer=foot)
    else:
        pdf(path, blocks, header=hdr, footer=foot + "   Page {page}")


def pis(path, S, ver, vdate, style=0, linkage=True, contact=True, records=None, history=None,
        commercial_sentence=None, period_sentence=None, extra=None, two_column=False,
        footer_override=None, notes_only=False, honorary_sentence=None):
    records = records or ["hospital records (Hospital Episode Statistics)", "death records held by the ONS"]
    hdr = f"{S['short']} Participant Information Sheet  |  IRAS {S['iras']}"
    foot = footer_override if footer_override is not None else \
        [f"PIS version {ver}, {vdate}", f"{S['short']} Participant Information Sheet - Version {ver} - {vdate}",
         f"Information sheet v{ver} {vdate}"][style % 3]
    B = [("title", "Participant Information Sheet" if style != 1 else "Information for participants"),
         ("p", S["title"])]
    if history:
        B.append(("h", "Version history"))
        B.append(("table", [["Version", "Date", "Summary of changes"]] + history))
    B += [("p", f"We would like to invite you to take part in a research study. Before you decide whether to "
                f"take part, it is important for you to understand why the research is being done and what it "
                f"will involve. Please take time to read the following information carefully, and talk to "
                f"others about the study if you wish. Ask us if there is anything that is not clear or if you "
                f"would like more information. Take time to decide whether or not you wish to take part."),
          ("h", "What is the purpose of the study?"),
          ("p", S["lay_purpose"]),
          ("h", "Why have I been invited?"),
          ("p", S["why_invited"]),
          ("h", "Do I have to take part?"),
          ("p", "It is up to you to decide whether or not to take part. If you do decide to take part you will "
                "be given this information sheet to keep and be asked to sign a consent form. You are still "
                "free to withdraw at any time and without giving a reason. A decision to withdraw, or a "
                "decision not to take part, will not affect the standard of care you receive."),
          ("h", "What will happen to me if I take part?"),
          ("p", S["what_happens"])]
    if linkage:
        recs = ", ".join(records[:-1]) + (" and " if len(records) > 1 else "") + records[-1]
        B += [("h", "Will you look at my health records?"),
              ("p", f"With your permission we would like to find out about your health over the coming years "
                    f"without asking you to fill in more forms. To do this we will send your name, date of "
                    f"birth, NHS number and postcode securely to NHS England, the organisation that holds "
                    f"national health records. NHS England will use these details to find your {recs} and "
                    f"link them to the information you have given us. NHS England will then send the linked "
                    f"information back to us with your name and address removed, so that the research team "
                    f"cannot see who you are from it.")]
        if period_sentence:
            B.append(("p", period_sentence))
    elif notes_only:
        B += [("h", "Will you look at my medical notes?"),
              ("p", f"Yes. A research nurse at your hospital will look at your hospital medical notes to record "
                    f"any hospital admissions you have during the study. Your notes may also be looked at by "
                    f"people from {S['controller_short']} and from regulatory authorities to check that the "
                    f"study is being carried out correctly.")]
    if commercial_sentence:
        B += [("h", "Who is funding the research?"), ("p", commercial_sentence)]
    B += [("h", "Will my taking part in this study be kept confidential?"),
          ("p", f"Yes. All the information about your participation in this study will be kept confidential. "
                f"{S['controller_short']} is the sponsor for this study based in the United Kingdom and will "
                f"act as the data controller. We will keep identifiable information about you for "
                f"{S.get('retention', '10 years')} after the study has finished. You can find out more about "
                f"how we use your information in our privacy notice.")]
    if honorary_sentence:
        B.append(("p", honorary_sentence))
    if contact:
        B += [("h", "Keeping in touch"),
              ("p", f"We send a short newsletter to everyone taking part once a year, and the study website "
                    f"({S['web']}) has news of the results. We may also contact you again to invite you to "
                    f"complete further questionnaires. Please tell us if you move house or change your phone "
                    f"number so that we can update your contact details.")]
    B += [("h", "What will happen if I don't want to carry on with the study?"),
          ("p", "You can withdraw at any time. If you withdraw we will keep the information we have already "
                "collected, unless you ask us to destroy it, because removing it could affect the results.")]
    for e in extra or []:
        B.append(e)
    B += [("h", "Who has reviewed the study?"),
          ("p", f"All research in the NHS is looked at by an independent group of people, called a Research "
                f"Ethics Committee, to protect your interests. This study has been reviewed and given a "
                f"favourable opinion by the {S['rec_committee']}."),
          ("h", "Further information"),
          ("p", f"{S['ci']}, Chief Investigator. Telephone {S['phone']}. E-mail {S['email']}."),
          ("p", "Thank you for reading this information sheet.")]
    if path.suffix == ".docx":
        docx(path, B, header=hdr, footer=foot)
    else:
        pdf(path, B, header=hdr, footer=foot + "   Page {page}", two_column=two_column)


def privacy_notice(path, S, controllers_text, date_text, ver=None, style=0, source_nhse=True,
                   lawful=True, rights=True, ndoo=False, acronym=None, extra=None, dspt_sentence=None):
    """controllers_text: sentence naming the controller(s)."""
    title = ["Privacy notice for research participants", "Transparency notice",
             "Fair processing notice"][style % 3]
    B = [("title", title), ("p", S["title"])]
    if ver:
        B.append(("right", f"Version {ver}. Last updated {date_text}"))
    else:
        B.append(("right", f"Last updated: {date_text}"))
    B += [("h", "Who we are"), ("p", controllers_text)]
    if acronym:
        B.append(("p", acronym))
    B += [("h", "What information we use"),
          ("p", S.get("pn_what") or
                (f"We hold the information you gave us when you joined {S['short']}, such as your name, date of "
                 f"birth, NHS number and postcode, together with your questionnaire answers and the results of "
                 f"any measurements taken at study visits."))]
    if source_nhse:
        B.append(("p", "We also receive information about you from NHS England (formerly NHS Digital), which "
                       "links your details to national records of hospital care and registered deaths. NHS "
                       "England is therefore a source of some of the information we hold about you."))
    else:
        B.append(("p", "We also receive information about your hospital care from the hospitals that treat "
                       "you, where you have agreed to this."))
    if lawful:
        B += [("h", "Our lawful basis"),
              ("p", S.get("lawful_text",
                          "Under the UK General Data Protection Regulation we rely on Article 6(1)(e), the "
                          "performance of a task carried out in the public interest (our public task), and, "
                          "because health information is a special category of personal data, on Article "
                          "9(2)(j): processing necessary for scientific research purposes, with appropriate "
                          "safeguards. This is separate from the consent you gave to take part in the study."))]
    else:
        B += [("h", "Why we use your information"),
              ("p", "We use your information only to carry out the study described in your information sheet, "
                    "and we keep it only as long as we need it for that study.")]
    if ndoo:
        B += [("h", "The national data opt-out"),
              ("p", "You can choose to stop your confidential patient information being used for research "
                    "and planning by registering a national data opt-out (www.nhs.uk/your-nhs-data-matters). "
                    "Where the opt-out applies to this study, NHS England removes the records of people who "
                    "have registered one before linking.")]
    B += [("h", "Keeping your information safe"),
          ("p", "Your details are kept on secure university servers in England. Only members of the study "
                "team who need to see them can do so. Researchers who analyse the data see it without your "
                "name, address or NHS number.")]
    if dspt_sentence:
        B.append(("p", dspt_sentence))
    if rights:
        B += [("h", "Your rights"),
              ("p", "You have the right to ask for a copy of the information we hold about you, to have it "
                    "corrected, and in some circumstances to object to our use of it or to ask for it to be "
                    "erased or restricted. Your rights to access, change or move your information are limited, "
                    "as we need to manage your information in specific ways for the research to be reliable."),
              ("p", "If you are unhappy with how we have handled your information you can complain to the "
                    "Information Commissioner's Office (ico.org.uk, 0303 123 1113).")]
    else:
        B += [("h", "Questions"),
              ("p", f"If you have a question about this notice please write to the study team at {S['email']}.")]
    for e in extra or []:
        B.append(e)
    B += [("h", "Data Protection Officer"),
          ("p", f"Our Data Protection Officer can be reached at {S.get('dpo', 'dataprotection@' + S['domain'])}.")]
    foot = f"{title} - {S['short']}" + (f" - v{ver}" if ver else "") + f" - {date_text}"
    if path.suffix == ".docx":
        docx(path, B, header=S["controller_short"], footer=foot)
    else:
        pdf(path, B, header=S["controller_short"], footer=foot + "   Page {page}", two_column=(style == 1))


def rec_letter(path, S, date_text, rec_ref=None, style=0):
    rec_ref = rec_ref or S["rec_ref"]
    lh = [S["rec_committee"], "Health Research Authority", "2 Redman Place, Stratford, London E20 1JQ",
          "Telephone: 0207 104 8000"]
    B = [("p", date_text),
         ("addr", [S["ci"], S["ci_dept"], S["controller_short"]]),
         ("p", f"Dear {S['ci'].split()[0]} {S['ci'].split()[-1]}"),
         ("p", f"Study title: {S['title']}"),
         ("p", f"REC reference: {rec_ref}"),
         ("p", f"IRAS project ID: {S['iras']}"),
         ("p", f"Thank you for your letter responding to the Committee's request for further information on the "
               f"above research and submitting revised documentation. The further information has been "
               f"considered on behalf of the Committee by the Chair."),
         ("h", "Confirmation of ethical opinion"),
         ("p", "On behalf of the Committee, I am pleased to confirm a favourable ethical opinion for the above "
               "research on the basis described in the application form, protocol and supporting "
               "documentation as revised, subject to the conditions specified below."),
         ("h", "Conditions of the favourable opinion"),
         ("p", "The REC favourable opinion is subject to the following conditions being met prior to the start "
               "of the study. Management permission must be obtained from each host organisation prior to the "
               "start of the study at the site concerned."),
         ("p", f"{rec_ref}    Please quote this number on all correspondence"),
         ("p", "With the Committee's best wishes for the success of this project."),
         ("p", "Yours sincerely"),
         ("p", "pp Chair"),
         ("small", "Copy to: Sponsor's representative; R&D office of the lead NHS organisation")]
    pdf(path, B, header=f"{S['rec_committee']} - favourable opinion", footer=f"REC ref {rec_ref}   Page {{page}}",
        letterhead=lh)


def protocol(path, S, ver, vdate, paragraphs, style=0):
    hdr = f"{S['short']} Protocol" + (f"  |  IRAS {S['iras']}" if S.get("iras") else "")
    foot = f"{S['short']} study protocol, version {ver}, {vdate}"
    B = [("title", f"{S['short']}: Study Protocol"), ("p", S["title"]),
         ("table", [["Protocol version", ver], ["Date", vdate], ["Sponsor", S["controller_short"]],
                    ["IRAS ID", S.get("iras") or "not applicable"], ["Chief Investigator", S["ci"]]]),
         ("h", "1. Background"), ("p", S["background"]),
         ("h", "2. Aims"), ("p", S["lay_purpose"])]
    for i, (h, p) in enumerate(paragraphs, start=3):
        B += [("h", f"{i}. {h}"), ("p", p)]
    if path.suffix == ".docx":
        docx(path, B, header=hdr, footer=foot)
    else:
        pdf(path, B, header=hdr, footer=foot + "   Page {page}")


def newsletter_pdf(path, S, issue, date_text, paragraphs):
    B = [("title", f"{S['short']} News - {issue}"), ("right", date_text)] + \
        [("p", p) for p in paragraphs] + \
        [("h", "Moved house?"),
         ("p", f"Please let us know your new address by e-mail ({S['email']}) or by phone on {S['phone']} so "
               f"we can keep in touch.")]
    pdf(path, B, header=f"{S['short']} participant newsletter", footer=f"{S['short']} News, {issue}   Page {{page}}",
        two_column=True)

# ---------------------------------------------------------------------------------------------
# Section 251 documents
# ---------------------------------------------------------------------------------------------
HRA_LH = ["Health Research Authority", "Confidentiality Advisory Group", "2 Redman Place", "Stratford",
          "London E20 1JQ", "Email: cag@hra.nhs.uk"]


def cag_letter(path, T, date_text, style=0, body_nhse="NHS England", identifiers_text=None,
               datasets_text=None, actions=("receive", "link"), purpose=None, controller=None,
               review_text=None, until_text=None, ndoo_text=None, dspt_text=None, reviewed=None,
               previous=None, extra=None, kind="approval"):
    ref = T["cag_ref"]
    identifiers_text = identifiers_text or T["ids_text"]
    datasets_text = datasets_text or T["datasets_text"]
    purpose = purpose or T["purpose_cag"]
    controller = controller or T["controller"]
    acts = []
    if "receive" in actions:
        acts.append(f"the applicant to disclose the identifiers listed below to {body_nhse}")
    if "link" in actions:
        acts.append(f"{body_nhse} to link the identifiers to its datasets")
    if "disseminate" in actions:
        acts.append(f"{body_nhse} to return the linked identifiable extract to the applicant")
    B = [("p", date_text), ("addr", [T["applicant_person"], T["applicant_dept"], controller]),
         ("p", f"Dear {T['applicant_person'].split()[0]} {T['applicant_person'].split()[-1]}")]
    if kind == "approval":
        B += [("p", f"Application title: {T['title']}"),
              ("p", f"CAG reference: {ref}" + (f"    IRAS project ID: {T['iras']}" if T.get('iras') else "")
               + (f"    REC reference: {T['rec_ref']}" if T.get('rec_ref') else ""))]
        if previous:
            B.append(("p", previous))
        B += [("p", "Thank you for your research application, submitted for approval under Regulation 5 of the "
                    "Health Service (Control of Patient Information) Regulations 2002 to process confidential "
                    "patient information without consent. Supported applications enable the data controller "
                    "to provide specified information to the applicant for the purposes of the relevant "
                    "activity, without being in breach of the common law duty of confidentiality."),
              ("p", "Secretary of State for Health and Social Care / Health Research Authority decision: the "
                    "Health Research Authority, having considered the advice from the Confidentiality "
                    "Advisory Group as set out below, has determined the following: the application is fully "
                    "supported, subject to compliance with the standard and specific conditions of support."),
              ("h", "Context"),
              ("p", f"Purpose of application: This application from {controller} set out the purpose of "
                    f"medical research which aims to {purpose}"),
              ("p", f"Support under the Regulations is requested for {', '.join(acts[:-1])}"
                    f"{' and ' if len(acts) > 1 else ''}{acts[-1]}. {T['flow_note']}"),
              ("table", [["Cohort", T["cohort_text"]],
                         ["Data sources", datasets_text],
                         ["Identifiers for linkage", identifiers_text],
                         ["Identifiers for analysis", T.get("analysis_ids", "Sex, month and year of death")]],
               [0.3, 0.7]),
              ("h", "Confidentiality Advisory Group advice"),
              ("p", "The Group agreed that the application had a medical purpose and was in the public interest. "
                    "Members accepted that consent was not practicable given the size of the cohort and the "
                    "number of people who will have died or moved since their treatment, and that the "
                    "identifiers requested were the minimum needed to achieve accurate linkage.")]
        if ndoo_text:
            B.append(("p", ndoo_text))
        B += [("h", "Specific conditions of support"),
              ("n", "1. Favourable opinion from a Research Ethics Committee. Confirmed."),
              ("n", "2. Confirmation of suitable security arrangements via the Data Security and Protection "
                    "Toolkit (DSPT) submission. " + (dspt_text or "Confirmed."))]
        if until_text:
            B.append(("p", until_text))
        B.append(("p", review_text or "An annual review report should be submitted to the CAG inbox twelve "
                                      "months from the date of this letter."))
        if reviewed:
            B += [("h", "Reviewed documentation"),
                  ("table", [["Document", "Version", "Date"]] + reviewed)]
    else:
        B += [("p", f"{T['title']}"), ("p", f"CAG reference: {ref}")]
        if previous:
            B.append(("p", previous))
        B += [("p", "Thank you for submitting an annual review report for the above application. Having "
                    "considered the report, the Confidentiality Advice Team can confirm that support under "
                    "Regulation 5 of the Health Service (Control of Patient Information) Regulations 2002 "
                    "remains in place."),
              ("p", review_text or "Your next annual review is due twelve months from the date of this letter.")]
    for e in extra or []:
        B.append(e)
    B += [("p", "Yours sincerely"), ("p", T.get("officer", "Confidentiality Advisor")),
          ("p", "On behalf of the Health Research Authority")]
    pdf(path, B, header=f"CAG reference {ref}" if style == 0 else "Health Research Authority",
        footer="HRA Confidentiality Advice Team   Page {page}", letterhead=HRA_LH)


def s251_application(path, T, ver, vdate, end_text=None, ref=True, identifiers_text=None, purpose=None):
    hdr = f"IRAS Form  |  CAG application  |  IRAS {T.get('iras', '')}"
    foot = f"CAG application form - {T['short']} - version {ver}, {vdate}"
    B = [("title", "Application for section 251 support: Confidentiality Advisory Group (CAG) application form"),
         ("table", [["Full title", T["title"]],
                    ["CAG reference", T["cag_ref"] if ref else "to be allocated"],
                    ["Applicant organisation", T["controller"]],
                    ["Version / date", f"{ver} / {vdate}"]], [0.35, 0.65]),
         ("h", "A1. Purpose of the activity"),
         ("p", f"The purpose of this research is to {purpose or T['purpose_cag']}"),
         ("h", "A2. Confidential patient information requested"),
         ("p", f"The following items of confidential patient information are required: "
               f"{identifiers_text or T['ids_text']}. These are needed so that NHS England can match the "
               f"cohort to its records with high accuracy; no identifiers are returned to the research team."),
         ("h", "A3. Data sources and flows"),
         ("p", f"The applicant will send the cohort's identifiers to NHS England by its secure file transfer. "
               f"NHS England will link them to {T['datasets_text']} and return a pseudonymised extract. "
               f"{T['flow_note']}"),
         ("h", "A4. Why consent is not practicable"),
         ("p", T["why_no_consent"]),
         ("h", "A5. Patient notification and the national data opt-out"),
         ("p", T.get("notification", "A study privacy notice is published on the study website and the national "
                                     "data opt-out will be applied by NHS England before linkage."))]
    if end_text:
        B += [("h", "A6. Duration"), ("p", end_text)]
    docx(path, B, header=hdr, footer=foot)

# ---------------------------------------------------------------------------------------------
# Request helpers
# ---------------------------------------------------------------------------------------------
import datetime as _dt


def D(s):
    return _dt.date.fromisoformat(s)


def org(name, roles=("controller",), loc=("England",), dspt=("standards_met", "2024-25"), code=None,
        dsfc=True, **extra):
    o = {"name": name, "roles": list(roles)}
    if "controller" in roles:
        o["dsfc"] = dsfc
    o["processing_locations"] = list(loc)
    if dspt:
        d = {"status": dspt[0], "year": dspt[1]}
        if code:
            d = {"org_code": code, **d}
        if len(dspt) > 2:
            d["improvement_plan_agreed"] = dspt[2]
        o["security"] = {"dspt": d}
    o.update(extra)
    return o


def base_request(S, basis, ids, datasets, orgs, flows=None, **kw):
    r = {
        "reference": S["dars"],
        "title": S["title"],
        "submitted": D(S["as_of"]),
        "purpose": S["purpose_req"],
        "purpose_category": kw.pop("purpose_category", "research"),
        "commercial": kw.pop("commercial", False),
        "public_benefit": kw.pop("public_benefit", S.get("benefit")),
    }
    if "commercial_purpose" in kw:
        r["commercial_purpose"] = kw.pop("commercial_purpose")
    if r["purpose_category"] == "research":
        r["research"] = {"rec_reference": kw.pop("rec_reference", S.get("rec_ref")),
                         "funding": kw.pop("funding", S.get("funding"))}
    lb = {"common_law": basis}
    if basis == "section_251":
        lb["cag_reference"] = kw.pop("cag_reference", S.get("cag_ref"))
    lb["gdpr_article_6"] = kw.pop("a6", "6(1)(e)")
    lb["gdpr_article_9"] = kw.pop("a9", "9(2)(j)")
    r["legal_basis"] = lb
    r["national_data_opt_out"] = kw.pop("ndoo", "not_applied" if basis == "consent" else "applied")
    r["identifiers"] = list(ids)
    if kw.get("cohort", True):
        c = {"supplied": True}
        if S.get("rec_start"):
            c["recruitment_start"] = D(S["rec_start"])
            c["recruitment_end"] = D(S["rec_end"])
        r["cohort"] = c
    kw.pop("cohort", None)
    r["datasets"] = datasets
    if kw.get("minimisation", True):
        r["minimisation"] = {"statement": S.get("minimisation",
                                                "Only the identifiers needed for NHS England to trace the "
                                                "cohort are sent; each dataset is limited to the years of "
                                                "follow-up and the fields listed, and the extract returned is "
                                                "pseudonymised.")}
    kw.pop("minimisation", None)
    if flows is None:
        dsids = [d["id"] for d in datasets]
        flows = [{"action": "receive", "counterparty": orgs[0]["name"], "identifiers": list(ids)},
                 {"action": "link", "datasets": dsids, "identifiers": list(ids)},
                 {"action": "disseminate", "counterparty": orgs[0]["name"], "identifiers": []}]
    r["flows"] = flows
    r["organisations"] = orgs
    if "honorary_contracts" in kw:
        r["honorary_contracts"] = kw.pop("honorary_contracts")
    r["territory_of_use"] = kw.pop("territory", "england_wales")
    r["access"] = kw.pop("access", {"route": "extract", "sde_unsuitable_reason":
                                    "The linked records are analysed alongside the cohort's own questionnaire "
                                    "and biomarker data, which are held only in the sponsor's trusted research "
                                    "environment and cannot be imported into the SDE under the consent given."})
    r["sublicensing"] = kw.pop("sublicensing", {"planned": False, "justification": None})
    assert not kw, kw
    return r


def ds(id_, start, end=None, fields=None, release=None):
    d = {"id": id_, "start": D(start)}
    if end:
        d["end"] = D(end)
    if fields is not None:
        d["fields"] = fields
    if release:
        d["release"] = release
    return d


HES_F = ["admidate", "disdate", "diag_4_01", "diag_4_concat", "opertn_4_01", "mydob", "sex", "lsoa11"]
DEATH_F = ["dod", "underlying_cause", "cause_of_death_concat"]
OP_F = ["apptdate", "tretspef", "attended", "firstatt"]
CANCER_F = ["diagnosisdatebest", "site_icd10_o2", "stage_best", "morph_icd10_o2"]

# ---------------------------------------------------------------------------------------------
# Studies
# ---------------------------------------------------------------------------------------------
def study(**kw):
    S = {"phone": "0117 455 0192", "retention": "15 years", "as_of": "2024-10-15",
         "funding": "National Institute for Health and Care Research (NIHR) Programme Grant"}
    S.update(kw)
    S.setdefault("controller_short", S.get("controller", ""))
    S.setdefault("domain", "example.ac.uk")
    S.setdefault("email", f"{S['short'].lower()}@{S['domain']}")
    S.setdefault("web", f"www.{S['short'].lower()}-study.org.uk")
    S.setdefault("ci_dept", "Research office")
    return S


BUNDLES = {}


def bundle(name):
    def deco(fn):
        BUNDLES[name] = fn
        return fn
    return deco


# ===================================== CONSENT ==============================================

@bundle("c01-heartwise-clean")
def c01(out):
    S = study(short="HEARTWISE", title="HEARTWISE: a cohort study of heart health after pre-eclampsia",
              iras="265114", rec_ref="19/SW/0087", rec_committee="South West - Frenchay Research Ethics Committee",
              controller="London School of Hygiene & Tropical Medicine", controller_short="LSHTM",
              ci="Professor Helen Marchetti", ci_dept="Department of Non-communicable Disease Epidemiology",
              dars="DARS-NIC-391122-H4W2T", domain="lshtm.example.ac.uk", rec_start="2019-09-02",
              rec_end="2022-08-31",
              lay_purpose="Women who have had pre-eclampsia in pregnancy may be more likely to develop heart "
                          "disease later in life. HEARTWISE follows women for at least ten years to find out "
                          "who is at greatest risk, so that checks after pregnancy can be targeted.",
              why_invited="You have been invited because you had pre-eclampsia during a pregnancy that ended in "
                          "the last five years and you were cared for at one of our twelve maternity units.",
              what_happens="You will have one study visit lasting about an hour, at which we measure your blood "
                           "pressure and take a small blood sample, and you will fill in a questionnaire every "
                           "two years online or on paper.",
              purpose_req="To estimate the incidence of hypertension, cardiovascular hospital admission and "
                          "cardiovascular death among women with a history of pre-eclampsia, and to identify "
                          "which pregnancy and postnatal factors predict them.",
              background="Pre-eclampsia affects two to eight in every hundred pregnancies and is associated "
                         "with a doubling of later cardiovascular risk. UK follow-up after pre-eclampsia is "
                         "inconsistent.")
    # PIS with a version history table listing older versions (near miss: only v3.0 is this document)
    hist = [["1.0", "12/07/2019", "First version approved by the REC"],
            ["2.0", "03/02/2020", "Added blood sample storage"],
            ["3.0 (this version)", "15/06/2021", "Added linkage to national records"]]
    pis(out / "PIS_HEARTWISE_v3.0.docx", S, "3.0", "15/06/2021", style=0, history=hist,
        records=["hospital records (Hospital Episode Statistics)", "death records held by the ONS"])
    pis(out / "PIS_HEARTWISE_v2.0.docx", S, "2.0", "03/02/2020", style=0, linkage=True,
        history=[["1.0", "12/07/2019", "First version"], ["2.0 (this version)", "03/02/2020",
                                                           "Added blood sample storage"]])
    consent_form(out / "consent/ICF_v2.0.docx", S, "2.0", "03/02/2020", "2.0", "03/02/2020", style=0)
    consent_form(out / "consent/ICF_v3.0.docx", S, "3.0", "15/06/2021", "3.0", "15/06/2021", style=1,
                 tickbox_linkage=True)
    consent_form(out / "consent/ICF_v1.0.pdf", S, "1.0", "12/07/2019", "1.0", "12/07/2019", style=2)
    pis(out / "PIS_HEARTWISE_v1.0.pdf", S, "1.0", "12/07/2019", style=1)
    privacy_notice(out / "privacy-notice.docx", S,
                   "The London School of Hygiene & Tropical Medicine (LSHTM), Keppel Street, London WC1E 7HT, "
                   "sponsors HEARTWISE.",
                   "2 May 2023", ver="2.1", style=0,
                   acronym="LSHTM is the data controller for the study: it decides why and how your information "
                           "is used.")
    rec_letter(out / "REC_favourable_opinion.pdf", S, "26 August 2019")
    req = base_request(S, "consent", ["nhs_number", "name", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2014-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2019-09-02", "2024-06-30", DEATH_F, "one_off")],
                       [org("London School of Hygiene & Tropical Medicine", code="EE133826")])
    facts = {"PIS_HEARTWISE_v3.0.docx": {"kind": "participant_information_sheet", "version": "3.0",
                                         "date": "2021-06-15"},
             "PIS_HEARTWISE_v2.0.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                         "date": "2020-02-03"},
             "PIS_HEARTWISE_v1.0.pdf": {"kind": "participant_information_sheet", "version": "1.0",
                                        "date": "2019-07-12"},
             "consent/ICF_v1.0.pdf": {"kind": "consent_form", "version": "1.0", "date": "2019-07-12"},
             "consent/ICF_v2.0.docx": {"kind": "consent_form", "version": "2.0", "date": "2020-02-03"},
             "consent/ICF_v3.0.docx": {"kind": "consent_form", "version": "3.0", "date": "2021-06-15"},
             "privacy-notice.docx": {"kind": "privacy_notice", "version": "2.1", "date": "2023-05-02"},
             "REC_favourable_opinion.pdf": {"kind": "rec_approval", "date": "2019-08-26"}}
    return req, S["as_of"], [], facts, None


@bundle("c02-brightsteps-undated-first-form")
def c02(out):
    S = study(short="BRIGHTSTEPS", title="BRIGHTSTEPS: physical activity and falls in older adults after hip "
                                         "fracture", iras="241877", rec_ref="18/NE/0162",
              rec_committee="North East - Tyne & Wear South Research Ethics Committee",
              controller="Newcastle University", controller_short="Newcastle University",
              ci="Dr Siobhan Pryce", ci_dept="Population Health Sciences Institute", dars="DARS-NIC-388410-B7S3K",
              domain="ncl.example.ac.uk", rec_start="2018-06-01", rec_end="2021-03-31",
              lay_purpose="After a broken hip many people become less active and fall again. We want to learn "
                          "how activity in the first year after the fracture relates to later falls, hospital "
                          "stays and recovery.",
              why_invited="You have been invited because you were treated for a broken hip at the Royal "
                          "Victoria Infirmary or the Freeman Hospital in the last three months.",
              what_happens="You will wear a small activity monitor on your wrist for one week, three times "
                           "during the first year, and answer questions about falls by telephone.",
              purpose_req="To describe the relationship between objectively measured physical activity after "
                          "hip fracture and subsequent falls-related hospital admission and mortality in "
                          "older adults.",
              background="Hip fracture affects about 70,000 people a year in the UK.")
    # v1.0 form: version number but no date of its own -> DOC-004, covers nothing -> CON-001
    consent_form(out / "Consent form v1.docx", S, "1.0", "", "1.0", "02/05/2018", style=0,
                 footer_override="BRIGHTSTEPS Consent Form Version 1.0")
    consent_form(out / "Consent form v2.docx", S, "2.0", "01/09/2019", "2.0", "01/09/2019", style=0)
    pis(out / "Information sheet v1.docx", S, "1.0", "02/05/2018", style=1)
    pis(out / "Information sheet v2.docx", S, "2.0", "01/09/2019", style=1)
    privacy_notice(out / "BRIGHTSTEPS privacy notice.pdf", S,
                   "Newcastle University is the data controller for BRIGHTSTEPS. Its address is King's Gate, "
                   "Newcastle upon Tyne NE1 7RU.", "11 January 2024", style=2)
    rec_letter(out / "REC letter 18-NE-0162.pdf", S, "14 May 2018")
    o = org("Newcastle University", code="EE133762",
            storage=[{"provider": "Microsoft Azure", "region": "northeurope"}])
    ms = org("Microsoft Limited", roles=("processor",), dspt=("standards_met", "2024-25"))
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2018-06-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2018-06-01", "2024-06-30", DEATH_F, "one_off")], [o, ms])
    facts = {"Consent form v1.docx": {"kind": "consent_form", "version": "1.0", "date": None},
             "Consent form v2.docx": {"kind": "consent_form", "version": "2.0", "date": "2019-09-01"},
             "Information sheet v1.docx": {"kind": "participant_information_sheet", "version": "1.0",
                                           "date": "2018-05-02"},
             "Information sheet v2.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                           "date": "2019-09-01"},
             "BRIGHTSTEPS privacy notice.pdf": {"kind": "privacy_notice", "date": "2024-01-11"},
             "REC letter 18-NE-0162.pdf": {"kind": "rec_approval", "date": "2018-05-14"}}
    return req, S["as_of"], ["CON-001", "DOC-004", "SEC-004"], facts, None


@bundle("c03-quietlungs-industry-funding")
def c03(out):
    S = study(short="QUIETLUNGS", title="QUIETLUNGS: sleep-disordered breathing and outcomes in interstitial "
                                        "lung disease", iras="289930", rec_ref="21/EM/0034",
              rec_committee="East Midlands - Leicester Central Research Ethics Committee",
              controller="University of Nottingham", controller_short="the University of Nottingham",
              ci="Dr Rajiv Menon", ci_dept="School of Medicine", dars="DARS-NIC-402271-Q9L6P",
              domain="nottingham.example.ac.uk", rec_start="2021-04-01", rec_end="2023-09-30",
              lay_purpose="Many people with scarring of the lungs (interstitial lung disease) also have "
                          "disturbed breathing at night. We want to know whether this affects how often they "
                          "need hospital care and how long they live.",
              why_invited="You have been invited because you attend the interstitial lung disease clinic at "
                          "Nottingham City Hospital.",
              what_happens="You will be lent a small sleep monitor to wear at home for two nights, and you will "
                           "answer a questionnaire about sleep and breathlessness.",
              purpose_req="To determine whether sleep-disordered breathing in interstitial lung disease is "
                          "associated with respiratory hospital admission and all-cause mortality.",
              background="Sleep-disordered breathing is common in interstitial lung disease.")
    commercial = ("The study is funded by the NIHR. Helixa Therapeutics Ltd, a pharmaceutical company, is "
                  "also contributing funding towards the analysis of the linked hospital data, and will use the "
                  "results to plan its own trials of a new treatment.")
    pis(out / "QUIETLUNGS_PIS_v1.1_10-03-2021.docx", S, "1.1", "10/03/2021", style=2, contact=False,
        commercial_sentence=commercial,
        records=["hospital records (Hospital Episode Statistics)", "death records"])
    consent_form(out / "QUIETLUNGS_ICF_v1.1_10-03-2021.docx", S, "1.1", "10/03/2021", "1.1", "10/03/2021",
                 style=2, contact=False)
    privacy_notice(out / "QUIETLUNGS_privacy_notice.pdf", S,
                   "The University of Nottingham, University Park, Nottingham NG7 2RD, is the data controller "
                   "for QUIETLUNGS.", "10 March 2021", ver="1.0", style=0)
    rec_letter(out / "QUIETLUNGS_REC_FO.pdf", S, "29 March 2021")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2016-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2021-04-01", "2024-06-30", None, "one_off")],
                       [org("University of Nottingham", code="EE133741")])
    facts = {"QUIETLUNGS_PIS_v1.1_10-03-2021.docx": {"kind": "participant_information_sheet", "version": "1.1",
                                                      "date": "2021-03-10"},
             "QUIETLUNGS_ICF_v1.1_10-03-2021.docx": {"kind": "consent_form", "version": "1.1",
                                                      "date": "2021-03-10"},
             "QUIETLUNGS_privacy_notice.pdf": {"kind": "privacy_notice", "version": "1.0", "date": "2021-03-10"},
             "QUIETLUNGS_REC_FO.pdf": {"kind": "rec_approval", "date": "2021-03-29"}}
    return req, S["as_of"], ["PUR-007", "MIN-004", "CON-004"], facts, None


@bundle("c04-kneeback-notes-only")
def c04(out):
    S = study(short="KNEEBACK", title="KNEEBACK: a randomised trial of early physiotherapy after knee "
                                      "replacement", iras="270455", rec_ref="20/WM/0011",
              rec_committee="West Midlands - Edgbaston Research Ethics Committee",
              controller="University of Warwick", controller_short="the University of Warwick",
              ci="Professor Tomasz Wilk", ci_dept="Warwick Clinical Trials Unit", dars="DARS-NIC-377809-K2B8N",
              domain="warwick.example.ac.uk", rec_start="2020-02-03", rec_end="2022-12-23",
              lay_purpose="We are comparing physiotherapy that starts on the day of a knee replacement with "
                          "physiotherapy that starts the day after, to see which helps people recover faster "
                          "and return home sooner.",
              why_invited="You have been invited because you are on the waiting list for a first knee "
                          "replacement at a hospital taking part in the trial.",
              what_happens="You will be allocated by chance to one of the two physiotherapy schedules, and you "
                           "will complete short questionnaires about your knee at 6 weeks, 6 months and 12 "
                           "months.",
              purpose_req="To compare hospital readmission within 12 months between same-day and next-day "
                          "physiotherapy after primary total knee replacement.",
              background="Enhanced recovery pathways increasingly start mobilisation on the day of surgery.")
    # consent form mentions NHS England only in its logo line (header): near miss, still CON-003
    consent_form(out / "forms/KNEEBACK consent form v2.0.pdf", S, "2.0", "20/01/2020", "2.0", "20/01/2020",
                 style=0, linkage=False, nhse_logo=True)
    pis(out / "forms/KNEEBACK PIS v2.0.docx", S, "2.0", "20/01/2020", style=0, linkage=False, notes_only=True)
    # summary leaflet: same kind, same version number, another date -> DOC-005
    pis(out / "forms/KNEEBACK PIS summary v2.0.docx", S, "2.0", "05/03/2020", style=1, linkage=False,
        notes_only=True)
    privacy_notice(out / "KNEEBACK privacy notice.docx", S,
                   "The University of Warwick, Coventry CV4 7AL, is the controller of the information used in "
                   "KNEEBACK.", "20 January 2020", ver="1.0", style=0)
    rec_letter(out / "KNEEBACK REC approval.pdf", S, "30 January 2020")
    proc = {"name": "Coventry Research Data Services Ltd", "roles": ["processor"],
            "processing_locations": ["England"]}
    req = base_request(S, "consent", ["nhs_number", "date_of_birth"],
                       [ds("hes_apc", "2020-02-03", "2024-03-31", HES_F, "one_off")],
                       [org("University of Warwick", code="EE133771"), proc])
    facts = {"forms/KNEEBACK consent form v2.0.pdf": {"kind": "consent_form", "version": "2.0",
                                                      "date": "2020-01-20"},
             "forms/KNEEBACK PIS v2.0.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                              "date": "2020-01-20"},
             "forms/KNEEBACK PIS summary v2.0.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                                      "date": "2020-03-05"},
             "KNEEBACK privacy notice.docx": {"kind": "privacy_notice", "version": "1.0", "date": "2020-01-20"},
             "KNEEBACK REC approval.pdf": {"kind": "rec_approval", "date": "2020-01-30"}}
    return req, S["as_of"], ["CON-003", "SEC-002", "DOC-005"], facts, None


@bundle("c05-bonehealth-clean-eml")
def c05(out):
    S = study(short="BONEHEALTH", title="BONEHEALTH: fracture risk in young adults who had childhood "
                                        "leukaemia", iras="283501", rec_ref="20/YH/0214",
              rec_committee="Yorkshire & The Humber - Sheffield Research Ethics Committee",
              controller="University of Sheffield", controller_short="the University of Sheffield",
              ci="Dr Amara Okafor", ci_dept="Department of Oncology and Metabolism", dars="DARS-NIC-410003-B1H5R",
              domain="sheffield.example.ac.uk", rec_start="2021-03-08", rec_end="2023-03-31",
              lay_purpose="Treatment for childhood leukaemia can weaken bones. We want to find out how many "
                          "survivors go on to break bones as young adults and whether a simple scan could pick "
                          "out those at highest risk.",
              why_invited="You have been invited because you were treated for leukaemia as a child at Sheffield "
                          "Children's Hospital and are now aged 18 to 35.",
              what_happens="You will have a bone density scan and a blood test at one visit, and we will send "
                           "you a short questionnaire every year.",
              purpose_req="To estimate fracture incidence and its predictors in adult survivors of childhood "
                          "acute lymphoblastic leukaemia.",
              background="Survival from childhood acute lymphoblastic leukaemia now exceeds 90%.")
    hon = ("Dr Okafor also holds an honorary consultant contract with Sheffield Teaching Hospitals NHS "
           "Foundation Trust, where she runs the late-effects bone clinic.")
    pis(out / "BONEHEALTH PIS.pdf", S, "1.2", "3rd of March 2021", style=1, two_column=True,
        footer_override="BONEHEALTH PIS Version 1.2, 3rd of March 2021", honorary_sentence=hon)
    consent_form(out / "BONEHEALTH consent.pdf", S, "1.2", "3rd of March 2021", "1.2", "3rd of March 2021",
                 style=1, footer_override="BONEHEALTH Consent Form Version 1.2, 3rd of March 2021")
    privacy_notice(out / "Transparency notice.pdf", S,
                   "The University of Sheffield, Western Bank, Sheffield S10 2TN, is the data controller for "
                   "BONEHEALTH.", "3rd of March 2021", style=1,
                   extra=[("p", "We will never sell your information or use it for commercial purposes.")])
    rec_letter(out / "REC favourable opinion.pdf", S, "1st of March 2021")
    body = ("Dear BONEHEALTH participant,\n\nThank you for another year of taking part. This is our autumn "
            "newsletter.\n\nSo far 412 of you have had a bone density scan, and the team has started looking "
            "at the first year of linked hospital records from NHS England. We will share the first results on "
            f"the study website ({S['web']}) in the spring.\n\nYour next yearly questionnaire will arrive in "
            "November. If you have moved house or changed your e-mail address, please reply to this e-mail so "
            "we can update your contact details.\n\nWith best wishes,\nThe BONEHEALTH team\nUniversity of "
            "Sheffield\n\nYou are receiving this newsletter because you agreed to be contacted by the "
            "BONEHEALTH study. To stop receiving it, reply with 'unsubscribe'.")
    eml(out / "BONEHEALTH autumn newsletter.eml", f"BONEHEALTH study <{S['email']}>",
        "BONEHEALTH participants <undisclosed-recipients@sheffield.example.ac.uk>",
        "Thu, 19 Sep 2024 09:30:00 +0100", "BONEHEALTH newsletter - autumn 2024", body)
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode", "name"],
                       [ds("hes_apc", "2008-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("hes_op", "2008-04-01", "2024-03-31", OP_F, "one_off"),
                        ds("deaths", "2021-03-08", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of Sheffield", code="EE133842")], territory="uk")
    facts = {"BONEHEALTH PIS.pdf": {"kind": "participant_information_sheet", "version": "1.2",
                                    "date": "2021-03-03"},
             "BONEHEALTH consent.pdf": {"kind": "consent_form", "version": "1.2", "date": "2021-03-03"},
             "Transparency notice.pdf": {"kind": "privacy_notice", "date": "2021-03-03"},
             "REC favourable opinion.pdf": {"kind": "rec_approval", "date": "2021-03-01"},
             "BONEHEALTH autumn newsletter.eml": {"kind": "cohort_communication", "date": "2024-09-19"}}
    return req, S["as_of"], [], facts, None


@bundle("c06-mindset-optout-period")
def c06(out):
    S = study(short="MINDSET", title="MINDSET: mental health trajectories after first-episode psychosis",
              iras="188204", rec_ref="15/LO/1187", rec_committee="London - Camberwell St Giles Research Ethics "
                                                                 "Committee",
              controller="King's College London", controller_short="King's College London",
              ci="Professor Daniel Osei", ci_dept="Institute of Psychiatry, Psychology & Neuroscience",
              dars="DARS-NIC-356620-M3D4S", domain="kcl.example.ac.uk", rec_start="2015-09-01",
              rec_end="2017-08-31",
              lay_purpose="We want to understand why some people recover well after a first episode of "
                          "psychosis while others need repeated hospital care, so that services can offer the "
                          "right support earlier.",
              why_invited="You have been invited because you are receiving care from an early intervention in "
                          "psychosis service in south London.",
              what_happens="You will meet a researcher three times over two years for an interview about your "
                           "mental health, and you can choose to give a blood sample.",
              purpose_req="To describe patterns of mental health service use, hospital admission and mortality "
                          "over ten years after first-episode psychosis.",
              background="Around 8,000 people a year in England present with a first episode of psychosis.")
    period = ("If you agree, NHS England will provide information from your hospital records and mental health "
              "records, and, if relevant, the cause of death from death records, covering the period from the "
              "date you join the study for up to 10 years after you join.")
    pis(out / "MINDSET PIS v3.docx", S, "3.0", "06/08/2015", style=0, period_sentence=period,
        records=["hospital records", "mental health records", "death records"])
    consent_form(out / "MINDSET consent v3.docx", S, "3.0", "06/08/2015", "3.0", "06/08/2015", style=1,
                 records_phrase="hospital, mental health and death records")
    privacy_notice(out / "MINDSET privacy notice.docx", S,
                   "King's College London, Strand, London WC2R 2LS, is the data controller for MINDSET.",
                   "14 February 2024", ver="4.0", style=0)
    rec_letter(out / "MINDSET REC FO 15-LO-1187.pdf", S, "21 August 2015")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2013-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("mhsds", "2015-09-01", "2024-03-31", ["reportingperiodstartdate", "primdiag",
                                                                  "hosp_spell_start"], "one_off"),
                        ds("deaths", "2015-09-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("King's College London", code="EE133780")], ndoo="applied",
                       access={"route": "extract", "sde_unsuitable_reason": None})
    facts = {"MINDSET PIS v3.docx": {"kind": "participant_information_sheet", "version": "3.0",
                                     "date": "2015-08-06"},
             "MINDSET consent v3.docx": {"kind": "consent_form", "version": "3.0", "date": "2015-08-06"},
             "MINDSET privacy notice.docx": {"kind": "privacy_notice", "version": "4.0", "date": "2024-02-14"},
             "MINDSET REC FO 15-LO-1187.pdf": {"kind": "rec_approval", "date": "2015-08-21"}}
    return req, S["as_of"], ["NDOO-002", "MIN-007", "ACC-001"], facts, None


@bundle("c07-tinyhearts-no-pis")
def c07(out):
    S = study(short="TINYHEARTS", title="TINYHEARTS: school-age outcomes of babies born with congenital heart "
                                        "disease", iras="279012", rec_ref="20/NW/0301",
              rec_committee="North West - Liverpool Central Research Ethics Committee",
              controller="University of Liverpool", controller_short="the University of Liverpool",
              ci="Dr Eleanor Quayle", ci_dept="Institute of Life Course and Medical Sciences",
              dars="DARS-NIC-399145-T8H2Y", domain="liverpool.example.ac.uk", rec_start="2020-10-01",
              rec_end="2023-07-31", purpose_req="To describe hospital use and mortality to age 11 among children "
                                                "who had surgery for congenital heart disease in infancy.",
              lay_purpose="", why_invited="", what_happens="", background="")
    consent_form(out / "TINYHEARTS parent consent form v1.2.docx", S, "1.2", "04/09/2020", "1.2", "04/09/2020",
                 style=0, records_phrase="child's hospital records and, sadly if it applies, death records")
    privacy_notice(out / "TINYHEARTS privacy notice.pdf", S,
                   "The University of Liverpool, Foundation Building, Brownlow Hill, Liverpool L69 7ZX, is the "
                   "data controller for TINYHEARTS.", "04/09/2020", ver="1.0", style=0)
    rec_letter(out / "TINYHEARTS REC letter.pdf", S, "22 September 2020")
    o = org("University of Liverpool", code="EE133794",
            storage=[{"provider": "Amazon Web Services", "region": "eu-west-2"}])
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2009-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2020-10-01", "2024-06-30", DEATH_F, "one_off")], [o])
    facts = {"TINYHEARTS parent consent form v1.2.docx": {"kind": "consent_form", "version": "1.2",
                                                           "date": "2020-09-04"},
             "TINYHEARTS privacy notice.pdf": {"kind": "privacy_notice", "version": "1.0", "date": "2020-09-04"},
             "TINYHEARTS REC letter.pdf": {"kind": "rec_approval", "date": "2020-09-22"}}
    return req, S["as_of"], ["LB-004", "CON-002", "SEC-005"], facts, None


@bundle("c08-ageline-no-consent-form")
def c08(out):
    S = study(short="AGELINE", title="AGELINE: the Leeds ageing and frailty cohort", iras="262748",
              rec_ref="19/YH/0133", rec_committee="Yorkshire & The Humber - Leeds East Research Ethics Committee",
              controller="University of Leeds", controller_short="the University of Leeds",
              ci="Professor Margaret Holroyd", ci_dept="Leeds Institute of Health Sciences",
              dars="DARS-NIC-385577-A6G1L", domain="leeds.example.ac.uk", rec_start="2019-07-01",
              rec_end="2022-06-30",
              lay_purpose="AGELINE follows people aged 75 and over to learn how frailty develops and how it "
                          "affects the use of hospital and community services.",
              why_invited="You have been invited because you are aged 75 or over and registered with a Leeds GP "
                          "practice taking part in AGELINE.",
              what_happens="A researcher will visit you at home once a year to ask about your health and daily "
                           "activities and to measure your grip strength and walking speed.",
              purpose_req="To describe the incidence of frailty and its relation to emergency hospital admission "
                          "and death in adults aged 75 and over.",
              background="Frailty is a common condition of older age.")
    pis(out / "AGELINE information leaflet.docx", S, "2.0", "12/06/2019", style=1)
    protocol(out / "AGELINE protocol v2.0.docx", S, "2.0", "12/06/2019", [
        ("Data management", "Identifiable data are held on the University of Leeds secure research servers. "
                            "Two analysts from Leeds Teaching Hospitals NHS Trust will access and analyse the "
                            "pseudonymised linked data under honorary contracts with the University of Leeds."),
        ("Linkage", "Participants' NHS number, date of birth and postcode are sent to NHS England for linkage "
                    "to Hospital Episode Statistics and death registrations.")])
    privacy_notice(out / "AGELINE privacy notice.docx", S,
                   "The University of Leeds, Woodhouse Lane, Leeds LS2 9JT, is the data controller for AGELINE.",
                   "8 July 2024", ver="3.0", style=2)
    rec_letter(out / "AGELINE favourable opinion.pdf", S, "24 June 2019")
    # a cohort file left in the bundle: withheld, DOC-009
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "upload"
    ws.append(["STUDY ID", "NHS NUMBER", "DATE OF BIRTH", "POSTCODE", "STATUS"])
    ws.append(["AGL0001", "9434765919", "1941-03-02", "LS6 2AB", "add"])
    ws.append(["AGL0002", "4010232137", "1938-11-19", "LS17 5JQ", "add"])
    wb.properties.creator = "AGELINE"
    import datetime as _d
    wb.properties.created = _d.datetime(2024, 1, 1)
    wb.properties.modified = _d.datetime(2024, 1, 1)
    (out / "data").mkdir(parents=True, exist_ok=True)
    wb.save(out / "data/AGELINE_cohort_for_NHSE.xlsx")
    _fix_docx_dates(out / "data/AGELINE_cohort_for_NHSE.xlsx")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2015-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2019-07-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of Leeds", code="EE133793")])
    facts = {"AGELINE information leaflet.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                                  "date": "2019-06-12"},
             "AGELINE protocol v2.0.docx": {"kind": "protocol", "version": "2.0", "date": "2019-06-12"},
             "AGELINE privacy notice.docx": {"kind": "privacy_notice", "version": "3.0", "date": "2024-07-08"},
             "AGELINE favourable opinion.pdf": {"kind": "rec_approval", "date": "2019-06-24"}}
    return req, S["as_of"], ["LB-003", "DOC-009", "HON-002"], facts, None


@bundle("c09-clearair-clean")
def c09(out):
    S = study(short="CLEARAIR", title="CLEARAIR: inhaler technique coaching for adults with asthma",
              iras="296337", rec_ref="21/NW/0077", rec_committee="North West - Greater Manchester West Research "
                                                                 "Ethics Committee",
              controller="The Clatterbridge Cancer Centre NHS Foundation Trust",
              controller_short="The Clatterbridge Cancer Centre NHS Foundation Trust",
              ci="Dr Fiona Latham", ci_dept="Research and Innovation", dars="DARS-NIC-404488-C5A9R",
              domain="clatterbridge.example.nhs.uk", rec_start="2021-05-04", rec_end="2023-11-30",
              lay_purpose="Adults with asthma who are also having treatment for cancer often struggle with their "
                          "inhalers. We want to see whether short coaching sessions from a pharmacist reduce "
                          "asthma attacks that need hospital care.",
              why_invited="You have been invited because you have asthma and are being treated at The "
                          "Clatterbridge Cancer Centre.",
              what_happens="You will be offered two 20-minute coaching sessions with a pharmacist and asked to "
                           "complete an asthma control questionnaire every three months for a year.",
              purpose_req="To evaluate whether pharmacist-led inhaler technique coaching reduces asthma-related "
                          "emergency admissions in adults with asthma receiving cancer treatment.",
              background="The pharmaceutical industry has developed many different inhaler devices over the "
                         "last thirty years, and each needs a different technique.")
    pis(out / "CLEARAIR_PIS_v1.0_03.03.21.docx", S, "1.0", "03.03.21", style=2,
        footer_override="CLEARAIR PIS v1.0 03.03.21",
        records=["hospital records (Hospital Episode Statistics)", "A&E attendance records (the Emergency Care "
                 "Data Set)", "death records held by the ONS"])
    consent_form(out / "CLEARAIR_ICF_v1.0_03.03.21.docx", S, "1.0", "03.03.21", "1.0", "03.03.21", style=0,
                 footer_override="CLEARAIR Informed Consent Form v1.0 03.03.21",
                 records_phrase="hospital records, A&E (emergency care) records and death records")
    protocol(out / "CLEARAIR_protocol_v1.1.docx", S, "1.1", "03.03.21", [
        ("Information governance", "Confirmation of the Trust's DSPT submission for 2024-25 is awaited; the "
                                   "2023-24 assessment was published as Standards Met."),
        ("Follow-up", "Participants receive a newsletter twice a year.")])
    privacy_notice(out / "CLEARAIR_privacy_notice.pdf", S,
                   "The Clatterbridge Cancer Centre NHS Foundation Trust (\"the Trust\") is the data controller "
                   "for CLEARAIR. The Trust's Data Protection Officer can be contacted through the switchboard.",
                   "03.03.21", style=0,
                   extra=[("p", "Your information will not be sold, and no commercial company will have access "
                                "to it.")])
    rec_letter(out / "CLEARAIR_REC_FO.pdf", S, "29 April 2021")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2018-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("ecds", "2018-04-01", "2024-03-31", ["arrival_date", "chief_complaint",
                                                                 "discharge_status"], "one_off"),
                        ds("deaths", "2021-05-04", "2024-06-30", DEATH_F, "one_off")],
                       [org("The Clatterbridge Cancer Centre NHS Foundation Trust", code="REN",
                            dspt=("standards_met", "2023-24"))])
    facts = {"CLEARAIR_PIS_v1.0_03.03.21.docx": {"kind": "participant_information_sheet", "version": "1.0",
                                                  "date": "2021-03-03"},
             "CLEARAIR_ICF_v1.0_03.03.21.docx": {"kind": "consent_form", "version": "1.0", "date": "2021-03-03"},
             "CLEARAIR_protocol_v1.1.docx": {"kind": "protocol", "version": "1.1", "date": "2021-03-03"},
             "CLEARAIR_privacy_notice.pdf": {"kind": "privacy_notice", "date": "2021-03-03"},
             "CLEARAIR_REC_FO.pdf": {"kind": "rec_approval", "date": "2021-04-29"}}
    return req, S["as_of"], [], facts, None


@bundle("c10-gutfeeling-notice-gaps")
def c10(out):
    S = study(short="GUTFEELING", title="GUTFEELING: adult health after childhood-onset inflammatory bowel "
                                        "disease", iras="254410", rec_ref="19/SC/0058",
              rec_committee="South Central - Hampshire A Research Ethics Committee",
              controller="University of Southampton", controller_short="the University of Southampton",
              ci="Dr Priya Anand", ci_dept="Faculty of Medicine", dars="DARS-NIC-381954-G2F7U",
              domain="soton.example.ac.uk", rec_start="2019-04-01", rec_end="2021-12-31",
              lay_purpose="Crohn's disease and ulcerative colitis that start in childhood can affect health for "
                          "many years. We want to understand how young people's health changes as they move "
                          "from children's to adult services.",
              why_invited="You have been invited because you were diagnosed with Crohn's disease or ulcerative "
                          "colitis before the age of 16 and were treated at Southampton Children's Hospital.",
              what_happens="You will complete an online questionnaire each year and may be asked to give a stool "
                           "sample by post.",
              purpose_req="To describe hospital admissions, colorectal neoplasia and mortality in adults with "
                          "childhood-onset inflammatory bowel disease.",
              background="Childhood-onset IBD is more extensive than adult-onset disease.")
    pis(out / "GUTFEELING PIS v2.1.docx", S, "2.1", "18/03/2019", style=0)
    consent_form(out / "GUTFEELING consent form v2.1.docx", S, "2.1", "18/03/2019", "2.1", "18/03/2019",
                 style=2)
    privacy_notice(out / "GUTFEELING privacy notice.docx", S,
                   "The University of Southampton, University Road, Southampton SO17 1BJ, is responsible for the "
                   "information we hold about you.", "18/03/2019", ver="2.1", style=0, source_nhse=False)
    rec_letter(out / "GUTFEELING REC FO.pdf", S, "27 March 2019")
    ids = ["nhs_number", "date_of_birth", "postcode"]
    orgs = [org("University of Southampton", code="EE133863"),
            org("University Hospital Southampton NHS Foundation Trust", code="RHM")]
    req = base_request(S, "consent", ids + ["sex"],
                       [ds("hes_apc", "2010-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("cancer_registration", "2010-01-01", "2022-12-31", CANCER_F, "one_off"),
                        ds("deaths", "2019-04-01", "2024-06-30", DEATH_F, "one_off")], orgs,
                       flows=[{"action": "receive", "counterparty": "University of Southampton",
                               "identifiers": ids},
                              {"action": "link", "datasets": ["hes_apc", "cancer_registration", "deaths"],
                               "identifiers": ids},
                              {"action": "disseminate", "counterparty": "University of Southampton",
                               "identifiers": []}])
    facts = {"GUTFEELING PIS v2.1.docx": {"kind": "participant_information_sheet", "version": "2.1",
                                          "date": "2019-03-18"},
             "GUTFEELING consent form v2.1.docx": {"kind": "consent_form", "version": "2.1", "date": "2019-03-18"},
             "GUTFEELING privacy notice.docx": {"kind": "privacy_notice", "version": "2.1", "date": "2019-03-18"},
             "GUTFEELING REC FO.pdf": {"kind": "rec_approval", "date": "2019-03-27"}}
    return req, S["as_of"], ["PN-002", "PN-003", "MIN-002", "DATA-001"], facts, None


@bundle("c11-stroke-ctu-no-notice")
def c11(out):
    S = study(short="RESTORE", title="RESTORE: a trial of home-based arm rehabilitation after stroke",
              iras="301256", rec_ref="21/WM/0190", rec_committee="West Midlands - Solihull Research Ethics "
                                                                 "Committee",
              controller="Birmingham Clinical Trials Unit", controller_short="Birmingham Clinical Trials Unit",
              ci="Professor Gurpreet Sandhu", ci_dept="Birmingham Clinical Trials Unit", dars="DARS-NIC-405512-R4E8S",
              domain="bctu.example.ac.uk", rec_start="2021-11-01", rec_end="2023-10-31",
              lay_purpose="After a stroke many people have a weak arm. RESTORE is testing whether a programme of "
                          "arm exercises supported by video calls helps people regain the use of their arm.",
              why_invited="You have been invited because you had a stroke in the last six months that has "
                          "affected the use of one arm.",
              what_happens="You will be allocated by chance to the video-supported programme or to usual "
                           "therapy, and a therapist will assess your arm at 3, 6 and 12 months.",
              purpose_req="To compare readmission and mortality at two years between video-supported home arm "
                          "rehabilitation and usual care after stroke.",
              background="Upper limb weakness affects around 70% of people after stroke.")
    pis(out / "RESTORE PIS v1.0 13Oct2021.pdf", S, "1.0", "13Oct2021", style=1)
    consent_form(out / "RESTORE ICF v1.0 13Oct2021.pdf", S, "1.0", "13Oct2021", "1.0", "13Oct2021", style=0)
    protocol(out / "RESTORE protocol v1.0.pdf", S, "1.0", "13Oct2021", [
        ("Trial management", "Therapists from the participating trusts deliver the intervention and complete "
                             "assessment forms on paper."),
        ("Data", "The trial database is held on servers in England.")])
    rec_letter(out / "RESTORE REC letter.pdf", S, "28 October 2021")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2021-11-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2021-11-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("Birmingham Clinical Trials Unit", code="EE133873")],
                       honorary_contracts={"used": True, "holders": [
                           {"employer": "Sandwell and West Birmingham NHS Trust", "access_locations": ["England"]}]})
    facts = {"RESTORE PIS v1.0 13Oct2021.pdf": {"kind": "participant_information_sheet", "version": "1.0",
                                                "date": "2021-10-13"},
             "RESTORE ICF v1.0 13Oct2021.pdf": {"kind": "consent_form", "version": "1.0", "date": "2021-10-13"},
             "RESTORE protocol v1.0.pdf": {"kind": "protocol", "version": "1.0", "date": "2021-10-13"},
             "RESTORE REC letter.pdf": {"kind": "rec_approval", "date": "2021-10-28"}}
    return req, S["as_of"], ["PN-001", "ORG-004", "HON-001"], facts, None


@bundle("c12-kidneycare-thin-notice")
def c12(out):
    S = study(short="KIDNEYCARE", title="KIDNEYCARE: outcomes of older people choosing conservative kidney "
                                        "management", iras="248861", rec_ref="18/WA/0299",
              rec_committee="Wales REC 6", controller="Cardiff University", controller_short="Cardiff University",
              ci="Dr Rhiannon Lloyd-Evans", ci_dept="Division of Population Medicine", dars="DARS-NIC-379901-K6C2M",
              domain="cardiff.example.ac.uk", rec_start="2018-10-01", rec_end="2021-09-30",
              lay_purpose="Some older people with advanced kidney disease choose not to start dialysis. We want "
                          "to learn about their quality of life and the hospital care they receive, to help "
                          "others make this choice.",
              why_invited="You have been invited because you are aged 75 or over, have advanced kidney disease, "
                          "and attend a kidney clinic in Wales or the west of England.",
              what_happens="A researcher will visit you every six months to complete questionnaires about your "
                           "symptoms and wellbeing.",
              purpose_req="To compare hospital use and survival between conservative kidney management and "
                          "dialysis in people aged 75 and over with stage 5 chronic kidney disease.",
              background="Conservative kidney management is offered to older people with multimorbidity.")
    pis(out / "KIDNEYCARE information sheet v2.docx", S, "2.0", "10/09/2018", style=2)
    consent_form(out / "KIDNEYCARE consent form v2.docx", S, "2.0", "10/09/2018", "2.0", "10/09/2018", style=1)
    privacy_notice(out / "KIDNEYCARE privacy information.pdf", S,
                   "Cardiff University, Park Place, Cardiff CF10 3AT, is the data controller for KIDNEYCARE.",
                   "10 September 2018", ver="1.0", style=0, lawful=False, rights=False)
    rec_letter(out / "KIDNEYCARE REC FO.pdf", S, "19 September 2018")
    orgs = [org("Cardiff University", code="EE133890", loc=("Wales",)),
            org("Lothian Analytics Ltd", roles=("processor",), loc=("Scotland",), code="8KQ12")]
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2016-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2018-10-01", "2024-06-30", DEATH_F, "one_off")], orgs)
    facts = {"KIDNEYCARE information sheet v2.docx": {"kind": "participant_information_sheet", "version": "2.0",
                                                      "date": "2018-09-10"},
             "KIDNEYCARE consent form v2.docx": {"kind": "consent_form", "version": "2.0", "date": "2018-09-10"},
             "KIDNEYCARE privacy information.pdf": {"kind": "privacy_notice", "version": "1.0",
                                                    "date": "2018-09-10"},
             "KIDNEYCARE REC FO.pdf": {"kind": "rec_approval", "date": "2018-09-19"}}
    return req, S["as_of"], ["PN-005", "PN-006", "TER-001"], facts, None


@bundle("c13-genomesleep-clean")
def c13(out):
    S = study(short="GENOMESLEEP", title="GENOMESLEEP: genetic influences on sleep and cardiometabolic health",
              iras="199876", rec_ref="16/EE/0201", rec_committee="East of England - Cambridge South Research "
                                                                 "Ethics Committee",
              controller="Wellcome Sanger Institute", controller_short="the Wellcome Sanger Institute",
              ci="Dr Jonathan Achterberg", ci_dept="Human Genetics Programme", dars="DARS-NIC-366002-W9S4G",
              domain="sanger.example.ac.uk", rec_start="2016-09-01", rec_end="2019-12-20",
              lay_purpose="We are studying how the genes people inherit affect their sleep, and whether poor "
                          "sleep leads to diabetes and heart disease.",
              why_invited="You have been invited because you took part in an earlier sleep survey and said you "
                          "would be happy to hear about future research.",
              what_happens="You will give a saliva sample by post and wear a sleep tracker for a week.",
              purpose_req="To estimate genetic associations with sleep traits and their relation to type 2 "
                          "diabetes and cardiovascular hospital admission.",
              background="Sleep duration is heritable.")
    consent_form(out / "Consent/GENOMESLEEP consent v1.0.pdf", S, "1.0", "March 2016", "1.0", "March 2016",
                 style=2, footer_override="GENOMESLEEP consent form, version 1.0, 15 March 2016")
    consent_form(out / "Consent/GENOMESLEEP consent v2.0.pdf", S, "2.0", "11 June 2018", "2.0", "11 June 2018",
                 style=0, tickbox_linkage=True)
    pis(out / "Information/GENOMESLEEP PIS v1.0.pdf", S, "1.0", "15 March 2016", style=1, two_column=True)
    pis(out / "Information/GENOMESLEEP PIS v2.0.pdf", S, "2.0", "11 June 2018", style=1, two_column=True,
        history=[["1.0", "15 March 2016", "Original"], ["2.0", "11 June 2018", "Updated for GDPR; linkage"]])
    newsletter_pdf(out / "GENOMESLEEP newsletter March 2024.pdf", S, "Issue 9", "March 2024",
                   ["Thank you to the 6,200 of you who returned a saliva sample.",
                    "Our first paper, on the genetics of chronotype, was published in January."])
    protocol(out / "GENOMESLEEP protocol v3.0.docx", S, "3.0", "11 June 2018", [
        ("Data access", "Two statisticians employed by Cambridge University Hospitals NHS Foundation Trust will "
                        "analyse the pseudonymised linked data under honorary contracts with the Wellcome Sanger "
                        "Institute, as set out in the data request."),
        ("Security", "The Institute's DSPT assessment for 2024-25 was published as Standards Met.")])
    privacy_notice(out / "GENOMESLEEP privacy notice.docx", S,
                   "The Wellcome Sanger Institute (operated by Genome Research Limited, company number 02742969, "
                   "registered charity 1021457) is the data controller for GENOMESLEEP.", "20 May 2024",
                   ver="5.0", style=0)
    rec_letter(out / "GENOMESLEEP REC.pdf", S, "30 August 2016")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2010-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2016-09-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("Wellcome Sanger Institute", code="8HQ90", registration="Genome Research Limited, "
                                                                                    "Companies House 02742969")],
                       honorary_contracts={"used": True, "holders": [
                           {"employer": "Cambridge University Hospitals NHS Foundation Trust",
                            "host": "Wellcome Sanger Institute", "access_locations": ["England"]}]})
    facts = {"Consent/GENOMESLEEP consent v1.0.pdf": {"kind": "consent_form", "version": "1.0",
                                                      "date": "2016-03-15"},
             "Consent/GENOMESLEEP consent v2.0.pdf": {"kind": "consent_form", "version": "2.0",
                                                      "date": "2018-06-11"},
             "Information/GENOMESLEEP PIS v1.0.pdf": {"kind": "participant_information_sheet", "version": "1.0",
                                                      "date": "2016-03-15"},
             "Information/GENOMESLEEP PIS v2.0.pdf": {"kind": "participant_information_sheet", "version": "2.0",
                                                      "date": "2018-06-11"},
             "GENOMESLEEP newsletter March 2024.pdf": {"kind": "cohort_communication"},
             "GENOMESLEEP protocol v3.0.docx": {"kind": "protocol", "version": "3.0", "date": "2018-06-11"},
             "GENOMESLEEP privacy notice.docx": {"kind": "privacy_notice", "version": "5.0", "date": "2024-05-20"},
             "GENOMESLEEP REC.pdf": {"kind": "rec_approval", "date": "2016-08-30"}}
    return req, S["as_of"], [], facts, None


@bundle("c14-northstar-commercial")
def c14(out):
    S = study(short="PSORIREG", title="PSORIREG: the UK psoriasis outcomes registry", iras="312987",
              rec_ref="22/LO/0456", rec_committee="London - Bloomsbury Research Ethics Committee",
              controller="Northstar Health Analytics Ltd", controller_short="Northstar Health Analytics Ltd",
              ci="Dr Kavita Rao", ci_dept="Clinical Research", dars="DARS-NIC-418870-P3R5N",
              domain="northstar-health.example.co.uk", rec_start="2022-09-01", rec_end="2024-06-30",
              lay_purpose="PSORIREG collects information about people with psoriasis who are treated with "
                          "biologic medicines, to understand their long-term benefits and risks.",
              why_invited="You have been invited because you have started a biologic medicine for psoriasis at "
                          "a dermatology clinic taking part in PSORIREG.",
              what_happens="You will complete an online questionnaire about your skin and general health every "
                           "six months.",
              purpose_req="To monitor the long-term safety of biologic therapies for psoriasis, including serious "
                          "infection requiring hospital admission and mortality.",
              background="Biologic therapies are widely used for severe psoriasis.",
              benefit="Independent evidence on serious infections with biologics will inform NICE guidance and "
                      "prescribing in NHS dermatology services.")
    pis(out / "PSORIREG PIS v1.0.docx", S, "1.0", "01/08/2022", style=0,
        commercial_sentence="PSORIREG is run by Northstar Health Analytics Ltd, a private company. It is funded "
                            "by three manufacturers of biologic medicines, who receive anonymised safety "
                            "reports.")
    consent_form(out / "PSORIREG consent v1.0.docx", S, "1.0", "01/08/2022", "1.0", "01/08/2022", style=0)
    privacy_notice(out / "PSORIREG privacy notice.pdf", S,
                   "Northstar Health Analytics Ltd (company number 11873402), 40 Gracechurch Street, London "
                   "EC3V 0BT, is the data controller for PSORIREG.", "1 August 2022", ver="1.0", style=2,
                   lawful=True)
    newsletter_pdf(out / "PSORIREG winter newsletter.pdf", S, "Winter 2024", "2 December 2024",
                   ["Over 3,000 people have now joined PSORIREG.",
                    "This winter we are adding a short question about flu vaccination to the questionnaire."])
    rec_letter(out / "PSORIREG REC favourable opinion.pdf", S, "17 August 2022")
    req = base_request(S, "consent", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2022-09-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2022-09-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("Northstar Health Analytics Ltd", code="8JK44",
                            registration="Companies House 11873402")],
                       commercial=True, commercial_purpose=None,
                       sublicensing={"planned": True,
                                     "justification": "Northstar will link the NHS England extract to its own "
                                                      "registry questionnaire data and derive cleaned, curated "
                                                      "infection outcome variables before licensing the "
                                                      "pseudonymised analysis file to academic partners.",
                                     "why_not_direct": None, "value_added": None})
    facts = {"PSORIREG PIS v1.0.docx": {"kind": "participant_information_sheet", "version": "1.0",
                                        "date": "2022-08-01"},
             "PSORIREG consent v1.0.docx": {"kind": "consent_form", "version": "1.0", "date": "2022-08-01"},
             "PSORIREG privacy notice.pdf": {"kind": "privacy_notice", "version": "1.0", "date": "2022-08-01"},
             "PSORIREG winter newsletter.pdf": {"kind": "cohort_communication", "date": "2024-12-02"},
             "PSORIREG REC favourable opinion.pdf": {"kind": "rec_approval", "date": "2022-08-17"}}
    return req, S["as_of"], ["PUR-006", "SUB-003", "DOC-007"], facts, None


# ===================================== SECTION 251 ==========================================
def s251_study(**kw):
    T = study(**kw)
    T.setdefault("flow_note", "The applicant will receive only a pseudonymised extract, with identifiers "
                              "removed; the applicant will not receive any confidential patient information.")
    T.setdefault("why_no_consent", "The cohort numbers several thousand patients treated over a decade; many "
                                   "have moved or died, and seeking consent would bias the results towards "
                                   "survivors who remain in contact with services.")
    T.setdefault("lay_purpose", "The study aims to " + T["purpose_cag"])
    T.setdefault("background", "Routine follow-up data on this population are incomplete; national hospital and "
                               "death records allow complete, unbiased follow-up.")
    T.setdefault("pn_what", "We hold information about patients treated in the services taking part, copied from "
                            "hospital systems: name, date of birth, NHS number and postcode, with details of "
                            "treatment. We did not ask each patient for consent; instead we rely on support "
                            "under section 251 of the NHS Act 2006.")
    return T


def pn251(path, T, date_text, ver=None, style=0, ndoo=True, **kw):
    privacy_notice(path, T, kw.pop("ctext", f"{T['controller']} is the data controller for {T['short']}."),
                   date_text, ver=ver, style=style, ndoo=ndoo, **kw)


@bundle("s01-breatheasy-clean-register")
def s01(out):
    T = s251_study(short="BREATHEASY", title="BREATHEASY: long-term outcomes of pulmonary rehabilitation in "
                                             "chronic obstructive pulmonary disease",
                   cag_ref="23/CAG/0041", iras="318245", rec_ref="22/SW/0190",
                   rec_committee="South West - Cornwall & Plymouth Research Ethics Committee",
                   controller="University of Exeter", applicant_person="Dr Lowenna Tregear",
                   applicant_dept="Exeter Medical School", ci="Dr Lowenna Tregear", ci_dept="Exeter Medical School",
                   dars="DARS-NIC-409871-B2E6P", domain="exeter.example.ac.uk", as_of="2024-10-15",
                   ids_text="NHS number, date of birth, postcode",
                   datasets_text="Hospital Episode Statistics (Admitted Patient Care) and Civil Registration - "
                                 "Deaths, held by NHS England",
                   purpose_cag="assess hospital readmission and mortality after pulmonary rehabilitation in people "
                               "with chronic obstructive pulmonary disease referred in the South West of England.",
                   cohort_text="Approximately 14,500 adults referred to pulmonary rehabilitation in Devon and "
                               "Cornwall between 2012 and 2022.",
                   purpose_req="To assess readmission and death after pulmonary rehabilitation in people with "
                               "chronic obstructive pulmonary disease in the South West.")
    s251_application(out / "CAG application form BREATHEASY v1.0.docx", T, "1.0", "12/01/2023",
                     end_text="Support is requested until 31 March 2030, when the linked data will be destroyed.")
    cag_letter(out / "CAG/BREATHEASY CAG outcome letter.pdf", T, "14 March 2023",
               dspt_text="Confirmed: The NHS England 2022/23 DSPT review for University of Exeter was confirmed "
                         "as 'Standards Met' on the NHS England DSPT tracker (checked 2 March 2023).",
               reviewed=[["CAG application form", "1.0", "12/01/2023"], ["Protocol", "2.0", "January 2023"],
                         ["Patient notification (privacy notice)", "1.1", "10/01/2023"]])
    cag_letter(out / "CAG/BREATHEASY annual review 2024.pdf", T, "5 March 2024", kind="review",
               previous="Further to our letter of 14 March 2023 confirming support for this application:",
               review_text="The next annual review should be provided no later than 5 March 2025.")
    protocol(out / "BREATHEASY protocol v2.0.docx", T, "2.0", "09/01/2023", [
        ("Data flows", "Exeter sends NHS number, date of birth and postcode for each patient to NHS England, which "
                       "links them to HES and death registrations and returns a pseudonymised file.")])
    pn251(out / "BREATHEASY privacy notice.docx", T, "10/01/2023", ver="1.1")
    rec_letter(out / "REC favourable opinion 22-SW-0190.pdf", T, "2 December 2022")
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2012-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2012-04-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of Exeter", code="EE133829")])
    facts = {"CAG application form BREATHEASY v1.0.docx": {"kind": "s251_application", "version": "1.0",
                                                            "date": "2023-01-12", "cag": ["23/CAG/0041"]},
             "CAG/BREATHEASY CAG outcome letter.pdf": {"kind": "cag_approval", "date": "2023-03-14",
                                                       "cag": ["23/CAG/0041"]},
             "CAG/BREATHEASY annual review 2024.pdf": {"kind": "cag_annual_review", "date": "2024-03-05",
                                                       "cag": ["23/CAG/0041"]},
             "BREATHEASY protocol v2.0.docx": {"kind": "protocol", "version": "2.0", "date": "2023-01-09"},
             "BREATHEASY privacy notice.docx": {"kind": "privacy_notice", "version": "1.1", "date": "2023-01-10"},
             "REC favourable opinion 22-SW-0190.pdf": {"kind": "rec_approval", "date": "2022-12-02"}}
    return req, T["as_of"], [], facts, "register.xlsx"


@bundle("s02-hipfix-no-cag-letter")
def s02(out):
    T = s251_study(short="HIPFIX", title="HIPFIX: anaesthetic technique and outcomes after hip fracture surgery",
                   cag_ref="21/CAG/0099", iras="292010", rec_ref="21/NE/0061",
                   rec_committee="North East - York Research Ethics Committee", controller="University of Hull",
                   applicant_person="Mr Callum Birtwistle", applicant_dept="Hull York Medical School",
                   ci="Mr Callum Birtwistle", ci_dept="Hull York Medical School", dars="DARS-NIC-397245-H1F9X",
                   domain="hull.example.ac.uk", ids_text="NHS number, date of birth, sex and postcode",
                   datasets_text="Hospital Episode Statistics Admitted Patient Care and ONS mortality data",
                   purpose_cag="compare 30-day and one-year mortality between spinal and general anaesthesia for "
                               "hip fracture surgery in patients recorded in the National Hip Fracture Database.",
                   cohort_text="Patients aged 60 and over who had hip fracture surgery in England, 2016-2020.",
                   purpose_req="To compare mortality and readmission after spinal versus general anaesthesia for "
                               "hip fracture surgery.")
    s251_application(out / "HIPFIX section 251 application v2.docx", T, "2.0", "05/05/2021")
    protocol(out / "HIPFIX protocol v1.3.pdf", T, "1.3", "28/04/2021", [
        ("Linkage", "The applicant sends identifiers to NHS England for linkage to HES APC and ONS mortality "
                    "data; a pseudonymised extract is returned.")])
    pn251(out / "HIPFIX privacy notice.pdf", T, "1 June 2021", ver="1.0", style=1, ndoo=False)
    rec_letter(out / "HIPFIX REC letter.pdf", T, "20 April 2021")
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "sex", "postcode"],
                       [ds("hes_apc", "2016-04-01", "2021-03-31", HES_F, "one_off"),
                        ds("deaths", "2016-04-01", "2021-12-31", DEATH_F, "one_off")],
                       [org("University of Hull", code="EE133818")], minimisation=False)
    facts = {"HIPFIX section 251 application v2.docx": {"kind": "s251_application", "version": "2.0",
                                                        "date": "2021-05-05", "cag": ["21/CAG/0099"]},
             "HIPFIX protocol v1.3.pdf": {"kind": "protocol", "version": "1.3", "date": "2021-04-28"},
             "HIPFIX privacy notice.pdf": {"kind": "privacy_notice", "version": "1.0", "date": "2021-06-01"},
             "HIPFIX REC letter.pdf": {"kind": "rec_approval", "date": "2021-04-20"}}
    return req, T["as_of"], ["LB-002", "REG-001", "PN-004", "MIN-001"], facts, "register.xlsx"


@bundle("s03-yorkheart-register-stale")
def s03(out):
    T = s251_study(short="YORKHEART", title="YORKHEART: atrial fibrillation detected after stroke and long-term "
                                            "outcomes", cag_ref="22/CAG/0158", iras="321774", rec_ref="23/YH/0045",
                   rec_committee="Yorkshire & The Humber - South Yorkshire Research Ethics Committee",
                   controller="University of York", applicant_person="Professor Ingrid Sæther",
                   applicant_dept="Department of Health Sciences", ci="Professor Ingrid Saether",
                   ci_dept="Department of Health Sciences", dars="DARS-NIC-415530-Y7H3A", domain="york.example.ac.uk",
                   ids_text="NHS number, date of birth and postcode",
                   datasets_text="HES Admitted Patient Care, HES Outpatients and Civil Registration (Deaths)",
                   purpose_cag="establish whether atrial fibrillation first detected after ischaemic stroke "
                               "carries the same risk of recurrent stroke and death as atrial fibrillation known "
                               "before the stroke.",
                   cohort_text="About 9,000 adults admitted with ischaemic stroke to four Yorkshire hospitals, "
                               "2014-2022.",
                   purpose_req="To compare recurrent stroke, hospital admission and death between atrial "
                               "fibrillation detected after stroke and atrial fibrillation known before stroke.")
    s251_application(out / "YORKHEART CAG application v1.1.docx", T, "1.1", "02/10/2023")
    cag_letter(out / "YORKHEART final outcome letter 22-CAG-0158.pdf", T, "20 November 2023", style=1,
               dspt_text="Confirmed: The NHS England 2023/24 DSPT review for University of York was confirmed as "
                         "'Standards Exceeded' on the NHS England DSPT tracker (checked 14 November 2023).",
               review_text="The first annual review is due by 20 November 2024.",
               reviewed=[["IRAS CAG application form", "1.1", "02/10/2023"],
                         ["Protocol", "2.0", "01/09/2023"],
                         ["Privacy notice", "1.0", "02/10/2023"]])
    protocol(out / "YORKHEART protocol v2.1.docx", T, "2.1", "15/10/2023", [
        ("Data sources", "HES APC, HES Outpatients and death registrations, linked by NHS England.")])
    pn251(out / "YORKHEART privacy notice v1.0.docx", T, "02/10/2023", ver="1.0", style=0)
    rec_letter(out / "YORKHEART REC FO.pdf", T, "9 October 2023")
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2014-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("hes_op", "2014-04-01", "2024-03-31", OP_F, "one_off"),
                        ds("deaths", "2014-04-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of York", code="EE133906", dspt=("standards_met", "2023-24"))])
    facts = {"YORKHEART CAG application v1.1.docx": {"kind": "s251_application", "version": "1.1",
                                                     "date": "2023-10-02", "cag": ["22/CAG/0158"]},
             "YORKHEART final outcome letter 22-CAG-0158.pdf": {"kind": "cag_approval", "date": "2023-11-20",
                                                                "cag": ["22/CAG/0158"]},
             "YORKHEART protocol v2.1.docx": {"kind": "protocol", "version": "2.1", "date": "2023-10-15"},
             "YORKHEART privacy notice v1.0.docx": {"kind": "privacy_notice", "version": "1.0",
                                                    "date": "2023-10-02"},
             "YORKHEART REC FO.pdf": {"kind": "rec_approval", "date": "2023-10-09"}}
    return req, T["as_of"], ["REG-002", "REG-003", "SEC-003", "S251-007"], facts, "register.xlsx"


@bundle("s04-oxprimary-department-controller")
def s04(out):
    ctrl = "Nuffield Department of Primary Care Health Sciences, University of Oxford"
    T = s251_study(short="PRESCRIBE", title="PRESCRIBE: opioid prescribing in primary care and hospital "
                                            "admission for harm", cag_ref="23/CAG/0112",
                   controller=ctrl, applicant_person="Dr Naomi Fairweather",
                   applicant_dept="Nuffield Department of Primary Care Health Sciences",
                   ci="Dr Naomi Fairweather", ci_dept="Radcliffe Observatory Quarter", dars="DARS-NIC-412209-P8O4D",
                   domain="ox.example.ac.uk", ids_text="NHS number, date of birth, postcode",
                   datasets_text="Hospital Episode Statistics (APC, A&E) and the Emergency Care Data Set",
                   purpose_cag="measure hospital admissions and emergency attendances for opioid-related harm "
                               "among patients prescribed long-term opioids in primary care.",
                   cohort_text="Patients of 120 practices in the Thames Valley prescribed opioids for 90 days or "
                               "more, 2015-2023.",
                   purpose_req="To measure opioid-related hospital admission and emergency attendance among "
                               "patients prescribed long-term opioids in primary care.",
                   purpose_category="service_evaluation")
    T.pop("rec_ref", None)
    s251_application(out / "PRESCRIBE non-research CAG application.docx", T, "1.0", "14/04/2023")
    cag_letter(out / "PRESCRIBE CAG letter 23-CAG-0112.pdf", T, "28 June 2023", controller="University of Oxford",
               ndoo_text="The Group agreed that the national data opt-out should not apply to this activity: the "
                         "cohort is drawn from practice prescribing records, and applying the opt-out would remove "
                         "a group known to differ in its opioid use. The national data opt-out will therefore not "
                         "be applied.",
               review_text="An annual review is due on 28 June 2024; please submit it to the CAG inbox.")
    cag_letter(out / "PRESCRIBE annual review confirmation.pdf", T, "24 June 2024", kind="review",
               review_text="Your next annual review is due by 24 June 2025.")
    pn251(out / "PRESCRIBE patient notification.pdf", T, "30 April 2023", ver="1.0", style=2,
          ctext=f"The {ctrl} is the data controller for this evaluation.")
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2015-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("hes_ae", "2015-04-01", "2020-03-31", ["arrdate", "diag_01", "aedepttype"], "one_off"),
                        ds("ecds", "2020-04-01", "2024-03-31", ["arrival_date", "chief_complaint"], "one_off")],
                       [org(ctrl, code="EE133902")], ndoo="not_applied", purpose_category="service_evaluation")
    facts = {"PRESCRIBE non-research CAG application.docx": {"kind": "s251_application", "version": "1.0",
                                                              "date": "2023-04-14", "cag": ["23/CAG/0112"]},
             "PRESCRIBE CAG letter 23-CAG-0112.pdf": {"kind": "cag_approval", "date": "2023-06-28",
                                                      "cag": ["23/CAG/0112"]},
             "PRESCRIBE annual review confirmation.pdf": {"kind": "cag_annual_review", "date": "2024-06-24",
                                                          "cag": ["23/CAG/0112"]},
             "PRESCRIBE patient notification.pdf": {"kind": "privacy_notice", "version": "1.0",
                                                    "date": "2023-04-30"}}
    return req, T["as_of"], ["ORG-003", "S251-008", "REG-006", "REG-004"], facts, "register.xlsx"


@bundle("s05-sepsis-clean-eml-review")
def s05(out):
    T = s251_study(short="SEPSIS-LT", title="SEPSIS-LT: long-term survival and readmission after sepsis in "
                                            "intensive care", cag_ref="23/CAG/0087", iras="320115",
                   rec_ref="23/LO/0233", rec_committee="London - Brent Research Ethics Committee",
                   controller="Imperial College London", applicant_person="Dr Matteo Ferraro",
                   applicant_dept="Department of Surgery and Cancer", ci="Dr Matteo Ferraro",
                   ci_dept="Department of Surgery and Cancer", dars="DARS-NIC-411760-S5P2L",
                   domain="imperial.example.ac.uk", as_of="2024-11-04",
                   ids_text="NHS number, date of birth, sex and postcode",
                   datasets_text="Hospital Episode Statistics (Admitted Patient Care and Critical Care) and "
                                 "ONS death registrations",
                   purpose_cag="describe survival, readmission and new dependency on care in the five years "
                               "after an intensive care admission with sepsis.",
                   cohort_text="Adults admitted to intensive care with sepsis in 14 London hospitals, 2015-2022.",
                   purpose_req="To describe long-term survival and hospital readmission after intensive care "
                               "admission with sepsis.")
    s251_application(out / "SEPSIS-LT s251 application.docx", T, "1.2", "30/03/2023",
                     end_text="Support is requested until 31 December 2031.")
    cag_letter(out / "SEPSIS-LT CAG approval.pdf", T, "3 July 2023",
               dspt_text="Confirmed: the NHS England 2022/23 DSPT review for Imperial College London was "
                         "confirmed as 'Standards Met' (checked 21 June 2023). Confirmation of the 2023/24 "
                         "submission is pending.")
    body = ("Dear Dr Ferraro\n\n"
            f"Application title: {T['title']}\nCAG reference: 23/CAG/0087\n\n"
            "Thank you for submitting the annual review for the above application, received on 12 June 2024. "
            "I am writing to confirm that, on behalf of the Health Research Authority, the Confidentiality "
            "Advice Team has reviewed the report and that support under Regulation 5 of the Health Service "
            "(Control of Patient Information) Regulations 2002 remains in place for NHS England to receive the "
            "cohort's identifiers from Imperial College London and to link them to HES and ONS death "
            "registrations, as set out in the outcome letter of 3 July 2023.\n\n"
            "Your next annual review is due by 1 July 2025. Please remember that significant changes to the "
            "activity require an amendment to be approved before they are made.\n\n"
            "Kind regards\n\nConfidentiality Advisor\nConfidentiality Advice Team\nHealth Research Authority\n"
            "2 Redman Place, Stratford, London E20 1JQ")
    eml(out / "CAG annual review 2024 - 23-CAG-0087.eml", "HRA CAG <cag@hra.nhs.uk>",
        "matteo.ferraro@imperial.example.ac.uk", "Mon, 01 Jul 2024 14:12:05 +0100",
        "23/CAG/0087 annual review - support remains in place", body)
    pn251(out / "SEPSIS-LT privacy notice.pdf", T, "11 April 2023", ver="2.0", style=1,
          ctext="Imperial College London (\"Imperial\") is the data controller for SEPSIS-LT. Imperial's Data "
                "Protection Officer can be contacted at the address below.")
    rec_letter(out / "SEPSIS-LT REC FO.pdf", T, "19 May 2023")
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "sex", "postcode"],
                       [ds("hes_apc", "2015-04-01", None, HES_F, "latest_available"),
                        ds("hes_cc", "2015-04-01", "2024-03-31", ["ccstartdate", "ccdisdate", "orgsup_max"],
                           "one_off"),
                        ds("deaths", "2015-04-01", None, DEATH_F, "latest_available")],
                       [org("Imperial College London", code="EE133811", dspt=("standards_met", "2024-25")),
                        org("Microsoft Limited", roles=("processor",), code="8HK99",
                            storage=[{"provider": "Microsoft Azure", "region": "UK South"}])],
                       territory="england_wales")
    facts = {"SEPSIS-LT s251 application.docx": {"kind": "s251_application", "version": "1.2",
                                                 "date": "2023-03-30", "cag": ["23/CAG/0087"]},
             "SEPSIS-LT CAG approval.pdf": {"kind": "cag_approval", "date": "2023-07-03", "cag": ["23/CAG/0087"]},
             "CAG annual review 2024 - 23-CAG-0087.eml": {"kind": "cag_annual_review", "date": "2024-07-01",
                                                          "cag": ["23/CAG/0087"]},
             "SEPSIS-LT privacy notice.pdf": {"kind": "privacy_notice", "version": "2.0", "date": "2023-04-11"},
             "SEPSIS-LT REC FO.pdf": {"kind": "rec_approval", "date": "2023-05-19"}}
    return req, T["as_of"], [], facts, None


@bundle("s06-childburns-register-exemption")
def s06(out):
    T = s251_study(short="BURNS-FU", title="BURNS-FU: school and health outcomes after childhood burns",
                   cag_ref="22/CAG/0061", iras="305538", rec_ref="22/WA/0088", rec_committee="Wales REC 3",
                   controller="Swansea University", applicant_person="Dr Catrin Morgan",
                   applicant_dept="Swansea University Medical School", ci="Dr Catrin Morgan",
                   ci_dept="Swansea University Medical School", dars="DARS-NIC-401922-B4U7C",
                   domain="swansea.example.ac.uk", ids_text="NHS number, name, date of birth, postcode",
                   datasets_text="Hospital Episode Statistics (inpatient and outpatient)",
                   purpose_cag="describe readmission for reconstructive surgery and other hospital care in the "
                               "ten years after a childhood burn treated at a regional burns service.",
                   cohort_text="Children treated at four burns services in England and Wales, 2010-2020.",
                   purpose_req="To describe readmission and hospital care in the decade after a childhood burn.")
    s251_application(out / "BURNS-FU CAG application.docx", T, "1.0", "10/02/2022")
    cag_letter(out / "BURNS-FU outcome letter.pdf", T, "20 June 2022", body_nhse="NHS Digital",
               ndoo_text="The applicant confirmed that the national data opt-out will be applied by NHS Digital "
                         "before linkage.",
               review_text="An annual review is due twelve months from the date of this letter, on 20 June 2023.")
    cag_letter(out / "BURNS-FU annual review 2024.pdf", T, "18 June 2024", kind="review",
               review_text="The next annual review should be submitted by 18 June 2025.")
    pn251(out / "BURNS-FU privacy notice.docx", T, "1 March 2022", ver="1.0")
    rec_letter(out / "BURNS-FU REC.pdf", T, "31 May 2022")
    recv = ["nhs_number", "name", "date_of_birth", "postcode"]
    req = base_request(T, "section_251", recv,
                       [ds("hes_apc", "2010-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("hes_op", "2010-04-01", "2024-03-31", OP_F, "one_off")],
                       [org("Swansea University", code="EE133887", loc=("Wales",))], ndoo="not_applied",
                       flows=[{"action": "receive", "counterparty": "Swansea University", "identifiers": recv},
                              {"action": "link", "datasets": ["hes_apc", "hes_op"],
                               "identifiers": ["nhs_number", "date_of_birth"]},
                              {"action": "disseminate", "counterparty": "Swansea University", "identifiers": []}])
    facts = {"BURNS-FU CAG application.docx": {"kind": "s251_application", "version": "1.0", "date": "2022-02-10",
                                               "cag": ["22/CAG/0061"]},
             "BURNS-FU outcome letter.pdf": {"kind": "cag_approval", "date": "2022-06-20", "cag": ["22/CAG/0061"]},
             "BURNS-FU annual review 2024.pdf": {"kind": "cag_annual_review", "date": "2024-06-18",
                                                 "cag": ["22/CAG/0061"]},
             "BURNS-FU privacy notice.docx": {"kind": "privacy_notice", "version": "1.0", "date": "2022-03-01"},
             "BURNS-FU REC.pdf": {"kind": "rec_approval", "date": "2022-05-31"}}
    return req, T["as_of"], ["REG-005", "NDOO-001", "S251-009", "MIN-003"], facts, "register.xlsx"


@bundle("s07-cardiorehab-reference-drift")
def s07(out):
    T = s251_study(short="REHAB-OUT", title="REHAB-OUT: outcomes after cardiac rehabilitation in heart failure",
                   cag_ref="22/CAG/0174", iras="310422", rec_ref="22/EE/0102",
                   rec_committee="East of England - Essex Research Ethics Committee",
                   controller="University of East Anglia", applicant_person="Dr Hannah Blyth",
                   applicant_dept="Norwich Medical School", ci="Dr Hannah Blyth", ci_dept="Norwich Medical School",
                   dars="DARS-NIC-406318-R9C1H", domain="uea.example.ac.uk",
                   ids_text="NHS number, date of birth and sex",
                   datasets_text="Hospital Episode Statistics Admitted Patient Care; Civil Registration - Deaths",
                   purpose_cag="assess hospital readmission and mortality after cardiac rehabilitation in people "
                               "with heart failure in Norfolk and Suffolk.",
                   cohort_text="Adults with heart failure referred to cardiac rehabilitation in Norfolk and "
                               "Suffolk, 2013-2021.",
                   purpose_req="To assess hospital readmission and mortality after pulmonary rehabilitation in "
                               "people with chronic obstructive pulmonary disease in Norfolk and Suffolk.")
    s251_application(out / "s251/REHAB-OUT CAG application form.docx", T, "1.0", "07/03/2022")
    cag_letter(out / "s251/REHAB-OUT CAG outcome 22-CAG-0174.pdf", T, "8 February 2024",
               review_text="Annual review due: 8 February 2025.")
    pn251(out / "REHAB-OUT privacy notice.docx", T, "15 January 2024", ver="1.0")
    rec_letter(out / "REHAB-OUT REC FO.pdf", T, "12 January 2024")
    hes_fields = ["admidate", "diag_4_01", "homeadd", "mydob", "sex"]
    req = base_request(T, "section_251", ["nhs_number", "date_of_birth", "postcode"],
                       [ds("hes_apc", "2013-04-01", "2024-03-31", hes_fields, "one_off"),
                        ds("deaths", "2013-04-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of East Anglia", code="EE133868")], cag_reference="22/CAG/0147")
    facts = {"s251/REHAB-OUT CAG application form.docx": {"kind": "s251_application", "version": "1.0",
                                                          "date": "2022-03-07", "cag": ["22/CAG/0174"]},
             "s251/REHAB-OUT CAG outcome 22-CAG-0174.pdf": {"kind": "cag_approval", "date": "2024-02-08",
                                                           "cag": ["22/CAG/0174"]},
             "REHAB-OUT privacy notice.docx": {"kind": "privacy_notice", "version": "1.0", "date": "2024-01-15"},
             "REHAB-OUT REC FO.pdf": {"kind": "rec_approval", "date": "2024-01-12"}}
    return req, T["as_of"], ["S251-002", "S251-004", "S251-005", "MIN-005"], facts, None


@bundle("s08-dialysis-lapsed-support")
def s08(out):
    T = s251_study(short="DIAL-LINK", title="DIAL-LINK: vascular access and hospital admission in haemodialysis",
                   cag_ref="20/CAG/0067", iras="276601", rec_ref="20/SW/0042",
                   rec_committee="South West - Central Bristol Research Ethics Committee",
                   controller="University of Bristol", applicant_person="Professor Alun Prothero",
                   applicant_dept="Bristol Medical School", ci="Professor Alun Prothero",
                   ci_dept="Bristol Medical School", dars="DARS-NIC-393030-D6L8K", domain="bristol.example.ac.uk",
                   ids_text="NHS number, date of birth, postcode",
                   datasets_text="HES Admitted Patient Care and death registrations",
                   purpose_cag="compare hospital admission for access-related infection between fistula, graft "
                               "and catheter access in people starting haemodialysis.",
                   cohort_text="Adults starting haemodialysis at five renal units in the South West, 2015-2022.",
                   purpose_req="To compare access-related infection admissions between types of vascular access "
                               "in people starting haemodialysis.")
    cag_letter(out / "CAG letters/20-CAG-0067 outcome letter (reissued 2023).pdf", T, "10 May 2023",
               previous="This letter replaces our letter of 2 September 2020 (20/CAG/0067) and records the "
                        "extension of support to NHS England as successor to NHS Digital.",
               until_text="Support is given until 31 March 2026.",
               review_text="The next annual review is due on 10 May 2024.",
               reviewed=[["CAG application form", "2.0", "01/03/2023"],
                         ["Privacy notice", "1.3", "01/03/2023"]])
    pn251(out / "DIAL-LINK privacy notice v1.3.pdf", T, "01/03/2023", ver="1.3", style=0)
    rec_letter(out / "DIAL-LINK REC favourable opinion.pdf", T, "14 April 2020")
    ids = ["nhs_number", "date_of_birth", "postcode"]
    req = base_request(T, "section_251", ids,
                       [ds("hes_apc", "2015-04-01", None, HES_F, "future_drops"),
                        ds("deaths", "2015-04-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("University of Bristol", code="EE133814")],
                       flows=[{"action": "receive", "counterparty": "University of Bristol", "identifiers": ids},
                              {"action": "link", "datasets": ["hes_apc", "deaths"], "identifiers": ids},
                              {"action": "disseminate", "counterparty": "University of Bristol",
                               "identifiers": ["nhs_number"]}])
    facts = {"CAG letters/20-CAG-0067 outcome letter (reissued 2023).pdf": {"kind": "cag_approval", "date": "2023-05-10",
                                                                     "cag": ["20/CAG/0067"]},
             "DIAL-LINK privacy notice v1.3.pdf": {"kind": "privacy_notice", "version": "1.3", "date": "2023-03-01"},
             "DIAL-LINK REC favourable opinion.pdf": {"kind": "rec_approval", "date": "2020-04-14"}}
    return req, T["as_of"], ["S251-001", "S251-003", "S251-006", "MIN-006"], facts, None


@bundle("s09-ukhsa-statutory-offshore")
def s09(out):
    T = s251_study(short="TB-SURV", title="Enhanced tuberculosis surveillance: linkage of case notifications",
                   cag_ref=None, controller="UK Health Security Agency", applicant_person="Dr Ruth Okonjo",
                   applicant_dept="TB Unit", ci="Dr Ruth Okonjo", ci_dept="TB Unit", dars="DARS-NIC-420011-U2K9T",
                   domain="ukhsa.example.gov.uk", ids_text="", datasets_text="", purpose_cag="",
                   cohort_text="", lay_purpose="",
                   purpose_req="To link tuberculosis case notifications with hospital admissions and deaths, as "
                               "required for national surveillance under the Health Protection (Notification) "
                               "Regulations 2010, to measure treatment outcomes.",
                   pn_what="We hold details of every person notified with tuberculosis in England: name, date of "
                           "birth, NHS number and postcode, with clinical details supplied by the notifying "
                           "doctor.",
                   lawful_text="We process this information under UK GDPR Article 6(1)(e), public task, and "
                               "Article 9(2)(i), public interest in the area of public health.")
    pn251(out / "UKHSA TB surveillance privacy notice.pdf", T, "2 April 2024", ver="3.2", style=1, ndoo=False,
          ctext="The UK Health Security Agency (UKHSA) is the controller for tuberculosis surveillance data. "
                "UKHSA is an executive agency of the Department of Health and Social Care.")
    req = base_request(T, "statutory", ["nhs_number", "date_of_birth"],
                       [ds("hes_apc", "2019-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("deaths", "2019-04-01", "2024-06-30", DEATH_F, "one_off")],
                       [org("UK Health Security Agency", code="X26"),
                        {"name": "Bengaluru Analytics Private Limited", "roles": ["processor"],
                         "processing_locations": ["India"],
                         "security": {"iso27001": {"certificate": "IN-27K-55120", "expires": D("2026-08-31"),
                                                   "scope": "Statistical analysis services"}}}],
                       purpose_category="public_health", territory="worldwide", ndoo="applied",
                       access={"route": "extract", "sde_unsuitable_reason": "Surveillance outputs are produced "
                                                                            "weekly in UKHSA's own systems."},
                       a9="9(2)(i)", cohort=True)
    facts = {"UKHSA TB surveillance privacy notice.pdf": {"kind": "privacy_notice", "version": "3.2",
                                                          "date": "2024-04-02"}}
    return req, T["as_of"], ["LB-005", "TER-002", "TER-003"], facts, None


@bundle("n10-somerset-sde-evaluation")
def n10(out):
    T = s251_study(short="FALLS-EVAL", title="Evaluation of the Somerset community falls response service",
                   cag_ref=None, controller="Somerset Council", applicant_person="Ms Joanne Tucker",
                   applicant_dept="Public Health", ci="Ms Joanne Tucker", ci_dept="Public Health",
                   dars="DARS-NIC-417733-F3S6V", domain="somerset.example.gov.uk", ids_text="", datasets_text="",
                   purpose_cag="", cohort_text="",
                   lay_purpose="The evaluation asks whether the falls response service, which sends a team to "
                               "people who have fallen at home, reduces the number taken to hospital.",
                   background="The service began in April 2022 in two districts and now covers the county.",
                   purpose_req="To evaluate whether the community falls response service reduces conveyance to "
                               "hospital and emergency admission after a fall among residents aged 65 and over.",
                   pn_what="We hold the records of people attended by the falls response service: name, date of "
                           "birth, NHS number and address, with the outcome of each visit.")
    pn251(out / "Falls response service privacy notice.docx", T, "6 June 2024", ver="1.0", style=0, ndoo=False,
          ctext="Somerset Council, County Hall, Taunton TA1 4DY, is the data controller for this evaluation.")
    protocol(out / "Falls evaluation protocol v1.0.docx", T, "1.0", "20/05/2024", [
        ("Analysis", "Analysts will use NHS England's Secure Data Environment. Two analysts on placement from a "
                     "partner organisation in Dublin will access the data remotely under honorary contracts with "
                     "the Council.")])
    ids = ["nhs_number", "date_of_birth"]
    req = base_request(T, "not_confidential", ids,
                       [ds("hes_apc", "2021-04-01", "2024-03-31", HES_F, "one_off"),
                        ds("ecds", "2021-04-01", "2024-03-31", ["arrival_date", "chief_complaint",
                                                                 "discharge_status"], "one_off")],
                       [org("Somerset Council", code="E6F3N"),
                        org("Taunton Insight Ltd", roles=("processor",), dspt=("standards_not_met", "2024-25"))],
                       purpose_category="service_evaluation", territory="uk", ndoo="applied",
                       access={"route": "sde", "sde_unsuitable_reason": None},
                       honorary_contracts={"used": True, "holders": [
                           {"employer": "Liffey Health Analytics", "host": "Somerset Council",
                            "access_locations": ["England", "Ireland"]}]})
    facts = {"Falls response service privacy notice.docx": {"kind": "privacy_notice", "version": "1.0",
                                                            "date": "2024-06-06"},
             "Falls evaluation protocol v1.0.docx": {"kind": "protocol", "version": "1.0", "date": "2024-05-20"}}
    return req, T["as_of"], ["LB-001", "SEC-001", "ACC-002", "HON-003"], facts, None


# ===================================== REGISTER AND MAIN ====================================
def write_register(path: Path) -> None:
    import datetime as d
    import openpyxl
    wb = openpyxl.Workbook()
    ix = wb.active
    ix.title = "Index"
    ix.append(["Confidentiality Advisory Group - Register of approved applications"])
    ix.append(["This workbook lists applications supported under Regulation 5. Research and non-research "
               "applications are on separate sheets. Updated monthly."])
    ix.append(["Sheet", "Contents"])
    ix.append(["Research", "Research applications approved by the HRA"])
    ix.append(["Non-research", "Non-research applications approved by the Secretary of State"])
    rs = wb.create_sheet("Research")
    rs.append(["Research register (extract downloaded for review)"])
    rs.append([])
    rs.append(["CAG reference", "Application title", "Applicant organisation", "Identifiers approved",
               "Next review date (dd/mm/yyyy)", "National data opt-out status", "Notes"])
    rows = [
        ["19/CAG/0044", "Cancer survivorship in young adults", "University of Leicester",
         "NHS number, date of birth, postcode", d.datetime(2025, 2, 11), "Applied", ""],
        ["20/CAG/0201 (previously 17/CAG/0090)", "Maternal obesity and child outcomes", "University of Bristol",
         "NHS number; date of birth; postcode", "30/09/2025", "Applied", "Renumbered on transfer."],
        ["22/CAG/0061", "BURNS-FU: school and health outcomes after childhood burns", "Swansea University",
         "NHS number, name, date of birth, postcode", d.datetime(2025, 6, 18), "Exempt",
         "CAG advised that the national data opt-out does not apply to this activity."],
        ["22/CAG/0158", "YORKHEART: atrial fibrillation detected after stroke", "University of York",
         "NHS number, date of birth", d.datetime(2024, 5, 14), "", ""],
        ["23/CAG/0041", "BREATHEASY: long-term outcomes of pulmonary rehabilitation in COPD",
         "University of Exeter", "NHS number; date of birth; postcode; sex", d.datetime(2024, 3, 1), "Applied",
         "Annual review in progress."],
        ["23/CAG/0087", "SEPSIS-LT: long-term survival after sepsis in intensive care", "Imperial College London",
         "NHS number, date of birth, sex, postcode", "01/07/2025", "Applied", ""],
    ]
    for r in rows:
        rs.append(r)
    for row in rs.iter_rows(min_row=4, min_col=5, max_col=5):
        for c in row:
            if isinstance(c.value, d.datetime):
                c.number_format = "dd/mm/yyyy"
    nr = wb.create_sheet("Non-research")
    nr.append(["CAG Ref", "Title of activity", "Organisation", "Confidential patient information requested",
               "Next review date", "NDOO status", "Comments"])
    nr.append(["21/CAG/0150", "Regional stroke audit linkage", "Leeds Teaching Hospitals NHS Trust",
               "NHS number, date of birth", "31 January 2025", "Applied", ""])
    nr.append(["23/CAG/0112", "PRESCRIBE: opioid prescribing in primary care and hospital admission for harm",
               "University of Oxford", "NHS number, date of birth, postcode", "24/06/2025", "Applied", ""])
    wb.properties.creator = "HRA"
    wb.properties.created = d.datetime(2024, 9, 1)
    wb.properties.modified = d.datetime(2024, 9, 1)
    wb.save(path)
    _fix_docx_dates(path)


def main() -> int:
    import json
    import shutil
    import sys
    import yaml
    if len(sys.argv) != 2:
        print("usage: python build.py OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    keys = {}
    for name, fn in BUNDLES.items():
        bdir = outdir / name
        if bdir.exists():
            shutil.rmtree(bdir)
        bdir.mkdir(parents=True)
        req, as_of, expect, facts, register = fn(bdir)
        (bdir / "request.yaml").write_text(yaml.safe_dump(req, sort_keys=False, allow_unicode=True, width=100))
        for rel in facts:
            assert (bdir / rel).exists(), (name, rel)
        k = {"as_of": as_of, "expect": sorted(expect), "documents": facts}
        if register:
            k["register"] = register
        keys[name] = k
    write_register(outdir / "register.xlsx")
    (outdir / "keys.json").write_text(json.dumps(keys, indent=2, sort_keys=True) + "\n")
    print(f"built {len(keys)} bundles in {outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
