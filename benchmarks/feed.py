"""Story clustering on ECB+ and GVC pooled as one feed: B-cubed and pairwise F1 against their stories.

    python -m benchmarks.feed [--out DIR]

Every article of both corpora (read in place from ../shared/benchmarks) is one item of the feed;
its gold story is its corpus's incident. Figures go to reports/benchmarks/feed.{json,md}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.language import with_language
from reconcile.model import Source
from reconcile.stories import cluster, cluster_stream

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "benchmarks"
CORPORA = ("gvc", "ecbplus")


def pooled(root: Path) -> tuple[tuple[Source, ...], dict[str, str]]:
    """Every article of the corpora as one feed, and each article's gold story."""
    sources, gold = [], {}
    for corpus in CORPORA:
        with (root / corpus / "incidents.jsonl").open(encoding="utf-8") as lines:
            for incident in map(json.loads, lines):
                for doc in incident["documents"]:
                    article = f"{corpus}:{doc['doc_id']}"
                    day = dt.date.fromisoformat(doc["date"][:10]) if doc.get("date") else None
                    sources.append(Source(id=article, path=article, text=doc["text"], title=doc.get("title"),
                                          published=day))
                    gold[article] = f"{corpus}:{incident['incident_id']}"
    return tuple(sources), gold


def scores(found: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed and pairwise precision, recall and F1 of a clustering against gold."""
    clusters, truth = defaultdict(set), defaultdict(set)
    for item, label in found.items():
        clusters[label].add(item)
    for item, label in gold.items():
        truth[label].add(item)
    precision = sum(len(clusters[found[i]] & truth[gold[i]]) / len(clusters[found[i]]) for i in gold) / len(gold)
    recall = sum(len(clusters[found[i]] & truth[gold[i]]) / len(truth[gold[i]]) for i in gold) / len(gold)
    pairs_found = {p for members in clusters.values() for p in itertools.combinations(sorted(members), 2)}
    pairs_gold = {p for members in truth.values() for p in itertools.combinations(sorted(members), 2)}
    both = len(pairs_found & pairs_gold)
    pp, pr = both / max(1, len(pairs_found)), both / max(1, len(pairs_gold))

    def f1(p: float, r: float) -> float:
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    return {"b3_precision": round(precision, 4), "b3_recall": round(recall, 4), "b3_f1": f1(precision, recall),
            "pairwise_precision": round(pp, 4), "pairwise_recall": round(pr, 4), "pairwise_f1": f1(pp, pr)}


def main(argv: list[str] | None = None) -> int:
    """Cluster the pooled corpora and write the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.feed", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sources, gold = pooled(ROOT.parent / "shared" / "benchmarks")
    rules = load_rules()
    sources = tuple(with_language(s, rules) for s in sources)  # as `reconcile feed` reads them
    result: dict[str, Any] = {"articles": len(sources), "gold_stories": len(set(gold.values()))}
    for mode, run, bar in (("batch", cluster, 0.90), ("single_pass", cluster_stream, 0.88)):
        started = time.perf_counter()
        stories = run(sources, rules)
        seconds = time.perf_counter() - started
        found = {s.id: story.id for story in stories for s in story.sources}
        result[mode] = {"stories": len(stories), "seconds": round(seconds, 2), **scores(found, gold), "bar_b3_f1": bar}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "feed.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / "feed.md").write_text("# Story clustering: ECB+ and GVC pooled\n\n```json\n"
                                      + json.dumps(result, indent=2) + "\n```\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
