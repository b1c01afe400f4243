"""Near-duplicate articles inside a story: a reprint of wire copy is not a second source.

MinHash over word shingles estimates how much of two articles' text is the same; above a high
threshold the later article (by publication date, then id) is a copy of the earlier one. Copies
are marked, never used to merge or split stories. The hash is a fixed digest, not Python's
hash(), so the same articles give the same copies in every process.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .model import Source
from .rules import RuleSet

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class CopyRules:
    """The `align` rules' `copies` part."""

    shingle_words: int
    permutations: int
    threshold: float


@lru_cache(maxsize=8)
def copy_rules(rules: RuleSet) -> CopyRules:
    """Compile the near-duplicate tolerances (cached per rule set)."""
    data = rules.of_type("align")["copies"]
    return CopyRules(int(data["shingle_words"]), int(data["permutations"]), float(data["threshold"]))


def copies(sources: tuple[Source, ...], rules: RuleSet) -> list[tuple[str, str]]:
    """(copy id, original id) for each article that reprints an earlier one, sorted by copy id."""
    compiled = copy_rules(rules)
    ordered = sorted(sources, key=lambda s: (s.published is None, s.published or 0, s.id))
    signatures = [_signature(s.text[s.body_start:], compiled) for s in ordered]
    found = []
    for later in range(1, len(ordered)):
        for earlier in range(later):
            if _similarity(signatures[later], signatures[earlier]) >= compiled.threshold:
                found.append((ordered[later].id, ordered[earlier].id))
                break
    return sorted(found)


def _signature(text: str, compiled: CopyRules) -> tuple[int, ...] | None:
    words = _WORD.findall(text.lower())
    n = compiled.shingle_words
    shingles = {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))} if words else set()
    if not shingles:
        return None
    import numpy as np

    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")
                          for s in sorted(shingles)), dtype=np.uint64, count=len(shingles))
    a, b = _permutations(compiled.permutations)
    # Unsigned 64-bit arithmetic wraps around: a fixed family of hash functions, the same everywhere.
    with np.errstate(over="ignore"):
        return tuple(int(v) for v in (a[:, None] * hashes[None, :] + b[:, None]).min(axis=1))


@lru_cache(maxsize=4)
def _permutations(count: int) -> tuple[Any, Any]:
    import numpy as np

    # Fixed, seeded from their index: the same on every machine.
    digests = [hashlib.blake2b(f"minhash-{i}".encode(), digest_size=16).digest() for i in range(count)]
    return (np.array([int.from_bytes(d[:8], "big") | 1 for d in digests], dtype=np.uint64),
            np.array([int.from_bytes(d[8:], "big") for d in digests], dtype=np.uint64))


def _similarity(a: tuple[int, ...] | None, b: tuple[int, ...] | None) -> float:
    """The share of MinHash slots two signatures agree on: an estimate of their shingles' Jaccard index."""
    if a is None or b is None:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
