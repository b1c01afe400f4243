"""Table tests for duration claims: stretches of time with an amount, in days.

Each row gives a sentence and the duration claims a fact-checker expects from it, as
``(span, fields)`` pairs; only the fields named in a row are compared. ``unit`` is the unit's
rule name, ``low_days``/``high_days`` the days the duration allows (a month is 28 to 31 days, a
year 365 or 366). An empty list means the sentence holds no duration at all.
"""

from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract import claims_from_text
from reconcile.report.records import value_record

from .tables import check

KIND = "duration"


def days(amount, unit, low, high, qualifier="exact"):
    return {"amount": amount, "unit": unit, "qualifier": qualifier, "low_days": low, "high_days": high}


POSITIVE = [
    # Numbers and units, in words and digits.
    ("The utility has 45 days to answer the regulator.", [("45 days", days(45, "day", 45, 45))]),
    ("The ferry crossing was suspended for eight months.", [("eight months", days(8, "month", 224, 248))]),
    ("It has been 380 days since the plant shut.", [("380 days", days(380, "day", 380, 380))]),
    ("Crews worked through the night for 14 hours.", [("14 hours", days(14, "hour", 14 / 24, 14 / 24))]),
    ("The vote came three weeks after the storm.", [("three weeks", days(3, "week", 21, 21))]),
    ("The bridge took two decades to finish.", [("two decades", days(2, "decade", 7304, 7306))]),
    # Hyphenated, before a noun.
    ("Auditors began a three-year review of the hospital's accounts.",
     [("three-year", days(3, "year", 1095, 1098))]),
    ("The province declared a nine-month state of emergency.", [("nine-month", days(9, "month", 252, 279))]),
    ("The council ended a 14-month inquiry into the tram contract.",
     [("14-month", days(14, "month", 392, 434))]),
    ("The league handed the club a year-long ban.", [("year-long", days(1, "year", 365, 366))]),
    ("Voters backed a half-year pilot of free buses.", [("half-year", days(0.5, "year", 182.5, 183))]),
    # Qualifiers.
    ("The board must rule within 90 days.", [("within 90 days", days(90, "day", None, 90, "upper_bound"))]),
    ("The drought lasted more than five years.",
     [("more than five years", days(5, "year", 1825, None, "lower_bound"))]),
    ("The count took about six hours.",
     [("about six hours", days(6, "hour", 6 * 0.9 / 24, 6 * 1.1 / 24, "approximate"))]),
    ("Patients may stay for up to a week.", [("up to a week", days(1, "week", None, 7, "upper_bound"))]),
    ("The siege ended after more than an hour.",
     [("more than an hour", days(1, "hour", 1 / 24, None, "lower_bound"))]),
    ("The firm waited more than year-long for a ruling.",
     [("more than year-long", days(1, "year", 365, None, "lower_bound"))]),
    # Halves, ranges, a word between.
    ("The search went on for eight-and-a-half hours.",
     [("eight-and-a-half hours", days(8.5, "hour", 8.5 / 24, 8.5 / 24))]),
    ("The repairs will take two and a half years.", [("two and a half years", days(2.5, "year", 912.5, 915))]),
    ("Closures of three to five weeks are likely.",
     [("three to five weeks", {"amount": None, "qualifier": "range", "low_days": 21, "high_days": 35})]),
    ("Each shift lasts 10-12 hours.", [("10-12 hours", {"qualifier": "range", "low_days": 10 / 24, "high_days": 0.5})]),
    ("The miners spent nine long days below ground.", [("nine long days", days(9, "day", 9, 9))]),
    ("It is about a month's worth of output.",
     [("about a month's", days(1, "month", 25.2, 34.1, "approximate"))]),
    # Beside other claims, which keep their own words.
    ("The nine hikers were stranded for 23 days.", [("23 days", days(23, "day", 23, 23))]),
    ("A 30-year-old driver was held for 48 hours.", [("48 hours", days(48, "hour", 2, 2))]),
]

NEGATIVE = [
    # Ages.
    "A 22-year-old was arrested near the depot.",
    "The year-old baby slept through the storm.",
    "Two men, aged 19 and 20, were charged.",
    "The boy is 12 years old.",
    "A woman of 80 years was rescued from the flat.",
    "The pupils, aged between 11 and 15 years, were unhurt.",
    # Rates and frequencies.
    "Nurses work 12 hours a day.",
    "Staff are moving to a 40-hour week.",
    "The buses run twice a day.",
    "The shop is open 24/7 for deliveries.",
    # Dates and moments, not stretches of time.
    "Prices rose last month.",
    "The council met in the last week of June.",
    "A day after the vote, the mayor resigned.",
    "One day the river simply rose.",
    "The station will reopen on day 3 of the festival.",
    # Numbers that are no amounts of time.
    "Route 66 was closed near the border.",
    "Call 555-0142 for tickets.",
    "The home side won 3-1 on Sunday.",
    "In recent years the pier was neglected.",
    "Weeks later, the talks resumed.",
    "She finished third on the second day.",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_durations_found(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_duration(quantities, text):
    check(quantities, text, KIND, [])


@pytest.mark.parametrize("text, date", [
    ("Sales fell over the past month.", None),
    ("In the last week, the ward took in more patients.", None),
    ("The plant closed last month, two weeks after the fire.", "last month"),
])
def test_durations_and_dates_never_share_words(rules, text, date):
    """A span is a date or a duration, never both: "the past month" is neither."""
    claims = claims_from_text(text, rules, published=dt.date(2024, 5, 15))
    dates = [c for c in claims if c.kind.value == "date"]
    durations = [c for c in claims if c.kind.value == KIND]
    assert [c.text for c in dates] == ([date] if date else [])
    assert all(d.span.end <= t.span.start or t.span.end <= d.span.start for d in dates for t in durations)


@pytest.mark.parametrize("text, expected", [
    ("El sospechoso pasó ocho meses en prisión preventiva.", [("ocho meses", days(8, "month", 224, 248))]),
    ("La comisión abrió una investigación de dos años.", [("dos años", days(2, "year", 730, 732))]),
    ("La empresa tendrá que responder en 60 días.", [("60 días", days(60, "day", 60, 60))]),
    ("El rescate duró más de nueve horas.", [("más de nueve horas", days(9, "hour", 9 / 24, None, "lower_bound"))]),
    ("Un hombre de 45 años fue detenido.", []),
    ("Los enfermeros trabajan diez horas al día.", []),
])
def test_spanish_durations(rules, text, expected):
    def read(sentence):
        return [(c.kind.value, c.text, value_record(c.value))
                for c in claims_from_text(sentence, rules, language="es")]

    check(read, text, KIND, expected)
