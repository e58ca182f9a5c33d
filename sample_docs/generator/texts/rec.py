"""The Research Ethics Committee's favourable opinion letter, in a 2011, 2018 and 2023 style."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import DocDate
from ..model import Bullets, DocSpec, Heading, Layout, Letterhead, Para, Signature, Spacer, Table
from ..studies import Study

REC_OFFICES = {
    "WM": ("The Old Tannery, 3 Brindley Place South", "Birmingham B1 9XR", "0121 496 0771"),
    "EM": ("Regus House, 9 Castle Marina Drive", "Nottingham NG7 1QT", "0115 496 0810"),
    "NE": ("Jarrow Business Centre, Unit 5", "Jarrow NE32 3ZD", "0191 496 0333"),
    "WA": ("Wales REC 4, Castlebridge Court, Park Place", "Cardiff CF10 9ZQ", "029 2018 0320"),
    "H0107": ("Research Ethics Office, Level 2, Lakeside House", "Bristol BS1 9TT", "0117 496 0555"),
}


def _office(study: Study) -> tuple[str, str, str]:
    for code, office in REC_OFFICES.items():
        if f"/{code}/" in study.rec_ref:
            return office
    return REC_OFFICES["WM"]


@dataclass(frozen=True)
class RecLetter(DocSpec):
    kind = "rec_approval"
    style: str = "2023"  # 2023 | 2018 | 2011
    meeting: DocDate | None = None
    response: DocDate | None = None
    approved: tuple[tuple[str, str, str], ...] = ()

    def layout(self, study: Study) -> Layout:
        street, town, phone = _office(study)
        head = Letterhead(
            "rec",
            "Health Research Authority",
            (study.rec_name, street, town, f"Telephone: {phone}"),
            study.rec_name,
        )
        ci = study.ci
        b: list = []
        if self.style == "2011":
            b += [
                Para(f"{self.date.fmt('long')}"),
                Para(f"{ci.full}\n{ci.post}\n{study.controller.name}\n{study.controller.address[-1]}"),
                Para(f"Dear {ci.dear}"),
                Para(f"**Study title:** {study.title}\n**REC reference number:** {study.rec_ref}"),
                Para(
                    "The Research Ethics Committee reviewed the above application at the meeting held on "
                    f"{self.meeting.fmt('long')}."
                ),
                Heading("Ethical opinion", 2),
                Para(
                    "The members of the Committee present gave a favourable ethical opinion of the above "
                    "research on the basis described in the application form, protocol and supporting "
                    "documentation, subject to the conditions specified below."
                ),
                Para(
                    "The Committee noted that the study involves no contact with participants and that "
                    "approval under section 251 of the NHS Act 2006 is being sought for the use of "
                    "identifiable information without consent."
                ),
            ]
        else:
            b += [
                Para(self.date.fmt("long0") if self.style == "2023" else f"Date: {self.date.fmt('long')}"),
                Para(
                    f"{ci.full}\n{ci.post}\n{study.controller.name}\n" + "\n".join(study.controller.address)
                ),
                Spacer(),
                Para(f"Dear {ci.dear}"),
                Table(
                    (
                        ("Study title:", study.title),
                        ("REC reference:", study.rec_ref),
                        ("Protocol number:", study.sponsor_ref or "N/A"),
                        ("IRAS project ID:", study.iras),
                    ),
                    header=False,
                    widths=(0.25, 0.75),
                    grid=False,
                ),
            ]
            if self.style == "2023":
                b += [
                    Para(
                        f"Thank you for your letter of {self.response.fmt('long')}, responding to the Research "
                        "Ethics Committee's (REC) request for further information on the above research and "
                        "submitting revised documentation."
                    ),
                    Para(
                        "The further information has been considered on behalf of the Committee by the Chair."
                    ),
                    Heading("Confirmation of ethical opinion", 2),
                    Para(
                        "On behalf of the Committee, I am pleased to confirm a favourable ethical opinion for "
                        "the above research on the basis described in the application form, protocol and "
                        "supporting documentation as revised, subject to the conditions specified below."
                    ),
                ]
            else:
                b += [
                    Para(
                        "The Research Ethics Committee reviewed the above application at the meeting held on "
                        f"{self.meeting.fmt('long')}. Thank you for attending to discuss the application."
                    ),
                    Para(
                        "We plan to publish your research summary wording for the above study on the HRA "
                        "website, together with your contact details."
                    ),
                    Heading("Ethical opinion", 2),
                    Para(
                        "The members of the Committee present gave a **favourable ethical opinion** of the "
                        "above research on the basis described in the application form, protocol and "
                        "supporting documentation, subject to the conditions specified below."
                    ),
                ]
        b += [
            Heading("Conditions of the favourable opinion", 2),
            Para(
                "The REC favourable opinion is subject to the following conditions being met prior to the "
                "start of the study."
            ),
            Bullets(
                (
                    "Management permission must be obtained from each host organisation prior to the start of "
                    "the study at the site concerned.",
                    "Registration of the study in a publicly accessible database, where it is a clinical "
                    "trial, within six weeks of recruitment of the first participant.",
                )
                if self.style != "2011"
                else (
                    "Management permission or approval must be obtained from each host organisation "
                    "prior to the start of the study.",
                    "Section 251 support must be in place before any identifiable data are disclosed.",
                )
            ),
            Heading("Approved documents", 2),
            Para("The documents reviewed and approved were:"),
            Table((("Document", "Version", "Date"), *self.approved), widths=(0.6, 0.15, 0.25)),
            Heading("Statement of compliance", 2),
            Para(
                "The Committee is constituted in accordance with the Governance Arrangements for Research "
                "Ethics Committees and complies fully with the Standard Operating Procedures for Research "
                "Ethics Committees in the UK."
            ),
            Heading("After ethical review", 2),
            Para(
                "Reporting requirements: the attached document 'After ethical review – guidance for "
                "researchers' gives detailed guidance on reporting requirements for studies with a favourable "
                "opinion, including notifying substantial amendments, progress and safety reports, and "
                "notifying the end of the study."
            ),
            Para(f"{study.rec_ref}     Please quote this number on all correspondence", "label"),
            Para("With the Committee's best wishes for the success of this project."),
            Para("Yours sincerely"),
            Signature(
                (
                    study.rec_chair.full,
                    study.rec_chair.post,
                    study.rec_name,
                    f"Email: {study.rec_name.split(' – ')[-1].split()[0].lower()}.rec@hra.example.nhs.uk",
                )
            ),
            Para("Enclosures: After ethical review – guidance for researchers", "small"),
            Para(
                f"Copy to: Research Office, {study.controller.name}; R&D office, {study.site.name}", "small"
            ),
        ]
        footer = (
            (
                "A Research Ethics Committee established by the Health Research Authority",
                "Page {page} of {pages}",
            )
            if self.style != "2011"
            else ("{page}",)
        )
        return Layout(
            tuple(b),
            title=f"{study.rec_ref} favourable opinion",
            author=study.rec_chair.full,
            created=self.date,
            letterhead=head,
            footer=footer,
            font="Times" if self.style == "2011" else "Helvetica",
            accent="#00788a",
        )
