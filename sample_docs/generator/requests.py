"""The data request (``request.yaml``) of each study, as a plain dict that variants edit, and its YAML."""

from __future__ import annotations

from datetime import date

import yaml

from .studies import Study

PURPOSES = {
    "capra": "To describe hospital admissions, outpatient care and deaths in adult life among people who were "
    "treated for asthma in childhood at the Castlebridge Children's Hospital paediatric asthma clinic "
    "between 1990 and 2005, and to compare their rates with those of the general population of England, "
    "so that follow-up care for children with asthma can be planned.",
    "kingfisher": "To follow adults admitted to Kingsmere General Hospital with heart failure, who consented to "
    "the KINGFISHER cohort study, through their hospital admissions, outpatient appointments and "
    "deaths, to find out who is readmitted or dies and why, and to improve care after discharge.",
    "hipfit": "To measure survival and readmission to hospital in the years after a hip fracture among people "
    "aged 65 and over who were treated at Wexcombe Royal Infirmary between 2004 and 2009.",
    "preterm": "To describe emergency hospital admissions and emergency department attendances during childhood "
    "among children born before 32 weeks of gestation in the Northfold Neonatal Network between 2008 "
    "and 2012.",
    "stroke": "To measure recurrent stroke, readmission to hospital and survival after a first-ever stroke among "
    "adults on the Westmarch Stroke Register (2005 to 2015).",
}

REFERENCES = {
    "capra": "DARS-NIC-604512-K7M2Q",
    "kingfisher": "DARS-NIC-512288-P3V9D",
    "hipfit": "DARS-NIC-148802-H4F6J",
    "preterm": "DARS-NIC-290415-N8C2R",
    "stroke": "DARS-NIC-381164-W2T8B",
}

DATASET_START = {"hes_apc": 4, "hes_op": 4, "hes_ae": 4, "deaths": 1, "demographics": 4}


def dspt_year(day: date) -> str:
    """The DSPT assessment year (a financial year) that holds ``day``: current at it (checks.md)."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def assured(submitted: date) -> dict:
    """Security assurance that holds at submission: a DSPT of Standards Met for the current year."""
    return {"dspt": {"status": "standards_met", "year": dspt_year(submitted)}}


def request_for(study: Study, submitted: date, datasets: tuple[str, ...] | None = None) -> dict:
    datasets = datasets or study.datasets
    controller = study.controller.name
    y0, y1 = study.data_years
    legal = {"common_law": study.basis}
    if study.basis == "section_251":
        legal["cag_reference"] = study.cag_ref
    legal.update({"gdpr_article_6": "6(1)(e)", "gdpr_article_9": "9(2)(j)"})
    req = {
        "reference": REFERENCES[study.key],
        "title": study.title,
        "submitted": submitted,
        "purpose": PURPOSES[study.key],
        "purpose_category": "research",
        "commercial": False,
        "public_benefit": None,
        "research": {"rec_reference": study.rec_ref, "funding": f"{study.funder} grant {study.grant}"},
        "legal_basis": legal,
        "national_data_opt_out": "applied" if study.basis == "section_251" else "not_applied",
        "identifiers": list(study.linkage_ids),
        "cohort": {"supplied": True},
        "datasets": [
            {
                "id": d,
                "start": date(y0, DATASET_START.get(d, 4), 1),
                "end": date(2020, 3, 31) if d == "hes_ae" else date(y1, 3, 31),
            }
            for d in datasets
        ],
        "flows": [
            {"action": "receive", "counterparty": controller, "identifiers": list(study.linkage_ids)},
            {"action": "link", "datasets": list(datasets), "identifiers": list(study.linkage_ids)},
            {"action": "disseminate", "counterparty": controller, "identifiers": []},
        ],
        "organisations": [
            {
                "name": controller,
                "roles": ["controller"],
                "dsfc": True,
                "processing_locations": ["England" if study.processor_place != "Wales" else "Wales"],
                "security": assured(submitted),
            }
        ],
        "territory_of_use": "uk",
        "sublicensing": {"planned": False, "justification": None},
    }
    if study.recruitment:
        req["cohort"].update(
            {"recruitment_start": study.recruitment[0], "recruitment_end": study.recruitment[1]}
        )
    else:
        req["cohort"].update(
            {
                "recruitment_start": date(study.cohort_years[0], 1, 1),
                "recruitment_end": date(study.cohort_years[1], 12, 31),
            }
        )
    if study.processor:
        req["organisations"].append(
            {
                "name": study.processor,
                "roles": ["processor"],
                "processing_locations": [study.processor_place],
                "security": assured(submitted),
            }
        )
    return req


def to_yaml(req: dict, study: Study) -> str:
    head = f"# DARS data request: {study.acronym}\n# exported from the applicant's DARS Online draft\n"
    return head + yaml.safe_dump(
        req, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
