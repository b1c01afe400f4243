"""Rule files document and test themselves: every example of every file must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile import claims_from_text, load_rules
from reconcile.errors import RuleError
from reconcile.model import Source, line_starts
from reconcile.pipeline import build_report
from reconcile.report.records import value_record
from reconcile.rules import default_rules_dir, read_rule_file

PACK = default_rules_dir() / "en"
RULE_FILES = sorted(PACK.glob("*.yaml"))
EXAMPLES = [
    pytest.param(example, id=f"{path.stem}-{n}")
    for path in RULE_FILES
    for n, example in enumerate(read_rule_file(path).examples)
]


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_every_rule_file_describes_itself_and_has_examples(path: Path):
    rule_file = read_rule_file(path)
    assert rule_file.description.strip()
    assert rule_file.language == "en"
    assert rule_file.name == path.stem
    assert any(e.get("claims") or e.get("groups") for e in rule_file.examples), "needs an example that yields claims"


@pytest.mark.parametrize("example", EXAMPLES)
def test_rule_file_example(example, rules):
    if "sources" in example:
        check_story_example(example, rules)
        return
    got = [(c.kind.value, c.text, value_record(c.value)) for c in claims_from_text(example["text"], rules)]
    wanted = example.get("claims") or []
    assert [(k, t) for k, t, _ in got] == [(w["kind"], w["text"]) for w in wanted]
    for (_, _, value), want in zip(got, wanted, strict=False):
        for key, expected in want.items():
            if key in ("kind", "text"):
                continue
            actual = value["si"]["amount"] if key == "si" else value[key]
            assert actual == pytest.approx(expected) if isinstance(expected, float) else actual == expected, key


def check_story_example(example, rules):
    """A story example: its sources, read together, group and judge as the example says."""
    sources = tuple(Source(id=f"s{n}", path=f"s{n}", text=text, outlet=f"Outlet {n}", line_starts=line_starts(text))
                    for n, text in enumerate(example["sources"], start=1))
    report = build_report(sources, rules)
    by_text = {(c.source, c.text): c.id for c in report.claims}
    group_of = {cid: g for g in report.groups for cid in g.claims}
    for want in example.get("groups") or ():
        ids = [by_text[(f"s{n}", text)] for n, text in enumerate(want["texts"], start=1) if text]
        groups = {group_of[cid].id for cid in ids}
        assert len(groups) == 1, f"{want['texts']} are not one group"
        group = group_of[ids[0]]
        assert group.verdict.value == want["verdict"], group.explanation
        assert set(want.get("flags") or ()) <= set(group.flags)
    for first, second in example.get("apart") or ():
        a, b = by_text[("s1", first)], by_text[("s2", second)]
        assert group_of[a].id != group_of[b].id, f"{first!r} and {second!r} were grouped"


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
        "symbols: {'R': ZAR}\n", encoding="utf-8")
    extended = load_rules([tmp_path])
    claims = claims_from_text("The fine was R500 for each offence.", extended)
    assert [(c.kind.value, c.text, c.value.currency) for c in claims] == [("money", "R500", "ZAR")]
    assert not claims_from_text("The fine was R500 for each offence.", rules)
