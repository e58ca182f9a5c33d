"""What a CAG letter supports: actions NHS England may take, review and expiry dates, the opt-out.

Support actions come from sentences that name NHS England (or a predecessor) and say what it
does with confidential patient information:
- receive: identifiers are sent, disclosed, transferred or provided *to* it, or it receives them;
- link: it links or matches them to its datasets ("NHS Digital will link...", "linked by HSCIC");
- disseminate: it discloses, releases, returns or provides *identifiable* items to someone, or
  someone receives identifiable items from it. Returning a pseudonymised or anonymised extract is
  not dissemination of confidential patient information (checks.md), so it is not recorded.
A negated statement ("NHS England will not receive names") supports nothing.
"""

from __future__ import annotations

import re

from extractors.documents.date_roles import REVIEW_TOPIC, date_role
from extractors.documents.statements import join_soft_breaks
from extractors.facts import DocumentFacts, Fact
from extractors.names.nhs_bodies import NHS_BODY, canonical_body
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from extractors.text.negation import is_negated
from extractors.text.spans import SENTENCE_END, evidence_at
from pipeline.model import Block, Document

CAG_KINDS = {"cag_approval", "cag_amendment", "cag_annual_review"}

BODY = NHS_BODY.pattern
MODALS = r"(?:\s*\([^)]{0,40}\))?,?(?:\s+(?:which|who|will|would|shall|should|can|could|may|is|are|to|then|also|only|able|agreed|has|have|been|be|being|subsequently|securely)){0,5}\s+"
TRANSFER_VERBS = r"(?:sen[dt]|sends|sending|transferr?\w*|disclos\w*|provid\w*|submit\w*|suppl\w*|flow\w*|pass\w*|shar\w*|forward\w*|upload\w*|releas\w*|transmit\w*|given)"
LINK_VERBS = r"(?:link\w*|match\w*|merg\w*|join\w*)"
DISSEMINATE_VERBS = r"(?:disclos\w*|releas\w*|return\w*|provid\w*|sen[dt]|sends|disseminat\w*|suppl\w*|shar\w*|pass\w*|transferr?\w*|make\s+available|made\s+available|flow\w*|give|giv\w+)"

RECEIVE_TO_BODY = compile_folded(
    rf"\b{TRANSFER_VERBS}\b[^.;]{{0,160}}?\b(?:to|with)\s+(?:the\s+)?(?P<body>{BODY})", re.IGNORECASE
)
BODY_RECEIVES = compile_folded(
    rf"(?P<body>{BODY}){MODALS}(?P<verb>receiv\w*|obtain\w*|collect\w*|hold\w*)\b", re.IGNORECASE
)
RECEIVED_BY_BODY = compile_folded(
    rf"\b(?:received|obtained|collected|held)\s+by\s+(?:the\s+)?(?P<body>{BODY})", re.IGNORECASE
)
BODY_LINKS = compile_folded(
    rf"(?P<body>{BODY}){MODALS}(?:then\s+)?(?:carry\s+out\s+|undertake\s+|perform\s+)?(?P<verb>{LINK_VERBS})",
    re.IGNORECASE,
)
# The body's linking said through an instrument or a purpose: "NHS England will use these items to
# link the cohort", "disclosure ... to NHS Digital for the purpose of linkage to HES".
BODY_USES_TO_LINK = compile_folded(
    rf"(?P<body>{BODY}){MODALS}(?:use|uses|using)\b[^.;]{{0,80}}?\bto\s+(?:then\s+)?(?P<verb>{LINK_VERBS})",
    re.IGNORECASE,
)
TO_BODY_FOR_LINKAGE = compile_folded(
    rf"\bto\s+(?:the\s+)?(?P<body>{BODY})\b[^.;]{{0,40}}?\bfor\s+(?:the\s+)?(?:purposes?\s+of\s+)?"
    rf"(?:(?:record|data)\s+)?(?P<verb>linkage|linking|matching)\b",
    re.IGNORECASE,
)
LINKED_BY_BODY = compile_folded(
    rf"\b(?P<verb>{LINK_VERBS}|linkage)\b[^.;]{{0,80}}?\bby\s+(?:the\s+)?(?P<body>{BODY})", re.IGNORECASE
)
BODY_DISSEMINATES = compile_folded(
    rf"(?P<body>{BODY}){MODALS}(?:then\s+)?(?P<verb>{DISSEMINATE_VERBS})\b(?P<object>[^.;]{{0,200}})",
    re.IGNORECASE,
)
RECEIVE_FROM_BODY = compile_folded(
    rf"\b(?P<verb>receiv\w*|obtain\w*|access\w*)\b(?P<object>[^.;]{{0,160}}?)\bfrom\s+(?:the\s+)?(?P<body>{BODY})",
    re.IGNORECASE,
)
# After the body's own verb, another agent may take over the sentence: "... and the applicant will link".
OTHER_AGENT = compile_folded(
    r"\b(?:the\s+applicant|the\s+university|the\s+(?:study|research)\s+team|researchers?|we|they|the\s+sponsor|the\s+trust|the\s+investigators?)\s+(?:will|would|to|then|can|may)\b",
    re.IGNORECASE,
)
CHAINED_VERB = compile_folded(
    rf"(?:,|\band\b|\bthen\b)\s+(?:to\s+|will\s+|would\s+|then\s+)*(?P<verb>{LINK_VERBS}|{DISSEMINATE_VERBS}|receiv\w*)\b(?P<object>[^.;,]{{0,160}})",
    re.IGNORECASE,
)

IDENTIFIABLE = compile_folded(
    r"\b(?:identifiable|identifiers?|confidential\s+patient\s+information|personal\s+data|CPI|NHS\s+numbers?|"
    r"dates?\s+of\s+(?:birth|death)|postcodes?|names?|addresses|hospital\s+numbers?|patient\s+identifiers?)\b",
    re.IGNORECASE,
)
NOT_IDENTIFIABLE = compile_folded(
    r"\b(?:pseudonymi[sz]\w*|anonymi[sz]\w*|de-?identified|aggregate\w*|non-identifiable|without\s+identifiers)\b",
    re.IGNORECASE,
)

EXPIRY_CUE = compile_folded(
    r"\b(?:expir\w*|lapse\w*|support\s+(?:will\s+)?end\w*|(?:valid|in\s+place|given|granted|supported)\s+until|until)\b",
    re.IGNORECASE,
)
OPT_OUT = compile_folded(
    r"\bnational\s+data\s+opt[\s-]?outs?\b|\bNDOO\b|\bnational\s+opt[\s-]?out\b|\bopt[\s-]?outs?\b",
    re.IGNORECASE,
)
EXEMPTION = compile_folded(
    r"\b(?:exempt\w*|disappl\w*|set\s+aside|not\s+(?:be\s+)?(?:applied|apply|required|needed|necessary|respected|upheld)|"
    r"(?:does|do|will|would|shall|need|should)\s+not\s+(?:need\s+to\s+)?(?:be\s+)?(?:appl\w*|respect\w*|uphold)|n't\s+appl\w*)",
    re.IGNORECASE,
)
APPLIES = compile_folded(
    r"\b(?:appl(?:y|ied|ies)|respected|upheld|honoured|adhere\w*|compl\w+)\b", re.IGNORECASE
)
DECISIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "not_supported",
        compile_folded(
            r"\bnot\s+(?:be\s+)?(?:supported|recommended\s+for\s+support)\b|\bsupport\s+(?:was|is)\s+not\s+(?:given|recommended)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "deferred",
        compile_folded(r"\b(?:was|is|been)\s+deferred\b|\bdecision\s+(?:was\s+)?deferred\b", re.IGNORECASE),
    ),
    (
        "provisional",
        compile_folded(
            r"\b(?:provisionally|conditionally)\s+supported\b|\bprovisional\s+support\b|\bconditional\s+support\b",
            re.IGNORECASE,
        ),
    ),
    (
        "supported",
        compile_folded(
            r"\b(?:fully\s+)?supported\b|\brecommended\s+(?:for|that)\s+support\b|\bsupport\s+(?:is|was|has\s+been)\s+(?:given|granted|recommended)\b",
            re.IGNORECASE,
        ),
    ),
)
MAX_AMENDMENT_FACTS = 5
AMENDMENT_CHANGE = compile_folded(
    r"\b(?:add\w*|includ\w*|extend\w*|extension|chang\w*|new|remov\w*|replac\w*|amend\w*)\b", re.IGNORECASE
)


def extract_cag_letter_facts(document: Document, facts: DocumentFacts) -> None:
    if facts.kind not in CAG_KINDS:
        return
    seen: set[tuple[str, str]] = set()
    decision_found = False
    for block in document.parsed.blocks:
        text = join_soft_breaks(block.text)  # same length: offsets stay those of the block
        for start, end in _sentences(text):
            sentence = text[start:end]
            if NHS_BODY.search(sentence) and facts.kind != "cag_annual_review":
                for action, body, s, e in support_actions(sentence):
                    key = (action, canonical_body(body))
                    if key in seen:
                        continue
                    seen.add(key)
                    facts.add(
                        Fact(
                            "support_action",
                            action,
                            evidence_at(document, block, start + s, start + e),
                            extractor=f"cag_letters:{action}",
                            detail={"body": canonical_body(body), "as_written": " ".join(body.split())},
                        )
                    )
            _dates_with_roles(document, facts, block, start, sentence)
            _opt_out(document, facts, block, start, sentence)
            if not decision_found:
                decision_found = _decision(document, facts, block, start, sentence)
            if facts.kind == "cag_amendment":
                _amendment_change(document, facts, block, start, end, sentence)


def _sentences(text: str):
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def support_actions(sentence: str) -> list[tuple[str, str, int, int]]:
    """(action, body as written, start, end) for each action NHS England takes in the sentence."""
    found: list[tuple[str, str, int, int]] = []

    def add(action: str, match: re.Match[str], verb_group: str | None = None) -> None:
        verb_start = match.start(verb_group) if verb_group else match.start()
        verb_end = match.end(verb_group) if verb_group else match.end()
        if is_negated(sentence, verb_start, verb_end):
            return
        found.append((action, match.group("body"), match.start(), match.end()))

    for match in RECEIVE_TO_BODY.finditer(sentence):
        add("receive", match)
    for pattern in (BODY_RECEIVES, RECEIVED_BY_BODY):
        for match in pattern.finditer(sentence):
            add("receive", match)
    for pattern in (BODY_LINKS, LINKED_BY_BODY, BODY_USES_TO_LINK, TO_BODY_FOR_LINKAGE):
        for match in pattern.finditer(sentence):
            add("link", match, "verb")
    for match in BODY_DISSEMINATES.finditer(sentence):
        if _identifiable(match.group("object")):
            add("disseminate", match, "verb")
    for match in RECEIVE_FROM_BODY.finditer(sentence):
        if _identifiable(match.group("object")):
            add("disseminate", match, "verb")
    # "NHS England will receive X, link it to HES and return Y": later verbs share the body as agent.
    for agent in re.finditer(rf"(?P<body>{BODY}){MODALS}", sentence, re.IGNORECASE):
        tail_end = len(sentence)
        other = OTHER_AGENT.search(sentence, agent.end())
        if other:
            tail_end = other.start()
        for chained in CHAINED_VERB.finditer(sentence, agent.end(), tail_end):
            verb = chained.group("verb").lower()
            action = (
                "link"
                if re.match(LINK_VERBS, verb)
                else "receive"
                if verb.startswith("receiv")
                else "disseminate"
            )
            if action == "disseminate" and not _identifiable(chained.group("object")):
                continue
            if is_negated(sentence, chained.start("verb"), chained.end("verb")):
                continue
            found.append((action, agent.group("body"), agent.start(), chained.end()))
    return found


def _identifiable(text: str) -> bool:
    """An object that carries identifiable items and is not described as pseudonymised or anonymised."""
    if NOT_IDENTIFIABLE.search(text):
        identifiable = IDENTIFIABLE.search(text)
        blocker = NOT_IDENTIFIABLE.search(text)
        # "a pseudonymised extract with NHS numbers removed" is not identifiable; "NHS number and a
        # pseudonymised ID" is: whichever is said of the object first decides.
        return (
            identifiable is not None
            and identifiable.start() < blocker.start()
            and not re.search(r"\b(?:no|without|removed|stripped)\b", text[: blocker.start()], re.IGNORECASE)
        )
    return IDENTIFIABLE.search(text) is not None


def _dates_with_roles(
    document: Document, facts: DocumentFacts, block: Block, start: int, sentence: str
) -> None:
    """Review-due and expiry dates, each by the words that govern it (`date_roles`)."""
    if not REVIEW_TOPIC.search(sentence) and not EXPIRY_CUE.search(sentence):
        return
    for mention in find_dates(sentence):
        name = date_role(sentence, mention.start)
        if name is None or any(f.value == mention.iso for f in facts.named(name)):
            continue
        facts.add(
            Fact(
                name,
                mention.iso,
                evidence_at(document, block, start + mention.start, start + mention.end, quote=None),
                extractor=f"cag_letters:{name}",
            )
        )


def _opt_out(document: Document, facts: DocumentFacts, block: Block, start: int, sentence: str) -> None:
    match = OPT_OUT.search(sentence)
    if not match:
        return
    if EXEMPTION.search(sentence):
        name = "opt_out_exemption"
    elif APPLIES.search(sentence):
        name = "opt_out_applies"
    else:
        return
    if not facts.named(name):
        facts.add(
            Fact(
                name,
                True,
                evidence_at(document, block, start + match.start(), start + match.end()),
                extractor=f"cag_letters:{name}",
            )
        )


def _amendment_change(
    document: Document, facts: DocumentFacts, block: Block, start: int, end: int, sentence: str
) -> None:
    """What an amendment letter says it changes: a new identifier, dataset, flow, controller or duration."""
    if len(facts.named("amendment_change")) >= MAX_AMENDMENT_FACTS:
        return
    if re.search(r"\bamendment\b", sentence, re.IGNORECASE) and AMENDMENT_CHANGE.search(sentence):
        facts.add(
            Fact(
                "amendment_change",
                " ".join(sentence.split())[:300],
                evidence_at(document, block, start, end),
                extractor="cag_letters:amendment",
            )
        )


def _decision(document: Document, facts: DocumentFacts, block: Block, start: int, sentence: str) -> bool:
    for value, pattern in DECISIONS:
        match = pattern.search(sentence)
        if match:
            facts.add(
                Fact(
                    "support_decision",
                    value,
                    evidence_at(document, block, start + match.start(), start + match.end()),
                    extractor=f"cag_letters:decision-{value}",
                )
            )
            return True
    return False
