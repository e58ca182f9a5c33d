"""Version numbers as documents write them: "Version 2.0", "v1.1", "Ver. 3", "version no: 2.1".

The value is kept as written, without the "v" or "version" ("2.1"). Whether a version is the
document's own, a template's, or another document's (a consent form citing its information sheet)
is decided by `extractors.own_version_date`, which sees the context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.text.casefold import compile_folded

# UK documents label versions "Version 2.0", "Ver. 3", "v2.0", "v.3", "Rev. 2", "Revision 4" and
# "Issue 2"; the label is kept so that a newsletter's issue number, an edition rather than a
# version, can be told apart by the caller.
VERSION = compile_folded(
    r"(?<![A-Za-z0-9])(?P<label>version|vers\.|ver\.?|v\.?|revision|rev\.?|issue)\s*(?:no\.?|number|num\.?)?\s*[:#]?\s*"
    r"(?P<value>\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\d/])(?!\.\d)",
    re.IGNORECASE,
)
# A label inside a code is no label: "DARS-NIC-682588-Z0V8G" and the postcode "SW1V 6AB" hold no
# version, so a label may not follow a letter or a digit.
# "v" alone needs the number right after it (v2.0, V 3, v.3) and no letter before: not "Nov
# 2019". Words that end in v (e.g. "Kyiv 2") are excluded by the lookbehind.
BARE_V = compile_folded(r"(?<![A-Za-z])v\.?\s?\d", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class VersionMention:
    start: int
    end: int
    value: str
    text: str
    label: str = "version"  # version, revision or issue

    @property
    def is_issue(self) -> bool:
        return self.label == "issue"


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
        value = match.group("value")
        if _is_year(value):
            continue  # "version 2019" is a date-like label, not a version number
        label = match.group("label").lower()
        kind = "issue" if label == "issue" else "revision" if label.startswith("rev") else "version"
        found.append(VersionMention(match.start(), match.end(), value, word, kind))
    return found


def _is_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4
