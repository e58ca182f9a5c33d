"""Consent materials in the HRA model style: consent forms ("please initial each box"; the first statement
cites the information sheet by date and version; a separate linkage statement) and multi-page
participant information sheets, in three layouts that carry their version and date differently."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import DocDate
from ..model import Bullets, DocSpec, Heading, InitialBoxes, Layout, Para, Table
from ..studies import Study
from .common import body_at

TEMPLATE_FOOTER = "KHT R&D consent template CF-02 v4.1 (12/10/2020)"


@dataclass(frozen=True)
class ConsentForm(DocSpec):
    kind = "consent_form"
    style: int = 1
    cites_version: str = "1.0"
    cites_date: DocDate | None = None
    cites_style: str = "long"
    linkage: bool = True
    contact: bool = True
    period: tuple[DocDate, DocDate] | None = None
    specimen: bool = False
    label: str = ""

    def layout(self, study: Study) -> Layout:
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        ci = study.ci
        title = {1: "CONSENT FORM", 2: "PARTICIPANT CONSENT FORM", 3: "Consent Form"}[self.style]
        if self.label:
            title += f" ({self.label})"
        b: list = [
            Para(title, "title"),
            Para(f"**Title of project:** {study.title}"),
            Para(f"**Name of Chief Investigator:** {ci.full}"),
        ]
        if self.style == 1:
            b.append(Para("Participant identification number for this study: ____________"))
        if self.period:
            start, end = self.period
            b.append(
                Para(
                    f"This version of the consent form was used from {start.fmt('month')} to "
                    f"{end.fmt('month')}.",
                    "small",
                )
            )
        b.append(Para("**Please initial each box**" if self.style != 2 else "Please initial box", "right"))
        pis = {
            1: "the information sheet",
            2: "the Participant Information Sheet",
            3: "the KINGFISHER participant information sheet",
        }[self.style]
        cite = f"dated {self.cites_date.fmt(self.cites_style)} (version {self.cites_version})"
        statements = [
            f"I confirm that I have read {pis} {cite} for the above study. I have had the opportunity to consider "
            "the information, ask questions and have had these answered satisfactorily.",
            "I understand that my participation is voluntary and that I am free to withdraw at any time without "
            "giving any reason, without my medical care or legal rights being affected.",
            "I understand that relevant sections of my medical notes and data collected during the study may be "
            f"looked at by individuals from the {controller}, from regulatory authorities or from the NHS Trust, "
            "where it is relevant to my taking part in this research. I give permission for these individuals to "
            "have access to my records.",
        ]
        if self.linkage:
            statements.append(
                {
                    1: f"I agree that my name, date of birth, NHS number and postcode may be sent to {body} so that "
                    "information about me held in national hospital records (Hospital Episode Statistics) and in "
                    "death registrations held by the Office for National Statistics can be linked to the study.",
                    2: f"I agree that my name, date of birth, NHS number and postcode may be sent to {body}, so that "
                    "records of my hospital admissions and outpatient appointments, and any death registration, can "
                    f"be linked with the information collected in this study. I understand that my address and "
                    f"telephone number will not be sent to {body}.",
                    3: f"I give permission for my NHS number, name, date of birth and postcode to be passed to {body} "
                    "so that the study team can receive information held about me in national hospital and death "
                    "records.",
                }[self.style]
            )
        statements.append(
            "I agree to my General Practitioner being informed of my participation in the study."
        )
        statements.append("I agree to take part in the above study.")
        optional = ()
        if self.contact:
            optional = (
                {
                    1: "I agree to be contacted by the study team in the future, to complete follow-up "
                    "questionnaires and to receive the study newsletter.",
                    2: "I am happy to receive the KINGFISHER newsletter and to be contacted about further "
                    "questionnaires.",
                    3: "I agree that the study team may contact me again about follow-up questionnaires and "
                    "to check my contact details.",
                }[self.style],
            )
        optional += (
            "I agree that my blood sample may be stored and used in future ethically approved research.",
        )
        b.append(InitialBoxes(tuple(statements), optional))
        b.append(
            Table(
                (
                    ("Name of participant", "Date", "Signature"),
                    ("", "", ""),
                    ("Name of person taking consent", "Date", "Signature"),
                    ("", "", ""),
                ),
                header=False,
                widths=(0.45, 0.2, 0.35),
            )
        )
        if self.specimen:
            b.append(
                Para(
                    "Specimen of a completed office-use box (example only: the number below is a test "
                    "number, not a real patient's):",
                    "small",
                )
            )
            b.append(
                Table(
                    (
                        ("For office use", "Participant ID", "NHS number"),
                        ("Example", "KF-0001", "943 476 5919"),
                    ),
                    widths=(0.3, 0.3, 0.4),
                )
            )
        b.append(
            Para(
                "When completed: 1 copy for participant; 1 copy for researcher site file; 1 (original) to be "
                "kept in medical notes.",
                "small",
            )
        )
        date_text = {1: self.date.fmt("ordinal"), 2: self.date.fmt("long"), 3: self.date.fmt("slash2")}
        footer = {
            1: (
                f"KINGFISHER Consent Form, Version {self.version}, {date_text[1]}, Page {{page}} of {{pages}}",
            ),
            2: (f"Consent form version {self.version} dated {date_text[2]}",),
            3: (
                f"[version {self.version}, date {date_text[3]}]\tPage {{page}} of {{pages}}",
                TEMPLATE_FOOTER,
            ),
        }[self.style]
        header = (
            (f"IRAS ID: {study.iras}",) if self.style != 2 else (f"IRAS {study.iras}", "Centre number: 01")
        )
        return Layout(
            tuple(b),
            title="Consent form",
            author=study.manager.full,
            created=self.date,
            letterhead=study.site.letterhead() if self.style != 3 else None,
            header=header,
            footer=footer,
            heading_style="bold",
            size=10.5,
            font="Helvetica",
            accent="#005eb8",
        )


@dataclass(frozen=True)
class InfoSheet(DocSpec):
    kind = "participant_information_sheet"
    style: int = 1  # 1 | 2 | 3 | 0 (summary leaflet)
    linkage: bool = True
    contact: bool = True

    def layout(self, study: Study) -> Layout:
        if self.style == 0:
            return self._leaflet(study)
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        b: list = [
            Para("Participant Information Sheet", "title"),
            Para(study.title, "subtitle"),
            Para(f"Chief Investigator: {study.ci.full}, {study.ci.post}, {controller}"),
            Para(
                "We would like to invite you to take part in a research study. Before you decide whether to "
                "take part, it is important for you to understand why the research is being done and what "
                "it will involve. Please take time to read the following information carefully, and "
                "discuss it with others if you wish. Ask us if there is anything that is not clear, or if "
                "you would like more information. Take time to decide whether or not you wish to take part."
            ),
            Heading("What is the purpose of the study?"),
            Para(
                "Heart failure means that the heart is not pumping blood around the body as well as it "
                "should. Many people with heart failure are admitted to hospital more than once. "
                f"{study.acronym} {study.aim}, so that care after discharge can be improved."
            ),
            Heading("Why have I been invited?"),
            Para(
                f"You have been invited because you have been admitted to {study.site.address[0]} with heart "
                f"failure. We hope that about {study.cohort_n:,} people will take part."
            ),
            Heading("Do I have to take part?"),
            Para(
                "No. It is up to you to decide whether or not to take part. If you do decide to take part "
                "you will be given this information sheet to keep and be asked to sign a consent form. You "
                "are free to withdraw at any time, without giving a reason. This will not affect the "
                "standard of care you receive."
            ),
            Heading("What will happen to me if I take part?"),
            Para(
                "A research nurse will ask you some questions about your health, measure your weight and "
                "blood pressure, and take a small blood sample (about two teaspoons) while you are in "
                "hospital. We will look at your hospital notes to record the tests and treatment you have "
                "had."
            ),
            Para(
                "Six months and twelve months after you leave hospital, and then once a year, we will "
                "post you a short questionnaire about your symptoms and your quality of life. It takes "
                "about 20 minutes to complete."
                if self.contact
                else "After you leave hospital we will not ask you to do anything more: we follow your health "
                "through your hospital notes."
            ),
        ]
        if self.linkage:
            b += [
                Heading("Linking to your NHS records"),
                Para(
                    f"With your permission, we will send your name, date of birth, NHS number and postcode to "
                    f"{body}, which looks after national health records. {body} will use these details to find "
                    "records of your hospital admissions and outpatient appointments (Hospital Episode "
                    "Statistics) and, if you die during the study, your death registration from the Office for "
                    "National Statistics. They will send this information back to us so that we can see how "
                    "your health changes over time, without you having to tell us."
                ),
                Para(f"Your address and telephone number will not be sent to {body}."),
            ]
        if self.contact:
            b += [
                Heading("Keeping in touch"),
                Para(
                    "We will send you a newsletter once a year and post updates about the study on our website, "
                    f"{study.website}. Please let us know if you move house or change your telephone number, "
                    "so that we can keep your contact details up to date. We may also write to you to invite "
                    "you to complete further questionnaires."
                ),
            ]
        b += [
            Heading("What are the possible disadvantages and risks of taking part?"),
            Para(
                "Giving a blood sample may cause slight discomfort or a small bruise. Some people find "
                "questions about their health upsetting; you do not have to answer any question you would "
                "rather not."
            ),
            Heading("What are the possible benefits of taking part?"),
            Para(
                "We cannot promise the study will help you, but the information we get from this study will "
                "help improve the treatment of people with heart failure."
            ),
            Heading("What if there is a problem?"),
            Para(
                f"If you have a concern about any aspect of this study, you should ask to speak to the "
                f"researchers, who will do their best to answer your questions ({study.study_phone}). If you "
                "remain unhappy and wish to complain formally, you can do this through the Patient Advice and "
                "Liaison Service (PALS) on 0115 496 0999."
            ),
        ]
        if self.style == 1:
            b += [
                Heading("Will my taking part in the study be kept confidential?"),
                Para(
                    "Yes. All information collected about you will be kept strictly confidential and handled "
                    "in accordance with the Data Protection Act 1998. Information that leaves the hospital will "
                    "have your name removed so that you cannot be recognised."
                ),
            ]
        else:
            b += [
                Heading("How will we use information about you?"),
                Para(
                    f"The {controller} is the sponsor for this study and will act as the data controller. We "
                    "will use information from you and from your medical records in order to undertake this "
                    "study. People who do not need to know who you are will not be able to see your name or "
                    "contact details; your data will have a code number instead. We will keep all information "
                    "about you safe and secure."
                ),
                Para(
                    "Your rights to access, change or move your information are limited, as we need to manage "
                    "your information in specific ways in order for the research to be reliable and accurate. "
                    "You can find out more about how we use your information "
                    + (f"at {study.website}/privacy or " if self.contact else "")
                    + f"by contacting our Data Protection Officer at {study.dpo}."
                ),
            ]
        b += [
            Heading("What will happen to the results of the research study?"),
            Para(
                "The results will be published in medical journals and presented at conferences. You will not "
                "be identified in any report or publication."
                + (
                    " We will send a summary of the results to everyone who would like one."
                    if self.contact
                    else ""
                )
            ),
            Heading("Who is organising and funding the research?"),
            Para(
                f"The study is organised by the {controller} and {study.site.name}, and is funded by the "
                f"{study.funder} (grant {study.grant})."
            ),
            Heading("Who has reviewed the study?"),
            Para(
                "All research in the NHS is looked at by an independent group of people, called a Research "
                "Ethics Committee, to protect your interests. This study has been reviewed and given a "
                f"favourable opinion by the {study.rec_name} (reference {study.rec_ref})."
            ),
            Heading("Further information and contact details"),
            Para(
                f"{study.manager.full}, {study.manager.post}\n{controller}, "
                + ", ".join(study.controller.address)
                + f"\nTelephone: {study.study_phone}\nEmail: {study.study_email}"
            ),
            Para("Thank you for taking the time to read this information sheet.", "label"),
        ]
        foot = {
            1: (f"PIS Version {self.version}, {self.date.fmt('long')} – Page {{page}} of {{pages}}",),
            2: (f"PIS v{self.version} {self.date.fmt('compact')}",),
            3: (
                f"Participant Information Sheet | version {self.version} | {self.date.fmt('dot2')} | "
                "page {page} of {pages}",
            ),
        }[self.style]
        return Layout(
            tuple(b),
            title="Participant information sheet",
            author=study.manager.full,
            created=self.date,
            letterhead=study.site.letterhead(),
            header=(f"IRAS ID {study.iras}",),
            footer=foot,
            heading_style="bold" if self.style == 2 else "builtin",
            size=11,
            font="Helvetica" if self.style != 3 else "Times",
            accent="#005eb8",
        )

    def _leaflet(self, study: Study) -> Layout:
        b = (
            Para(f"{study.acronym}: summary information leaflet", "title"),
            Para(f"Version {self.version}", "small"),
            Para(
                f"{study.acronym} is a study of people admitted to hospital with heart failure. This leaflet is a "
                "short summary of the full participant information sheet, which the research nurse will give you "
                "to read before you decide whether to take part."
            ),
            Bullets(
                (
                    "Taking part is voluntary, and you can stop at any time.",
                    "We will ask you some questions, take a blood sample, and send you questionnaires.",
                    "With your permission we will link to your national hospital and death records.",
                    "Your information is kept confidential.",
                )
            ),
            Para(f"Questions? Call the study team on {study.study_phone} or email {study.study_email}."),
        )
        return Layout(
            b,
            title="Summary leaflet",
            author=study.manager.full,
            created=self.date or DocDate(study.recruitment[0]),
            letterhead=study.site.letterhead(),
            size=11,
            accent="#005eb8",
        )
