"""Words shared by the document texts: how identifiers and datasets are named (formally and to
participants), the era-appropriate name of NHS England, and list joining."""

from __future__ import annotations

from datetime import date

from ..dates import DocDate

IDENTIFIER_NAMES = {
    "nhs_number": "NHS number",
    "name": "name",
    "address": "address",
    "postcode": "postcode",
    "date_of_birth": "date of birth",
    "date_of_death": "date of death",
    "sex": "sex",
    "gp_practice": "GP practice",
    "hospital_number": "hospital number",
}

IDENTIFIER_FORMAL = {
    **IDENTIFIER_NAMES,
    "name": "full name",
    "postcode": "postcode",
    "address": "home address",
    "sex": "sex",
}

DATASET_FORMAL = {
    "hes_apc": "Hospital Episode Statistics (HES) Admitted Patient Care",
    "hes_op": "HES Outpatients",
    "hes_ae": "HES Accident and Emergency",
    "hes_cc": "HES Critical Care",
    "deaths": "Civil Registration – Deaths",
    "demographics": "Personal Demographics Service (PDS)",
    "cancer_registration": "National Cancer Registration Dataset",
    "mhsds": "Mental Health Services Data Set (MHSDS)",
}

DATASET_LAY = {
    "hes_apc": "hospital admissions",
    "hes_op": "outpatient appointments",
    "hes_ae": "visits to A&E",
    "deaths": "death registrations",
    "demographics": "NHS registration details",
    "cancer_registration": "the cancer registry",
    "mhsds": "mental health records",
}

MERGER = date(2023, 2, 1)
NHS_DIGITAL_BRAND = date(2016, 8, 1)
HSCIC_START = date(2013, 4, 1)


def body_at(when: DocDate | date, short: bool = False) -> str:
    """The name a document of that date gives to the body that is now NHS England."""
    d = when.day if isinstance(when, DocDate) else when
    if d >= MERGER:
        return "NHS England"
    if d >= NHS_DIGITAL_BRAND:
        return "NHS Digital"
    if d >= HSCIC_START:
        return "HSCIC" if short else "the Health and Social Care Information Centre (HSCIC)"
    return "the NHS IC" if short else "the NHS Information Centre for health and social care (NHS IC)"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def join(items, last: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def ids(identifiers, formal: bool = False) -> str:
    names = IDENTIFIER_FORMAL if formal else IDENTIFIER_NAMES
    return join(names[i] for i in identifiers)


def datasets_formal(datasets, old: bool = False) -> list[str]:
    """Formal dataset names, the HES ones folded into one phrase as letters write them; ``old`` gives the
    names of the NHS Information Centre era (HES inpatient data, ONS mortality data through MRIS)."""
    hes = [d for d in datasets if d.startswith("hes_")]
    parts = []
    if hes and old:
        kinds = {"hes_apc": "inpatient", "hes_op": "outpatient", "hes_ae": "A&E", "hes_cc": "critical care"}
        parts.append(f"Hospital Episode Statistics (HES) {join(kinds[d] for d in hes)} data")
    elif hes:
        kinds = {
            "hes_apc": "Admitted Patient Care",
            "hes_op": "Outpatients",
            "hes_ae": "Accident and Emergency",
            "hes_cc": "Critical Care",
        }
        parts.append(f"Hospital Episode Statistics (HES): {join(kinds[d] for d in hes)}")
    for d in datasets:
        if d == "deaths" and old:
            parts.append("ONS mortality data (through the Medical Research Information Service)")
        elif not d.startswith("hes_"):
            parts.append(DATASET_FORMAL[d])
    return parts
