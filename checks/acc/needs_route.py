"""The skip shared by the ACC checks, which need the request's `access.route` (checks.md)."""

from __future__ import annotations

from checks.context import CheckContext


def route_skip(ctx: CheckContext) -> str | None:
    if ctx.req.access is None or ctx.req.access.route is None:
        return "the request does not say how the data will be accessed (no access.route)"
    return None
