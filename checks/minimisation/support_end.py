"""The support end of section 251 support (checks.md): the latest date on which a CAG letter states
that support expires or is given until; where no letter states one, the end of the activity that the
s251 application states. None when neither states an end: support with no stated end does not expire."""

from __future__ import annotations

from datetime import date

from checks.context import CAG_LETTER_KINDS, CheckContext
from checks.dates import last_day


def support_end(ctx: CheckContext) -> tuple[date, object] | None:
    """(the end, the fact that states it), or None."""
    for facts in (
        ctx.facts_named("support_expires", *CAG_LETTER_KINDS),
        ctx.facts_named("activity_end", "s251_application"),
    ):
        if facts:
            latest = max(facts, key=lambda fact: last_day(fact.value))
            return last_day(latest.value), latest
    return None
