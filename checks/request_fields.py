"""The request's optional fields of the catalogue's third edition that `pipeline.request_model` does not
model yet (a dataset's `release`, an organisation's `security`, `honorary_contracts`), read from the
parsed request. Kept in one place so that the model can take them over."""

from __future__ import annotations

from checks.context import CheckContext


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
