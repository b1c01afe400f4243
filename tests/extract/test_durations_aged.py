"""The age of a thing is a stretch of time; the age of a person is an age.

An age phrase ("40-year-old", "40-year old", "decade-old") says how old the noun it qualifies
is. When that noun is a thing's (a law, a bridge, an agency), the phrase is a duration claim
with its days; when it is a person's, or no noun follows ("the 19-year-old said"), it stays an
age. A figure no person reaches is a thing's whatever follows. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from .tables import check


def days(amount, unit, low, high, qualifier="exact"):
    return {"amount": amount, "unit": unit, "qualifier": qualifier, "low_days": low, "high_days": high}


THINGS = [
    ("Tourists filled the 700-year-old chapel on Sunday.", "700-year-old", days(700, "year", 255500, 256200)),
    ("Workers patched the 90-year-old bridge over the creek.", "90-year-old", days(90, "year", 32850, 32940)),
    ("The ruling struck down a 40-year-old law on billboards.", "40-year-old", days(40, "year", 14600, 14640)),
    # Adjectives stand between the phrase and its noun.
    ("Critics say the 60-year-old federal agency lacks the staff to police drug prices.", "60-year-old",
     days(60, "year", 21900, 21960)),
    ("Storms toppled the 300-year-old Gothic spire.", "300-year-old", days(300, "year", 109500, 109800)),
    # A participle after the noun ends the phrase.
    ("It is a 70-year-old commission hampered by a tiny budget.", "70-year-old", days(70, "year", 25550, 25620)),
    # Compounds: the last noun heads them.
    ("The 120-year-old family business closed its doors.", "120-year-old", days(120, "year", 43800, 43920)),
    ("A 50-year-old police department was merged into the county force.", "50-year-old",
     days(50, "year", 18250, 18300)),
    # Spelling: a space for a hyphen, a number in words, a plural noun.
    ("The town restored its 900-year old abbey.", "900-year old", days(900, "year", 328500, 329400)),
    ("Voters scrapped a two-year-old ban on street vendors.", "two-year-old", days(2, "year", 730, 732)),
    ("Crews inspected the 80-year-old dams along the river.", "80-year-old", days(80, "year", 29200, 29280)),
    # Other units, and units with no number: one of them, or vaguely several.
    ("The six-month-old ceasefire collapsed overnight.", "six-month-old", days(6, "month", 168, 186)),
    ("Mediators ended a decade-old dispute over water rights.", "decade-old", days(1, "decade", 3652, 3653)),
    ("The bishop blessed a century-old organ.", "century-old", days(1, "century", 36524, 36525)),
    ("The ruling settles a decades-old feud between the towns.", "decades-old",
     {"amount": None, "unit": "decade", "qualifier": "vague", "low_days": 7304, "high_days": None}),
    # No person is 700 years old: a thing's age, whatever follows.
    ("The 750-year-old was badly damaged by the flood.", "750-year-old", days(750, "year", 273750, 274500)),
    ("Built by monks, the priory is 640 years old.", "640 years old", days(640, "year", 233600, 234240)),
    # A qualifier before the phrase.
    ("The team broke an almost 30-year-old scoring record.", "almost 30-year-old",
     days(30, "year", 9855.0, 10980, "approximate")),
]


@pytest.mark.parametrize("text, span, fields", THINGS)
def test_the_age_of_a_thing_is_a_duration(quantities, text, span, fields):
    check(quantities, text, "duration", [(span, fields)])
    check(quantities, text, "age", [])


PERSONS = [
    # A person's noun: listed, a title, or one by its ending.
    ("A 22-year-old nurse was hurt in the crash.", "22-year-old"),
    ("The 27-year-old coach stayed with the players.", "27-year-old"),
    ("A 31-year-old bank robber was caught at the border.", "31-year-old"),
    ("A 19-year-old college student was among the injured.", "19-year-old"),
    ("A 20-year-old car thief fled on foot.", "20-year-old"),
    ("Police said a 34-year-old security guard fired the shot.", "34-year-old"),
    ("A 44-year-old home care worker found the body.", "44-year-old"),
    ("The 18-year-old shooter stole two cars.", "18-year-old"),
    # A name after the phrase, a capitalised word that looks like a thing's noun included.
    ("Police arrested 17-year-old Dana Banks on Friday.", "17-year-old"),
    # No noun after the phrase: a person, by ellipsis.
    ("The 101-year-old said she felt fine.", "101-year-old"),
    ("A 15-year-old was taken to hospital.", "15-year-old"),
    # An owner's age: the possessive ends the phrase.
    ("The 30-year-old man's car was found in a ditch.", "30-year-old"),
    # A noun no rule knows stays a person's age.
    ("A 28-year-old florist opened the shop.", "28-year-old"),
    ("A 45-year-old mother of three was rescued.", "45-year-old"),
]


@pytest.mark.parametrize("text, span", PERSONS)
def test_the_age_of_a_person_stays_an_age(quantities, text, span):
    assert [written for kind, written, _ in quantities(text) if kind == "age"] == [span]
    check(quantities, text, "duration", [])


@pytest.mark.parametrize("text", [
    "Twelve-year-olds may ride the bus alone.",
    "Children under 15 years of age need a guardian.",
    "The month-old baby was unhurt.",
    "A decade-old boy could not have lifted it.",
])
def test_no_duration_from_an_age_of_persons(quantities, text):
    check(quantities, text, "duration", [])
