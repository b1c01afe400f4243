"""Table tests for dates counted from publication: "two weeks ago", "over the weekend", "last night".

Each row is an invented news sentence, the publication date of its source and the date claims
it must yield (only date claims are compared; an empty list means none).

The conventions the rows pin down:

- A stretch counted back ("N units ago") is the days that far before publication. Without a
  qualifier it is approximate by the rules' band (0.9 to 1.1 times the stretch, whole days
  rounded outwards: "a week ago" is 6 to 8 days back); "about" and "nearly" set their own bands;
  "more than a year ago" is any day a year or more back (an open start, printed as null); "less than
  a month ago" any day of the last month, publication included. Its granularity follows the
  unit. A vague stretch ("a few days ago", "years ago") is no date.
- "this past week" is the latest week that began before the publication day; "over the
  weekend" and "the past weekend" the latest weekend that began before it (in a Sunday paper,
  that very weekend), or in a clause about the future the weekend of the publication week.
- An undated source leaves them unplaced, as any relative date.

Reference dates: 2018-07-19 was a Thursday, 2018-07-16 a Monday, 2018-07-21 a Saturday and
2018-07-22 a Sunday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile import claims_from_text
from reconcile.report.records import value_record

from .tables import check

KIND = "date"
THU = dt.date(2018, 7, 19)
MON = dt.date(2018, 7, 16)
SAT = dt.date(2018, 7, 21)
SUN = dt.date(2018, 7, 22)


def between(span, start, end, granularity, **fields):
    """An expected date claim placed in time: the days start..end, both included."""
    return span, {"start": start, "end": end, "resolved": True, "granularity": granularity, **fields}


def unplaced(span, granularity):
    """An expected date claim the text alone cannot place (no publication date)."""
    return span, {"start": None, "end": None, "resolved": False, "granularity": granularity}


def reader(rules, published, story_date=None, language=None):
    def read(text: str) -> list[tuple[str, str, dict]]:
        return [(c.kind.value, c.text, value_record(c.value))
                for c in claims_from_text(text, rules, published=published, story_date=story_date,
                                          language=language)]
    return read


# (text, published, expected date claims)
AGO_ROWS = [
    ("The depot flooded two weeks ago, residents said.", THU,
     [between("two weeks ago", "2018-07-03", "2018-07-07", "week")]),
    ("The mill on the canal closed 10 days ago.", THU, [between("10 days ago", "2018-07-08", "2018-07-10", "day")]),
    ("The ferry ran aground a week ago.", THU, [between("a week ago", "2018-07-11", "2018-07-13", "week")]),
    ("The inquiry into the tram began more than a year ago.", THU,
     [between("more than a year ago", None, "2017-07-19", "year")]),
    ("The lease on the hall ran out less than a month ago.", THU,
     [between("less than a month ago", "2018-06-18", "2018-07-19", "month")]),
    ("The tower was sold about three months ago.", THU,
     [between("about three months ago", "2018-04-07", "2018-05-05", "month")]),
    ("The pier burned nearly a decade ago.", THU,
     [between("nearly a decade ago", "2008-07-18", "2009-07-20", "decade")]),
    ("The choir first sang twenty-five years ago.", THU,
     [between("twenty-five years ago", "1990-12-28", "1996-01-24", "year")]),
    ("The singer left the stage nearly half a century ago.", THU,
     [between("nearly half a century ago", "1968-07-18", "1973-07-20", "century")]),
    ("The canal opened a hundred years ago.", THU,
     [between("a hundred years ago", "1908-04-27", "1928-08-10", "year")]),
    ("The merger talks collapsed just over two years ago.", THU,
     [between("just over two years ago", None, "2016-07-19", "year")]),
    ("She joined the board in 2011, seven years ago.", THU,
     [between("2011", "2011-01-01", "2011-12-31", "year"),
      between("seven years ago", "2010-10-30", "2012-04-02", "year")]),
    ("The depot flooded two weeks ago, residents recall.", None, [unplaced("two weeks ago", "week")]),
    # vague stretches, stretches with no "ago", and words that hold the letters
    ("It all happened years ago.", THU, []),
    ("A few days ago the river rose again.", THU, []),
    ("Long ago the valley was a lake.", THU, []),
    ("The ceremony took place several months ago.", THU, []),
    ("Two years on, the town has recovered.", THU, []),
    ("Two weeks later the team flew to Chicago.", THU, []),
    ("Some time ago the council met in secret.", THU, []),
]


@pytest.mark.parametrize("text, published, expected", AGO_ROWS)
def test_stretches_counted_back(rules, text, published, expected):
    check(reader(rules, published), text, KIND, expected)


def test_an_undated_source_is_read_against_the_story_date(rules):
    check(reader(rules, None, THU), "The ferry ran aground a week ago.", KIND,
          [between("a week ago", "2018-07-11", "2018-07-13", "week", inferred=True)])


SPANISH_AGO_ROWS = [
    ("La fábrica de Valdeverde cerró hace dos semanas.",
     [between("hace dos semanas", "2018-07-03", "2018-07-07", "week")]),
    ("El juicio empezó hace más de un año.", [between("hace más de un año", None, "2017-07-19", "year")]),
    ("La torre se vendió hace unos tres meses.",
     [between("hace unos tres meses", "2018-04-07", "2018-05-05", "month")]),
    ("La cooperativa funciona desde hace dos años.", []),
    ("Lo hace dos veces al año.", []),
]


@pytest.mark.parametrize("text, expected", SPANISH_AGO_ROWS)
def test_stretches_counted_back_in_spanish(rules, text, expected):
    check(reader(rules, THU, language="es"), text, KIND, expected)


# (text, published, expected date claims)
WEEK_ROWS = [
    ("The board voted this past week to sell the depot.", SAT,
     [between("this past week", "2018-07-16", "2018-07-22", "week")]),
    ("The board voted this past week to sell the depot.", MON,
     [between("this past week", "2018-07-09", "2018-07-15", "week")]),
    ("Four climbers were rescued over the weekend.", MON,
     [between("over the weekend", "2018-07-14", "2018-07-15", "week")]),
    ("Four climbers were rescued over the weekend.", SUN,
     [between("over the weekend", "2018-07-21", "2018-07-22", "week")]),
    ("Four climbers were rescued over the weekend.", SAT,
     [between("over the weekend", "2018-07-14", "2018-07-15", "week")]),
    ("Over the weekend, the river broke its banks.", THU,
     [between("Over the weekend", "2018-07-14", "2018-07-15", "week")]),
    ("Talks will continue over the weekend.", THU,
     [between("over the weekend", "2018-07-21", "2018-07-22", "week")]),
    ("Two shops were looted the past weekend.", MON,
     [between("the past weekend", "2018-07-14", "2018-07-15", "week")]),
    ("The fair drew big crowds this past weekend.", SUN,
     [between("this past weekend", "2018-07-21", "2018-07-22", "week")]),
    ("Two men were arrested at the weekend.", THU,
     [between("at the weekend", "2018-07-14", "2018-07-15", "week")]),
    ("The pumps failed earlier this week.", THU,
     [between("earlier this week", "2018-07-16", "2018-07-18", "week")]),
    ("The pumps failed last weekend.", THU, [between("last weekend", "2018-07-14", "2018-07-15", "week")]),
    ("A fire broke out last night at the depot.", THU,
     [between("last night", "2018-07-18", "2018-07-18", "day", clock=["18:00", "06:00"])]),
    ("Four climbers were rescued over the weekend, police said.", None, [unplaced("over the weekend", "week")]),
    ("Police shot her last night after a chase.", THU,
     [between("last night", "2018-07-18", "2018-07-18", "day", clock=["18:00", "06:00"])]),
    # stretches of time, recurrence, the last night of something
    ("Rents have risen over the past week.", THU, []),
    ("The market opens every weekend.", THU, []),
    ("It was the last night of the fair.", THU, []),
    ("Weekend traffic on the bypass was heavy.", THU, []),
]


@pytest.mark.parametrize("text, published, expected", WEEK_ROWS)
def test_weeks_and_weekends(rules, text, published, expected):
    check(reader(rules, published), text, KIND, expected)


# A time in the small hours joined to a night is the morning after, as the night counts it
# (minutes past the night's day: 2am is 26:00); any other time stays on its day.
# (text, the clock of every date claim, in minutes)
NIGHT_ROWS = [
    ("A diver died last night about 2am, officials said.", [(1545, 1575), (1545, 1575)]),
    ("The roof fell in Tuesday night at 11 p.m.", [(1380, 1380), (1380, 1380)]),
    ("The roof fell in Tuesday night at 5:30 a.m.", [(1770, 1770), (1770, 1770)]),
    ("The roof fell in on Tuesday at 2am.", [(120, 120), (120, 120)]),
    ("The ferry sank last night.", [(1080, 1800)]),
]


@pytest.mark.parametrize("text, clocks", NIGHT_ROWS)
def test_small_hours_after_a_night(rules, text, clocks):
    found = [c.value.clock for c in claims_from_text(text, rules, published=THU) if c.kind.value == KIND]
    assert found == clocks
