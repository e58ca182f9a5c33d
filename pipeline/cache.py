"""A cache of parsed documents keyed by content hash, so a re-run of an unchanged bundle skips parsing.

What is kept, for each readable document: its parsed blocks and the facts extracted from them, as the
extract stage left them. Checks always run afresh (they are cheap, and depend on the as-of date and
the request). The key is a hash of the file's SHA-256, its path in the bundle (a fact's evidence
names it, and the file name is a hint of the document's kind), the limits of the run, and a
fingerprint of this tool: its version, the source of `pipeline` and `extractors` (code and
vocabularies), the Python version and the installed distributions. Any change to any of them is a
miss, never a stale answer.

Where: `$XDG_CACHE_HOME/dars-evidence`, else `~/.cache/dars-evidence`, in one folder per fingerprint
(older fingerprints' folders are removed when a new one is made). Never inside the bundle being
checked: a cache folder there is not used. It is opt-in (`--cache`, or `DARS_EVIDENCE_CACHE=1`, read
by the command line), so that unasked the tool writes nothing but its output; `--no-cache`, or
`DARS_EVIDENCE_NO_CACHE=1` (which wins over everything), keeps it off.

Safety. Entries are pickles, and a pickle can run code when loaded, so only what this tool wrote is
loaded: the cache folder must be a real directory owned by this user and writable by nobody else
(it is made 0700, entries 0600, written to a temporary file and renamed into place), an entry must
be a regular file owned by this user, must start with this module's header and carry its own key;
and unpickling is restricted to the few classes of the document model, so even a forged entry can
build nothing else. Anything unexpected is a miss. The cache never writes outside its folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import re
import stat
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path

from pipeline import __version__

ENV_OFF = "DARS_EVIDENCE_NO_CACHE"
HEADER = b"dars-evidence document cache 1\n"
FINGERPRINT_DIR = re.compile(r"[0-9a-f]{16}")
ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
MAX_ENTRY_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # past this, the oldest entries go
PACKAGES = ("pipeline", "extractors")
SOURCE_SUFFIXES = (".py", ".yaml", ".yml", ".csv", ".json")

# The only classes an entry may hold, besides the built-in containers and scalars pickle needs no
# class for: the document model and the facts.
ALLOWED = {
    ("pipeline.model", "ParsedDocument"),
    ("pipeline.model", "Block"),
    ("pipeline.model", "Part"),
    ("pipeline.model", "Status"),
    ("pipeline.findings", "Evidence"),
    ("extractors.facts", "DocumentFacts"),
    ("extractors.facts", "Fact"),
    ("datetime", "date"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
}


def cache_root(environ: os._Environ | dict | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME", "")
    if not base or not os.path.isabs(base):  # the XDG spec: a relative path is to be ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dars-evidence"


def disabled_by_environment(environ: os._Environ | dict | None = None) -> bool:
    environ = os.environ if environ is None else environ
    return environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no")


class DocumentCache:
    """Entries under `root/<fingerprint>/`. Every method fails soft: a problem is a miss."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / fingerprint()
        self.hits = self.misses = self.stored = 0
        self._ready: bool | None = None

    def key(self, sha256: str, path: str, limits: object) -> str:
        material = "\0".join((self.folder.name, sha256, path, repr(limits)))
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()

    def load(self, key: str) -> tuple | None:
        """(status, parsed, facts) stored under `key`, or None."""
        entry = self.folder / f"{key}.pickle"
        if not self._trusted_folder(self.folder):
            self.misses += 1
            return None
        try:
            data = _read_own_file(entry)
            value = _RestrictedUnpickler(io.BytesIO(data[len(HEADER) :])).load()
            stored_key, status, parsed, facts = value
        except Exception:  # noqa: BLE001 - a missing, foreign or damaged entry is a miss
            self.misses += 1
            return None
        if stored_key != key:
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(entry)  # the least recently used entries are the first to go
        return status, parsed, facts

    def store(self, key: str, status, parsed, facts) -> None:
        if not self._prepare():
            return
        # The table loader holds the file's bytes and a function: it is made again on load.
        payload = (key, status, replace(parsed, table_loader=None), facts)
        try:
            data = HEADER + pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - something unpicklable is simply not cached
            return
        if len(data) > MAX_ENTRY_BYTES:
            return
        import tempfile

        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".partial")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.folder / f"{key}.pickle")
            temporary = None
            self.stored += 1
        except OSError:
            pass
        finally:
            if temporary is not None:
                _unlink(Path(temporary))

    def _prepare(self) -> bool:
        """Make the folders (0700) once; remove other fingerprints' folders and the oldest entries."""
        if self._ready is None:
            self._ready = False
            try:
                made = not self.folder.exists()
                for folder in (self.root, self.folder):
                    folder.mkdir(mode=0o700, parents=folder is self.root, exist_ok=True)
                    if not self._trusted_folder(folder):
                        return False
                if made:
                    self._remove_old_fingerprints()
                self._prune()
                self._ready = True
            except OSError:
                return False
        return self._ready

    def _trusted_folder(self, folder: Path) -> bool:
        try:
            info = os.lstat(folder)
        except OSError:
            return False
        return (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        )

    def _remove_old_fingerprints(self) -> None:
        import shutil

        for entry in self.root.iterdir():
            if entry != self.folder and FINGERPRINT_DIR.fullmatch(entry.name) and self._trusted_folder(entry):
                shutil.rmtree(entry, ignore_errors=True)

    def _prune(self) -> None:
        entries = []
        for entry in os.scandir(self.folder):
            if ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                entries.append((info.st_mtime, info.st_size, Path(entry.path)))
        total = sum(size for _, size, _ in entries)
        if total <= MAX_TOTAL_BYTES:
            return
        for _, size, path in sorted(entries):  # least recently used first: a hit touches its entry
            if total <= MAX_TOTAL_BYTES * 3 // 4:
                break
            _unlink(path)
            total -= size


def open_cache(enabled: bool = True, bundle: Path | None = None) -> DocumentCache | None:
    """The cache for this run, or None when it is turned off or would lie inside `bundle`."""
    if not enabled or disabled_by_environment():
        return None
    root = cache_root()
    if bundle is not None:
        try:
            inside = bundle.resolve()
            where = root.resolve()
        except (OSError, RuntimeError):
            return None
        if where == inside or inside in where.parents:
            return None
    return DocumentCache(root)


@cache
def fingerprint() -> str:
    """This tool's code and environment, in 16 hex digits: the name of the cache's folder."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{sys.platform}".encode())
    here = Path(__file__).resolve().parent
    for package in PACKAGES:
        root = here.parent / package
        for path in sorted(root.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    for name in _distributions():
        digest.update(name.encode())
    return digest.hexdigest()[:16]


def _distributions() -> list[str]:
    """Names (with versions) of the installed distributions beside the libraries that parse."""
    from importlib.util import find_spec

    names: set[str] = set()
    for library in ("pypdfium2", "pdfplumber", "docx", "spacy", "dateparser"):
        spec = find_spec(library)
        if spec is None or not spec.origin:
            continue
        site = Path(spec.origin).parent.parent
        try:
            names.update(n for n in os.listdir(site) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return sorted(names)


def _read_own_file(path: Path) -> bytes:
    """The bytes of a regular file owned by this user and writable only by them; else OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            or info.st_size > MAX_ENTRY_BYTES
        ):
            raise OSError("not an entry this tool wrote")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)
    if not data.startswith(HEADER):
        raise OSError("not an entry this tool wrote")
    return data


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


class _RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)
