"""Team defaults, as linters keep them: `[tool.dars-evidence]` in a pyproject.toml, or a
dars-evidence.toml with the keys at its top level (report.md, "Configuration").

The file is looked for from the folder that holds the bundle upward, never inside the bundle: a
bundle is the applicant's, and a file in it must not switch checks off. In each folder a
dars-evidence.toml comes before a pyproject.toml, and a pyproject.toml without the table is passed
over. Options on the command line win over the file, key by key.

An unknown key, code or value is a UsageError (exit 2) that names it, with "did you mean" where a
known one is close.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.errors import UsageError
from pipeline.limits import MB, Limits

CONFIG_FILE = "dars-evidence.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning")
FORMATS = ("text", "json", "html", "md")
# Limit keys, named as their options, -> (the field of Limits, the factor from the option's unit, int?)
LIMIT_KEYS = {
    "max-file-mb": ("max_file_bytes", MB, True),
    "max-pages": ("max_pages", 1, True),
    "timeout": ("max_seconds_per_document", 1, False),
    "max-inflated-mb": ("max_inflated_bytes", MB, True),
    "max-memory-mb": ("max_memory_bytes", MB, True),
    "max-members": ("max_members", 1, True),
}
KEYS = ("select", "ignore", "fail-on", "format", *LIMIT_KEYS)


@dataclass(frozen=True, slots=True)
class Settings:
    """What decides a run besides the bundle: which checks, what fails it, the limits.

    `select` empty means every check. A code matched by both lists goes to the more specific
    selector (a code beats its family); at equal footing `ignore` wins, as in Ruff."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    format: str | None = None  # the default format the file sets (options and --output still win)
    limits: dict[str, float] = field(default_factory=dict)  # option names -> values given
    file: str | None = None  # the configuration file read, as shown to the user
    sources: dict[str, str] = field(default_factory=dict)  # key -> the option or file that set it

    def enabled(self, code: str) -> bool:
        chosen = max((_specificity(s, code) for s in self.select), default=0) if self.select else 0
        if self.select and chosen == 0:
            return False
        dropped = max((_specificity(s, code) for s in self.ignore), default=0)
        return dropped == 0 or chosen > dropped

    def not_run(self, codes: list[str]) -> list[str]:
        """The codes of the catalogue this selection leaves out."""
        return [code for code in codes if not self.enabled(code)]

    def fails(self, errors: int, warnings: int) -> bool:
        """Whether the run's exit status is 1: errors, and with fail-on = warning warnings too."""
        return errors > 0 or (self.fail_on == "warning" and warnings > 0)

    def apply_limits(self, limits: Limits) -> Limits:
        """`limits` with the file's values where no option gave one (options are already in `limits`)."""
        changes = {}
        for key, value in self.limits.items():
            if self.sources.get(key, "").startswith("--"):
                continue
            name, factor, whole = LIMIT_KEYS[key]
            changes[name] = int(value * factor) if whole else float(value)
        return replace(limits, **changes)

    def to_dict(self, codes: list[str], limits: Limits) -> dict:
        """The JSON report's `settings`: what was in force and where each came from."""
        in_force = {}
        for key, (name, factor, _whole) in LIMIT_KEYS.items():
            value = getattr(limits, name) / factor
            in_force[key] = int(value) if value == int(value) else value
        return {
            "config": self.file,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "fail_on": self.fail_on,
            "format": self.format,
            "limits": in_force,
            "not_run": self.not_run(codes),
            "from": dict(sorted(self.sources.items())),
        }


def _specificity(selector: str, code: str) -> int:
    """2 when `selector` is `code`, 1 when it is its family (`PN` for `PN-003`), else 0."""
    if selector == code:
        return 2
    return 1 if code.startswith(selector + "-") else 0


def find_config(start: Path) -> Path | None:
    """The first dars-evidence.toml, or pyproject.toml with a [tool.dars-evidence] table, in the
    folder holding `start` or above it."""
    folder = start.resolve().parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and "dars-evidence" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{shown(path)} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {shown(path)}: {exc.strerror}") from None


def shown(path: Path) -> str:
    """A path as the report and messages give it: relative to the working folder when inside it."""
    try:
        return (
            Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix() if _inside_cwd(path) else str(path)
        )
    except ValueError:  # another drive
        return str(path)


def _inside_cwd(path: Path) -> bool:
    cwd = Path.cwd().resolve()
    resolved = path.resolve()
    return resolved == cwd or cwd in resolved.parents


def load_settings(
    start: Path | None,
    codes: list[str],
    select: str | None = None,
    ignore: str | None = None,
    fail_on: str | None = None,
    limit_options: dict[str, float | None] | None = None,
) -> Settings:
    """The settings for a run on `start`: the configuration file found from it, then the options.

    `select` and `ignore` are as typed (comma-separated); `limit_options` maps the limit options'
    parameter names (max_file_mb, ...) to their values, None where not given."""
    table: dict = {}
    file = find_config(start) if start is not None else None
    if file is not None:
        data = _read_toml(file)
        table = data.get("tool", {}).get("dars-evidence", {}) if file.name == PYPROJECT else data
        if not isinstance(table, dict):
            raise UsageError(f"{shown(file)}: [tool.dars-evidence] must be a table")
    where = shown(file) if file is not None else None
    values, sources = _from_file(table, where, codes)
    for key, typed in (("select", select), ("ignore", ignore)):
        if typed is not None:
            values[key] = _codes(typed.split(","), f"--{key}", codes)
            sources[key] = f"--{key}"
    if fail_on is not None:
        values["fail-on"], sources["fail-on"] = fail_on, "--fail-on"
    for name, value in (limit_options or {}).items():
        key = name.replace("_", "-")
        if value is not None and key in LIMIT_KEYS:
            values[key], sources[key] = value, f"--{key}"
    return Settings(
        select=tuple(values.get("select", ())),
        ignore=tuple(values.get("ignore", ())),
        fail_on=values.get("fail-on", "error"),
        format=values.get("format"),
        limits={key: values[key] for key in LIMIT_KEYS if key in values},
        file=where,
        sources=sources,
    )


def _from_file(table: dict, where: str | None, codes: list[str]) -> tuple[dict, dict]:
    values: dict = {}
    for key, value in table.items():
        if key not in KEYS:
            raise UsageError(
                f"{where}: unknown key {key!r}{_did_you_mean(key, KEYS)}; the keys are {', '.join(KEYS)}"
            )
        what = f"{where}: {key}"
        if key in ("select", "ignore"):
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                raise UsageError(f'{what} must be a list of codes or families, such as ["PN", "DATA-001"]')
            values[key] = _codes(items, what, codes)
        elif key == "fail-on":
            values[key] = _choice(value, FAIL_ON, what)
        elif key == "format":
            values[key] = _choice(value, FORMATS, what)
        else:
            values[key] = _limit(key, value, what)
    return values, dict.fromkeys(values, where)


def _codes(items: list[str], what: str, codes: list[str]) -> list[str]:
    """Codes and families, upper-cased and checked against the catalogue."""
    families = sorted({code.split("-", 1)[0] for code in codes})
    known = [*families, *codes]
    chosen = []
    for item in items:
        selector = item.strip().upper()
        if not selector:
            continue
        if selector not in known:
            padded = _padded(selector)
            hint = f" (did you mean {padded!r}?)" if padded in known else _did_you_mean(selector, known)
            raise UsageError(f"{what}: unknown check code {item.strip()!r}{hint}")
        chosen.append(selector)
    return list(dict.fromkeys(chosen))


def _padded(selector: str) -> str:
    """`PN-3`, `PN03` or `pn-03` as the catalogue writes it: `PN-003`."""
    match = re.fullmatch(r"([A-Z]+?(?:251)?)-?(\d{1,3})", selector)
    return f"{match.group(1)}-{int(match.group(2)):03d}" if match else selector


def _choice(value: object, choices: tuple[str, ...], what: str) -> str:
    if not isinstance(value, str) or value not in choices:
        hint = _did_you_mean(str(value), choices) if isinstance(value, str) else ""
        raise UsageError(f"{what} must be one of {', '.join(choices)}, not {value!r}{hint}")
    return value


def _limit(key: str, value: object, what: str) -> float:
    whole_only = key in ("max-pages", "max-members")
    number_types = (int,) if whole_only else (int, float)
    if isinstance(value, bool) or not isinstance(value, number_types) or value <= 0:
        kind = "a whole number" if whole_only else "a number"
        raise UsageError(f"{what} must be {kind} above 0, not {value!r}")
    return value


def _did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
