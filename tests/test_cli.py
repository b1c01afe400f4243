"""The command line: formats, options, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from reconcile import __version__
from reconcile.cli import EXIT_CLOSED_PIPE, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, main
from reconcile.model import Verdict

from .conftest import ROOT


def invoke(args, exit_code=EXIT_OK, **kwargs):
    """Run the CLI; real exceptions propagate, and the exit code must be the one expected."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)
    assert result.exit_code == exit_code, result.output + result.stderr
    return result


def test_version():
    assert invoke(["--version"]).output == f"reconcile, version {__version__}\n"


@pytest.mark.parametrize("command, argument", [("claims", "SOURCES"), ("compare", "SOURCES"), ("check", "DRAFTS")])
def test_every_command_has_help(command, argument):
    assert argument in invoke([command, "--help"]).output


VALUE_FIELDS = {
    **dict.fromkeys(["money", "count", "percent", "measure"],
                    {"amount", "qualifier", "low", "high", "unit", "currency"}),
    "date": {"start", "end", "resolved", "granularity", "inferred", "month", "day"},
    "quote": {"text", "speaker", "medium", "markers", "short"},
    "age": {"amount", "qualifier", "low", "high", "person"},
    "name": {"name", "entity", "long_form", "sic", "quoted"},
    "title": {"title", "person"},
}


def test_compare_json_follows_the_contract(seeds_dir):
    report = json.loads(invoke(["compare", seeds_dir, "--format", "json"]).output)
    assert set(report) >= {"sources", "claims", "groups"}
    assert [s["id"] for s in report["sources"]] == sorted(p.stem for p in seeds_dir.glob("*.txt"))
    for source in report["sources"]:
        assert set(source) >= {"id", "path", "published", "outlet"}
    texts = {s["id"]: open(s["path"], encoding=s["encoding"], newline="").read() for s in report["sources"]}
    for claim in report["claims"]:
        assert set(claim) >= {"id", "source", "kind", "start", "end", "text", "sentence", "value"}
        assert set(claim["value"]) >= VALUE_FIELDS[claim["kind"]]
        assert texts[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
    grouped = [cid for g in report["groups"] for cid in g["claims"]]
    assert sorted(grouped) == sorted(c["id"] for c in report["claims"])
    assert {g["verdict"] for g in report["groups"]} <= {v.value for v in Verdict}
    assert all(g["explanation"] for g in report["groups"])


def test_compare_output_is_deterministic(seeds_dir):
    first = invoke(["compare", seeds_dir, "--format", "json"]).output
    assert invoke(["compare", seeds_dir, "--format", "json"]).output == first


def test_output_option_writes_the_file(seeds_dir, tmp_path):
    target = tmp_path / "report.json"
    result = invoke(["compare", seeds_dir, "--format", "json", "--output", target])
    assert result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["claims"]


def test_claims_csv_opens_in_pandas_with_one_row_per_claim(seeds_dir):
    out = invoke(["claims", seeds_dir, "--format", "csv"]).output
    frame = pd.read_csv(io.StringIO(out))
    report = json.loads(invoke(["claims", seeds_dir, "--format", "json"]).output)
    assert len(frame) == len(report["claims"])
    assert list(frame["claim"]) == [c["id"] for c in report["claims"]]
    assert "groups" not in report


def test_claims_extracts_without_aligning(seeds_dir, monkeypatch):
    """`claims` lists what `compare` reads, and never pays for the alignment it does not report."""
    compared = json.loads(invoke(["compare", seeds_dir, "--format", "json"]).output)
    import reconcile.pipeline as pipeline

    def no_alignment(*args, **kwargs):
        raise AssertionError("claims aligned the claims")

    monkeypatch.setattr(pipeline, "align", no_alignment)
    listed = json.loads(invoke(["claims", seeds_dir, "--format", "json"]).output)
    assert listed["claims"] == compared["claims"]
    assert listed["sources"] == compared["sources"]


STORY = {
    "alpha.txt": "The city council approved a $4.5 million budget for the library on Monday. "
                 "\u201cWe owe this to our readers,\u201d Mayor Ana Ortiz said in a statement. "
                 "The system has 12 branches.",
    "beta.txt": "The council voted for a $4 million library budget on Monday, officials said. "
                "\u201cWe owe this to our readers,\u201d Ortiz wrote in a letter to residents.",
}


@pytest.fixture
def story(tmp_path):
    for name, text in STORY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_compare_csv_opens_in_pandas_with_one_row_per_claim_and_its_group(story):
    report = json.loads(invoke(["compare", story, "--format", "json"]).output)
    frame = pd.read_csv(io.StringIO(invoke(["compare", story, "--format", "csv"]).output))
    assert list(frame["claim"]) == [c["id"] for c in report["claims"]]
    group_of = {cid: g for g in report["groups"] for cid in g["claims"]}
    assert list(frame["verdict"]) == [group_of[c["id"]]["verdict"] for c in report["claims"]]


def test_wide_csv_has_one_row_per_group_and_a_column_per_source(story):
    frame = pd.read_csv(io.StringIO(invoke(["compare", story, "--format", "wide-csv",
                                            "--outlet", "alpha=Alpha", "--outlet", "beta=Beta"]).output))
    report = json.loads(invoke(["compare", story, "--format", "json"]).output)
    assert len(frame) == len(report["groups"])
    assert list(frame.columns)[-2:] == ["Alpha", "Beta"]
    money = frame[frame["kind"] == "money"].iloc[0]
    assert money["verdict"] == "compatible"
    assert money["Alpha"].startswith("$4.5 million") and money["Beta"].startswith("$4 million")


def test_terminal_report_leads_with_what_differs(story):
    out = invoke(["compare", story, "--outlet", "alpha=Alpha", "--outlet", "beta=Beta"]).output
    assert out.index("Flagged") < out.index("Agreements")
    assert "Alpha says $4.5 million; Beta says $4 million: figures rounded differently, compatible" in out
    assert "attribution_conflict" in out
    # Claims only one source makes close the report, counted, not listed.
    assert out.endswith("\nSingle source: 3 more groups (claims only one source makes); --all lists them.\n")


def test_markdown_report_has_a_section_per_kind_of_finding(story):
    out = invoke(["compare", story, "--format", "markdown", "--outlet", "alpha=Alpha", "--outlet", "beta=Beta"]).output
    assert out.startswith("# reconcile report\n")
    assert "## Agreements (" in out and "## Flagged (" in out
    assert "**$4.5 million**" in out


def test_all_lists_single_source_claims_too(story):
    folded = invoke(["compare", story]).output
    listed = invoke(["compare", story, "--all"]).output
    assert "--all lists them" in folded
    assert "Single source (" in listed and "--all lists them" not in listed


def test_terminal_report_keeps_brackets_as_written(tmp_path):
    # rich would read "[sic]" as markup and drop it; source text must print as written.
    path = tmp_path / "story.txt"
    path.write_text("The [sic] fund [bold]raised[/bold] $5 million [red] this year.", encoding="utf-8")
    out = invoke(["claims", path]).output
    assert "$5 million" in out and "USD 5,000,000" in out
    out = invoke(["compare", path, "--outlet", "story=The [Daily] Post"]).output
    assert "The [Daily] Post" in out


def test_published_and_outlet_options_reach_the_report(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Officials said 40 homes were lost.", encoding="utf-8")
    report = json.loads(invoke(["compare", path, "--format", "json", "--published", "story=2022-05-06",
                                "--outlet", "story=Wire"]).output)
    assert report["sources"][0]["published"] == "2022-05-06"
    assert report["sources"][0]["outlet"] == "Wire"


@pytest.mark.parametrize("args, message", [
    (["compare", "missing-dir"], "does not exist"),
    (["compare", "{tmp}", "--published", "nope=2020-01-01"], "no source with id 'nope'"),
    (["compare", "{tmp}", "--published", "story"], "expects ID=VALUE"),
    (["compare", "{tmp}", "--format", "xml"], "Invalid value for '--format'"),
    (["compare", "{empty}"], "no .txt, .md, .html, .htm or .jsonl files"),
    (["compare", "{tmp}", "--rules", "{badrules}"], "missing key 'description'"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "story.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "badrules").mkdir()
    (tmp_path / "badrules" / "x.yaml").write_text("name: x\ntype: numbers\nlanguage: en\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path, empty=tmp_path / "empty", badrules=tmp_path / "badrules") for a in args]
    result = invoke(args, EXIT_ERROR)
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_unexpected_error_is_one_line_pointing_to_debug(seeds_dir, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr("reconcile.cli.build_report", boom)
    result = invoke(["compare", seeds_dir], EXIT_INTERNAL)
    assert result.stderr == "reconcile: unexpected error: RuntimeError: kaput (run with --debug for the traceback)\n"
    with pytest.raises(RuntimeError):
        invoke(["--debug", "compare", seeds_dir], EXIT_INTERNAL)


def test_markdown_escapes_source_text_and_keeps_claims_bold(tmp_path):
    (tmp_path / "a.txt").write_text("The fund *raised* $5 million on `Monday`, <b>organisers</b> said [sic].",
                                    encoding="utf-8")
    out = invoke(["compare", tmp_path, "--format", "markdown", "--all"]).output
    for escaped in ("\\`Monday\\`", "\\*raised\\*", "\\<b\\>organisers\\</b\\>", "\\[sic\\]"):
        assert escaped in out
    assert " **$5 million**" in out


# --- a reader that stops early (`reconcile ... | head`) ends the run quietly, as Unix tools do ----------

def run_into_closed_pipe(args):
    """Run the command with its standard output a pipe nobody reads: closed before it starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    # Buffered, as standard output is for a user: what is still buffered at the end must not fail.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    try:
        return subprocess.run([sys.executable, "-m", "reconcile", *map(str, args)], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env, check=False, timeout=300)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [
    ["feed", "tests/fixtures/feed/day.jsonl", "--engine", "serial"],
    ["feed", "tests/fixtures/feed/day.jsonl", "--engine", "process", "--workers", "2", "--chunk", "1"],
    # one story, small enough to stay in the buffer until the command returns
    ["feed", "tests/fixtures/mixed/ledger.md", "--engine", "serial", "--format", "jsonl"],
    ["compare", "seeds"],
    ["claims", "seeds", "--format", "csv"],
    ["rules", "list"],
], ids=["feed-serial", "feed-process", "feed-small", "compare", "claims-csv", "rules-list"])
def test_a_closed_pipe_ends_every_command_quietly_with_the_sigpipe_status(args):
    done = run_into_closed_pipe(args)
    assert (done.returncode, done.stderr) == (EXIT_CLOSED_PIPE, "")


def test_a_broken_pipe_not_of_standard_output_is_an_internal_error(seeds_dir, monkeypatch):
    # Only standard output's reader going away ends a run quietly; a worker's pipe or a socket
    # breaking is a failure, and is said.
    def broken(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("reconcile.cli.pieces", broken)
    result = invoke(["compare", seeds_dir], EXIT_INTERNAL)
    assert (result.stdout, result.stderr) == ("", "reconcile: unexpected error: BrokenPipeError: [Errno 32] "
                                              "Broken pipe (run with --debug for the traceback)\n")


def test_a_worker_pipe_breaking_while_a_feed_is_written_is_an_internal_error(monkeypatch):
    # The stories are worked out as they are written: a pipe breaking in the work is not stdout's.
    def stories(*args, **kwargs):
        yield {"id": "story-1"}
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("reconcile.cli.iter_feed", stories)
    result = invoke(["feed", ROOT / "tests" / "fixtures" / "feed" / "day.jsonl", "--format", "jsonl"], EXIT_INTERNAL)
    assert (result.stdout, result.stderr) == ('{"id":"story-1"}\n', "reconcile: unexpected error: BrokenPipeError: "
                                              "[Errno 32] Broken pipe (run with --debug for the traceback)\n")


# --- feed: an engine option the engine would not use is said, not silently dropped --------------------

@pytest.mark.parametrize("options, message", [
    (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler applies only to --engine dask, not --engine process"),
    (["--engine", "serial", "--scheduler", "tcp://127.0.0.1:9"],
     "--scheduler applies only to --engine dask, not --engine serial"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--workers", "2"],
     "--workers does not apply with --scheduler: the cluster's workers are its own"),
])
def test_a_feed_option_the_engine_does_not_use_is_a_usage_error(options, message):
    result = invoke(["feed", ROOT / "tests" / "fixtures" / "feed" / "day.jsonl", *options], EXIT_ERROR)
    assert (result.stdout, result.stderr) == ("", f"Error: {message}\n")


def test_workers_with_the_serial_engine_are_ignored_with_a_warning():
    # A warning, not an error: the feed benchmark gives every engine the same --workers.
    result = invoke(["feed", ROOT / "tests" / "fixtures" / "feed" / "day.jsonl", "--engine", "serial",
                     "--workers", "2"])
    assert result.stderr == "reconcile: warning: --workers does not apply to --engine serial (one process); ignored\n"
    assert json.loads(result.stdout)["stories"]


# --- a rule file's story example states its groups exactly, as a row of tests/test_align.py does ---------

HARBOUR = ("\u201cWe will rebuild the pier by June,\u201d harbour master Lena Brook said in a statement. "
           "Repairs to the pier will cost $2.4 million.",
           "\u201cWe will rebuild the pier by June,\u201d Lena Brook said in an interview. Repairs to the pier "
           "will cost $2.4 million, she said.",
           "Repairs to the pier will cost $2.4 million, the harbour office said.")
MONEY = ["$2.4 million"] * 3
QUOTE = ["We will rebuild the pier by June,"] * 2


def expect(texts, kind="money", verdict="agree", flags=None):
    """One group an example names, as a rule file would write it."""
    return {"kind": kind, "texts": texts, "verdict": verdict, **({"flags": flags} if flags else {})}


@pytest.mark.parametrize("expected, problem", [
    pytest.param({"groups": [expect(MONEY)]}, None, id="the-whole-group-holds"),
    pytest.param({"groups": [expect(QUOTE, "quote", flags=["attribution_conflict"])]}, None,
                 id="the-flags-it-carries-hold"),
    pytest.param({"groups": [expect(MONEY[:2])]},
                 "['$2.4 million', '$2.4 million'] are not the whole group: "
                 "[s1 '$2.4 million', s2 '$2.4 million', s3 '$2.4 million']", id="a-claim-left-out"),
    pytest.param({"groups": [expect(["$2.4 million", None, "$2.4 million"])]},
                 "['$2.4 million', None, '$2.4 million'] are not the whole group: "
                 "[s1 '$2.4 million', s2 '$2.4 million', s3 '$2.4 million']", id="a-source-said-to-have-none"),
    pytest.param({"groups": [expect(QUOTE, "quote")]},
                 f"{QUOTE}: flags ['attribution_conflict'], expected []", id="a-flag-not-named"),
    pytest.param({"groups": [expect(QUOTE, "quote", flags=["attribution_conflict", "sic"])]},
                 f"{QUOTE}: flags ['attribution_conflict'], expected ['attribution_conflict', 'sic']",
                 id="a-flag-it-lacks"),
    pytest.param({"groups": [expect(MONEY, verdict="compatible")]},
                 f"{MONEY}: verdict agree, expected compatible (Outlet 1, Outlet 2 and Outlet 3 all say $2.4 million)",
                 id="another-verdict"),
    pytest.param({"groups": [expect(MONEY[:2], "count")]}, "no count '$2.4 million' in s1", id="another-kind"),
    pytest.param({"apart": [MONEY[:2]]}, "'$2.4 million' and '$2.4 million' were grouped", id="not-apart"),
])
def test_a_story_example_must_state_its_groups_exactly(tmp_path, expected, problem):
    rule_file = {"name": "harbour", "type": "judge", "language": "any",
                 "description": "One story, and the groups its claims must form.",
                 "examples": [{"sources": list(HARBOUR), **expected}]}
    # JSON is YAML: the file is written as JSON to keep the test free of indentation.
    (tmp_path / "harbour.yaml").write_text(json.dumps(rule_file, indent=1), encoding="utf-8")
    result = invoke(["rules", "test", tmp_path], EXIT_OK if problem is None else EXIT_FINDINGS)
    problems = [line.strip() for line in result.output.splitlines() if line.startswith("       ")]
    assert problems == ([] if problem is None else [problem])


@pytest.mark.parametrize("texts", [[None, None, None], []], ids=["all-null", "empty"])
def test_a_story_group_naming_no_claim_is_a_rule_file_error_at_its_line(tmp_path, texts):
    rule_file = {"name": "harbour", "type": "judge", "language": "any",
                 "description": "One story, and a group that names none of its claims.",
                 "examples": [{"sources": list(HARBOUR), "groups": [expect(texts)]}]}
    path = tmp_path / "harbour.yaml"
    path.write_text(json.dumps(rule_file, indent=1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('     "texts": [' if texts else '     "texts": [],') + 1
    result = invoke(["rules", "test", tmp_path], EXIT_ERROR)
    assert (result.stdout, result.stderr) == ("", f"Error: {path}:{line}: key 'examples[0].groups[0].texts': "
                                              "expected at least one word (null stands for a source with no "
                                              "claim in the group)\n")


def test_a_report_that_fails_half_way_leaves_the_output_file_as_it_was(seeds_dir, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("the report of yesterday\n", encoding="utf-8")

    def failing(*args, **kwargs):
        yield '{"sources": ['
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reconcile.cli.pieces", failing)
    result = invoke(["compare", seeds_dir, "--format", "json", "--output", target], EXIT_ERROR)
    assert "cannot write (No space left on device)" in result.stderr
    assert target.read_text(encoding="utf-8") == "the report of yesterday\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_report_goes_to_a_device_as_it_comes(seeds_dir):
    result = subprocess.run([sys.executable, "-m", "reconcile", "claims", str(seeds_dir), "--format", "json",
                             "--output", "/dev/stdout"], capture_output=True, text=True, check=False)
    assert result.returncode == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["claims"]
