"""Table tests for vote tallies: two whole numbers and a vote word make two counts.

A tally ("voted 4-1", "a 5-4 ruling", "by a vote of six to three") states the votes for and the
votes against, each a count claim of its own: the first spans the tally, the second its second
number. The same two numbers with no vote word beside them are a score, a range, a phone number
or a label, and no tally.
"""

from __future__ import annotations

import pytest

from .tables import check, expect

KIND = "count"


def tally(whole, second, votes_for, votes_against):
    """The two claims of a tally written `whole`: the first spans it, the second its `second` number."""
    return [expect(whole, votes_for, unit="votes for"), expect(second, votes_against, unit="votes against")]


TALLIES = [
    # A vote verb before the tally, past a few link words.
    ("The school board voted 4-1 to close the branch library.", tally("4-1", "1", 4, 1)),
    ("The zoning panel voted 5 - 2 in favour of the tower.", tally("5 - 2", "2", 5, 2)),
    ("The trustees voted unanimously 7-0 to sell the land.", tally("7-0", "0", 7, 0)),
    ("The council approved the levy by a vote of 6 to 3.", tally("6 to 3", "3", 6, 3)),
    ("The vote was eight to one in favour of the merger.", tally("eight to one", "one", 8, 1)),
    ("The commissioners approved it four to one after a short debate.",
     tally("four to one", "one", 4, 1)),
    ("The chamber confirmed her 54-45 late on Thursday.", tally("54-45", "45", 54, 45)),
    ("The state house passed it 71\u201325 on Monday.", tally("71\u201325", "25", 71, 25)),
    ("The appeals court ruled 2-1 that the fine stands.", tally("2-1", "1", 2, 1)),
    # A vote noun after the tally, past a few words.
    ("The measure passed on a 5-4 vote after a long night.", tally("5-4", "4", 5, 4)),
    ("The 7-2 ruling struck down the county's map.", tally("7-2", "2", 7, 2)),
    ("In a 6-3 high court decision, the justices sided with the tenants.",
     tally("6-3", "3", 6, 3)),
    ("The jury returned an 11-1 verdict on Friday.", tally("11-1", "1", 11, 1)),
    ("The plan passed 218-212 on Friday.", tally("218-212", "212", 218, 212)),
    ("The union backed the deal in a 60 to 38 ballot of members.", tally("60 to 38", "38", 60, 38)),
]

NOT_TALLIES = [
    # Scores and results: no vote word.
    "The home side won 3-1 on Saturday and took a 2-0 lead into the break.",
    "The visitors beat the champions 102-98 in overtime.",
    "The final score was 4-1 after a late penalty decision.",
    # Phone numbers, years, ranges and codes near a vote word.
    "Call 555-1234 to vote in the reader poll.",
    "The vote is expected in 2-3 weeks.",
    "Members voted 2-3 times on the plan.",
    "Residents voted on the 2019-2020 budget.",
    "The committee voted for cuts of 10 to 15 percent.",
    "She voted for the COVID-19 relief bill.",
    "The panel voted on the 3-2-1 rule.",
    "Delegates voted 4-1.5 on nothing at all.",
    # A split of money or shares is no tally.
    "The partners agreed a 60-40 split of the profits.",
    "The company announced a 3-1 stock split.",
    # A margin is a game's too.
    "The hosts outrebounded them by a 44-26 margin.",
    # A vote word too far from the numbers.
    "The vote came after the team won 3-1 on Sunday.",
    "Route 66 voters backed the 4-lane plan.",
]


@pytest.mark.parametrize("text, expected", TALLIES + [(text, []) for text in NOT_TALLIES])
def test_tallies(quantities, text, expected):
    check(quantities, text, KIND, expected)


def test_a_tally_conflicts_with_another_on_both_sides(rules):
    """A 4-1 and a 3-2 of one vote cannot both be true: the judge finds the votes for apart."""
    from reconcile.extract import claims_from_text
    from reconcile.judge import judge

    first = [c for c in claims_from_text("The board voted 4-1 on the plan.", rules, source_id="a")
             if c.kind.value == KIND]
    second = [c for c in claims_from_text("The board voted 3-2 on the plan.", rules, source_id="b")
              if c.kind.value == KIND]
    for a, b in zip(first, second, strict=True):
        finding = judge("g", (a, b), {}, rules)
        assert finding.verdict.value == "conflict", (a.text, b.text, finding)
