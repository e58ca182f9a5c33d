"""Which column of a register sheet plays which role, by its header (bundle.md, "The CAG register").

The recognised headers are data (`headers.yaml`). A header is folded (case, spaces, underscores,
hyphens and other punctuation dropped) and matches a name when it equals it, or begins with it and
goes on with a bracket: "Next review date (dd/mm/yyyy)" is the next review date.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).with_name("headers.yaml")
_DATA = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))

ROLES: tuple[str, ...] = tuple(_DATA)
HEADERS: dict[str, tuple[str, ...]] = {role: tuple(spec["headers"]) for role, spec in _DATA.items()}
NEEDED_BY: dict[str, tuple[str, ...]] = {role: tuple(spec["needed_by"]) for role, spec in _DATA.items()}
MEANINGFUL = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """'Next_Review-Date ' and 'next review date' fold alike: letters and digits only, lower case."""
    return "".join(MEANINGFUL.findall(str(text).casefold()))


_FOLDED: dict[str, str] = {fold(name): role for role, names in HEADERS.items() for name in names}


def role_of(header: object) -> str | None:
    """The role a header names, or None. 'Next review date (dd/mm/yyyy)' names the next review date."""
    if header is None:
        return None
    text = " ".join(str(header).split())
    if not text:
        return None
    whole = _FOLDED.get(fold(text))
    if whole:
        return whole
    before_bracket = re.split(r"[(\[{]", text, maxsplit=1)
    if len(before_bracket) == 2:
        return _FOLDED.get(fold(before_bracket[0]))
    return None


def roles_needed_by(code: str) -> tuple[str, ...]:
    """The roles a check reads: REG-002 needs the reference and the next review date."""
    return tuple(role for role in ROLES if code in NEEDED_BY[role])
