"""Rule files document and test themselves: every example of every file must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile import claims_from_text, load_rules
from reconcile.errors import RuleError
from reconcile.examples import problems
from reconcile.rules import default_rules_dir, read_rule_file

RULE_FILES = sorted(default_rules_dir().rglob("*.yaml"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


EXAMPLES = [
    pytest.param(path, n, id=f"{_id(path)}-{n}")
    for path in RULE_FILES
    for n in range(len(read_rule_file(path).examples))
]


@pytest.mark.parametrize("path", RULE_FILES, ids=_id)
def test_every_rule_file_describes_itself_and_has_examples(path: Path):
    rule_file = read_rule_file(path)
    assert rule_file.description.strip()
    # A pack's folder is its language; thresholds and tolerances hold for every language.
    assert rule_file.language in (path.parent.name, "any")
    assert rule_file.name == path.stem
    assert any(e.get("claims") or e.get("groups") for e in rule_file.examples), "needs an example that yields claims"
    assert any("text" in e and not e.get("claims") for e in rule_file.examples) or rule_file.language == "any", \
        "needs an example that yields nothing"


@pytest.mark.parametrize("path, number", EXAMPLES)
def test_rule_file_example(path, number, rules):
    rule_file = read_rule_file(path)
    assert list(problems(rule_file.examples[number], rule_file, rules)) == []


def test_words_like_no_and_on_stay_words(rules):
    # YAML 1.1 would read these as booleans; the rule loader reads YAML 1.2 booleans only.
    words = rules.of_type("text")["function_words"]
    assert "no" in words and "on" in words


@pytest.mark.parametrize("content, message", [
    ("name: x\ntype: numbers\nlanguage: en\n", "missing key 'description'"),
    ("name: x\ntype: spelling\nlanguage: en\ndescription: d\n", "unknown rule type 'spelling'"),
    ("name: x\ntype: numbers\nlanguage: en\ndescription: d\nwords: [a\n", "not valid YAML"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_bad_rule_file_names_the_file(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path])
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)


def test_a_later_pack_overrides_key_by_key(tmp_path, rules):
    (tmp_path / "money.yaml").write_text(
        "name: money-extra\ntype: money\nlanguage: en\ndescription: Adds the rand sign.\n"
        "symbols: {'R': ZAR}\nexamples:\n  - text: The fine was R500.\n    claims: [{kind: money, text: R500}]\n",
        encoding="utf-8")
    extended = load_rules([tmp_path])
    claims = claims_from_text("The fine was R500 for each offence.", extended)
    assert [(c.kind.value, c.text, c.value.currency) for c in claims] == [("money", "R500", "ZAR")]
    assert not claims_from_text("The fine was R500 for each offence.", rules)
