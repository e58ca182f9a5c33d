"""Where a storage entry puts the data, and which cloud provider it names (domain.md, "Storage and cloud
regions"): the provider's region table, read from checks/data/cloud_regions.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from pipeline.request_model import Storage


@dataclass(frozen=True, slots=True)
class Provider:
    name: str
    stems: tuple[str, ...]
    regions: dict[str, str]  # folded code or display name -> place


def _fold_region(text: str) -> str:
    """Case and spaces folded: "UK South" and "uksouth" are one region."""
    return re.sub(r"\s+", "", text.casefold())


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def folded_place(name: str) -> str:
    """A place's name folded for comparison: "Dublin, Ireland" ends in "ireland"."""
    return _words(name)


@cache
def providers() -> tuple[Provider, ...]:
    data = yaml.safe_load(resources.files("checks.data").joinpath("cloud_regions.yaml").read_text("utf-8"))
    return tuple(
        Provider(
            name,
            tuple(entry["stems"]),
            {_fold_region(region): row["place"] for row in entry["regions"] for region in row["names"]},
        )
        for name, entry in data.items()
    )


def holds_stem(name: str, provider: Provider) -> bool:
    """True when `name` holds one of the provider's stems as whole words ("Microsoft Limited")."""
    words = f" {_words(name)} "
    return any(f" {stem} " in words for stem in provider.stems)


def known_provider(name: str | None) -> Provider | None:
    """The provider of domain.md that a storage entry's `provider` names, if any."""
    if not name:
        return None
    return next((provider for provider in providers() if holds_stem(name, provider)), None)


def storage_place(entry: Storage) -> str | None:
    """The place a storage entry puts the data: the country its provider's `region` lies in; else
    its `location`; else None (unknown). A region is sought in its provider's table first, then in the
    others (a provider not named, or a display name another provider uses: "London")."""
    if entry.region:
        provider = known_provider(entry.provider)
        folded = _fold_region(entry.region)
        for table in ((provider,) if provider else ()) + providers():
            if folded in table.regions:
                return table.regions[folded]
    return entry.location
