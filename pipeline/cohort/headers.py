"""The cohort file's recognised headers and their roles (bundle.md, "The cohort file").

One place for the recognition: `dars-evidence cohort` names each column's role from it, and the
readers use its identifier roles to withhold a cohort file found in a bundle (DOC-009). Headers are
compared as for the CAG register: folded (case, spaces, underscores, hyphens and other punctuation
dropped), equal to a name, or a name followed by a bracket ("DOB (dd/mm/yyyy)").
"""

from __future__ import annotations

import re

# Participant identifier columns: the roles are the identifier vocabulary's ids (domain.md).
IDENTIFIER_HEADERS = {
    **dict.fromkeys(("nhsno", "nhsnumber", "newnhsno"), "nhs_number"),
    **dict.fromkeys(
        ("familyname", "surname", "lastname", "givenname", "forename", "firstname", "othergivenname",
         "middlename", "name", "fullname"),
        "name",
    ),
    **dict.fromkeys(("dateofbirth", "dob", "birthdate"), "date_of_birth"),
    **dict.fromkeys(("dateofdeath", "dod"), "date_of_death"),
    **dict.fromkeys(("gender", "sex"), "sex"),
    **dict.fromkeys(("postcode",), "postcode"),
    **dict.fromkeys(
        ("address", "addressdate", *(f"addressline{n}" for n in range(1, 6))), "address"
    ),
    **dict.fromkeys(("gppracticecode", "gppractice", "practicecode"), "gp_practice"),
    **dict.fromkeys(("localpatientid", "localpatientidentifier", "hospitalnumber", "mrn"), "hospital_number"),
}  # fmt: skip

# Administrative columns: what NHS England needs to handle a row, not to identify a person.
ADMIN_HEADERS = {
    **dict.fromkeys(
        ("uniquereference", "uniqueref", "studyid", "participantid", "recordid"), "unique_reference"
    ),
    "status": "status",
    "personmindate": "min_date",
    "personmaxdate": "max_date",
}
ROLE_OF_HEADER = {**IDENTIFIER_HEADERS, **ADMIN_HEADERS}

IDENTIFIER_ROLES = tuple(dict.fromkeys(IDENTIFIER_HEADERS.values()))
MANDATORY_ROLES = ("unique_reference", "status", "date_of_birth")
# The roles whose presence, with another identifier column, makes a first row a cohort file's.
STRONG_ROLES = frozenset({"nhs_number", "name", "date_of_birth"})
OTHER = "other"

FOLD = re.compile(r"[\W_]+")
BRACKET = re.compile(r"[(\[{]")


def fold(header: str) -> str:
    return FOLD.sub("", header.lower())


def header_role(header: str) -> str:
    """The role of one header (`nhs_number`, `unique_reference`, ...), or `other`."""
    role = ROLE_OF_HEADER.get(fold(header))
    if role is None:
        head = BRACKET.split(header, maxsplit=1)
        if len(head) == 2:
            role = ROLE_OF_HEADER.get(fold(head[0]))
    return role or OTHER


def identifier_roles(headers: list[str]) -> list[str]:
    """The identifier roles of a first row when they make it a cohort file's: at least two identifier
    columns, one of them an NHS number, a name or a date of birth. Else []."""
    roles = [role for role in map(header_role, headers) if role in IDENTIFIER_ROLES]
    if len(roles) >= 2 and STRONG_ROLES & set(roles):
        return list(dict.fromkeys(roles))
    return []
