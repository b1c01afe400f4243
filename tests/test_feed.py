"""Feed mode: a day of articles clustered into stories, each reconciled, the same on every engine."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from click.testing import CliRunner

from reconcile.cli import EXIT_ERROR, EXIT_OK, main
from reconcile.feed import read_feed, reconcile_story, run_feed
from reconcile.pipeline import build_report
from reconcile.report import report_records
from reconcile.stories import cluster, story_id

from .conftest import ROOT

DAY = ROOT / "tests" / "fixtures" / "feed" / "day.jsonl"
STORIES = [["courier-library", "ledger-library"], ["ledger-fire", "sentinel-fire"],
           ["courier-bridge", "sentinel-bridge"]]


def canonical(result) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def articles():
    return read_feed([DAY])


@pytest.fixture(scope="module")
def serial(articles, rules):
    return canonical(run_feed(articles, rules, engine="serial"))


def test_a_day_is_clustered_into_its_stories(articles, rules):
    stories = cluster(articles, rules)
    assert sorted(sorted(s.id for s in story.sources) for story in stories) == sorted(STORIES)
    assert [s.id for s in stories] == sorted(story_id([a.id for a in s.sources]) for s in stories)


def test_a_story_id_is_a_digest_of_its_sorted_articles():
    assert story_id(["b", "a"]) == story_id(["a", "b"]) != story_id(["a", "c"])
    assert story_id(["a", "b"]).startswith("s-")


def test_each_story_holds_the_report_compare_gives_for_its_articles(articles, rules):
    result = run_feed(articles, rules, engine="serial")
    fire = next(s for s in result["stories"] if s["sources"] == ["ledger-fire", "sentinel-fire"])
    alone = report_records(build_report(tuple(a for a in articles if a.id in fire["sources"]), rules))
    assert (fire["claims"], fire["groups"]) == (alone["claims"], alone["groups"])
    verdicts = {g["verdict"] for g in fire["groups"]}
    assert "conflict" in verdicts  # twelve firefighters in one outlet, 14 in the other


def test_a_story_run_alone_gives_what_it_gives_inside_the_feed(articles, rules, serial):
    stories = cluster(articles, rules)
    alone = [reconcile_story(s.id, s.sources, rules) for s in stories]
    assert canonical({"stories": alone}) == serial


def test_the_process_engine_gives_byte_identical_output(articles, rules, serial):
    assert canonical(run_feed(articles, rules, engine="process", workers=2, chunk=1)) == serial


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_input_and_other_chunk_sizes_change_nothing(articles, rules, serial, seed):
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert canonical(run_feed(tuple(shuffled), rules, engine="serial", chunk=seed)) == serial


def test_the_output_does_not_depend_on_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "reconcile", "feed", str(DAY), "--engine", "serial"],
                              capture_output=True, text=True, env=env, cwd=ROOT, check=False)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_the_cli_writes_the_feed_as_json(tmp_path):
    out = tmp_path / "feed.json"
    result = CliRunner().invoke(main, ["feed", str(DAY), "--engine", "serial", "--output", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    stories = json.loads(out.read_text(encoding="utf-8"))["stories"]
    assert sorted(s["sources"] for s in stories) == sorted(STORIES)
    assert all(set(s) >= {"id", "sources", "copies", "sources_detail", "claims", "groups"} for s in stories)


@pytest.mark.parametrize("line, message", [
    ("not json", ":1: not valid JSON"),
    ('{"id": "x"}', ":1: an article needs a string 'id' and 'text'"),
    ('{"id": "x", "text": "A.", "published": "someday"}', ":1: 'published' is not a date"),
])
def test_a_bad_feed_line_is_one_line_naming_its_place_and_exit_2(tmp_path, line, message):
    feed = tmp_path / "bad.jsonl"
    feed.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["feed", str(feed), "--engine", "serial"])
    assert result.exit_code == EXIT_ERROR
    assert message in result.output and "Traceback" not in result.output


def test_an_article_id_used_twice_is_an_error(tmp_path):
    feed = tmp_path / "twice.jsonl"
    feed.write_text('{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["feed", str(feed), "--engine", "serial"])
    assert result.exit_code == EXIT_ERROR and "'x' is also used by" in result.output


WIRE = ("The Harbor Street bridge will close for six weeks of repairs starting June 3, the state transport "
        "department said on Wednesday. About 18,000 drivers cross the bridge each day, and detours through the "
        "old mill district will add about ten minutes to most trips, officials said. Crews will replace the "
        "expansion joints and repave the deck, work the department said was last done in 1998. Buses on two "
        "routes will be rerouted, and the city will post signs at both ends of the bridge next week.")


def test_a_reprint_is_marked_as_a_copy_of_the_earlier_article_and_an_own_story_is_not(rules):
    import datetime as dt

    from reconcile.copies import copies
    from reconcile.model import Source

    wire = Source(id="wire", path="<t>", text=WIRE, published=dt.date(2024, 5, 8))
    reprint = Source(id="a-reprint", path="<t>", text=WIRE + " Call the city for details.",
                     published=dt.date(2024, 5, 9))
    own = Source(id="own", path="<t>", text="Drivers face detours when the Harbor Street bridge closes for repairs "
                 "on June 3 for six weeks, the state said. Some 18,000 vehicles use it daily.",
                 published=dt.date(2024, 5, 8))
    assert copies((own, reprint, wire), rules) == [("a-reprint", "wire")]
    assert copies((own, wire), rules) == []


def test_a_single_pass_finds_the_same_stories_on_every_engine_and_order(articles, rules):
    from reconcile.stories import cluster_stream

    stories = cluster_stream(articles, rules)
    assert sorted(sorted(s.id for s in story.sources) for story in stories) == sorted(STORIES)
    once = canonical(run_feed(articles, rules, engine="serial", single_pass=True))
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    assert canonical(run_feed(tuple(shuffled), rules, engine="process", workers=2, single_pass=True)) == once


def test_the_dask_engine_on_a_local_cluster_gives_byte_identical_output(articles, rules, serial):
    pytest.importorskip("dask.distributed")
    assert canonical(run_feed(articles, rules, engine="dask", workers=2, chunk=1)) == serial


@pytest.mark.parametrize("engine", ["serial", "process"])
def test_progress_is_reported_up_to_every_story(articles, rules, engine):
    seen = []
    run_feed(articles, rules, engine=engine, workers=2, chunk=2,
             progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_reprint_confirms_nothing_the_original_states(rules):
    import datetime as dt

    from reconcile.model import Source

    wire = Source(id="wire", path="<t>", text=WIRE, published=dt.date(2024, 5, 8), outlet="Wire")
    reprint = Source(id="reprint", path="<t>", text=WIRE + " Call the city for details.",
                     published=dt.date(2024, 5, 9), outlet="Gazette")
    story = reconcile_story("s-test", (reprint, wire), rules)
    assert story["copies"] == [["reprint", "wire"]]
    counted = [g for g in story["groups"] if len(g["claims"]) == 2]
    assert counted and all(g["verdict"] == "single_source" and "copies" in g["flags"] for g in counted)
    assert "Gazette reprints it" in counted[0]["explanation"]
