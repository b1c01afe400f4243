"""Durations read from other claims: the stretch between two dates, and a difference after a duration.

"from Saturday to Monday" states how long something went on as well as two days: it is a
duration over the whole phrase, from the time between the two dates to the time both cover,
beside the two date claims, which stay. "took seven hours, two fewer than the first" states a
second duration in the unit of the first. Every sentence is invented; sources are published on
Friday 3 May 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import claims_from_text
from reconcile.report.records import value_record

from .tables import check

FRIDAY = dt.date(2024, 5, 3)
HOUR = 1 / 24


@pytest.fixture
def read(rules):
    def claims(text: str) -> list[tuple[str, str, dict]]:
        return [(c.kind.value, c.text, value_record(c.value)) for c in claims_from_text(text, rules, published=FRIDAY)]

    return claims


def between(unit, low, high, amount=None, qualifier="range"):
    return {"amount": amount, "unit": unit, "qualifier": qualifier, "low_days": low, "high_days": high}


SPANS = [
    # Two days: from the end of the first to the start of the second, up to both whole.
    ("The pupils were brought out from Saturday to Monday.", "from Saturday to Monday", ["Saturday", "Monday"],
     between("day", 1, 3)),
    ("The ward was shut between Monday and Wednesday.", "between Monday and Wednesday", ["Monday", "Wednesday"],
     between("day", 1, 3)),
    ("The fair ran from April 2 to April 9.", "from April 2 to April 9", ["April 2", "April 9"],
     between("day", 6, 8)),
    ("Ferries were idle from Monday through Thursday.", "from Monday through Thursday", ["Monday", "Thursday"],
     between("day", 2, 4)),
    # Months, years and decades.
    ("Roadworks lasted from March until June.", "from March until June", ["March", "June"],
     between("month", 61, 122)),
    ("The mill was closed between 2015 and 2018.", "between 2015 and 2018", ["2015", "2018"],
     between("year", 731, 1461)),  # 2016 has 366 days
    ("She chaired the board from 2001 to 2002.", "from 2001 to 2002", ["2001", "2002"], between("year", 0, 730)),
    # Two times of day: the second is the next one after the first.
    ("The blaze burned from 6.50pm until 3.30am.", "from 6.50pm until 3.30am", ["6.50pm", "3.30am"],
     between("minute", 520 / 1440, 520 / 1440, amount=520, qualifier="exact")),
    ("Polls are open from 7 a.m. to 8 p.m.", "from 7 a.m. to 8 p.m.", ["7 a.m.", "8 p.m."],
     between("minute", 13 * HOUR, 13 * HOUR, amount=780, qualifier="exact")),
]


@pytest.mark.parametrize("text, span, dates, fields", SPANS)
def test_two_dates_make_a_stretch_and_stay_dates(read, text, span, dates, fields):
    check(read, text, "duration", [(span, fields)])
    assert [written for kind, written, _ in read(text) if kind == "date"] == dates


NO_SPANS = [
    # No opener, or the dates do not face each other across a joiner.
    "The office is open Monday through Friday.",
    "The council met on Monday and the board on Wednesday.",
    "From Monday, buses will stop at the new depot; to Tuesday's meeting nobody came.",
    # One date, not two.
    "Repairs start from Monday.",
    # The second date before the first.
    "The count ran from Thursday to Monday of that week, officials said.",
    # Numbers that are no dates.
    "Fares rose from 5 to 7 dollars.",
    "Between 20 and 30 people waited outside.",
    # A day and a time of day do not make a stretch.
    "The shelter stayed open from Monday to 9 p.m.",
]


@pytest.mark.parametrize("text", NO_SPANS)
def test_no_stretch_between_dates(read, text):
    check(read, text, "duration", [])


DIFFERENCES = [
    ("The second dive took seven hours, two fewer than the first.", [
        ("seven hours", between("hour", 7 * HOUR, 7 * HOUR, amount=7, qualifier="exact")),
        ("two fewer than", between("hour", 2 * HOUR, 2 * HOUR, amount=2, qualifier="exact"))]),
    ("The hearing lasted about six days, one more than planned.", [
        ("about six days", between("day", 5.4, 6.6, amount=6, qualifier="approximate")),
        ("one more than", between("day", 1, 1, amount=1, qualifier="exact"))]),
    ("The crossing took 14 minutes, three less than last year.", [
        ("14 minutes", between("minute", 14 / 1440, 14 / 1440, amount=14, qualifier="exact")),
        ("three less than", between("minute", 3 / 1440, 3 / 1440, amount=3, qualifier="exact"))]),
    ("Her term was four years, two shorter than his.", [
        ("four years", between("year", 1460, 1464, amount=4, qualifier="exact")),
        ("two shorter than", between("year", 730, 732, amount=2, qualifier="exact"))]),
    ("The flight took 11 hours, three longer than scheduled.", [
        ("11 hours", between("hour", 11 * HOUR, 11 * HOUR, amount=11, qualifier="exact")),
        ("three longer than", between("hour", 3 * HOUR, 3 * HOUR, amount=3, qualifier="exact"))]),
    ("The appeal took 18 months, six fewer than the first trial.", [
        ("18 months", between("month", 504, 558, amount=18, qualifier="exact")),
        ("six fewer than", between("month", 168, 186, amount=6, qualifier="exact"))]),
    ("The shutdown lasted 35 days, 14 more than the last one.", [
        ("35 days", between("day", 35, 35, amount=35, qualifier="exact")),
        ("14 more than", between("day", 14, 14, amount=14, qualifier="exact"))]),
    ("Voting lasted three weeks, one more than in the spring, officials said.", [
        ("three weeks", between("week", 21, 21, amount=3, qualifier="exact")),
        ("one more than", between("week", 7, 7, amount=1, qualifier="exact"))]),
]


@pytest.mark.parametrize("text, expected", DIFFERENCES)
def test_a_difference_after_a_duration_counts_its_unit(read, text, expected):
    check(read, text, "duration", expected)


@pytest.mark.parametrize("text, spans", [
    # A count after the comma, not a difference in time.
    ("The search took three days, two more people were found.", ["three days"]),
    ("The ride took 20 minutes, and 5 fewer buses ran.", ["20 minutes"]),
    # No number, or no comparison, after the comma.
    ("The storm lasted four hours, more than forecast.", ["four hours"]),
    ("The trial lasted 12 days, two of them in secret.", ["12 days"]),
    # Not set off by a comma.
    ("Talks lasted two weeks and two more than that were planned.", ["two weeks"]),
    ("The repairs took four weeks; two more than that were needed.", ["four weeks"]),
    # A number with its own unit is a duration of its own.
    ("He waited two hours, 30 minutes longer than she did.", ["two hours", "30 minutes"]),
])
def test_no_difference_without_a_number_and_a_comparison(read, text, spans):
    assert [written for kind, written, _ in read(text) if kind == "duration"] == spans
