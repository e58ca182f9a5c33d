"""Lists whose items share one head noun ("cancer and death registries", "NHS and hospital numbers").

A list pattern tried at every position of a long block is slow, so the lists are found from their
heads back: at each head noun with a coordinator ("and", "or", "&") in the words before it, the list
pattern (written to end at the head) is searched in that stretch only. Datasets and identifiers
each give their own head nouns and list pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def lists_ending_at_heads(
    text: str, heads: re.Pattern[str], ending: re.Pattern[str], reach: int, coordinator: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of `ending` (a list pattern anchored with `$`) that end at a match of `heads`
    and start at most `reach` characters before it, without overlaps, in order."""
    position = 0
    for head in heads.finditer(text):
        if head.start() < position:
            continue
        start = max(position, head.start() - reach)
        if not coordinator.search(text, start, head.start()):
            continue
        match = ending.search(text, start, head.end())
        if match is not None:
            position = match.end()
            yield match
