"""Reprints among a story's sources: a copy of wire copy is not a second source.

Two texts are copies when most of the shorter one's word shingles stand in the longer one
(containment): a scraped excerpt of an article, the article with a paragraph added, and a
lightly edited reprint all are, though the excerpt shares few of the union's shingles. Every
member of a set of copies points at one original: the earliest published, else the longest.
Copies are marked, never used to merge or split stories; `compare`, `check` and `feed` find
them here alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .disjoint import DisjointSets
from .errors import RuleError
from .model import Source
from .rules import RuleSet

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class CopyRules:
    """The `align` rules' `copies` part."""

    shingle_words: int
    # The share of the shorter text's shingles that must stand in the longer one.
    containment: float
    # A text with fewer shingles (a headline, a one-line brief) is nobody's copy or original.
    min_shingles: int


@lru_cache(maxsize=8)
def copy_rules(rules: RuleSet) -> CopyRules:
    """Compile the reprint tolerances (cached per rule set)."""
    data = rules.of_type("align")["copies"]
    compiled = CopyRules(int(data["shingle_words"]), float(data["containment"]), int(data["min_shingles"]))
    if compiled.shingle_words < 1 or not 0 < compiled.containment <= 1:
        raise RuleError("align.copies: shingle_words must be at least 1 and containment in (0, 1]")
    return compiled


def shingles(text: str, words: int) -> frozenset[int]:
    """The text's runs of `words` consecutive words, in lower case, each as a hash.

    Only ever compared within one process, so Python's own string hash serves.
    """
    found = _WORD.findall(text.lower())
    return frozenset(hash(" ".join(found[i:i + words])) for i in range(len(found) - words + 1))


def containment(shorter: frozenset[int], longer: frozenset[int]) -> float:
    """The share of the first set's shingles that stand in the second (0 for an empty first)."""
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def copies(sources: Iterable[Source], rules: RuleSet) -> list[tuple[str, str]]:
    """(copy id, original id) for each source that reprints another, sorted by copy id.

    A copy of a copy points at the original of them all.
    """
    compiled = copy_rules(rules)
    read = [(s, shingles(s.text[s.body_start:], compiled.shingle_words)) for s in sources]
    read = [(s, found) for s, found in read if len(found) >= compiled.min_shingles]
    # First by publication date (an undated one is not known to be earlier), then the longer.
    read.sort(key=lambda r: (r[0].published or dt.date.max, -len(r[1]), r[0].id))
    sets = DisjointSets(len(read))
    for later in range(1, len(read)):
        for earlier in range(later):
            a, b = read[later][1], read[earlier][1]
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            if containment(small, large) >= compiled.containment:
                # The earlier in the order is the original: roots always point back up the list.
                x, y = sets.root(later), sets.root(earlier)
                if x != y:
                    sets.point(max(x, y), min(x, y))
    return sorted((read[k][0].id, read[sets.root(k)][0].id) for k in range(len(read)) if sets.root(k) != k)
