"""Cues kept as data (extractors/data/*.yaml), read once and compiled as case-folded alternations."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from extractors.text.casefold import compile_folded


@cache
def cue_file(name: str) -> dict:
    """The parsed YAML file `extractors/data/<name>.yaml`."""
    return yaml.safe_load(resources.files("extractors.data").joinpath(f"{name}.yaml").read_text("utf-8"))


def any_of(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `phrases` (regular expressions)."""
    return compile_folded("|".join(f"(?:{phrase})" for phrase in phrases), re.IGNORECASE)
