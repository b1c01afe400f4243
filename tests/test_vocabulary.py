"""Vocabulary and tolerances live in the rule packs, never in code.

An AST pass over every module of `reconcile/` looks for what would bring them back:

1. a word or phrase of the rule packs ("said", "percent", "more than", "'s") where code matches
   text with it: compared with (`==`, `in`), passed to a string test (`endswith`), offered as
   a fallback (`or "mdy"`), held in a module constant or a lookup table, or spelled inside a
   regular expression (`r"\\b(?:said|told)\\b"`);
2. a list, tuple, set or dict literal of three or more word strings: a word list in disguise;
3. in the modules that read and judge text, a float (a threshold) other than 0, 1 and one
   half; in alignment, judging and value comparison, also a comparison with a number other
   than 0, 1 and 2;
4. anywhere, a rule value read with a fallback (`counts.get("window", 4)`): the rule file
   states it, and a second copy in code is a hidden tolerance that drifts from it.

Structure stays in code and is not looked at: docstrings, the text of f-strings and other
messages, rule keys (`data.get("words")`, `spec["code"]`), the field names of a record (a
dict literal with computed values), and the names code and rule files share by contract,
collected from the code itself (kinds, qualifiers, verdicts, granularities, dataclass fields,
rule types and header keys, report formats, configuration keys) plus the short allow-list
`CONTRACT` below, each entry with its reason.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reconcile.report import FORMATS
from reconcile.yamlio import load_yaml

# `reconcile.check` the module, not the function the package exports under that name.
check, config, model, rules, check_reports, feed = (importlib.import_module(f"reconcile.{name}") for name in (
    "check", "config", "model", "rules", "report.checks", "feed"))

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"
MODULES = sorted(PACKAGE.rglob("*.py"))
# Where numbers decide what is one fact and what agrees: every threshold comes from the rules.
TOLERANT = {"reconcile/align.py", "reconcile/judge.py", "reconcile/values.py"}
# The modules that read, align and judge text: no float of theirs is anything but a threshold.
# (Reporters format numbers, and the example runner compares them: theirs are no rules.)
READERS = ("reconcile/extract/", "reconcile/text.py", "reconcile/check.py", "reconcile/pipeline.py",
           "reconcile/language.py", *TOLERANT)
# Modules that read and format records (plain dicts of a report), never rules: their
# fallbacks are for fields a record may lack.
RECORD_READERS = "reconcile/report/"
ALLOWED_FLOATS = {0.0, 1.0, 0.5}
ALLOWED_COMPARED = {0, 1, 2}
# A key that recurs in this many entries of a rule file or more is a field of them ("code").
RECURRING = 5
# A fallback that is no value: the rule is simply absent.
EMPTY = (None, "", (), [], {}, frozenset())
# String methods that match text with their arguments.
MATCHERS = {"startswith", "endswith", "find", "rfind", "index", "rindex", "count", "replace", "split", "rsplit",
            "partition", "rpartition", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix"}
# Calls that build a collection out of their argument.
BUILDERS = {"frozenset", "set", "tuple", "list", "dict", "sorted"}
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}

# Strings code and rule files share by contract, beyond those collected from the code, with why.
CONTRACT = {
    # flags on a group or finding (the JSON contract); "sic" is also the marker that raises it
    "sic", "attribution_conflict", "unresolved_date", "inferred_date",
    # keywords of the rule format: a weekday modifier's rule, the part of a unit a relative
    # phrase covers, the last day of a month part, a relative phrase's unit
    "before", "after", "past", "on_or_before", "on_or_after", "end", "weekend",
    # the forms a date phrase takes while it is read (`dates.Phrase.form`)
    "part", "weekday", "relative",
    # token types of the tokenizers
    "word", "num", "sym",
    # HTML's own attribute for a page's language (`<html lang="de">`), read from saved pages
    "lang",
}


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def contract_names() -> frozenset[str]:
    """The structural names: `CONTRACT`, and those the code defines as enums, fields and registries."""
    names: set[str] = set(CONTRACT)
    for module in (model, check):
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj is not enum.Enum:
                names.update(str(member.value) for member in obj)
            elif isinstance(obj, type) and dataclasses.is_dataclass(obj):
                names.add(obj.__name__.lower())
                names.update(f.name for f in dataclasses.fields(obj))
    names.update(rules.TYPES)
    names.update(rules.REQUIRED_KEYS)
    names.update(FORMATS)
    names.update(getattr(check_reports, "CHECK_FORMATS", {}))
    names.update(check.VERDICTS)
    names.update(feed.ENGINES)
    names.update(getattr(config, "KEYS", ()))
    names.add(getattr(rules, "ANY_LANGUAGE", ""))
    # Language codes name the packs ("en"): they choose rules, they are none.
    for path in rules.default_rules_dir().rglob("*.y*ml"):
        names.add(str(load_yaml(path.read_text(encoding="utf-8")).get("language") or ""))
    return frozenset(_normal(n) for n in names if n)


_WORDLIKE = re.compile(r"[^\W\d_]+(?:['\u2019\- ][^\W\d_]+)*(?:\.[^\W\d_])*\.?")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Vocabulary:
    """What the rule packs hold: their words and phrases, and the keys their files are written with."""

    words: frozenset[str]
    keys: frozenset[str]


def _walk(value: Any, depth: int, words: set[str], keys: set[str], fields: dict[str, int]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            name = _normal(str(key))
            if depth == 0:
                keys.add(name)
            else:
                # Deeper keys are words ("january: 1", "about: [0.9, 1.1]") or the fields of an
                # entry ("dollars: {code: USD}"); a field recurs from entry to entry.
                words.add(name)
                fields[name] = fields.get(name, 0) + 1
            _walk(item, depth + 1, words, keys, fields)
    elif isinstance(value, list):
        for item in value:
            _walk(item, depth + 1, words, keys, fields)
    elif isinstance(value, str):
        words.add(_normal(value))


def rule_vocabulary(root: Path | None = None) -> Vocabulary:
    """The words and phrases of every rule file of the built-in packs, and their keys."""
    words: set[str] = set()
    keys: set[str] = set()
    fields: dict[str, int] = {}
    for path in sorted((root or rules.default_rules_dir()).rglob("*.y*ml")):
        doc = load_yaml(path.read_text(encoding="utf-8"))
        data = {k: v for k, v in doc.items() if k not in (*rules.REQUIRED_KEYS, "examples")}
        _walk(data, 0, words, keys, fields)
        if doc.get("language") == getattr(rules, "ANY_LANGUAGE", None):
            # A file for every language (thresholds, tolerances) names its settings by keys.
            keys.update(_normal(str(k)) for k in _keys_of(data))
    # An identifier ("phrase_words") is a key, never a word of a language; so is a field that
    # recurs from entry to entry ("code", "offset").
    keys.update(name for name, n in fields.items() if "_" in name or n >= RECURRING)
    keys.update(_schema_keys(getattr(_schema(), "TYPES", {})))
    return Vocabulary(frozenset(w for w in words if _LETTER.search(w)), frozenset(keys))


def _schema() -> Any:
    """The rule schema, where the code declares the keys of each type of rule file (if it does)."""
    try:
        return importlib.import_module("reconcile.schema")
    except ImportError:
        return None


def _schema_keys(shape: Any) -> Iterator[str]:
    if isinstance(shape, dict):
        for key, inner in shape.items():
            if key != "*":
                yield _normal(str(key).rstrip("!"))
            yield from _schema_keys(inner)
    elif isinstance(shape, (list, tuple)):
        for inner in shape:
            yield from _schema_keys(inner)


def _keys_of(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _keys_of(item)


# --- the checker -----------------------------------------------------------------------------

# What a regular expression spells that is no word: escapes, classes, group names, flags, counts.
_REGEX_SYNTAX = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|\(\?P?<[A-Za-z_]\w*>|\(\?P=\w+\)|\(\?[aiLmsux-]+[:)]|\{[^}]*\}")
_REGEX_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|'[^\W\d_]+")


@dataclass(frozen=True)
class Problem:
    """One place where vocabulary or a tolerance is written in code."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_record(node: ast.Dict) -> bool:
    """A dict literal with computed values is a record: its keys are field names."""
    return any(not isinstance(v, ast.Constant) for v in node.values)


class Checker(ast.NodeVisitor):
    """Walk one module's syntax tree and collect its problems."""

    def __init__(self, path: str, vocabulary: Vocabulary, structural: frozenset[str]):
        self.path = path
        self.vocabulary = vocabulary
        self.structural = structural
        self.tolerant = path in TOLERANT
        self.problems: list[Problem] = []
        self.skip: set[int] = set()  # string constants that are structural where they stand
        self.seen: set[int] = set()  # string constants already reported

    def check(self, tree: ast.Module) -> list[Problem]:
        """The problems of a whole module."""
        for node in ast.walk(tree):
            self._mark_structural(node)
        for statement in tree.body:
            self._constant(statement)
        self.visit(tree)
        return sorted(self.problems, key=lambda p: p.line)

    def report(self, node: ast.AST, message: str) -> None:
        self.problems.append(Problem(self.path, getattr(node, "lineno", 0), message))

    # -- where a string is structural by its place --

    def _mark_structural(self, node: ast.AST) -> None:
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and _is_str(body[0].value):
                self.skip.add(id(body[0].value))  # a docstring
        elif isinstance(node, ast.JoinedStr):
            self.skip.update(id(part) for part in node.values)  # the text of a message
        elif isinstance(node, ast.Subscript):
            self.skip.add(id(node.slice))  # a key: spec["code"], groups["weekday"]
        elif isinstance(node, ast.Call) and node.args and _call_name(node) in (
                "get", "pop", "setdefault", "group", "start", "end", "span", "of_type", "name_of"):
            self.skip.add(id(node.args[0]))  # a key or a group name: data.get("words")
        elif isinstance(node, ast.Dict) and _is_record(node):
            self.skip.update(id(k) for k in node.keys if k is not None)

    # -- rule 1: words where code matches text with them --

    def _word(self, node: ast.AST) -> None:
        if not _is_str(node) or id(node) in self.skip or id(node) in self.seen:
            return
        text = _normal(node.value)  # type: ignore[attr-defined]
        if text in self.vocabulary.words and text not in self.structural and text not in self.vocabulary.keys:
            self.seen.add(id(node))
            self.report(node, f"vocabulary in code: {node.value!r} (read it from the rule pack)")  # type: ignore[attr-defined]

    def _words_in(self, node: ast.AST | None) -> None:
        """Every string a value expression holds: itself, a collection's items, a lookup table's keys."""
        if node is None:
            return
        if _is_str(node):
            self._word(node)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for element in node.elts:
                self._words_in(element)
        elif isinstance(node, ast.Dict):
            # A lookup table is looked up by its keys; its values are what it gives (wording).
            if not _is_record(node):
                for key in node.keys:
                    self._words_in(key)
        elif isinstance(node, ast.Call) and _call_name(node) in BUILDERS:
            for arg in node.args:
                self._words_in(arg)
        elif isinstance(node, (ast.SetComp, ast.ListComp, ast.GeneratorExp)):
            for generator in node.generators:
                self._words_in(generator.iter)

    def _constant(self, statement: ast.stmt) -> None:
        """A module or class constant holding words: `SAID = "said"`, `_VERBS = frozenset({...})`."""
        if isinstance(statement, ast.ClassDef):
            for inner in statement.body:
                self._constant(inner)
            return
        targets = statement.targets if isinstance(statement, ast.Assign) else \
            [statement.target] if isinstance(statement, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return  # the names a module exports
        if targets:
            self._words_in(statement.value)  # type: ignore[attr-defined]

    def visit_Compare(self, node: ast.Compare) -> None:  # noqa: N802
        for operand in (node.left, *node.comparators):
            self._words_in(operand)
            if self.tolerant and isinstance(operand, ast.Constant) and type(operand.value) is int \
                    and operand.value not in ALLOWED_COMPARED:
                self.report(operand, f"threshold in code: compared with {operand.value!r} (read it from the rules)")
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:  # noqa: N802
        if isinstance(node.op, ast.Or):
            for value in node.values[1:]:
                self._words_in(value)  # a fallback: `data.get("numeric_order") or "mdy"`
            first, last = node.values[0], node.values[-1]
            if not self.path.startswith(RECORD_READERS) and isinstance(first, ast.Call) \
                    and _call_name(first) == "get" and first.args and _is_str(first.args[0]) and len(first.args) == 1:
                self._fallback_value(first.args[0], last)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:  # noqa: N802
        if not _is_record(node) and any(_is_str(k) for k in node.keys):
            self._words_in(node)  # a lookup table
        self._word_list(node, [k for k in node.keys if k is not None and id(k) not in self.skip])
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:  # noqa: N802
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return  # the names a module exports are names, not words
        self.generic_visit(node)

    def visit_List(self, node: ast.List | ast.Tuple | ast.Set) -> None:  # noqa: N802
        self._word_list(node, node.elts)
        self.generic_visit(node)

    visit_Tuple = visit_List  # noqa: N815
    visit_Set = visit_List  # noqa: N815

    def visit_arguments(self, node: ast.arguments) -> None:
        for default in (*node.defaults, *node.kw_defaults):
            self._words_in(default)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = _call_name(node)
        if name in MATCHERS and isinstance(node.func, ast.Attribute):
            for arg in node.args:
                self._words_in(arg)
        if name in ("get", "setdefault") and len(node.args) == 2:
            self._fallback(node)
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "re" and name in RE_FUNCTIONS and node.args:
            self._regex(node.args[0])
        self.generic_visit(node)

    def _regex(self, pattern: ast.expr) -> None:
        """The literal parts of a regular expression, which must not spell a word of the rules."""
        parts: list[ast.expr] = []

        def collect(node: ast.expr) -> None:
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                collect(node.left)
                collect(node.right)
            elif isinstance(node, ast.JoinedStr):
                parts.extend(node.values)
            else:
                parts.append(node)

        collect(pattern)
        for part in parts:
            if not _is_str(part):
                continue
            for word in _REGEX_WORD.findall(_REGEX_SYNTAX.sub(" ", part.value)):  # type: ignore[attr-defined]
                low = word.lower()
                if low in self.vocabulary.words and low not in self.structural:
                    self.report(part, f"vocabulary in a regular expression: {word!r} (build it from the rules)")

    # -- rule 2: word lists --

    def _word_list(self, node: ast.AST, elements: list[ast.expr]) -> None:
        words = [e.value for e in elements if _is_str(e) and _WORDLIKE.fullmatch(e.value)  # type: ignore[attr-defined]
                 and _normal(e.value) not in self.structural  # type: ignore[attr-defined]
                 and _normal(e.value) not in self.vocabulary.keys]  # type: ignore[attr-defined]
        if len(words) >= 3:
            self.report(node, f"word list in code: {words[:4]} (move it to a rule file)")

    # -- rules 3 and 4: thresholds and fallbacks --

    def visit_Constant(self, node: ast.Constant) -> None:  # noqa: N802
        if self.path.startswith(READERS) and isinstance(node.value, float) and node.value not in ALLOWED_FLOATS:
            self.report(node, f"threshold in code: {node.value!r} (read it from the rules)")

    def _fallback(self, node: ast.Call) -> None:
        key, default = node.args
        if _is_str(key):
            self._fallback_value(key, default)

    def _fallback_value(self, key: ast.expr, default: ast.expr) -> None:
        """A rule value read with a value of its own for when the rule is absent."""
        try:
            value = ast.literal_eval(default)
        except ValueError:
            return  # computed: another value read from somewhere
        if value not in EMPTY:
            self.report(default, f"fallback in code: {key.value!r} defaults to {value!r} "  # type: ignore[attr-defined]
                                 "(the rule file states the value: read it without one)")


STRUCTURAL = contract_names()
VOCABULARY = rule_vocabulary()


def check_source(source: str, path: str = "reconcile/judge.py") -> list[str]:
    """The problems of one module's source, as "path:line: message"."""
    return [str(p) for p in Checker(path, VOCABULARY, STRUCTURAL).check(ast.parse(source))]


# --- the package is clean ---------------------------------------------------------------------

# Modules still holding a fallback or a word, reported to whoever changes them; strict, so that
# an entry goes as soon as its module is clean.
PENDING: dict[str, str] = {}


def _module_param(path: Path) -> Any:
    relative = path.relative_to(PACKAGE.parent).as_posix()
    marks = [pytest.mark.xfail(strict=True, reason=PENDING[relative])] if relative in PENDING else []
    return pytest.param(path, id=relative, marks=marks)


@pytest.mark.parametrize("path", [_module_param(p) for p in MODULES])
def test_no_vocabulary_or_tolerance_in_code(path: Path):
    relative = path.relative_to(PACKAGE.parent).as_posix()
    assert check_source(path.read_text(encoding="utf-8"), relative) == []


def test_the_checker_knows_the_rule_packs():
    # Without the packs' words every test above would pass vacuously.
    assert {"said", "percent", "million", "killed", "about", "more than", "according to", "usd", "'s"} \
        <= VOCABULARY.words
    assert {"words", "context", "speech_verbs", "near_words"} <= VOCABULARY.keys
    assert {"conflict", "exact", "money", "json", "sic", "speaker"} <= STRUCTURAL


# --- the checker catches what it should, and only that ------------------------------------------

@pytest.mark.parametrize("source, problem", [
    ('def f(word):\n    return word in {"said", "told", "added"}\n', "vocabulary in code: 'said'"),
    ('def f(word):\n    return word in {"said", "told", "added"}\n', "word list in code"),
    ('def f(word):\n    return word == "said"\n', "vocabulary in code: 'said'"),
    ('def f(word):\n    return "killed" != word\n', "vocabulary in code: 'killed'"),
    ('SAID = "said"\n', "vocabulary in code: 'said'"),
    ('_VERBS = frozenset({"said"})\n', "vocabulary in code: 'said'"),
    ('SCALES = ("hundred", "thousand", "million")\n', "word list in code"),
    ('def f():\n    return ["quipped", "mused", "opined"]\n', "word list in code"),
    ('def f(w):\n    return {"dozen": 12, "hundred": 100}.get(w)\n', "vocabulary in code: 'dozen'"),
    ('def f(t):\n    return t.endswith("per cent")\n', "vocabulary in code: 'per cent'"),
    ('def f(t):\n    return t.endswith(("ss", "us"))\n', "vocabulary in code: 'ss'"),
    ("def f(t):\n    return t.lower().endswith(\"'s\")\n", "vocabulary in code: \"'s\""),
    ('def f(q):\n    return q.startswith("more than")\n', "vocabulary in code: 'more than'"),
    ('def f(w, skips=("were", "was")):\n    return w in skips\n', "vocabulary in code: 'were'"),
    ('def f(data):\n    return data.get("numeric_order") or "mdy"\n', "vocabulary in code: 'mdy'"),
    ('def f(data):\n    return data.get("ordinal_suffixes") or ["th"]\n', "vocabulary in code: 'th'"),
    ('import re\nSAID = re.compile(r"\\b(?:said|told)\\b")\n', "vocabulary in a regular expression: 'said'"),
    ('import re\ndef f(x):\n    return re.compile(rf"{x}\\s+(?:killed)")\n', "vocabulary in a regular expression"),
    ('import re\ndef f(x):\n    return re.compile(r"(?:" + x + r")(?:s)?")\n',
     "vocabulary in a regular expression: 's'"),
    ("threshold = 0.85\n", "threshold in code: 0.85"),
    ("def f(a, b):\n    return abs(a - b) < 1e-6\n", "threshold in code: 1e-06"),
    ("def f(score):\n    return score >= 80\n", "threshold in code: compared with 80"),
    ('def f(data):\n    return data.get("window", 4)\n', "fallback in code: 'window' defaults to 4"),
    ('def f(numbers):\n    return numbers.get("years") or (1800, 2100)\n', "fallback in code: 'years' defaults"),
    ('def f(data):\n    return data.get("round_scaled_amounts", True)\n', "fallback in code"),
    ('def f(data):\n    return data.get("ordinal_suffixes", ["th"])\n', "fallback in code"),
])
def test_the_checker_catches(source: str, problem: str):
    found = check_source(source)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize("source", [
    '"""Read "said" and "more than" from the rules."""\n',
    'def f():\n    """Whether "said" follows."""\n',
    'class A:\n    """The "killed" and the "injured"."""\n',
    'def f(n, who):\n    return f"{who} said {n} more than"\n',
    'def f(n):\n    return "both" if n == 2 else "all"\n',
    'def f(table):\n    table.add_column("source")\n',
    'def f(data):\n    return data.get("speech_verbs") or ()\n',
    'def f(data):\n    return data.get("reach") or {}\n',
    'def f(spec):\n    return spec["code"], spec.get("needs_scale")\n',
    'def f(m):\n    return m.group("noun") or m.group("verb")\n',
    'def f(v):\n    return {"text": v.text, "speaker": v.speaker, "medium": v.medium, "unit": v.unit}\n',
    'def f(q):\n    return {"lower_bound": "at least ", "approximate": "about "}.get(q, "")\n',
    'def f(rules):\n    return rules.for_language("en")\n',
    'def f(q):\n    return q in ("lower_bound", "upper_bound", "approximate", "range", "exact")\n',
    'def f(v):\n    return v == "conflict" or v in ("agree", "compatible", "quote_variant")\n',
    'def f(flags):\n    return "sic" in flags or "attribution_conflict" in flags\n',
    'COLUMNS = ["claim", "group", "verdict", "flags", "source", "speaker", "unit"]\n',
    'def f(t):\n    return t.kind in ("word", "num") and t.text == "-"\n',
    '__all__ = ["compare", "check", "Group", "Report", "Source"]\n',
    '__all__ = ["FORMATS", "pieces", "render", "report_records"]\n',
    'def f(counts, k):\n    return counts.get(k, 0) + 1\n',
    'def f(data, other):\n    return data.get("lang") or other.get("language")\n',
    'def f(x):\n    return x * 1.0 + 0.5\n',
    'def f(n):\n    return n >= 2 and n != 0\n',
    'import re\nWORD = re.compile(r"[^\\W\\d_]+(?:[\'-][^\\W\\d_]+)*")\n',
    'import re\ndef f(noun):\n    return re.compile(rf"(?P<noun>{noun})(?![\\w-])")\n',
    'import re\nBLANK = re.compile(r"(?:\\r\\n|\\r|\\n)[ \\t]*(?:\\r\\n|\\r|\\n)")\n',
])
def test_the_checker_lets_structure_through(source: str):
    assert check_source(source) == []


def test_thresholds_are_looked_for_where_numbers_are_not_formatting():
    assert check_source("x = 0.85\n", "reconcile/extract/quotes.py") != []
    assert check_source("x = 0.85\n", "reconcile/align.py") != []
    assert check_source("x = 1e6\n", "reconcile/report/records.py") == []
    # Comparisons with numbers are thresholds only where values are judged.
    assert check_source("def f(s):\n    return s > 80\n", "reconcile/extract/quotes.py") == []
    # A reporter's fallback is for a field a record may lack, not for a rule.
    assert check_source('def f(value):\n    return value.get("unit") or "percent"\n',
                        "reconcile/report/records.py") == []
