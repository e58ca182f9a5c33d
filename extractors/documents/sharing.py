"""Onward sharing: a statement that the data will be sold, sub-licensed, or made available to third
parties or researchers beyond the study (SUB-002 quotes it where the request plans no sub-licence).

A statement needs a verb of giving ("share with", "make available to", "pass on to", "release",
"give access") and, in the same clause, a recipient outside the study ("third parties", "other
researchers", "commercial companies", "approved researchers"); selling and sub-licensing need no
recipient. What is not onward sharing:

- a denial, "we will never sell your data", "your data will not be passed to any third party":
  recorded as `onward_sharing_negated`, since a reviewer may still want to see it;
- sharing with the study's own team, partners or processors, said as such ("shared only with the
  University of X team", "other researchers working on this study");
- results or findings shared with other researchers (publications, not data).

The detail gives the recipients as written, one string ("other researchers, commercial companies").
"""

from __future__ import annotations

import re

from extractors.documents.statements import FactSink, Passage, as_written, passages, sentences
from extractors.facts import DocumentFacts
from extractors.text.casefold import compile_folded
from pipeline.model import Document

GIVE = compile_folded(
    r"\b(?:shar(?:e|es|ed|ing)|(?:make|made|makes|making)\s+(?:[\w,'-]+\s+){0,6}?available|pass(?:es|ed|ing)?(?:\s+on)?|"
    r"provid(?:e|es|ed|ing)|disclos(?:e|es|ed|ing)|transfer(?:s|red|ring)?|giv(?:e|es|en|ing)|releas(?:e|es|ed|ing)|"
    r"send|sent|supply|supplied|offer(?:ed)?|grant(?:ed)?|allow(?:ed|s)?|access(?:ed)?|us(?:e|ed|ing)|see|view(?:ed)?|"
    r"analys(?:e|ed)|deposit(?:ed)?|archiv(?:e|ed))\b",
    re.IGNORECASE,
)
SELL = compile_folded(
    r"\b(?:sell|sells|selling|sold|sale)\b|\bsub[-\s]?licen[cs](?:e|es|ed|ing)\b", re.IGNORECASE
)
RECIPIENT = compile_folded(
    r"\b(?:(?:any|other|external|outside|independent|approved|bona\s+fide|accredited|authorised|authorized|"
    r"legitimate|genuine|academic|commercial|international|overseas|future|UK|national)\s+)+"
    r"(?:and\s+(?:\w+\s+)?)?(?:researchers?|research\s+(?:teams?|groups?|organisations?|institutions?|studies|projects?)|"
    r"scientists|investigators|organisations?|organizations?|companies|institutions|universities|bodies|"
    r"partners|users|studies|projects)\b"
    r"|\bthird[-\s]part(?:y|ies)\b|\b(?:pharmaceutical|drug|insurance|technology|tech|commercial)\s+(?:companies|firms|"
    r"industry|organisations?|partners)\b|\b(?:the\s+)?(?:pharmaceutical\s+)?industry\b|\bdata\s+(?:repositor(?:y|ies)|"
    r"archives?)\b|\bUK\s+Data\s+(?:Service|Archive)\b|\bresearchers?\s+(?:outside|beyond|elsewhere|"
    r"(?:from|at|in)\s+other\s+\w+|around\s+the\s+world|worldwide|in\s+the\s+UK\s+and\s+abroad)\b"
    r"|\banyone\s+(?:else|outside)\b",
    re.IGNORECASE,
)
# The recipient is said to be within the study: not onward.
WITHIN_STUDY = compile_folded(
    r"\s*(?:who\s+(?:are\s+)?)?(?:working\s+on|involved\s+in|in|within|on|of|from|at)\s+(?:this|the|our)\s+"
    r"(?:study|project|trial|research\s+team|study\s+team|team|consortium)\b",
    re.IGNORECASE,
)
ONLY_PARTNERS = compile_folded(r"\bonly\s+(?:be\s+)?(?:shared\s+)?(?:with|to|by)\b", re.IGNORECASE)
DATA = compile_folded(
    r"\b(?:data|information|records?|datasets?|details|samples?|answers|responses)\b", re.IGNORECASE
)
RESULTS_ONLY = compile_folded(r"\b(?:results|findings|publications?|conclusions|reports?)\b", re.IGNORECASE)
PRECHECK = compile_folded(
    r"third[-\s]part|other\s|external|approved|commercial|industry|sell|sold|sale|licen|access|availab|bona|"
    r"repositor|archive|companies|outside|anyone",
    re.IGNORECASE,
)
CLAUSE_REACH = 150
# Verbs whose subject gets the data: they count when the recipient does them ("other researchers may
# use", "used by approved researchers"), not when we do.
AGENT_VERB = compile_folded(r"us(?:e|ed|ing)|see|view(?:ed)?|analys(?:e|ed)|access(?:ed)?", re.IGNORECASE)
BY = compile_folded(r"\bby\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A form's field and its answer: "Sub-licensing: No", "Sale of data | Not applicable".
LABEL_ANSWER = compile_folded(
    r"[\w\s-]{0,30}?\s*[:|–-]\s*(yes|no|none|n/?a|not\s+applicable|not\s+planned)\b", re.IGNORECASE
)
HEADING = re.compile(r"(?:[\w'-]+\s*){1,5}[?:]?")


def extract_sharing(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    for passage in passages(document, PRECHECK):
        for start, end in sentences(passage, PRECHECK):
            _sentence(passage, start, end, sink)


def _sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    text = passage.text[start:end]
    recipients = [r for r in RECIPIENT.finditer(text) if not WITHIN_STUDY.match(text, r.end())]
    for sale in SELL.finditer(text):
        s, e = start + sale.start(), start + sale.end()
        answer = LABEL_ANSWER.match(text, sale.end())
        if not answer and HEADING.fullmatch(text.strip()):
            continue  # "Sub-licensing" as a heading says nothing yet
        value = "sub_licence" if sale.group(0).lower().startswith("sub") else "sale"
        denied = passage.negated(s, e) or (answer and answer.group(1).lower() != "yes")
        name = "onward_sharing_negated" if denied else "onward_sharing"
        to = [r.group(0) for r in recipients if abs(r.start() - sale.start()) <= CLAUSE_REACH]
        sink.add(passage, name, value, s, e, f"sharing:{value}", {"recipients": _listed(to)} if to else None)
    if not recipients or not DATA.search(text):
        return
    gives = list(GIVE.finditer(text))
    asserted, denied = [], []
    for recipient in recipients:
        give = _nearest_give(gives, recipient, text)
        if give is None:
            continue
        if ONLY_PARTNERS.search(text, max(0, recipient.start() - 25), recipient.start()):
            continue
        between = text[min(give.end(), recipient.end()) : max(give.start(), recipient.start())]
        if RESULTS_ONLY.search(between) and not DATA.search(between):
            continue  # results, not data
        negated = passage.negated(start + recipient.start(), start + recipient.end())
        (denied if negated else asserted).append((give, recipient))
    for name, pairs in (("onward_sharing", asserted), ("onward_sharing_negated", denied)):
        if not pairs:
            continue
        first = min(min(g.start(), r.start()) for g, r in pairs)
        last = max(max(g.end(), r.end()) for g, r in pairs)
        words = _listed(r.group(0) for _, r in pairs)
        sink.add(
            passage, name, "shared", start + first, start + last, "sharing:recipient", {"recipients": words}
        )


def _nearest_give(gives: list[re.Match[str]], recipient: re.Match[str], text: str) -> re.Match[str] | None:
    """The verb of giving nearest the recipient, within one clause of it (no ; between them)."""
    best = None
    for give in gives:
        lo, hi = (
            sorted((give.end(), recipient.start()))
            if give.start() < recipient.start()
            else sorted((recipient.end(), give.start()))
        )
        if hi - lo > CLAUSE_REACH or ";" in text[lo:hi]:
            continue
        if (
            AGENT_VERB.fullmatch(give.group(0))
            and give.start() < recipient.start()
            and not BY.search(text, lo, hi)
        ):
            continue  # "we use your data to help other researchers": the researchers do not get it
        if best is None or abs(give.start() - recipient.start()) < abs(best.start() - recipient.start()):
            best = give
    return best


def _listed(recipients) -> str:
    """The recipients as written, each once, in one string."""
    return ", ".join(dict.fromkeys(as_written(words) for words in recipients))
