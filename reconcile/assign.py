"""Groups of claims -> the fact each group best fits, taken by a margin over the next best.

A pairwise threshold cannot tell "fits this fact only" from "fits this fact and that one
alike". Within a story the facts of one kind are few (one donation, one fine, one toll a day),
so a group that fits one other group clearly better than any other most likely states that
fact, even on less shared context than a threshold would ask: outlets word one fact
differently. Where two facts fit about as well, nothing is joined: a false alarm costs a
fact-checker more than a missed pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .values import CONFLICT

# Two figures of one developing fact (a running total "so far" and a later one): a conflict the
# rules may let meet on less shared context, weighed as a conflict all the same.
DEVELOPING = "developing"
_CONFLICTING = (CONFLICT, DEVELOPING)


@dataclass(frozen=True, slots=True)
class Fit:
    """How well two claims fit one fact: their context overlap, and what their values add."""

    overlap: float
    bonus: float
    i: int
    j: int


@dataclass(frozen=True, slots=True)
class AssignRules:
    """The `assign` part of the align rules."""

    # Fits weaker than this are not weighed at all.
    floor: float
    # The best fit must beat the second best by this much.
    margin: float
    # The overlap the best fit needs, by the part of the story (quantities, durations, dates)
    # and how the joined values would relate.
    needed: dict[tuple[str, str], float]
    rounds: int
    # How many of a group's best options are weighed for a rival.
    options: int


def assign(groups: dict[int, list[int]], fits: Iterable[Fit], joinable: Callable[[list[int], list[int]], str | None],
           key: Callable[[int], str], part: Callable[[int], str], rules: AssignRules) -> dict[int, list[int]]:
    """Join each group to the group it fits best, by a margin, until nothing moves.

    `groups` maps a group's id to its members; `joinable` says how two groups' values would
    relate if joined (same, compatible, conflict), or None when they cannot state one fact;
    `key` orders members, so that ties never depend on the order of the input; `part` names a
    member's part of the story for the rules.
    """
    groups = {g: list(members) for g, members in groups.items()}
    owner = {i: g for g, members in groups.items() for i in members}
    fits = list(fits)
    first = {g: min(key(i) for i in members) for g, members in groups.items()}
    # Groups only grow, so a group's id and size say it is unchanged: each pair is weighed once.
    weighed: dict[tuple[int, int, int, int], str | None] = {}

    def how(g: int, h: int) -> str | None:
        state = (g, len(groups[g]), h, len(groups[h]))
        if state not in weighed:
            weighed[state] = joinable(groups[g], groups[h])
        return weighed[state]

    for _ in range(rules.rounds):
        strongest: dict[tuple[int, int], tuple[float, float]] = {}
        for fit in fits:
            a, b = owner[fit.i], owner[fit.j]
            if a == b:
                continue
            pair = (a, b) if first[a] < first[b] else (b, a)
            strength = (fit.overlap + fit.bonus, fit.overlap)
            if pair not in strongest or strength > strongest[pair]:
                strongest[pair] = strength
        options: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for (a, b), (total, shared) in strongest.items():
            options[a].append((total, shared, b))
            options[b].append((total, shared, a))
        choice: dict[int, tuple[float, float, int, str, bool]] = {}
        for g, ranked in options.items():
            ranked.sort(key=lambda option: (-option[0], first[option[2]]))
            best: tuple[float, float, int, str] | None = None
            rival = 0.0
            for score, overlap, h in ranked[:rules.options]:
                relation = how(g, h)
                if relation is None or overlap < rules.needed.get((part(g), relation), 1.0):
                    continue  # what could not join is no candidate fact, nor a rival
                if best is None:
                    best = (score, overlap, h, relation)
                    continue
                # A group the best could take in without a conflict is more of the same fact
                # (outlets split over wordings), not a rival: the margin is over rival facts.
                if how(best[2], h) in (None, *_CONFLICTING):
                    rival = score
                    break
            if best is not None:
                choice[g] = (*best, best[0] - rival >= rules.margin)
        proposals = []
        for g, (score, _, h, relation, clear) in choice.items():
            if not clear:
                continue
            # A conflict is only asserted between groups that are each other's clear best.
            if relation in _CONFLICTING and not (h in choice and choice[h][2] == g and choice[h][4]):
                continue
            proposals.append((score, g, h))
        moved = False
        taken: set[int] = set()
        for _, g, h in sorted(proposals, key=lambda p: (-p[0], first[p[1]], first[p[2]])):
            if g in taken or h in taken:
                continue  # weighed again next round, against the groups as they now stand
            taken.update((g, h))
            keep, gone = (g, h) if first[g] < first[h] else (h, g)
            groups[keep].extend(groups.pop(gone))
            for i in groups[keep]:
                owner[i] = keep
            moved = True
        if not moved:
            break
    return groups
