"""CAG letters: the outcome letter that gives section 251 support, amendment letters and annual review
letters, in the styles of four eras (NIGB ECC 2011, early CAG 2013, CAG 2016, HRA 2023)."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import DocDate
from ..model import Bullets, DocSpec, Heading, Layout, Para, Signature, Spacer, Table
from ..studies import HRA, NIGB, Person, Study
from .common import body_at, cap, datasets_formal, ids, join

ADVISER = Person("Ms", "Joanne", "Tulliver", "Confidentiality Advisor")
ADVISER_2016 = Person("Mr", "Callum", "Strachan", "Confidentiality Advisor")
ECC_SECRETARY = Person("Ms", "Deborah", "Kettering", "Approvals Manager, NIGB")

MEMBERS = (
    ("Dr Ruth Abernethy", "CAG Vice-Chair"),
    ("Mr Anil Chaudhry", "Lay member"),
    ("Dr Fiona McAllister", "CAG member"),
    ("Professor Stephen Rowe", "CAG member"),
    ("Ms Bethan Lloyd-Harris", "Lay member"),
)


def ref_text(refs: tuple[str, ...]) -> str:
    """``20/CAG/0067 (previously 16/CAG/0056)`` for a renumbered support."""
    return refs[0] + (f" (previously {join(refs[1:])})" if len(refs) > 1 else "")


def _address(study: Study) -> tuple[Para, ...]:
    ci = study.ci
    lines = [
        ci.full,
        ci.post,
        *study.controller.address[:-1],
        study.controller.name,
        study.controller.address[-1],
    ]
    return (Para("\n".join(lines)),)


def _flow(study: Study, body: str, style: str) -> str:
    who = "The applicant" if style == "ecc" else f"The {study.controller.name.removeprefix('The ')}"
    ds = join(datasets_formal(study.datasets, old=style == "ecc"))
    back = {
        "2023": "a pseudonymised extract, keyed on the study identifier,",
        "2016": "a pseudonymised dataset, with the study identifier only,",
        "2013": "a pseudonymised file containing the study identifier and the linked records",
        "ecc": "an anonymised dataset",
    }[style]
    return (
        f"{who} will send the {ids(study.linkage_ids)} of each cohort member, together with a study "
        f"identifier, to {body}. {cap(body)} will link these records to {ds}, and will return {back} "
        f"to the applicant. No confidential patient information will be returned to the applicant, "
        f"and {body} will destroy the identifiers it received once linkage is complete."
    )


def _ndoo(ndoo: str, study: Study, body: str) -> list:
    if ndoo == "applied":
        return [
            Para(
                f"The national data opt-out will be applied: before linkage, {body} will remove the "
                "records of cohort members who have registered a national data opt-out. A study-specific "
                f"privacy notice will be published on the study website ({study.website}), and people "
                "may also opt out by contacting the study team directly."
            )
        ]
    if ndoo == "exempt":
        return [
            Para(
                "The applicant asked that the national data opt-out should not be applied to this "
                "cohort, because applying it would remove a substantial and non-random part of a closed "
                "historical cohort and bias the estimates of mortality that are the study's primary "
                "outcome. Members accepted this justification. The CAG therefore advised that the "
                "national data opt-out does not apply to this application, and this exemption will be "
                "recorded on the register of approved applications."
            ),
            Para(
                "A study-specific opt-out will be offered instead through the study privacy notice, and "
                "any person who contacts the study team to dissent will be removed from the cohort "
                "before linkage."
            ),
        ]
    return [
        Para(
            "Members were content with the arrangements for patient notification: a notice will be placed "
            f"on the study website ({study.website}) and displayed in the clinic where the cohort was "
            "recruited, and anyone who objects to the use of their information will be removed from the "
            "cohort before the identifiers are sent for linkage."
        )
    ]


@dataclass(frozen=True)
class CagOutcome(DocSpec):
    kind = "cag_approval"
    style: str = "2023"  # 2023 | 2016 | 2013 | ecc
    refs: tuple[str, ...] = ()
    meeting: DocDate | None = None
    review_due: DocDate | None = None
    ndoo: str = "applied"  # applied | exempt | pre
    extra_controllers: tuple[str, ...] = ()
    reviewed: tuple[tuple[str, str, str], ...] = ()

    def cag_refs(self, study):
        return self.refs

    def layout(self, study: Study) -> Layout:
        s = self.style
        body = body_at(self.date)
        ref = ref_text(self.refs)
        head = (NIGB if s == "ecc" else HRA).letterhead()
        adviser = {"2016": ADVISER_2016, "ecc": ECC_SECRETARY}.get(s, ADVISER)
        b: list = [
            Para(self.date.fmt("long"), "right" if s in ("2023", "ecc") else "body"),
            *_address(study),
            Spacer(),
            Para(f"Dear {study.ci.dear}"),
        ]
        subject = {
            "2023": "Section 251 support: outcome of application",
            "2016": "Confidentiality Advisory Group – final outcome",
            "2013": "Outcome of application for section 251 support",
            "ecc": f"Section 251 of the NHS Act 2006 – application {ref}: approval",
        }[s]
        b.append(Para(subject, "subtitle"))
        rows = [("Study title:", study.title), ("CAG reference:" if s != "ecc" else "ECC reference:", ref)]
        if study.iras and s != "ecc":
            rows.append(("IRAS project ID:", study.iras))
        rows.append(("REC reference:", study.rec_ref))
        b.append(Table(tuple(rows), header=False, widths=(0.25, 0.75), grid=False))
        if s == "ecc":
            b += [
                Para(
                    f"Thank you for your application for approval to process patient identifiable information "
                    f"without consent under section 251 of the NHS Act 2006 and the Health Service (Control of "
                    f"Patient Information) Regulations 2002. The Ethics and Confidentiality Committee (ECC) of "
                    f"the National Information Governance Board considered the application at its meeting of "
                    f"{self.meeting.fmt('long')}."
                ),
                Para(
                    "On behalf of the Secretary of State for Health, I am pleased to confirm that the "
                    "application is **approved**, subject to the conditions set out below."
                ),
            ]
        else:
            b += [
                Para(
                    "Thank you for your research application, submitted for approval under Regulation 5 of the "
                    "Health Service (Control of Patient Information) Regulations 2002 to process confidential "
                    "patient information without consent. Supported applications allow the controller(s) to "
                    "provide specified information to the applicant for the purposes of the relevant activity, "
                    "without being in breach of the common law duty of confidentiality, although other "
                    "relevant legislative provisions will still apply."
                ),
                Para(
                    "The role of the Confidentiality Advisory Group (CAG) is to review applications submitted "
                    "under these Regulations and to provide advice to the Health Research Authority on whether "
                    "an application should be supported, and if so, any relevant conditions. This application "
                    f"was considered at the CAG meeting held on {self.meeting.fmt('long')}."
                ),
            ]
            decision = {
                "2023": "is **fully supported**, subject to compliance with the standard and specific "
                "conditions of support",
                "2016": "is **supported** (final support), subject to compliance with the standard and "
                "specific conditions of support",
                "2013": "is **conditionally supported**, subject to compliance with the standard and "
                "specific conditions of support",
            }[s]
            b += [
                Heading("Health Research Authority decision", 2),
                Para(
                    "The Health Research Authority, having considered the advice from the Confidentiality "
                    "Advisory Group as set out below, has determined the following:"
                ),
                Bullets(
                    (
                        f"The application, to allow the disclosure of confidential patient information from "
                        f"the {study.controller.name.removeprefix('The ')} to {body} for the purpose of linkage, "
                        f"{decision}.",
                    ),
                    numbered=True,
                ),
                Para(
                    "Please note that the legal basis to allow access to the specified confidential patient "
                    "information without consent is now in effect."
                ),
            ]
        b.append(Heading("Context", 2))
        b.append(Heading("Purpose of application", 3))
        controller = study.controller.name.removeprefix("The ")
        b.append(
            Para(
                f"This application from the {controller} set out the purpose of medical research which "
                f"{study.aim}. The cohort comprises approximately {study.cohort_n:,} {study.population}."
            )
        )
        b.append(
            Para(
                "Consent was not sought from the cohort members for linkage to national records, and the "
                "applicant considered that seeking consent now is not practicable: many members of the "
                "cohort have moved, their current contact details are not held, and a proportion will "
                "have died."
            )
        )
        if self.extra_controllers:
            b.append(
                Para(
                    f"The {controller} and {join(self.extra_controllers)} will act as joint data "
                    "controllers for the linked data."
                )
            )
        else:
            b.append(Para(f"The {controller} is the applicant organisation and will act as data controller."))
        if s != "ecc":
            b.append(
                Para(
                    "A recommendation for class 1, 4 and 6 support was requested to cover activities as "
                    "described in the outline below."
                )
            )
        b.append(
            Table(
                (
                    ("Cohort", f"{study.cohort_n:,} {study.population}."),
                    (
                        "Data sources",
                        "1. Study records held by the "
                        + controller
                        + ".\n2. "
                        + f"{cap(body)}: "
                        + "; ".join(datasets_formal(study.datasets, old=s == "ecc"))
                        + ".",
                    ),
                    (
                        "Identifiers required for linkage purposes",
                        "\n".join(
                            f"{n}. {cap(ids([i], formal=True))}" for n, i in enumerate(study.linkage_ids, 1)
                        ),
                    ),
                    (
                        "Identifiers required for analysis purposes",
                        "\n".join(f"{n}. {cap(x)}" for n, x in enumerate(study.analysis_items, 1)),
                    ),
                ),
                header=False,
                widths=(0.3, 0.7),
                shade_first_col=True,
            )
        )
        b.append(Heading("Data flows", 3))
        b.append(Para(_flow(study, body, s)))
        b.append(
            Heading("Confidentiality Advisory Group advice" if s != "ecc" else "The Committee's advice", 2)
        )
        b += [
            Heading("Public interest", 3),
            Para(
                "Members agreed that the application had a medical purpose and was in the public interest: "
                f"little is known about long-term outcomes after {study.condition}, and the results may "
                "inform services for this group."
            ),
            Heading("Practicable alternatives", 3),
            Para(
                "Members considered whether a practicable alternative to the disclosure of confidential "
                "patient information without consent existed. They accepted that consent was not feasible "
                "for a historical cohort of this size, and that linkage could not be carried out with "
                "anonymised data, because the identifiers are needed to find each person's records."
            ),
            Heading("Justification of identifiers", 3),
            Para(
                "Members were content that the identifiers requested are the minimum needed for accurate "
                f"linkage, and that only pseudonymised data will be returned to the {controller}."
            ),
            Heading("Patient notification and dissent", 3),
            *_ndoo(self.ndoo, study, body),
        ]
        b.append(Heading("Specific conditions of support", 2))
        conds = [f"Favourable opinion from a Research Ethics Committee. Confirmed: {study.rec_ref}."]
        if s in ("2023", "2016"):
            dspt = {
                "2023": f"the NHS England 2022/23 DSPT review for the {controller} was confirmed as "
                "'Standards Met' on the DSPT tracker (checked 2 June 2023)",
                "2016": f"the 2015/16 IG Toolkit submission for the {controller} was reviewed at level 2 "
                "or above (checked 5 September 2016)",
            }[s]
            conds.append(
                "Confirmation from the IG Delivery Team that the relevant Data Security and Protection "
                f"Toolkit submissions have achieved the 'Standards Met' threshold. Confirmed: {dspt}."
            )
        conds.append(
            "The study privacy notice is to be published on the study website before any identifiers "
            "are sent for linkage."
        )
        b.append(Bullets(tuple(conds), numbered=True))
        if s in ("2023", "2016", "2013"):
            b.append(
                Para(
                    "As the above conditions have been accepted or met, this letter provides confirmation "
                    "of final support. I will arrange for the register of approved applications on the HRA "
                    "website to be updated with this information."
                )
            )
        if self.review_due:
            if s == "2023":
                b += [
                    Heading("Annual review", 2),
                    Para(f"**Annual review due: {self.review_due.fmt('long')}**"),
                    Para(
                        "Please note that this support is subject to submission of an annual review report "
                        "to show how you have met the conditions or report plans, and action towards meeting "
                        "them."
                    ),
                ]
            elif s == "2016":
                b += [
                    Heading("Annual review", 2),
                    Para(
                        "Support is subject to an annual review report every twelve months from the date of "
                        f"this letter. The next annual review report is due by {self.review_due.fmt('long')}."
                    ),
                ]
            elif s == "2013":
                b.append(
                    Para(
                        "This support is subject to annual review. Your first annual review will be due "
                        f"on {self.review_due.fmt('long')}."
                    )
                )
            else:
                b.append(
                    Para(
                        "Approval is given for one year and is subject to annual review: your annual review "
                        f"is due by {self.review_due.fmt('long')}."
                    )
                )
        if self.reviewed:
            label = {
                "2023": "Reviewed documents",
                "2016": "Reviewed documents",
                "2013": "Documents reviewed by the Group",
                "ecc": "Documents considered",
            }[s]
            b.append(Heading(label, 2))
            b.append(Para("The documents reviewed at the meeting were:"))
            b.append(Table((("Document", "Version", "Date"), *self.reviewed), widths=(0.6, 0.15, 0.25)))
        if s in ("2023", "2016"):
            b.append(Heading("Membership of the Committee", 2))
            b.append(
                Para(
                    "The members of the Confidentiality Advisory Group who were present at the "
                    "consideration of this item are listed below."
                )
            )
            b.append(Table((("Name", "Role"), *MEMBERS), widths=(0.5, 0.5)))
        b.append(Heading("Standard conditions of support", 2))
        b.append(Para("Support is subject to the following standard conditions:"))
        b.append(
            Bullets(
                (
                    "The applicant will use the confidential patient information only for the purpose described in "
                    "the application.",
                    "The wishes of patients who have withheld or withdrawn their consent are respected.",
                    "Any significant changes (for example, to the purpose, the data flows, the data items or the "
                    "organisations involved) will require an amendment to be submitted and supported before they "
                    "are made.",
                    "An annual review report is submitted every twelve months from the date of the final support "
                    "letter.",
                    "Confidential patient information is processed in line with data protection legislation.",
                ),
                numbered=True,
            )
        )
        b += [
            Spacer(),
            Para("Yours sincerely,"),
            Signature(
                (
                    adviser.full.removeprefix(adviser.honorific + " "),
                    adviser.post,
                    "On behalf of the Health Research Authority"
                    if s != "ecc"
                    else "On behalf of the Secretary of State for Health",
                    f"Email: {(NIGB if s == 'ecc' else HRA).email}",
                )
            ),
            Para("Enclosures: List of members; Standard conditions of support", "small"),
            Para(f"Copy to: {study.site.name}; Research Office, {controller}", "small"),
        ]
        footer = {
            "2023": (f"{ref} – Section 251 outcome\tPage {{page}} of {{pages}}",),
            "2016": ("Page {page} of {pages}",),
            "2013": (f"{ref}\tpage {{page}}",),
            "ecc": ("{page}",),
        }[s]
        return Layout(
            tuple(b),
            title=subject,
            author=adviser.full,
            created=self.date,
            letterhead=head,
            footer=footer,
            header=(ref,) if s != "ecc" else (),
            font="Times" if s == "ecc" else "Helvetica",
            accent=(NIGB if s == "ecc" else HRA).accent,
        )


@dataclass(frozen=True)
class CagAmendment(DocSpec):
    kind = "cag_amendment"
    refs: tuple[str, ...] = ()
    change: str = "address"  # address | nhs_england
    review_due: DocDate | None = None

    def cag_refs(self, study):
        return self.refs

    def layout(self, study: Study) -> Layout:
        ref = ref_text(self.refs)
        controller = study.controller.name.removeprefix("The ")
        b: list = [
            Para(self.date.fmt("ordinal")),
            *_address(study),
            Spacer(),
            Para(f"Dear {study.ci.dear},"),
            Para(f"{ref}: {study.title}", "subtitle"),
            Para("Amendment to section 251 support – outcome", "label"),
        ]
        if self.change == "address":
            what = (
                "to add the home address of each cohort member to the identifiers that the "
                f"{controller} sends to NHS England for linkage. The applicant explained that postcode "
                "alone gave too many ambiguous matches for people who have moved since childhood"
            )
            scope = (
                "This amendment extends the existing support so that NHS England may receive the full "
                f"address of each cohort member from the {controller}, in addition to the "
                f"{ids(study.linkage_ids)} already supported, and use it for linkage only."
            )
        else:
            what = (
                "to update the data flows following the transfer of NHS Digital's functions to NHS England "
                "on 1 February 2023, so that NHS England receives the cohort identifiers and carries out "
                "the linkage, and to add tracing against the Personal Demographics Service (PDS) to "
                "confirm vital status"
            )
            scope = (
                "Support now covers NHS England receiving the "
                f"{ids(study.linkage_ids)} of each member of the cohort from the {controller}, linking "
                "them to Hospital Episode Statistics, Civil Registration – Deaths and the Personal "
                "Demographics Service, and returning a pseudonymised extract to the applicant."
            )
        b += [
            Para(
                f"Thank you for submitting a research amendment request. The amendment sought support {what}."
            ),
            Para(
                "The amendment was considered by the CAG Chair, who advised that it should be supported. "
                "The Health Research Authority, having considered that advice, has determined that the "
                "amendment is **supported**, subject to the standard conditions of support."
            ),
            Heading("Scope of the amended support", 2),
            Para(scope),
            Para(
                "All other conditions of support remain as set out in the outcome letter and subsequent "
                "correspondence. The amendment does not change the national data opt-out arrangements, "
                "which continue to apply."
            ),
        ]
        if self.review_due:
            b.append(
                Para(
                    "Please note that the annual review date is unchanged: the next annual review report "
                    f"is due by {self.review_due.fmt('long')}."
                )
            )
        b += [
            Para("Yours sincerely,"),
            Signature(
                (
                    ADVISER.full.removeprefix("Ms "),
                    "Confidentiality Advisor",
                    "On behalf of the Health Research Authority",
                    f"Email: {HRA.email}",
                )
            ),
        ]
        return Layout(
            tuple(b),
            title="Amendment outcome",
            author=ADVISER.full,
            created=self.date,
            letterhead=HRA.letterhead(),
            footer=(f"{ref} – amendment outcome – page {{page}} of {{pages}}",),
            accent=HRA.accent,
        )


@dataclass(frozen=True)
class CagAnnualReview(DocSpec):
    kind = "cag_annual_review"
    style: str = "docx"  # docx | renumbered | legacy
    refs: tuple[str, ...] = ()
    next_due: DocDate | None = None
    report_received: DocDate | None = None

    def cag_refs(self, study):
        return self.refs

    def layout(self, study: Study) -> Layout:
        ref = ref_text(self.refs)
        controller = study.controller.name.removeprefix("The ")
        b: list = []
        if self.style == "docx":
            b += [
                Para(f"Date: {self.date.fmt('slash')}"),
                Para(f"Our reference: {ref}"),
                *_address(study),
                Para(f"Dear {study.ci.dear}"),
                Para(f"{ref} – {study.acronym} – annual review", "subtitle"),
                Para(
                    f"Thank you for submitting the annual review report for the above application, which we "
                    f"received on {self.report_received.fmt('long')}. The report has been reviewed on behalf "
                    "of the Confidentiality Advisory Group."
                ),
                Para(
                    "I am pleased to confirm that support under Regulation 5 of the Health Service (Control "
                    "of Patient Information) Regulations 2002 remains in place. The conditions of support "
                    "set out in the outcome letter continue to apply, and no amendments were reported."
                ),
                Para(
                    f"The next annual review report is due by {self.next_due.fmt('long')}. Please submit it "
                    "using the current annual review form, quoting the reference above."
                ),
                Para("Kind regards"),
                Signature(
                    ("Confidentiality Advice Team", "Health Research Authority", HRA.email), scribble=False
                ),
            ]
        elif self.style == "renumbered":
            b += [
                Para(self.date.fmt("long")),
                *_address(study),
                Para(f"Dear {study.ci.dear},"),
                Para(f"Annual review: {ref}", "subtitle"),
                Para(study.title, "label"),
                Para(
                    f"Thank you for the annual review report received on {self.report_received.fmt('slash')}."
                ),
                Para(
                    "When the application moved to the HRA's current case management system it was given "
                    f"the reference {self.refs[0]}. The earlier reference, {join(self.refs[1:])}, refers to "
                    "the same support; please quote the new reference in all correspondence."
                ),
                Para(
                    "The CAG is content that support should continue. The standard and specific conditions "
                    "of support remain in force."
                ),
                Para(f"Next annual review due: {self.next_due.fmt('long')}", "label"),
                Para("Yours sincerely,"),
                Signature(
                    (
                        ADVISER_2016.full.removeprefix("Mr "),
                        "Confidentiality Advisor",
                        "Health Research Authority",
                    )
                ),
            ]
        else:
            b += [
                Para(self.date.fmt("long0"), "right"),
                *_address(study),
                Para(f"Dear {study.ci.dear}"),
                Para(f"{ref}: {study.title} – confirmation of annual review", "subtitle"),
                Para(
                    f"We have received and reviewed the annual report dated {self.report_received.fmt('long')} "
                    f"for the above application. Support for the {controller} to process confidential "
                    "patient information without consent continues, under the conditions set out when "
                    "support was given."
                ),
                Para(f"Your next annual review report will be due on {self.next_due.fmt('long')}."),
                Para("Yours sincerely,"),
                Signature(("Confidentiality Advice Team", "Health Research Authority"), scribble=False),
            ]
        footer = {
            "docx": (f"{ref} annual review outcome – page {{page}} of {{pages}}",),
            "renumbered": ("Page {page} of {pages}",),
            "legacy": (),
        }[self.style]
        return Layout(
            tuple(b),
            title=f"{ref} annual review",
            author="Confidentiality Advice Team",
            created=self.date,
            letterhead=HRA.letterhead(),
            footer=footer,
            heading_style="bold",
            size=10.5 if self.style == "docx" else 10,
            accent=HRA.accent,
        )
