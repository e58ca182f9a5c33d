"""Opening a bundle: a folder, a `.zip`, or one document checked alone.

Every regular file becomes a `BundleFile`, readable or not, so that nothing in the bundle goes
unreported. Nothing outside the bundle is ever read: links are resolved only to decide whether
they stay inside, zip members are never extracted to disk, and a member whose path escapes
(`../`, an absolute path) is refused. Bytes are read lazily, one file at a time.

An e-mail (`.eml`, or an Outlook `.msg`) is opened here to list its attachments: each is a file of
the bundle too, addressed `message.eml/letter.pdf`, whose bytes are taken from the message when it is read (never
written anywhere). An e-mail attached to an e-mail is listed and read, but not opened further.

A file's `path` is for showing: bytes of a name that are not UTF-8, control characters (a line
break in a name) and bidirectional overrides become U+FFFD, so a name can neither break an output
nor pass for another line of the report. The file is still opened by its real name.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pipeline.errors import LimitExceeded, UnreadableDocument, UsageError
from pipeline.limits import Limits, over_file_size
from pipeline.readers.zip_guard import (
    over_inflated,
    ratio_problem,
    read_member,
    too_many_declared,
    too_many_members,
)

REQUEST_NAMES = ("request.yaml", "request.yml", "request.json")
IGNORED_FOLDERS = {"__MACOSX"}


class BundleError(UsageError):
    """The bundle as a whole cannot be opened (a corrupt .zip, a path that is not there)."""


@dataclass(slots=True)
class BundleFile:
    """One file of the bundle. `problem` is set when it must not or cannot be read."""

    path: str  # relative to the bundle root, '/' separators
    size: int
    opener: Callable[[], bytes] | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()  # what the report says of the file besides its reading

    def read(self) -> bytes:
        if self.problem is not None or self.opener is None:
            raise UnreadableDocument(self.problem or "the file cannot be read")
        return self.opener()


def too_many_attachments(message: str, path: str, count: int, limits: Limits) -> BundleFile:
    """The first attachment past --max-members, standing for the rest (an .eml's or an .msg's)."""
    return BundleFile(
        path,
        0,
        problem=f"the e-mail {message} has {count:,} attachments, over the limit of {limits.max_members:,} "
        "(raise it with --max-members): not read",
    )


@dataclass(slots=True)
class Bundle:
    source: Path
    kind: str  # folder, zip, file
    files: list[BundleFile] = field(default_factory=list)
    request: BundleFile | None = None
    archive: zipfile.ZipFile | None = None
    notes: list[str] = field(default_factory=list)  # for the report: how the bundle was read

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def is_single_document(self) -> bool:
        return self.kind == "file"


def open_bundle(path: Path, limits: Limits) -> Bundle:
    """Open whatever the user named: a folder, a .zip bundle, or a single document."""
    if not path.exists() and not path.is_symlink():
        raise BundleError(f"no such file or folder: {path}")
    if path.is_dir():
        return _open_folder(path, limits)
    if path.suffix.lower() == ".zip":
        return _open_zip(path, limits)
    if path.is_file():
        return _open_single(path, limits)
    raise BundleError(f"not a folder, a .zip bundle or a document: {path}")


def display_name(name: str) -> str:
    """`name` safe to show: undecodable bytes (surrogates), control and bidi-override characters
    replaced by U+FFFD."""
    if name.isprintable():
        return name
    return "".join(
        "\ufffd" if unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS else char
        for char in name
    )


BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def is_ignored(relative: str) -> bool:
    """Hidden files and folders, and the resource forks macOS adds to zips."""
    parts = PurePosixPath(relative).parts
    return any(part.startswith(".") or part in IGNORED_FOLDERS for part in parts)


def _open_single(path: Path, limits: Limits) -> Bundle:
    bundle = Bundle(source=path, kind="file")
    bundle.files = with_attachments([_folder_file(path, display_name(path.name), limits)], limits)
    return bundle


def _open_folder(given: Path, limits: Limits) -> Bundle:
    bundle = Bundle(source=given, kind="folder")
    # As in a .zip: a folder that holds one folder and nothing else (hidden files and __MACOSX/
    # aside), as a bundle wrapped once more arrives, has that folder as its root.
    root = _single_folder(given) or given
    if root != given:
        bundle.notes.append(root_note(display_name(root.name)))
    entries = with_attachments(
        sorted(_walk_folder(root, root.resolve(), limits), key=lambda e: e.path), limits
    )
    for entry in entries:
        if entry.path.lower() in REQUEST_NAMES and bundle.request is None:
            bundle.request = entry
        else:
            bundle.files.append(entry)
    return bundle


# Deeper than this, a folder is reported and not opened. Real bundles are a few levels deep; the
# cap keeps the walk's work and memory bounded (a chain of one-letter folders fits thousands of
# levels under the system's path limit).
MAX_FOLDER_DEPTH = 100
# The longest path the system opens, in bytes, with its terminating NUL (4,096 on Linux).
try:
    PATH_MAX = os.pathconf("/", "PC_PATH_MAX")
except (OSError, ValueError, AttributeError):  # pragma: no cover - not a POSIX system
    PATH_MAX = 4096


def _walk_folder(root: Path, real_root: Path, limits: Limits) -> list[BundleFile]:
    """Every file under `root` as a BundleFile, one folder at a time, without recursion.

    Nothing here raises for what the folder holds: a folder that cannot be listed, a path longer
    than the system opens or a folder nested past MAX_FOLDER_DEPTH is an entry with its problem,
    and the rest of the bundle is still listed. A path is never opened when it is too long."""
    entries: list[BundleFile] = []
    pending: list[tuple[Path, int]] = [(root, 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            with os.scandir(folder) as listing:
                children = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            if folder == root:
                raise BundleError(f"cannot list the bundle {root}: {error.strerror}") from None
            relative = display_name(folder.relative_to(root).as_posix())
            entries.append(
                BundleFile(relative, 0, problem=f"a folder that cannot be listed ({error.strerror})")
            )
            continue
        for child in children:
            path = folder / child.name
            relative = display_name(path.relative_to(root).as_posix())
            if is_ignored(relative):
                continue
            length = len(os.fsencode(path))
            try:
                is_folder, is_link = child.is_dir(), child.is_symlink()  # is_dir follows a link
            except OSError:
                is_folder, is_link = False, False
            if not is_folder:
                problem = _path_too_long(length)
                entries.append(
                    BundleFile(relative, 0, problem=problem)
                    if problem
                    else _folder_file(path, relative, limits, real_root)
                )
            elif is_link:
                problem = _path_too_long(length) or _link_problem(path, real_root, "a link to a folder")
                if problem:
                    entries.append(BundleFile(relative, 0, problem=problem))
                # else: a link to a folder inside the bundle repeats files already listed
            elif length >= PATH_MAX:
                entries.append(BundleFile(relative, 0, problem=_folder_path_too_long(length)))
            elif depth + 1 > MAX_FOLDER_DEPTH:
                entries.append(
                    BundleFile(
                        relative,
                        0,
                        problem=f"a folder nested {depth + 1} levels deep, past the limit of "
                        f"{MAX_FOLDER_DEPTH}: not opened, so the files in it are not checked",
                    )
                )
            else:
                pending.append((path, depth + 1))
    return entries


def _path_too_long(length: int) -> str | None:
    """Why a file cannot be opened by its path, when that path is longer than the system opens."""
    if length < PATH_MAX:
        return None
    return (
        f"the path is too long to open: {length:,} bytes with the bundle's own folder, where the "
        f"system opens at most {PATH_MAX - 1:,}"
    )


def _folder_path_too_long(length: int) -> str:
    return (
        f"a folder whose path is too long to open ({length:,} bytes with the bundle's own folder, where "
        f"the system opens at most {PATH_MAX - 1:,}): the files in it are not checked"
    )


def _single_folder(folder: Path) -> Path | None:
    """The one sub-folder `folder` holds when it holds nothing else that is read, or None."""
    try:
        entries = [entry for entry in os.scandir(folder) if not is_ignored(entry.name)]
    except OSError:
        return None  # reported when the walk cannot list it
    if len(entries) == 1 and entries[0].is_dir(follow_symlinks=False):
        return Path(entries[0].path)
    return None


def root_note(name: str) -> str:
    return (
        f"everything in the bundle is in one folder, {name}/: that folder is read as the bundle's root, "
        "and paths are relative to it"
    )


def _folder_file(path: Path, relative: str, limits: Limits, real_root: Path | None = None) -> BundleFile:
    try:
        return _checked_file(path, relative, limits, real_root)
    except OSError as exc:  # the file went away, or cannot be looked at: it is reported, not raised
        return BundleFile(relative, 0, problem=f"the file cannot be opened ({exc.strerror})")


def _checked_file(path: Path, relative: str, limits: Limits, real_root: Path | None) -> BundleFile:
    if path.is_symlink():
        problem = _link_problem(path, real_root, "a link") if real_root else None
        if real_root is None or problem:
            return BundleFile(relative, 0, problem=problem or "a link: refused, not followed")
    try:
        info = path.stat()
    except OSError as exc:
        return BundleFile(relative, 0, problem=f"the file cannot be opened ({exc.strerror})")
    if not stat.S_ISREG(info.st_mode):
        return BundleFile(relative, 0, problem="not a regular file (a device, socket or pipe)")
    if info.st_size > limits.max_file_bytes:
        return BundleFile(relative, info.st_size, problem=over_file_size(info.st_size, limits))
    target = path.resolve() if path.is_symlink() else path
    return BundleFile(relative, info.st_size, opener=lambda: _read_capped(target, limits))


def _read_capped(path: Path, limits: Limits) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise UnreadableDocument(f"the file cannot be opened ({exc.strerror})") from None
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded(over_file_size(len(data), limits))
    return data


def _link_problem(path: Path, real_root: Path, what: str) -> str | None:
    """Why a link of the bundle is not followed, or None when it leads to something inside it."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"{what} that leads nowhere (broken, or a loop): refused, not followed"
    if target != real_root and real_root not in target.parents:
        return f"{what} that points outside the bundle: refused, not followed"
    return None


def _open_zip(path: Path, limits: Limits) -> Bundle:
    try:
        with path.open("rb") as stream:
            declared = too_many_declared(stream, limits, f"the bundle {path.name}")
        archive = None if declared else zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleError(f"cannot open the bundle {path.name}: not a readable zip archive ({exc})") from None
    too_many = declared or too_many_members(archive, limits, f"the bundle {path.name}")
    if too_many:
        # Reported on the archive (DOC-001), so the run still ends in a report.
        if archive is not None:
            archive.close()
        shown = display_name(path.name)
        return Bundle(
            source=path, kind="zip", files=[BundleFile(shown, path.stat().st_size, problem=too_many)]
        )
    bundle = Bundle(source=path, kind="zip", archive=archive)
    members = [info for info in archive.infolist() if not info.is_dir()]
    named = [(info, _member_name(info.filename)) for info in members]
    kept = [(info, name) for info, name in named if name is None or not is_ignored(name)]
    prefix = _common_folder([name for _, name in kept if name is not None])
    if prefix:
        bundle.notes.append(root_note(display_name(prefix.rstrip("/"))))
    # Members of one name: `unzip -o` and extractall write each in turn, so the reviewer gets the
    # last. That one is checked, and the document says so.
    copies: dict[str, list[zipfile.ZipInfo]] = {}
    for info, name in kept:
        if name is not None:
            copies.setdefault(name, []).append(info)
    kept = [(info, name) for info, name in kept if name is None or copies[name][-1] is info]
    seen: set[str] = set()
    budget = _InflationBudget(limits, path.name)
    for info, name in kept:
        bundle_file = _zip_file(archive, info, name, prefix, limits, seen, budget)
        if name is not None and len(copies[name]) > 1:
            bundle_file.notes = (_copies_note(bundle_file.path, copies[name]),)
        if (
            bundle_file.path.lower() in REQUEST_NAMES
            and bundle.request is None
            and bundle_file.problem is None
        ):
            bundle.request = bundle_file
        else:
            bundle.files.append(bundle_file)
    bundle.files.sort(key=lambda f: f.path)
    bundle.files = with_attachments(bundle.files, limits)
    return bundle


MESSAGE_SUFFIXES = (".eml", ".msg")


def with_attachments(files: list[BundleFile], limits: Limits) -> list[BundleFile]:
    """`files`, each e-mail followed by its attachments as files of the bundle."""
    out: list[BundleFile] = []
    for file in files:
        out.append(file)
        if file.problem is None and file.path.lower().endswith(".eml"):
            out.extend(_attachments(file, limits))
        elif file.problem is None and file.path.lower().endswith(".msg"):
            from pipeline.readers.msg_attachments import msg_attachments

            out.extend(msg_attachments(file, limits))
    return out


def _attachments(message_file: BundleFile, limits: Limits) -> list[BundleFile]:
    """The attachments of one e-mail; none when it cannot be parsed (its own reading says why)."""
    from pipeline.readers.mail import attachment_bytes, attachments_of, parse_message

    try:
        attachments = attachments_of(parse_message(message_file.read()))
    except Exception:  # noqa: BLE001 - a broken message is reported when it is read as a document
        return []
    files: list[BundleFile] = []
    parsed: dict = {}
    last = min(len(attachments), limits.max_members) - 1
    for number, attachment in enumerate(attachments):
        path = f"{message_file.path}/{display_name(attachment.name)}"
        if number >= limits.max_members:
            files.append(too_many_attachments(message_file.path, path, len(attachments), limits))
            break
        data = attachment_bytes(attachment.part)
        if len(data) > limits.max_file_bytes:
            files.append(BundleFile(path, len(data), problem=over_file_size(len(data), limits)))
            continue
        files.append(
            BundleFile(path, len(data), opener=_attachment_opener(message_file, number, last, parsed))
        )
        if attachment.name.lower().endswith(MESSAGE_SUFFIXES):
            files.extend(attachments_not_opened(path, data))
    return files


def _attachment_opener(message_file: BundleFile, number: int, last: int, parsed: dict) -> Callable[[], bytes]:
    """Reads the attachment from its message when it is needed. The parsed message is shared by the
    openers of its attachments (which are read one after another) and let go after the last one, so
    a message of many attachments is not parsed again for each, nor kept for the whole bundle."""

    def read() -> bytes:
        from pipeline.readers.mail import attachment_bytes, attachments_of, parse_message

        if "attachments" not in parsed:
            parsed["attachments"] = attachments_of(parse_message(message_file.read()))
        data = attachment_bytes(parsed["attachments"][number].part)
        if number == last:
            parsed.clear()
        return data

    return read


def attachments_not_opened(path: str, data: bytes) -> list[BundleFile]:
    """The attachments of an e-mail attached to an e-mail, listed and refused: one level deep only."""
    from pipeline.readers.mail import attachments_of, parse_message

    try:
        if path.lower().endswith(".msg"):
            from pipeline.readers.msg import OutlookMessage

            with OutlookMessage(data) as message:
                inner = message.attachments()
        else:
            inner = attachments_of(parse_message(data))
    except Exception:  # noqa: BLE001
        return []
    return [
        BundleFile(
            f"{path}/{display_name(attachment.name)}",
            0,
            problem="an attachment of an e-mail that is itself attached to an e-mail: not opened (e-mails "
            "are read one level deep; send this file in the bundle itself)",
        )
        for attachment in inner
    ]


def _copies_note(relative: str, copies: list[zipfile.ZipInfo]) -> str:
    """What a document read from the last of several members of one name says about the others."""
    last, others = copies[-1], copies[:-1]
    differ = sum(1 for info in others if (info.CRC, info.file_size) != (last.CRC, last.file_size))
    if len(others) == 1:
        compared = "the other one differs from it" if differ else "the other one is identical to it"
    elif differ:
        compared = f"{differ} of the {len(others)} others {'differs' if differ == 1 else 'differ'} from it"
    else:
        compared = "the others are identical to it"
    return (
        f"the archive holds {len(copies)} members named {relative}; the last one, which unzip keeps, "
        f"was checked ({compared}, by size and CRC-32)"
    )


def _member_name(raw: str) -> str | None:
    """The member's path inside the bundle, or None when it escapes (`../`, absolute, a drive)."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _common_folder(names: list[str]) -> str:
    """The single top-level folder every member lies in (the result of zipping a folder), or ''."""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        return tops.pop() + "/"
    return ""


class _InflationBudget:
    """What the members of a .zip bundle may inflate to, together: taken member by member, so that
    the members past the limit are refused and the ones before it are still checked."""

    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.what = f"the bundle {name}"
        self.total = 0

    def take(self, size: int) -> str | None:
        """None when a member of `size` bytes still fits, else why it is not read."""
        if self.total + size > self.limits.max_inflated_bytes:
            return over_inflated(self.what, self.total + size, self.limits)
        self.total += size
        return None


def _zip_file(archive, info, name, prefix, limits, seen, budget: _InflationBudget) -> BundleFile:
    if name is None:
        shown = display_name(info.filename.replace("\\", "/"))
        return BundleFile(
            shown, info.file_size, problem="a zip member whose path leaves the bundle: refused, not extracted"
        )
    relative = display_name(name[len(prefix) :] if prefix and name.startswith(prefix) else name)
    shown, number = relative, 2
    while relative in seen:  # two names that differ only in characters that cannot be shown
        relative, number = f"{shown} ({number})", number + 1
    seen.add(relative)
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return BundleFile(relative, info.file_size, problem="a link inside the zip: refused, not followed")
    if info.flag_bits & 0x1:
        return BundleFile(
            relative, info.file_size, problem="the zip member is encrypted: it needs a password"
        )
    if info.file_size > limits.max_file_bytes:
        return BundleFile(relative, info.file_size, problem=over_file_size(info.file_size, limits))
    ratio = ratio_problem(info, limits)
    problem = f"the zip {ratio}" if ratio else budget.take(info.file_size)
    if problem:
        return BundleFile(relative, info.file_size, problem=problem)
    return BundleFile(
        relative,
        info.file_size,
        opener=lambda: read_member(archive, info, limits, f"the bundle member {relative}"),
    )
