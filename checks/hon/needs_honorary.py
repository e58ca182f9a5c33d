"""The skip shared by the HON checks that read the request's `honorary_contracts` (checks.md)."""

from __future__ import annotations

from checks.context import CheckContext


def honorary_skip(ctx: CheckContext) -> str | None:
    if ctx.req.honorary_contracts is None:
        return "the request does not say whether honorary contracts are used (no honorary_contracts)"
    return None
