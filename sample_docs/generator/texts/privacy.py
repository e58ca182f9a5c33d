"""Privacy notices: a study privacy notice for a section 251 study, a transparency notice for a consented
cohort, and the short fair processing poster of older studies. Flags leave out what a planted
discrepancy needs missing (the source, the opt-out, the lawful basis, the rights) or add an onward-sharing
statement."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bullets, DocSpec, Heading, Layout, Para, Table
from ..studies import Study
from .common import DATASET_LAY, IDENTIFIER_NAMES, body_at, cap, ids, join

ICO = (
    "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; "
    "telephone 0303 123 1113; www.ico.org.uk"
)
NDOO_WEB = "www.nhs.uk/your-nhs-data-matters"


@dataclass(frozen=True)
class PrivacyNotice(DocSpec):
    kind = "privacy_notice"
    style: str = "s251"  # s251 | consent | poster
    source: bool = True
    ndoo: str = "applied"  # applied | exempt | consent | none
    lawful_basis: bool = True
    rights: bool = True
    onward: bool = False
    not_sent: tuple[str, ...] = ("name", "address")
    contact: bool = True  # a "Contact us" section (section 251 notice)
    keep_in_touch: bool = True  # "contact details so that we can keep in touch" (consent notice)

    def layout(self, study: Study) -> Layout:
        if self.style == "poster":
            return self._poster(study)
        if self.style == "consent":
            return self._consent(study)
        return self._s251(study)

    def _ndoo(self, study: Study, body: str) -> list:
        if self.ndoo == "applied":
            return [
                Heading("The national data opt-out", 2),
                Para(
                    f"The national data opt-out applies to {study.acronym}. If you have registered a national "
                    f"data opt-out, {body} will remove your details before the linkage is done, and your "
                    "information will not be used. You can find out more about the national data opt-out, or "
                    f"change your choice, at {NDOO_WEB} or by calling 0300 303 5678."
                ),
            ]
        if self.ndoo == "exempt":
            return [
                Heading("The national data opt-out", 2),
                Para(
                    "The Confidentiality Advisory Group advised that the national data opt-out does not apply "
                    f"to {study.acronym}, because removing people from this closed cohort would make the "
                    "results unreliable. If you do not want your information to be used, you can still opt "
                    "out of this study by contacting us (see below)."
                ),
            ]
        if self.ndoo == "consent":
            return [
                Para(
                    f"**The national data opt-out.** Because you have given your consent to take part, the "
                    f"national data opt-out does not apply to the information we use for {study.acronym}."
                    + (
                        " You can withdraw your consent at any time instead (see 'Your rights and choices')."
                        if self.rights
                        else ""
                    )
                )
            ]
        return []

    def _s251(self, study: Study) -> Layout:
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        b: list = [
            Para(f"{study.acronym} study: how we use your information", "title"),
            Para("Privacy notice", "subtitle"),
            Heading("Who we are", 2),
            Para(
                f"{study.acronym} is a research study run by researchers at the {controller}. The "
                f"{controller} is the data controller for the study: it decides how your information is "
                "used and is responsible for looking after it. You can contact our Data Protection "
                f"Officer at {study.dpo}."
            ),
            Heading("Why are we doing this study?", 2),
            Para(
                f"{study.lay_title} We want to find out about the health in adult life of {study.population}. "
                "The results will help doctors to plan care for people in the same position."
            ),
            Heading("What information do we use, and where does it come from?", 2),
        ]
        lay = join(DATASET_LAY[d] for d in study.datasets)
        if self.source:
            b.append(
                Para(
                    f"We hold the {ids(study.linkage_ids)} that were recorded when you were first seen. We "
                    f"send these details to {body}"
                    + (
                        ", the national body that looks after health information (it took over the work of "
                        "NHS Digital in February 2023)"
                        if body == "NHS England"
                        else ""
                    )
                    + f". {cap(body)} uses them to find records of your {lay}, and sends that information back "
                    "to us labelled only with a study number, so that we cannot tell who it is about."
                )
            )
        else:
            b.append(
                Para(
                    f"We hold the {ids(study.linkage_ids)} that were recorded when you were first seen. We use "
                    f"them to look up records of your {lay}, and the information we analyse is labelled "
                    "only with a study number, so that we cannot tell who it is about."
                )
            )
        not_sent = [IDENTIFIER_NAMES[i] for i in self.not_sent]
        if not_sent:
            b.append(Para(f"Your {join(not_sent)} will not be sent to anyone for this study."))
        if study.cag_ref:
            b.append(
                Para(
                    "We have not asked for your consent, because it would not be possible to contact "
                    "everyone in the study. Instead, the Health Research Authority has given support under "
                    "section 251 of the NHS Act 2006 for your information to be used without consent "
                    f"(CAG reference {study.cag_ref})."
                )
            )
        if self.lawful_basis:
            b += [
                Heading("Our legal basis for using your information", 2),
                Para(
                    f"Under the UK General Data Protection Regulation (UK GDPR), the {controller} uses your "
                    "personal data because this is necessary for a task carried out in the public interest "
                    "(Article 6(1)(e), 'public task'). Because the information is about your health, we also "
                    "rely on Article 9(2)(j): processing that is necessary for scientific research purposes, "
                    "with appropriate safeguards."
                ),
            ]
        b += self._ndoo(study, body)
        if self.rights:
            b += [
                Heading("If you do not want your information to be used", 2),
                Para(
                    f"You can opt out of {study.acronym} at any time by emailing {study.study_email} or calling "
                    f"{study.study_phone}. We will remove your details before any further linkage, and it will "
                    "not affect your care in any way."
                ),
            ]
        b += [
            Heading("Keeping your information safe", 2),
            Para(
                "The information we receive is stored on a secure research platform"
                + (
                    f" run by {study.processor}, which acts on our instructions as our processor and hosts the "
                    f"data in {study.processor_place}"
                    if study.processor
                    else ""
                )
                + ". Only named researchers can see it. We will never sell your information."
            ),
        ]
        if self.onward:
            b.append(
                Para(
                    "When the study ends, we may make the linked, pseudonymised dataset available to other "
                    "researchers, including researchers working for commercial companies, so that it can be "
                    "used for further studies."
                )
            )
        b += [
            Heading("How long we keep your information", 2),
            Para(
                "We will keep the pseudonymised study data for ten years after the end of the study, and "
                "then delete it securely."
            ),
        ]
        if self.rights:
            b += [
                Heading("Your rights", 2),
                Para(
                    "You have the right to ask for a copy of the information we hold about you, to have it "
                    "corrected, to ask us to delete it or to restrict how we use it, and to object to our using "
                    "it. Some of these rights are limited when information is used for research, but we will "
                    f"always consider your request. To use these rights, contact {study.dpo}."
                ),
                Para(
                    "If you are unhappy with how we have used your information, you can complain to the "
                    f"{ICO}."
                ),
            ]
        if self.contact:
            b += [
                Heading("Contact us", 2),
                Para(
                    f"{study.acronym} study team, {controller}, "
                    + ", ".join(study.controller.address)
                    + f". Telephone {study.study_phone}; email {study.study_email}; website {study.website}."
                ),
            ]
        line = f"{study.acronym} privacy notice – version {self.version} – {self.date.fmt('slash')}"
        return Layout(
            tuple(b),
            title=f"{study.acronym} privacy notice",
            author=f"{study.acronym} study team",
            created=self.date,
            footer=(line,),
            heading_style="builtin",
            size=11,
            font="Helvetica",
        )

    def _consent(self, study: Study) -> Layout:
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        lay = join(DATASET_LAY[d] for d in study.datasets)
        b: list = [
            Para(f"{study.acronym} study transparency notice", "title"),
            Para(f"Version {self.version}. Last updated: {self.date.fmt('ordinal')}", "small"),
            Para(
                f"This notice explains how the {controller} uses information about people taking part in "
                f"{study.acronym} ({study.lay_title}). It adds to the participant information "
                "sheet you were given when you joined the study."
            ),
            Heading("Who is responsible for your data?", 2),
            Para(
                f"The {controller} is the sponsor of {study.acronym} and the controller of your personal "
                f"data. Our Data Protection Officer can be contacted at {study.dpo}."
            ),
        ]
        b.append(Heading("What data do we use and where do we get it from?", 2))
        rows = [
            ("Source", "What we receive"),
            (
                "You",
                "Questionnaires, and contact details so that we can keep in touch"
                if self.keep_in_touch
                else "The information you give at the baseline assessment",
            ),
            (study.site.name, "Information from your hospital notes about your heart failure and treatment"),
        ]
        if self.source:
            rows.append(
                (
                    f"{body} (formerly NHS Digital)" if body == "NHS England" else body,
                    f"Records of your {lay}, linked using your {ids(study.linkage_ids)}",
                )
            )
        b.append(Table(tuple(rows), widths=(0.35, 0.65)))
        if self.lawful_basis:
            b += [
                Heading("How the law allows us to use your data", 2),
                Bullets(
                    (
                        "Article 6(1)(e) UK GDPR – public task: research is part of the University's work "
                        "in the public interest.",
                        "Article 9(2)(j) UK GDPR – archiving purposes in the public interest, scientific or "
                        "historical research purposes or statistical purposes.",
                    )
                ),
                Para(
                    "We do not rely on consent as our lawful basis under data protection law; your consent "
                    "to take part is how we meet the common law duty of confidentiality."
                ),
            ]
        b += self._ndoo(study, body)
        b += [
            Heading("Who we share your data with", 2),
            Para(
                f"{study.processor} sends out our questionnaires on our behalf, as our processor. They only "
                "receive your name and postal details, and only for that purpose. We never sell personal data, "
                "and your details are never used for marketing."
            ),
            Heading("International transfers", 2),
            Para("Your data are stored and analysed in the United Kingdom. We do not transfer them abroad."),
            Heading("How long we keep your data", 2),
            Para(
                "Identifiable information is kept for as long as you remain in the study; research data are "
                "kept for 15 years after the study ends."
            ),
        ]
        if self.rights:
            b += [
                Heading("Your rights and choices", 2),
                Para(
                    "You can ask to see the information we hold about you, to correct it, or to object to or "
                    "restrict how we use it. You can withdraw from the study at any time by contacting the "
                    f"study team on {study.study_phone}; information already used in analyses may be kept."
                ),
                Heading("Complaints", 2),
                Para(
                    "If you are not happy with how your information is handled, please contact our Data "
                    f"Protection Officer first. You can also complain to the {ICO}."
                ),
            ]
        foot = (
            f"{study.acronym} transparency notice v{self.version} | Last updated "
            f"{self.date.fmt('ordinal')} | Page {{page}} of {{pages}}"
        )
        return Layout(
            tuple(b),
            title=f"{study.acronym} transparency notice",
            author=controller,
            created=self.date,
            letterhead=study.controller.letterhead(),
            footer=(foot,),
            accent=study.controller.accent,
        )

    def _poster(self, study: Study) -> Layout:
        body = body_at(self.date)
        controller = study.controller.name.removeprefix("The ")
        lay = join(DATASET_LAY[d] for d in study.datasets)
        b: list = [
            Para(f"{study.lay_title}", "title"),
            Para("Fair processing notice: how your information is used", "subtitle"),
            Para(
                f"Researchers at the {controller} are studying {study.population}. To do this, the study "
                f"will send the {ids(study.linkage_ids)} held in its records to {body}, which will link "
                f"them to records of {lay}. The researchers will only receive information that does not "
                "identify you."
            ),
            Para(
                "This use of information without consent has been supported under section 251 of the "
                "NHS Act 2006."
            ),
            Para(
                f"If you do not want information about you to be used, please contact {study.manager.full} on "
                f"{study.study_phone} or write to the study at the address below. This will not affect "
                "your care."
            ),
            Para(f"{study.acronym}, {controller}, " + ", ".join(study.controller.address)),
            Para(f"Fair processing notice, version {self.version}, {self.date.fmt('long')}", "small"),
        ]
        return Layout(
            tuple(b),
            title="Fair processing notice",
            author=controller,
            created=self.date,
            letterhead=study.controller.letterhead(),
            accent=study.controller.accent,
            size=12,
        )
