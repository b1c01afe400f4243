"""A pile of articles -> stories: which articles report the same story (no model, no download).

One deterministic step in the driver. Each language's articles are turned into TF-IDF vectors
(scikit-learn) over title and body; a sparse similarity join keeps the pairs above a low floor
(and, where asked, published within a few days of each other, so that a feed of many days
costs in proportion to its days); average-link clustering runs over those pairs alone, so no
all-pairs matrix is ever built, however large a connected group of articles grows. A story's
id is a digest of its sorted article ids: the same articles are the same story in any order,
on any machine, under any hash seed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from .model import Source
from .rules import RuleSet


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report one story, sorted by id."""

    id: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class StoryRules:
    """The `align` rules' `stories` part: how alike two articles must be to tell one story."""

    floor: float
    link: float
    join_cells: int
    stream_link: float


@lru_cache(maxsize=8)
def story_rules(rules: RuleSet) -> StoryRules:
    """Compile the story clustering tolerances (cached per rule set)."""
    data = rules.of_type("align")["stories"]
    return StoryRules(float(data["floor"]), float(data["link"]), int(data["join_cells"]), float(data["stream_link"]))


def story_id(article_ids: list[str]) -> str:
    """A stable id for a set of articles: never Python's hash(), which changes per process."""
    return "s-" + hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()[:12]


def cluster(sources: tuple[Source, ...], rules: RuleSet, *, window_days: int | None = None) -> list[Story]:
    """The stories of a feed, sorted by id; every source in exactly one story.

    Articles are compared only within their language, and, with `window_days`, only with
    articles published that many days apart or less (undated ones with every article).
    """
    compiled = story_rules(rules)
    by_language: dict[str, list[Source]] = defaultdict(list)
    for source in sorted(sources, key=lambda s: s.id):
        by_language[source.language or ""].append(source)
    stories = []
    for language in sorted(by_language):
        members = by_language[language]
        for group in _clusters(members, rules, compiled, window_days):
            chosen = tuple(members[i] for i in sorted(group))
            stories.append(Story(story_id([s.id for s in chosen]), chosen))
    return sorted(stories, key=lambda s: s.id)


def _clusters(sources: list[Source], rules: RuleSet, compiled: StoryRules,
              window_days: int | None) -> list[list[int]]:
    if len(sources) == 1:
        return [[0]]
    pairs = _similar_pairs(_vectors(sources, rules), sources, compiled, window_days)
    return _average_link(len(sources), pairs, compiled.link)


def _average_link(count: int, pairs: list[tuple[int, int, float]], link: float) -> list[list[int]]:
    """Average-link clusters over a sparse graph: merge while two clusters' mean similarity reaches `link`.

    A pair not in `pairs` counts as similarity 0, so the mean of two clusters is the sum of
    their pairs' similarities over the product of their sizes; only clusters with a pair
    between them can ever merge. The best pair merges first (ties by cluster number), as in
    UPGMA, so no all-pairs matrix is built, however large a connected group of articles grows.
    """
    import heapq

    sizes = [1] * count
    members: list[list[int]] = [[i] for i in range(count)]
    sums: list[dict[int, float]] = [{} for _ in range(count)]
    for i, j, similarity in pairs:
        sums[i][j] = sums[j][i] = similarity
    heap = [(-similarity, i, j) for i, j, similarity in pairs if similarity >= link]
    heapq.heapify(heap)
    alive = [True] * count
    while heap:
        _, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue  # one side has merged since: its new cluster has its own entries
        merged = len(sizes)
        alive[a] = alive[b] = False
        small, large = sorted((sums[a], sums[b]), key=len)
        for neighbour, total in small.items():
            large[neighbour] = large.get(neighbour, 0.0) + total
        large.pop(a, None), large.pop(b, None)
        sums[a] = sums[b] = {}
        sizes.append(sizes[a] + sizes[b])
        members.append(members[a] + members[b])
        members[a] = members[b] = []
        sums.append(large)
        alive.append(True)
        for neighbour, total in large.items():
            theirs = sums[neighbour]
            theirs.pop(a, None), theirs.pop(b, None)
            theirs[merged] = total
            mean = total / (sizes[merged] * sizes[neighbour])
            if mean >= link:
                heapq.heappush(heap, (-mean, neighbour, merged))
    return [sorted(group) for group, living in zip(members, alive, strict=True) if living]


def _similar_pairs(vectors: Any, sources: list[Source], compiled: StoryRules,
                   window_days: int | None) -> list[tuple[int, int, float]]:
    """(i, j, similarity), i < j, for the articles above the floor and within the window of each other.

    With a window, each day's articles are joined only with those of the days in reach (and the
    undated ones), so a feed of many days costs in proportion to its length, not its square.
    """
    import numpy as np

    everyone = np.arange(len(sources))
    if window_days is None:
        reach = [(everyone, everyone)]
    else:
        days: dict[int | None, list[int]] = defaultdict(list)
        for i, source in enumerate(sources):
            days[source.published.toordinal() if source.published else None].append(i)
        undated = days.pop(None, [])
        dated = sorted(days)
        reach = [(np.array(undated), everyone)] if undated else []
        for day in dated:
            near = [i for d in dated if abs(d - day) <= window_days for i in days[d]]
            reach.append((np.array(days[day]), np.array(sorted(near + undated))))
    pairs = []
    for rows, cols in reach:
        columns = vectors[cols].T.tocsc()
        # Rows joined at a time: a block holds at most `join_cells` similarities, however big the feed.
        step = max(1, compiled.join_cells // len(cols))
        for start in range(0, len(rows), step):
            block = (vectors[rows[start:start + step]] @ columns).tocoo()
            i, j = rows[start + block.row], cols[block.col]
            keep = (block.data >= compiled.floor) & (i < j)
            pairs += zip(i[keep].tolist(), j[keep].tolist(), block.data[keep].tolist(), strict=True)
    return pairs


def cluster_stream(sources: Iterable[Source], rules: RuleSet, *, window_days: int | None = None) -> list[Story]:
    """Stories in one pass, for a stream: each article joins the closest open story, or opens one.

    Articles are taken by publication date, then id, per language (undated ones last). An
    article joins the story whose centroid is most like it (cosine above
    `stories.stream_link`); with `window_days`, only a story whose latest article is at most
    that many days older is still open, so a story that has gone quiet is never joined again
    (an undated article may join any). The TF-IDF weights are those of the whole input. A
    centroid's similarity and norm are kept from article-to-article products, so no centroid
    vector is ever built, and each day's articles are joined at once with the open stories'.
    """
    compiled = story_rules(rules)
    by_language: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_language[source.language or ""].append(source)
    stories = []
    for language in sorted(by_language):
        ordered = sorted(by_language[language], key=lambda s: (s.published is None, s.published or 0, s.id))
        for group in _stream(ordered, rules, compiled, window_days):
            chosen = tuple(sorted((ordered[i] for i in group), key=lambda s: s.id))
            stories.append(Story(story_id([s.id for s in chosen]), chosen))
    return sorted(stories, key=lambda s: s.id)


def _stream(ordered: list[Source], rules: RuleSet, compiled: StoryRules, window_days: int | None) -> list[list[int]]:
    """The single pass over articles in stream order: each story's members, by position."""
    import numpy as np

    vectors = _vectors(ordered, rules)
    days = [s.published.toordinal() if s.published else None for s in ordered]
    story_of = np.full(len(ordered), -1, dtype=np.int64)
    norms = np.zeros(len(ordered))  # squared norm of each story's sum of vectors (at most one story an article)
    latest = np.full(len(ordered), -1, dtype=np.int64)  # each story's latest publication day (-1: undated)
    members: list[list[int]] = []
    for day, rows in groupby(range(len(ordered)), key=days.__getitem__):
        rows = list(rows)
        start, end = rows[0], rows[-1] + 1
        if window_days is None or day is None:
            earlier = np.arange(start)
        else:
            still_open = np.flatnonzero(latest[:len(members)] >= day - window_days)
            earlier = np.array(sorted(i for story in still_open for i in members[story]), dtype=np.int64)
        cols = np.concatenate([earlier, np.arange(start, end)])
        columns = vectors[cols].T.tocsc()
        # Rows joined at a time: a block holds at most `join_cells` products, however big the day.
        step = max(1, compiled.join_cells // len(cols))
        for first in range(start, end, step):
            block = (vectors[first:min(first + step, end)] @ columns).tocsr()
            for offset in range(block.shape[0]):
                i = first + offset
                cells = slice(block.indptr[offset], block.indptr[offset + 1])
                j = cols[block.indices[cells]]
                earlier_only = j < i
                best, dot = _closest(j[earlier_only], block.data[cells][earlier_only], story_of, norms,
                                     compiled.stream_link)
                if best < 0:
                    best = len(members)
                    members.append([])
                norms[best] += 2 * dot + 1.0
                members[best].append(i)
                if day is not None:
                    latest[best] = day
                story_of[i] = best
    return members


def _closest(articles: Any, dots: Any, story_of: Any, norms: Any, link: float) -> tuple[int, float]:
    """The story whose centroid is most like an article (above `link`), and their dot product; or (-1, 0)."""
    import numpy as np

    if not len(articles):
        return -1, 0.0
    order = np.argsort(articles, kind="stable")  # sums in article order, whatever the product's order
    found, at = np.unique(story_of[articles[order]], return_inverse=True)
    totals = np.bincount(at, weights=dots[order])
    similarity = totals / np.sqrt(norms[found])
    top = int(np.argmax(similarity))  # the first of equals: the oldest story
    if similarity[top] > link:
        return int(found[top]), float(totals[top])
    return -1, 0.0


def _vectors(sources: list[Source], rules: RuleSet) -> Any:
    """L2-normalised TF-IDF vectors of title and body (sublinear term frequency)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    stop = _stop_words(rules)
    texts = [f"{s.title or ''}\n{s.text[s.body_start:]}" for s in sources]
    return TfidfVectorizer(sublinear_tf=True, stop_words=stop or None, dtype=np.float64).fit_transform(texts)


def _stop_words(rules: RuleSet) -> list[str]:
    return sorted({str(w).lower() for language in rules.languages
                   for w in rules.for_language(language).of_type("text").get("function_words") or ()})


