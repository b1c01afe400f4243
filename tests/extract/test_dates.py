"""Table tests for date claims: absolute dates, relative phrases and how each is placed in time.

Each row is an invented news sentence, the publication date of its source, the story's date
(the latest publication date of the sources read with it) and the date claims a fact-checker
would want read from it, in order. Only date claims are compared (a sentence may also hold
counts or money); an empty list means the sentence holds no date at all. Fields a row does
not name are not compared.

The conventions the rows pin down:

- Relative phrases are placed against the publication date. A bare weekday is the most
  recent such day on or before it, the publication day itself included; "last Monday" is the
  most recent Monday strictly before, "next Monday" the first one after. Weeks run Monday to
  Sunday. "Earlier this month" runs from the 1st to the day before publication; early, mid
  and late MONTH are the 1st-10th, 11th-20th and 21st-end, "the beginning of MONTH" the
  1st-10th; a month alone is the whole month.
- A date without a year takes the year that puts it closest to publication, a date after
  publication counting three times as far.
- An undated source is read against the story's date, and its values say `inferred`; with no
  story date either, relative dates stay unresolved and a date without a year keeps its month
  and day. A dated source ignores the story's date. A date with its own year is never inferred.

Reference dates: 2018-07-19 was a Thursday, 2018-07-16 a Monday, 2018-07-22 a Sunday and
2019-01-05 a Saturday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile import claims_from_text
from reconcile.report.records import value_record

from .tables import check

KIND = "date"

THU = dt.date(2018, 7, 19)   # a Thursday
MON = dt.date(2018, 7, 16)   # a Monday
SUN = dt.date(2018, 7, 22)   # a Sunday
JAN5 = dt.date(2019, 1, 5)   # a Saturday, early in the year


def between(span, start, end, granularity, *, inferred=False, **fields):
    """An expected date claim placed in time: the days start..end, both included."""
    return span, {"start": start, "end": end, "resolved": True, "granularity": granularity,
                  "inferred": inferred, **fields}


def on(span, iso, *, inferred=False, **fields):
    """An expected date claim naming a single day (ISO)."""
    return between(span, iso, iso, "day", inferred=inferred, **fields)


def unplaced(span, granularity, **fields):
    """An expected date claim the text alone cannot place in time (no date to read it against)."""
    return span, {"start": None, "end": None, "resolved": False, "granularity": granularity,
                  "inferred": False, **fields}


# (text, published, story_date, expected claims)
ROWS = [
    # --- absolute dates with a year of their own: never inferred --------------------------
    ("The museum reopened on March 3, 2021, after two years of repairs.", THU, None,
     [on("March 3, 2021", "2021-03-03", month=3, day=3)]),
    ("Protesters filled the square outside parliament on 14 February 2019.", None, None,
     [on("14 February 2019", "2019-02-14", month=2, day=14)]),
    ("The audit was completed on 2018-07-19, the agency said.", None, None,
     [on("2018-07-19", "2018-07-19")]),
    ("The county first banned fireworks in 2016.", None, THU,
     [between("2016", "2016-01-01", "2016-12-31", "year")]),
    ("The textile factory reopened in March 2017 under new owners.", None, None,
     [between("March 2017", "2017-03-01", "2017-03-31", "month", month=3, day=None)]),
    # --- a day and month without a year: the year closest to publication -------------------
    ("The parade is scheduled for July 8.", THU, None,
     [on("July 8", "2018-07-08", month=7, day=8)]),
    ("The parade was held on July 8 despite the rain.", None, None,
     [unplaced("July 8", "day", month=7, day=8)]),
    ("Organisers cancelled the July 8 concert.", None, THU,
     [on("July 8", "2018-07-08", inferred=True, month=7, day=8)]),
    ("The mill, built in 1921, shut its doors on June 19.", THU, None,
     [between("1921", "1921-01-01", "1921-12-31", "year"),
      on("June 19", "2018-06-19", month=6, day=19)]),
    ("The storm made landfall on Aug 14, forecasters said.", None, JAN5,
     [on("Aug 14", "2018-08-14", inferred=True, month=8, day=14)]),
    ("The hearing began on Monday, July 9, in the county court.", THU, None,
     [on("Monday, July 9", "2018-07-09", month=7, day=9)]),
    ("The toy drive ended on December 20 with a record haul.", JAN5, None,
     [on("December 20", "2018-12-20", month=12, day=20)]),
    ("Tickets for the final go on sale on July 25.", THU, None,
     [on("July 25", "2018-07-25", month=7, day=25)]),
    # a future date counts three times as far: 190 days back beats 175 days ahead
    ("The walk-in clinic opened on 10 January.", THU, None,
     [on("10 January", "2018-01-10", month=1, day=10)]),
    # --- a month alone, after a preposition: the whole month -------------------------------
    ("The bridge has been closed since March.", THU, None,
     [between("March", "2018-03-01", "2018-03-31", "month", month=3, day=None)]),
    ("The bridge has been closed to traffic since March.", None, None,
     [unplaced("March", "month", month=3, day=None)]),
    ("The bakery on Elm Street opened in May.", None, THU,
     [between("May", "2018-05-01", "2018-05-31", "month", inferred=True, month=5)]),
    # --- parts of a month ------------------------------------------------------------------
    ("The heat wave peaked in late June.", THU, None,
     [between("late June", "2018-06-21", "2018-06-30", "part_of_month", month=6)]),
    ("Work on the pier started at the beginning of June.", THU, None,
     [between("the beginning of June", "2018-06-01", "2018-06-10", "part_of_month", month=6)]),
    ("Work on the new pier started at the beginning of June.", None, None,
     [unplaced("the beginning of June", "part_of_month", month=6, day=None)]),
    ("Crews resurfaced the runway in mid-June.", None, THU,
     [between("mid-June", "2018-06-11", "2018-06-20", "part_of_month", inferred=True, month=6)]),
    # --- weekdays: the most recent such day, the publication day included ------------------
    ("The governor signed the bill on Monday.", THU, None,
     [on("Monday", "2018-07-16")]),
    ("The election results were announced Thursday.", THU, None,
     [on("Thursday", "2018-07-19")]),
    ("On Tuesday, the board approved the school budget.", None, THU,
     [on("Tuesday", "2018-07-17", inferred=True)]),
    ("The strike began last Monday and talks resume next Monday.", MON, None,
     [on("last Monday", "2018-07-09"), on("next Monday", "2018-07-23")]),
    ("The trial resumes next Monday.", None, None,
     [unplaced("next Monday", "day")]),
    ("A fire broke out Tuesday night in a warehouse by the docks.", THU, None,
     [on("Tuesday night", "2018-07-17")]),
    ("A fire broke out Tuesday night in a disused warehouse.", None, None,
     [unplaced("Tuesday night", "day")]),
    ("Police were called to the scene at 10:48 p.m. on Tuesday.", THU, None,
     [on("Tuesday", "2018-07-17", time="10:48 p.m.")]),
    # --- yesterday, today, tomorrow --------------------------------------------------------
    ("Rain fell yesterday and today, and more is forecast for tomorrow.", THU, None,
     [on("yesterday", "2018-07-18"), on("today", "2018-07-19"), on("tomorrow", "2018-07-20")]),
    ("The morning ferry was cancelled yesterday.", None, THU,
     [on("yesterday", "2018-07-18", inferred=True)]),
    # --- weeks: Monday to Sunday -----------------------------------------------------------
    ("Inspectors visited the plant this week.", SUN, None,
     [between("this week", "2018-07-16", "2018-07-22", "week")]),
    # a dated source ignores the story's date
    ("The union called a strike last week.", THU, JAN5,
     [between("last week", "2018-07-09", "2018-07-15", "week")]),
    ("The nurses' union called a strike last week.", None, None,
     [unplaced("last week", "week")]),
    ("Voting on the new charter opens next week.", None, THU,
     [between("next week", "2018-07-23", "2018-07-29", "week", inferred=True)]),
    # --- months and years ------------------------------------------------------------------
    ("Earlier this month, the river burst its banks.", THU, None,
     [between("Earlier this month", "2018-07-01", "2018-07-18", "part_of_month")]),
    ("Earlier this month, the river burst its banks again.", None, None,
     [unplaced("Earlier this month", "part_of_month")]),
    ("Sales fell sharply last month after a record last year.", THU, None,
     [between("last month", "2018-06-01", "2018-06-30", "month"),
      between("last year", "2017-01-01", "2017-12-31", "year")]),
    ("Shop sales fell sharply last month after a record last year.", None, None,
     [unplaced("last month", "month"), unplaced("last year", "year")]),
    ("Home sales slowed last month, the agents' association said.", None, JAN5,
     [between("last month", "2018-12-01", "2018-12-31", "month", inferred=True)]),
    # --- the future tense turns a bare weekday forwards ------------------------------------
    ("The council will vote Tuesday on the budget.", THU, None, [on("Tuesday", "2018-07-24")]),
    ("The hearing is scheduled for Monday morning.", THU, None, [on("Monday morning", "2018-07-23")]),
    ("The council voted Tuesday on the budget.", THU, None, [on("Tuesday", "2018-07-17")]),
    # --- ranges: a month or year after "to"/"and" when one stands before it ---------------
    ("Between March and May, rents rose.", THU, None,
     [between("March", "2018-03-01", "2018-03-31", "month"), between("May", "2018-05-01", "2018-05-31", "month")]),
    ("Enrolment fell from 2019 to 2021.", THU, None,
     [between("2019", "2019-01-01", "2019-12-31", "year"), between("2021", "2021-01-01", "2021-12-31", "year")]),
    ("The law took effect in Jan. 2020.", THU, None, [between("Jan. 2020", "2020-01-01", "2020-01-31", "month")]),
    # --- February 29 falls only in a leap year ---------------------------------------------
    ("Filing closed Feb. 29.", dt.date(2025, 3, 1), None, [on("Feb. 29", "2024-02-29")]),
    # --- a part of the unit that is empty on the publication day names no day --------------
    ("Earlier this month, the shop reopened.", dt.date(2018, 7, 1), None,
     [unplaced("Earlier this month", "part_of_month")]),
    # --- a time of day belongs to the nearest date ----------------------------------------
    ("The ferry left at 6 a.m. Oct. 3 and docked Oct. 4 at noon.", dt.date(2018, 10, 8), None,
     [on("Oct. 3", "2018-10-03", time="6 a.m."), on("Oct. 4", "2018-10-04", time="noon")]),
    # --- names that hold a day or month are not dates --------------------------------------
    ("Shoppers crowded the mall on Black Friday.", THU, None, []),
    ("The story first ran in USA Today.", THU, None, []),
    ("Ray Smith and June Carter sang together.", THU, None, []),
    ("He handed the letter to May at noon.", THU, None, []),
    # --- not dates: stretches of time, vague time, recurrence, words that look like months --
    ("Ticket sales have slumped over the past month.", THU, None, []),
    ("Two bakeries have closed in the last week.", THU, None, []),
    ("Volunteers have served hot meals for the past two weeks.", None, None, []),
    ("Prices at the farmers' market have risen recently.", THU, None, []),
    ("Rents have climbed steadily in recent months.", None, THU, []),
    ("The book club meets every Monday.", THU, None, []),
    ("Residents may march to the town hall.", THU, None, []),
    ("May Chen won the spelling bee.", None, None, []),
    ("The deadline was moved to February 30.", THU, None, []),
    ("The ferry carried 2017 passengers.", THU, None, []),
]


def reader(rules, published, story_date):
    """Claims of a sentence as (kind, text, value record), read as a source of that date."""
    def read(text: str) -> list[tuple[str, str, dict]]:
        return [(c.kind.value, c.text, value_record(c.value))
                for c in claims_from_text(text, rules, published=published, story_date=story_date)]
    return read


@pytest.mark.parametrize("text, published, story_date, expected", ROWS)
def test_dates(rules, text, published, story_date, expected):
    check(reader(rules, published, story_date), text, KIND, expected)


@pytest.mark.parametrize("text, published, story_date", [row[:3] for row in ROWS])
def test_date_span_is_exact_substring(rules, text, published, story_date):
    for kind, span, _ in reader(rules, published, story_date)(text):
        if kind == KIND:
            assert span and span in text, span
