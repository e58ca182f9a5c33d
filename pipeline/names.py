"""Names beside ids: `hes_apc` as "HES Admitted Patient Care", `date_of_birth` as "date of birth".

Checks write the contract's ids into their messages (the JSON keeps them so, for scripts); the
views and the list of what to ask show people names. The names come from the vocabularies the
extractors already read (extractors/data), so a dataset added there is named here too:

- an identifier: the first phrasing of its vocabulary ("NHS number");
- a dataset: the first name in the gazetteer, a HES part as "HES " and its first name;
- a legal basis and a document kind: the few words below.

Only ids with an underscore, and dataset ids no English word shares, are replaced in free text, so
"deaths" or "did" in a sentence stay as they are.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

import extractors

DATA = Path(extractors.__file__).resolve().parent / "data"

BASES = {
    "section_251": "section 251 support",
    "consent": "consent",
    "statutory": "a statutory basis",
    "not_confidential": "data that are not confidential",
}
# Dataset names the gazetteer lists first in a participant's words, or in the singular.
DATASET_NAMES = {"hes_op": "HES Outpatients", "births": "Civil Registrations of Births"}
# Ids that are also English words: replaced only where the id is plainly an id (see `humanise`).
ENGLISH = {
    "deaths", "births", "demographics", "did", "name", "address", "postcode", "sex", "consent", "statutory",
}  # fmt: skip


@cache
def names() -> dict[str, str]:
    """Every id the views name, with its name."""
    identifiers = yaml.safe_load((DATA / "identifiers.yaml").read_text(encoding="utf-8"))["vocabulary"]
    datasets = yaml.safe_load((DATA / "datasets.yaml").read_text(encoding="utf-8"))
    named = {key: phrases[0] for key, phrases in identifiers.items() if phrases}
    for key, entry in (datasets.get("datasets") or {}).items():
        words = (entry or {}).get("names") or (entry or {}).get("abbreviations") or []
        if words:
            named[key] = words[0]
    for key, entry in ((datasets.get("hes") or {}).get("parts") or {}).items():
        named[key] = "HES " + entry["names"][0]
    named.update(DATASET_NAMES)
    named["hes_*"] = "every HES dataset"
    named.update(BASES)
    return named


def name_of(identifier: str) -> str:
    """The name of an id, else the id itself."""
    return names().get(identifier, identifier)


def with_name(identifier: str) -> str:
    """An id as a reader meets it: the name alone where it only spells the id out ("date of birth"),
    else the name with the id after it ("HES Admitted Patient Care (hes_apc)")."""
    name = name_of(identifier)
    if name == identifier or _spelt_out(name, identifier) or identifier in BASES:
        return name
    return f"{name} ({identifier})"


def _spelt_out(name: str, identifier: str) -> bool:
    return name.lower() == identifier.replace("_", " ").lower()


@cache
def _id_pattern() -> re.Pattern[str]:
    replaceable = sorted((key for key in names() if key not in ENGLISH), key=len, reverse=True)
    alternatives = "|".join(re.escape(key) for key in replaceable)
    # whole ids only: not inside a longer word, a path (cag/section_251.pdf) or a dotted field
    return re.compile(rf"(?<![\w/.\-])({alternatives})(?![\w/\-]|\.\w)")


def humanise(text: str) -> str:
    """`text` with the ids in it named, starting with a capital letter.

    The dataset ids that are also words ("deaths") are named only where a sentence opens with one
    ("deaths is requested ..."), which no English sentence does."""
    if not text:
        return text
    text = _id_pattern().sub(lambda match: with_name(match.group(1)), text)
    first = text.split(" ", 1)
    if first[0] in ENGLISH and first[0] in names() and len(first) > 1 and first[1].startswith("is "):
        text = f"{with_name(first[0])} {first[1]}"
    return capitalised(text)


def capitalised(text: str) -> str:
    """The first letter upper-cased, unless the text opens with an id or a file name kept as written."""
    if not text or not text[0].islower():
        return text
    head = text.split(" ", 1)[0].rstrip(".:,;")
    if any(mark in head for mark in ("_", "/", ".")):
        return text
    return text[0].upper() + text[1:]
