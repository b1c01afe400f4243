"""Time alignment as a story grows: 1x, 4x and 16x as many distinct articles, pooled as one story.

    python -m benchmarks.alignment [CORPUS] [--base N] [--repeat N]

CORPUS is the GVC `incidents.jsonl`, read in place (default ../shared/benchmarks/gvc/incidents.jsonl from the
repository root). Claims are extracted once, untimed; each size then times `reconcile.align.align` on the first
N, 4N and 16N articles in file order (distinct articles, never copies). Growth should stay near linear: 16x the
articles in at most 24x the time. Results go to reports/benchmarks/alignment.{json,md}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = "../shared/benchmarks/gvc/incidents.jsonl"
OUT = ROOT / "reports" / "benchmarks"
LIMIT = 24.0  # the bound: 16x the articles in at most 24x the time


def read_sources(corpus: Path, count: int) -> list[Any]:
    """The first `count` articles in file order, as sources with their publication dates."""
    from reconcile.model import Source, line_starts

    sources = []
    with corpus.open(encoding="utf-8") as lines:
        for doc in (doc for line in lines for doc in json.loads(line)["documents"]):
            if len(sources) == count:
                break
            day = dt.date.fromisoformat(doc["date"]) if doc.get("date") else None
            sources.append(Source(id=doc["doc_id"], path="<gvc>", text=doc["text"], published=day,
                                  outlet=doc.get("source"), line_starts=line_starts(doc["text"])))
    return sources


def measure(corpus: Path, corpus_arg: str, base: int, repeat: int) -> dict[str, Any]:
    """Align the first base, 4*base and 16*base articles; best of `repeat` runs each."""
    from reconcile import load_rules
    from reconcile.align import align
    from reconcile.extract import extract_claims

    rules = load_rules()
    sources = read_sources(corpus, 16 * base)
    claims = {s.id: extract_claims(s, rules) for s in sources}
    sizes = []
    for factor in (1, 4, 16):
        subset = tuple(sources[:factor * base])
        pool = tuple(c for s in subset for c in claims[s.id])
        align(subset[:2], tuple(c for s in subset[:2] for c in claims[s.id]), rules)  # warm the rule caches
        best, groups = float("inf"), []
        for _ in range(repeat):
            started = time.perf_counter()
            groups = align(subset, pool, rules)
            best = min(best, time.perf_counter() - started)
        sizes.append({"factor": factor, "articles": len(subset), "claims": len(pool), "groups": len(groups),
                      "multi_source_groups": sum(len({c.source for c in g}) > 1 for g in groups),
                      "seconds": round(best, 4)})
    growth = sizes[-1]["seconds"] / sizes[0]["seconds"]
    return {"corpus": corpus_arg, "sizes": sizes, "growth_16x": round(growth, 2), "limit": LIMIT,
            "near_linear": growth <= LIMIT, "repeat": repeat, "python": platform.python_version(),
            "cpu_count": os.cpu_count()}


def markdown(r: dict[str, Any]) -> str:
    """A short Markdown summary of the figures."""
    rows = [f"| {s['factor']}x | {s['articles']} | {s['claims']} | {s['groups']} | {s['multi_source_groups']} "
            f"| {s['seconds']} |" for s in r["sizes"]]
    return "\n".join([
        "# Alignment speed", "",
        f"GVC articles pooled as one story, best of {r['repeat']} runs, Python {r['python']}, {r['cpu_count']} CPUs.",
        "", "| size | articles | claims | groups | groups with 2+ sources | seconds |",
        "| --- | ---: | ---: | ---: | ---: | ---: |", *rows, "",
        f"16x the articles took **{r['growth_16x']}x** the time (limit {r['limit']:g}x): "
        f"{'near linear' if r['near_linear'] else 'too steep'}.", ""])


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run, print and write the report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.alignment", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, help="GVC incidents.jsonl")
    parser.add_argument("--base", type=int, default=29, help="articles at 1x (default 29; 16x is 464)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size, best taken (default 3)")
    args = parser.parse_args(argv)
    corpus = ROOT / args.corpus if args.corpus == DEFAULT_CORPUS else Path(args.corpus)
    if not corpus.is_file():
        parser.error(f"corpus not found: {corpus}")
    if args.base < 1 or args.repeat < 1:
        parser.error("--base and --repeat must be positive")
    result = measure(corpus, args.corpus, args.base, args.repeat)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "alignment.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (OUT / "alignment.md").write_text(markdown(result), encoding="utf-8")
    table = Table(title="Alignment speed")
    for name in ("size", "articles", "claims", "groups", "seconds"):
        table.add_column(name, justify="right")
    for s in result["sizes"]:
        table.add_row(f"{s['factor']}x", str(s["articles"]), str(s["claims"]), str(s["groups"]), str(s["seconds"]))
    Console().print(table, f"16x growth: {result['growth_16x']}x (limit {LIMIT:g}x)", sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
