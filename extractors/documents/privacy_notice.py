"""Facts of privacy notices (UK GDPR articles 13 and 14), read from any document.

- `controller_named`: an organisation named as data controller (PN-002, S251-008), its name as
  written with the sentence around it left out ("University of Leeds", not "Under UK GDPR, the
  University of Leeds").
- `source_nhs_england` (detail {"body"}): NHS England or a predecessor named as where the data come
  FROM (PN-003). Sending details TO NHS England makes it a recipient, not a source.
- `opt_out_mentioned`: the national data opt-out (PN-004), not the right to leave the study. The
  detail says {"applies": false} where the notice says it does not apply.
- `lawful_basis_article6`, `lawful_basis_article9` (values "6(1)(e)", "9(2)(j)"): by number or by
  name (PN-005). Names count only in a sentence about the legal basis, and consent counts only when
  stated as the basis for processing: consent to take part is the common-law basis, not GDPR's.
- `rights_objection` (right_to_object | opt_out | dissent | stop_use) and `rights_ico` (PN-006).
"""

from __future__ import annotations

import re

from extractors.documents.statements import NHS_ENGLAND, FactSink, Passage, as_written, passage_of, passages
from extractors.facts import DocumentFacts
from extractors.names.controller_names import (
    controller_names,
    dangling_cue,
    names_after_cue,
    short_names_defined,
)
from extractors.text.casefold import compile_folded, compile_led
from pipeline.model import Block, Document, Part

# --- NHS England as a source -----------------------------------------------------------------------

# "\b(?:the\s+)?NAME", written as two alternatives so that both can start with a literal.
BODY = compile_led(rf"\bthe\s+{NHS_ENGLAND}|{NHS_ENGLAND}")
TRANSFER = (
    r"(?:send|sent|provid|suppl|return|releas|disseminat|shar|pass|giv|give|transfer|forward|disclos|"
    r"make\w*\s+(?:\w+\s+)?available|made\s+available|extract)\w*"
)
RECEIVE = r"(?:receiv|obtain|get|got|request|collect|access|gather|retriev|download|source|draw|take|come|came|apply|use)\w*"
DATA_NOUN = r"(?:data|information|records?|details|extracts?|datasets?|statistics)"
# Text just before the body: it gives the data ("data provided by NHS Digital") ...
SOURCE_BEFORE = compile_folded(
    rf"(?:\b{RECEIVE}\b[^.;]{{0,200}}?\bfrom|\b{DATA_NOUN}\s+(?:\w+\s+){{0,3}}?from|\bsources?\b[^.;]{{0,160}}?|"
    # data received through or via the body: "access your records ..., for example through NHS Digital"
    rf"\b{RECEIVE}\b[^.;]{{0,120}}?\b{DATA_NOUN}\b[^.;]{{0,80}}?\b(?:through|via)|"
    rf"\b{TRANSFER}\s+(?:to\s+us\s+|to\s+the\s+\w+\s+team\s+)?by|"
    # "held by", and "held in national databases by": a place between the verb and its agent
    rf"\b(?:held|kept|maintained|collected|linked)\s+(?:(?:in|within|on)\s+[^.;,]{{0,60}}?\s+)?by|"
    rf"\bapply(?:ing)?\s+to|\bcomes?\s+from|\bcame\s+from)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# ... or the body is the subject of a giving verb later in its clause ("NHS England will send us",
# "NHS Digital links them to hospital records and returns the data to us"), with no new subject between.
# Telling the study is giving it data: "NHS Digital notifies the study of cancer registrations",
# "NHS England tells us if you die", "lets us know".
NOTIFY = (
    r"(?:notif(?:y|ies|ied|ying)|tells?|told|inform(?:s|ed|ing)?|lets?\s+(?:us|the\s+(?:study|research)"
    r"(?:\s+team)?)\s+know|updat(?:e|es|ed|ing)|alert(?:s|ed|ing)?)(?![\w-])"
)
GIVE_VERB = compile_folded(rf"\b(?:{TRANSFER}|link(?:s|ed|ing)?|{NOTIFY})\b", re.IGNORECASE)
NOTIFIED = compile_folded(
    rf"{NOTIFY}(?:\s+(?:us|the\s+(?:study|research)(?:\s+team)?|the\s+team|(?:the\s+)?researchers|the\s+university))?"
    r"\s+(?:of|about|if|when|whether|that|know)\b",
    re.IGNORECASE,
)
LINKS_TO_RECORDS = compile_folded(
    r"link(?:s|ed|ing)?\b[^.;]{0,40}?\b(?:to|with|against)\s+(?:\w+\s+){0,4}?(?:records?|data|datasets?|"
    r"Hospital\s+Episode\s+Statistics|HES|registrations?|statistics)\b",
    re.IGNORECASE,
)
GIVEN_TO_US = re.compile(
    r"[^.;]{0,80}?\b(?:us|back|to\s+(?:the\s+)?(?:study|research|university|researchers?|applicant|team)|to\s+[A-Z]\w*)\b"
)
# The body gives data to nobody in particular: "NHS Digital provides information about admissions".
GIVES_DATA = compile_folded(
    rf"\s*(?:(?:us|the\s+study(?:\s+team)?)\s+with\s+)?(?:\w+\s+){{0,2}}?{DATA_NOUN}\b", re.IGNORECASE
)
NEW_SUBJECT = compile_folded(r"\b(?:we|you|I)\b|\bthe\s+(?:study|research)\s+team\b", re.IGNORECASE)
RECIPIENT_BEFORE = compile_folded(r"\b(?:to|with|for)\s+(?:the\s+)?$", re.IGNORECASE)
RELATIVE_AFTER = compile_folded(r"\s*(?:\([^)]{0,80}\))?\s*,?\s*(?:who|which)\b", re.IGNORECASE)
PRONOUN_SUBJECT = re.compile(r"(?:They|It)\b")
GIVE_REACH = 220
# A heading that opens a section about where the data come from; in it, naming the body names a source.
SOURCE_SECTION = compile_folded(
    r"^\s*(?:\d+[.)]?\s*)?(?:where\s+(?:does\s+)?(?:your|the|we\s+get\s+(?:your|the))?\s*(?:personal\s+)?"
    r"(?:information|data)\s*(?:comes?\s+from|do\s+we\s+get)?|sources?\s+of\s+(?:your\s+|the\s+)?(?:personal\s+)?"
    r"(?:information|data)|where\s+we\s+get\s+(?:your|the)\s+(?:personal\s+)?(?:information|data)(?:\s+from)?|"
    r"how\s+(?:do\s+)?we\s+(?:get|obtain|collect)\s+(?:your|the)\s+(?:personal\s+)?(?:information|data))\s*[?:]?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
SECTION_BLOCKS = 3
SOURCE_HEADER = compile_folded(r"\bsources?\b|\bwhere\b.*\bfrom\b|\bprovided\s+by\b", re.IGNORECASE)

# --- the national data opt-out ---------------------------------------------------------------------

OPT_OUT = compile_folded(
    r"\bnational\s+(?:data\s+)?opt[\s-]?outs?\b|\bNDOO\b|your[\s-]nhs[\s-]data[\s-]matters|"
    r"\bopt(?:ed|ing)?[\s-]?out\s+of\s+(?:your\s+|their\s+)?confidential\s+(?:patient\s+)?information\s+being\s+used",
    re.IGNORECASE,
)
NOT_APPLIED = compile_folded(r"\b(?:not|n't|exempt\w*|disapplied)\b", re.IGNORECASE)

# --- lawful basis ----------------------------------------------------------------------------------

ARTICLE_6 = compile_folded(
    r"(?<![\d.(])6\s*(?:\(\s*1\s*\)|\.\s*1)\s*(?:\(\s*(?P<a>[a-f])\s*\)|[.\s]?\s*(?P<b>[a-f])\b)",
    re.IGNORECASE,
)
ARTICLE_9 = compile_folded(
    r"(?<![\d.(])9\s*(?:\(\s*2\s*\)|\.\s*2)\s*(?:\(\s*(?P<a>[a-j])\s*\)|[.\s]?\s*(?P<b>[a-j])\b)",
    re.IGNORECASE,
)
ARTICLE_WORD = compile_folded(r"\bart(?:icle|\.)?s?\s*$", re.IGNORECASE)
BASIS_CONTEXT = compile_folded(
    r"\b(?:lawful|legal)\s+(?:bas[ie]s|grounds?|conditions?)|\bbasis\s+for\s+(?:processing|using|holding|collecting)|"
    r"\bGDPR\b|General\s+Data\s+Protection|Data\s+Protection\s+(?:Act|law|legislation|Regulation)|\barticles?\s+[69]\b|"
    r"special\s+categor|conditions?\s+for\s+processing|\brel(?:y|ies|ying)\s+on\b|"
    r"\bprocessing\s+(?:is\s+|that\s+is\s+)?necessary\b",
    re.IGNORECASE,
)
CONTEXT_REACH = 250
HEADING_CHARS = 150
BY_NAME: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (fact, value, compile_folded(pattern, re.IGNORECASE))
    for fact, value, pattern in (
        (
            "lawful_basis_article6",
            "6(1)(e)",
            r"\bpublic\s+task\b|\btask\s+(?:carried\s+out\s+)?in\s+the\s+public\s+interest\b|"
            r"\bpublic\s+interest\s+task\b|\bexercise\s+of\s+official\s+authority\b",
        ),
        ("lawful_basis_article6", "6(1)(f)", r"\blegitimate\s+interests?\b"),
        ("lawful_basis_article6", "6(1)(c)", r"\blegal\s+obligations?\b"),
        ("lawful_basis_article6", "6(1)(d)", r"\bvital\s+interests?\b"),
        (
            "lawful_basis_article6",
            "6(1)(b)",
            r"\b(?:performance\s+of\s+a\s+contract|necessary\s+for\s+(?:entering\s+into\s+)?a\s+contract|"
            r"(?:lawful|legal)\s+basis\b[^.;]{0,40}\bcontract)\b",
        ),
        (
            "lawful_basis_article6",
            "6(1)(a)",
            r"\b(?:lawful|legal)\s+basis\b[^.;]{0,60}?(?:\bis|\bwill\s+be|:|–|-)\s+(?:your\s+)?consent\b"
            r"|\b(?:rely|relies|relying|based)\s+(?:up)?on\s+(?:your\s+)?consent\s+(?:as\s+(?:the|our)\s+(?:lawful|legal)\s+basis|"
            r"(?:to|for)\s+(?:the\s+)?process|under\s+(?:the\s+)?(?:UK\s+)?GDPR)|\bconsent\s+(?:is|will\s+be|as)\s+(?:the|our)\s+"
            r"(?:lawful|legal)\s+basis\b",
        ),
        (
            "lawful_basis_article9",
            "9(2)(j)",
            # the condition's own words; "research purposes" alone is a purpose, not the condition
            r"\b(?:scientific|historical)\s+(?:or\s+historical\s+)?research(?:\s+purposes?)?\b|"
            r"\barchiving\b[^.;]{0,60}?\b(?:research|statistic\w*)\b",
        ),
        (
            "lawful_basis_article9",
            "9(2)(h)",
            r"\b(?:provision|management)\s+of\s+health\s+(?:or|and)\s+social\s+care\b|"
            r"\bhealth\s+or\s+social\s+care\b|\bmedical\s+diagnosis\b|\bpreventive\s+or\s+occupational\s+medicine\b",
        ),
        (
            "lawful_basis_article9",
            "9(2)(i)",
            r"\bpublic\s+interest\s+in\s+the\s+area\s+of\s+public\s+health\b",
        ),
        ("lawful_basis_article9", "9(2)(g)", r"\bsubstantial\s+public\s+interest\b"),
        ("lawful_basis_article9", "9(2)(a)", r"\bexplicit\s+consent\b"),
    )
)
# Names that only data protection law uses: they need no words about the legal basis around them.
SELF_EVIDENT = compile_folded(
    r"public\s+task|task\s+(?:carried\s+out\s+)?in\s+the\s+public|legitimate\s+interest|official\s+authority",
    re.I,
)
# All the names in one pass; a group per name, so the match tells which basis it is.
ANY_NAME = compile_folded(
    "|".join(f"(?P<n{i}>{p.pattern})" for i, (_, _, p) in enumerate(BY_NAME)), re.IGNORECASE
)
RATHER_THAN = compile_folded(r"\b(?:rather\s+than|instead\s+of)\s+$", re.IGNORECASE)
BASIS_PRECHECK = compile_folded(
    r"\b[69]\s*[(.]|public|legitimate|legal|vital|contract|consent|research|archiving|health|diagnosis",
    re.IGNORECASE,
)

# --- rights ----------------------------------------------------------------------------------------

OBJECTION = tuple(
    (value, compile_folded(pattern, re.IGNORECASE))
    for value, pattern in (
        (
            "right_to_object",
            r"\bright\s+to\s+object\b|\bobject\s+to\s+(?:\w+\s+){0,4}?(?:processing|use|using|"
            r"being\s+used|data|information|details)\b|\b(?:can|may|could|able\s+to)\s+(?:also\s+)?object\b",
        ),
        (
            "opt_out",
            r"\bopt(?:\s+|-)?out\s+of\s+(?:this|the|our)\s+(?:\w+\s+)?(?:study|research|project|cohort|register|"
            r"registry|database|trial|data\s+collection|processing)\b|\bopt(?:\s+|-)?out\s+(?:at\s+any\s+time|by\s+"
            r"(?:contacting|emailing|writing|calling|telling|phoning))",
        ),
        (
            "dissent",
            r"\b(?:if|should)\s+you\s+(?:do\s+not|don't|would\s+not|wouldn't|no\s+longer|would\s+(?:rather|prefer)\s+"
            r"not|prefer\s+not|object)\b[^.;,]{0,40}?\b(?:your|any)\s+(?:[\w-]+\s+){0,3}?(?:information|data|details|records)\b",
        ),
        (
            "stop_use",
            r"\b(?:ask|tell)\s+us\s+(?:to\s+)?(?:stop\s+using|not\s+to\s+use|remove|delete|erase)\s+"
            r"(?:your\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:information|data|details|records)\b",
        ),
    )
)
ICO = re.compile(r"\bInformation\s+Commissioner(?:['’]s\s+Office|['’]s)?|\bICO\b|\bico\.org\.uk\b")
# A complaint's words: "the ICO has published a report" is no right to complain.
COMPLAINT = compile_folded(
    r"complain|concern|unhappy|not\s+happy|dissatisfied|lodge|raise\s+(?:a|an|any|your)", re.I
)
# A table of contents line: a heading, leader dots or a wide gap, a page number.
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+|·{3,}|\s{3,}|\t)\s*\d{1,3}\s*$")
REGISTRATION = compile_folded(r"\bregist(?:ered|ration)\b", re.IGNORECASE)
RIGHTS_PRECHECK = compile_folded(
    r"object|opt|want|wish|prefer|rather|ask\s+us|tell\s+us|Commissioner|ICO|ico\.org", re.I
)

PRECHECK = compile_folded(
    rf"controller|{NHS_ENGLAND}|opt[\s-]?out|data[\s-]matters|NDOO|{BASIS_PRECHECK.pattern}|{RIGHTS_PRECHECK.pattern}",
    re.IGNORECASE,
)


def _controller_in_next_block(document: Document, passage: Passage, sink: FactSink) -> None:
    """ "The data controller for all personal data governed by this notice is:" and the name as the
    next block (an address block): the fact is the name's, its detail the cue's words."""
    cue = dangling_cue(passage.text)
    if cue is None or passage.negated(*cue.span()):
        return
    blocks = document.parsed.blocks
    position = next((i for i, block in enumerate(blocks) if block is passage.block), None)
    if position is None or position + 1 >= len(blocks):
        return
    following = passage_of(blocks[position + 1])
    for found in names_after_cue(cue, following.text):
        sink.add(
            following,
            "controller_named",
            found.name,
            found.start,
            found.end,
            "privacy_notice:controller-next-block",
            {"cue": as_written(cue.group(0))},
        )


def extract_privacy_notice(document: Document, facts: DocumentFacts) -> None:
    sink = FactSink(document, facts)
    headers = _table_headers(document.parsed.blocks)
    sections = _source_sections(document.parsed.blocks)
    short_names: dict[str, str] | None = None  # read once, when a controller is named by one word
    for passage in passages(document, PRECHECK):
        for found in controller_names(passage.text):
            if passage.negated(found.start, found.end):
                continue
            name, detail = found.name, None
            if " " not in name:
                if short_names is None:
                    short_names = short_names_defined(block.text for block in document.parsed.blocks)
                if name in short_names:
                    # "Leicester is the Data Controller", after "The University of Leicester (Leicester)"
                    name, detail = short_names[name], {"as_written": found.name}
            sink.add(
                passage,
                "controller_named",
                name,
                *found.span,
                "privacy_notice:controller-" + found.pattern,
                detail,
            )
        _controller_in_next_block(document, passage, sink)
        _sources(passage, headers, sink, sections.get(passage.block.index, ()))
        _opt_out(passage, sink)
        _lawful_bases(document, passage, sink)
        _rights(passage, sink)
    if facts.kind == "privacy_notice" and not facts.named("source_nhs_england"):
        _sources_in_deferred_tables(document, sink)


def _sources_in_deferred_tables(document: Document, sink: FactSink) -> None:
    """A notice's "Source | What we receive" table: in a PDF its rows are read only on demand (the
    page text runs the cells together), so they are asked for when NHS England is named and no
    sentence made it a source."""
    parsed = document.parsed
    if parsed.table_loader is None or not BODY.search(parsed.text):
        return
    already = len(parsed.blocks)
    parsed.ensure_tables()
    tables = parsed.blocks[already:]
    headers = _table_headers(tables)
    for passage in passages(document, BODY):
        if passage.block.index >= already:
            _sources(passage, headers, sink)


def _table_headers(blocks: list[Block]) -> dict[int, str]:
    """The first row of each table, which says what its columns hold ("Source | What we receive")."""
    headers: dict[int, str] = {}
    for block in blocks:
        if block.part is Part.TABLE and block.table is not None and block.table not in headers:
            headers[block.table] = block.text
    return headers


def _source_sections(blocks: list[Block]) -> dict[int, list[tuple[int, int]]]:
    """Spans of text under a heading about where the data come from: to the next heading-like line
    of the same block, or the next few blocks (DOCX paragraphs) until a heading."""
    sections: dict[int, list[tuple[int, int]]] = {}
    open_blocks = 0
    for block in blocks:
        if open_blocks:
            if _heading_like(block.text):
                open_blocks = 0
            else:
                sections.setdefault(block.index, []).append((0, len(block.text)))
                open_blocks -= 1
        for heading in SOURCE_SECTION.finditer(block.text):
            end = _next_heading(block.text, heading.end())
            if end > heading.end():
                sections.setdefault(block.index, []).append((heading.end(), end))
            if end == len(block.text):
                open_blocks = SECTION_BLOCKS
    return sections


def _heading_like(line: str) -> bool:
    line = line.strip()
    return 0 < len(line.split()) <= 8 and line[:1].isupper() and not line.endswith((".", ",", ";", ":"))


def _next_heading(text: str, position: int) -> int:
    offset = position
    for line in text[position:].split("\n")[1:]:
        offset = text.index(line, offset) if line else offset + 1
        if _heading_like(line) and not BODY.search(line):
            return offset
    return len(text)


def _sources(passage: Passage, headers: dict[int, str], sink: FactSink, sections=()) -> None:
    text = passage.text
    for match in BODY.finditer(text):
        start, end = match.span()
        left, right = passage.sentence(start, end)
        before = text[left:start]
        if SOURCE_BEFORE.search(before):
            pattern = "from"
        elif any(a <= start < b for a, b in sections) and not RECIPIENT_BEFORE.search(before):
            pattern = "section"
        elif _gives(text, end, right) and (
            not RECIPIENT_BEFORE.search(before) or RELATIVE_AFTER.match(text, end)
        ):
            pattern = "gives"
        elif _in_source_column(passage, headers, start):
            pattern = "table"
        elif pronoun := _next_sentence_gives(passage, right):
            pattern, (start, end) = "gives-next", pronoun
        else:
            continue
        if passage.negated(start, end):
            continue
        body = as_written(re.sub(r"^the\s+", "", match.group(0), flags=re.IGNORECASE))
        sink.add(
            passage,
            "source_nhs_england",
            "nhs_england",
            start,
            end,
            "privacy_notice:source-" + pattern,
            {"body": body},
        )


def _gives(text: str, position: int, limit: int) -> bool:
    """A verb of giving, with us or the study as recipient, later in the body's clause; or the body
    links what it is sent to records it holds ("..., which will link them to hospital records")."""
    for verb in GIVE_VERB.finditer(text, position, min(limit, position + GIVE_REACH)):
        gap = text[position : verb.start()]
        if ";" in gap or NEW_SUBJECT.search(gap):
            return False
        if (
            NOTIFIED.match(text, verb.start(), limit)
            or LINKS_TO_RECORDS.match(verb.group(0) + text[verb.end() : limit])
            or GIVEN_TO_US.match(text, verb.end(), limit)
            or GIVES_DATA.match(text, verb.end(), limit)
        ):
            return True
    return False


def _next_sentence_gives(passage: Passage, right: int) -> tuple[int, int] | None:
    """ "... to NHS Digital. They will send us ...": the pronoun that opens the next sentence."""
    text = passage.text
    opening = right + len(text[right:]) - len(text[right:].lstrip(" \n\t.;"))
    pronoun = PRONOUN_SUBJECT.match(text, opening)
    if not pronoun:
        return None
    _, next_end = passage.sentence(opening, opening + 1)
    if BODY.search(text, opening, next_end) or not _gives(text, pronoun.end(), next_end):
        return None
    return pronoun.start(), pronoun.end()


def _in_source_column(passage: Passage, headers: dict[int, str], start: int) -> bool:
    block = passage.block
    if block.part is not Part.TABLE or not block.cells or block.row == 1:
        return False
    header = headers.get(block.table, "")
    first_cell = block.cells[0]
    return bool(
        SOURCE_HEADER.search(header.split("|")[0]) and start < len(first_cell) and BODY.search(first_cell)
    )


def _opt_out(passage: Passage, sink: FactSink) -> None:
    for match in OPT_OUT.finditer(passage.text):
        start, end = match.span()
        left, right = passage.sentence(start, end)
        clause_denies = passage.negated(start, end) and NOT_APPLIED.search(passage.masked[left:right])
        detail = {"applies": False} if clause_denies else None
        sink.add(
            passage,
            "opt_out_mentioned",
            "national_data_opt_out",
            start,
            end,
            "privacy_notice:opt-out",
            detail,
        )


def _lawful_bases(document: Document, passage: Passage, sink: FactSink) -> None:
    text = passage.text
    if not BASIS_PRECHECK.search(text):
        return
    for fact, pattern in (("lawful_basis_article6", ARTICLE_6), ("lawful_basis_article9", ARTICLE_9)):
        number = fact[-1]
        for match in pattern.finditer(text):
            letter = (match.group("a") or match.group("b")).lower()
            start, end = match.span()
            if not ARTICLE_WORD.search(text, max(0, start - 12), start) and not _basis_context(
                document, passage, start, end
            ):
                continue
            if not passage.negated(start, end):
                value = f"{number}({'1' if number == '6' else '2'})({letter})"
                sink.add(passage, fact, value, start, end, "privacy_notice:basis-number", {"by": "number"})
    context = BASIS_CONTEXT.search(text) or _heading_context(document, passage)
    if not context and not SELF_EVIDENT.search(text):
        return  # a basis by name needs words about the legal basis nearby; there are none
    for match in ANY_NAME.finditer(text):
        fact, value, _ = BY_NAME[int(match.lastgroup[1:])]
        start, end = match.span()
        if passage.negated(start, end) or RATHER_THAN.search(text, max(0, start - 20), start):
            continue
        if SELF_EVIDENT.match(match.group(0)) or _basis_context(document, passage, start, end):
            sink.add(passage, fact, value, start, end, "privacy_notice:basis-name", {"by": "name"})


def _basis_context(document: Document, passage: Passage, start: int, end: int) -> bool:
    """The sentence, the words just before it, or the heading just above, speaks of the legal basis."""
    left, right = passage.sentence(start, end)
    if BASIS_CONTEXT.search(passage.text, max(0, left - CONTEXT_REACH), right):
        return True
    return left < CONTEXT_REACH and _heading_context(document, passage)


def _heading_context(document: Document, passage: Passage) -> bool:
    index = passage.block.index
    previous = document.parsed.blocks[index - 1].text if index > 0 else ""
    return len(previous) <= HEADING_CHARS and bool(BASIS_CONTEXT.search(previous))


def _contents_entry(text: str, start: int) -> bool:
    """Whether the line holding `start` is an entry of a table of contents ("Right to object .... 10")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return bool(CONTENTS_LINE.search(text[line_start : line_end if line_end >= 0 else len(text)]))


def _rights(passage: Passage, sink: FactSink) -> None:
    text = passage.text
    for value, pattern in OBJECTION:
        for match in pattern.finditer(text):
            start, end = match.span()
            if _contents_entry(text, start):
                continue  # a heading listed in the contents says nothing of the right
            if value != "dissent" and passage.negated(start, end):
                continue  # a dissent clause is negative by nature ("if you do not want ...")
            sink.add(passage, "rights_objection", value, start, end, "privacy_notice:rights-" + value)
    for match in ICO.finditer(text):
        start, end = match.span()
        if _contents_entry(text, start):
            continue
        left, right = passage.sentence(start, end)
        if REGISTRATION.search(text, left, right) and not COMPLAINT.search(text, left, right):
            continue
        if match.group(0).lower() == "ico.org.uk" or COMPLAINT.search(text, max(0, left - 200), right):
            sink.add(passage, "rights_ico", "ico", start, end, "privacy_notice:rights-ico")
