"""Small pieces of English the views share: a count with its noun in the right number."""

from __future__ import annotations

IRREGULAR = {"bundle": "bundles", "document": "documents", "error": "errors", "warning": "warnings"}


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 error`, `2 errors`, `0 documents`."""
    return f"{number} {noun if number == 1 else plural or IRREGULAR.get(noun, noun + 's')}"
