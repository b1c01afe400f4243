"""A pile of articles -> stories: which articles report the same story (no model, no download).

One deterministic step in the driver. Each language's articles are turned into TF-IDF vectors
(scikit-learn) over title and body; a sparse similarity join keeps the pairs above a low floor
(and, where asked, published within a few days of each other); the connected components of
those pairs are split by average-link clustering, so that no all-pairs matrix of the whole
feed is ever built. A story's id is a digest of its sorted article ids: the same articles are
the same story in any order, on any machine, under any hash seed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
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
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial.distance import squareform

    if len(sources) == 1:
        return [[0]]
    vectors = _vectors(sources, rules)
    rows, cols, sims = [], [], []
    # Rows joined at a time: a block holds at most `join_cells` similarities, however big the feed.
    step = max(1, compiled.join_cells // len(sources))
    for start in range(0, len(sources), step):
        block = (vectors[start:start + step] @ vectors.T).tocoo()
        keep = (block.data >= compiled.floor) & (block.row + start < block.col)
        rows += (block.row[keep] + start).tolist()
        cols += block.col[keep].tolist()
        sims += block.data[keep].tolist()
    pairs = [(i, j, s) for i, j, s in zip(rows, cols, sims, strict=True)
             if _near_in_time(sources[i], sources[j], window_days)]
    graph = coo_matrix(([1] * len(pairs), ([p[0] for p in pairs], [p[1] for p in pairs])),
                       shape=(len(sources), len(sources)))
    _, labels = connected_components(graph, directed=False)
    similarity = {(i, j): s for i, j, s in pairs}
    components: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        components[label].append(i)
    groups: list[list[int]] = []
    for members in components.values():
        if len(members) == 1:
            groups.append(members)
            continue
        # Average link inside the component: pairs below the floor count as unrelated.
        distances = np.ones((len(members), len(members)))
        np.fill_diagonal(distances, 0.0)
        for a, i in enumerate(members):
            for b in range(a + 1, len(members)):
                s = similarity.get((i, members[b]), 0.0)
                distances[a, b] = distances[b, a] = max(0.0, 1.0 - s)
        labels_here = fcluster(linkage(squareform(distances, checks=False), method="average"),
                               t=1.0 - compiled.link, criterion="distance")
        split: dict[int, list[int]] = defaultdict(list)
        for member, label in zip(members, labels_here, strict=True):
            split[int(label)].append(member)
        groups.extend(split.values())
    return groups


def cluster_stream(sources: Iterable[Source], rules: RuleSet) -> list[Story]:
    """Stories in one pass, for a stream: each article joins the closest story, or opens one.

    An article joins the story whose centroid is most like it (cosine above
    `stories.stream_link`). Articles are taken by publication date, then id, and compared only with earlier ones of
    their language; the TF-IDF weights are those of the whole input. A centroid's similarity
    and norm are kept from article-to-article products, so no centroid vector is ever built.
    """
    import numpy as np

    compiled = story_rules(rules)
    by_language: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_language[source.language or ""].append(source)
    stories = []
    for language in sorted(by_language):
        ordered = sorted(by_language[language], key=lambda s: (s.published is None, s.published or 0, s.id))
        vectors = _vectors(ordered, rules)
        story_of: list[int] = []
        norms: list[float] = []  # squared norms of each story's sum of vectors
        members: list[list[int]] = []
        for i in range(len(ordered)):
            row = (vectors[i] @ vectors[:i].T).tocoo() if i else None
            dots: dict[int, float] = defaultdict(float)
            if row is not None:
                for j, value in zip(row.col.tolist(), row.data.tolist(), strict=True):
                    dots[story_of[j]] += value
            best, best_sim = -1, compiled.stream_link
            for story, dot in sorted(dots.items()):
                sim = dot / float(np.sqrt(norms[story]))
                if sim > best_sim:
                    best, best_sim = story, sim
            if best < 0:
                best = len(members)
                members.append([])
                norms.append(0.0)
            norms[best] += 2 * dots.get(best, 0.0) + 1.0
            members[best].append(i)
            story_of.append(best)
        for group in members:
            chosen = tuple(sorted((ordered[i] for i in group), key=lambda s: s.id))
            stories.append(Story(story_id([s.id for s in chosen]), chosen))
    return sorted(stories, key=lambda s: s.id)


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


def _near_in_time(a: Source, b: Source, window_days: int | None) -> bool:
    if window_days is None or a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= window_days
