"""Where a processing location lies: a UK nation, the UK as a whole, the EEA, an adequate country, elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

TERRITORIES = {
    "england_wales": {"england", "wales", "england_wales"},
    "uk": {"england", "wales", "england_wales", "scotland", "northern_ireland", "uk_wide"},
    "uk_eea": {"england", "wales", "england_wales", "scotland", "northern_ireland", "uk_wide", "eea"},
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    region: str  # england, wales, england_wales, scotland, northern_ireland, uk_wide, eea, adequate, partial, unknown

    @property
    def in_uk(self) -> bool:
        return self.region in ("england", "wales", "england_wales", "scotland", "northern_ireland", "uk_wide")

    @property
    def adequate(self) -> bool:
        """UK adequacy regulations cover it (the UK itself needs none)."""
        return self.in_uk or self.region in ("eea", "adequate")


def _fold(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s&]", " ", name.lower()).split())


@cache
def _index() -> dict[str, str]:
    data = yaml.safe_load(resources.files("checks.data").joinpath("places.yaml").read_text("utf-8"))
    index: dict[str, str] = {}
    for nation, names in data["uk_nations"].items():
        index.update({_fold(n): nation for n in names})
    for region in ("uk_wide", "eea", "adequate", "partial"):
        index.update({_fold(n): region for n in data[region]})
    index.update({_fold(n): "unknown" for n in data["elsewhere"]})
    return index


def place(name: str) -> Place:
    folded = _fold(name)
    index = _index()
    if folded in index:
        return Place(name, index[folded])
    # "Leeds, England", "Azure UK South", "Frankfurt (Germany)": the last known word wins.
    for word in reversed(re.split(r"[,()/;]| - ", folded)):
        word = word.strip()
        if word in index:
            return Place(name, index[word])
    tokens = folded.split()
    for size in (3, 2, 1):
        for start in range(len(tokens) - size, -1, -1):
            candidate = " ".join(tokens[start : start + size])
            if candidate in index and candidate not in ("us", "ni", "gb", "eu"):
                return Place(name, index[candidate])
    return Place(name, "unknown")


def within(territory: str, location: Place) -> bool:
    if territory == "worldwide":
        return True
    return location.region in TERRITORIES[territory]
