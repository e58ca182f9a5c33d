"""Organisations and the roles documents give them: controller, processor, applicant, sponsor.

S251-008 compares the controllers a CAG letter names with the request's; PN-002 looks for each
controller in the privacy notices. Names come from `org_mentions` (NHS England and its predecessors
are one body, "NHS England", with the name as written kept as `as_written`), roles from
`org_roles`. Each mention is a fact `organisation` {"name", "role"}; the summary lists each name
and role once, and drops "mentioned" for a name that has a role. Acronyms a document defines are
recorded as `organisation_acronym`.
"""

from __future__ import annotations

import re

from extractors.facts import DocumentFacts
from extractors.names.controller_names import controller_names
from extractors.names.org_mentions import NAME_CONTINUES, may_name_organisation, organisation_mentions
from extractors.names.org_roles import roles_of
from extractors.record import FactRecorder, append_unique
from extractors.text.spans import join_soft_breaks
from pipeline.model import Document

CONTROLLER_WORD = re.compile(r"(?i)controller")

__all__ = ["extract_organisations", "organisation_mentions", "roles_of"]


def extract_organisations(document: Document, facts: DocumentFacts) -> None:
    recorder = FactRecorder(document, facts, "organisations")
    acronyms: dict[str, str] = {}
    for block in document.parsed.blocks:
        if not (acronyms or may_name_organisation(block.text)):
            continue
        text = NAME_CONTINUES.sub(" ", join_soft_breaks(block.text))
        mentions = organisation_mentions(text, acronyms)
        for mention in mentions:
            if mention.pattern == "acronym-definition":
                acronym = text[mention.start : mention.end].rsplit("(", 1)[1].strip(" )\"'“”‘’")
                recorder.add(
                    "organisation_acronym",
                    {"acronym": acronym, "name": mention.name},
                    block,
                    mention.start,
                    mention.end,
                    "definition",
                )
        named = controller_names(text) if CONTROLLER_WORD.search(text) else []
        for mention, role, cue in roles_of(text, mentions, block):
            roles = [(role, cue)]
            # The controller statements `controller_names` reads ("The data controllers for this
            # activity are A and B", "X, as sponsor, ... will act as the data controller") give the
            # controller role where the word patterns of `org_roles` do not, beside any other role.
            hit = next((n for n in named if n.start < mention.end and mention.start < n.end), None)
            if hit is not None and role != "controller":
                roles = [*([] if role == "mentioned" else roles), ("controller", hit.cue)]
            for role, cue in roles:
                value = {"name": mention.name, "role": role}
                if mention.written != mention.name:
                    value["as_written"] = mention.written
                span = (min(mention.start, cue[0]), max(mention.end, cue[1])) if cue else None
                pattern = f"{role}-{mention.pattern}" if cue else mention.pattern
                recorder.add(
                    "organisation", value, block, mention.start, mention.end, pattern, quote_span=span
                )
                append_unique(facts.organisations, {"name": mention.name, "role": role})
    with_roles = {org["name"] for org in facts.organisations if org["role"] != "mentioned"}
    facts.organisations[:] = [
        org for org in facts.organisations if org["role"] != "mentioned" or org["name"] not in with_roles
    ]
