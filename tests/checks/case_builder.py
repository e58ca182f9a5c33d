"""Builds a CheckContext from a case written as data (tests/checks/cases/CODE.yaml).

A case names documents (path, status, sha256, size, text; summary facts such as kind, version,
date, identifiers, datasets, organisations, references; and named `facts`, each
`{name, value, detail?, quote?, page?}`), the request (`request: none`, a raw `request_text`, or
`request_changes` applied to the valid example request: dotted paths, list indices as numbers,
`__delete__` to remove a field), the as-of date, whether a single document is checked, and the CAG
register (`register: unreadable`, or `{columns: [roles], rows: [{sheet, row, reference, ...}]}`: each
row's cells by role, read as a register file's cells are).

    fires:
      - name: postcode not covered
        request_changes: {identifiers: [nhs_number, postcode]}
        documents:
          - {path: cag/letter.pdf, kind: cag_approval, identifiers: [nhs_number],
             facts: [{name: identifier, value: nhs_number, quote: "NHS number will be sent"}]}
        count: 1
        message_contains: [postcode]
"""

from __future__ import annotations

import copy
from datetime import date

import yaml

from checks.context import CheckContext
from extractors.facts import DocumentFacts, Fact
from pipeline.findings import Evidence
from pipeline.model import Block, Document, ParsedDocument, Status
from pipeline.register import CagRegister, register_from_tables
from pipeline.register.headers import HEADERS, ROLES
from pipeline.register.tables import Table
from pipeline.request import load_request
from tests.builders import VALID_REQUEST

FACT_FIELDS = ("kind", "title", "version", "date", "identifiers", "datasets", "organisations")


def build_document(spec: dict) -> Document:
    status = Status(spec.get("status", "ok"))
    text = spec.get("text", "")
    parsed = None
    if status is not Status.UNREADABLE:
        pages = spec.get("pages", 1)
        blocks = [Block(index=0, text=text, page=1)] if text or status is Status.NO_TEXT else []
        parsed = ParsedDocument(format=spec.get("format", "pdf"), blocks=blocks, pages=pages)
    document = Document(
        path=spec["path"],
        size=spec.get("size", 1000),
        sha256=spec.get("sha256", f"sha-of-{spec['path']}"),
        status=status,
        reason=spec.get("reason"),
        parsed=parsed,
    )
    facts = DocumentFacts()
    for name in FACT_FIELDS:
        if name in spec:
            setattr(facts, name, spec[name])
    if "references" in spec:
        facts.references.update(spec["references"])
    for item in spec.get("facts", []):
        quote = item.get("quote", str(item["value"]))
        evidence = Evidence(
            spec["path"], quote=quote, page=item.get("page", 1), location=f"page {item.get('page', 1)}"
        )
        facts.add(
            Fact(item["name"], item["value"], evidence, extractor="test-case", detail=item.get("detail"))
        )
        if item["name"] == "version" and "version" not in spec:
            facts.version = item["value"]
        if item["name"] == "document_date" and "date" not in spec:
            facts.date = item["value"]
        if item["name"] == "identifier" and item["value"] not in facts.identifiers:
            facts.identifiers.append(item["value"])
        if item["name"] == "dataset" and item["value"] not in facts.datasets:
            facts.datasets.append(item["value"])
        if item["name"] == "cag_reference" and item["value"] not in facts.references["cag"]:
            facts.references["cag"].append(item["value"])
        if item["name"] == "rec_reference" and item["value"] not in facts.references["rec"]:
            facts.references["rec"].append(item["value"])
    document.facts = facts
    return document


def build_request(case: dict):
    if case.get("request") == "none":
        return None
    if "request_text" in case:
        return load_request(case.get("request_file", "request.yaml"), case["request_text"].encode())
    data = yaml.safe_load(VALID_REQUEST)
    for path, value in (case.get("request_changes") or {}).items():
        _set(data, path, value)
    text = yaml.safe_dump(_stringify_dates(data), sort_keys=False)
    return load_request("request.yaml", text.encode())


def build_context(case: dict) -> CheckContext:
    documents = tuple(build_document(spec) for spec in case.get("documents", []))
    as_of = date.fromisoformat(str(case.get("as_of", "2024-05-01")))
    return CheckContext(
        documents,
        build_request(case),
        as_of,
        single_document=case.get("single_document", False),
        register=build_register(case.get("register")),
    )


def build_register(spec):
    """A CAG register from a case: its rows become sheets' tables, each role under its first header."""
    if spec is None:
        return None
    if spec == "unreadable":
        return CagRegister.unreadable(
            "register.xlsx", None, "the file is not an Excel workbook, or is damaged"
        )
    roles = spec.get("columns", list(ROLES))
    tables: dict[str, Table] = {}
    for number, row in enumerate(spec.get("rows", []), start=2):
        sheet = row.get("sheet", "Index")
        table = tables.setdefault(
            sheet,
            Table(sheet, 1, {r: i for i, r in enumerate(roles)}, {r: HEADERS[r][0].title() for r in roles}),
        )
        table.rows.append((row.get("row", number), tuple(row.get(role) for role in roles)))
    return register_from_tables(spec.get("file", "register.xlsx"), None, list(tables.values()))


def _set(data: dict, path: str, value) -> None:
    keys = path.split(".")
    target = data
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target.setdefault(key, {})
    last = keys[-1]
    if value == "__delete__":
        target.pop(last, None)
    elif isinstance(target, list):
        target[int(last)] = copy.deepcopy(value)
    else:
        target[last] = copy.deepcopy(value)


def _stringify_dates(value):
    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
