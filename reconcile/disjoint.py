"""Disjoint sets of the numbers 0..n-1 (union-find): which items have been joined into one set."""

from __future__ import annotations


class DisjointSets:
    """Each item's set, named by its root; joining points one root at another."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def root(self, item: int) -> int:
        """The root of the item's set (paths are halved on the way up)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def point(self, root: int, to: int) -> None:
        """Join the set of `root` (a root) into the set of `to` (a root): `to` names them both."""
        self.parent[root] = to
