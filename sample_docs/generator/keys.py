"""``keys.json``: for each bundle, the as-of date, the codes that must and may be reported, and the key
facts of every readable document, taken from the same specs that produced the documents."""

from __future__ import annotations

import json

from .bundle import Bundle


def bundle_key(bundle: Bundle) -> dict:
    key = {
        "as_of": bundle.as_of.isoformat(),
        "expect": list(bundle.expect),
        "allow": list(bundle.allow),
        "documents": {path: spec.key(bundle.study) for path, spec in bundle.docs if spec.kind is not None},
    }
    if bundle.register:
        key["register"] = bundle.register  # the scorer passes it with --cag-register
    return key


def keys_json(bundles: list[Bundle]) -> str:
    keys = {b.name: bundle_key(b) for b in sorted(bundles, key=lambda b: b.name)}
    return json.dumps(keys, indent=2, ensure_ascii=False) + "\n"
