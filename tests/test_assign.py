"""The assignment: a group joins the group it fits best, by a margin over the best rival fact.

Groups here are letters; each member is a claim index; a fit is (overlap, bonus, i, j). A
group's value is its letter's value in VALUES: groups of one value may join without a
conflict, groups of two values would conflict.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.assign import AssignRules, Fit, assign

RULES = AssignRules(floor=0.04, margin=0.10, rounds=6, options=8,
                    needed={("quantities", "same"): 0.06, ("quantities", "compatible"): 0.08,
                            ("quantities", "conflict"): 0.15})


def run(values, fits, forbidden=()):
    """`values`: claim index -> value; every claim starts as its own group."""
    groups = {i: [i] for i in values}

    def joinable(xs, ys):
        if any({x, y} in [set(p) for p in forbidden] for x in xs for y in ys):
            return None
        return "same" if len({values[i] for i in (*xs, *ys)}) == 1 else "conflict"

    result = assign(groups, [Fit(o, b, i, j) for o, b, i, j in fits], joinable, lambda i: f"{i:04d}",
                    lambda i: "quantities", RULES)
    return sorted(sorted(members) for members in result.values())


@pytest.mark.parametrize("values, fits, expected", [
    # One candidate fact, well fitted: joined even on a conflict.
    ({0: 5, 1: 6}, [(0.20, 0.0, 0, 1)], [[0, 1]]),
    # Too little shared for a conflict, enough for the same value.
    ({0: 5, 1: 6}, [(0.10, 0.0, 0, 1)], [[0], [1]]),
    ({0: 5, 1: 5}, [(0.10, 0.0, 0, 1)], [[0, 1]]),
    # Under the floor of what is weighed at all.
    ({0: 5, 1: 5}, [(0.03, 0.0, 0, 1)], [[0], [1]]),
    # Two rival facts fit 0 about as well: 0 joins neither.
    ({0: 5, 1: 6, 2: 6, 3: 7, 4: 7}, [(0.9, 0.0, 1, 2), (0.9, 0.0, 3, 4), (0.30, 0.0, 0, 1), (0.25, 0.0, 0, 3)],
     [[0], [1, 2], [3, 4]]),
    # A clear best over the rival: joined to the best; the rival keeps its own best.
    ({0: 5, 1: 6, 2: 7, 3: 7}, [(0.40, 0.0, 0, 1), (0.12, 0.0, 0, 2), (0.50, 0.0, 2, 3)], [[0, 1], [2, 3]]),
    # A conflict needs both sides to be each other's clear best: 0 is torn between 1 and 2.
    ({0: 5, 1: 6, 2: 7}, [(0.30, 0.0, 0, 1), (0.25, 0.0, 0, 2)], [[0], [1], [2]]),
    # Two fragments of one fact (same value, joinable) are no rivals of each other.
    ({0: 5, 1: 5, 2: 5}, [(0.30, 0.0, 0, 1), (0.29, 0.0, 0, 2)], [[0, 1, 2]]),
    # A group that may not join (one source's two values) is no candidate, and no rival.
    ({0: 5, 1: 6, 2: 7}, [(0.30, 0.0, 0, 1), (0.28, 0.0, 0, 2)], [[0, 2], [1]]),
    # What the values add breaks a tie: the same figure fits better than a conflicting one.
    ({0: 5, 1: 5, 2: 7}, [(0.10, 0.30, 0, 1), (0.10, 0.0, 0, 2)], [[0, 1], [2]]),
])
def test_assignment(values, fits, expected):
    forbidden = [(0, 1)] if expected == [[0, 2], [1]] else []
    assert run(values, fits, forbidden) == expected


CLAIMS = st.dictionaries(st.integers(0, 7), st.integers(1, 3), min_size=2, max_size=8)


@settings(max_examples=60, deadline=None)
@given(CLAIMS, st.data())
def test_every_claim_ends_in_exactly_one_group_whatever_the_order_of_fits(values, data):
    ids = sorted(values)
    pairs = st.tuples(st.floats(0, 1), st.sampled_from([0.0, 0.15, 0.3]), st.sampled_from(ids), st.sampled_from(ids))
    fits = [f for f in data.draw(st.lists(pairs, max_size=12)) if f[2] != f[3]]
    groups = run(values, fits)
    assert sorted(i for g in groups for i in g) == ids
    assert run(values, list(reversed(fits))) == groups
