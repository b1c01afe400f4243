"""Table tests for the times-of-day module on its own: where a time stands, what it states, what joins it.

How times become date claims (with the day they are joined to) is pinned down in
test_dates.py; these rows test `times.find_clocks` and `times.joins` directly, in both packs.
"""

from __future__ import annotations

import pytest

from reconcile.extract.dates import date_rules
from reconcile.extract.times import find_clocks, joins


def times_of(rules, language):
    return date_rules(rules.for_language(language)).times


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


# (language, text, [(time as written, low, high, zone, UTC offset in minutes, half_day)])
CLOCK_ROWS = [
    ("en", "The first tremor struck at about 9.15am.", [("about 9.15am", "09:00", "09:30", None, None, False)]),
    ("en", "The vote closed at 16:00 +02:00.", [("16:00 +02:00", "16:00", "16:00", "+02:00", 120, False)]),
    ("en", "The gates shut at 8 p.m. CET.", [("8 p.m. CET", "20:00", "20:00", "CET", 60, False)]),
    ("en", "The roof fell in at 5:40 local time.", [("5:40 local time", "05:40", "05:40", "local time", None, True)]),
    ("en", "The ferry docked at 12 a.m. sharp.", [("12 a.m.", "00:00", "00:00", None, None, False)]),
    ("en", "Crowds gathered around noon and left at midnight.",
     [("around noon", "11:45", "12:15", None, None, False), ("midnight", "00:00", "00:00", None, None, False)]),
    ("en", "The march reached the square at lunchtime.", [("lunchtime", "12:00", "14:00", None, None, False)]),
    ("en", "By 11 p.m. Harbourtown time the fire was out.",
     [("11 p.m. Harbourtown time", "23:00", "23:00", "Harbourtown time", None, False)]),
    ("en", "The pumps stopped shortly before 14:00 GMT.",
     [("shortly before 14:00 GMT", "13:45", "14:00", "GMT", 0, False)]),
    ("es", "El corte empezó a las 10:30 horas.", [("10:30 horas", "10:30", "10:30", None, None, False)]),
    ("es", "Los bomberos llegaron hacia el mediodía.", [("hacia el mediodía", "11:45", "12:15", None, None, False)]),
    ("es", "El temblor se sintió a las 9 de la noche.", [("9 de la noche", "21:00", "21:00", None, None, False)]),
    # no time: decimals, scores, ratios, a lunchtime not said as a time
    ("en", "The index rose 9.15 points.", []),
    ("en", "The hosts won 3-1 in the final.", []),
    ("en", "Mix the paint in a 2:1 ratio.", []),
    ("en", "The lunchtime crowd was thin.", []),
]


@pytest.mark.parametrize("language, text, expected", CLOCK_ROWS)
def test_clocks(rules, language, text, expected):
    found = find_clocks(text, 0, len(text), times_of(rules, language))
    got = [(c.text, c.clock, c.zone, c.utc_offset, c.half_day) for c in found]
    assert got == [(t, (minutes(low), minutes(high)), zone, offset, half)
                   for t, low, high, zone, offset, half in expected]
    assert all(text[c.start:c.end] == c.text for c in found)


# (language, the words between a date and a time, whether they join them)
JOIN_ROWS = [
    ("en", " at ", True),
    ("en", ", ", True),
    ("en", " on the ", True),
    ("en", " ", True),
    ("en", " when the ", False),
    ("en", " and ", False),
    ("en", " at" + " " * 40, False),  # too far apart
    ("es", " a las ", True),
    ("es", " hacia las ", True),
    ("es", " y ", False),
]


@pytest.mark.parametrize("language, between, expected", JOIN_ROWS)
def test_what_joins_a_time_to_its_date(rules, language, between, expected):
    assert joins(between, 0, len(between), times_of(rules, language)) is expected
