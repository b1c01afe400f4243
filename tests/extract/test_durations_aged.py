"""The age of a thing is a measure in years; the age of a person is an age; a stretch of time a duration.

An age phrase ("40-year-old", "40-year old", "decade-old") says how old the noun it qualifies
is. When that noun is a thing's (a law, a bridge, an agency), the phrase is a measure claim in
the unit written, restated in years (`si`), exact, approximate or a bound as written; when it
is a person's, or no noun follows ("the 19-year-old said"), it stays an age. A figure no person
reaches is a thing's whatever follows. A stretch of time that is no one's age ("for 15 hours",
"a 20-year order") stays a duration. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from reconcile import claims_from_text
from reconcile.model import Kind
from reconcile.values import COMPATIBLE, CONFLICT, SAME, relation, value_rules

from .tables import check


def years(amount, unit, si, qualifier="exact", low=None, high=None):
    """A thing's age as a measure: `amount` of `unit` as written, `si` years."""
    low, high = (amount, amount) if qualifier == "exact" else (low, high)
    fields = {"amount": amount, "unit": unit, "qualifier": qualifier, "low": low, "high": high, "currency": None}
    return fields if si is None else {**fields, "si": {"amount": si, "unit": "year"}}


THINGS = [
    ("Tourists filled the 700-year-old chapel on Sunday.", "700-year-old", years(700, "year", 700)),
    ("Workers patched the 90-year-old bridge over the creek.", "90-year-old", years(90, "year", 90)),
    ("The ruling struck down a 40-year-old law on billboards.", "40-year-old", years(40, "year", 40)),
    # Adjectives stand between the phrase and its noun.
    ("Critics say the 60-year-old federal agency lacks the staff to police drug prices.", "60-year-old",
     years(60, "year", 60)),
    ("Storms toppled the 300-year-old Gothic spire.", "300-year-old", years(300, "year", 300)),
    # A participle after the noun ends the phrase.
    ("It is a 70-year-old commission hampered by a tiny budget.", "70-year-old", years(70, "year", 70)),
    # Compounds: the last noun heads them.
    ("The 120-year-old family business closed its doors.", "120-year-old", years(120, "year", 120)),
    ("A 50-year-old police department was merged into the county force.", "50-year-old", years(50, "year", 50)),
    # Spelling: a space for a hyphen, a number in words, a plural noun, digits grouped.
    ("The town restored its 900-year old abbey.", "900-year old", years(900, "year", 900)),
    ("Voters scrapped a two-year-old ban on street vendors.", "two-year-old", years(2, "year", 2)),
    ("Crews inspected the 80-year-old dams along the river.", "80-year-old", years(80, "year", 80)),
    ("Loggers spared the 1,200-year-old cedar.", "1,200-year-old", years(1200, "year", 1200)),
    # Other units, restated in years; units with no number: one of them, or vaguely several (no
    # single figure to restate).
    ("The six-month-old ceasefire collapsed overnight.", "six-month-old", years(6, "month", 0.5)),
    ("The three-week-old truce broke down.", "three-week-old", years(3, "week", 21 / 365.25)),
    ("Mediators ended a decade-old dispute over water rights.", "decade-old", years(1, "decade", 10)),
    ("The bishop blessed a century-old organ.", "century-old", years(1, "century", 100)),
    ("The ruling settles a decades-old feud between the towns.", "decades-old",
     years(None, "decade", None, "vague", 2, None)),
    # No person is 700 years old: a thing's age, whatever follows.
    ("The 750-year-old was badly damaged by the flood.", "750-year-old", years(750, "year", 750)),
    ("Built by monks, the priory is 640 years old.", "640 years old", years(640, "year", 640)),
    # A qualifier before the phrase.
    ("The team broke an almost 30-year-old scoring record.", "almost 30-year-old",
     years(30, "year", 30, "approximate", 27, 30)),
    ("The abbey is about 800 years old.", "about 800 years old", years(800, "year", 800, "approximate", 720, 880)),
    ("The mill is more than 200 years old.", "more than 200 years old",
     years(200, "year", 200, "lower_bound", 200, None)),
]


@pytest.mark.parametrize("text, span, fields", THINGS)
def test_the_age_of_a_thing_is_a_measure(quantities, text, span, fields):
    check(quantities, text, "measure", [(span, fields)])
    check(quantities, text, "duration", [])
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
    check(quantities, text, "measure", [])


@pytest.mark.parametrize("text", [
    "Twelve-year-olds may ride the bus alone.",
    "Children under 15 years of age need a guardian.",
    "The month-old baby was unhurt.",
    "A decade-old boy could not have lifted it.",
])
def test_no_duration_nor_measure_from_an_age_of_persons(quantities, text):
    check(quantities, text, "duration", [])
    check(quantities, text, "measure", [])


@pytest.mark.parametrize("text, span", [
    # A stretch of time that is nobody's age stays a duration, next to an age word or not.
    ("Firefighters fought the blaze for 15 hours.", "15 hours"),
    ("The company accepted a 20-year order from the regulator.", "20-year"),
    ("The old bridge was closed for two weeks.", "two weeks"),
    ("Residents waited more than a year for the old mill to reopen.", "more than a year"),
    ("The decade-long inquiry into the old harbour ended.", "decade-long"),
])
def test_a_stretch_of_time_stays_a_duration(quantities, text, span):
    assert [written for kind, written, _ in quantities(text) if kind == "duration"] == [span]
    check(quantities, text, "measure", [])


def test_every_mention_of_a_things_age_is_a_claim(quantities):
    text = "The 400-year-old bridge is closed. Engineers say the 400-year-old bridge is sound."
    assert [written for kind, written, _ in quantities(text) if kind == "measure"] == ["400-year-old"] * 2


def _age_of(text, rules):
    return next(c for c in claims_from_text(text, rules) if c.kind is Kind.MEASURE)


@pytest.mark.parametrize("a, b, expected", [
    ("The 600-year-old priory flooded.", "The 640-year-old priory flooded.", CONFLICT),
    ("The 600-year-old priory flooded.", "The 600-year old priory flooded.", SAME),
    ("The 600-year-old priory flooded.", "The priory, about 600 years old, flooded.", COMPATIBLE),
    ("The 600-year-old priory flooded.", "The more than 500-year-old priory flooded.", COMPATIBLE),
    ("The 600-year-old priory flooded.", "The almost 700-year-old priory flooded.", CONFLICT),
    # Units compare by the years they state.
    ("A century-old organ was saved.", "A 100-year-old organ was saved.", SAME),
    ("A six-month-old truce held.", "A half-year-old truce held.", SAME),
    ("A decade-old dispute ended.", "A 12-year-old dispute ended.", CONFLICT),
])
def test_the_judge_compares_the_ages_of_things(rules, a, b, expected):
    assert relation(_age_of(a, rules), _age_of(b, rules), value_rules(rules)) == expected


def test_the_age_of_a_thing_never_meets_a_length(rules):
    from reconcile.model import Source
    from reconcile.pipeline import build_report

    sources = (Source(id="a", path="a.txt", text="The 100-year-old bridge over the gorge was closed on Monday."),
               Source(id="b", path="b.txt", text="The 100-metre bridge over the gorge was closed on Monday."))
    report = build_report(sources, rules)
    claims = {c.id: c for c in report.claims}
    for group in report.groups:
        units = {claims[c].value.si.unit for c in group.claims if claims[c].kind is Kind.MEASURE}
        assert len(units) <= 1, group
