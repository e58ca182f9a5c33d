"""The organisations a sentence names as data controller, each name cut clean.

Notices say it many ways: "X is the data controller", "X is the sponsor and will act as the data
controller", "the controller for this study is X", "Data controller: X", "joint controllers X and Y",
"X (the 'controller')", "X is registered with the Information Commissioner's Office" (the register of
fee-paying controllers), and "The data controller ... is:" with the name in the block after it
(`names_after_cue`). The phrase about the controller is found first; the name is then read
word by word away from it (backwards for a subject, forwards for a complement) for as long as the
words can belong to a name: capitalised words, "of", "and", "for", "the" between them, "&". So
"Under UK GDPR, the University of Leeds is the controller" gives "University of Leeds", and a
trailing "(UCL)" or sentence full stop is left out. Lists are split only where each part can stand
as a name on its own ("Health and Social Care Information Centre" stays whole).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractors.names.org_mentions import organisation_mentions
from extractors.text.casefold import compile_folded

# "X is the data controller", and "X, who will be the data controller" (a relative clause on the name)
PREDICATE = compile_folded(
    r"(?:,?\s+(?:who|which))?\s+(?:is|are|will\s+be|acts?\s+as|will\s+(?:also\s+)?act\s+as|is\s+acting\s+as|remains?|(?:has|have)\s+been\s+"
    r"appointed\s+as)\s+(?:the\s+|a\s+|an\s+|one\s+of\s+(?:the\s+)?|both\s+)?(?:[\w-]+\s+(?:and|&)\s+(?:the\s+)?)?"
    r"[\"'‘’“”]?(?:joint\s+|sole\s+|independent\s+|overall\s+|co-)?(?:data\s+)?controllers?\b(?!['’]s\b)",
    re.IGNORECASE,
)
# "X is the sponsor of the study and will act as the data controller": the subject is before the first verb.
# "UCL will be using information from you ... and will act as data controller": the subject is
# before the first verb group of the coordination.
EARLIER_SUBJECT = compile_folded(
    r",?\s(?:is|are|will|would|shall|has|have|was|were|uses?|collects?|holds?|leads?|runs?)\b[^.;?!]{0,200}?,?\s+"
    r"and(?:\s+(?:will|also|therefore|so|thus))*\s*$",
    re.I,
)
EARLIER_REACH = 240
# "X is registered with the Information Commissioner's Office (ICO)": the ICO's register is of controllers.
REGISTERED = compile_folded(
    r"\s+(?:is|are)\s+(?:also\s+)?registered\s+(?:as\s+an?\s+(?:data\s+)?controller\s+)?(?:with|by|at)\s+the\s+"
    r"(?:UK\s+)?(?:Information\s+Commissioner(?:['’]s|s)?(?:\s+Office)?|ICO)\b",
    re.IGNORECASE,
)
# A block that ends on its cue ("The data controller for all personal data ... is:"): the name is
# the block after it.
DANGLING = compile_folded(
    r"\bcontrollers?(?:\s*\(s\))?(?:\s+(?:for|of|under|in\s+respect\s+of|responsible\s+for)\s+[^.;:|]{0,120}?)?"
    r"\s+(?:is|are|will\s+be)\s*:?\s*$"
    r"|\b(?:data\s+)?controllers?(?:\s*\(s\))?\s*:\s*$",
    re.IGNORECASE,
)
PAREN = compile_folded(
    r"\s*\(\s*(?:the\s+|together\s+)?[\"'‘’“”]?(?:joint\s+)?(?:data\s+)?controllers?[\"'‘’“”]?\s*\)",
    re.IGNORECASE,
)
FORWARD = compile_folded(
    r"\b(?:joint\s+|data\s+)*controllers?(?:\s*\(s\))?[\"'’”]?\)?(?:\s+(?:for|of|under|in\s+respect\s+of|responsible\s+for)\s+"
    r"[^.;:|]{0,60}?)?\s+(?:is|are|will\s+be)\s+(?:jointly\s+)?"
    r"|\b(?:joint\s+|data[\s-]+)*controllers?(?:\s*\(s\))?(?:\s+(?:type|name|names|details))?\s*[:|–?]\s*"
    r"|\bjoint\s+(?:data\s+)?controllers\s*,?\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:data\s+)?controller\s*,\s*(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
# The label of a field that follows a value on the same (joined) line: "Access method:".
NEXT_LABEL = re.compile(r"\b[A-Z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*:")
# "Keele University, as sponsor, will ...": an apposition between a subject and its verb.
APPOSITION = re.compile(
    r",\s*(?:as|in\s+its\s+role\s+as|being|acting\s+as|through|via|on\s+behalf\s+of|together\s+with|"
    r"in\s+partnership\s+with|working\s+with)\b[^,.;]{0,60},?\s*$"
)
TOKEN = re.compile(r"\([A-Z][A-Za-z&]{1,12}\)|[A-Za-z0-9][\w'’&.\-]*|&|,")
CONNECTORS = {"of", "and", "for", "the", "upon", "on", "in", "at", "&", "de", "du", "la", "le"}
# Capitalised words that open a sentence rather than a name.
SENTENCE_OPENERS = {
    "The",
    "This",
    "That",
    "These",
    "Our",
    "Your",
    "In",
    "Under",
    "For",
    "As",
    "Here",
    "Therefore",
    "However",
    "Thus",
    "Also",
    "Accordingly",
    "Please",
    "We",
    "Note",
    "Currently",
    "Where",
    "When",
    "If",
    "Both",
    "A",
    "An",
    "UK",
    "GDPR",
    "Article",
    "Data",
    "Controller",
    "Controllers",
    "Who",
    "What",
    "Which",
    "How",
    "Why",
}
HEADS = {
    "university",
    "college",
    "trust",
    "ltd",
    "limited",
    "plc",
    "llp",
    "council",
    "institute",
    "england",
    "digital",
    "centre",
    "center",
    "board",
    "agency",
    "school",
    "foundation",
    "society",
    "group",
    "partnership",
    "service",
    "services",
    "department",
    "authority",
    "office",
    "hospital",
    "hospitals",
    "unit",
    "consortium",
    "network",
    "inc",
    "company",
    "commission",
    "wales",
    "scotland",
    "ireland",
    "london",
    "charity",
    "cic",
}
GENERIC = {
    "university",
    "trust",
    "sponsor",
    "company",
    "organisation",
    "organization",
    "we",
    "us",
    "it",
    "study",
    "data",
    "controller",
    "controllers",
    "gdpr",
    "uk gdpr",
    "you",
    "they",
    "processor",
    "nhs",
    "hospital",
    "who",
    "what",
    "which",
    "this",
    "that",
}
MAX_TOKENS = 14
# Words written with a full stop inside a name ("Acme Co. Ltd", "St. George's").
ABBREVIATIONS = {"ltd", "co", "inc", "st", "plc", "corp", "bros", "dr", "prof", "mr", "mrs", "ms", "no"}
# Words that open sentences as determiners but can also begin a registered company's name.
DETERMINERS = {"Our", "Your", "This", "These", "That", "Both"}
COMPANY_FORMS = {"limited", "ltd", "plc", "llp", "cic", "inc", "lp"}


class ControllerName(NamedTuple):
    name: str  # as written: "University of Leeds"
    start: int  # the name in the text
    end: int
    pattern: str  # subject | bracket | complement
    cue: tuple[int, int]  # the words that make it the controller ("is the data controller")

    @property
    def span(self) -> tuple[int, int]:
        """The name and its cue together: what the evidence should quote."""
        return min(self.start, self.cue[0]), max(self.end, self.cue[1])


def controller_names(text: str) -> list[ControllerName]:
    """Every organisation named as controller in `text`, once each."""
    found: list[ControllerName] = []
    for match in PREDICATE.finditer(text):
        plural = _plural(match.group(0))
        subject_end = match.start()
        earlier = EARLIER_SUBJECT.search(text, max(0, subject_end - EARLIER_REACH), subject_end)
        if earlier and not _backward(text, subject_end, plural):
            subject_end = earlier.start()
            apposition = APPOSITION.search(text, max(0, subject_end - 80), subject_end)
            subject_end = apposition.start() if apposition else subject_end
        names = _split(text, _backward(text, subject_end, plural), plural)
        found += [ControllerName(*name, "subject", match.span()) for name in names]
    for match in REGISTERED.finditer(text):
        names = _split(text, _backward(text, match.start(), _plural(match.group(0))), False)
        found += [ControllerName(*name, "registered", match.span()) for name in names]
    for match in PAREN.finditer(text):
        names = _split(text, _backward(text, match.start(), False), False)
        found += [ControllerName(*name, "bracket", match.span()) for name in names]
    for match in FORWARD.finditer(text):
        # A field ("Data controller(s): A, B") lists its values and ends with its line.
        field = match.group(0).rstrip()[-1:] in (":", "|", "–", "?")
        plural = field or _plural(match.group(0))
        names = _split(text, _forward(text, match.end(), plural, field=field), plural, keep="first")
        found += [ControllerName(*name, "complement", match.span()) for name in names]
    unique: dict[tuple[int, int], ControllerName] = {}
    for name in found:
        unique.setdefault((name.start, name.end), name)
    return list(unique.values())


def dangling_cue(text: str) -> re.Match[str] | None:
    """The controller cue a block ends on, its name left to the next block; else None."""
    return DANGLING.search(text.rstrip())


def names_after_cue(cue: re.Match[str], following: str) -> list[ControllerName]:
    """The names that open `following`, the block after one that ends on `cue` (a field's value:
    it ends with its line). The cue's span is kept as it was found, in its own block."""
    plural = _plural(cue.group(0))
    run = _forward(following, 0, plural, field=True)
    if plural:
        names = _split(following, run, plural, keep="first")
    else:  # one controller: the line is its name, "and" within it too ("Trust for Research and Policy")
        names = _split(following, run[:1], False) and [_whole(following, run)]
    return [ControllerName(*name, "next-block", cue.span()) for name in names]


def _whole(text: str, run: list[re.Match[str]]) -> tuple[str, int, int]:
    start, end = run[0].start(), run[-1].end()
    return " ".join(text[start:end].split()).rstrip("."), start, end


def _plural(cue: str) -> bool:
    return bool(re.search(r"\bare\b|controllers|joint", cue, re.IGNORECASE))


def _name_word(token: str) -> bool:
    if token.startswith("("):
        return True  # a bracketed acronym: kept in the run, trimmed from its end
    return token[:1].isupper() or token[:1].isdigit() and any(ch.isalpha() for ch in token)


def _backward(text: str, end: int, plural: bool) -> list[re.Match[str]]:
    tokens = list(TOKEN.finditer(text, max(0, end - 220), end))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        gap = text[token.end() : run[0].start() if run else end]
        if gap.strip():
            break  # punctuation between words ends a name
        if word == "," and not plural:
            break
        if run and word.endswith(".") and word.rstrip(".").lower() not in ABBREVIATIONS:
            break  # "... in the United Kingdom. University College London is": a sentence ended there
        # An opener ends the name, but a registered company keeps its first word ("Our Future Health Limited").
        opener = word in SENTENCE_OPENERS and run and word not in ("UK", "Data")
        if opener and not (word in DETERMINERS and _company_form(run[-1].group(0))):
            break
        if not (_name_word(word) or word in CONNECTORS or word == ","):
            break
        run.insert(0, token)
        if len(run) > MAX_TOKENS:
            return []
    return _trim(run)


def _company_form(word: str) -> bool:
    return word.strip(".").lower() in COMPANY_FORMS


def _forward(text: str, start: int, plural: bool, field: bool = False) -> list[re.Match[str]]:
    """The name run after a cue. A field's value ends at its line or at the next field's label
    ("... UNIVERSITY OF LEEDS Sublicensing allowed: No"), wherever the text joined the lines."""
    end = min(len(text), start + 220)
    if field:
        label = NEXT_LABEL.search(text, start, end)
        end = label.start() if label else end
    run: list[re.Match[str]] = []
    for token in TOKEN.finditer(text, start, end):
        word = token.group(0)
        gap = text[run[-1].end() if run else start : token.start()]
        if gap.strip() or (field and run and "\n" in gap):
            break
        if word == "," and not plural:
            break
        if not (_name_word(word) or word in CONNECTORS or word == "," or word.lower() == "the"):
            break
        run.append(token)
        if len(run) > MAX_TOKENS:
            break
    return _trim(run)


def _trim(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop what cannot start or end a name: connectors, "the", a bracketed acronym, commas."""
    while run and (
        run[0].group(0) in CONNECTORS or run[0].group(0) in ("The", ",") or run[0].group(0).startswith("(")
    ):
        run = run[1:]
    while run and (
        run[-1].group(0) in CONNECTORS or run[-1].group(0) == "," or run[-1].group(0).startswith("(")
    ):
        run = run[:-1]
    return run


def _split(
    text: str, run: list[re.Match[str]], plural: bool, keep: str = "last"
) -> list[tuple[str, int, int]]:
    """One name, or several where a list of controllers is named ("X, Y and Z are joint controllers").
    An "and" splits only where both sides can stand as names: "Department of Health and Social Care"
    stays whole, "University of Oxford and Oxford University Hospitals NHS Foundation Trust" does not.
    Where the verb is singular, two such names joined by "and" are two clauses ("The sponsor is A
    and B is the controller"): only the one next to the cue is kept (`keep`: "last" for a subject
    read backwards, "first" for a complement read forwards)."""
    segments: list[list[re.Match[str]]] = [[]]
    joints: list[str] = []
    for token in run:
        if token.group(0) in (",", "and", "&") and (plural or token.group(0) != ","):
            segments.append([])
            joints.append(token.group(0))
        else:
            segments[-1].append(token)
    parts = [segments[0]]
    for joint, segment in zip(joints, segments[1:], strict=True):
        if joint == "," or (_standalone(parts[-1]) and _standalone(segment)):
            parts.append(segment)
        else:
            parts[-1] = parts[-1] + segment
    if not plural and len(parts) > 1:
        parts = [parts[-1] if keep == "last" else parts[0]]
    names = []
    for part in map(_trim, parts):
        if not part:
            continue
        start, end = part[0].start(), part[-1].end()
        name = " ".join(text[start:end].split())
        if name.endswith("."):
            name, end = name[:-1], end - 1
        if name.lower() not in GENERIC and any(_name_word(t.group(0)) for t in part):
            names.append((name, start, end))
    return names


def _standalone(part: list[re.Match[str]]) -> bool:
    words = [t.group(0).strip("().") for t in part]
    return any(w.lower() in HEADS or (len(w) > 1 and w.isupper()) for w in words)


# "The University of Leicester (Leicester) is leading ...", "Cambridge University Hospitals NHS Foundation
# Trust (CUH)": a name the document gives an organisation, in brackets after its full name.
SHORT_NAME = re.compile(r"\s*\(\s*(?:the\s+)?[\"“‘']?([A-Z][A-Za-z&]{1,19})[\"”’']?\s*\)")


def short_names_defined(texts) -> dict[str, str]:
    """Short name -> full name, for each organisation the texts name in full with a short name in
    brackets after it: an acronym ("CUH") or one word of its own name ("Leicester")."""
    defined: dict[str, str] = {}
    for text in texts:
        for mention in organisation_mentions(text, defined):
            short = SHORT_NAME.match(text, mention.start + len(mention.written))
            if short is None:
                continue
            word = short.group(1)
            own_word = word.casefold() in {w.casefold() for w in re.findall(r"[A-Za-z&]+", mention.name)}
            if own_word and word.casefold() != mention.name.casefold():
                defined.setdefault(word, mention.name)
    return defined
