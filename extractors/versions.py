"""Version numbers as documents write them: "Version 2.0", "v1.1", "Ver. 3", "version no: 2.1".

The value is kept as written, without the "v" or "version" ("2.1"). Whether a version is the
document's own, a template's, or another document's (a consent form citing its information sheet)
is decided by `extractors.own_version_date`, which sees the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = re.compile(
    r"(?<![A-Za-z])(?:version|vers\.|ver\.?|v)\s*(?:no\.?|number|num\.?)?\s*[:#]?\s*"
    r"(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\d/])(?!\.\d)",
    re.IGNORECASE,
)
# "v" alone needs the number right after it (v2.0, V 3) and no letter before: not "Nov 2019",
# not "rev 2". Words that end in v (e.g. "Kyiv 2") are excluded by the lookbehind.
BARE_V = re.compile(r"(?<![A-Za-z])v\s?\d", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class VersionMention:
    start: int
    end: int
    value: str
    text: str


def find_versions(text: str) -> list[VersionMention]:
    found = []
    for match in VERSION.finditer(text):
        word = match.group(0)
        if (
            word[:1].lower() == "v"
            and not word.lower().startswith(("ver", "vers"))
            and not BARE_V.match(word)
        ):
            continue
        value = match.group(1)
        if _is_year(value):
            continue  # "version 2019" is a date-like label, not a version number
        found.append(VersionMention(match.start(), match.end(), value, word))
    return found


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4
