"""Evidence for a request field that may be absent: its line when given, else what was searched."""

from __future__ import annotations

from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Evidence


def _raw(ctx: CheckContext) -> dict:
    return ctx.req.raw or {}


def honorary_contracts_used(ctx: CheckContext) -> bool:
    contracts = ctx.req.honorary_contracts
    return bool(contracts and contracts.used is True)


def field_evidence(ctx: CheckContext, path: str) -> Evidence:
    """The request's line for a dotted field path, or, when the request does not give the field, what
    was searched (an absence cites the search, not the file's first line)."""
    node = _raw(ctx)
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return Evidence(ctx.request.file, quote=f"{path}: not given", location=f"searched: {path}")
        node = node[key]
    return request_evidence(ctx, path)
