"""Feed mode: a day of articles -> stories -> one report per story, serially or on all cores.

Three steps. The driver reads the feed and clusters it into stories (`stories.cluster`, one
deterministic step). Each story is reconciled by one pure function, `reconcile_story`, the
only step spread over workers: stories go out in chunks of many (one task per story would
cost more in messaging than the work), and the rules travel once per worker, as data. The
results come back and are written sorted by story, so the output is the same whatever the
engine, the number of workers or the chunk size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .language import with_language
from .model import Skipped, Source
from .pipeline import build_report
from .report import report_records
from .report.records import skipped_record
from .rules import RuleSet
from .sources import read_sources
from .stories import cluster, cluster_stream

ENGINES = ("serial", "process", "dask")
# Stories per task sent to a worker.
DEFAULT_CHUNK = 64
# A task: (story id, its articles) for each of its stories.
Chunk = list[tuple[str, tuple[Source, ...]]]


def read_feed(paths: Iterable[str | Path]) -> tuple[tuple[Source, ...], tuple[Skipped, ...]]:
    """The articles of a feed, and the files skipped: what `compare` reads (`sources.read_sources`).

    Folders and files of articles and saved pages, and JSON Lines files (.jsonl) of one
    article a line: `id` and `text` (or a page's `html`), and optionally `published` (ISO date),
    `outlet`, `title`, `url` and `lang`. A folder stands for all of these alike, so a folder of
    feed exports needs no listing. A bad line is an error naming its file and line; a file
    inside a folder that cannot be read is skipped and listed, as `compare` does.
    """
    return read_sources(paths)


def reconcile_story(story_id: str, articles: tuple[Source, ...], rules: RuleSet) -> dict[str, Any]:
    """The report of one story, as `compare` gives it for these articles, with the story's id."""
    records = report_records(build_report(articles, rules))
    return {"id": story_id, "sources": [s.id for s in articles], "copies": records["copies"],
            "sources_detail": records["sources"], "claims": records["claims"], "groups": records["groups"]}


def with_texts(stories: Iterable[dict[str, Any]], articles: Iterable[Source]) -> Iterator[dict[str, Any]]:
    """The stories with each source's text beside its record, for a report that shows the articles."""
    texts = {a.id: a.text for a in articles}
    for story in stories:
        yield {**story, "sources_detail": [{**s, "text": texts[s["id"]]} for s in story["sources_detail"]]}


def run_feed(sources: tuple[Source, ...], rules: RuleSet, *, skipped: tuple[Skipped, ...] = (),
             **options: Any) -> dict[str, Any]:
    """Cluster a feed into stories and reconcile each: `{"stories": [...], "skipped": [...]}`.

    The stories are sorted by id; `options` are those of `iter_feed`.
    """
    return {"stories": list(iter_feed(sources, rules, **options)),
            "skipped": [skipped_record(s) for s in skipped]}


def iter_feed(sources: tuple[Source, ...], rules: RuleSet, *, engine: str = "process", workers: int | None = None,
              chunk: int = DEFAULT_CHUNK, window_days: int | None = None,
              single_pass: bool = False, scheduler: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> Iterator[dict[str, Any]]:
    """The report of each story of a feed, one at a time, in story id order.

    One at a time, so that a feed of any size is written as it is reconciled, never held whole.
    `single_pass` clusters as a stream would (each article joins the closest story so far)
    instead of by average link over the whole feed. `window_days` bounds both: the pairs
    compared, or how long a story stays open to new articles. The
    `dask` engine runs on the cluster at `scheduler`, or on a local cluster of `workers`
    processes. `progress(done, total)` is called as stories are reconciled.

    Raises InputError at once, before any work, for an option the engine would not use (see
    `check_engine_options`).
    """
    check_engine_options(engine, workers=workers, scheduler=scheduler)
    return _stories(sources, rules, engine=engine, workers=workers, chunk=chunk, window_days=window_days,
                    single_pass=single_pass, scheduler=scheduler, progress=progress)


def check_engine_options(engine: str, *, workers: int | None = None, scheduler: str | None = None) -> None:
    """Raise InputError for an unknown engine or an option it would not use, never dropped silently.

    `scheduler` is the dask engine's alone, and a scheduler's cluster has workers of its own.
    `workers` with the serial engine is allowed and ignored (one process): a benchmark gives
    every engine the same options; the command line warns of it.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
    if scheduler is not None and engine != "dask":
        raise InputError(f"--scheduler applies only to --engine dask, not --engine {engine}")
    if workers is not None and scheduler is not None:
        raise InputError("--workers does not apply with --scheduler: the cluster's workers are its own")


def _stories(sources: tuple[Source, ...], rules: RuleSet, *, engine: str, workers: int | None, chunk: int,
             window_days: int | None, single_pass: bool, scheduler: str | None,
             progress: Callable[[int, int], None] | None) -> Iterator[dict[str, Any]]:
    sources = tuple(with_language(s, rules) for s in sources)
    stories = (cluster_stream if single_pass else cluster)(sources, rules, window_days=window_days)
    tick = _Ticker(len(stories), progress)
    chunks = [[(s.id, _portable(s.sources)) for s in stories[i:i + chunk]] for i in range(0, len(stories), chunk)]
    if engine == "serial" or len(stories) < 2:
        done: Iterator[list[dict[str, Any]]] = (_reconcile_chunk_with(c, rules) for c in chunks)
    elif engine == "dask":
        done = _on_dask(chunks, rules, workers, scheduler)
    else:
        done = _in_processes(chunks, rules, workers)
    for results in done:
        yield from tick(results)


class _Ticker:
    """Counts reconciled stories and reports them to a progress callback, if any."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None):
        self.total, self.done, self.progress = total, 0, progress

    def __call__(self, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.done += len(results)
        if self.progress is not None:
            self.progress(self.done, self.total)
        return results


def _in_processes(chunks: list[Chunk], rules: RuleSet, workers: int | None) -> Iterator[list[dict[str, Any]]]:
    # Spawned workers start clean on every platform; the rules are sent once to each.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=(rules,)) as pool:
        yield from pool.map(_reconcile_chunk, chunks)


def _on_dask(chunks: list[Chunk], rules: RuleSet, workers: int | None,
             scheduler: str | None) -> Iterator[list[dict[str, Any]]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("the dask engine needs dask.distributed: pip install 'reconcile[dask]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as err:
            raise InputError(f"cannot reach the dask scheduler at {scheduler} ({err})") from None
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        # The rules go to each worker once, as data; each compiles them once (cached per rule set).
        shared = client.scatter(rules, broadcast=True)
        futures = client.map(_reconcile_chunk_with, chunks, rules=shared, pure=False)
        # Taken in order, each released once read, so the cluster never holds the whole feed's reports.
        for future in futures:
            try:
                yield future.result()
            except ImportError as err:
                # A worker of someone else's cluster that lacks the package: say so, not a traceback.
                raise InputError(f"a dask worker cannot run reconcile ({err}); install reconcile "
                                 "on every worker") from None
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _reconcile_chunk_with(chunk: Chunk, rules: RuleSet) -> list[dict[str, Any]]:
    return [reconcile_story(story_id, articles, rules) for story_id, articles in chunk]


def _portable(sources: tuple[Source, ...]) -> tuple[Source, ...]:
    # Line offsets are rebuilt in the worker: cheaper than pickling them.
    return tuple(replace(s, line_starts=()) for s in sources)


_WORKER_RULES: RuleSet | None = None


def _start_worker(rules: RuleSet) -> None:
    global _WORKER_RULES
    _WORKER_RULES = rules


def _reconcile_chunk(chunk: Chunk) -> list[dict[str, Any]]:
    assert _WORKER_RULES is not None
    return _reconcile_chunk_with(chunk, _WORKER_RULES)
