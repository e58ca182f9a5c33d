"""Loading the data request (`request.yaml`, `.yml` or `.json`) and finding what is wrong with it.

Each problem is kept with its field path (`datasets[1].end`), the line it sits on and the words
there, so REQ-001 can report one finding per problem with its evidence. YAML aliases are refused
(a data request never needs them, and they are how a "YAML bomb" multiplies), and timestamps are
left as strings so the schema's `date` format decides what a valid date is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

import yaml

from pipeline.request_model import Request

MAX_REQUEST_BYTES = 1_048_576


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

    @property
    def usable(self) -> bool:
        return self.request is not None

    def locate(self, path: str) -> tuple[int | None, str]:
        """The line of a field path (`datasets[1].end`) and the words on it, for evidence."""
        return self.locator(path) if self.locator else (None, "")


class _RequestLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit timestamps."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not accepted in a data request", event.start_mark
            )
        return super().compose_node(parent, index)


_RequestLoader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def request_schema() -> dict:
    return json.loads(resources.files("pipeline.schema").joinpath("request.schema.json").read_text("utf-8"))


def load_request(name: str, data: bytes) -> LoadedRequest:
    """Parse and validate a request file's bytes. Never raises for bad content."""
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
    problems = [RequestProblem(path, message, *locate(path)) for path, message in schema_problems(content)]
    if problems:
        return LoadedRequest(name, None, sorted(problems, key=lambda p: (p.line or 0, p.path)))
    problems = [RequestProblem(path, message, *locate(path)) for path, message in impossible_values(content)]
    return LoadedRequest(name, Request.from_dict(content), problems, locate)


def _parse(name: str, text: str):
    if name.lower().endswith(".json"):
        return json.loads(text), None
    loader = _RequestLoader(text)
    try:
        node = loader.get_single_node()
        content = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return content, node


def schema_problems(content) -> list[tuple[str, str]]:
    """Every way `content` breaks the request schema, as (field path, message)."""
    import jsonschema  # ~0.1 s to import: only for a bundle that has a request

    validator = jsonschema.Draft202012Validator(request_schema(), format_checker=jsonschema.FormatChecker())
    found: list[tuple[str, str]] = []
    for error in validator.iter_errors(content):
        path = list(error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            found.append((format_path([*path, missing]), "a required field is missing"))
        elif error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - allowed, key=str):
                found.append((format_path([*path, extra]), "is not a field of the data request"))
        elif error.validator == "enum":
            choices = ", ".join(str(choice) for choice in error.validator_value)
            found.append((format_path(path), f"{error.instance!r} is not one of: {choices}"))
        elif error.validator == "type":
            found.append(
                (format_path(path), f"should be {_type_words(error.validator_value)}, not {error.instance!r}")
            )
        elif error.validator == "format" and error.validator_value == "date":
            found.append((format_path(path), f"{error.instance!r} is not a real date in the form YYYY-MM-DD"))
        elif error.validator in ("minLength", "minItems"):
            found.append((format_path(path), "must not be empty"))
        elif error.validator == "uniqueItems":
            found.append((format_path(path), "lists the same item more than once"))
        else:
            found.append((format_path(path), error.message))
    return found


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
    return found


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


def _line(lines: list[str], line: int | None) -> str:
    if line is None or not 0 < line <= len(lines):
        return ""
    return lines[line - 1].strip()


class _Locator:
    """Finds the line of a field path in the composed YAML, for evidence."""

    def __init__(self, node, lines: list[str]) -> None:
        self.node = node
        self.lines = lines

    def __call__(self, path: str) -> tuple[int | None, str]:
        node = self.node
        if node is None:
            return None, ""
        line = node.start_mark.line + 1
        for step in _steps(path):
            child = _child(node, step)
            if child is None:
                break
            node, line = child
        words = _line(self.lines, line)
        if isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
            # A block list starts on the line after its key: quote the items, not the bare key.
            items = ", ".join(item.value for item in node.value)
            words = f"{words.rstrip(':[] ').split(':')[0]}: [{items}]"
        return line, words


def _steps(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for piece in path.replace("[", ".[").split("."):
        if not piece or piece == "(the whole request)":
            continue
        steps.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return steps


def _child(node, step):
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if getattr(key, "value", None) == step:
                return value, key.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item = node.value[step]
        return item, item.start_mark.line + 1
    return None
