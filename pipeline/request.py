"""Loading the data request (`request.yaml`, `.yml` or `.json`) and finding what is wrong with it.

Each problem is kept with its field path (`datasets[1].end`), the line it sits on and the words
there, so REQ-001 can report one finding per problem with its evidence. YAML aliases are read but
bounded in what they expand to (they are how a "YAML bomb" multiplies), and timestamps are
left as strings so the schema's `date` format decides what a valid date is.

A request comes from outside, so reading it is bounded like reading a document (issue 11): its own
time limit (the per-document one, `--timeout`), work linear in its size (a number too long to
convert is not converted; `uniqueItems` compares hashed items, not every pair; quotes are a window
of their line), and at most MAX_REQUEST_PROBLEMS problems listed, the last saying how many more
there were.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources

import yaml

from pipeline.errors import LimitExceeded
from pipeline.limits import DEFAULT_LIMITS, time_limit
from pipeline.request_model import Request, dspt_first_year

MAX_REQUEST_BYTES = 1_048_576
MAX_REQUEST_PROBLEMS = 50  # REQ-001 findings listed; the last one counts the rest
MAX_NUMBER_DIGITS = 1_000  # no field of a request is a number; Python refuses to convert past 4,300
QUOTE_CHARS = 200  # the most of a line a problem quotes


@dataclass(frozen=True, slots=True)
class RequestProblem:
    path: str  # "datasets[1].end", or "" for the whole file
    message: str
    line: int | None = None
    quote: str = ""


@dataclass(slots=True)
class LoadedRequest:
    file: str  # path of the request file in the bundle
    request: Request | None  # None when the file could not be parsed or breaks the schema
    problems: list[RequestProblem] = field(default_factory=list)
    locator: _Locator | None = None
    # The request's `submitted` date when it is a real date, even in a request that breaks the schema
    # elsewhere: the as-of date a reviewer expects does not depend on a misspelt key.
    submitted: date | None = None
    # The request's reference, title and common-law basis as written (text only), for every view's
    # header, whether or not the request passes its schema.
    headline: dict[str, str | None] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.request is not None

    def locate(self, path: str) -> tuple[int | None, str]:
        """The line of a field path (`datasets[1].end`) and the words on it, for evidence."""
        return self.locator(path) if self.locator else (None, "")


# A request written by a tool may repeat a list through an alias (PyYAML's dump of one list used
# twice gives `&id001` and `*id001`). Aliases are read, but what they expand to is bounded: a
# "YAML bomb" nests aliases so that a few lines stand for billions of items.
MAX_EXPANDED_NODES = 20_000


class _RequestLoader(yaml.SafeLoader):
    """SafeLoader with bounded aliases and without implicit timestamps."""

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None and _expanded_size(node) > MAX_EXPANDED_NODES:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"its aliases (*name) expand to more than {MAX_EXPANDED_NODES:,} items, far more than a data "
                "request holds: write the repeated items out",
                node.start_mark,
            )
        return node


def _expanded_size(root: yaml.Node) -> int:
    """How many nodes the document stands for once every alias is expanded: each distinct node is
    sized once (so the work is linear in the file), a node met through several aliases counted each
    time; an alias inside its own anchor (a cycle) expands without end."""
    cap = MAX_EXPANDED_NODES + 1
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, list[yaml.Node]]] = [(root, _children(root))]
    in_progress.add(id(root))
    while stack:  # post-order without recursion: a node is sized after its children
        node, children = stack[-1]
        if children:
            child = children.pop()
            if id(child) in sizes:
                continue
            if id(child) in in_progress:
                return cap  # a cycle
            in_progress.add(id(child))
            stack.append((child, _children(child)))
            continue
        stack.pop()
        in_progress.discard(id(node))
        sizes[id(node)] = min(cap, 1 + sum(sizes[id(child)] for child in _children(node)))
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


@dataclass(frozen=True, slots=True)
class _LongNumber:
    """A number with more than MAX_NUMBER_DIGITS digits, kept unconverted (int() of 5,000 digits
    raises, and converting a long one takes time quadratic in its length)."""

    digits: int


def _number(text: str) -> int | _LongNumber | None:
    """A long number as _LongNumber, or None to convert `text` as usual."""
    digits = sum(1 for char in text if char.isalnum())
    return _LongNumber(digits) if digits > MAX_NUMBER_DIGITS else None


def _construct_int(loader: _RequestLoader, node: yaml.ScalarNode):
    return _number(node.value) or yaml.SafeLoader.construct_yaml_int(loader, node)


def _json_int(text: str) -> int | _LongNumber:
    return _number(text) or int(text)


_RequestLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_RequestLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def request_schema() -> dict:
    return json.loads(resources.files("pipeline.schema").joinpath("request.schema.json").read_text("utf-8"))


def load_request(
    name: str, data: bytes, seconds: float = DEFAULT_LIMITS.max_seconds_per_document
) -> LoadedRequest:
    """Parse and validate a request file's bytes within `seconds`. Never raises for bad content."""
    try:
        with time_limit(seconds, "reading the data request"):
            return _load_request(name, data)
    except LimitExceeded as exc:
        return LoadedRequest(name, None, [RequestProblem("", str(exc))])


def _load_request(name: str, data: bytes) -> LoadedRequest:
    if len(data) > MAX_REQUEST_BYTES:
        return LoadedRequest(
            name, None, [RequestProblem("", f"the file is over {MAX_REQUEST_BYTES // 1024} KB")]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return LoadedRequest(name, None, [RequestProblem("", f"the file is not UTF-8 text ({exc.reason})")])
    lines = text.splitlines()
    try:
        content, node = _parse(name, text)
    except (yaml.YAMLError, json.JSONDecodeError, RecursionError) as exc:
        line = _error_line(exc)
        return LoadedRequest(name, None, [RequestProblem("", _parse_message(exc), line, _line(lines, line))])

    locate = _Locator(node, lines)
    try:
        found = long_numbers(content) or schema_problems(content)
    except RecursionError:
        return LoadedRequest(name, None, [RequestProblem("", "the file is nested too deeply to read")])
    submitted, headline = _submitted(content), _headline(content)
    if found:
        return LoadedRequest(name, None, _listed(found, locate), submitted=submitted, headline=headline)
    problems = [RequestProblem(path, message, *locate(path)) for path, message in impossible_values(content)]
    request = Request.from_dict(content)
    return LoadedRequest(name, request, problems, locate, submitted=request.submitted, headline=headline)


def _headline(content) -> dict[str, str | None]:
    if not isinstance(content, dict):
        return {}
    legal = content.get("legal_basis")
    basis = legal.get("common_law") if isinstance(legal, dict) else None
    values = {"reference": content.get("reference"), "title": content.get("title"), "basis": basis}
    return {
        key: " ".join(value.split())[:300] if isinstance(value, str) else None
        for key, value in values.items()
    }


def _submitted(content) -> date | None:
    value = content.get("submitted") if isinstance(content, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _listed(found: list[tuple[str, str]], locate: _Locator) -> list[RequestProblem]:
    """The first MAX_REQUEST_PROBLEMS problems in the order of the file, with their evidence; the
    last one says how many more there were."""
    ordered = sorted(found, key=lambda problem: (*locate.position(problem[0]), problem[0]))
    listed = [
        RequestProblem(path, message, *locate(path)) for path, message in ordered[:MAX_REQUEST_PROBLEMS]
    ]
    more = len(ordered) - len(listed)
    if more:
        listed[-1] = replace(
            listed[-1],
            message=f"{listed[-1].message} (and {more:,} more problems in the data request, not listed: "
            f"the first {len(listed)} are)",
        )
    return listed


def long_numbers(content) -> list[tuple[str, str]]:
    """Every number too long to read, as (field path, message); linear, and without recursion."""
    found: list[tuple[str, str]] = []
    pending: list[tuple[list, object]] = [([], content)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, _LongNumber):
            found.append((format_path(path), _long_number_words(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, _LongNumber):
                    found.append((format_path(path), f"a field's name is {_long_number_words(key)}"))
                else:
                    pending.append(([*path, key], item))
        elif isinstance(value, list):
            pending.extend(([*path, index], item) for index, item in enumerate(value))
    return found


def _long_number_words(number: _LongNumber) -> str:
    return f"a number of {number.digits:,} digits, too long to read (no value may have more than {MAX_NUMBER_DIGITS:,})"


def _parse(name: str, text: str):
    if name.lower().endswith(".json"):
        return json.loads(text, parse_int=_json_int), None
    loader = _RequestLoader(text)
    try:
        node = loader.get_single_node()
        content = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return content, node


def schema_problems(content) -> list[tuple[str, str]]:
    """Every way `content` breaks the request schema, as (field path, message)."""
    validator = _validator_class()(_inlined_schema(), format_checker=_format_checker())
    found: list[tuple[str, str]] = []
    for error in validator.iter_errors(content):
        path = list(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            found.append((format_path([*path, missing]), "a required field is missing"))
        elif error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - set(allowed), key=str):
                close = difflib.get_close_matches(str(extra), allowed, n=1, cutoff=0.75)
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                found.append((format_path([*path, extra]), f"is not a field of the data request{hint}"))
        elif error.validator == "enum":
            choices = ", ".join(str(choice) for choice in error.validator_value)
            found.append((format_path(path), f"{_shown(error.instance)} is not one of: {choices}"))
        elif error.validator == "type":
            found.append(
                (
                    format_path(path),
                    f"should be {_type_words(error.validator_value)}, not {_shown(error.instance)}",
                )
            )
        elif error.validator == "format" and error.validator_value == "date":
            found.append(
                (format_path(path), f"{_shown(error.instance)} is not a real date in the form YYYY-MM-DD")
            )
        elif error.validator in ("minLength", "minItems"):
            found.append((format_path(path), "must not be empty"))
        elif error.validator == "uniqueItems":
            found.append((format_path(path), "lists the same item more than once"))
        else:
            found.append((format_path(path), _clip(error.message)))
    return _misspelt_required(found)


@cache
def _validator_class():
    """Draft 2020-12, with `uniqueItems` in linear time: jsonschema compares every pair of items
    that cannot be sorted (81,000 mappings: over 3 billion comparisons)."""
    import jsonschema  # ~0.1 s to import: only for a bundle that has a request

    def unique_items(validator, unique, instance, schema):
        if unique and validator.is_type(instance, "array") and not _all_different(instance):
            yield jsonschema.ValidationError("has non-unique elements")

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"uniqueItems": unique_items})


@cache
def _inlined_schema() -> dict:
    """The request schema with each `{"$ref": "#/$defs/NAME"}` replaced by the definition itself (none
    refers to another): the same rules, without a reference lookup for every item of a long list."""
    schema = request_schema()
    definitions = schema.get("$defs", {})

    def inline(part):
        if isinstance(part, dict):
            target = part.get("$ref", "")
            if len(part) == 1 and target.startswith("#/$defs/") and target[8:] in definitions:
                return inline(definitions[target[8:]])
            return {key: inline(value) for key, value in part.items()}
        if isinstance(part, list):
            return [inline(item) for item in part]
        return part

    return inline(schema)


@cache
def _format_checker():
    import jsonschema

    return jsonschema.FormatChecker()


def _all_different(items: list) -> bool:
    """True when no two items are equal as JSON Schema compares them (1 equals 1.0, not true)."""
    seen = set()
    for item in items:
        key = _comparable(item)
        if key in seen:
            return False
        seen.add(key)
    return True


def _comparable(value):
    """A hashable stand-in for `value` that is equal exactly when JSON Schema says the values are."""
    if isinstance(value, bool) or value is None:
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, str):
        return ("string", value)
    if isinstance(value, list):
        return ("array", tuple(_comparable(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, _comparable(item)) for key, item in value.items()))
    return ("other", id(value))


def _shown(value) -> str:
    """A value as a message shows it: its repr, cut short."""
    if isinstance(value, list | dict) and len(value) > 20:
        kind = "a list" if isinstance(value, list) else "a mapping"
        return f"{kind} of {len(value):,} items"
    return _clip(repr(value), width=80)


def _clip(text: str, column: int = 0, width: int = QUOTE_CHARS) -> str:
    """At most `width` characters of `text`, around `column`, with … where it is cut."""
    if len(text) <= width:
        return text
    start = max(0, min(column - width // 4, len(text) - width))
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def impossible_values(content: dict) -> list[tuple[str, str]]:
    """Values the schema allows but that cannot be true: a period that ends before it starts."""
    found: list[tuple[str, str]] = []
    for index, dataset in enumerate(content.get("datasets") or []):
        if _reversed(dataset.get("start"), dataset.get("end")):
            found.append(
                (f"datasets[{index}].end", f"ends ({dataset['end']}) before it starts ({dataset['start']})")
            )
    cohort = content.get("cohort") or {}
    if _reversed(cohort.get("recruitment_start"), cohort.get("recruitment_end")):
        found.append(
            (
                "cohort.recruitment_end",
                f"recruitment ends ({cohort['recruitment_end']}) before it starts ({cohort['recruitment_start']})",
            )
        )
    for index, organisation in enumerate(content.get("organisations") or []):
        dspt = (organisation.get("security") or {}).get("dspt") or {}
        if dspt.get("year") and dspt_first_year(dspt["year"]) is None:
            found.append(
                (
                    f"organisations[{index}].security.dspt.year",
                    f"{dspt['year']!r} is not a DSPT assessment year: its two parts are not consecutive "
                    "years (write it as 2023-24)",
                )
            )
    return found


def _misspelt_required(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A required field reported missing and a key beside it that misspells it are one problem,
    placed on the misspelt key's line: "identifers: is not a field ... (did you mean `identifiers`?),
    a required field that is missing"."""
    missing = {path for path, message in found if message == "a required field is missing"}
    merged, used = [], set()
    for path, message in found:
        hint = re.search(r"\(did you mean `([^`]+)`\?\)$", message)
        if hint:
            parent = path.rsplit(".", 1)[0] if "." in path else ""
            wanted = f"{parent}.{hint.group(1)}" if parent else hint.group(1)
            if wanted in missing:
                used.add(wanted)
                message = (
                    message[: hint.start()] + f"(did you mean `{hint.group(1)}`? It is required and missing)"
                )
        merged.append((path, message))
    return [(path, message) for path, message in merged if path not in used]


def _reversed(start: str | None, end: str | None) -> bool:
    if not start or not end:
        return False
    return date.fromisoformat(start) > date.fromisoformat(end)


def format_path(parts: list) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(the whole request)"


def _type_words(expected) -> str:
    names = expected if isinstance(expected, list) else [expected]
    words = {
        "object": "a mapping of fields",
        "array": "a list",
        "string": "text",
        "boolean": "true or false",
        "null": "empty (null)",
        "integer": "a whole number",
        "number": "a number",
    }
    return " or ".join(words.get(name, name) for name in names)


def _parse_message(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"the file is not valid JSON: {exc.msg}"
    if isinstance(exc, RecursionError):
        return "the file is nested too deeply to read"
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"the file is not valid YAML: {problem}"


def _error_line(exc: Exception) -> int | None:
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark is not None else None


def _line(lines: list[str], line: int | None, column: int = 0) -> str:
    """The words of `line`, a window of at most QUOTE_CHARS around `column` of a long one."""
    if line is None or not 0 < line <= len(lines):
        return ""
    return _clip(lines[line - 1], column).strip()


class _Locator:
    """Finds the line of a field path in the composed YAML, for evidence."""

    def __init__(self, node, lines: list[str]) -> None:
        self.node = node
        self.lines = lines

    def __call__(self, path: str) -> tuple[int | None, str]:
        """The line of `path` and the words there: a window of the line around the field."""
        node, line, column = self._find(path)
        if node is None:
            return None, ""
        words = _line(self.lines, line, column)
        if isinstance(node, yaml.SequenceNode) and node.value and node.start_mark.line + 1 > line:
            # A block list starts on the line after its key: quote the key's line and the items' lines
            # as the file writes them (at most 20 lines), never a list the file does not contain.
            last = min(node.end_mark.line + (1 if node.end_mark.column else 0), line + 20)
            words = " ".join(" ".join(self.lines[number - 1].split()) for number in range(line, last + 1))
            words = _clip(words, 0).strip()
        return line, words

    def position(self, path: str) -> tuple[int, int]:
        """(line, column) of `path`, to put problems in the order of the file; (0, 0) when unknown."""
        _, line, column = self._find(path)
        return line or 0, column

    def _find(self, path: str):
        node = self.node
        if node is None:
            return None, None, 0
        line, column = node.start_mark.line + 1, node.start_mark.column
        for step in _steps(path):
            child = _child(node, step)
            if child is None:
                break
            node, mark = child
            line, column = mark.line + 1, mark.column
        return node, line, column


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for piece in path.replace("[", ".[").split("."):
        if not piece or piece == "(the whole request)":
            continue
        steps.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return steps


def _child(node, step):
    """The node of `step` under `node`, and the mark a reviewer looks at: the key, or the item."""
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if getattr(key, "value", None) == step:
                return value, key.start_mark
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item = node.value[step]
        return item, item.start_mark
    return None
