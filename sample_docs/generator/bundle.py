"""A bundle definition and the steps that derive one bundle from another.

A variant is a baseline put through a few steps (drop a document, edit a document's spec, add a
document or a file, edit the request, move the as-of date), so a planted discrepancy is visible as the
difference from its baseline."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .model import DocSpec
from .studies import Study

Step = Callable[["Bundle"], "Bundle"]


@dataclass(frozen=True)
class Bundle:
    name: str
    study: Study
    as_of: date
    request: dict | None
    docs: tuple[tuple[str, DocSpec], ...]
    extras: tuple[tuple[str, bytes], ...] = ()  # files with no key: unreadable, refused or ignored
    expect: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    archive: str | None = (
        None  # None (a folder) | "zip" (one top-level folder) | "zip-flat" (members at root)
    )
    note: str = ""
    request_text: str | None = None  # the request.yaml text, when it must be written by hand (broken YAML)
    register: str | None = None  # the CAG register (beside keys.json) the bundle is checked with


def variant(
    base: Bundle, name: str, note: str, expect: list[str], *steps: Step, allow: tuple[str, ...] = ()
) -> Bundle:
    bundle = replace(base, name=name, note=note, expect=tuple(sorted(expect)), allow=tuple(sorted(allow)))
    for step in steps:
        bundle = step(bundle)
    return bundle


def drop(*targets: str | type) -> Step:
    """Remove documents by kind, spec class or path."""

    def step(b: Bundle) -> Bundle:
        return replace(b, docs=tuple((p, s) for p, s in b.docs if not _matches(p, s, targets)))

    return step


def edit(target: str | type, **changes) -> Step:
    """Change fields of the documents a kind, spec class or path selects."""

    def step(b: Bundle) -> Bundle:
        hits = [p for p, s in b.docs if _matches(p, s, (target,))]
        assert hits, f"{b.name}: nothing matches {target}"
        return replace(b, docs=tuple((p, replace(s, **changes) if p in hits else s) for p, s in b.docs))

    return step


def add(path: str, spec: DocSpec) -> Step:
    def step(b: Bundle) -> Bundle:
        return replace(b, docs=(*b.docs, (path, spec)))

    return step


def add_file(path: str, data: bytes | Callable[[Bundle], bytes]) -> Step:
    def step(b: Bundle) -> Bundle:
        return replace(b, extras=(*b.extras, (path, data(b) if callable(data) else data)))

    return step


def request(change: Callable[[dict], object]) -> Step:
    """Edit a deep copy of the request; ``change`` mutates it in place."""

    def step(b: Bundle) -> Bundle:
        req = copy.deepcopy(b.request)
        change(req)
        return replace(b, request=req)

    return step


def checked_with(register: str) -> Step:
    """Check the bundle with this CAG register (`--cag-register`; `register.py` writes it)."""

    def step(b: Bundle) -> Bundle:
        return replace(b, register=register)

    return step


def no_request(b: Bundle) -> Bundle:
    return replace(b, request=None)


def as_of(day: date) -> Step:
    def step(b: Bundle) -> Bundle:
        return replace(b, as_of=day)

    return step


def archive(kind: str) -> Step:
    def step(b: Bundle) -> Bundle:
        return replace(b, archive=kind)

    return step


def request_text(text: str) -> Step:
    def step(b: Bundle) -> Bundle:
        return replace(b, request_text=text)

    return step


def doc(b: Bundle, target: str | type) -> DocSpec:
    """The one document a kind, class or path selects."""
    hits = [s for p, s in b.docs if _matches(p, s, (target,))]
    assert len(hits) == 1, f"{b.name}: {len(hits)} documents match {target}"
    return hits[0]


def _matches(path: str, spec: DocSpec, targets) -> bool:
    for t in targets:
        if isinstance(t, type) and isinstance(spec, t):
            return True
        if isinstance(t, str) and (t == path or t == spec.kind):
            return True
    return False
