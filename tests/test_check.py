"""`reconcile check`, end to end: drafts written for these tests, checked against seeds/ in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import ROOT

DRAFTS = ROOT / "tests" / "fixtures" / "drafts"


def run(*args, cwd=ROOT):
    """`python -m reconcile ...` as a CI job would run it."""
    return subprocess.run([sys.executable, "-m", "reconcile", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, check=False)


def findings(*args, cwd=ROOT):
    result = run("check", *args, "--format", "json", cwd=cwd)
    return result, json.loads(result.stdout)["findings"] if result.stdout else []


def test_a_faithful_draft_passes():
    result, found = findings(DRAFTS / "faithful.md", "--against", ROOT / "seeds")
    assert result.returncode == 0, result.stdout + result.stderr
    assert found == []


@pytest.mark.parametrize("draft, verdict, line, text", [
    ("changed_amount.md", "conflict", 3, "$25,000"),
    ("changed_date.md", "conflict", 3, "June 29"),
    ("altered_quote.md", "quote_variant", 3, "When it comes to supporting oppressive, inhumane, and unlawful"),
    ("dropped_sic.md", "quote_variant", 3, "Pledging us a small portion"),
    ("other_speaker.md", "attribution_conflict", 3, "When it comes to supporting"),
])
def test_a_draft_that_contradicts_its_sources_fails_at_the_right_line(draft, verdict, line, text):
    result, found = findings(DRAFTS / draft, "--against", ROOT / "seeds")
    assert result.returncode == 1, result.stdout + result.stderr
    failing = [f for f in found if f["failing"]]
    assert [(f["verdict"], f["line"]) for f in failing] == [(verdict, line)]
    assert failing[0]["text"].startswith(text)
    assert failing[0]["draft"].endswith(draft) and failing[0]["col"] >= 1
    assert failing[0]["sources"] and all(s["outlet"] and s["text"] for s in failing[0]["sources"])
    assert failing[0]["explanation"]


def test_an_inline_ignore_accepts_the_difference():
    result, found = findings(DRAFTS / "ignored.md", "--against", ROOT / "seeds")
    assert result.returncode == 0
    assert [(f["verdict"], f["suppressed"], f["failing"]) for f in found] == [("conflict", "ignored", False)]


def test_a_baseline_accepts_todays_findings_and_only_new_ones_fail(tmp_path):
    baseline = tmp_path / "baseline.json"
    written = run("check", DRAFTS / "baselined.md", "--against", ROOT / "seeds", "--write-baseline", baseline)
    assert written.returncode == 0 and baseline.exists()
    result, found = findings(DRAFTS / "baselined.md", "--against", ROOT / "seeds", "--baseline", baseline)
    assert result.returncode == 0
    assert [f["suppressed"] for f in found] == ["baseline"]
    other = run("check", DRAFTS / "altered_quote.md", "--against", ROOT / "seeds", "--baseline", baseline)
    assert other.returncode == 1


def test_fail_on_never_only_reports():
    result, found = findings(DRAFTS / "changed_amount.md", "--against", ROOT / "seeds", "--fail-on", "never")
    assert result.returncode == 0 and [f["verdict"] for f in found] == ["conflict"]


def test_unsupported_claims_are_reported_on_request(tmp_path):
    draft = tmp_path / "extra.md"
    draft.write_text("The museum opened a new wing with 14 galleries, its curator said.\n", encoding="utf-8")
    result, found = findings(draft, "--against", ROOT / "seeds", "--unsupported", "--fail-on", "unsupported")
    assert result.returncode == 1
    assert [(f["verdict"], f["text"]) for f in found] == [("unsupported", "14 galleries")]


@pytest.mark.parametrize("args, message", [
    (["check", "missing.md", "--against", "seeds"], "does not exist"),
    (["check", "tests/fixtures/drafts/faithful.md", "--against", "seeds", "--fail-on", "bogus"],
     "unknown verdict or flag 'bogus'"),
    (["check", "tests/fixtures/drafts/faithful.md"], "nothing to check against"),
    (["check", "tests/fixtures/drafts/faithful.md", "--against", "seeds", "--baseline", "README.md"],
     "not a reconcile baseline"),
])
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_github_annotations_match_line_by_line():
    result = run("check", "tests/fixtures/drafts/changed_amount.md", "--against", "seeds", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=tests/fixtures/drafts/changed_amount.md,line=3,col=59,title=reconcile RC001 conflict::"
        "the draft says $25,000; 000_47b478695b0a2d4c and 001_40e412da47cbcc96 say $250,000: these cannot both "
        "be true (one fact: both say salesforce, donation) (draft: $25,000)",
    ]


def test_sarif_has_the_structure_sarif_2_1_0_requires():
    result = run("check", "tests/fixtures/drafts/altered_quote.md", "tests/fixtures/drafts/ignored.md",
                 "--against", "seeds", "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "reconcile"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(set(rule_ids)) == len(rule_ids) and all(r["shortDescription"]["text"] for r in driver["rules"])
    assert run_["results"]
    for item in run_["results"]:
        assert item["ruleId"] in rule_ids
        assert item["message"]["text"]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".md")
        assert item["partialFingerprints"]["reconcileFinding/v1"]
    suppressed = [r for r in run_["results"] if "suppressions" in r]
    assert [s["suppressions"][0]["kind"] for s in suppressed] == ["inSource"]


def test_junit_has_one_test_case_per_draft_claim():
    result = run("check", "tests/fixtures/drafts/changed_amount.md", "--against", "seeds", "--format", "junit")
    assert result.stdout.startswith("<?xml")
    assert result.stdout.count("<testcase ") == 2 and result.stdout.count("<failure ") == 1


def test_configuration_is_found_upwards_and_flags_win(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.reconcile]\nagainst = ["{(ROOT / "seeds").as_posix()}"]\nfail-on = ["quote_variant"]\n',
        encoding="utf-8")
    nested = tmp_path / "newsroom" / "drafts"
    nested.mkdir(parents=True)
    draft = nested / "d.md"
    draft.write_text((DRAFTS / "changed_amount.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("check", draft, cwd=nested).returncode == 0  # a conflict, but the configuration fails on quotes only
    assert run("check", draft, "--fail-on", "conflict", cwd=nested).returncode == 1
    (tmp_path / ".reconcile.toml").write_text("colour = 'red'\n", encoding="utf-8")
    bad = run("check", draft, cwd=nested)
    assert bad.returncode == 2 and "unknown key 'colour'" in bad.stderr


def test_markdown_syntax_is_not_read_as_claims(tmp_path):
    draft = tmp_path / "links.md"
    draft.write_text("# 2019 in review\n\nSee [the report](https://example.org/2019/05/30-people) and "
                     "`run 2 jobs`.\n\n```\ntotal = 400 dollars\n```\n\nThe council hired 12 teachers.\n",
                     encoding="utf-8")
    result, found = findings(draft, "--against", ROOT / "seeds", "--unsupported")
    checked = json.loads(run("check", draft, "--against", ROOT / "seeds", "--format", "json").stdout)["checked"]
    assert [(c["text"], c["line"]) for c in checked] == [("12 teachers", 9)]
    assert [f["line"] for f in found] == [9]


def test_a_draft_is_never_its_own_source(tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    for path in (ROOT / "seeds").iterdir():
        (inside / path.name).write_bytes(path.read_bytes())
    draft = inside / "changed_amount.md"
    draft.write_text((DRAFTS / "changed_amount.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert run("check", draft, "--against", inside).returncode == 1


def test_each_draft_is_judged_alone_whatever_is_checked_with_it(tmp_path):
    lone = tmp_path / "lone.md"
    lone.write_text("# T\n\nA Texas legal aid group rejected a $25,000 donation from Salesforce.\n", encoding="utf-8")
    alone = findings(lone, "--against", ROOT / "seeds")[1]
    together = [f for f in findings(lone, DRAFTS / "changed_amount.md", "--against", ROOT / "seeds")[1]
                if f["draft"].endswith("lone.md")]
    assert [(f["verdict"], f["line"]) for f in together] == [(f["verdict"], f["line"]) for f in alone]


def test_words_added_inside_the_quotation_marks_are_a_misquote(tmp_path):
    draft = tmp_path / "added.md"
    draft.write_text("\u201cWhen it comes to supporting oppressive, inhumane, and illegal policies, we want to be "
                     "clear: the only right action is to stop, and to apologise to every family,\u201d Jonathan Ryan "
                     "wrote.\n", encoding="utf-8")
    result, found = findings(draft, "--against", ROOT / "seeds")
    assert result.returncode == 1 and [f["verdict"] for f in found] == ["quote_variant"]


def test_fail_on_sic_fails_a_dropped_sic_and_writing_a_baseline_accepts_everything(tmp_path):
    result, found = findings(DRAFTS / "dropped_sic.md", "--against", ROOT / "seeds", "--fail-on", "sic")
    assert result.returncode == 1 and found[0]["flags"] == ["sic"]
    written = run("check", DRAFTS / "dropped_sic.md", "--against", ROOT / "seeds", "--format", "github",
                  "--write-baseline", tmp_path / "b.json")
    assert written.returncode == 0 and written.stdout == ""


@pytest.mark.parametrize("text", [
    "# T\r\n\r\nIntro.\r\n\r\n```\r\nThe group rejected a $25,000 donation.\r\n```\r\n\r\nDone.\r\n",
    "Intro.\n\n    The group rejected a $25,000 donation.\n\nDone.\n",
    "See https://example.com/a/$25,000-donation now.\n",
])
def test_markdown_code_and_urls_are_not_claims(tmp_path, text):
    draft = tmp_path / "code.md"
    draft.write_bytes(text.encode("utf-8"))
    checked = json.loads(run("check", draft, "--against", ROOT / "seeds", "--format", "json").stdout)["checked"]
    assert [c["text"] for c in checked if c["kind"] == "money"] == []


def test_markdown_link_text_is_prose(tmp_path):
    draft = tmp_path / "link.md"
    draft.write_text("The group [rejected a $25,000 donation](https://example.org) from Salesforce this week.\n",
                     encoding="utf-8")
    checked = json.loads(run("check", draft, "--against", ROOT / "seeds", "--format", "json").stdout)["checked"]
    assert [(c["text"], c["line"], c["col"]) for c in checked if c["kind"] == "money"] == [("$25,000", 1, 23)]


def test_a_draft_that_misspells_a_name_an_acronym_or_a_title_fails(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "wire.txt").write_text("Tommy Kessler, 19, was arrested on Friday, county spokeswoman Dana "
                                      "Whitfield said. The Office of Budget Review and Audit (OBRA) put the cost at "
                                      "$5 million.\n")
    (sources / "local.txt").write_text("Tommy Kessler, 19, was arrested, spokeswoman Dana Whitfield said. The OBRA "
                                       "said the plan cost $5 million.\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Tommie Kessler, 19, was arrested on Friday, county treasurer Dana Whitfeld said. The OBAR "
                     "said the plan cost $5 million.\n")
    result, found = findings(draft, "--against", sources)
    assert result.returncode == 1, result.stdout + result.stderr
    assert {(f["text"], f["verdict"], tuple(f["flags"])) for f in found} == {
        ("Tommie Kessler", "conflict", ("name_spelling",)),
        ("Dana Whitfeld", "conflict", ("name_spelling",)),
        ("treasurer", "conflict", ("title_conflict",)),
        ("OBAR", "conflict", ("possible_misspelling",)),
    }
    # The sources' spelling is the story's, never the draft's.
    explained = {f["text"]: f["explanation"] for f in found}
    assert explained["OBAR"].startswith("the draft writes OBAR; the story names OBRA")
    # Spelled as the sources spell them, the same draft passes.
    draft.write_text("Tommy Kessler, 19, was arrested on Friday, spokesman Dana Whitfield said. The OBRA said the "
                     "plan cost $5 million.\n")
    result, found = findings(draft, "--against", sources)
    assert (result.returncode, found) == (0, [])


# --- a bound may say less than its sources, never more ---------------------------------------

BOUND_SOURCES = (
    "More than 300 nurses at the Westfield clinic signed the petition on Monday, the union said.\n",
    "Fewer than 50 doctors at the Westfield clinic refused to sign the petition, the union said.\n",
)


@pytest.mark.parametrize("draft, fails", [
    ("More than 400 nurses at the Westfield clinic signed the petition on Monday.", True),
    ("More than 250 nurses at the Westfield clinic signed the petition on Monday.", False),
    ("More than 300 nurses at the Westfield clinic signed the petition on Monday.", False),
    ("Fewer than 40 doctors at the Westfield clinic refused to sign the petition.", True),
    ("Fewer than 60 doctors at the Westfield clinic refused to sign the petition.", False),
], ids=["higher-lower-bound", "lower-lower-bound", "same-lower-bound", "lower-upper-bound", "higher-upper-bound"])
def test_a_draft_bound_may_say_less_than_its_sources_never_more(tmp_path, draft, fails):
    sources = tmp_path / "sources"
    sources.mkdir()
    for k, text in enumerate(BOUND_SOURCES):
        (sources / f"s{k}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "draft.md"
    path.write_text(draft + "\n", encoding="utf-8")
    result, found = findings(path, "--against", sources)
    assert result.returncode == (1 if fails else 0), result.stdout + result.stderr
    failing = [f for f in found if f["failing"]]
    assert bool(failing) is fails
    if fails:
        assert failing[0]["verdict"] == "conflict"
        assert "claims more than the source bears out" in failing[0]["explanation"]
