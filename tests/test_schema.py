"""Rule files are checked against the schema of their type on load, each error one line at path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.cli import EXIT_ERROR
from reconcile.errors import RuleError
from reconcile.patterns import backtracking_risk
from reconcile.rules import TYPES as RULE_TYPES
from reconcile.rules import default_rules_dir, read_rule_file
from reconcile.schema import TYPES
from reconcile.yamlio import load_yaml

from .test_cli import invoke

BUILT_IN = sorted(default_rules_dir().rglob("*.yaml"))


# An example every file needs; it sits after the data keys being tested.
EXAMPLE = "examples:\n  - text: Nothing to see here.\n    claims: []\n"


def header(rule_type: str) -> str:
    """The four header lines every rule file opens with: data starts on line 5."""
    return f"name: x\ntype: {rule_type}\nlanguage: en\ndescription: A test file.\n"


def write(tmp_path: Path, rule_type: str, body: str) -> Path:
    path = tmp_path / f"{rule_type}.yaml"
    path.write_text(header(rule_type) + body, encoding="utf-8")
    return path


def built_in_patterns() -> list[str]:
    """Every regular expression of the built-in packs."""
    found = []
    for path in BUILT_IN:
        data = load_yaml(path.read_text(encoding="utf-8"))
        for key in ("trailing_boilerplate", "debris", "markdown_syntax", "times"):
            found += data.get(key) or []
        for patterns in (data.get("markers") or {}).values():
            found += patterns
    return sorted(set(found))


@pytest.mark.parametrize("path", BUILT_IN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_built_in_rule_file_fits_its_schema(path):
    read_rule_file(path)


def test_every_rule_type_has_a_schema():
    assert set(TYPES) == set(RULE_TYPES)


@pytest.mark.parametrize("rule_type, body, line, message", [
    # Unknown keys, at the top and nested; the message lists what is known there.
    ("units", "colour: red\n", 5,
     "unknown key 'colour' in a 'units' file (known: name, type, language, description, examples, "),
    ("align", "context:\n  near_words: 8\n  nearwords: 9\n", 7, "unknown key 'context.nearwords' (known: near_words, "),
    ("money", "words:\n  rand: {code: ZAR, colour: red}\n", 6, "unknown key 'words.rand.colour' (known: code, "),
    # A key given twice: the second would silently replace the first.
    ("money", 'symbols:\n  "$": USD\n  "$": CAD\n', 7, "not valid YAML (found the key '$' twice)"),
    # Wrong types.
    ("counts", "nouns: people\n", 5, "key 'nouns': expected a list of words, got 'people'"),
    ("align", "propose:\n  floor: [10]\n", 6, "key 'propose.floor': expected a number, got a list"),
    ("money", 'symbols:\n  "$": USD\n  "R$": [BRL]\n', 7, "key 'symbols.R$': expected a word, got a list"),
    ("counts", "window: 4.5\n", 5, "key 'window': expected a whole number, got 4.5"),
    ("judge", "round_scaled_amounts: yes\n", 5, "key 'round_scaled_amounts': expected true or false, got 'yes'"),
    ("numbers", "words:\n  one: 1\n  2: two\n", 7, "key 'words.2': expected a word as the key, got 2"),
    ("numbers", "vague:\n  dozens of: [24]\n", 6,
     "key 'vague.dozens of': expected a list of 2 numbers, got a list of 1"),
    ("dates", "month_parts:\n  early: [1, soon]\n", 6,
     "key 'month_parts.early[1]': expected a whole number or 'end', got 'soon'"),
    ("dates", "relative:\n  today: {unit: fortnight}\n", 6,
     "key 'relative.today.unit': expected 'day' or 'week' or 'weekend' or 'month' or 'quarter' or 'year', "
     "got 'fortnight'"),
    ("counts", "synonyms:\n  - [killed, dead]\n  - wounded\n", 7,
     "key 'synonyms[1]': expected a list of words, got 'wounded'"),
    ("text", "debris:\n  -\n", 6, "key 'debris[0]': expected a regular expression, got nothing"),
    # A key the code reads unconditionally must be there (the line is its mapping's).
    ("units", "units:\n  metre: {dimension: length, names: [m]}\n", 6,
     "key 'units.metre.factor': missing (expected a number)"),
    # Examples: a text and its claims, or the sources of a story and its groups.
    ("money", "examples:\n  - text: A fine.\n    claim: []\n", 7,
     "unknown key 'examples[0].claim' (known: text, claims)"),
    ("money", "examples:\n  - claims: []\n", 6, "key 'examples[0]': expected a mapping with 'text' or 'sources', got"),
    ("money", "examples:\n  - text: A fine.\n    claims:\n      - {kind: cash, text: A}\n", 8,
     "key 'examples[0].claims[0].kind': expected 'money' or 'count'"),
    ("money", "examples:\n  - text: A fine of $5.\n    claims:\n      - {kind: money, text: $5, amount: five}\n", 8,
     "key 'examples[0].claims[0].amount': expected a number or nothing, got 'five'"),
    ("money", "examples:\n  - text: A fine.\n    claims:\n      - {kind: money}\n", 8,
     "key 'examples[0].claims[0].text': missing (expected a word)"),
    ("judge", "examples:\n  - sources: [A., B.]\n    groups:\n      - {texts: [A, B]}\n", 8,
     "key 'examples[0].groups[0].verdict': missing (expected 'agree' or 'compatible'"),
    ("judge", "examples:\n  - sources: [A., B.]\n    apart: [[A, B, C]]\n", 7,
     "key 'examples[0].apart[0]': expected a list of 2 words, got a list of 3"),
    # Patterns must compile ...
    ("text", "debris:\n  - '[a-z'\n", 6,
     "key 'debris[0]': not a valid regular expression (unterminated character set at position 0)"),
    ("quotes", "markers:\n  sic: ['(sic']\n", 6, "key 'markers.sic[0]': not a valid regular expression (missing ), "),
    # ... inside a group too: a global flag, or a group closed that the pattern did not open.
    ("text", "debris:\n  - 'a(?i)b'\n", 6, "key 'debris[0]': not a valid regular expression (global flags not at"),
    ("quotes", "markers:\n  sic: ['(?i)sic']\n", 6, "key 'markers.sic[0]': not a valid regular expression (global"),
    ("quotes", "markers:\n  sic: ['sic)|(x']\n", 6, "key 'markers.sic[0]': not a valid regular expression (unbalanced"),
    # Words are never empty (an empty one would match everywhere) ...
    ("counts", "nouns: [people, '']\n", 5, "key 'nouns[1]': expected a word, got ''"),
    # ... and dates are read in a language dateparser knows.
    ("dates", "dateparser_language: klingon\n", 5,
     "key 'dateparser_language': expected a language code dateparser reads (en, es, fr, ...), got 'klingon'"),
    # ... and must not backtrack catastrophically.
    ("text", "trailing_boilerplate:\n  - '^tags?$'\n  - '(a+)+$'\n", 7,
     "key 'trailing_boilerplate[1]': pattern '(a+)+$' could backtrack catastrophically: 'a+' is inside a "
     "repeated group"),
    ("dates", "times:\n  - '(\\w+\\s?)*$'\n", 6,
     "key 'times[0]': pattern '(\\\\w+\\\\s?)*$' could backtrack catastrophically: '\\\\w+' is inside a "
     "repeated group"),
    ("quotes", "markers:\n  ellipsis: ['(x|x)*y']\n", 6,
     "key 'markers.ellipsis[0]': pattern '(x|x)*y' could backtrack catastrophically: two alternatives inside a "
     "repeated group can match the same text"),
    ("text", "markdown_syntax:\n  - '(a|aa)+'\n", 6, "pattern '(a|aa)+' could backtrack catastrophically"),
])
def test_a_bad_rule_file_is_one_line_at_its_key(tmp_path, rule_type, body, line, message):
    path = write(tmp_path, rule_type, body)
    with pytest.raises(RuleError) as err:
        read_rule_file(path)
    text = str(err.value)
    assert text.startswith(f"{path}:{line}: ")
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize("pattern", [
    # Every pattern of the built-in packs ...
    *built_in_patterns(),
    # ... and patterns whose repeats end where the next character says.
    r"^tags?\b.{0,200}$",
    r"(?:.*\n)*?```",
    r"(\w+\s+)*$",
    r"(?:[a-z]+-)*[a-z]+",
    r"(?:\s*,\s*\w+)+$",
    r"(?:Mr|Mrs)+",
    r"<!--(?:.|\n)*?-->",
    r"(?:ab|ac)*",
    r"(?:a|aa)*+",
    r"(?>a+)*b",
])
def test_a_safe_pattern_passes(pattern):
    assert backtracking_risk(pattern) is None


@pytest.mark.parametrize("pattern, culprit", [
    (r"(a+)+$", "'a+' is inside a repeated group"),
    (r"(\w*)*", r"'\\w*' is inside a repeated group"),
    (r"(\w+\s?)*$", r"'\\w+' is inside a repeated group"),
    (r"^(\s*\w+)*$", r"'\\w+' is inside a repeated group"),
    (r"(\w{1,3})+$", r"'\\w{1,3}' is inside a repeated group"),
    (r"(.*a){11}", "'.*' is inside a repeated group"),
    (r"(?:[01]?\d)+", "'[01]?' is inside a repeated group"),
    (r"((a+)+)+", "'(a+)+' is inside a repeated group"),
    (r"(?=(a+)+b)", "'a+' is inside a repeated group"),
    (r"(x|x)*y", "two alternatives"),
    (r"(a|aa)+", "two alternatives"),
    (r"(a|a?)+", "two alternatives"),
    (r"(\d+|\w)+", "two alternatives"),
    (r"(?:(?:a|ab)+b)+", "two alternatives"),
    (r"(?s:(?:.|\n)*)x", "two alternatives"),
])
def test_a_catastrophic_pattern_is_refused(pattern, culprit):
    risk = backtracking_risk(pattern)
    assert risk is not None and risk.startswith(culprit), risk


def test_a_bounded_repeat_passes_in_a_rule_file(tmp_path):
    path = write(tmp_path, "text", "trailing_boilerplate:\n  - '^(copyright|©).{0,200}$'\n" + EXAMPLE)
    assert read_rule_file(path).data["trailing_boilerplate"] == ["^(copyright|©).{0,200}$"]


def test_a_pack_may_hold_only_the_keys_it_extends(tmp_path):
    path = write(tmp_path, "money", 'symbols: {"R": ZAR}\n' + EXAMPLE)
    assert read_rule_file(path).data == {"symbols": {"R": "ZAR"}}


def test_a_rule_file_without_examples_is_refused(tmp_path):
    path = write(tmp_path, "money", 'symbols: {"R": ZAR}\nexamples:\n')
    with pytest.raises(RuleError, match=r"no examples"):
        read_rule_file(path)


@pytest.mark.parametrize("language", ["ES", "Spanish", "es-ES", ""])
def test_a_language_must_be_a_lower_case_code(tmp_path, language):
    path = tmp_path / "money.yaml"
    path.write_text(f"name: x\ntype: money\nlanguage: '{language}'\ndescription: d\n" + EXAMPLE, encoding="utf-8")
    with pytest.raises(RuleError, match=r"money.yaml:3: key 'language'"):
        read_rule_file(path)


def test_the_cli_reports_a_bad_rule_file_in_one_line_and_exits_2(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The council approved $2.5 million.", encoding="utf-8")
    (tmp_path / "pack").mkdir()
    bad = write(tmp_path / "pack", "counts", "window: four\n")
    result = invoke(["compare", story, "--rules", tmp_path / "pack"], EXIT_ERROR)
    assert result.stderr == f"Error: {bad}:5: key 'window': expected a whole number, got 'four'\n"
    assert "Traceback" not in result.output
