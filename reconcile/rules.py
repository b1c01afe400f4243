"""Load rule packs (folders of YAML files) into a RuleSet.

Vocabulary and tolerances live in `rules/`, not in code: each file declares its `type`, which
selects the Python that reads it, and carries the examples that document and test it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .schema import check_rule_file, line_of
from .yamlio import load_yaml

REQUIRED_KEYS = ("name", "type", "language", "description")
_LANGUAGE = re.compile(r"any|[a-z]{2,3}")
# What a language's pack must hold before a text can be read in it.
EXTRACTION_TYPES = ("numbers", "qualifiers", "money", "percent", "units", "counts", "text", "dates", "quotes",
                    "people")
# Optional in a pack: a language without them reads no durations, or no credits.
TYPES = (*EXTRACTION_TYPES, "durations", "credits", "align", "judge")


@dataclass(frozen=True, slots=True)
class RuleFile:
    """One rule file as read: its header, its data and its examples."""

    name: str
    type: str
    language: str
    description: str
    path: str
    data: dict[str, Any]
    examples: tuple[dict[str, Any], ...]


ANY_LANGUAGE = "any"


@dataclass(frozen=True, eq=False)
class RuleSet:
    """The active rule files; compiled lexicons are cached per RuleSet by identity.

    A set may hold packs of several languages. Extraction reads one language's view of it
    (`for_language`), alignment and judging the view of the languages a story is written in
    (`for_languages`); files of language `any` (thresholds, tolerances) belong to every view.
    """

    files: tuple[RuleFile, ...]
    _views: dict[frozenset[str], RuleSet] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """The languages this set can read, in the order first read (English first).

        A language has a pack when its files hold every type extraction reads; a user's file
        in another language only extends a pack, it does not make one.
        """
        types: dict[str, set[str]] = {}
        for f in self.files:
            if f.language != ANY_LANGUAGE:
                types.setdefault(f.language, set()).add(f.type)
        return tuple(language for language, held in types.items() if held >= set(EXTRACTION_TYPES))

    def for_language(self, language: str) -> RuleSet:
        """The rules that read a text of one language."""
        if language not in self.languages:
            raise RuleError(f"no rule pack for language {language!r} (packs: {', '.join(self.languages)})")
        return self.for_languages((language,))

    def for_languages(self, languages: Iterable[str]) -> RuleSet:
        """The rules of these languages together, and of every language (one object per choice, kept)."""
        wanted = frozenset(languages)
        if wanted >= set(self.languages):
            return self
        view = self._views.get(wanted)
        if view is None:
            view = self._views[wanted] = RuleSet(tuple(
                f for f in self.files if f.language in wanted or f.language == ANY_LANGUAGE))
        return view

    def of_type(self, type_: str) -> dict[str, Any]:
        """The data of every file of one type, merged in order.

        Later files extend earlier ones key by key: mappings merge, lists grow, and any other
        value is replaced.
        """
        merged: dict[str, Any] = {}
        for rule_file in self.files:
            if rule_file.type == type_:
                merged = _merge(merged, rule_file.data)
        return merged

    def name_of(self, type_: str) -> str:
        """The name of the (last) file of one type, recorded on claims as their rule."""
        return self._names.get(type_, type_)

    @cached_property
    def _names(self) -> dict[str, str]:
        # Asked for each source read: the files are gone through once, not for every source.
        return {f.type: f.name for f in self.files}


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: _merge(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list) and not _value(extra):
        return base + [item for item in extra if item not in base]
    # A list holding a number is one value (a band such as `about: [0.95, 1.05]`, a part of a
    # month such as `late: [21, end]`): replaced whole.
    return extra


def _value(items: list[Any]) -> bool:
    return any(isinstance(i, (int, float)) and not isinstance(i, bool) for i in items)


def default_rules_dir() -> Path:
    """The built-in packs: shipped inside the wheel, or `rules/` beside the package in a checkout."""
    shipped = resources.files("reconcile") / "rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


def built_in_packs() -> list[Path]:
    """The built-in packs, one folder per language: English first, then the others by name."""
    root = default_rules_dir()
    return sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))),
                  key=lambda p: (p.name != "en", p.name))


def load_rules(dirs: Iterable[str | Path] | None = None) -> RuleSet:
    """Read the built-in packs, then each folder in `dirs` in order (later ones extend or override).

    A folder's files are read with those of its sub-folders, sorted by path.
    """
    folders = [*built_in_packs(), *(Path(d) for d in dirs or ())]
    files: list[RuleFile] = []
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule pack folder not found")
        for path in pack_files(folder):
            # A file reached twice (a pack named in the configuration and on the command line, or
            # a folder holding another) is read once, where it was first reached.
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(read_rule_file(path))
    return RuleSet(tuple(files))


def pack_files(folder: Path) -> list[Path]:
    """The rule files of a pack folder and its sub-folders, sorted by path; hidden ones left out."""
    found = [*folder.rglob("*.yaml"), *folder.rglob("*.yml")]
    return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_rule_file(path: Path) -> RuleFile:
    """Parse one rule file with the safe YAML loader, check its header, then its keys against the schema."""
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise RuleError(f"{path}: cannot read rule file ({err})") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{path}{where}: not valid YAML ({getattr(err, 'problem', err)})") from None
    if not isinstance(doc, dict):
        raise RuleError(f"{path}: a rule file must be a mapping")

    def wrong(key: str, problem: str) -> RuleError:
        line = line_of(path, (key,))
        return RuleError(f"{path}{f':{line}' if line else ''}: key {key!r}: {problem}")

    for key in REQUIRED_KEYS:
        if key not in doc:
            raise RuleError(f"{path}: missing key {key!r}")
        if not isinstance(doc[key], str) or not doc[key].strip():
            raise wrong(key, "must be a non-empty text")
    if doc["type"] not in TYPES:
        raise wrong("type", f"unknown rule type {doc['type']!r} (one of {', '.join(TYPES)})")
    if not _LANGUAGE.fullmatch(doc["language"]):
        raise wrong("language", f"{doc['language']!r} is not a lower-case language code (en, es, ...) "
                                f"or {ANY_LANGUAGE!r}")
    examples = doc.get("examples") or []
    if not isinstance(examples, list):
        raise wrong("examples", "must be a list")
    check_rule_file(path, doc)
    if not examples:
        raise RuleError(f"{path}: no examples: a rule file shows what it does with at least one example")
    data = {k: v for k, v in doc.items() if k not in (*REQUIRED_KEYS, "examples")}
    return RuleFile(doc["name"], doc["type"], doc["language"], doc["description"], str(path),
                    data, tuple(examples))
