"""Feed mode at scale: simulated feeds of 25k, 50k and 100k articles, end to end, on every engine.

    python -m benchmarks.feed_scale [--sizes 25000 50000 100000] [--engines-at 25000] [--out DIR]

Each feed is built from ECB+ and GVC by the seeded generator of `benchmarks.simulated` (so
every article has a known story) and written as JSON Lines. For each size the benchmark
times the clustering alone in this process and scores it against the simulated gold (B-cubed
and pairwise), then runs `reconcile feed` end to end in a subprocess (reading, clustering,
reconciling every story, writing the JSON) while it samples the memory of that process and
all its workers. At `--engines-at` articles the end-to-end run is repeated on the serial and
Dask engines, and the three outputs are compared byte for byte. Figures go to
reports/benchmarks/feed_scale.{json,md}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from reconcile import load_rules
from reconcile.feed import read_feed
from reconcile.language import with_language
from reconcile.stories import cluster, cluster_stream

from . import simulated
from .feed import OUT, ROOT, scores

SEED = 20261206
SIZES = (25_000, 50_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    """Run the sizes and engines, write the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.feed_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--engines-at", type=int, default=SIZES[0], help="the size run on every engine")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--window-days", type=int, default=1)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--work", type=Path, help="where the feeds and outputs go (default: a temporary folder)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    corpora = ROOT.parent / "shared" / "benchmarks"
    work = args.work or Path(tempfile.mkdtemp(prefix="reconcile-feed-"))
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "workers": args.workers},
        "generator": {"seed": args.seed, "rotation_days": simulated.ROTATION, "replayed": simulated.REPLAYED,
                      "kept": simulated.KEPT, "reprinted": simulated.REPRINTED},
        "window_days": args.window_days, "sizes": {}}
    for size in args.sizes:
        feed = work / f"feed-{size}.jsonl"
        gold = simulated.write(feed, size, args.seed, corpora)
        figures: dict[str, Any] = {"articles": size, "gold_stories": len(set(gold.values())),
                                   "days": _days(feed), "feed_mb": round(feed.stat().st_size / 1e6, 1)}
        figures["clustering"] = _clustering(feed, gold, args.window_days, cluster)
        figures["clustering_single_pass"] = _clustering(feed, gold, args.window_days, cluster_stream)
        engines = ("process", "serial", "dask") if size == args.engines_at else ("process",)
        figures["end_to_end"] = {engine: _end_to_end(feed, work / f"out-{size}-{engine}.json", engine, args)
                                 for engine in engines}
        digests = {run["sha256"] for run in figures["end_to_end"].values()}
        figures["engines_byte_identical"] = len(digests) == 1
        result["sizes"][str(size)] = figures
        print(json.dumps({size: figures}, indent=2), flush=True)
    runs = {int(size): f["end_to_end"]["process"]["seconds"] for size, f in result["sizes"].items()}
    if len(runs) > 1:
        smallest, largest = min(runs), max(runs)
        result["growth"] = {"from": smallest, "to": largest, "articles_ratio": largest / smallest,
                            "seconds_ratio": round(runs[largest] / runs[smallest], 2)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "feed_scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / "feed_scale.md").write_text(markdown(result), encoding="utf-8")
    return 0


def _days(feed: Path) -> int:
    with feed.open(encoding="utf-8") as lines:
        return len({json.loads(line)["published"] for line in lines})


def _clustering(feed: Path, gold: dict[str, str], window_days: int, method: Any) -> dict[str, Any]:
    """Clustering alone by `method` (`cluster`, or `cluster_stream`), and its scores.

    As `reconcile feed` does it: the languages told first, then the stories.
    """
    rules = load_rules()
    sources, _ = read_feed([feed])
    started = time.perf_counter()
    sources = tuple(with_language(s, rules) for s in sources)
    languages = time.perf_counter() - started
    stories = method(sources, rules, window_days=window_days)
    seconds = time.perf_counter() - started
    found = {s.id: story.id for story in stories for s in story.sources}
    return {"seconds": round(seconds, 1), "of_which_languages": round(languages, 1), "stories": len(stories),
            "largest_story": max(len(s.sources) for s in stories), **scores(found, gold)}


def _end_to_end(feed: Path, out: Path, engine: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, "-m", "reconcile", "feed", str(feed), "--engine", engine,
               "--workers", str(args.workers), "--window-days", str(args.window_days), "--output", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = _PeakMemory(process.pid)
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {errors.strip()}")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    run = {"seconds": round(seconds, 1), "peak_memory_mb": round(peak.mb), "output_mb": round(out.stat().st_size / 1e6),
           "sha256": digest}
    out.unlink()  # a 100k feed's report is over a gigabyte
    return run


class _PeakMemory:
    """Samples the resident memory of a process and all its descendants, and keeps the largest sum."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every, self.mb = pid, every, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(self.every):
            self.mb = max(self.mb, sum(_rss_kb(pid) for pid in _tree(self.pid)) / 1024)


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def markdown(result: dict[str, Any]) -> str:
    """A table of the figures."""
    lines = ["# Feed mode at scale: simulated feeds", "",
             f"{result['machine']['cpus']} CPUs, Python {result['machine']['python']}, "
             f"{result['machine']['workers']} workers, window ±{result['window_days']} day(s). "
             "Feeds from ECB+ and GVC by the seeded generator (`benchmarks/simulated.py`).", "",
             "| articles | days | gold stories | clustering s | stories found | B³ F1 | pairwise F1 "
             "| engine | end to end s | peak memory MB | output MB |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |"]
    for size, f in result["sizes"].items():
        c = f["clustering"]
        for engine, run in f["end_to_end"].items():
            lines.append(f"| {size} | {f['days']} | {f['gold_stories']} | {c['seconds']} | {c['stories']} "
                         f"| {c['b3_f1']} | {c['pairwise_f1']} | {engine} | {run['seconds']} "
                         f"| {run['peak_memory_mb']} | {run['output_mb']} |")
    lines += ["", "Clustering alone, batch (average link, as above) and single pass (`--single-pass`, "
              "the same window):", "",
              "| articles | mode | seconds | stories found | B³ precision | B³ recall | B³ F1 | pairwise F1 |",
              "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size, f in result["sizes"].items():
        for mode, key in (("batch", "clustering"), ("single pass", "clustering_single_pass")):
            if key in f:
                c = f[key]
                lines.append(f"| {size} | {mode} | {c['seconds']} | {c['stories']} | {c['b3_precision']} "
                             f"| {c['b3_recall']} | {c['b3_f1']} | {c['pairwise_f1']} |")
    for size, f in result["sizes"].items():
        if len(f["end_to_end"]) > 1:
            lines += ["", f"At {size} articles the engines' outputs are "
                      + ("byte-identical." if f["engines_byte_identical"] else "**not** byte-identical.")]
    if "growth" in result:
        g = result["growth"]
        lines += ["", f"{g['to']} articles took {g['seconds_ratio']}x the time of {g['from']} "
                  f"({g['articles_ratio']:g}x the articles)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
