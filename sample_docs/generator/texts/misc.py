"""Other documents of a bundle: a transfer risk assessment, the DARS application form as a document, a
steering committee agenda (a document of no kind), and a scanned declaration with no text layer."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from ..model import Bullets, DocSpec, Heading, Layout, Para, Table
from ..studies import Study
from .common import DATASET_FORMAL, cap, ids


@dataclass(frozen=True)
class TransferRiskAssessment(DocSpec):
    kind = "transfer_risk_assessment"
    recipient: str = ""
    country: str = ""

    def layout(self, study: Study) -> Layout:
        controller = study.controller.name.removeprefix("The ")
        b = (
            Para("Transfer risk assessment", "title"),
            Para(
                f"Restricted transfer of pseudonymised research data from the {controller} to {self.recipient} "
                f"({self.country})",
                "subtitle",
            ),
            Table(
                (
                    ("Document version", self.version),
                    ("Date of assessment", self.date.fmt("long")),
                    ("Assessor", f"Information Governance Manager, {controller}"),
                    (
                        "Transfer mechanism",
                        "International Data Transfer Agreement (IDTA), signed by both parties",
                    ),
                ),
                header=False,
                widths=(0.35, 0.65),
            ),
            Heading("1. Description of the transfer", 2),
            Para(
                f"{self.recipient} provides statistical computing services to the {study.acronym} team as a "
                f"processor. It will receive the pseudonymised extract (study identifier and linked hospital and "
                f"mortality records) on its secure platform in {self.country}. No direct identifiers are "
                "transferred. The recipient processes the data only on the University's documented instructions."
            ),
            Heading("2. Laws and practices of the destination country", 2),
            Para(
                "We have reviewed the laws of the destination country on public authority access to data, "
                "including surveillance laws, against the Information Commissioner's transfer risk assessment "
                "tool. The recipient is not certified under the UK extension to the Data Privacy Framework."
            ),
            Heading("3. Risk assessment", 2),
            Table(
                (
                    ("Risk", "Likelihood", "Mitigation"),
                    (
                        "Access by public authorities",
                        "Low",
                        "Pseudonymised data; encryption at rest with keys held in the UK",
                    ),
                    ("Onward transfer", "Low", "Contractually prohibited; audited annually"),
                    ("Re-identification", "Very low", "No identifiers transferred; small-number suppression"),
                ),
                widths=(0.3, 0.15, 0.55),
            ),
            Heading("4. Conclusion", 2),
            Para(
                "The transfer, with the IDTA and the supplementary measures above, gives the data subjects "
                "protection that is not materially lower than under UK data protection law. The assessment will "
                "be reviewed every two years or when the circumstances change."
            ),
        )
        return Layout(
            b,
            title="Transfer risk assessment",
            author=controller,
            created=self.date,
            footer=(f"TRA v{self.version} – {self.date.fmt('iso')} – page {{page}} of {{pages}}",),
            accent=study.controller.accent,
        )


@dataclass(frozen=True)
class DataRequestForm(DocSpec):
    kind = "data_request"
    nic: str = ""

    def layout(self, study: Study) -> Layout:
        controller = study.controller.name.removeprefix("The ")
        b = (
            Para("Data Access Request Service (DARS)", "title"),
            Para("Application summary – exported from the DARS Online portal", "subtitle"),
            Table(
                (
                    ("Application reference", f"{self.nic}-v{self.version}"),
                    ("Application version", self.version),
                    ("Date of export", self.date.fmt("slash")),
                    ("Applicant organisation", controller),
                    ("Title", study.title),
                ),
                header=False,
                widths=(0.35, 0.65),
            ),
            Heading("Purpose", 2),
            Para(f"Medical research which {study.aim}."),
            Heading("Datasets requested", 2),
            Bullets(tuple(DATASET_FORMAL[d] for d in study.datasets)),
            Heading("Legal basis", 2),
            Para(
                f"Common law duty of confidentiality: section 251 support ({study.cag_ref}). UK GDPR Article 6(1)(e) "
                "and Article 9(2)(j)."
            ),
            Heading("Identifiers flowing to NHS England", 2),
            Para(cap(ids(study.linkage_ids, formal=True)) + "."),
            Heading("Territory of use", 2),
            Para("United Kingdom"),
            Heading("Sub-licensing", 2),
            Para("Sub-licensing: No. Onward sharing: No."),
        )
        return Layout(
            b,
            title="DARS application summary",
            author=controller,
            created=self.date,
            footer=(f"{self.nic} – version {self.version} – exported {self.date.fmt('iso')}",),
            size=9.5,
        )


@dataclass(frozen=True)
class Agenda(DocSpec):
    kind = "other"

    def layout(self, study: Study) -> Layout:
        b = (
            Para(f"{study.acronym} Study Steering Committee", "title"),
            Para(
                f"Agenda – meeting on {self.date.fmt('long')}, 14:00–16:00, Room 2.14 and online", "subtitle"
            ),
            Table(
                (
                    ("Item", "Lead", "Paper"),
                    ("1. Welcome and apologies", "Chair", "–"),
                    ("2. Minutes of the previous meeting and matters arising", "Chair", "A"),
                    ("3. Progress report from the study manager", study.manager.full, "B"),
                    ("4. Finance report", "Finance lead", "C"),
                    ("5. Publications and presentations plan", study.ci.full, "D"),
                    ("6. Report from the patient and public advisory group", "PPI lead", "–"),
                    ("7. Any other business", "All", "–"),
                    ("8. Date of next meeting", "Chair", "–"),
                ),
                widths=(0.6, 0.25, 0.15),
            ),
            Para(
                "Independent members: please send apologies to the study manager by the Friday before the "
                "meeting.",
                "small",
            ),
        )
        return Layout(
            b,
            title="Steering committee agenda",
            author=study.manager.full,
            created=self.date,
            heading_style="bold",
        )


@dataclass(frozen=True)
class ScannedDeclaration(DocSpec):
    """A signed page scanned to an image: a PDF with no text layer. Its kind is not known (no key)."""

    kind = None

    def image(self, study: Study) -> bytes:
        from PIL import Image, ImageDraw, ImageFont

        rng = random.Random(study.key)
        img = Image.new("L", (827, 1169), 255)  # A4 at 100 dpi
        draw = ImageDraw.Draw(img)
        font = ImageFont.load_default(size=16)
        small = ImageFont.load_default(size=12)
        lines = [
            ("Declaration by the Caldicott Guardian", font),
            ("", font),
            (f"Study: {study.acronym}", small),
            ("I confirm that I have reviewed the data flows", small),
            ("described in the application and that they are", small),
            ("consistent with the Caldicott principles.", small),
            ("", small),
            ("Signed: ______________________   Date: ____________", small),
        ]
        y = 90
        for text, f in lines:
            draw.text((80 + rng.randint(-2, 2), y), text, fill=0, font=f)
            y += 34
        for _ in range(600):  # scanner speckle
            x, yy = rng.randrange(827), rng.randrange(1169)
            draw.point((x, yy), fill=rng.randint(90, 200))
        img = img.rotate(0.6, fillcolor=255).convert("1")
        out = io.BytesIO()
        img.save(out, format="PNG", optimize=True)
        return out.getvalue()
