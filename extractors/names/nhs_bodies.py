"""NHS England and its predecessors for this data: one body under several names.

NHS Digital was merged into NHS England on 1 February 2023; it had been the Health and Social
Care Information Centre (HSCIC) from April 2013, and before that the NHS Information Centre.
Letters, forms and notices of every era name any of them.
"""

from __future__ import annotations

import re

from extractors.text.casefold import compile_folded

NHS_ENGLAND = "NHS England"
PREDECESSORS = ("NHS Digital", "HSCIC", "Health and Social Care Information Centre", "NHS Information Centre")

NHS_BODY = compile_folded(
    r"\b(?:NHS\s+England(?:\s+and\s+Improvement)?|NHSE(?!\w)|NHS\s*Digital|NHSD(?!\w)|HSCIC|NHS\s+IC(?!\w)|"
    r"Health\s+and\s+Social\s+Care\s+Information\s+Cent(?:re|er)|"
    r"NHS\s+Information\s+Cent(?:re|er)(?:\s+for\s+[Hh]ealth\s+and\s+[Ss]ocial\s+[Cc]are)?|"
    r"Information\s+Centre\s+for\s+Health\s+and\s+Social\s+Care)",
    re.IGNORECASE,
)


def canonical_body(name: str) -> str:
    """'NHS England' for NHS England itself, else the predecessor's short name."""
    folded = " ".join(name.lower().split()).removeprefix("the ")
    if folded in ("nhs england", "nhse", "nhs england and improvement"):
        return NHS_ENGLAND
    if folded in ("nhs digital", "nhsdigital", "nhsd"):
        return "NHS Digital"
    if "social care information" in folded or folded == "hscic":
        return "HSCIC"
    return "NHS Information Centre"


def is_predecessor(name: str) -> bool:
    return canonical_body(name) != NHS_ENGLAND
