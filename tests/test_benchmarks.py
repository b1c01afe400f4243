"""The corpus benchmark harness keeps working: it runs on the first incidents of each corpus.

The corpora live outside the repository (../shared/benchmarks); where they are missing the
tests skip. The figures themselves are not asserted: they are the benchmark's output, not a spec.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.__main__ import main

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


@pytest.mark.parametrize("corpus", ["gvc", "ecbplus"])
def test_the_harness_runs_on_two_incidents(corpus, tmp_path, capsys):
    path = SHARED / corpus / "incidents.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not on this machine")
    assert main(["run", corpus, str(path), "--limit", "2", "--baseline-articles", "2", "--out", str(tmp_path)]) == 0
    figures = json.loads((tmp_path / f"{corpus}.json").read_text(encoding="utf-8"))
    assert (tmp_path / f"{corpus}.md").read_text(encoding="utf-8").startswith(f"# Benchmark: {corpus}")
    if corpus == "gvc":
        assert figures["incidents"] == 2 and figures["articles"] >= 2
        assert figures["dates"]["incidents"] == 2
        assert figures["speed"]["baseline_articles"] == 2 and figures["speed"]["search_dates_seconds"] > 0
        for alarm in figures["alarms"]["sample"]:
            assert set(alarm) == {"incident", "kind", "explanation", "claims"}  # offsets, never corpus text
    else:
        assert figures["clusters"] == 2 and figures["time_mentions"] >= figures["covered_by_absolute_dates"]


def test_the_harness_runs_twice_alike(tmp_path):
    path = SHARED / "ecbplus" / "incidents.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not on this machine")
    outputs = []
    for run in ("first", "second"):
        main(["run", "ecbplus", str(path), "--limit", "3", "--out", str(tmp_path / run)])
        outputs.append((tmp_path / run / "ecbplus.json").read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_a_missing_corpus_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "gvc", str(tmp_path / "nowhere.jsonl")])
    assert exit_.value.code == 2


def test_the_feed_benchmark_scores_a_clustering_by_b_cubed_and_pairs():
    from benchmarks.feed import scores

    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert scores({"a": 1, "b": 1, "c": 2, "d": 2}, gold)["b3_f1"] == 1.0
    merged = scores({"a": 1, "b": 1, "c": 1, "d": 1}, gold)
    assert (merged["b3_precision"], merged["b3_recall"]) == (0.5, 1.0)
    assert (merged["pairwise_precision"], merged["pairwise_recall"]) == (round(2 / 6, 4), 1.0)


def test_the_simulated_feed_is_seeded_and_keeps_replays_of_a_story_apart_in_time():
    import datetime as dt
    from collections import defaultdict

    from benchmarks.simulated import simulate

    if not (SHARED / "gvc" / "incidents.jsonl").is_file():
        pytest.skip(f"{SHARED} is not on this machine")
    first, again = list(simulate(3000, 7, SHARED)), list(simulate(3000, 7, SHARED))
    assert first == again and first != list(simulate(3000, 8, SHARED))
    assert len(first) == 3000 and len({record["id"] for record, _ in first}) == 3000
    days: dict[str, dict[str, set[dt.date]]] = defaultdict(lambda: defaultdict(set))
    for record, story in first:
        real, _ = story.rsplit("@", 1)
        days[real][story].add(dt.date.fromisoformat(record["published"]))
    replayed = [replays for replays in days.values() if len(replays) > 1]
    assert replayed  # 3,000 articles replay some stories
    for replays in replayed:
        spans = sorted((min(d), max(d)) for d in replays.values())
        # A one-day window must never reach from one replay to the next.
        assert all((later[0] - earlier[1]).days > 1 for earlier, later in zip(spans, spans[1:], strict=False))


def test_a_light_rewrite_keeps_the_spacing_and_drops_at_most_one_sentence():
    import random

    from benchmarks.simulated import rewrite

    text = "Police said the road closed.\n\nIt reopened at noon. Officials said no one was hurt. Traffic resumed."
    for seed in range(20):
        out = rewrite(text, random.Random(seed))
        assert out.startswith(("Police said", "Police stated", "officers said", "officers stated"))
        assert out.count(".") in (3, 4) and "\n\n" in out


def test_the_copies_benchmark_scores_pairs_by_the_article_each_was_made_from():
    from benchmarks.copies import score

    family = {"a": "a", "a-reprint": "a", "b": "b", "b-twin": "b-twin", "c": "c", "c-reprint": "c"}
    style = {"a-reprint": "excerpt", "c-reprint": "edited"}
    found = [("a-reprint", "a"), ("b-twin", "b"), ("c-reprint", "b")]
    result = score(found, family, style)
    # b and b-twin are the corpus's own pair; c's reprint paired with b is wrong; c's reprint is missed.
    assert (result["right"], result["native"], result["wrong"]) == (1, 1, 1)
    assert (result["precision"], result["recall"]) == (0.5, 0.5)
    assert result["recall_by_style"] == {"verbatim": 0.0, "excerpt": 1.0, "extended": 0.0, "edited": 0.0}


def test_the_html_benchmark_times_both_formats_over_the_same_feed(tmp_path):
    from benchmarks import html_report

    corpus = tmp_path / "incidents.jsonl"
    documents = [
        [("a1", "2024-03-04", "A fire destroyed 12 homes in Lakeside on Monday, the fire chief said."),
         ("a2", "2024-03-04", "Fire tore through Lakeside on Monday and destroyed 14 homes, officials said.")],
        [("b1", "2024-05-01", "The city council approved a $3 million budget for the new library on Tuesday."),
         ("b2", "2024-05-01", "Council members voted Tuesday for a $3.2 million library budget.")],
    ]
    corpus.write_text("".join(json.dumps({"incident_id": f"i{n}", "documents": [
        {"doc_id": doc, "date": day, "text": text} for doc, day, text in incident]}) + "\n"
        for n, incident in enumerate(documents)), encoding="utf-8")
    result = html_report.run(corpus, runs=1)
    assert result["articles"] == 4
    for measure in ("end_to_end", "writers"):
        figures = result[measure]
        assert figures["ratio"] > 0 and figures["html_seconds"] >= 0 and figures["json_seconds"] >= 0
        assert figures["html_bytes"] > 0 and figures["json_bytes"] > 0
    assert html_report.markdown(result).startswith("# The HTML report's cost: a feed of ")
