"""Score the extractors on real public documents keyed by hand (issue 12).

    python bench/real_documents.py TEXTS [--keys tests/real/keys.yaml] [--json OUT] [--show]

`tests/real/keys.yaml` holds, for each excerpt, where it came from (its URL) and what a reader keyed
in it before the tool ever read it: its kind, the identifiers and datasets it states for the study's
participants, whether it states linkage with national records, the controllers it names, whether it
says NHS England (or a predecessor) provides data, and its own version and date. The texts are other
people's words and stay out of the repository: TEXTS is a folder of `NNN.txt` files, the excerpts as
the project's search tool returned them for those URLs.

Each text is read as a `.txt` document named `document.txt` (so no file name gives its kind away),
parsed and extracted exactly as `dars-evidence extract` does. Printed: kind accuracy, precision of
the kinds that count as evidence, and precision and recall for each fact.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.documents.kinds import CAG_FAMILY, CAG_KINDS  # noqa: E402
from extractors.documents.kinds import EVIDENCE_KINDS as KIND_EVIDENCE  # noqa: E402
from pipeline.bundle import BundleFile  # noqa: E402
from pipeline.limits import DEFAULT_LIMITS  # noqa: E402
from pipeline.load import load_document  # noqa: E402

KEYS = Path(__file__).resolve().parents[1] / "tests" / "real" / "keys.yaml"
# Kinds that count as evidence for a legal basis (the classifier's own list, its CAG letter family
# as the three kinds): a wrong one makes a check pass that should fail.
EVIDENCE_KINDS = {*CAG_KINDS, *(kind for kind in KIND_EVIDENCE if kind != CAG_FAMILY)}
SET_FACTS = ("identifiers", "datasets", "controllers")
# The tool writes Hospital Episode Statistics as a whole ("HES", "hospital records") as `hes_*`;
# domain.md: it covers every hes_* dataset, which is how the keys write it.
HES_FAMILY = ("hes_apc", "hes_op", "hes_ae", "hes_cc")
FLAG_FACTS = ("linkage", "nhs_england_source")


def read(text: bytes) -> dict:
    """What the tool says of one text, in the keys' terms."""
    document = load_document(BundleFile("document.txt", len(text), opener=lambda: text), DEFAULT_LIMITS)
    facts = document.facts
    names = Counter(fact.name for fact in facts.facts)
    return {
        "kind": facts.kind,
        "identifiers": sorted(set(facts.identifiers)),
        "datasets": sorted(
            {
                item
                for dataset in facts.datasets
                for item in (HES_FAMILY if dataset == "hes_*" else (dataset,))
            }
        ),
        # Named as controller either way the tool records it: an organisation's role, or a notice's
        # "controller_named" statement.
        "controllers": sorted(
            {org["name"] for org in _organisations(facts) if org.get("role") == "controller"}
            | {fact.value for fact in facts.facts if fact.name == "controller_named"}
        ),
        "linkage": names["linkage_statement"] > 0,
        "nhs_england_source": names["source_nhs_england"] > 0,
        "version": facts.version,
        "date": facts.date,
    }


def _organisations(facts) -> list[dict]:
    return [org if isinstance(org, dict) else org.to_dict() for org in facts.organisations]


def name_key(name: str) -> str:
    """Controllers compare by their words, case and punctuation aside, a leading "the" dropped."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def score(keys: list[dict], texts: Path) -> dict:
    kinds = Counter()
    evidence = Counter()
    sets = {fact: Counter() for fact in SET_FACTS}
    flags = {fact: Counter() for fact in FLAG_FACTS}
    exact = {field: Counter() for field in ("version", "date")}
    rows = []
    for key in keys:
        path = texts / f"{key['id']}.txt"
        if not path.exists():
            rows.append({"id": key["id"], "missing": True})
            continue
        got = read(path.read_bytes())
        kinds["right" if got["kind"] == key["kind"] else "wrong"] += 1
        if got["kind"] in EVIDENCE_KINDS:
            evidence["right" if got["kind"] == key["kind"] else "wrong"] += 1
        for fact in SET_FACTS:
            norm = name_key if fact == "controllers" else str
            want = {norm(item) for item in key.get(fact) or []}
            have = {norm(item) for item in got[fact]}
            sets[fact].update(tp=len(want & have), fp=len(have - want), fn=len(want - have))
        for fact in FLAG_FACTS:
            want, have = bool(key.get(fact)), got[fact]
            flags[fact].update(tp=want and have, fp=have and not want, fn=want and not have)
        for field in exact:
            exact[field]["right" if str(got[field]) == str(key.get(field)) else "wrong"] += 1
        rows.append({"id": key["id"], "key": {k: key.get(k) for k in got}, "got": got})
    return {
        "texts": sum(kinds.values()),
        "kind_accuracy": _ratio(kinds["right"], kinds["right"] + kinds["wrong"]),
        "evidence_kind_precision": _ratio(evidence["right"], evidence["right"] + evidence["wrong"]),
        "evidence_kind_claims": evidence["right"] + evidence["wrong"],
        "facts": {fact: _pr(counts) for fact, counts in {**sets, **flags}.items()},
        "exact": {field: _ratio(c["right"], c["right"] + c["wrong"]) for field, c in exact.items()},
        "rows": rows,
    }


def _pr(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "tp": tp, "fp": fp, "fn": fn}


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path, help="folder of NNN.txt excerpts")
    parser.add_argument("--keys", type=Path, default=KEYS)
    parser.add_argument("--json", type=Path, help="write every text's key and reading here")
    parser.add_argument("--show", action="store_true", help="print each text whose reading differs")
    args = parser.parse_args()
    keys = yaml.safe_load(args.keys.read_text(encoding="utf-8"))
    result = score(keys, args.texts)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.show:
        for row in result["rows"]:
            if row.get("missing"):
                print(f"{row['id']}: text missing")
                continue
            differ = {k: (row["key"][k], v) for k, v in row["got"].items() if _differs(k, row["key"][k], v)}
            if differ:
                print(row["id"], {k: f"key={a!r} got={b!r}" for k, (a, b) in differ.items()})
    print(f"texts {result['texts']}")
    print(f"kind accuracy {result['kind_accuracy']}")
    print(
        f"evidence-kind precision {result['evidence_kind_precision']} "
        f"({result['evidence_kind_claims']} texts given an evidence kind)"
    )
    for fact, pr in result["facts"].items():
        print(f"{fact:20} P={pr['precision']} R={pr['recall']} (tp {pr['tp']}, fp {pr['fp']}, fn {pr['fn']})")
    for field, accuracy in result["exact"].items():
        print(f"{field:20} exact {accuracy}")


def _differs(field: str, want, have) -> bool:
    if field in SET_FACTS:
        norm = name_key if field == "controllers" else str
        return {norm(x) for x in want or []} != {norm(x) for x in have}
    if field in FLAG_FACTS:
        return bool(want) != bool(have)
    return str(want) != str(have)


if __name__ == "__main__":
    main()
