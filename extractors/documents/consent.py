"""Facts of consent materials: the information sheet a consent form cites, linkage to national
records, a stated period of use, and how contact with the cohort is kept.

- `cited_pis_version`, `cited_pis_date`: the HRA model form opens with "I confirm that I have read
  the information sheet dated X (version Y)". CON-002 compares them with the sheets in the bundle;
  DOC-004 needs them kept apart from the form's own version and date.
- `linkage_statement` (value "nhs_england" or "national_records", detail {"body"}): the participant
  is told of, or agrees to, linkage with records held nationally, or the sending of their details to
  NHS England for it (CON-003). The HRA standard statement on access to medical notes by the study
  team, sponsor or regulators is not linkage: it is `health_records_access`. A denial ("we will not
  link your records") is `linkage_statement_negated`.
- `period_of_use` ("FROM..TO", detail with both bounds and their precision): a version's stated
  period of use, which CON-001 prefers over the span between version dates.
- `cohort_contact` (newsletter | website | recontact | questionnaire | contact_details): how contact
  with the cohort is kept (CON-004).
"""

from __future__ import annotations

import re

from extractors.documents.statements import NHS_ENGLAND, FactSink, Passage, as_written, passages, sentences
from extractors.facts import DocumentFacts
from extractors.text.casefold import compile_folded
from extractors.text.dates import find_dates
from extractors.text.versions import find_versions
from pipeline.model import Document

CONSENT_MATERIALS = {"consent_form", "participant_information_sheet"}
LINKAGE_KINDS = CONSENT_MATERIALS | {"privacy_notice", "cohort_communication", "other"}
PERIOD_KINDS = CONSENT_MATERIALS | {"privacy_notice", "cohort_communication", "other"}
CONTACT_KINDS = CONSENT_MATERIALS | {"protocol", "cohort_communication", "privacy_notice", "other"}

# --- the information sheet a consent form cites --------------------------------------------------

SHEET = compile_folded(
    r"\b(?:(?:participant|patient|parent(?:s'|'s|al)?|carer'?s?|guardian'?s?|consultee|adult|child(?:ren)?(?:'s)?|"
    r"young\s+person'?s?|relative'?s?|family|study|trial|main|full|short|summary|healthy\s+volunteer)\s+)*"
    r"(?:information\s+(?:sheet|leaflet|booklet|pack|document)s?|info\s+sheet)\b"
    r"|\b(?:participant|patient)\s+information\b|\bP\.?I\.?S\b|\bPILs?\b",
    re.IGNORECASE,
)
CITED_WINDOW = 160
# Words between the sheet's name and a version that show another document is meant.
OTHER_DOCUMENT = compile_folded(r"\bconsent\b|\bform\b|\bprotocol\b", re.IGNORECASE)

# --- linkage ---------------------------------------------------------------------------------------

OTHER_NATIONAL = (
    r"(?:Office\s+for\s+National\s+Statistics|ONS\b|NHS\s+Central\s+Register|NHSCR\b|Public\s+Health\s+England|"
    r"PHE\b|UK\s+Health\s+Security\s+Agency|UKHSA\b|National\s+Cancer\s+Registr\w*(?:\s+and\s+Analysis\s+Service)?|"
    r"NCRAS\b|National\s+Disease\s+Registration\s+Service|NDRS\b|Public\s+Health\s+Scotland|"
    r"Information\s+Services\s+Division|Digital\s+Health\s+and\s+Care\s+Wales|NHS\s+Wales\s+Informatics\s+Service|"
    r"NWIS\b|SAIL\s+Databank|General\s+Register\s+Office)"
)
NATIONAL_BODY = re.compile(rf"\b(?:(?P<nhse>{NHS_ENGLAND})|(?P<other>{OTHER_NATIONAL}))")
# A body named for another role than holding records: "funded by NHS England".
OTHER_ROLE = compile_folded(
    r"\b(?:fund\w*|commissioned|sponsored|supported|guidance|approved|reviewed|hosted|endorsed|led|run)\s+"
    r"(?:\w+\s+){0,2}?(?:by|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Records that are national by nature: named with any verb of access, they mean linkage.
NATIONAL_RECORDS = compile_folded(
    r"\b(?:central(?:ly\s+held)?|national|NHS[-\s]wide)\s+(?:NHS\s+|health\s+|medical\s+)?"
    r"(?:records?|databases?|registers?|registr(?:y|ies)|data(?:sets?|bases?)?|information)\b(?![\s-]*opt)"
    r"|\brecords?\s+(?:held|kept|stored|maintained)\s+(?:centrally|nationally|by\s+(?:the\s+)?NHS\b)"
    r"|\bdeath\s+(?:records?|registrations?|certificates?|data|notifications?)\b|\bcauses?\s+of\s+death\b"
    r"|\b(?:mortality|cancer)\s+(?:data|records?|regist\w+)\b|\bcancer\s+registry\b"
    r"|\bHospital\s+Episode\s+Statistics\b|\bHES\b"
    r"|\broutine(?:ly)?\s+(?:collected\s+)?(?:NHS\s+|health\s+|healthcare\s+)?(?:data|records?|information)\b",
    re.IGNORECASE,
)
# Records that may be local ("your hospital records"): linkage only with a verb of linking.
# "your health, education and environmental records": one head shared by a list of kinds of records.
LOCAL_RECORDS = compile_folded(
    r"\b(?:hospital|health|healthcare|medical|NHS|GP|patient|electronic\s+health|clinical)\s+"
    r"(?:records?|data|information|notes)\b|\bhospital\s+(?:admissions?|stays?|episodes?|visits?|attendances?|care)\b"
    r"|\b(?:hospital|health|healthcare|medical|NHS|GP|clinical)(?:\s*,\s*(?!(?:your|their|the|our|my|his|her)\b)[a-z-]+){0,3}"
    r"\s*,?\s+(?:and|or|&)\s+(?!(?:your|their|the|our|my|his|her)\b)(?:[a-z-]+\s+){1,2}?records\b",
    re.IGNORECASE,
)
LINK_VERB = compile_folded(
    r"\b(?:link(?:s|ed|ing|age)?|record[-\s]linkage|match(?:es|ed|ing)?|combin\w+|connect\w*|merg\w+|"
    r"join(?:ed|ing)?\s+(?:up|together|with))\b",
    re.IGNORECASE,
)
ACCESS_VERB = compile_folded(
    r"\b(?:obtain\w*|receiv\w+|request\w*|collect\w*|access\w*|gather\w*|look(?:s|ed|ing)?\s+(?:at|up)|"
    r"review\w*|send\w*|sent|shar\w+|pass(?:es|ed|ing)?|provid\w+|giv(?:e|en|es|ing)|supply\w*|supplie[sd]|"
    r"transfer\w*|flag\w*|trac(?:e|ed|ing|k|ked|king)|follow(?:ed|ing)?[-\s]up|notif\w+|inform(?:ed)?\s+us|"
    r"find\s+out|check\w*|tells?\s+us|use[ds]?|using)\b",
    re.IGNORECASE,
)
ANY_RECORDS = compile_folded(r"\b(?:records?|data|information|details)\b", re.IGNORECASE)
# The HRA standard statement: notes looked at by the study team, the sponsor or regulators.
NOTES = compile_folded(
    r"\b(?:medical|health|hospital|clinical|GP|patient)\s+(?:notes|records)\b", re.IGNORECASE
)
LOOKED_AT = compile_folded(
    r"\blook(?:ed)?\s+at\b|\baccess\w*|\breview\w*|\binspect\w*|\bexamin\w+|\bsee\b", re.I
)
LOOKERS = compile_folded(
    r"\bindividuals\b|\bregulat\w+|\bsponsor\b|\bNHS\s+Trust\b|\bauthorit\w+|\bmonitor\w*|\baudit\w*|"
    r"\b(?:research|study|trial)\s+team\b|\bresponsible\s+persons?\b",
    re.IGNORECASE,
)
# Statements, not mentions: a sentence about other or earlier research ("Previous national studies
# have used Hospital Episode Statistics") tells the reader nothing about their own records, unless
# it speaks to them or of them ("you", "your", "I", "my": a consent form's own voice).
BACKGROUND = compile_folded(
    r"\b(?:previous|earlier|past|prior|other|similar|many|several)\s+(?:national\s+|large\s+|UK\s+)?"
    r"(?:studies|research|projects?|trials?|surveys?|cohorts?)\b|"
    r"\b(?:has|have|had)\s+(?:already\s+|previously\s+|successfully\s+)?(?:been\s+)?"
    r"(?:shown|used|found|demonstrated|suggested|helped|allowed|enabled)\b|"
    r"\bin\s+the\s+past\b|\b(?:was|were)\s+(?:previously\s+)?used\b",
    re.IGNORECASE,
)
# Whose data a sentence speaks of: the reader's ("you", "I", a consent form's own voice), or this
# study's ("we", "our", "this study", "participants").
THIS_STUDY = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|I|[Mm]y|[Mm]e|[Ww]e|[Uu]s|[Oo]ur|[Tt]his\s+(?:study|research|project|trial)|"
    r"[Tt]he\s+(?:study|research)\s+team|[Pp]articipants?)\b"
)
# Whose data a sentence with a national body speaks of: this study's people or the reader's, so
# that naming NHS England with a verb ("information is provided on NHS England's website", "a flow
# of data from NHS Digital to the MHRA") is not taken for this study's linkage.
WHOSE_DATA = re.compile(
    THIS_STUDY.pattern
    + r"|\b(?:[Cc]ohort|[Ss]tudy\s+members?|[Mm]embers|[Pp]eople\s+(?:taking|who\s+(?:take|took))\s+part|"
    r"[Vv]olunteers?|[Rr]egistrants?)\b"
)
# A question, not a statement: "Q: ...", or a sentence that ends with its question mark.
QUESTION = re.compile(r"^\s*Q\s*[:.)]|\?\s*$")
LINKAGE_PRECHECK = compile_folded(
    r"link|match|combin|record|regist|death|NHS|HSCIC|ONS|national|central|notes|HES|routine", re.IGNORECASE
)

# --- period of use ---------------------------------------------------------------------------------

# What says a period is the document's: its use ("used", "valid") or the participants it was for
# ("for participants recruited from ..."); a bare "recruitment will run from" is the study's.
USE_CUE = compile_folded(
    r"\b(?:used|in\s+use|use\s+(?:from|between)|for\s+use|valid|effective|in\s+force|current|applie[sd]|"
    r"issued|given\s+to|distributed|approved\s+for\s+use|(?:period|dates?)\s+of\s+use)\b"
    r"|\b(?:participants|people|patients|those|children|adults|women|men|families|parents|anyone|everyone)\s+"
    r"(?:who\s+(?:were|are|have\s+been|had\s+been)\s+)?(?:recruited|enrol(?:l)?ed|enrol(?:l)?ing|joining|who\s+joined|"
    r"consented|consenting|taking\s+part)\b",
    re.IGNORECASE,
)
OPEN_CUE = compile_folded(
    r"\b(?:used|in\s+use|for\s+use|valid|effective|in\s+force|current)\b", re.IGNORECASE
)
RANGE_OPENER = compile_folded(r"\b(?:from|between|since|starting)\s+(?:the\s+)?$", re.IGNORECASE)
RANGE_JOINT = compile_folded(
    r"^\s*(?:to|until|till|through|thru|and|up\s+to(?:\s+and\s+including)?|[-–—])\s*(?:the\s+)?$",
    re.IGNORECASE,
)
OPEN_END = compile_folded(
    r"^\s*(?:onwards?|until\s+further\s+notice|to\s+(?:date|the\s+present))\b", re.IGNORECASE
)
CUE_REACH = 100
CUE_GAP = 25  # "in use: 01/03/2019 - 31/08/2020": a range right after its cue needs no "from"
PERIOD_PRECHECK = compile_folded(r"\b(?:from|between|since|starting|use[ds]?|valid)\b", re.IGNORECASE)

# --- contact with the cohort -----------------------------------------------------------------------

CONTACT = tuple(
    (value, compile_folded(pattern, re.IGNORECASE))
    for value, pattern in (
        (
            "newsletter",
            r"\b(?:e-?)?news\s?letters?\b|\b(?:e-?)?bulletins?\b|\bupdates?\s+(?:on|about)\s+(?:the|our|how)\s+"
            r"(?:study|research|results|progress|findings)|\b(?:study|annual|regular|yearly)\s+updates?\b",
        ),
        (
            "website",
            r"\b(?:study|project|trial|cohort|our|research)\s+(?:web\s?sites?|web\s?pages?)\b"
            r"|\b(?:web\s?site|web\s?page)\s+(?:for|of)\s+(?:the|this)\s+(?:study|project|trial)\b"
            r"|\b(?:results|news|updates|findings)\b[^.;]{0,60}\b(?:on|via)\s+(?:our|the)\s+(?:\w+\s+)?web\s?site\b",
        ),
        (
            "recontact",
            r"\b(?:re-?contact\w*|contact(?:ed)?\s+(?:you\s+|me\s+)?(?:again|in\s+(?:the\s+)?future|later)|"
            r"(?:keep|stay)\s+in\s+touch|future\s+contact|approach(?:ed)?\s+(?:you\s+|me\s+)?(?:again|in\s+(?:the\s+)?future|about\s+"
            r"(?:future|further|other)))\b"
            r"|\b(?:(?:invit|ask|approach|contact)\w*\s+(?:you|me)|be\s+(?:invited|asked|approached|contacted))\b[^.;]{0,60}"
            r"\b(?:future|further|other|follow[-\s]?up|related|new)\s+(?:research|studies|study|projects?|trials?)\b",
        ),
        (
            "questionnaire",
            r"\b(?:further|follow[-\s]?up|future|another|more|annual|yearly|regular|repeat|periodic|"
            r"later|additional|second|new)\s+(?:\w+\s+)?(?:questionnaires?|surveys?)\b"
            r"|\b(?:questionnaires?|surveys?)\b[^.;]{0,60}\b(?:again|every\s+(?:\w+\s+)?(?:years?|months?)|each\s+year|in\s+the\s+future|"
            r"at\s+intervals|over\s+the\s+(?:next|coming))\b",
        ),
        (
            "contact_details",
            r"\b(?:updat\w+|chang\w+|keep\w*\s+(?:\w+\s+)?up[-\s]to[-\s]date|let\s+us\s+know|tell\s+us|inform\s+us|"
            r"notify\s+us)\b[^.;]{0,60}\b(?:your|my)\s+(?:new\s+)?(?:contact\s+details|(?:home\s+|postal\s+|email\s+)?"
            r"address|(?:tele)?phone\s+number)\b"
            r"|\bchange\s+of\s+(?:address|contact\s+details)\b"
            r"|\b(?:if|when)\s+you\s+move\s+(?:house|home|away)\b"
            r"|\b(?:keep|hold|store|retain)\s+your\s+contact\s+details\b",
        ),
    )
)
CONTACT_PRECHECK = compile_folded(
    r"news|bulletin|update|web|contact|touch|invit|approach|questionnaire|survey|address|move", re.IGNORECASE
)


def extract_consent(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    if facts.kind == "consent_form":
        _cited_sheets(document, sink)
    if facts.kind in LINKAGE_KINDS:
        _linkage(document, sink, answered=facts.kind == "consent_form")
    if facts.kind in PERIOD_KINDS:
        _periods(document, sink)
    if facts.kind in CONTACT_KINDS:
        _cohort_contact(document, sink)


def _cited_sheets(document: Document, sink: FactSink) -> None:
    """Versions and dates that follow the name of an information sheet in the same sentence."""
    for passage in passages(document, SHEET):
        names = list(SHEET.finditer(passage.text))
        for number, name in enumerate(names):
            _, sentence_end = passage.sentence(name.start(), name.end())
            stop = min(sentence_end, name.end() + CITED_WINDOW)
            if number + 1 < len(names):
                stop = min(stop, names[number + 1].start())
            window = passage.text[name.end() : stop]
            versions = _before_other_document(window, find_versions(window))
            for version in versions:  # "version 2 of May 2016" is not the 2nd of May
                window = window[: version.start] + " " * (version.end - version.start) + window[version.end :]
            dates = _before_other_document(window, find_dates(window))
            detail = {
                "sheet": as_written(name.group(0)),
                "version": versions[0].value if versions else None,
                "date": dates[0].iso if dates else None,
            }
            for fact, value, mention in [("cited_pis_version", v.value, v) for v in versions] + [
                ("cited_pis_date", d.iso, d) for d in dates
            ]:
                end = name.end() + mention.end
                sink.add(passage, fact, value, name.start(), end, "consent:cited-sheet", detail)


def _before_other_document(window: str, mentions: list) -> list:
    """The mentions that come before any word naming another document ("... and consent form v2")."""
    other = OTHER_DOCUMENT.search(window)
    return [m for m in mentions if other is None or m.start < other.start()]


def _linkage(document: Document, sink: FactSink, answered: bool) -> None:
    """Each sentence that speaks of linking. A question asserts nothing ("Q: Linkage with electronic
    health records", "Will my records be linked?"): its answer does. On a consent form the
    participant answers the question itself ("Do you agree to your records being linked? Yes / No"),
    so there (`answered`) a question counts."""
    for passage in passages(document, LINKAGE_PRECHECK):
        for start, end in sentences(passage, LINKAGE_PRECHECK):
            if not answered and QUESTION.search(passage.text[start:end]):
                continue
            _linkage_sentence(passage, start, end, sink)


def _linkage_sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    """One sentence: linkage when a verb of linking meets any records, or any verb of access meets
    records that are national by nature or a national body; else perhaps the medical-notes statement."""
    text = passage.text[start:end]
    if BACKGROUND.search(text) and not THIS_STUDY.search(text):
        return  # background about other research, not a statement about the reader's records
    body = next((b for b in NATIONAL_BODY.finditer(text) if not OTHER_ROLE.search(text, 0, b.start())), None)
    if body and not WHOSE_DATA.search(text):
        body = None  # NHS England named, but no one's data: "more on NHS England's website", "NHS Digital merged"
    links = list(LINK_VERB.finditer(text))
    anchor = body or NATIONAL_RECORDS.search(text)
    verbs = links + list(ACCESS_VERB.finditer(text)) if anchor else []
    if not verbs and links:
        anchor = LOCAL_RECORDS.search(text) or ANY_RECORDS.search(text)
        verbs = links if anchor else []
    if not verbs:
        notes = NOTES.search(text)
        if notes and LOOKED_AT.search(text) and LOOKERS.search(text):
            sink.add(
                passage,
                "health_records_access",
                "study_access",
                start + notes.start(),
                start + notes.end(),
                "consent:medical-notes",
            )
        return
    asserted = [v for v in verbs if not passage.negated(start + v.start(), start + v.end())]
    if asserted and not (body or NATIONAL_RECORDS.search(text) or LOCAL_RECORDS.search(text)):
        return  # "we will link your answers to other data": nothing says the records are the NHS's
    verb = min(asserted or verbs, key=lambda v: abs(v.start() - anchor.start()))
    span = (start + min(verb.start(), anchor.start()), start + max(verb.end(), anchor.end()))
    detail = {"body": as_written(body.group(0))} if body else None
    value = "nhs_england" if body and body.group("nhse") else "national_records"
    name = "linkage_statement" if asserted else "linkage_statement_negated"
    sink.add(passage, name, value, *span, "consent:linkage-" + ("body" if body else "records"), detail)


def _periods(document: Document, sink: FactSink) -> None:
    for passage in passages(document, PERIOD_PRECHECK):
        for start, end in sentences(passage, PERIOD_PRECHECK):
            if USE_CUE.search(passage.text, start, end):
                _period_sentence(passage, start, end, sink)


def _period_sentence(passage: Passage, start: int, end: int, sink: FactSink) -> None:
    """A range of two dates after "from" or "between" (or right after a cue of use: "in use
    01/03/2019 - 31/08/2020"), with a cue of use before it; or one date after "used from", open."""
    text = passage.text[start:end]
    dates = find_dates(text)
    for index, first in enumerate(dates):
        opener = RANGE_OPENER.search(text, max(0, first.start - 12), first.start)
        cues = list(USE_CUE.finditer(text, max(0, first.start - CUE_REACH), first.start))
        if not cues:
            continue
        cue = cues[-1]
        after = dates[index + 1] if index + 1 < len(dates) else None
        ranged = after is not None and RANGE_JOINT.match(text[first.end : after.start])
        if ranged and (opener or first.start - cue.end() <= CUE_GAP):
            last, span_end = after, after.end
        elif (
            opener
            and OPEN_CUE.search(cue.group(0))
            and (OPEN_END.match(text[first.end :]) or not after or after.start - first.end > 40)
        ):
            last, span_end = None, first.end
        else:
            continue
        detail = {
            "from": first.iso,
            "to": last.iso if last else None,
            "from_precision": first.precision,
            "to_precision": last.precision if last else None,
        }
        value = f"{first.iso}..{last.iso if last else ''}"
        sink.add(
            passage, "period_of_use", value, start + cue.start(), start + span_end, "consent:period", detail
        )


def _cohort_contact(document: Document, sink: FactSink) -> None:
    for passage in passages(document, CONTACT_PRECHECK):
        for value, pattern in CONTACT:
            for match in pattern.finditer(passage.text):
                if not passage.negated(match.start(), match.end()):
                    sink.add(
                        passage,
                        "cohort_contact",
                        value,
                        match.start(),
                        match.end(),
                        "consent:contact-" + value,
                    )
                    break  # one passage (a page, a paragraph) is evidence enough for each way of contact
