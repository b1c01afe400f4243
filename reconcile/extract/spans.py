"""Stretches of text as sorted starts and ends, to look an offset up by bisection."""

from __future__ import annotations

from collections.abc import Iterable


def merged(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Overlapping spans merged into disjoint stretches, as their starts and ends in text order.

    A claim is then looked up by bisection rather than against every span.
    """
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
