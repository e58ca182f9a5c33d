"""The committed sample bundles: their keys agree with the files, and the generator reproduces them."""

from __future__ import annotations

import importlib.util
import json
import re
import zipfile
from pathlib import Path, PurePosixPath

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs"
BUNDLES = SAMPLES / "bundles"
KINDS = {
    "s251_application",
    "cag_approval",
    "cag_amendment",
    "cag_annual_review",
    "consent_form",
    "participant_information_sheet",
    "privacy_notice",
    "rec_approval",
    "protocol",
    "transfer_risk_assessment",
    "cohort_communication",
    "data_request",
    "other",
}
CODE = re.compile(r"^(REQ|DOC|LB|S251|REG|DATA|MIN|CON|NDOO|PUR|PN|ORG|SEC|HON|ACC|TER|SUB)-\d{3}$")


def _keys() -> dict:
    return json.loads((BUNDLES / "keys.json").read_text(encoding="utf-8"))


def _bundle_paths(name: str) -> set[str]:
    """Document paths of a bundle folder or zip, relative to the bundle root as bundle.md defines it."""
    folder = BUNDLES / name
    if folder.is_dir():
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    with zipfile.ZipFile(BUNDLES / f"{name}.zip") as zf:
        names = [n for n in zf.namelist() if not n.endswith("/") and not n.startswith("__MACOSX/")]
    tops = {PurePosixPath(n).parts[0] for n in names}
    if len(tops) == 1 and all(len(PurePosixPath(n).parts) > 1 for n in names):
        top = tops.pop()
        return {n[len(top) + 1 :] for n in names}
    return set(names)


def test_sample_bundles_keys_name_existing_bundles():
    for name in _keys():
        assert (BUNDLES / name).is_dir() or (BUNDLES / f"{name}.zip").is_file(), name


def test_sample_bundles_key_documents_exist_in_their_bundle():
    for name, key in _keys().items():
        missing = set(key["documents"]) - _bundle_paths(name)
        assert not missing, f"{name}: {sorted(missing)}"


def test_sample_bundles_keys_are_well_formed():
    for name, key in _keys().items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", key["as_of"]), name
        for code in [*key["expect"], *key["allow"]]:
            assert CODE.match(code), f"{name}: {code}"
        assert not set(key["expect"]) & set(key["allow"]), name
        for path, doc in key["documents"].items():
            assert doc["kind"] in KINDS, f"{name}/{path}: {doc['kind']}"
            assert doc["date"] is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", doc["date"]), f"{name}/{path}"
            assert doc["version"] is None or not doc["version"].lower().startswith("v"), f"{name}/{path}"
            assert doc["date"] is None or doc["date"] <= key["as_of"] or "DOC-007" in key["expect"], (
                f"{name}/{path}"
            )


def test_sample_bundles_baselines_expect_nothing():
    keys = _keys()
    for name in ("s251-baseline", "consent-baseline"):
        assert keys[name]["expect"] == [] and keys[name]["allow"] == []


def test_sample_bundles_regenerate_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "bundles"
    module.build(out)

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    fresh, committed = tree(out), tree(BUNDLES)
    assert sorted(fresh) == sorted(committed)
    changed = [path for path in fresh if fresh[path] != committed[path]]
    assert not changed, f"regenerated files differ: {changed[:10]}"
