"""Sample participant cohort files (`dars-evidence cohort FILE`) for the CAPRA study, and their keys.

Every participant is fictional: study IDs, NHS numbers in the 999 test range (check digit computed),
dates of birth in CAPRA's recruitment years, postcodes of the fictional Castlebridge's real-looking
form. `NIC-604512_cohort.csv` is clean against the `s251-baseline` bundle; each other file plants one
discrepancy (its `expect`), checked against that bundle or its request alone (`request`), as
`tests/test_sample_cohorts.py` runs them.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import random
from dataclasses import dataclass, field

from .baselines import capra
from .requests import to_yaml

HEADERS = ["UNIQUE_REFERENCE", "STATUS", "NHS_NO", "DATE_OF_BIRTH", "GENDER", "POSTCODE"]
BUNDLE = "../bundles/s251-baseline"
REQUEST = "../bundles/s251-baseline/request.yaml"
NO_COHORT_REQUEST = "requests/capra-no-cohort.yaml"


@dataclass
class CohortSample:
    name: str
    expect: list[str]
    request: str
    note: str
    headers: list[str] = field(default_factory=lambda: list(HEADERS))
    rows: list[list[str]] = field(default_factory=list)
    delimiter: str = ","


def nhs_number(rng: random.Random) -> str:
    """A number in the 999 test range with its modulus 11 check digit."""
    while True:
        nine = "999" + "".join(rng.choice("0123456789") for _ in range(6))
        check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        if check != 10:
            return nine + str(check % 11)


def participants(count: int = 24, seed: int = 604512) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1984, 2001)}"
        postcode = f"CB{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFHJNPRTW')}"
        rows.append([f"CAPRA-{index + 1:04d}", "add", nhs_number(rng), born, rng.choice("12"), postcode])
    return rows


def samples() -> list[CohortSample]:
    clean = participants()

    def edited(name, expect, request, note, change) -> CohortSample:
        sample = CohortSample(name, expect, request, note, rows=copy.deepcopy(clean))
        change(sample)
        return sample

    def add_column(header, values):
        def change(sample):
            sample.headers.append(header)
            for row, value in zip(sample.rows, values, strict=False):
                row.append(value)
            for row in sample.rows[len(values) :]:
                row.append("")

        return change

    def set_cell(row, column, value):
        def change(sample):
            sample.rows[row][column] = value

        return change

    return [
        CohortSample("NIC-604512_cohort.csv", [], BUNDLE, "Clean: the receive flow's identifiers.", rows=clean),
        edited("NIC-604512_tab-separated.csv", ["COH-001"], REQUEST, "Saved tab-separated.",
               lambda s: setattr(s, "delimiter", "\t")),
        edited("NIC-604512_no-status.csv", ["COH-002"], REQUEST, "The STATUS column left out.",
               lambda s: (s.headers.pop(1), [row.pop(1) for row in s.rows])),
        edited("NIC-604512_names.csv", ["COH-003"], REQUEST, "A FAMILY_NAME column: not in the receive flow.",
               add_column("FAMILY_NAME", ["Ashdown", "Brereton", "Calloway"])),
        edited("NIC-604512_gp-practice.csv", ["COH-003", "COH-004"], BUNDLE,
               "A GP_PRACTICE_CODE column: neither requested nor in the CAG support.",
               add_column("GP_PRACTICE_CODE", ["C81001", "C81002"])),
        edited("NIC-604512_clinical.csv", ["COH-005"], REQUEST, "A clinical column (FEV1 at last clinic).",
               add_column("FEV1 at last clinic", ["2.1", "1.8", "2.6"])),
        edited("NIC-604512_check-digit.csv", ["COH-006"], REQUEST, "An NHS number with a wrong check digit.",
               lambda s: s.rows[5].__setitem__(2, s.rows[5][2][:9] + str((int(s.rows[5][2][9]) + 1) % 10))),
        edited("NIC-604512_repeated-id.csv", ["COH-007"], REQUEST, "One study ID on an add row and a delete row.",
               lambda s: s.rows.append([s.rows[3][0], "delete", *s.rows[3][2:]])),
        edited("NIC-604512_same-person.csv", ["COH-008"], REQUEST, "One NHS number under two study IDs.",
               set_cell(9, 2, clean[2][2])),
        CohortSample("capra-cohort-final.csv", ["COH-009"], REQUEST, "The file name lacks NIC-604512.",
                     rows=copy.deepcopy(clean)),
        edited("NIC-604512_no-cohort-request.csv", ["COH-010"], NO_COHORT_REQUEST,
               "Checked against a request whose cohort.supplied is false.", lambda s: None),
    ]  # fmt: skip


def csv_text(sample: CohortSample) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sample.delimiter, lineterminator="\r\n")
    writer.writerow(sample.headers)
    writer.writerows(sample.rows)
    return out.getvalue()


def no_cohort_request() -> str:
    bundle = capra()
    request = {**copy.deepcopy(bundle.request), "submitted": bundle.as_of}
    request["cohort"]["supplied"] = False
    return to_yaml(request, bundle.study)


def files() -> dict[str, str]:
    """Every file of sample_docs/cohorts, by its path there."""
    written = {sample.name: csv_text(sample) for sample in samples()}
    written[NO_COHORT_REQUEST] = no_cohort_request()
    keys = {s.name: {"request": s.request, "as_of": "2024-09-16", "expect": s.expect, "note": s.note}
            for s in samples()}  # fmt: skip
    written["keys.json"] = json.dumps(keys, indent=2) + "\n"
    return written
