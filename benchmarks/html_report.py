"""The cost of the HTML report: a feed of the ECB+ corpus written as HTML beside the same feed as JSON.

    python -m benchmarks.html_report [--corpus PATH] [--runs N] [--out DIR]

Two measures, each the best of N runs, alternated so that neither format gets the warmer machine:
- end to end: `reconcile feed ARTICLES.jsonl --format json|html -o FILE` in a fresh process,
  reading, clustering, reconciling every story and writing the report, as a wire desk runs it;
- writers only: the same stories, reconciled once, handed to the JSON writer and to the HTML one
  (the page's index, every story's cards and every article's text with its claims marked).
Figures go to reports/benchmarks/html.{json,md}.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.feed import iter_feed, read_feed, with_texts
from reconcile.report.feeds import FEED_FORMATS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "benchmarks"
CORPUS = ROOT.parent / "shared" / "benchmarks" / "ecbplus" / "incidents.jsonl"
BAR = 2.0


def articles(corpus: Path, into: Path) -> int:
    """The corpus's articles as the JSON Lines a feed reads; how many were written."""
    count = 0
    with corpus.open(encoding="utf-8") as lines, into.open("w", encoding="utf-8") as out:
        for incident in map(json.loads, lines):
            for doc in incident["documents"]:
                record = {"id": str(doc["doc_id"]), "text": doc["text"], "title": doc.get("title"),
                          "published": doc.get("date")}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


def end_to_end(feed: Path, format_name: str, out: Path) -> float:
    """Seconds for one `reconcile feed` run in a fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reconcile", "feed", str(feed), "--format", format_name, "-o", str(out)],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def writers(feed: Path, runs: int) -> dict[str, Any]:
    """Seconds for each writer alone over the same reconciled stories, best of `runs`."""
    sources, skipped = read_feed((str(feed),))
    stories = list(iter_feed(sources, load_rules()))
    with_text = list(with_texts(stories, sources))
    best = {"json": float("inf"), "html": float("inf")}
    sizes = {}
    for _ in range(runs):
        for name, given in (("json", stories), ("html", with_text)):
            buffer = io.StringIO()
            started = time.perf_counter()
            FEED_FORMATS[name](iter(given), buffer, [])
            best[name] = min(best[name], time.perf_counter() - started)
            sizes[name] = len(buffer.getvalue().encode("utf-8"))
    return {"stories": len(stories), "json_seconds": round(best["json"], 3), "html_seconds": round(best["html"], 3),
            "ratio": round(best["html"] / best["json"], 2), "json_bytes": sizes["json"], "html_bytes": sizes["html"]}


def run(corpus: Path, runs: int) -> dict[str, Any]:
    """Both measures on one corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        result: dict[str, Any] = {"corpus": corpus.parent.name, "articles": articles(corpus, feed), "runs": runs}
        best = {"json": float("inf"), "html": float("inf")}
        for _ in range(runs):
            for name in best:
                best[name] = min(best[name], end_to_end(feed, name, Path(tmp) / f"out.{name}"))
        result["end_to_end"] = {"json_seconds": round(best["json"], 2), "html_seconds": round(best["html"], 2),
                                "ratio": round(best["html"] / best["json"], 2), "bar": BAR,
                                "html_bytes": (Path(tmp) / "out.html").stat().st_size,
                                "json_bytes": (Path(tmp) / "out.json").stat().st_size}
        result["writers"] = writers(feed, runs)
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    e, w = result["end_to_end"], result["writers"]
    return (f"# The HTML report's cost: a feed of {result['corpus']} ({result['articles']} articles, "
            f"{w['stories']} stories)\n\nBest of {result['runs']} runs each, alternated.\n\n"
            "| measure | JSON s | HTML s | HTML / JSON | JSON bytes | HTML bytes |\n|---|---:|---:|---:|---:|---:|\n"
            f"| end to end (`reconcile feed`) | {e['json_seconds']} | {e['html_seconds']} | {e['ratio']} "
            f"(bar < {e['bar']}) | {e['json_bytes']:,} | {e['html_bytes']:,} |\n"
            f"| writers only | {w['json_seconds']} | {w['html_seconds']} | {w['ratio']} | {w['json_bytes']:,} "
            f"| {w['html_bytes']:,} |\n")


def main(argv: list[str] | None = None) -> int:
    """Measure and write the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.html_report", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    result = run(args.corpus, args.runs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "html.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / "html.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
