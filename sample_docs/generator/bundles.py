"""Every sample bundle: the baselines and their variants, each with the codes it must produce.

Each variant is a baseline put through a few steps; ``expect`` is re-derived from the whole catalogue
(``spec/checks.md``) for the changed bundle, not only the planted code. ``allow`` is used only where the
rules leave a code genuinely debatable; the comment beside it says why.
"""

from __future__ import annotations

import copy
from datetime import date

from . import junk
from .baselines import capra, hipfit_ecc, kingfisher, preterm_2013, stroke_renumbered
from .bundle import (
    Bundle,
    add,
    add_file,
    archive,
    as_of,
    doc,
    drop,
    edit,
    no_request,
    request,
    request_text,
    variant,
)
from .dates import day, month
from .register_bundles import with_registers
from .request_variants import consent_request_variants, s251_request_variants
from .requests import DATASET_FIELDS, to_yaml
from .texts.application import S251Application
from .texts.cag_letters import CagAmendment, CagAnnualReview, CagOutcome
from .texts.cohort import Newsletter, WebPage
from .texts.consent import ConsentForm, InfoSheet
from .texts.misc import Agenda, ScannedDeclaration, TransferRiskAssessment
from .texts.privacy import PrivacyNotice
from .texts.protocol import Protocol
from .texts.rec import RecLetter
from .writer import render


def _add_org(org: dict):
    """Add an organisation; like every organisation of the samples it shows a DSPT assessment (the
    request's first organisation's) unless it states its own security."""

    def change(r: dict) -> None:
        own = org.get("security", r["organisations"][0]["security"])
        r["organisations"].append({**org, "security": copy.deepcopy(own)})

    return request(change)


def _set(path: str, value):
    """Set ``a.b`` or ``a[1].b`` style paths in the request."""

    def change(r: dict) -> None:
        *parents, last = path.replace("]", "").replace("[", ".").split(".")
        node = r
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return request(change)


def _flow(action: str):
    return lambda r: next(f for f in r["flows"] if f["action"] == action)


def resubmission(v1: Bundle) -> Bundle:
    """`s251-org-gaps`, resubmitted two months later: the controller now has a DSFC (ORG-001 resolved),
    a newer newsletter is added, and the request now adds the Mental Health Services Data Set, which no
    CAG letter names (DATA-001 new). ORG-002 stays, with the same fingerprint: a reviewer who accepted it
    (`sample_docs/acceptances/`) sees it accepted again."""
    return variant(
        v1,
        "s251-org-gaps-v2",
        "A resubmission of s251-org-gaps: the DSFC is now in place; a newer newsletter is added; the request "
        "adds the Mental Health Services Data Set, which no CAG letter names.",
        ["DATA-001", "ORG-002"],
        as_of(date(2024, 11, 18)),
        _set("organisations.0.dsfc", True),
        request(
            lambda r: (
                r["datasets"].append(
                    {"id": "mhsds", "start": date(2016, 1, 1), "end": date(2023, 3, 31), "fields": DATASET_FIELDS["mhsds"]}
                ),
                _flow("link")(r)["datasets"].append("mhsds"),
            )
        ),
        add("cohort/CAPRA-News-issue-4.pdf", Newsletter(date=month(2024, 11), issue=4)),
    )


def s251_variants(base: Bundle) -> list[Bundle]:
    add_address = request(
        lambda r: (
            r["identifiers"].append("address"),
            _flow("receive")(r)["identifiers"].append("address"),
            _flow("link")(r)["identifiers"].append("address"),
        )
    )
    invalid = to_yaml({**base.request, "submitted": base.as_of}, base.study)
    lines = invalid.replace("purpose_category: research", "purpose_category: medical_research").split("\n")
    # datasets[1] (hes_op): end before start; datasets[2] (deaths): a date that does not exist
    ds = [i for i, line in enumerate(lines) if line.startswith("- id: ")]
    lines[ds[1] + 2] = "  end: 2001-03-31"
    lines[ds[2] + 2] = "  end: 2023-02-30"
    invalid = "\n".join(lines)
    return [
        variant(
            base,
            "s251-no-application",
            "No s251 application in the bundle.",
            ["S251-001"],
            drop("s251_application"),
        ),
        # S251-007 stays silent: the reviewed application is missing, which S251-001 already reports.
        variant(
            base,
            "s251-cag-ref-mismatch",
            "The request cites 23/CAG/0104; the letters say 23/CAG/0088.",
            ["S251-002"],
            _set("legal_basis.cag_reference", "23/CAG/0104"),
        ),
        variant(
            base,
            "s251-disseminate-cpi",
            "The request has NHS England release NHS number and date of birth "
            "to the applicant; CAG supported only a pseudonymised return.",
            ["S251-003"],
            request(lambda r: _flow("disseminate")(r).update(identifiers=["nhs_number", "date_of_birth"])),
        ),
        variant(
            base,
            "s251-identifier-not-covered",
            "The request adds address, which no CAG letter covers.",
            ["S251-004"],
            add_address,
        ),
        variant(
            base,
            "s251-amendment-covers-address",
            "The request adds address and a CAG amendment letter supports it: clean.",
            [],
            add_address,
            add(
                "cag/amendment outcome Feb 2024.pdf",
                CagAmendment(
                    date=day(2024, 2, 12),
                    refs=("23/CAG/0088",),
                    change="address",
                    review_due=day(2024, 6, 14),
                ),
            ),
            edit(PrivacyNotice, not_sent=("name",)),
        ),
        variant(
            base,
            "s251-purpose-drift",
            "The request's purpose is about adults with type 2 diabetes.",
            ["S251-005"],
            _set(
                "purpose",
                "To describe hospital admissions, outpatient care and deaths among adults "
                "diagnosed with type 2 diabetes in primary care, and to compare them with the "
                "general population of England.",
            ),
            _set("title", "Hospital use and mortality in adults with type 2 diabetes"),
        ),
        variant(
            base,
            "s251-support-lapsed",
            "Checked at 1 July 2025: the last annual review was due 14 June 2025 and no later letter exists.",
            ["S251-006"],
            as_of(date(2025, 7, 1)),
        ),
        variant(
            base,
            "s251-reviewed-document-missing",
            "CAG reviewed protocol v2.1; the bundle holds only the later v2.2.",
            ["S251-007"],
            edit(
                Protocol,
                version="2.2",
                date=day(2023, 11, 20),
                history=(
                    ("2.0", "09/12/2022", "Data flows revised"),
                    ("2.1", "01/02/2023", "Opt-out clarified"),
                    ("2.2", "20/11/2023", "Analysis plan for outpatient outcomes added"),
                ),
            ),
        ),
        variant(
            base,
            "s251-extra-controller",
            "The CAG letter names the Trust as a joint data controller; the request does not.",
            ["S251-008"],
            edit(CagOutcome, extra_controllers=(base.study.site.name,)),
        ),
        variant(
            base,
            "s251-ndoo-not-applied",
            "The request says the opt-out is not applied; CAG said it is.",
            ["NDOO-001"],
            _set("national_data_opt_out", "not_applied"),
        ),
        variant(
            base,
            "s251-ndoo-exempt",
            "The opt-out is not applied and the CAG letter records an exemption: clean.",
            [],
            _set("national_data_opt_out", "not_applied"),
            edit(CagOutcome, ndoo="exempt"),
            edit(PrivacyNotice, ndoo="exempt"),
            edit("s251_application", ndoo="exempt"),
            edit(Protocol, ndoo="exempt"),
        ),
        variant(
            base,
            "s251-dataset-not-named",
            "The request adds the Mental Health Services Data Set, which no CAG letter or application names.",
            ["DATA-001"],
            request(
                lambda r: (
                    r["datasets"].append(
                        {
                            "id": "mhsds",
                            "start": date(2016, 1, 1),
                            "end": date(2023, 3, 31),
                            "fields": DATASET_FIELDS["mhsds"],
                        }
                    ),
                    _flow("link")(r)["datasets"].append("mhsds"),
                )
            ),
        ),
        variant(
            base,
            "s251-not-confidential",
            "Identifiers are requested under a 'not confidential' basis.",
            ["LB-001"],
            _set("legal_basis.common_law", "not_confidential"),
        ),
        # Without a cag_approval letter S251-002..009 and DATA-001 are skipped; the annual review remains.
        variant(
            base,
            "s251-no-cag-approval",
            "The CAG outcome letter is missing (only the annual review).",
            ["LB-002"],
            drop("cag_approval"),
        ),
        variant(
            base,
            "s251-statutory",
            "The request relies on a statutory basis.",
            ["LB-005"],
            _set("legal_basis.common_law", "statutory"),
            _set("legal_basis.cag_reference", None),
        ),
        variant(
            base,
            "s251-commercial-no-benefit",
            "Commercial request with no public benefit stated.",
            ["PUR-001"],
            _set("commercial", True),
            _set(
                "commercial_purpose",
                "Halbridge Respiratory Ltd funds the analysis to plan an adult asthma follow-up service it runs "
                "for NHS trusts.",
            ),
        ),
        variant(
            base,
            "s251-insurance-purpose",
            "The purpose adds risk scores for life-insurance pricing.",
            ["PUR-002"],
            request(
                lambda r: r.update(
                    purpose=r["purpose"].rstrip(".") + ", and to supply the "
                    "resulting risk estimates to Halbridge Mutual Insurance plc for the "
                    "underwriting and pricing of life insurance policies."
                )
            ),
        ),
        # S251-007 stays silent: the missing privacy notice is reported by PN-001; PN-002..006 are skipped.
        variant(base, "s251-no-privacy-notice", "No privacy notice.", ["PN-001"], drop("privacy_notice")),
        variant(
            base,
            "s251-pn-controller-missing",
            "The request adds a joint controller that no privacy notice names.",
            ["PN-002"],
            _add_org(
                {
                    "name": "Pennine Lung Health Partnership CIC",
                    "roles": ["controller"],
                    "dsfc": True,
                    "processing_locations": ["England"],
                }
            ),
        ),
        variant(
            base,
            "s251-pn-no-opt-out",
            "The privacy notice never mentions the national data opt-out.",
            ["PN-004"],
            edit(PrivacyNotice, ndoo="none"),
        ),
        variant(
            base,
            "s251-pn-no-lawful-basis",
            "The privacy notice states no UK GDPR basis (only section 251).",
            ["PN-005"],
            edit(PrivacyNotice, lawful_basis=False),
        ),
        org_gaps := variant(
            base,
            "s251-org-gaps",
            "The controller has no DSFC; the processor gives no location.",
            ["ORG-001", "ORG-002"],
            _set("organisations.0.dsfc", False),
            request(lambda r: r["organisations"][1].pop("processing_locations")),
        ),
        resubmission(org_gaps),
        variant(
            base,
            "s251-processor-usa",
            "A processor in the USA under a UK territory of use (a transfer risk assessment is supplied).",
            ["TER-001"],
            _add_org(
                {
                    "name": "Stellar Biostatistics Inc.",
                    "roles": ["processor"],
                    "processing_locations": ["United States"],
                }
            ),
            add(
                "governance/TRA Stellar Biostatistics v1.0.pdf",
                TransferRiskAssessment(
                    version="1.0",
                    date=day(2024, 6, 28),
                    recipient="Stellar Biostatistics Inc.",
                    country="the United States of America",
                ),
            ),
        ),
        variant(
            base,
            "s251-onward-sharing",
            "Sub-licensing is not planned, but the privacy notice says the "
            "linked data may go to other researchers and companies.",
            ["SUB-002"],
            edit(PrivacyNotice, onward=True),
        ),
        # The request is broken in three places (one finding each); if a tool cannot load it at all, the
        # checks that need it are skipped, so nothing else may fire either way.
        variant(
            base,
            "s251-invalid-request",
            "request.yaml: unknown purpose_category, datasets[1] ends before "
            "it starts, datasets[2].end is 2023-02-30.",
            ["REQ-001"],
            request_text(invalid),
        ),
        variant(
            base,
            "s251-no-request",
            "No request.yaml: every request check is skipped.",
            ["REQ-002"],
            no_request,
        ),
        variant(
            base,
            "s251-unreadable-files",
            "A truncated PDF, an empty file, a spreadsheet and an ODT file. The spreadsheet and the ODT "
            "cover letter are read (their kind is other, DOC-003).",
            ["DOC-001", "DOC-003"],
            add_file(
                "supporting/letter-of-support.pdf",
                lambda b: junk.truncated(render(doc(b, RecLetter), b.study)),
            ),
            add_file("supporting/data-flow-diagram.pdf", b""),
            add_file(
                "supporting/data-specification.xlsx",
                junk.xlsx([["Dataset", "Field", "Justification"], ["HES APC", "ADMIDATE", "Outcome timing"]]),
            ),
            add_file(
                "supporting/cover-letter.odt",
                junk.odt(["Dear CAG secretariat,", "Please find enclosed our response."]),
            ),
        ),
        variant(
            base,
            "s251-cohort-file-included",
            "The participant cohort file (fictional, NHS numbers in the 999 test range) sent inside the "
            "evidence bundle: withheld unread.",
            ["DOC-009"],
            add_file("supporting/NIC-604512_cohort.csv", _cohort_csv),
        ),
        variant(
            base,
            "s251-request-only",
            "The data request alone, every document left out.",
            ["DOC-008"],
            drop(*(path for path, _ in base.docs)),
        ),
        variant(
            base,
            "s251-scanned-pdf",
            "A scanned declaration with no text layer.",
            ["DOC-002"],
            add("supporting/Caldicott declaration (scan).pdf", ScannedDeclaration()),
        ),
        variant(
            base,
            "s251-unclassifiable",
            "A steering committee agenda: kind other.",
            ["DOC-003"],
            add("meetings/SSC agenda May 2024.docx", Agenda(fmt="docx", date=day(2024, 5, 14))),
        ),
        variant(
            base,
            "s251-zip-slip",
            "A zip (members at its root) with a member whose path leaves the bundle.",
            ["DOC-001"],
            archive("zip-flat"),
            add_file("../outside-the-bundle.txt", b"This member's path escapes the archive.\n"),
        ),
        # Issue 16: facts read from the documents (support end, DSPT statements, commercial mentions).
        variant(
            base,
            "s251-data-beyond-support",
            "The application requests support until 31 March 2027; the request takes HES APC as future drops.",
            ["MIN-006"],
            edit(
                S251Application,
                extra=(
                    "The end date of the activity is 31 March 2027: support is requested until then, to allow "
                    "the final linkage and analysis.",
                ),
            ),
            request(lambda r: (r["datasets"][0].pop("end"), r["datasets"][0].update(release="future_drops"))),
        ),
        variant(
            base,
            "s251-dspt-not-current",
            "The request gives the controller no security; the CAG letter confirms only its 2022/23 DSPT, not "
            "current at 16 September 2024.",
            ["SEC-002"],
            request(lambda r: r["organisations"][0].pop("security")),
        ),
        variant(
            base,
            "s251-dspt-status-disagrees",
            "The request says the controller's 2023-24 DSPT met the standards; the annual review letter says "
            "Approaching Standards.",
            ["SEC-003"],
            request(lambda r: r["organisations"][0]["security"]["dspt"].update(year="2023-24")),
            edit(
                CagAnnualReview,
                extra=(
                    "Confirmed: The NHS England 2023/24 DSPT review for the University of Castlebridge was "
                    "confirmed as 'Approaching Standards' on the NHS England DSPT tracker.",
                ),
            ),
        ),
        variant(
            base,
            "s251-commercial-undeclared",
            "The protocol says the findings may be used for commercial purposes; the request is not commercial.",
            ["PUR-007"],
            edit(
                Protocol,
                extra=(
                    "The sponsor may use the study's findings for commercial purposes, including the development "
                    "of a paid-for asthma follow-up service.",
                ),
            ),
        ),
    ]


def consent_variants(base: Bundle) -> list[Bundle]:
    forms = [p for p, s in base.docs if isinstance(s, ConsentForm)]
    v1, v2 = forms[0], forms[1]
    pis_v3 = next(p for p, s in base.docs if isinstance(s, InfoSheet) and s.version == "3.0")
    no_contact = (
        edit(ConsentForm, contact=False),
        edit(InfoSheet, contact=False),
        edit(Protocol, contact=False),
        edit(PrivacyNotice, keep_in_touch=False),
        drop(WebPage),
    )
    return [
        variant(
            base,
            "consent-version-gap",
            "Consent form v1.0 states it was used March 2018 to April 2019; v2.0 "
            "is dated 3 June 2019: May 2019 is uncovered.",
            ["CON-001"],
            edit(v1, period=(month(2018, 3), month(2019, 4))),
        ),
        variant(
            base,
            "consent-cites-missing-pis",
            "Consent form v2.0 cites information sheet v2.1 (17/05/2019), which is not in the bundle.",
            ["CON-002"],
            edit(v2, cites_version="2.1", cites_date=day(2019, 5, 17)),
        ),
        # With every linkage passage gone, the consent materials no longer name any requested dataset either.
        variant(
            base,
            "consent-no-linkage",
            "No consent material mentions linkage to national records.",
            ["CON-003", "DATA-001"],
            edit(ConsentForm, linkage=False),
            edit(InfoSheet, linkage=False),
        ),
        variant(
            base,
            "consent-no-cohort-contact",
            "No newsletter, website or re-contact anywhere.",
            ["CON-004"],
            *no_contact,
        ),
        variant(
            base,
            "consent-opt-out-applied",
            "The request says the opt-out is applied to consented data.",
            ["NDOO-002"],
            _set("national_data_opt_out", "applied"),
        ),
        variant(
            base,
            "consent-dataset-not-named",
            "The request adds cancer registrations, which no consent material mentions.",
            ["DATA-001"],
            request(
                lambda r: (
                    r["datasets"].append(
                        {
                            "id": "cancer_registration",
                            "start": date(2018, 1, 1),
                            "end": date(2022, 12, 31),
                            "fields": DATASET_FIELDS["cancer_registration"],
                        }
                    ),
                    _flow("link")(r)["datasets"].append("cancer_registration"),
                )
            ),
        ),
        # CON-001..003 are skipped without a consent form.
        variant(base, "consent-no-forms", "No consent form.", ["LB-003"], drop("consent_form")),
        # The forms still cite information sheets that are now absent: CON-002 fires by its letter, but it
        # reports the same absence as LB-004, which the skip principle of checks.md tries to avoid.
        variant(
            base,
            "consent-no-pis",
            "No participant information sheet.",
            ["LB-004"],
            drop("participant_information_sheet"),
            allow=("CON-002",),
        ),
        variant(
            base,
            "consent-no-ethics",
            "No REC letter and no REC reference in the request.",
            ["PUR-003"],
            drop("rec_approval"),
            _set("research.rec_reference", None),
        ),
        variant(
            base,
            "consent-no-funding",
            "The request states no funding.",
            ["PUR-004"],
            _set("research.funding", None),
        ),
        variant(
            base,
            "consent-rec-ref-mismatch",
            "The request cites REC 18/EM/0024; the letter is 18/EM/0042.",
            ["PUR-005"],
            _set("research.rec_reference", "18/EM/0024"),
        ),
        variant(
            base,
            "consent-pn-no-source",
            "The transparency notice never names NHS England as a source.",
            ["PN-003"],
            edit(PrivacyNotice, source=False),
        ),
        variant(
            base,
            "consent-pn-no-rights",
            "The transparency notice says nothing of rights, objection or the ICO.",
            ["PN-006"],
            edit(PrivacyNotice, rights=False),
        ),
        variant(
            base,
            "consent-processor-india",
            "Worldwide territory; a processor in India and no transfer risk assessment.",
            ["TER-002", "TER-003"],
            _set("territory_of_use", "worldwide"),
            _add_org(
                {
                    "name": "Sahyadri Analytics Private Limited",
                    "roles": ["processor"],
                    "processing_locations": ["India"],
                }
            ),
        ),
        variant(
            base,
            "consent-eea-processor",
            "UK and EEA territory; a processor in Ireland.",
            ["TER-003"],
            _set("territory_of_use", "uk_eea"),
            _add_org(
                {
                    "name": "Liffey Data Services Limited",
                    "roles": ["processor"],
                    "processing_locations": ["Ireland"],
                }
            ),
        ),
        variant(
            base,
            "consent-sublicence-unjustified",
            "Sub-licensing planned with no justification.",
            ["SUB-001"],
            _set("sublicensing.planned", True),
        ),
        # A summary leaflet (an information sheet) with a version but no date; no form cites it, and an
        # undated document conflicts with no other version 1.0 (DOC-005).
        variant(
            base,
            "consent-undated-leaflet",
            "A summary leaflet, version 1.0, with no date.",
            ["DOC-004"],
            add("pis/KINGFISHER summary leaflet.pdf", InfoSheet(style=0, version="1.0", date=None)),
        ),
        variant(
            base,
            "consent-duplicate-version",
            "A large-print consent form also labelled version 2.0 but dated 10 September 2019.",
            ["DOC-005"],
            add(
                "consent/Consent form v2 LARGE PRINT.docx",
                ConsentForm(
                    fmt="docx",
                    style=2,
                    version="2.0",
                    date=day(2019, 9, 10),
                    cites_version="2.0",
                    cites_date=day(2019, 6, 3),
                    cites_style="slash",
                    label="large print",
                ),
            ),
        ),
        variant(
            base,
            "consent-duplicate-file",
            "The v3.0 information sheet twice, under two names.",
            ["DOC-006"],
            add("PIS_v3_final.pdf", doc(base, pis_v3)),
        ),
        variant(
            base,
            "consent-future-dated",
            "The protocol is version 5.0 of 2 April 2024, after the as-of date (18 March 2024).",
            ["DOC-007"],
            edit(
                Protocol,
                version="5.0",
                date=day(2024, 4, 2),
                history=(
                    ("3.0", "02 Nov 2020", "Remote follow-up"),
                    ("4.0", "12 Mar 2021", "Recruitment extended"),
                    ("5.0", "02 Apr 2024", "Extension of follow-up to 2030"),
                ),
            ),
        ),
        variant(
            base,
            "consent-zipped",
            "The consent baseline zipped on a Mac (__MACOSX/, .DS_Store): clean.",
            [],
            archive("zip"),
        ),
        variant(
            base,
            "consent-honorary-undeclared",
            "The protocol says the processor's statisticians access the linked data under honorary contracts; "
            "the request does not declare them.",
            ["HON-002"],
            edit(
                Protocol,
                extra=(
                    "Two statisticians employed by Albion Survey Services Ltd will access the linked data under "
                    "honorary contracts with the University of Kingsmere.",
                ),
            ),
        ),
        variant(
            base,
            "consent-records-period-exceeded",
            "The information sheets say NHS records are collected up to December 2021; the datasets run to 2023.",
            ["MIN-007"],
            edit(
                InfoSheet,
                extra=(
                    "If you agree, NHS England will send us information from your NHS hospital records up to the "
                    "end of December 2021.",
                ),
            ),
        ),
    ]


def _cohort_csv(b: Bundle) -> bytes:
    """A participant cohort file of the sample's own fictional participants (sample_docs/cohorts)."""
    from .cohorts import HEADERS, CohortSample, csv_text, participants

    return csv_text(CohortSample("cohort.csv", [], "", "", list(HEADERS), participants(6))).encode()


def all_bundles() -> list[Bundle]:
    s251, consent = capra(), kingfisher()
    return with_registers(
        [
            s251,
            consent,
            hipfit_ecc(),
            preterm_2013(),
            stroke_renumbered(),
            *s251_variants(s251),
            *consent_variants(consent),
            *s251_request_variants(s251),
            *consent_request_variants(consent),
        ]
    )
