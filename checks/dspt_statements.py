"""DSPT statements (facts `dspt_statement`) about one organisation of the request: the sentence names
it, by a name that matches (checks.md, "names match"), or holds its name's folded words."""

from __future__ import annotations

import re

from checks.context import CheckContext
from extractors.names.org_names import names_match, normalise_org_name


def statements_about(ctx: CheckContext, organisation: str) -> list:
    wanted = normalise_org_name(organisation)
    found = []
    for fact in ctx.facts_named("dspt_statement"):
        named = (fact.detail or {}).get("organisations") or []
        if any(names_match(organisation, name) for name in named) or _in_words(wanted, fact.evidence.quote):
            found.append(fact)
    return found


def _in_words(wanted: str, quote: str) -> bool:
    return (
        bool(wanted)
        and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", normalise_org_name(quote)) is not None
    )
