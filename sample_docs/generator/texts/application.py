"""The application for section 251 support: a CAG (or, in 2011, NIGB ECC) application form, laid out
as numbered questions and answers, with the purpose, identifiers, datasets and data flows."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DocSpec, Heading, Layout, Para, Signature, Table
from ..studies import Study
from .common import DATASET_FORMAL, IDENTIFIER_FORMAL, body_at, cap, datasets_formal, ids, join

NOT_REQUESTED = ("name", "address", "date_of_death", "gp_practice")


@dataclass(frozen=True)
class S251Application(DocSpec):
    kind = "s251_application"
    style: str = "cag"  # cag | ecc
    ref: str | None = None
    ndoo: str = "applied"  # applied | exempt | pre
    template: str = "HRA CAG application form template v6.2 (April 2022)"

    def cag_refs(self, study):
        return (self.ref,) if self.ref else ()

    def layout(self, study: Study) -> Layout:
        ecc = self.style == "ecc"
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        ci = study.ci
        q = iter(range(1, 100))
        b: list = [
            Para(
                "Application for section 251 support"
                if not ecc
                else "Application for approval under section 251 of the NHS Act 2006",
                "title",
            ),
            Para(
                "Confidentiality Advisory Group (CAG) – research application form"
                if not ecc
                else "National Information Governance Board – Ethics and Confidentiality Committee (ECC)",
                "subtitle",
            ),
        ]
        if self.ref:
            b.append(Para(f"**CAG reference:** {self.ref}"))
        else:
            b.append(Para("**Reference (office use only):** to be allocated on receipt"))

        def qa(*pairs):
            b.append(
                Table(
                    tuple((f"{next(q)}. {question}", answer) for question, answer in pairs),
                    header=False,
                    widths=(0.36, 0.64),
                    shade_first_col=True,
                )
            )

        b.append(Heading("Section A: The applicant", 2))
        qa(
            ("Title of the application", study.title),
            ("Short title or acronym", study.acronym),
            (
                "Applicant (the person responsible for the activity)",
                f"{ci.full}, {ci.post}, {controller}\n"
                + ", ".join(study.controller.address)
                + f"\nTelephone: {study.controller.phone}  Email: {study.study_email}",
            ),
            ("Organisation(s) acting as data controller", f"{controller} (sole data controller)"),
            (
                "Sponsor",
                f"{controller}" + (f" (sponsor reference {study.sponsor_ref})" if study.sponsor_ref else ""),
            ),
            *((("IRAS project ID", study.iras),) if study.iras else ()),
            ("Research Ethics Committee reference", f"{study.rec_ref} ({study.rec_name})"),
            ("Funding", f"{study.funder}, grant {study.grant}"),
        )
        b.append(Heading("Section B: Purpose", 2))
        qa(
            ("Purpose of the activity", f"This is medical research which {study.aim}."),
            ("Which medical purpose does the activity serve?", "Medical research"),
            (
                "Summary in plain English",
                f"{study.lay_title} We want to find out how the health of "
                f"{study.population} has turned out, using records that the NHS already holds, so that services "
                "for people in the same position can be improved.",
            ),
            (
                "Expected benefits",
                "Better understanding of the long-term course of "
                f"{study.condition}; evidence to plan follow-up services; publication in open-access journals.",
            ),
        )
        b.append(Heading("Section C: Data", 2))
        years = f"{study.data_years[0]} to {study.data_years[1]}"
        rows = [("Identifiable item", "Required?", "Why")]
        for item in study.linkage_ids:
            rows.append(
                (cap(IDENTIFIER_FORMAL[item]), "Yes", "Needed to link the cohort to national records")
            )
        for item in NOT_REQUESTED:
            if item not in study.linkage_ids:
                rows.append((cap(IDENTIFIER_FORMAL[item]), "No", "Not required"))
        qa(
            ("Description of the cohort", f"About {study.cohort_n:,} {study.population}."),
            (
                "Sources of data",
                "Study records held by the applicant; and, from "
                + body
                + ": "
                + "; ".join(datasets_formal(study.datasets, old=ecc))
                + f", for the years {years}.",
            ),
            *(
                ()
                if ecc
                else (
                    ("Datasets requested (full names)", "\n".join(DATASET_FORMAL[d] for d in study.datasets)),
                )
            ),
        )
        b.append(Para(f"{next(q)}. Which items of confidential patient information are required?", "label"))
        b.append(Table(tuple(rows), widths=(0.3, 0.15, 0.55)))
        flows = [
            ("Flow", "From", "To", "Data"),
            ("1", controller, cap(body), f"{cap(ids(study.linkage_ids))} and study identifier"),
            (
                "2",
                cap(body),
                cap(body),
                "Linkage of the cohort to " + join(datasets_formal(study.datasets, old=ecc)),
            ),
            (
                "3",
                cap(body),
                controller,
                "Pseudonymised extract: study identifier and linked records; no identifiers",
            ),
        ]
        b.append(
            Para(f"{next(q)}. Describe the flows of data (a diagram is attached as Appendix 1)", "label")
        )
        b.append(Table(tuple(flows), widths=(0.08, 0.25, 0.22, 0.45)))
        b.append(
            Para(
                f"The {controller} will send the {ids(study.linkage_ids)} of each cohort member to {body}, "
                f"which will link them to the datasets above and return a pseudonymised extract to the "
                f"{controller}. {cap(body)} will not return any identifier."
            )
        )
        if not ecc:
            qa(
                (
                    "Which class(es) of support are sought?",
                    "Class 1 (extract and anonymise), class 4 (link "
                    "identifiable information from more than one source) and class 6 (grant access to an "
                    "authorised user).",
                )
            )
        b.append(Heading("Section D: Practicable alternatives", 2))
        qa(
            (
                "Why is consent not practicable?",
                f"The cohort was assembled between {study.cohort_years[0]} and "
                f"{study.cohort_years[1]}. We do not hold current contact details for most members, many have "
                "moved, and some will have died; writing to all of them would also risk distress.",
            ),
            (
                "Could anonymised or pseudonymised data be used instead?",
                "No. The identifiers are needed so that "
                f"{body} can find each person's records; the applicant will only ever receive pseudonymised data.",
            ),
        )
        b.append(Heading("Section E: Patient notification and objection", 2))
        if self.ndoo == "applied":
            notify = (
                "The national data opt-out will be applied by " + body + " before linkage. A privacy "
                f"notice on the study website ({study.website}) explains the study and how to opt out "
                "of it directly."
            )
        elif self.ndoo == "exempt":
            notify = (
                "We ask the CAG to advise that the national data opt-out should not be applied: removing "
                "people who have registered an opt-out would bias the mortality estimates for this closed "
                "cohort. A study-specific opt-out is offered through the privacy notice instead."
            )
        else:
            notify = (
                f"A notice will be placed on the study website ({study.website}) and in the clinic. "
                "Anyone who contacts the study team to object will be removed from the cohort."
            )
        qa(
            ("How will patients be told about the use of their information?", notify),
            (
                "Security arrangements",
                "The pseudonymised extract will be held on a secure research platform "
                + (
                    f"hosted by {study.processor} ({study.processor_place}), acting as processor for the "
                    f"{controller}"
                    if study.processor
                    else f"at the {controller}"
                )
                + ". Access is restricted to "
                "named analysts.",
            ),
        )
        b.append(Heading("Section F: Declaration", 2))
        b.append(
            Para(
                "I confirm that the information in this form is accurate to the best of my knowledge and "
                "that I will comply with the conditions of any support given."
            )
        )
        b.append(Signature((ci.full, ci.post, controller, f"Date: {self.date.fmt('slash')}")))
        footer_main = (
            (
                f"CAG application form | Version {self.version} | {self.date.fmt('slash')} | "
                "Page {page} of {pages}"
            )
            if self.version
            else "Page {page} of {pages}"
        )
        return Layout(
            tuple(b),
            title=f"{study.acronym} section 251 application",
            author=ci.full,
            created=self.date,
            header=(f"{study.acronym} – application for section 251 support",),
            footer=(footer_main, self.template),
            size=9.5,
            accent=study.controller.accent,
        )
