"""Configuration: `[tool.reconcile]` in pyproject.toml or a `.reconcile.toml`, found upwards.

Keys: `against` (paths of sources), `fail-on` (verdicts and flags), `rules` (rule pack
folders), `ignore` (finding fingerprints accepted). Paths are relative to the file that
names them. Command-line flags win over the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KEYS = ("against", "fail-on", "rules", "ignore")


@dataclass(frozen=True, slots=True)
class Config:
    """What a configuration file says, paths made absolute; `path` is the file (None if none)."""

    path: Path | None = None
    against: tuple[str, ...] = ()
    fail_on: tuple[str, ...] | None = None
    rules: tuple[str, ...] = ()
    ignore: frozenset[str] = frozenset()


def find_config(start: Path | None = None) -> Config:
    """The nearest configuration from `start` (the current directory) upwards, or an empty one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dotfile, pyproject = folder / ".reconcile.toml", folder / "pyproject.toml"
        if dotfile.is_file():
            return read_config(dotfile, _load(dotfile))
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("reconcile")
            if table is not None:
                return read_config(pyproject, table)
    return Config()


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"{path}: not valid TOML ({err})") from None


def read_config(path: Path, table: dict[str, Any]) -> Config:
    """A configuration table read and checked: unknown keys and wrong types are errors."""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise InputError(f"{path}: unknown key {unknown[0]!r} in reconcile configuration "
                         f"(known: {', '.join(KEYS)})")

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, ())
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{path}: {key!r} must be a string or a list of strings")
        return tuple(value)

    def located(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(str((path.parent / v).resolve()) if not Path(v).is_absolute() else v for v in values)

    fail_on = strings("fail-on")
    return Config(path=path, against=located(strings("against")), fail_on=fail_on if "fail-on" in table else None,
                  rules=located(strings("rules")), ignore=frozenset(strings("ignore")))
