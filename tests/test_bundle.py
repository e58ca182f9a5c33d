from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from pipeline.bundle import BundleError, open_bundle
from pipeline.errors import UnreadableDocument
from pipeline.limits import DEFAULT_LIMITS, MB, Limits
from tests.builders import VALID_REQUEST


def make_folder(root: Path, files: dict[str, bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def make_zip(path: Path, members: dict[str, bytes], links: dict[str, str] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        for name, target in dict(links).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path


def paths(bundle) -> list[str]:
    return [f.path for f in bundle.files]


def test_folder_ignores_hidden_files_and_macosx(tmp_path: Path) -> None:
    make_folder(
        tmp_path,
        {
            "cag/letter.pdf": b"%PDF-",
            "protocol.pdf": b"%PDF-",  # beside cag/, so cag/ is not taken for the bundle's root
            ".DS_Store": b"x",
            ".git/config": b"x",
            "__MACOSX/cag/._letter.pdf": b"x",
            "cag/.~lock.letter#": b"x",
        },
    )
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert paths(bundle) == ["cag/letter.pdf", "protocol.pdf"]
        assert bundle.notes == []


def test_folder_holding_one_folder_is_read_from_it_as_a_zip_is(tmp_path: Path) -> None:
    make_folder(
        tmp_path,
        {
            "inner/request.yaml": VALID_REQUEST.encode(),
            "inner/cag/letter.pdf": b"%PDF-",
            ".DS_Store": b"x",
            "__MACOSX/inner/._request.yaml": b"x",
        },
    )
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert bundle.request is not None and bundle.request.path == "request.yaml"
        assert paths(bundle) == ["cag/letter.pdf"]
        assert bundle.notes == [
            "everything in the bundle is in one folder, inner/: that folder is read as the bundle's root, and "
            "paths are relative to it"
        ]


def test_folder_request_is_found_at_the_root_only(tmp_path: Path) -> None:
    make_folder(
        tmp_path, {"request.yaml": VALID_REQUEST.encode(), "old/request.yaml": b"x", "a.pdf": b"%PDF-"}
    )
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert bundle.request is not None and bundle.request.path == "request.yaml"
        assert paths(bundle) == ["a.pdf", "old/request.yaml"]


def test_folder_link_outside_the_bundle_is_refused_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    bundle_dir = tmp_path / "bundle"
    make_folder(bundle_dir, {"a.txt": b"inside"})
    os.symlink(outside, bundle_dir / "link.txt")
    os.symlink(tmp_path, bundle_dir / "up")
    with open_bundle(bundle_dir, DEFAULT_LIMITS) as bundle:
        by_path = {f.path: f for f in bundle.files}
        assert "outside the bundle" in by_path["link.txt"].problem
        assert "outside the bundle" in by_path["up"].problem
        with pytest.raises(Exception, match="outside the bundle"):
            by_path["link.txt"].read()


def test_folder_link_inside_the_bundle_is_read(tmp_path: Path) -> None:
    make_folder(tmp_path, {"a.txt": b"inside"})
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert {f.path: f.read() for f in bundle.files} == {"a.txt": b"inside", "b.txt": b"inside"}


def test_folder_file_over_size_limit_is_not_read(tmp_path: Path) -> None:
    make_folder(tmp_path, {"big.pdf": b"%PDF-" + b"0" * 2000})
    with open_bundle(tmp_path, Limits(max_file_bytes=1000)) as bundle:
        assert "over the limit" in bundle.files[0].problem


def test_zip_with_single_top_folder_is_relative_to_it(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "b.zip",
        {
            "asthma/request.yaml": b"x",
            "asthma/cag/letter.pdf": b"%PDF-",
            "__MACOSX/asthma/._letter.pdf": b"x",
            "asthma/.DS_Store": b"x",
        },
    )
    with open_bundle(archive, DEFAULT_LIMITS) as bundle:
        assert paths(bundle) == ["cag/letter.pdf"]
        assert bundle.request.path == "request.yaml"


def test_zip_members_that_escape_are_refused_and_listed(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "b.zip",
        {"a.pdf": b"%PDF-", "../evil.txt": b"x", "/etc/cron.d/x": b"x", "sub/../../up.txt": b"x"},
        links={"link.pdf": "/etc/passwd"},
    )
    with open_bundle(archive, DEFAULT_LIMITS) as bundle:
        problems = {f.path: f.problem for f in bundle.files}
    assert problems["a.pdf"] is None
    assert "leaves the bundle" in problems["../evil.txt"]
    assert "leaves the bundle" in problems["/etc/cron.d/x"]
    assert "leaves the bundle" in problems["sub/../../up.txt"]
    assert "link" in problems["link.pdf"]
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bundle_that_is_corrupt_stops_with_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BundleError, match="not a readable zip"):
        open_bundle(bad, DEFAULT_LIMITS)


def test_zip_bundle_members_past_the_inflation_limit_are_refused_and_the_rest_read(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "b.zip", {"a.txt": b"a" * 600_000, "b.txt": b"b" * 600_000, "c.txt": b"c"})
    with open_bundle(archive, Limits(max_inflated_bytes=MB)) as bundle:
        problems = {f.path: f.problem for f in bundle.files}
    assert problems["a.txt"] is None and problems["c.txt"] is None
    assert "over the limit of 1 MB (a zip bomb?) (raise it with --max-inflated-mb)" in problems["b.txt"]


def test_zip_bundle_member_with_a_huge_ratio_is_refused_alone(tmp_path: Path) -> None:
    archive = tmp_path / "b.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("padding.txt", bytes(3_000_000))
        out.writestr("a.txt", b"inside")
    with open_bundle(archive, DEFAULT_LIMITS) as bundle:
        by_path = {f.path: f for f in bundle.files}
        assert "to 1, over the limit of 200 to 1 (a zip bomb?)" in by_path["padding.txt"].problem
        assert by_path["a.txt"].read() == b"inside"


def test_zip_bundle_member_with_damaged_data_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    archive = tmp_path / "b.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("a.txt", b"the member that is damaged " * 100)
        out.writestr("b.txt", b"inside")
    data = bytearray(archive.read_bytes())
    data[40:60] = bytes(20)  # inside a.txt's deflated data
    archive.write_bytes(bytes(data))
    with open_bundle(archive, DEFAULT_LIMITS) as bundle:
        by_path = {f.path: f for f in bundle.files}
        with pytest.raises(UnreadableDocument, match="damaged in the zip archive"):
            by_path["a.txt"].read()
        assert by_path["b.txt"].read() == b"inside"


def test_folder_names_that_are_not_utf8_or_hold_control_characters_are_shown_safely(tmp_path: Path) -> None:
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as stream:
        stream.write(b"x")
    (tmp_path / "line\nbreak\u202etxt.pdf").write_bytes(b"x")
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        assert sorted(paths(bundle)) == ["caf\ufffd.txt", "line\ufffdbreak\ufffdtxt.pdf"]
        assert [f.read() for f in bundle.files] == [b"x", b"x"]


def test_single_document_is_a_bundle_of_one(tmp_path: Path) -> None:
    (tmp_path / "form.docx").write_bytes(b"PK")
    with open_bundle(tmp_path / "form.docx", DEFAULT_LIMITS) as bundle:
        assert bundle.is_single_document and paths(bundle) == ["form.docx"] and bundle.request is None


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="no such file"):
        open_bundle(tmp_path / "nope", DEFAULT_LIMITS)


def test_folder_that_cannot_be_listed_is_reported_not_lost(tmp_path: Path, monkeypatch) -> None:
    make_folder(tmp_path, {"a.txt": b"inside", "locked/b.txt": b"hidden from us"})
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with open_bundle(tmp_path, DEFAULT_LIMITS) as bundle:
        problems = {f.path: f.problem for f in bundle.files}
    assert problems == {"a.txt": None, "locked": "a folder that cannot be listed (Permission denied)"}
