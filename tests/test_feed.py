"""Feed mode: a day of articles clustered into stories, each reconciled, the same on every engine."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from reconcile.cli import EXIT_ERROR, EXIT_OK, main
from reconcile.errors import InputError
from reconcile.feed import iter_feed, read_feed, reconcile_story, run_feed
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
    articles, skipped = read_feed([DAY])
    assert skipped == ()
    return articles


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
    assert canonical({"stories": alone, "skipped": []}) == serial


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


@pytest.mark.parametrize("engine", ["serial", "process"])
def test_a_reader_that_stops_early_ends_the_feed_quietly(tmp_path, engine):
    # `reconcile feed ... | head -c 10`. Twenty days of the fixture's stories, ten days apart, make
    # sixty stories: several times what a pipe holds, so the feed is still writing them when the
    # reader goes away, and stops as Unix tools do: no message, the status of SIGPIPE.
    import datetime as dt

    from reconcile.cli import EXIT_CLOSED_PIPE

    day = [json.loads(line) for line in DAY.read_text(encoding="utf-8").splitlines()]
    feed = tmp_path / "days.jsonl"
    feed.write_text("".join(json.dumps({**a, "id": f"{a['id']}-{n}",
                                        "published": str(dt.date(2024, 1, 1) + dt.timedelta(days=10 * n))}) + "\n"
                            for n in range(20) for a in day), encoding="utf-8")
    command = [sys.executable, "-m", "reconcile", "feed", str(feed), "--engine", engine, "--window-days", "1"]
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}  # as a user runs it
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                          bufsize=0) as process:
        assert process.stdout.read(10) == b'{\n "storie'
        process.stdout.close()
        assert process.wait(timeout=300) == EXIT_CLOSED_PIPE
        assert process.stderr.read() == b""


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


def test_the_dask_engine_runs_on_an_existing_cluster_by_its_address(articles, rules, serial):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as running:
        result = run_feed(articles, rules, engine="dask", scheduler=running.scheduler_address, chunk=1)
        assert canonical(result) == serial
        # The stories ran there, not on a cluster of the command's own.
        assert any("reconcile_chunk" in prefix for prefix in running.scheduler.task_prefixes)


def test_an_unreachable_scheduler_is_an_input_error():
    pytest.importorskip("dask.distributed")
    result = CliRunner().invoke(main, ["feed", str(DAY), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == EXIT_ERROR
    assert "cannot reach the dask scheduler at tcp://127.0.0.1:9" in result.output


@pytest.mark.parametrize("options, message", [
    pytest.param({"engine": "process", "scheduler": "tcp://127.0.0.1:9"},
                 "--scheduler applies only to --engine dask, not --engine process", id="scheduler-with-process"),
    pytest.param({"engine": "serial", "scheduler": "tcp://127.0.0.1:9"},
                 "--scheduler applies only to --engine dask, not --engine serial", id="scheduler-with-serial"),
    pytest.param({"engine": "dask", "scheduler": "tcp://127.0.0.1:9", "workers": 2},
                 "--workers does not apply with --scheduler: the cluster's workers are its own",
                 id="workers-with-scheduler"),
    pytest.param({"engine": "threads"}, "unknown engine 'threads' (one of serial, process, dask)",
                 id="unknown-engine"),
])
def test_an_option_the_engine_would_not_use_is_an_input_error_of_the_api(articles, rules, options, message):
    # Raised when asked, before any story is worked out, not when the first one is read.
    with pytest.raises(InputError) as raised:
        iter_feed(articles, rules, **options)
    assert str(raised.value) == message
    with pytest.raises(InputError, match="^" + re.escape(message) + "$"):
        run_feed(articles, rules, **options)


def test_workers_with_the_serial_engine_are_ignored_by_the_api(articles, rules, serial):
    assert canonical(run_feed(articles, rules, engine="serial", workers=2)) == serial


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


def test_the_json_written_story_by_story_is_one_dump_of_the_whole(articles, rules):
    import io

    from reconcile.report.feeds import write_json

    whole = run_feed(articles, rules, engine="serial", skipped=())
    for stories in (whole["stories"], whole["stories"][:1], []):
        out = io.StringIO()
        write_json(iter(stories), out, [{"path": "x.bin", "reason": "binary"}])
        assert out.getvalue() == json.dumps({"stories": stories, "skipped": [{"path": "x.bin", "reason": "binary"}]},
                                            ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("format_name", ["json", "jsonl", "csv"])
def test_every_feed_format_holds_every_story(tmp_path, format_name):
    import pandas as pd

    out = tmp_path / f"feed.{format_name}"
    result = CliRunner().invoke(main, ["feed", str(DAY), "--engine", "serial", "--format", format_name,
                                       "--output", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    text = out.read_text(encoding="utf-8")
    if format_name == "json":
        stories = {s["id"]: s["sources"] for s in json.loads(text)["stories"]}
    elif format_name == "jsonl":
        stories = {s["id"]: s["sources"] for s in map(json.loads, text.splitlines())}
    else:
        frame = pd.read_csv(out, dtype=str)
        assert list(frame.columns[:3]) == ["story", "claim", "group"]
        stories = {story: sorted(set(rows["source"])) for story, rows in frame.groupby("story")}
    assert sorted(stories.values()) == sorted(STORIES)
    assert all(story == story_id(members) for story, members in stories.items())


def test_an_unreadable_article_file_is_skipped_and_said_so(tmp_path):
    folder = tmp_path / "day"
    folder.mkdir()
    (folder / "a.txt").write_text(WIRE, encoding="utf-8")
    (folder / "b.txt").write_text(WIRE.replace("six weeks", "seven weeks"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 40)
    result = CliRunner().invoke(main, ["feed", str(folder), "--engine", "serial"])
    assert result.exit_code == EXIT_OK, result.output
    assert "skipped" in result.output and "broken.txt" in result.output
    paths = [s["path"] for s in json.loads(result.stdout)["skipped"]]
    assert len(paths) == 1 and paths[0].endswith("broken.txt")


def test_average_link_over_pairs_gives_what_scipy_gives_on_the_full_matrix():
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from reconcile.stories import _average_link

    rng = np.random.default_rng(5)
    for _ in range(20):
        count = int(rng.integers(2, 30))
        similarity = np.triu(rng.random((count, count)) ** 3, 1)
        similarity[similarity < 0.1] = 0.0  # below the floor: no pair
        pairs = [(i, j, float(similarity[i, j])) for i, j in zip(*np.nonzero(similarity), strict=True)]
        ours = sorted(_average_link(count, pairs, 0.3))
        distances = 1.0 - (similarity + similarity.T)
        np.fill_diagonal(distances, 0.0)
        labels = fcluster(linkage(squareform(distances, checks=False), "average"), t=0.7, criterion="distance")
        theirs = sorted(sorted(int(i) for i in np.flatnonzero(labels == label)) for label in set(labels))
        assert ours == theirs


def test_a_window_keeps_apart_what_a_week_separates_and_costs_no_pairs_beyond_it(rules):
    import datetime as dt

    from reconcile.model import Source
    from reconcile.stories import _similar_pairs, _vectors, story_rules

    day = dt.date(2024, 5, 8)
    first = [Source(id=f"a{i}", path="<t>", text=WIRE, published=day) for i in range(2)]
    later = [Source(id=f"b{i}", path="<t>", text=WIRE, published=day + dt.timedelta(days=7)) for i in range(2)]
    undated = [Source(id="c", path="<t>", text=WIRE)]
    together = cluster(tuple(first + later + undated), rules)
    assert [len(s.sources) for s in together] == [5]
    apart = sorted(sorted(a.id for a in s.sources) for s in cluster(tuple(first + later), rules, window_days=1))
    assert apart == [["a0", "a1"], ["b0", "b1"]]
    sources = first + later + undated
    pairs = _similar_pairs(_vectors(sources, rules), sources, story_rules(rules), 1)
    assert sorted((i, j) for i, j, _ in pairs) == [(0, 1), (0, 4), (1, 4), (2, 3), (2, 4), (3, 4)]


def test_a_stream_closes_a_story_that_has_gone_quiet_for_longer_than_the_window(rules):
    import datetime as dt

    from reconcile.model import Source
    from reconcile.stories import cluster_stream

    day = dt.date(2024, 5, 8)
    # Published day after day: each keeps the story open for the next; then a week of silence.
    running = [Source(id=f"a{i}", path="<t>", text=WIRE, published=day + dt.timedelta(days=i)) for i in range(3)]
    week_later = Source(id="b", path="<t>", text=WIRE, published=day + dt.timedelta(days=9))
    undated = Source(id="c", path="<t>", text=WIRE)
    feed = (*running, week_later, undated)

    def stories(window_days):
        return sorted(sorted(a.id for a in s.sources) for s in cluster_stream(feed, rules, window_days=window_days))

    assert stories(None) == [["a0", "a1", "a2", "b", "c"]]
    assert stories(1) == [["a0", "a1", "a2", "c"], ["b"]]  # the undated article joins the oldest of equals
    assert stories(7) == [["a0", "a1", "a2", "b", "c"]]


def _topic_feed(count: int, seed: int):
    """Articles drawn from a few overlapping topic vocabularies over a few days: a stream to cluster."""
    import datetime as dt

    from reconcile.model import Source

    topics = [("harbor bridge repairs detour drivers crews deck lanes", "council budget"),
              ("council budget vote taxes spending deficit auditor reserve", "school teachers"),
              ("school teachers strike wages classes union pupils district", "storm flood"),
              ("storm flood river levee evacuation rain shelters sandbags", "fire warehouse"),
              ("fire warehouse firefighters blaze smoke alarm roof ladder", "election mayor"),
              ("election mayor ballots turnout precincts recount polls campaign", "hospital nurses"),
              ("hospital nurses shortage beds patients ward surgeons clinic", "court trial"),
              ("court trial jury verdict judge witness defense prosecutors", "harbor bridge")]
    topics = [(own + " " + shared).split() for own, shared in topics]  # neighbours share two words
    words = sorted({w for topic in topics for w in topic})
    rng = random.Random(seed)
    feed = []
    for i in range(count):
        topic = rng.choice(topics)
        text = " ".join(rng.choice(topic if rng.random() < 0.8 else words) for _ in range(rng.randint(8, 30)))
        published = None if rng.random() < 0.1 else dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 6))
        feed.append(Source(id=f"t{i:03d}", path="<t>", text=text.capitalize() + ".", published=published))
    return feed


def _stream_by_dense_centroids(ordered, rules, window_days):
    """The single pass as its definition reads: every centroid built, every cosine taken."""
    import numpy as np

    from reconcile.stories import _vectors, story_rules

    vectors = _vectors(ordered, rules).toarray()
    link = story_rules(rules).stream_link
    centroids, latest, members = [], [], []
    for i, source in enumerate(ordered):
        day = source.published.toordinal() if source.published else None
        best, best_similarity = -1, link
        for story, centroid in enumerate(centroids):
            if day is not None and window_days is not None and latest[story] < day - window_days:
                continue  # gone quiet: closed
            similarity = float(vectors[i] @ centroid / np.linalg.norm(centroid))
            if similarity > best_similarity:
                best, best_similarity = story, similarity
        if best < 0:
            best = len(centroids)
            centroids.append(np.zeros(vectors.shape[1]))
            latest.append(None)
            members.append([])
        centroids[best] = centroids[best] + vectors[i]
        latest[best] = day if day is not None else latest[best]
        members[best].append(i)
    return members


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("window_days", [None, 0, 1, 3])
def test_a_stream_joins_each_article_to_the_open_centroid_most_like_it(rules, seed, window_days):
    from dataclasses import replace

    from reconcile.stories import _stream, story_rules

    feed = _topic_feed(120, seed)
    ordered = sorted(feed, key=lambda s: (s.published is None, s.published or 0, s.id))
    expected = _stream_by_dense_centroids(ordered, rules, window_days)
    assert len(expected) >= 6  # several stories: the choice of centroid matters
    compiled = story_rules(rules)
    assert _stream(ordered, rules, compiled, window_days) == expected
    # Joined a row at a time instead of a day at a time: the same stories.
    assert _stream(ordered, rules, replace(compiled, join_cells=1), window_days) == expected


def test_the_cli_applies_the_window_to_a_single_pass(tmp_path):
    feed = tmp_path / "week.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{k}", "text": WIRE, "published": day}) + "\n"
                            for k, day in enumerate(["2024-05-08", "2024-05-09", "2024-05-16"])), encoding="utf-8")

    def stories(*options):
        result = CliRunner().invoke(main, ["feed", str(feed), "--engine", "serial", "--single-pass", *options])
        assert result.exit_code == EXIT_OK, result.output
        return sorted(s["sources"] for s in json.loads(result.stdout)["stories"])

    assert stories() == [["a0", "a1", "a2"]]
    assert stories("--window-days", "1") == [["a0", "a1"], ["a2"]]


def test_a_folder_of_feed_exports_is_read_with_its_article_files(tmp_path):
    folder = tmp_path / "exports"
    (folder / "monday").mkdir(parents=True)
    (folder / "monday" / "wire.jsonl").write_text(json.dumps({"id": "wire", "text": WIRE}) + "\n", encoding="utf-8")
    (folder / "tuesday.jsonl").write_text(json.dumps({"id": "copy", "text": WIRE}) + "\n", encoding="utf-8")
    (folder / "own.txt").write_text(WIRE.replace("six weeks", "seven weeks"), encoding="utf-8")
    (folder / ".hidden.jsonl").write_text("not json\n", encoding="utf-8")
    (folder / "unreadable.jsonl").write_bytes(b"\xff\xfe\xfa not utf-8\n")
    articles, skipped = read_feed([folder])
    assert sorted(a.id for a in articles) == ["copy", "own", "wire"]
    assert [(s.path.endswith("unreadable.jsonl"), "cannot read" in s.reason) for s in skipped] == [(True, True)]


@pytest.mark.parametrize("files, message", [
    ({"notes.csv": "a,b\n"}, "no .txt, .md, .html, .htm or .jsonl files in this folder"),
    ({"day.jsonl": '{"id": "x"}\n'}, "day.jsonl:1: an article needs a string 'id' and 'text'"),
    ({"day.jsonl": b"\xff\xfe\xfa\n"}, "nothing readable"),
])
def test_a_folder_with_no_articles_or_a_bad_export_is_an_error(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = CliRunner().invoke(main, ["feed", str(tmp_path), "--engine", "serial"])
    assert result.exit_code == EXIT_ERROR
    assert message in result.output and "Traceback" not in result.output
