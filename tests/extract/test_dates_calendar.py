"""Table tests for quarters of the year, weekdays beside capitalised words, and years before 1800.

Each row is an invented news sentence, the publication date of its source and the date claims
it must yield (only date claims are compared; an empty list means none).

The conventions the rows pin down:

- A quarter is three months (January to March is the first). With its year, or "of last
  year", it is placed by the calendar; without one, it is the quarter closest to publication
  (a quarter after publication counting three times as far), and it is read only where its
  sentence speaks of a year's quarters ("results", "GDP", "sales"): the second quarter of a
  game is no date. A quarter of a company's own year ("fiscal") is none either.
- A capitalised word before a weekday leaves it a date ("told the Gazette Monday"), save in a
  name the rules list ("Black Friday", "Good Friday").
- A year before 1800 is a date only after "in", "since" and the like, before a punctuation mark.

Reference dates: 2018-07-19 was a Thursday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile import claims_from_text
from reconcile.report.records import value_record

from .tables import check

KIND = "date"
THU = dt.date(2018, 7, 19)


def between(span, start, end, granularity, **fields):
    """An expected date claim placed in time: the days start..end, both included."""
    return span, {"start": start, "end": end, "resolved": True, "granularity": granularity, **fields}


def quarter(span, start, end):
    return between(span, start, end, "quarter")


def day(span, iso):
    return between(span, iso, iso, "day")


def reader(rules, published, language=None):
    def read(text: str) -> list[tuple[str, str, dict]]:
        return [(c.kind.value, c.text, value_record(c.value))
                for c in claims_from_text(text, rules, published=published, language=language)]
    return read


# (text, published, expected date claims)
QUARTER_ROWS = [
    ("Exports grew in the third quarter of 2016.", THU,
     [quarter("the third quarter of 2016", "2016-07-01", "2016-09-30")]),
    ("Second quarter 2021 sales beat forecasts.", THU, [quarter("Second quarter 2021", "2021-04-01", "2021-06-30")]),
    ("Profit at the brewer fell in the second quarter.", THU,
     [quarter("the second quarter", "2018-04-01", "2018-06-30")]),
    ("The fourth-quarter results were the weakest in years.", THU,
     [quarter("The fourth-quarter", "2017-10-01", "2017-12-31")]),
    ("Revenue in Q3 2015 rose by a fifth.", THU, [quarter("Q3 2015", "2015-07-01", "2015-09-30")]),
    ("GDP grew in the first quarter of last year.", THU,
     [quarter("the first quarter of last year", "2017-01-01", "2017-03-31")]),
    ("The April-June quarter was the weakest for sales.", THU,
     [quarter("The April-June quarter", "2018-04-01", "2018-06-30")]),
    ("Output slowed in the final quarter of 2017.", THU,
     [quarter("the final quarter of 2017", "2017-10-01", "2017-12-31")]),
    ("Sales at the chain rose in the 3rd quarter of 2016.", THU,
     [quarter("the 3rd quarter of 2016", "2016-07-01", "2016-09-30")]),
    ("Sales rose last quarter, the chain said.", THU, [quarter("last quarter", "2018-04-01", "2018-06-30")]),
    ("The chain expects sales to rise next quarter.", THU, [quarter("next quarter", "2018-10-01", "2018-12-31")]),
    ("Sales in the November-January quarter hit a record.", THU,
     [quarter("the November-January quarter", "2017-11-01", "2018-01-31")]),
    ("Profit at the brewer fell in the second quarter, it said.", None,
     [("the second quarter", {"start": None, "end": None, "resolved": False, "granularity": "quarter"})]),
    # games, fractions, places, a company's own year, models, and two months that are no quarter
    ("The home side scored twice in the second quarter.", THU, []),
    ("The team trailed by six after the first quarter.", THU, []),
    ("They lost the quarter-final on penalties.", THU, []),
    ("Bars in the French Quarter stayed open late.", THU, []),
    ("Earnings for the fiscal first quarter beat forecasts.", THU, []),
    ("Results for the second quarter of its financial year were late.", THU, []),
    ("He drove an Audi Q4 to the sales launch.", THU, []),
    ("The January-June quarter of sales is a myth.", THU, []),
]


@pytest.mark.parametrize("text, published, expected", QUARTER_ROWS)
def test_quarters(rules, text, published, expected):
    check(reader(rules, published), text, KIND, expected)


SPANISH_QUARTER_ROWS = [
    ("Las exportaciones crecieron en el tercer trimestre de 2016.",
     [quarter("el tercer trimestre de 2016", "2016-07-01", "2016-09-30")]),
    ("El beneficio del grupo cayó en el segundo trimestre.",
     [quarter("el segundo trimestre", "2018-04-01", "2018-06-30")]),
    ("El equipo remontó en el segundo trimestre del partido.", []),
]


@pytest.mark.parametrize("text, expected", SPANISH_QUARTER_ROWS)
def test_quarters_in_spanish(rules, text, expected):
    check(reader(rules, THU, language="es"), text, KIND, expected)


# (text, expected date claims), published on Thursday 2018-07-19
WEEKDAY_ROWS = [
    ("Also Tuesday, the regulator said it would appeal.", [day("Tuesday", "2018-07-17")]),
    ("Elsewhere Sunday, police closed the coast road.", [day("Sunday", "2018-07-15")]),
    ("The mayor told the Gazette Monday that the plan was dead.", [day("Monday", "2018-07-16")]),
    ("She wrote on Facebook Wednesday that she would resign.", [day("Wednesday", "2018-07-18")]),
    ("Meanwhile Thursday, shares in the brewer rose.", [day("Thursday", "2018-07-19")]),
    ("The union told Westbrook Radio Tuesday it would strike.", [day("Tuesday", "2018-07-17")]),
    ("Governor Ellis Friday signed the budget.", [day("Friday", "2018-07-13")]),
    # names that hold a weekday
    ("Shoppers crowded the mall on Black Friday.", []),
    ("The Good Friday agreement ended the fighting.", []),
    ("Churches were full on Easter Sunday.", []),
    ("Voters turned out in numbers on Super Tuesday.", []),
    ("The Ash Wednesday service began late.", []),
    ("Online sales peaked on Cyber Monday.", []),
    ("He was her Man Friday for years.", []),
    ("The update missed the usual Patch Tuesday.", []),
    ("Shrove Tuesday pancakes sold out by noon.", [("noon", {"granularity": "time"})]),
]


@pytest.mark.parametrize("text, expected", WEEKDAY_ROWS)
def test_weekdays_beside_capitalised_words(rules, text, expected):
    check(reader(rules, THU), text, KIND, expected)


def year(span, value):
    return between(span, f"{value}-01-01", f"{value}-12-31", "year")


# (text, expected date claims)
EARLY_YEAR_ROWS = [
    ("The old bridge has stood since 1520, the guide said.", [year("1520", 1520)]),
    ("Work on the nave began in 1163.", [year("1163", 1163)]),
    ("The abbey was sacked in 1536; its library burned.", [year("1536", 1536)]),
    ("The town fair has run every summer since 1604.", [year("1604", 1604)]),
    ("The bells were silent until 1702, when a new frame was built.", [year("1702", 1702)]),
    ("The chapel was consecrated in 1098.", [year("1098", 1098)]),
    ("The guild has met since 1450, its charter says.", [year("1450", 1450)]),
    # counts and amounts of four digits
    ("The charity handed out 1500 blankets.", []),
    ("In 1500 homes the lights went out.", []),
    ("The toll rose from 1200 to 1500.", []),
    ("The figure was 1750.", []),
    ("The count in the valley reached 1,345.", []),
    ("Prices rose by 1200, the agents said.", []),
    ("The bells rang 1200 times.", []),
    ("Tickets went to the first 1500.", []),
    ("The house at 1745 Mill Road burned down.", []),
    ("In 1600 cases the fee was waived.", []),
]


@pytest.mark.parametrize("text, expected", EARLY_YEAR_ROWS)
def test_years_before_1800(rules, text, expected):
    check(reader(rules, THU), text, KIND, expected)
