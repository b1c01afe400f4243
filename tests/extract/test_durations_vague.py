"""Vague durations: a stretch of time stated with no number.

A unit alone in the plural is a stretch of time where the words around it ask for one ("for
hours", "within minutes", "months of talks"): from two of the unit to the most news writes that
way (`vague_plurals` in durations.yaml: "hours" are 2 to 47, "months" 2 to 23, "years" two or
more). A vague number names its own bounds ("hundreds of years"). A plural that names a period
of the calendar ("in recent months", "the months of July and August") is no stretch of time.
Every sentence is invented.
"""

from __future__ import annotations

import pytest

from reconcile.extract import claims_from_text
from reconcile.report.records import value_record

from .tables import check

HOUR = 1 / 24
MINUTE = 1 / 1440


def vague(unit, low, high, qualifier="vague"):
    return {"amount": None, "unit": unit, "qualifier": qualifier, "low_days": low, "high_days": high}


POSITIVE = [
    # A plural before "of" and what filled the time.
    ("The deal came after months of bargaining.", "months", vague("month", 56, 713)),
    ("Years of neglect left the pier unsafe.", "Years", vague("year", 730, None)),
    ("The strike followed weeks of protests outside the plant.", "weeks", vague("week", 14, 77)),
    ("Decades of underfunding have hollowed out the service.", "Decades", vague("decade", 7304, None)),
    ("Jurors heard hours of testimony on Tuesday.", "hours", vague("hour", 2 * HOUR, 47 * HOUR)),
    ("The ruling ends days of uncertainty for the tenants.", "days", vague("day", 2, 20)),
    ("She was thanked for many years of service.", "years", vague("year", 730, None)),
    # After a word that asks for a stretch.
    ("Crowds waited for hours outside the stadium.", "hours", vague("hour", 2 * HOUR, 47 * HOUR)),
    ("The two towns have quarrelled for decades.", "decades", vague("decade", 7304, None)),
    ("Volunteers spent days clearing the mud.", "days", vague("day", 2, 20)),
    ("Repairs to the line took weeks.", "weeks", vague("week", 14, 77)),
    ("The power cut lasted hours.", "hours", vague("hour", 2 * HOUR, 47 * HOUR)),
    ("The sale was over in a matter of minutes.", "minutes", vague("minute", 2 * MINUTE, 119 * MINUTE)),
    # A bound keeps its side: "within minutes" is a few minutes at most.
    ("Medics arrived within minutes of the call.", "within minutes",
     vague("minute", None, 119 * MINUTE, "upper_bound")),
    ("Within hours, the video had been shared widely.", "Within hours",
     vague("hour", None, 47 * HOUR, "upper_bound")),
    # Vague numbers.
    ("The wall stood for hundreds of years.", "hundreds of years", vague("year", 73000, 365634)),
    ("Staff logged dozens of hours of unpaid overtime.", "dozens of hours", vague("hour", 1, 99 * HOUR)),
]


@pytest.mark.parametrize("text, span, fields", POSITIVE)
def test_a_vague_stretch_of_time_is_a_duration(quantities, text, span, fields):
    check(quantities, text, "duration", [(span, fields)])


NEGATIVE = [
    # Periods of the calendar, not stretches of time.
    "Prices have risen in recent months.",
    "The months of July and August were the driest on record.",
    "In the final years of his life he wrote little.",
    "The crew worked through the early hours of Sunday.",
    "The plant closed in the past weeks.",
    "The village keeps the same hours of worship.",
    # A plural with no word around it asking for a stretch.
    "Hours later, the fire was out.",
    "Days after the vote, the mayor resigned.",
    "The talks dragged on, and then months passed.",
    # Not time at all, or part of another word or a title.
    "The probe travelled light years of empty space.",
    "Staff logged extra man-hours of work.",
    "She starred in The Hours of the Night.",
    "Visitors may come during opening hours.",
    "Traders bought shares after hours.",
    # A date, not a stretch.
    "The boys vanished weeks ago.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_vague_duration(quantities, text):
    check(quantities, text, "duration", [])


@pytest.mark.parametrize("text, expected", [
    ("El pacto llegó tras meses de negociaciones.", [("meses", vague("month", 56, 713))]),
    ("Los vecinos esperaron durante horas.", [("horas", vague("hour", 2 * HOUR, 47 * HOUR))]),
    ("La tienda se vació en cuestión de minutos.", [("minutos", vague("minute", 2 * MINUTE, 119 * MINUTE))]),
    ("En los últimos meses subieron los alquileres.", []),
    ("Los meses de julio y agosto fueron secos.", []),
])
def test_spanish_vague_durations(rules, text, expected):
    def read(sentence):
        return [(c.kind.value, c.text, value_record(c.value))
                for c in claims_from_text(sentence, rules, language="es")]

    check(read, text, "duration", expected)
