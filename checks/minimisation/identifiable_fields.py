"""Dataset field names that are identifiable items (domain.md), read from checks/data."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def _index() -> dict[str, str]:
    data = yaml.safe_load(
        resources.files("checks.data").joinpath("identifiable_fields.yaml").read_text("utf-8")
    )
    return {name.casefold(): item for item, names in data.items() for name in names}


def identifier_of_field(field: str) -> str | None:
    """The identifier a field name carries (`newnhsno` → nhs_number, "Date of birth" → date_of_birth), or
    None for an analysis field."""
    return _index().get(re.sub(r"[\s-]+", "_", field.strip().casefold()))
