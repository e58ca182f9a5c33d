"""The study protocol: a long document (title page, contacts, amendment history, eighteen sections,
tables) whose own version and date sit on the title page and in the footer, among distractors (the
versions and dates of earlier amendments, a timetable, references)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bullets, DocSpec, Heading, Layout, PageBreak, Para, Signature, Table
from ..studies import Study
from .common import DATASET_FORMAL, body_at, cap, datasets_formal, ids, join

FIELDS = {
    "hes_apc": "admission date, method and source; primary and secondary diagnoses (ICD-10); procedures (OPCS-4); "
    "discharge date and destination",
    "hes_op": "appointment date; attendance status; treatment specialty; first or follow-up attendance",
    "hes_ae": "arrival date; attendance disposal; investigation and treatment codes",
    "deaths": "date of death; underlying and contributing causes of death (ICD-10)",
    "demographics": "vital status; date of any embarkation (emigration) recorded",
    "cancer_registration": "date and site of diagnosis; stage at diagnosis",
    "mhsds": "referrals and contacts with secondary mental health services",
}


VARIABLES = {
    "hes_apc": (
        "EPIKEY",
        "ADMIDATE",
        "ADMIMETH",
        "ADMISORC",
        "DIAG_4_01",
        "DIAG_4_CONCAT",
        "OPERTN_4_01",
        "EPISTART",
        "EPIEND",
        "DISDATE",
        "DISDEST",
        "SPELL_ID",
    ),
    "hes_op": ("ATTENDKEY", "APPTDATE", "ATTENDED", "FIRSTATT", "TRETSPEF", "MAINSPEF", "STAFFTYP"),
    "hes_ae": ("AEKEY", "ARRIVALDATE", "AEATTENDDISP", "DIAG_01", "INVEST_01", "TREAT_01"),
    "deaths": (
        "REG_DATE_OF_DEATH",
        "S_UNDERLYING_COD_ICD10",
        "S_COD_CODE_1",
        "S_COD_CODE_2",
        "PLACE_OF_DEATH",
    ),
    "demographics": ("VITAL_STATUS", "VITAL_STATUS_DATE", "EMBARKATION_DATE"),
    "cancer_registration": ("DIAGNOSISDATEBEST", "SITE_ICD10_O2", "STAGE_BEST"),
    "mhsds": ("REFERRAL_DATE", "SERVICE_TYPE", "CONTACT_DATE"),
}

CODE_LISTS = (
    ("Outcome group", "ICD-10 codes", "Position"),
    ("Asthma", "J45, J46", "Primary diagnosis"),
    ("Lower respiratory infection", "J09–J22", "Primary diagnosis"),
    ("Chronic obstructive pulmonary disease", "J40–J44", "Primary diagnosis"),
    ("Heart failure", "I50, I11.0, I13.0, I13.2", "Primary diagnosis"),
    ("Ischaemic heart disease", "I20–I25", "Primary diagnosis"),
    ("Cerebrovascular disease", "I60–I69", "Primary diagnosis or underlying cause"),
    ("Injuries", "S00–T14", "Primary diagnosis"),
    ("All causes", "A00–Z99", "Any"),
)

PAGE_BEFORE = {"Statistical analysis", "Information governance", "References"}


@dataclass(frozen=True)
class Protocol(DocSpec):
    kind = "protocol"
    style: str = "s251"  # s251 | consent
    history: tuple[tuple[str, str, str], ...] = ()
    contact: bool = True
    ndoo: str = "applied"  # applied | exempt

    def layout(self, study: Study) -> Layout:
        s251 = self.style == "s251"
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        ci = study.ci
        date_text = self.date.fmt("ordinal" if s251 else "long")
        refs = [
            ("IRAS project ID", study.iras),
            ("REC reference", study.rec_ref),
            ("Sponsor reference", study.sponsor_ref),
            ("Funder", f"{study.funder} (grant {study.grant})"),
        ]
        if s251 and study.cag_ref:
            refs.insert(2, ("CAG reference", study.cag_ref))
        b: list = [
            Para(study.acronym, "title"),
            Para(study.title, "subtitle"),
            Para(f"Protocol version {self.version} – {date_text}", "label"),
            Table(tuple(refs), header=False, widths=(0.35, 0.65)),
            Para(f"**Chief Investigator:** {ci.full}, {ci.post}, {controller}"),
            Para(
                f"**Sponsor:** {controller}, Research Governance Office, "
                + ", ".join(study.controller.address)
            ),
            Para(
                "This protocol describes the study and gives information about procedures for the conduct "
                "of the research. It is not intended as a guide to the treatment of patients. Amendments "
                "will be made only with the agreement of the sponsor and the approving bodies.",
                "small",
            ),
            Heading("Signature page", 2),
            Para(
                "The undersigned confirm that the study will be conducted in accordance with this protocol, "
                "the UK Policy Framework for Health and Social Care Research, and the Sponsor's procedures."
            ),
            Signature((ci.full, "Chief Investigator"), scribble=True),
            Heading("Key contacts", 2),
            Table(
                (
                    ("Role", "Name and contact"),
                    ("Chief Investigator", f"{ci.full}; {study.controller.phone}; {study.study_email}"),
                    ("Study manager", f"{study.manager.full}; {study.study_phone}"),
                    ("Sponsor contact", f"Research Governance Office, {controller}"),
                    ("Statistician", "Dr Nadia Harrowgate, Centre for Medical Statistics"),
                ),
                widths=(0.3, 0.7),
            ),
        ]
        if self.history:
            b += [
                Heading("Protocol amendment history", 2),
                Table((("Version", "Date", "Summary of changes"), *self.history), widths=(0.15, 0.2, 0.65)),
            ]
        b += [
            PageBreak(),
            Heading("Study synopsis", 2),
            Table(
                (
                    ("Title", study.title),
                    ("Short title", study.acronym),
                    (
                        "Design",
                        "Retrospective cohort study using linked routine data"
                        if s251
                        else "Prospective cohort study with follow-up through linked records",
                    ),
                    ("Population", f"About {study.cohort_n:,} {study.population}"),
                    ("Data sources", join(datasets_formal(study.datasets))),
                    ("Primary outcome", cap(study.outcomes[0])),
                    ("Secondary outcomes", "; ".join(cap(o) for o in study.outcomes[1:])),
                    ("Study duration", "36 months"),
                    ("Funder", f"{study.funder} (grant {study.grant})"),
                ),
                header=False,
                widths=(0.25, 0.75),
                shade_first_col=True,
            ),
            PageBreak(),
        ]
        for number, (title, blocks) in enumerate(self._sections(study, body, controller), start=1):
            if title.startswith("Appendix"):
                b += [PageBreak(), Heading(title), *blocks]
            else:
                if title in PAGE_BEFORE:
                    b.append(PageBreak())
                b += [Heading(f"{number}. {title}"), *blocks]
        if s251:
            footer = (
                f"{study.acronym} protocol – Version {self.version} – {self.date.fmt('slash')} – "
                "Page {page} of {pages}",
            )
        else:
            footer = (
                f"{study.acronym} Protocol v{self.version} {self.date.fmt('dash')}\tPage {{page}} of {{pages}}",
            )
        return Layout(
            tuple(b),
            title=f"{study.acronym} protocol",
            author=ci.full,
            created=self.date,
            footer=footer,
            header=(f"{study.acronym} protocol",) if not s251 else (),
            heading_style="builtin",
            size=10.5,
            accent=study.controller.accent,
            font="Helvetica" if s251 else "Times",
        )

    def _sections(self, study: Study, body: str, controller: str) -> list[tuple[str, list]]:
        s251 = self.style == "s251"
        ci = study.ci
        ds = join(datasets_formal(study.datasets))
        out: list[tuple[str, list]] = []
        out.append(
            (
                "Lay summary",
                [
                    Para(
                        f"{study.lay_title} {study.acronym} {study.aim}. "
                        + (
                            f"The study uses records that the NHS already holds, linked by {body}, and does not contact any "
                            "participant."
                            if s251
                            else "People who agree to take part are seen once in hospital and then followed up for several years "
                            + ("through questionnaires and " if self.contact else "")
                            + "through their NHS records."
                        )
                    )
                ],
            )
        )
        out.append(
            (
                "Glossary",
                [
                    Table(
                        (
                            ("Term", "Meaning"),
                            ("CAG", "Confidentiality Advisory Group of the Health Research Authority"),
                            ("DSPT", "Data Security and Protection Toolkit"),
                            ("HES", "Hospital Episode Statistics"),
                            ("ICD-10", "International Classification of Diseases, 10th revision"),
                            ("LSOA", "Lower-layer Super Output Area"),
                            ("PPI", "Patient and public involvement"),
                            ("REC", "Research Ethics Committee"),
                            ("SAP", "Statistical analysis plan"),
                        ),
                        widths=(0.2, 0.8),
                    )
                ],
            )
        )
        out.append(
            (
                "Background and rationale",
                [
                    Para(
                        f"Long-term outcomes after {study.condition} are poorly described. Most published studies follow "
                        "patients for a short time, come from specialist centres, or rely on self-report, and few can "
                        "describe the use of hospital services over many years."
                    ),
                    Para(
                        "National hospital and mortality records offer a complete and unbiased view of outcomes, but they "
                        "can only be used for a defined group of people if that group can be linked to them accurately. "
                        "Linkage using several identifiers, carried out by the national body that holds the records, is "
                        "the established way to do this."
                    ),
                    Para(
                        f"Our earlier work with {study.population} showed that follow-up through routine records is "
                        "feasible, and patients and the public told us that the question matters to them."
                    ),
                    Para(
                        "Three gaps motivate this study. First, existing estimates of long-term hospital use come from "
                        "cohorts recruited before current treatment guidelines, and may not reflect present practice. "
                        "Second, outcomes in the most deprived areas are rarely reported separately, although the burden "
                        "of disease is greatest there. Third, no study has described the whole pathway of care, from "
                        "emergency admission to outpatient follow-up, in the same people."
                    ),
                    Para(
                        "A study that answers these questions will help commissioners and clinicians decide where "
                        "follow-up services are most needed, and will give patients better information about what to "
                        "expect."
                    ),
                    Para(
                        "Record linkage has known limitations. Linkage error, where records of different people are "
                        "joined or records of the same person are missed, can bias estimates, particularly for groups "
                        "whose identifiers are recorded less completely. Coding practice in hospital records changes over "
                        "time, and some conditions are coded more consistently than others. The analysis plan addresses "
                        "each of these through sensitivity analyses."
                    ),
                    Para(
                        "Finally, routine records describe what happened but not why. Where possible we will interpret "
                        "the findings with clinicians and with our patient and public advisory group, and we will be "
                        "careful not to over-interpret associations as causal effects."
                    ),
                ],
            )
        )
        out.append(
            (
                "Aims and objectives",
                [
                    Para(
                        f"The primary aim of {study.acronym} is to describe {study.outcomes[0]} among {study.population}."
                    ),
                    Para("Secondary objectives are:"),
                    Bullets(
                        tuple(f"to estimate the rate of {o}" for o in study.outcomes[1:])
                        + (
                            "to examine how outcomes differ by sex and by area deprivation",
                            "to describe the sequence of emergency and planned care over time",
                        )
                    ),
                ],
            )
        )
        design = (
            (
                "A retrospective cohort study using linked routine data. No participant is contacted and no new "
                "data are collected from participants."
            )
            if s251
            else (
                "A prospective cohort study. Participants are recruited during an admission to hospital, give "
                "written informed consent, and complete a baseline assessment. "
                + (
                    "Follow-up is by postal questionnaire at six and twelve months and annually after that, and "
                    "through linkage to national records."
                    if self.contact
                    else "After the baseline assessment, all follow-up is through linkage to national records."
                )
            )
        )
        out.append(("Study design", [Para(design)]))
        out.append(
            (
                "Study population",
                [
                    Para(f"The cohort comprises approximately {study.cohort_n:,} {study.population}."),
                    Para("Inclusion criteria:"),
                    Bullets(
                        (
                            "a recorded NHS number at the time of inclusion",
                            "resident in England at the time of inclusion",
                        )
                        if s251
                        else (
                            "aged 18 years or over",
                            "admitted with a primary diagnosis of heart failure",
                            "able to give informed consent",
                        )
                    ),
                    Para("Exclusion criteria:"),
                    Bullets(
                        ("people who have previously asked to be removed from the study",)
                        if s251
                        else (
                            "life expectancy of less than one month",
                            "taking part in an interventional trial that does not allow co-enrolment",
                        )
                    ),
                ],
            )
        )
        if not s251:
            schedule = [("Assessment", "Baseline", "6 months", "12 months", "Annually")]
            schedule.append(("Consent, medical history, examination", "X", "", "", ""))
            schedule.append(("Blood sample", "X", "", "", ""))
            if self.contact:
                schedule.append(("Postal questionnaire (symptoms, quality of life)", "X", "X", "X", "X"))
            schedule.append(("Linkage to national records", "", "", "X", "X"))
            out.append(
                (
                    "Recruitment and baseline assessment",
                    [
                        Para(
                            "Potential participants are identified from the daily admissions list by the cardiology "
                            "research nurses, who approach them once they are clinically stable. They are given the "
                            "participant information sheet and at least 24 hours to decide."
                        ),
                        Para(
                            "Written consent is taken by a research nurse or doctor trained in Good Clinical Practice. The "
                            "consent form includes a separate statement about linkage to national records."
                        ),
                        Table(tuple(schedule), widths=(0.44, 0.14, 0.14, 0.14, 0.14)),
                        Para(
                            "A participant may withdraw at any time. Withdrawal from follow-up does not withdraw the data "
                            "already collected unless the participant asks for this."
                        ),
                    ],
                )
            )
        out.append(
            (
                "Data sources",
                [
                    Para(
                        f"The following datasets will be requested from {body} for the years {study.data_years[0]} to "
                        f"{study.data_years[1]}:"
                    ),
                    Table(
                        (
                            ("Dataset", "Main fields requested"),
                            *((DATASET_FORMAL[d], FIELDS[d]) for d in study.datasets),
                        ),
                        widths=(0.35, 0.65),
                    ),
                    Para(
                        "Only the fields needed for the outcomes and covariates are requested; free-text fields and "
                        "exact dates are not needed and are not requested, except the dates of admission and death."
                    ),
                ],
            )
        )
        if s251:
            link = [
                Para(
                    f"The {controller} will send the {ids(study.linkage_ids)} of each cohort member, with a "
                    f"study identifier, to {body} by secure file transfer. {cap(body)} will link the cohort to "
                    f"{ds} using its standard deterministic and probabilistic matching, and will return a "
                    "pseudonymised extract containing the study identifier and the linked records only."
                ),
                Para(
                    "Because the cohort members have not consented to this linkage, support under section 251 "
                    "of the NHS Act 2006 has been sought from the Confidentiality Advisory Group"
                    + (f" (reference {study.cag_ref})" if study.cag_ref else "")
                    + ". "
                    + (
                        "The national data opt-out will be applied before linkage."
                        if self.ndoo == "applied"
                        else "We have asked the Confidentiality Advisory Group to advise that the national "
                        "data opt-out should not be applied to this closed cohort; a study-specific "
                        "opt-out is offered instead."
                    )
                ),
            ]
        else:
            link = [
                Para(
                    f"Participants are asked, as a separate statement on the consent form, for permission to "
                    f"send their {ids(study.linkage_ids)} to {body}. {cap(body)} links these to {ds} and "
                    "returns a pseudonymised extract, keyed on the study number, to the study team once a "
                    "year."
                ),
                Para(
                    "The common law basis for this disclosure is the participant's consent; participants who "
                    "withdraw are removed from the next linkage."
                ),
            ]
        link.append(
            Para(
                "Linkage quality will be assessed using the match rank reported by the linking body, the "
                "proportion of the cohort linked, and a comparison of linked and unlinked members by age, "
                "sex and area."
            )
        )
        out.append(("Data linkage and data flows", link))
        out.append(
            (
                "Outcomes",
                [
                    Para(f"Primary outcome: {study.outcomes[0]}."),
                    Para("Secondary outcomes: " + "; ".join(study.outcomes[1:]) + "."),
                    Table(
                        (
                            ("Outcome", "Source", "Definition"),
                            *(
                                (
                                    cap(o),
                                    "Linked national records",
                                    "First and subsequent events after the start of follow-up, "
                                    "identified from primary diagnosis or underlying cause codes",
                                )
                                for o in study.outcomes
                            ),
                        ),
                        widths=(0.3, 0.25, 0.45),
                    ),
                ],
            )
        )
        out.append(
            (
                "Sample size",
                [
                    Para(
                        f"With about {study.cohort_n:,} people followed for a median of ten years, and assuming an event rate of "
                        "5 per 100 person-years, the study will observe around 2,000 events, giving 90% power to detect a "
                        "hazard ratio of 1.2 between groups of equal size at the 5% level."
                    )
                ],
            )
        )
        out.append(
            (
                "Statistical analysis",
                [
                    Para(
                        "Rates will be calculated per 1,000 person-years, with follow-up starting at the date of inclusion "
                        "and ending at the earliest of the outcome, death, emigration or the end of the data period."
                    ),
                    Para(
                        "Standardised ratios will compare the cohort with the general population of England, using "
                        "national rates by age, sex and calendar year. Cox proportional hazards models will estimate "
                        "associations with baseline characteristics, with robust standard errors."
                    ),
                    Para(
                        "Recurrent events will be analysed with negative binomial models. Missing covariate data will be "
                        "handled by multiple imputation by chained equations (20 imputed datasets), and sensitivity "
                        "analyses will restrict to complete cases."
                    ),
                    Para(
                        "Sensitivity analyses will (i) exclude the first year of follow-up, (ii) restrict to people "
                        "linked with the highest match rank, and (iii) treat death as a competing risk using "
                        "Fine-Gray models."
                    ),
                    Para(
                        "Subgroup analyses will examine whether associations differ by sex, by age group and by quintile "
                        "of the Index of Multiple Deprivation, using interaction terms; these are exploratory and will be "
                        "reported as such."
                    ),
                    Para(
                        "Trends over calendar time will be described with Poisson regression including restricted cubic "
                        "splines for calendar year, so that changes in coding practice can be distinguished from changes "
                        "in outcomes."
                    ),
                    Para(
                        "All analyses will be pre-specified in a statistical analysis plan signed off before the linked "
                        "data are received, and will be carried out in R (version 4 or later)."
                    ),
                ],
            )
        )
        out.append(
            (
                "Limitations",
                [
                    Para(
                        "The study relies on routinely recorded data, which were not collected for research. Diagnoses "
                        "recorded in hospital may be incomplete, and the coding of some conditions has changed over the "
                        "study period."
                    ),
                    Para(
                        "People who emigrated, or who received care outside England, will have incomplete records; "
                        "follow-up is censored at the date of any recorded emigration where this is known."
                    ),
                ],
            )
        )
        out.append(
            (
                "Data management",
                [
                    Para(
                        "The linked extract will be received by secure file transfer, checked against the specification, "
                        "and loaded into a project area to which only the named analysts have access. Every derived "
                        "dataset is produced by version-controlled code."
                    ),
                    Para(
                        "Outputs are checked for disclosure risk before they leave the secure area: counts below ten are "
                        "suppressed, and secondary suppression is applied where needed."
                    ),
                ],
            )
        )
        out.append(
            (
                "Information governance",
                [
                    Para(
                        f"The {controller} is the data controller. Its lawful basis under UK GDPR is Article 6(1)(e) "
                        "(public task), with Article 9(2)(j) (scientific research) for health data. The University meets "
                        "the Data Security and Protection Toolkit standard ('Standards Met')."
                    ),
                    Para(
                        "Linked data will be held on a secure research platform"
                        + (
                            f" provided by {study.processor} as data processor ({study.processor_place})"
                            if study.processor
                            else ""
                        )
                        + ", accessible only to named analysts, and retained for ten years after the end of the study."
                    ),
                ],
            )
        )
        out.append(
            (
                "Patient and public involvement",
                [
                    Para(
                        "A patient and public advisory group of six members has reviewed the study design, the "
                        "participant-facing materials and the plans for dissemination, and meets twice a year."
                    )
                ],
            )
        )
        if self.contact:
            out.append(
                (
                    "Communication with participants" if s251 else "Participant retention and follow-up",
                    [
                        Para(
                            (
                                "Former clinic attendees who have joined the CAPRA contact list receive a newsletter twice a year, "
                                f"and the study website ({study.website}) carries news and the privacy notice."
                            )
                            if s251
                            else (
                                "To keep in touch with participants, we send a newsletter once a year, keep the study website "
                                f"({study.website}) up to date, and send a change-of-address card with every questionnaire so that "
                                "participants can update their contact details. Participants who do not return a questionnaire "
                                "are sent one reminder and may be contacted by telephone."
                            )
                        )
                    ],
                )
            )
        out.append(
            (
                "Risks and their management",
                [
                    Table(
                        (
                            ("Risk", "Likelihood", "Management"),
                            (
                                "Delay in data access",
                                "Medium",
                                "Early application; regular contact with the data access team",
                            ),
                            ("Low linkage rate", "Low", "Multiple identifiers; linkage quality assessment"),
                            (
                                "Re-identification from outputs",
                                "Low",
                                "Small-number suppression; output checking",
                            ),
                        ),
                        widths=(0.35, 0.15, 0.5),
                    )
                ],
            )
        )
        out.append(
            (
                "Ethical considerations",
                [
                    Para(
                        "The study has been reviewed by a Research Ethics Committee. "
                        + (
                            "The main ethical issue is the use of confidential patient information without consent, which is "
                            "addressed through section 251 support, the national data opt-out and a study-specific opt-out."
                            if s251
                            else "Participants give written informed consent, including a separate consent for linkage to national "
                            "records, and may withdraw at any time."
                        )
                    )
                ],
            )
        )
        out.append(
            (
                "Dissemination",
                [
                    Para(
                        "Results will be published in peer-reviewed open-access journals and summarised for participants and "
                        "the public. Only aggregate results will be published, with small numbers suppressed. No "
                        "individual-level data will be shared with anyone outside the study team."
                    )
                ],
            )
        )
        out.append(
            (
                "End of study and archiving",
                [
                    Para(
                        "The study ends when the final analyses are published. The pseudonymised data and the analysis code "
                        "are then archived by the sponsor for ten years and destroyed securely."
                    )
                ],
            )
        )
        out.append(
            (
                "Timetable",
                [
                    Table(
                        (
                            ("Months", "Task"),
                            ("1–6", "Approvals; data application; statistical analysis plan"),
                            ("7–12", "Linkage and data cleaning"),
                            ("13–30", "Analysis"),
                            ("31–36", "Writing and dissemination"),
                        ),
                        widths=(0.2, 0.8),
                    )
                ],
            )
        )
        out.append(
            (
                "Funding and sponsorship",
                [
                    Para(
                        f"The study is funded by the {study.funder} (grant {study.grant}) and sponsored by the {controller}."
                    )
                ],
            )
        )
        out.append(
            (
                "References",
                [
                    Bullets(
                        (
                            f"{ci.last} {ci.first[0]}, et al. Outcomes after {study.condition}: a systematic review. J Clin "
                            "Epidemiol Rev 2019;14:201–12.",
                            "Harrowgate N, Bell J. Linkage error in national hospital records. Int J Popul Data Sci 2020;5:1–9.",
                            "Office for Research Integrity. Good practice in record-linkage studies. 2nd ed. 2018.",
                        ),
                        numbered=True,
                    )
                ],
            )
        )
        out.append(
            (
                "Appendix 1: data flow summary",
                [
                    Table(
                        (
                            ("Step", "From", "To", "Content"),
                            ("1", controller, cap(body), f"{cap(ids(study.linkage_ids))}; study identifier"),
                            ("2", cap(body), cap(body), f"Linkage to {ds}"),
                            (
                                "3",
                                cap(body),
                                controller,
                                "Pseudonymised extract keyed on the study identifier",
                            ),
                        ),
                        widths=(0.08, 0.27, 0.2, 0.45),
                    )
                ],
            )
        )
        out.append(
            (
                "Appendix 2: outcome code lists",
                [
                    Para(
                        "Outcomes are defined from ICD-10 codes in the primary diagnosis field of the first episode of "
                        "each admission, and from the underlying cause of death."
                    ),
                    Table(CODE_LISTS, widths=(0.4, 0.3, 0.3)),
                ],
            )
        )
        out.append(
            (
                "Appendix 3: variables requested",
                [
                    Para(
                        "The fields below will be requested for each dataset; derived fields are created by the "
                        "linking body before release."
                    ),
                    Table(
                        (
                            ("Dataset", "Fields"),
                            *((DATASET_FORMAL[d], ", ".join(VARIABLES[d])) for d in study.datasets),
                        ),
                        widths=(0.35, 0.65),
                    ),
                ],
            )
        )
        return out
