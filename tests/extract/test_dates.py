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


def on(span, iso, *, inferred=False, granularity="day", **fields):
    """An expected date claim naming a single day (ISO); a time of day on it is of granularity time."""
    return between(span, iso, iso, granularity, inferred=inferred, **fields)


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
     [on("10:48 p.m.", "2018-07-17", granularity="time", clock=["22:48", "22:48"]),
      on("Tuesday", "2018-07-17", time="10:48 p.m.", clock=["22:48", "22:48"])]),
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
     [on("6 a.m.", "2018-10-03", granularity="time"), on("Oct. 3", "2018-10-03", time="6 a.m."),
      on("Oct. 4", "2018-10-04", time="noon"), on("noon", "2018-10-04", granularity="time")]),
    # --- names that hold a day or month are not dates --------------------------------------
    ("Shoppers crowded the mall on Black Friday.", THU, None, []),
    ("The story first ran in USA Today.", THU, None, []),
    ("Ray Smith and June Carter sang together.", THU, None, []),
    ("He handed the letter to May at noon.", THU, None,
     [unplaced("noon", "time", time="noon", clock=["12:00", "12:00"])]),
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



def year(span, first, last=None, granularity="year"):
    """An expected date claim of whole years: `first` to `last` (or `first` alone)."""
    return between(span, f"{first}-01-01", f"{last or first}-12-31", granularity)


# Class 4 of issue 20: years, decades and centuries are dates of year granularity or wider,
# never counts; a year in a name is no date. (text, expected date claims)
YEAR_ROWS = [
    ("Tenants of the 1972 tower say the lifts fail weekly.", [year("1972", 1972)]),
    ("The terraces were built in the 1950s for dock workers.", [year("1950s", 1950, 1959, "decade")]),
    ("The ferry has run at a loss since 2009.", [year("2009", 2009)]),
    ("Landlords ignored a 2014 law on damp homes.", [year("2014", 2014)]),
    ("The dispute over the weir dates back to 2011.", [year("2011", 2011)]),
    ("The mill breached a 2015 order on river discharges.", [year("2015", 2015)]),
    ("Its 2016 report found no fault with the brakes.", [year("2016", 2016)]),
    ("An earlier 2013 audit was never published.", [year("2013", 2013)]),
    ("The bandstand went up in the 1890s, the society says.", [year("1890s", 1890, 1899, "decade")]),
    ("The hall was last repainted in the 1980's.", [year("1980's", 1980, 1989, "decade")]),
    ("The choir sang songs from the sixties.", [year("the sixties", 1960, 1969, "decade")]),
    ("A 14th-century crypt lies under the nave.", [year("14th-century", 1301, 1400, "century")]),
    ("The organ was rebuilt in the 18th century.", [year("18th century", 1701, 1800, "century")]),
    ("Fares rose every year from 2015 to 2019.", [year("2015", 2015), year("2019", 2019)]),
    ("The county has kept records since 1850, the clerk said.", [year("1850", 1850)]),
    ("A 1998 agreement set the border along the ridge.", [year("1998", 1998)]),
    ("Their 2021 budget cut the library's hours.", [year("2021", 2021)]),
    # names, counts, labels and codes: no date
    ("The emirate's Vision 2030 plan is behind schedule.", []),
    ("The old terminals still ran Windows 2000.", []),
    ("Traffic on Route 66 was diverted.", []),
    ("Call the council helpline on 0800 555 0199 for details.", []),
    ("The hosts won 3-1 after extra time.", []),
    ("The airline grounded its Boeing 737 jets.", []),
    ("A memorial to the 9/11 attacks stands by the river.", []),
    ("The storm damaged 1,972 homes along the coast.", []),
    ("The ferry carried the 2017 passengers home.", []),
    ("The clinic at 1954 Harbour Road has closed.", []),
    ("The museum holds 2000 letters from the front.", []),
    ("The council approved a 1500-page plan.", []),
]


@pytest.mark.parametrize("text, expected", YEAR_ROWS)
def test_years_and_decades(rules, text, expected):
    check(reader(rules, THU, None), text, KIND, expected)


def at(span, low, high, *, zone=None, offset=None, **fields):
    """An expected time of day with no day stated: its clock interval, zone and UTC offset."""
    wanted = {"start": None, "end": None, "resolved": False, "granularity": "time", "clock": [low, high], **fields}
    if zone is not None:
        wanted["zone"] = zone
    if offset is not None:
        wanted["utc_offset"] = offset
    return span, wanted


# Class 5 of issue 20: times of day, on the date they are joined to or as a date claim of
# their own, with their zone. (text, expected date claims)
TIME_ROWS = [
    ("The first tremor was felt at about 9.15am.", [at("about 9.15am", "09:00", "09:30")]),
    ("Crowds began to gather around noon.", [at("around noon", "11:45", "12:15")]),
    ("The polls closed shortly before 14:00 GMT.",
     [at("shortly before 14:00 GMT", "13:45", "14:00", zone="GMT", offset="+00:00")]),
    ("The convoy set off at 6.45 p.m. local time.", [at("6.45 p.m. local time", "18:45", "18:45", zone="local time")]),
    ("The alarm sounded at 10:48 p.m.", [at("10:48 p.m.", "22:48", "22:48")]),
    ("The last train left at 23:10 UTC.", [at("23:10 UTC", "23:10", "23:10", zone="UTC", offset="+00:00")]),
    ("The vote closed at 16:00 +02:00.", [at("16:00 +02:00", "16:00", "16:00", zone="+02:00", offset="+02:00")]),
    ("The gates opened at 8 a.m. CET.", [at("8 a.m. CET", "08:00", "08:00", zone="CET", offset="+01:00")]),
    ("A second blast followed around 2am.", [at("around 2am", "01:45", "02:15")]),
    ("The lights went out at midnight.", [at("midnight", "00:00", "00:00")]),
    ("The march reached the square at lunchtime.", [at("lunchtime", "12:00", "14:00")]),
    ("By 11 p.m. Harbourtown time the fire was out.", [at("11 p.m. Harbourtown time", "23:00", "23:00",
                                                          zone="Harbourtown time")]),
    ("The pumps stopped just after 4 pm.", [at("just after 4 pm", "16:00", "16:15")]),
    ("The ferry docked at 12 a.m. sharp.", [at("12 a.m.", "00:00", "00:00")]),
    ("Power failed at 10:25 p.m. on Tuesday.", [on("10:25 p.m.", "2018-07-17", granularity="time"),
                                                on("Tuesday", "2018-07-17", time="10:25 p.m.")]),
    ("The bridge reopened on July 3 at 7:30 a.m.", [on("July 3", "2018-07-03", time="7:30 a.m.",
                                                       clock=["07:30", "07:30"]),
                                                    on("7:30 a.m.", "2018-07-03", granularity="time")]),
    ("The pumps failed yesterday around 2am.", [on("yesterday", "2018-07-18", clock=["01:45", "02:15"]),
                                                on("around 2am", "2018-07-18", granularity="time")]),
    ("Gunfire was heard Tuesday night near the port.", [on("Tuesday night", "2018-07-17", clock=["18:00", "06:00"])]),
    ("The roof caved in this morning.", [on("this morning", "2018-07-19", clock=["06:00", "12:00"])]),
    ("A fire broke out this evening in the old mill.", [on("this evening", "2018-07-19", clock=["18:00", "22:00"])]),
    # no time: decimals, scores, ratios, the morning as a noun
    ("The index rose 9.15 points.", []),
    ("The hosts won 3-1 in the final.", []),
    ("The morning ferry was full.", []),
    ("Mix the paint in a 2:1 ratio.", []),
]


@pytest.mark.parametrize("text, expected", TIME_ROWS)
def test_times_of_day(rules, text, expected):
    check(reader(rules, THU, None), text, KIND, expected)


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


# How two stated times compare: in UTC where both zones are known, as written where neither
# is; "about" widens a time by a quarter of an hour; an English "5:40" may be the evening.
# (sentence, sentence, relation of their last date claims)
TIME_RELATIONS = [
    ("The polls closed at 14:00 GMT.", "The polls closed at 16:00 CEST.", "same"),
    ("The polls closed at 14:00 UTC.", "The polls closed at 15:00 UTC.", "conflict"),
    ("The polls closed at 14:00 GMT.", "The polls closed at 4 p.m.", "compatible"),
    ("The engine failed around 3 a.m. local time.", "The engine failed around 4am.", "conflict"),
    ("The engine failed about 2am.", "The engine failed at 2am local time.", "compatible"),
    ("The roof fell in at about 5:40 local time.", "The roof fell in at around 5:50 pm local time.", "compatible"),
    ("The roof fell in Tuesday night.", "The roof fell in Tuesday at 11 p.m.", "compatible"),
    ("The tower was built in the 1950s.", "The tower was built in 1955.", "compatible"),
    ("The tower was built in the 1950s.", "The tower was built in 1962.", "conflict"),
    ("The mill broke a 2015 order.", "The mill broke a 2014 order.", "conflict"),
]


@pytest.mark.parametrize("first, second, expected", TIME_RELATIONS)
def test_time_and_year_relations(rules, first, second, expected):
    from reconcile.values import relation, value_rules

    def last_date(text):
        return [c for c in claims_from_text(text, rules, published=THU) if c.kind.value == KIND][-1]
    assert relation(last_date(first), last_date(second), value_rules(rules)) == expected
