"""Generated cohort files in the shapes of domain.md ("The cohort file"): the template's headers,
valid NHS numbers (check digit computed), day-first and ISO dates, well-formed postcodes. Every
participant value is distinctive, so a test can search any output for each of them."""

from __future__ import annotations

import csv
import io
import random
import string
from dataclasses import dataclass, field

HEADERS = ("UNIQUE_REFERENCE", "STATUS", "NHS_NO", "DATE_OF_BIRTH", "GENDER", "POSTCODE")
POSTCODE_AREAS = ("LS", "BS", "M", "B", "CF", "EH", "NE", "SW", "EC", "KT")


def nhs_number(rng: random.Random) -> str:
    """A valid NHS number, its check digit computed (modulus 11)."""
    while True:
        nine = "".join(rng.choice(string.digits) for _ in range(9))
        check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10 and len(set(nine + str(check))) > 1:
            return nine + str(check)


def postcode(rng: random.Random) -> str:
    area = rng.choice(POSTCODE_AREAS)
    inward = rng.choice(string.digits) + "".join(rng.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2))
    return f"{area}{rng.randint(1, 19)} {inward}"


def birth_date(rng: random.Random, day_first: bool) -> str:
    year, month, day = rng.randint(1930, 2005), rng.randint(1, 12), rng.randint(1, 28)
    return f"{day:02d}/{month:02d}/{year}" if day_first else f"{year}-{month:02d}-{day:02d}"


@dataclass
class GeneratedCohort:
    text: str
    values: list[str] = field(default_factory=list)  # every participant value written (not headers)


def cohort_csv(
    rows: int = 40,
    seed: int = 16,
    extra: list[list[str]] | None = None,
    header: bool = True,
    other_column: bool = False,
) -> GeneratedCohort:
    """A cohort CSV: a header row (unless `header` is false), `rows` clean participants, then `extra` rows
    as given (for planted problems). With `other_column`, a clinical column the template lacks."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    headers = [*HEADERS, "HbA1c result"] if other_column else list(HEADERS)
    if header:
        writer.writerow(headers)
    generated = GeneratedCohort("")
    for index in range(rows):
        row = [
            f"KF{seed:02d}-{index:05d}-{rng.randint(100, 999)}",
            "add",
            nhs_number(rng),
            birth_date(rng, day_first=index % 2 == 0),
            rng.choice(["1", "2", "F", "M"]),
            postcode(rng),
        ]
        if other_column:
            row.append(f"{rng.randint(30, 90)}.{rng.randint(1, 9)} mmol/mol")
        writer.writerow(row)
        generated.values.extend(row)
    for row in extra or []:
        writer.writerow(row)
        generated.values.extend(row)
    generated.text = out.getvalue()
    return generated
