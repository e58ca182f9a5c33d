"""The request's optional fields of the catalogue's third edition that `pipeline.request_model` does not
model yet (a dataset's `release`, an organisation's `security`, `honorary_contracts`), read from the
parsed request. Kept in one place so that the model can take them over."""

from __future__ import annotations

from checks.context import CheckContext
from checks.evidence import request_evidence
from pipeline.findings import Evidence


def _raw(ctx: CheckContext) -> dict:
    return ctx.req.raw or {}


def dataset_release(ctx: CheckContext, index: int) -> str | None:
    datasets = _raw(ctx).get("datasets") or []
    return datasets[index].get("release") if index < len(datasets) else None


def organisation_security(ctx: CheckContext, index: int) -> dict:
    organisations = _raw(ctx).get("organisations") or []
    return (organisations[index].get("security") or {}) if index < len(organisations) else {}


def honorary_contracts_used(ctx: CheckContext) -> bool:
    return (_raw(ctx).get("honorary_contracts") or {}).get("used") is True


def field_evidence(ctx: CheckContext, path: str) -> Evidence:
    """The request's line for a dotted field path, or, when the request does not give the field, what
    was searched (an absence cites the search, not the file's first line)."""
    node = _raw(ctx)
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return Evidence(ctx.request.file, quote=f"{path}: not given", location=f"searched: {path}")
        node = node[key]
    return request_evidence(ctx, path)
