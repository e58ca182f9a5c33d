"""The role a document gives an organisation: controller, processor, applicant or sponsor.

A role is given by a cue next to the name with nothing but linking words between: "X is the data
controller", "X (data processor)", "X, acting as processor", "Sponsor: X", "This application from
X", "X and Y are joint controllers". A singular verb does not spread a role over two names ("The
sponsor is A and B is the controller"). A negated cue gives no role; anything else is "mentioned".
"""

from __future__ import annotations

import re

from extractors.names.org_mentions import OrgMention
from extractors.names.org_vocabulary import (
    ANY_ROLE_CUE,
    APPOSITION_WORDS,
    COPULAS,
    LABEL_PUNCTUATION,
    LINK_WORDS,
    ROLE_CUES,
    ROLE_TO_ORG_WORDS,
    SINGULAR_COPULAS,
)
from extractors.text.negation import is_negated
from pipeline.model import Block, Part

GAP_TOKEN = re.compile(r"[A-Za-z]+|\n|[^\sA-Za-z]")
ROLE_GAP_LIMIT = 80


def roles_of(text: str, mentions: list[OrgMention], block: Block):
    """(mention, role, cue span or None) for each mention: every role stated, else 'mentioned'."""
    cues = []
    if ANY_ROLE_CUE.search(text):
        for role, regex in ROLE_CUES.items():
            for match in regex.finditer(text):
                inside = any(m.start <= match.start() < m.end for m in mentions)
                if not inside and not is_negated(text, match.start(), match.end()):
                    cues.append((role, match.start(), match.end(), match.group(0).lower()))
    for mention in mentions:
        roles = {}
        for role, start, end, words in cues:
            if role in roles:
                continue
            if start >= mention.end and start - mention.end <= ROLE_GAP_LIMIT:
                tokens = _gap_tokens(text, mention.end, start, mentions, cues)
                if _org_then_role(tokens, block):
                    roles[role] = (start, end)
            elif end <= mention.start and mention.start - end <= ROLE_GAP_LIMIT:
                tokens = _gap_tokens(text, end, mention.start, mentions, cues)
                if _role_then_org(tokens, words):
                    roles[role] = (start, end)
        if not roles:
            yield mention, "mentioned", None
        for role, cue in roles.items():
            yield mention, role, cue


def _gap_tokens(text: str, lo: int, hi: int, mentions: list[OrgMention], cues: list) -> list[str]:
    """The words between two spans, other organisations as ORG and other role cues as ROLE."""
    spans = [(m.start, m.end, "ORG") for m in mentions if lo <= m.start and m.end <= hi]
    spans += [(s, e, "ROLE") for _, s, e, _ in cues if lo <= s and e <= hi]
    tokens, position = [], lo
    for start, end, label in sorted(spans):
        if start < position:
            continue
        tokens += [t.lower() if t != "\n" else t for t in GAP_TOKEN.findall(text, position, start)]
        tokens.append(label)
        position = end
    tokens += [t.lower() if t != "\n" else t for t in GAP_TOKEN.findall(text, position, hi)]
    return tokens


def _org_then_role(tokens: list[str], block: Block) -> bool:
    """'X is the data controller', 'X and Y are joint controllers', 'X (data processor)', 'X | Sponsor'."""
    if tokens == ["|"] and block.part is Part.TABLE:
        return True
    if tokens[:1] == ["("] and ")" in tokens[:6] and "ROLE" not in tokens[: tokens.index(")")]:
        tokens = tokens[tokens.index(")") + 1 :]  # "X (Scotland), acting as processor"
    index = 0
    while tokens[index : index + 2] in (["and", "ORG"], [",", "ORG"], ["&", "ORG"]):
        index += 2
    coordinated, rest = index > 0, tokens[index:]
    if rest and all(t in LINK_WORDS or t in ("ROLE", "and", ",") for t in rest):
        copulas = [t for t in rest if t in COPULAS]
        if copulas and not (coordinated and all(t in SINGULAR_COPULAS for t in copulas)):
            return True
    return bool(rest) and rest[0] in (",", "(") and all(t in APPOSITION_WORDS or t == "," for t in rest)


def _role_then_org(tokens: list[str], cue_words: str) -> bool:
    """'The sponsor is X', 'Sponsor: X', 'The data controller for this study, X,', 'sponsored by X'."""
    if cue_words.endswith(("by", "from")) and all(t == "the" for t in tokens):
        return True
    if not tokens or not all(t in ROLE_TO_ORG_WORDS or t in LABEL_PUNCTUATION for t in tokens):
        return False
    copulas = [t for t in tokens if t in COPULAS]
    if "ORG" in tokens and copulas and all(t in SINGULAR_COPULAS for t in copulas):
        return False  # "The sponsor is A and B is the controller": B is not the sponsor
    return bool(copulas) or any(t in LABEL_PUNCTUATION for t in tokens)
