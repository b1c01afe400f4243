"""Excerpts and scraped pages: a claim cut by where the text begins or ends is dropped, not half-read.

A text that ends without closing punctuation was cut out of a longer one: its last word may be
part of a word, so a claim followed by no more than that word may have lost its scale or unit.
A text that opens on a lower-case letter was cut at its start: its first word may have lost its
beginning. Debris (bullets, doubled punctuation) is never a claim.
"""

from __future__ import annotations

import pytest

from reconcile import claims_from_text


@pytest.mark.parametrize("text, expected", [
    # Cut at the end: the claim touching the cut is dropped ...
    ("The appeal had raised $2.5 mil", []),
    ("The appeal had raised $2.5", []),
    ("Rescuers found the 12 boy", []),
    ("Crews saved 40 homes", []),
    ("The levee held for 14 kilo", []),
    ("Turnout reached 61 per", []),
    # ... the others stay.
    ("Crews saved 40 homes on Monday, and the fire", [("count", "40 homes"), ("date", "Monday")]),
    ("The appeal had raised $2.5 million by Friday, and the council gave tw", [
        ("money", "$2.5 million"), ("date", "Friday")]),
    ("Turnout reached 61 percent, the clerk said, while in the north it was und", [("percent", "61 percent")]),
    # Whole texts keep every claim, even one at their very end.
    ("Crews saved 40 homes.", [("count", "40 homes")]),
    ("The appeal had raised $2.5 million.", [("money", "$2.5 million")]),
    ("The vote is on March 3!", [("date", "March 3")]),
    ("\u201cWe saved 40 homes,\u201d he said.", [("quote", "We saved 40 homes,"), ("count", "40 homes")]),
    ("Crews saved 40 homes (and two barns)", [("count", "40 homes"), ("count", "two barns")]),
    # Cut at the start: the first word may be the end of a longer one.
    ("llion euros were pledged on Tuesday by 40 donors.", [("date", "Tuesday"), ("count", "40 donors")]),
    ("teen people were hurt when 3 buses collided on Monday.", [("count", "3 buses"), ("date", "Monday")]),
    # A text may open on a digit or a capital: headlines do.
    ("12 hurt as bus overturns on Monday.", [("count", "12 hurt"), ("date", "Monday")]),
    ("Forty homes were lost on Monday.", [("count", "Forty homes"), ("date", "Monday")]),
    # Debris around claims is no claim and hides none.
    ("\u2022 12 people were hurt on Monday.", [("count", "12 people"), ("date", "Monday")]),
    ("[1234567] The fire destroyed 40 homes.", [("count", "40 homes")]),
    ("The fire destroyed 40 homes. [3]", [("count", "40 homes")]),
    ("Police said.. 40 homes were lost on Monday.", [("count", "40 homes"), ("date", "Monday")]),
    ("Police said 40 homes were lost ,, and 12 people were hurt.", [("count", "40 homes"), ("count", "12 people")]),
])
def test_a_claim_cut_by_the_excerpt_is_dropped(rules, text, expected):
    assert [(c.kind.value, c.text) for c in claims_from_text(text, rules)] == expected
