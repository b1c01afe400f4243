"""A newsroom's own rule packs: they extend the built-in ones, change the report, and test themselves.

Each pack here is written to a temporary folder the way a data editor would write it, then used
through the library and through the command line (`--rules`, the configuration, `reconcile rules`).
"""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from reconcile import claims_from_text, load_rules
from reconcile.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, main
from reconcile.model import Source, line_starts
from reconcile.pipeline import build_report
from reconcile.rules import default_rules_dir

EVACUEES = """\
    name: evacuees
    type: counts
    language: en
    description: Evacuees and the people evacuated are one count.
    synonyms:
      - [evacuees, evacuated]
    acts: {evacuated: evacuees}
    examples:
      - text: "Officials said 300 evacuees spent the night in the school gym."
        claims:
          - {kind: count, text: "300 evacuees", amount: 300, unit: evacuees}
      - text: "The shelter stayed open all week."
        claims: []
"""
REAL = """\
    name: real
    type: money
    language: en
    description: The Brazilian real.
    symbols: {"R$": BRL}
    examples:
      - text: "The club paid R$5 million for the striker."
        claims:
          - {kind: money, text: "R$5 million", amount: 5000000, currency: BRL}
"""
STRICT_ABOUT = """\
    name: strict-about
    type: qualifiers
    language: en
    description: About means within 5 percent here.
    approximate:
      about: [0.95, 1.05]
    examples:
      - text: "About 100 people came."
        claims:
          - {kind: count, text: "About 100 people", low: 95, high: 105}
"""


def pack(tmp_path, name, *files):
    folder = tmp_path / name
    folder.mkdir()
    for n, content in enumerate(files):
        (folder / f"rules{n}.yaml").write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def story(*texts):
    return tuple(Source(id=i, path=i, text=t, line_starts=line_starts(t)) for i, t in zip("ab", texts, strict=False))


def verdicts(report):
    return sorted((g.verdict.value, len(g.claims)) for g in report.groups)


EVACUATION = story("Officials in Riverton said 300 evacuees spent the night in the school gym after the levee failed.",
                   "After the levee failed, 300 people were evacuated in Riverton and spent the night in the "
                   "school gym, officials said.")
ATTENDANCE = story("About 100 people attended the Riverton town hall meeting on the levee, organisers said.",
                   "Organisers said 108 people attended the Riverton town hall meeting on the levee.")


def test_a_unit_added_by_a_pack_joins_what_it_means(tmp_path, rules):
    assert verdicts(build_report(EVACUATION, rules)) == [("single_source", 1), ("single_source", 1)]
    assert verdicts(build_report(EVACUATION, load_rules([pack(tmp_path, "p", EVACUEES)]))) == [("agree", 2)]


def test_a_currency_added_by_a_pack_is_read(tmp_path, rules):
    text = "The club paid R$5 million for the striker."
    assert not claims_from_text(text, rules)
    [claim] = claims_from_text(text, load_rules([pack(tmp_path, "p", REAL)]))
    assert (claim.text, claim.value.currency, claim.value.amount) == ("R$5 million", "BRL", 5_000_000)


def test_a_tighter_about_turns_a_compatible_figure_into_a_conflict(tmp_path, rules):
    assert verdicts(build_report(ATTENDANCE, rules)) == [("compatible", 2)]
    assert verdicts(build_report(ATTENDANCE, load_rules([pack(tmp_path, "p", STRICT_ABOUT)]))) == [("conflict", 2)]


def test_later_packs_override_earlier_ones_key_by_key(tmp_path):
    loose = STRICT_ABOUT.replace("strict-about", "loose-about").replace("[0.95, 1.05]", "[0.8, 1.2]")
    first, second = pack(tmp_path, "first", STRICT_ABOUT), pack(tmp_path, "second", loose)
    band = {n: load_rules(order).of_type("qualifiers")["approximate"]["about"]
            for n, order in (("strict last", [second, first]), ("loose last", [first, second]))}
    assert band == {"strict last": [0.95, 1.05], "loose last": [0.8, 1.2]}
    # Lists of words grow: the pack's phrase joins the built-in ones.
    assert "more than" in load_rules([first]).of_type("qualifiers")["lower_bound"]


def test_a_band_or_a_part_of_a_month_is_replaced_not_extended(tmp_path):
    late = pack(tmp_path, "late", """\
        name: late
        type: dates
        language: en
        description: Late in a month starts on the 20th here.
        month_parts:
          late: [20, end]
        examples:
          - text: "The road reopened in late June 2024."
            claims:
              - {kind: date, text: "late June 2024", start: "2024-06-20", end: "2024-06-30"}
        """)
    assert load_rules([late]).for_language("en").of_type("dates")["month_parts"]["late"] == [20, "end"]
    assert run("rules", "test", late).exit_code == EXIT_OK


def test_a_pack_named_twice_is_read_once(tmp_path):
    strict = pack(tmp_path, "strict", STRICT_ABOUT)
    assert len(load_rules([strict, strict]).files) == len(load_rules([strict]).files)


def test_a_file_reached_through_two_folders_is_read_once(tmp_path):
    strict = pack(tmp_path, "strict", STRICT_ABOUT)
    assert len(load_rules([strict, tmp_path]).files) == len(load_rules([strict]).files)
    # The built-in packs, named again by their parent folder: each example is run once.
    result = run("rules", "test", str(default_rules_dir()))
    assert result.exit_code == EXIT_OK, result.output
    assert result.output.splitlines()[-1].endswith(f"in {len(load_rules().files)} files")


def test_hidden_folders_of_a_pack_are_left_out(tmp_path):
    folder = pack(tmp_path, "newsroom", REAL)
    (folder / ".github").mkdir()
    (folder / ".github" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    assert [f.name for f in load_rules([folder]).files][-1] == "real"


def test_a_file_in_a_language_without_a_pack_does_not_make_one(tmp_path):
    dutch = pack(tmp_path, "nl", REAL.replace("language: en", "language: nl"))
    assert "nl" not in load_rules([dutch]).languages
    folder = write_story(tmp_path, ATTENDANCE)
    result = run("compare", folder, "--rules", dutch, "--lang", "a=nl", "--strict-languages")
    assert result.exit_code == EXIT_ERROR and "no rule pack for language 'nl'" in result.output


def test_a_pack_may_hold_sub_folders(tmp_path):
    folder = pack(tmp_path, "newsroom")
    (folder / "money").mkdir()
    (folder / "money" / "real.yaml").write_text(textwrap.dedent(REAL), encoding="utf-8")
    assert claims_from_text("The club paid R$5 million.", load_rules([folder]))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def write_story(tmp_path, texts):
    folder = tmp_path / "story"
    folder.mkdir()
    for source in texts:
        (folder / f"{source.id}.txt").write_text(source.text, encoding="utf-8")
    return folder


def test_compare_reads_packs_from_the_command_line_and_the_configuration(tmp_path, monkeypatch):
    folder = write_story(tmp_path, ATTENDANCE)
    strict = pack(tmp_path, "strict", STRICT_ABOUT)

    def verdict(result):
        assert result.exit_code == EXIT_OK, result.output
        return [g["verdict"] for g in json.loads(result.output)["groups"]]

    assert verdict(run("compare", folder, "--format", "json")) == ["compatible"]
    assert verdict(run("compare", folder, "--format", "json", "--rules", strict)) == ["conflict"]
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / ".reconcile.toml").write_text(f'rules = ["{strict}"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "sub")  # the configuration is found upwards
    assert verdict(run("compare", folder, "--format", "json")) == ["conflict"]


def test_rules_list_shows_every_active_file_and_where_it_came_from(tmp_path):
    strict = pack(tmp_path, "strict", STRICT_ABOUT)
    result = run("rules", "list", "--rules", strict)
    assert result.exit_code == EXIT_OK
    lines = result.output
    for name in ("numbers", "money", "dates", "quotes", "align", "judge", "strict-about"):
        assert name in lines
    assert lines.index("strict-about") > lines.index("qualifiers")  # read after the built-in pack
    assert "built-in en/money.yaml" in lines and "built-in en/align.yaml" in lines


def test_rules_show_prints_a_file_with_its_examples():
    result = run("rules", "show", "en/money")
    assert result.exit_code == EXIT_OK
    assert "type: money" in result.output and "examples:" in result.output
    missing = run("rules", "show", "no-such-file")
    assert missing.exit_code == EXIT_ERROR and "no rule file named 'no-such-file'" in missing.output


def test_rules_test_runs_a_packs_examples(tmp_path):
    good = pack(tmp_path, "good", EVACUEES, REAL, STRICT_ABOUT)
    result = run("rules", "test", good)
    assert result.exit_code == EXIT_OK, result.output
    assert "4 of 4 examples hold in 3 files" in result.output
    wrong = EVACUEES.replace("amount: 300", "amount: 30")
    failing = pack(tmp_path, "failing", wrong)
    result = run("rules", "test", failing)
    assert result.exit_code == EXIT_FINDINGS
    assert "FAIL" in result.output and "amount is 300, expected 30" in result.output


def test_a_broken_user_pack_exits_2_naming_its_file(tmp_path):
    broken = pack(tmp_path, "broken", "name: x\ntype: money\nlanguage: en\ndescription: d\nsymbols: [oops\n")
    folder = write_story(tmp_path, ATTENDANCE)
    for args in (("compare", folder, "--rules", broken), ("rules", "test", broken),
                 ("rules", "list", "--rules", broken)):
        result = run(*args)
        assert result.exit_code == EXIT_ERROR
        assert str(broken / "rules0.yaml") in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("language", ["nl", "xx"])
def test_a_language_without_a_pack_is_read_in_part_and_refused_only_when_strict(tmp_path, language):
    folder = write_story(tmp_path, ATTENDANCE)
    result = run("compare", folder, "--lang", f"a={language}", "--strict-languages")
    assert result.exit_code == EXIT_ERROR
    assert f"no rule pack for language {language!r}" in result.output
    result = run("compare", folder, "--lang", f"a={language}", "--format", "json")
    assert result.exit_code == EXIT_OK
    source = json.loads(result.stdout)["sources"][0]
    assert (source["language"], source["partial_language"]) == (language, True)


def test_rules_show_finds_a_file_for_every_language_by_its_folder():
    result = run("rules", "show", "en/align")
    assert result.exit_code == EXIT_OK and "language: any" in result.output


def test_rules_test_on_a_folder_without_rule_files_is_a_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("rules", "test", tmp_path / "empty")
    assert result.exit_code == EXIT_ERROR and "no rule files" in result.output


def test_an_act_naming_no_synonym_set_is_a_rule_error(tmp_path):
    from click.testing import CliRunner

    from reconcile.cli import main

    folder = pack(tmp_path, "p", """\
        name: rescues
        type: counts
        language: en
        description: A count of people rescued counts the rescued.
        acts: {rescued: rescuees}
        examples:
          - text: "The shelter stayed open all week."
            claims: []
        """)
    story = tmp_path / "story.txt"
    story.write_text("Crews rescued 14 people from the flooded street on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(story), "--rules", str(folder)])
    assert result.exit_code == 2
    assert "acts: 'rescued' names 'rescuees', which no synonym set holds" in result.output
