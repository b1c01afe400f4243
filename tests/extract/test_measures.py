"""Table tests for measure claims: lengths, areas, masses, speeds and volumes.

Each row gives a sentence and the measure claims a fact-checker expects from it, as
``(span, fields)`` pairs; only the fields named in a row are compared. ``unit`` is the unit
as written and ``si`` the value converted to metres, square metres, kilograms, metres per
second or cubic metres. An empty list means the sentence holds no measure at all.
"""

from __future__ import annotations

import pytest

from .tables import check

KIND = "measure"


def exact(n, unit, si, si_unit):
    return {"amount": n, "qualifier": "exact", "low": n, "high": n, "unit": unit,
            "currency": None, "si": {"amount": si, "unit": si_unit}}


POSITIVE = [
    # Lengths.
    ("The new tower rises 45 metres above the square.",
     [("45 metres", exact(45, "metres", 45, "m"))]),
    ("Waves of 150 feet were recorded off the headland.",
     [("150 feet", exact(150, "feet", 45.72, "m"))]),
    ("The ridge trail runs for 12 miles.",
     [("12 miles", exact(12, "miles", 19312.128, "m"))]),
    ("The summit sits at 8,848 metres.",
     [("8,848 metres", exact(8848, "metres", 8848, "m"))]),
    ("The beam sagged by 2.5 metres before it was propped up.",
     [("2.5 metres", exact(2.5, "metres", 2.5, "m"))]),
    ("The suspect was described as about six feet tall.",
     [("about six feet",
       {"amount": 6, "qualifier": "approximate", "unit": "feet",
        "si": {"amount": 1.8288, "unit": "m"}})]),
    ("The crack in the dam was 5 cm wide.",
     [("5 cm", exact(5, "cm", 0.05, "m"))]),
    ("Forecasters expect up to 6 inches of rain by Friday.",
     [("up to 6 inches",
       {"amount": 6, "qualifier": "upper_bound", "low": None, "high": 6, "unit": "inches",
        "si": {"amount": 0.1524, "unit": "m"}})]),
    ("The cliff edge has retreated nearly 2 metres this winter.",
     [("nearly 2 metres",
       {"amount": 2, "qualifier": "approximate", "low": 1.8, "high": 2, "unit": "metres"})]),
    ("Engineers say the water rose between 10 and 15 feet.",
     [("between 10 and 15 feet",
       {"amount": None, "qualifier": "range", "low": 10, "high": 15, "unit": "feet"})]),
    # Hyphenated measures used as adjectives.
    ("Crews finished a 12-foot-high wall along the river.",
     [("12-foot-high", exact(12, "foot", 3.6576, "m"))]),
    ("An 80-metre stretch of the coastal road collapsed.",
     [("80-metre", exact(80, "metre", 80, "m"))]),
    ("Thousands signed up for the 5-kilometre charity run.",
     [("5-kilometre", exact(5, "kilometre", 5000, "m"))]),
    ("The family sold their 1,000-acre ranch last year.",
     [("1,000-acre", exact(1000, "acre", 4046856.4224, "m2"))]),
    ("Rangers relocated a 300-pound bear from the campsite.",
     [("300-pound", exact(300, "pound", 136.0777110, "kg"))]),
    # Two measures: a value and its conversion.
    ("The crane stood 50 meters (164 feet) above the dock.",
     [("50 meters", exact(50, "meters", 50, "m")),
      ("164 feet", exact(164, "feet", 49.9872, "m"))]),
    # Areas.
    ("The wildfire has burned 2,000 acres of forest.",
     [("2,000 acres", exact(2000, "acres", 8093712.8448, "m2"))]),
    ("The reserve was expanded by 40 hectares.",
     [("40 hectares", exact(40, "hectares", 400000, "m2"))]),
    ("Flood water covered more than 300 square kilometres of farmland.",
     [("more than 300 square kilometres",
       {"amount": 300, "qualifier": "lower_bound", "low": 300, "high": None,
        "unit": "square kilometres", "si": {"amount": 300_000_000, "unit": "m2"}})]),
    ("The studio flat measures just 200 square feet.",
     [("200 square feet", exact(200, "square feet", 18.580608, "m2"))]),
    # Masses.
    ("Each parcel may weigh no more than 20 kilograms.",
     [("no more than 20 kilograms",
       {"amount": 20, "qualifier": "upper_bound", "low": None, "high": 20,
        "unit": "kilograms", "si": {"amount": 20, "unit": "kg"}})]),
    ("The truck shed 3 tonnes of gravel on the motorway.",
     [("3 tonnes", exact(3, "tonnes", 3000, "kg"))]),
    ("The newborn panda weighed 10 lbs at her first check-up.",
     [("10 lbs", exact(10, "lbs", 4.5359237, "kg"))]),
    # Speeds.
    ("Winds gusted at 90 mph along the coast.",
     [("90 mph", exact(90, "mph", 40.2336, "m/s"))]),
    ("Cars were crawling along at 50 kilometres per hour.",
     [("50 kilometres per hour", exact(50, "kilometres per hour", 13.8888889, "m/s"))]),
    ("The storm brought sustained winds of 60 knots.",
     [("60 knots", exact(60, "knots", 30.8666667, "m/s"))]),
    ("The train reached 120 km/h on the test run.",
     [("120 km/h", exact(120, "km/h", 33.3333333, "m/s"))]),
    # Volumes.
    ("The new tank holds 500 litres of diesel.",
     [("500 litres", exact(500, "litres", 0.5, "m3"))]),
    ("Crews pumped out 40 cubic metres of mud.",
     [("40 cubic metres", exact(40, "cubic metres", 40, "m3"))]),
    ("Some 250 millilitres of fluid leaked from the valve.",
     [("Some 250 millilitres",
       {"amount": 250, "qualifier": "approximate", "low": 225, "high": 275,
        "unit": "millilitres", "si": {"amount": 0.00025, "unit": "m3"}})]),
    ("The leak released 1.5 million gallons of water.",
     [("1.5 million gallons", exact(1_500_000, "gallons", 5678.117676, "m3"))]),
]

NEGATIVE = [
    # Durations and times are not measures.
    "The contract ran for 10 years.",
    "The song lasts four minutes.",
    "Polls close at 8 p.m. tonight.",
    "The station is a 20-minute walk from the centre.",
    # Counts, money and percentages are other kinds.
    "The club scored 3 goals in the second half.",
    "The council voted 45 to 3 in favour.",
    "The company earned $2 million last quarter.",
    "Prices rose 45 percent in a year.",
    # Ages, years and dates.
    "A 3-year-old girl was found safe.",
    "The dam was raised in 2019.",
    "The 1990s were a boom time for the port.",
    # Labels and codes that look like numbers with units.
    "The M25 was closed after the crash.",
    "Highway 1 runs along the coast.",
    "The retailer filed for Chapter 11.",
    "He bought a 4K television.",
    "The 5G mast was vandalised.",
    "She lives in Apartment 12B.",
    # Unit words without a number.
    "The mile-long queue snaked round the block.",
    "Prices are quoted per square metre.",
    "They camped at the foot of the hill.",
    "Route 66 stretches for miles across the desert.",
    "The inch-thick report landed on every desk.",
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_measures_found(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", [(text, []) for text in NEGATIVE])
def test_not_measures(quantities, text, expected):
    check(quantities, text, KIND, expected)
