"""Table tests for percent claims: "%", "percent", "per cent", "pct" and percentage points.

Each row is an invented news sentence and the percent claims a fact-checker would want read
from it, in order. Only percent claims are compared (a sentence may also hold counts or
money); an empty list means the sentence holds no percentage at all. The amount is the
number as written; the unit is "percentage point" for points and "percent" otherwise.
Fields a row does not name are not compared.
"""

from __future__ import annotations

import pytest

from .tables import check, expect

KIND = "percent"


def pct(span, amount=None, qualifier="exact", *, unit="percent", **bounds):
    """An expected percent claim."""
    return expect(span, amount, qualifier, unit=unit, **bounds)


def points(span, amount=None, qualifier="exact", **bounds):
    """An expected claim in percentage points."""
    return pct(span, amount, qualifier, unit="percentage point", **bounds)


ROWS = [
    # --- plain percentages --------------------------------------------------------------
    ("Unemployment in the county fell 1 percent over the summer.",
     [pct("1 percent", 1)]),
    ("Ticket sales rose 12% in the second quarter.",
     [pct("12%", 12)]),
    ("The new levy is set at 12.5 per cent of the sale price.",
     [pct("12.5 per cent", 12.5)]),
    ("Shares of the chipmaker jumped 7 pct in early trading.",
     [pct("7 pct", 7)]),
    ("The board approved a 3.2% raise for teachers.",
     [pct("3.2%", 3.2)]),
    ("Almost everyone agreed: 100% of the members voted yes.",
     [pct("100%", 100)]),
    ("Home prices in the valley have risen 200 percent since the mine opened.",
     [pct("200 percent", 200)]),
    ("The bank charges a 0.5% fee on foreign purchases.",
     [pct("0.5%", 0.5)]),
    ("Ten percent of the town's wells tested positive for lead.",
     [pct("Ten percent", 10)]),
    ("Officials said twenty-five per cent of the budget went to roads.",
     [pct("twenty-five per cent", 25)]),
    # --- percentage points --------------------------------------------------------------
    ("Support for the measure climbed 2 percentage points in a month.",
     [points("2 percentage points", 2)]),
    ("The central bank announced a 0.25 percentage point cut.",
     [points("0.25 percentage point", 0.25)]),
    ("The gap between the candidates narrowed by 1.5 percentage points.",
     [points("1.5 percentage points", 1.5)]),
    # --- bounds -------------------------------------------------------------------------
    ("More than 40% of registered voters stayed home.",
     [pct("More than 40%", 40, "lower_bound", low=40, high=None)]),
    ("At least 15 per cent of the harvest was lost to frost.",
     [pct("At least 15 per cent", 15, "lower_bound", low=15, high=None)]),
    ("Stores offered discounts of up to 70 percent.",
     [pct("up to 70 percent", 70, "upper_bound", low=None, high=70)]),
    ("Less than 1% of the applicants were accepted.",
     [pct("Less than 1%", 1, "upper_bound", low=None, high=1)]),
    ("Turnout was under 2% in the runoff.",
     [pct("under 2%", 2, "upper_bound", low=None, high=2)]),
    # --- approximations -----------------------------------------------------------------
    ("About 5% of the flights were cancelled.",
     [pct("About 5%", 5, "approximate", low=4.5, high=5.5)]),
    ("Nearly 30 percent of the students qualify for free lunches.",
     [pct("Nearly 30 percent", 30, "approximate", low=27, high=30)]),
    ("Roughly 60% of residents oppose the new stadium.",
     [pct("Roughly 60%", 60, "approximate", low=54, high=66)]),
    # --- ranges -------------------------------------------------------------------------
    ("Forecasters expect growth of 3 to 5 percent next year.",
     [pct("3 to 5 percent", None, "range", low=3, high=5)]),
    ("Economists expect rents to rise 3-5% this year.",
     [pct("3-5%", None, "range", low=3, high=5)]),
    ("Between 40 and 45 percent of the crop was sold abroad.",
     [pct("Between 40 and 45 percent", None, "range", low=40, high=45)]),
    ("Insurers warned premiums could rise between 3% and 5%.",
     [pct("between 3% and 5%", None, "range", low=3, high=5)]),
    ("Analysts put the expected drop at 12%-15%.",
     [pct("12%-15%", None, "range", low=12, high=15)]),
    # --- hyphenated adjectives, signs and leading decimal points --------------------------
    ("Workers accepted a 4.5-percent raise after the strike.",
     [pct("4.5-percent", 4.5)]),
    ("The economy shrank, with growth of -0.3% in the quarter.",
     [pct("-0.3%", -0.3)]),
    ("The card carries a .5% cash-back bonus.",
     [pct(".5%", 0.5)]),
    # --- two figures in one sentence are two claims, not a range ------------------------
    ("Inflation eased to 3.2%, down from 4.1% a year earlier.",
     [pct("3.2%", 3.2), pct("4.1%", 4.1)]),
    ("The tax rate went from 3% to 5% in a single year.",
     [pct("3%", 3), pct("5%", 5)]),
    ("The incumbent won 52% of the vote to her rival's 46%.",
     [pct("52%", 52), pct("46%", 46)]),
    # --- no percentages -----------------------------------------------------------------
    ("More than $20 million was raised for the new hospital wing.", []),
    ("The bridge was completed in 1932.", []),
    ("The festival opens on June 19 in the town square.", []),
    ("The last train leaves at 10:48 p.m. on weekdays.", []),
    ("A 15-year-old scored the winning goal.", []),
    ("The runner finished 2nd, just behind last year's champion.", []),
    ("For tickets, call 555-0199 before Friday.", []),
    ("Hospitals were strained during the COVID-19 surge.", []),
    ("The startup pledged to follow the 1-1-1 model.", []),
    ("Tourists still drive Route 66 for the nostalgia.", []),
    ("The phone maker released version 14.2 of its software.", []),
    ("The crisis line is open 24/7.", []),
    ("Pollsters track the percent of voters who are undecided.", []),
]


@pytest.mark.parametrize("text, expected", ROWS)
def test_percent(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text", [text for text, _ in ROWS])
def test_percent_span_is_exact_substring(quantities, text):
    for kind, span, _ in quantities(text):
        if kind == KIND:
            assert span and span in text, span


# A fraction in words of a whole ("two-thirds of the roof") is a share of it, in percent. A
# fraction that is no whole percent stands for the whole percents either side of it, so that
# "two-thirds" meets "66%" and "two thirds"; a qualifier before it works as on any number.
def share(span, low, high, amount):
    """An unqualified fraction that is no whole percent: the percents either side of it."""
    return pct(span, amount, "approximate", low=low, high=high)


FRACTIONS = [
    ("The storm tore off two-thirds of the roof.", [share("two-thirds", 66, 67, 200 / 3)]),
    ("Two thirds of residents backed the plan.", [share("Two thirds", 66, 67, 200 / 3)]),
    ("A third of voters stayed at home.", [share("A third", 33, 34, 100 / 3)]),
    ("Half of the staff signed the letter.", [pct("Half", 50)]),
    ("More than half of the staff signed the letter.", [pct("More than half", 50, "lower_bound", low=50, high=None)]),
    ("Nearly three-quarters of them were women.", [pct("Nearly three-quarters", 75, "approximate", low=67.5, high=75)]),
    ("The firm cut a quarter of its workforce.", [pct("a quarter", 25)]),
    ("Half of all workers got a raise.", [pct("Half", 50)]),
    ("Roughly one-tenth of the forest burned.", [pct("Roughly one-tenth", 10, "approximate", low=9, high=11)]),
    ("Four-fifths of Americans own a phone.", [pct("Four-fifths", 80)]),
    # No share of a whole: time, an ordinal half or third, a number after "of", no "of".
    ("She waited half an hour and tried a third time.", []),
    ("The team scored twice in the third quarter.", []),
    ("The first half of the match was dull.", []),
    ("The club sat in the bottom half of the table for half of the season's games.", [pct("half", 50)]),
    ("Half of the time the line is busy.", []),
    ("It rained for half of the year.", []),
    ("A quarter of a century later, half a million people came.", []),
    ("One-third owned their homes outright.", []),
    ("He ate half of one loaf.", []),
    ("Half the roof collapsed.", []),
]


@pytest.mark.parametrize("text, expected", FRACTIONS)
def test_fractions_of_a_whole(quantities, text, expected):
    check(quantities, text, KIND, expected)


def test_a_fraction_meets_its_percent(rules):
    """"two-thirds" is the same as "two thirds", compatible with "66%" and "67%", apart from "60%"."""
    from reconcile.extract import claims_from_text
    from reconcile.values import COMPATIBLE, CONFLICT, SAME, relation, value_rules

    def claim(text):
        return next(c for c in claims_from_text(text, rules) if c.kind.value == KIND)

    compiled = value_rules(rules)
    fraction = claim("Two-thirds of the roof burned.")
    assert relation(fraction, claim("Two thirds of the roof burned."), compiled) == SAME
    assert relation(fraction, claim("Officials said 66% of the roof burned."), compiled) == COMPATIBLE
    assert relation(fraction, claim("Officials said 67% of the roof burned."), compiled) == COMPATIBLE
    assert relation(fraction, claim("Officials said 60% of the roof burned."), compiled) == CONFLICT
