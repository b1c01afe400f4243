"""Table tests for counts written without a numeral, and for counts the noun after a number
names in a way the plain rules miss.

- zero: "No one was killed", "no deaths were reported" count none of the fate they name;
- one: "a firefighter was injured" counts one, only as the subject of a fate;
- two: "twin bell towers", "a pair of suspects";
- a group named by its size: "the nine-member board";
- plurals that do not look plural to the plain rules: "40 NGOs", "six businessmen";
- a part of a group counted before the whole: "the last four of 17 climbers".
"""

from __future__ import annotations

import pytest

from .tables import check, expect

KIND = "count"


def zero(span, unit):
    return expect(span, 0, unit=unit)


ZEROS = [
    ("No one was killed when the gas main burst.", [zero("No one was killed", "killed")]),
    ("Police said no-one was hurt in the blaze.", [zero("no-one was hurt", "hurt")]),
    ("Nobody was injured, the fire service said.", [zero("Nobody was injured", "injured")]),
    ("Nobody has been arrested over the attack.", [zero("Nobody has been arrested", "arrested")]),
    ("Officials said none were hurt.", [zero("none were hurt", "hurt")]),
    ("No deaths have been reported so far.", [zero("No deaths", "deaths")]),
    ("There were no casualties, the army said.", [zero("no casualties", "injured")]),
    ("The derailment caused no injuries.", [zero("no injuries", "injured")]),
    ("No one was killed or injured in the collapse.",
     [zero("No one was killed", "killed"), zero("injured", "injured")]),
    ("No deaths or injuries were reported after the storm.",
     [zero("No deaths", "deaths"), zero("injuries", "injured")]),
    ("Not a single person was hurt, the mayor said.", [zero("Not a single person was hurt", "hurt")]),
    ("No one is missing after the flood, the sheriff said.", [zero("No one is missing", "missing")]),
    # Only part of the whole, or nearly none: no claim.
    ("No one else was hurt in the crash.", []),
    ("No one was seriously injured in the crash.", []),
    ("No one was hurt badly, the driver said.", []),
    ("No other injuries were reported.", []),
    ("There were no serious injuries.", []),
    ("The victim had no injuries to her hands.", []),
    ("Almost no one was hurt and virtually nobody was killed.", []),
    # "no one", "no more", "no longer" that count no fate.
    ("No one knows how the fire started.", []),
    ("The hall holds no more than 40 guests and is no longer open.",
     [expect("no more than 40 guests", 40, "upper_bound", low=None, high=40, unit="guests")]),
    ("No one has been charged yet.", []),
]

ONES = [
    ("A firefighter was seriously injured while fighting the blaze.", [expect("A firefighter", 1, unit="firefighter")]),
    ("An off-duty police officer was killed on Friday.",
     [expect("An off-duty police officer", 1, unit="officer")]),
    ("A 23-year-old man was found dead near the river.", [expect("A 23-year-old man", 1, unit="man")]),
    ("A nine-year-old girl has died in hospital.", [expect("A nine-year-old girl", 1, unit="girl")]),
    ("A man died after the crash.", [expect("A man", 1, unit="man")]),
    ("A woman was arrested after the chase.", [expect("A woman", 1, unit="woman")]),
    ("A staff member was slightly hurt.", [expect("A staff member", 1, unit="member")]),
    ("Two police officers and a firefighter were injured.",
     [expect("Two police", 2, unit="police"), expect("a firefighter", 1, unit="firefighter")]),
    ("A teacher and two pupils were hurt in the fall.",
     [expect("A teacher", 1, unit="teacher"), expect("two pupils", 2, unit="pupils")]),
    ("A man and a woman were killed in the crash.",
     [expect("A man", 1, unit="man"), expect("a woman", 1, unit="woman")]),
    # Not the subject of a fate, or not a person: no count.
    ("A man said he heard three loud bangs.", [expect("three loud bangs", 3, unit="bangs")]),
    ("A firefighter's helmet was found in the rubble.", []),
    ("A man killed his neighbour before he fled.", []),
    ("A retired officer has killed his neighbour.", []),
    ("\"Anytime a child is hurt, we all suffer,\" she said.", []),
    ("A firefighter who was injured is recovering.", []),
    ("Not a single officer was hurt.", []),
    ("A truck was hit and a wall was destroyed.", []),
    ("Such a man was never arrested.", []),
    ("A man and the officer who were hurt left early.", []),
    ("The man was killed on Friday.", []),
]

PAIRS = [
    ("The twin bell towers survived the fire.", [expect("twin bell towers", 2, unit="towers")]),
    ("Twin blasts hit the market on Sunday.", [expect("Twin blasts", 2, unit="blasts")]),
    ("The twin sisters were pulled from the flat.", [expect("twin sisters", 2, unit="sisters")]),
    ("A pair of suspects fled on foot.", [expect("A pair of suspects", 2, unit="suspects")]),
    ("Police stopped a pair of gunmen at the border.", [expect("a pair of gunmen", 2, unit="gunmen")]),
    ("The twin explosions shook the port.", [expect("twin explosions", 2, unit="explosions")]),
    ("Rescuers pulled twin boys from the rubble.", [expect("twin boys", 2, unit="boys")]),
    ("The city dug twin tunnels under the river.", [expect("twin tunnels", 2, unit="tunnels")]),
    ("Police questioned a pair of witnesses.", [expect("a pair of witnesses", 2, unit="witnesses")]),
    # A name, a compound, one thing, a singular: no count.
    ("The Twin Towers were a landmark.", []),
    ("He flew a twin-engine plane.", []),
    ("She visited her twin brother on Monday.", []),
    ("He bought a pair of jeans and a pair of boots.", []),
    ("The TWIN PEAKS sign was stolen.", []),
    ("The twin-track railway reopened.", []),
    ("A twin was born first.", []),
    ("The Twin Cities saw snow.", []),
    ("A pair of scissors lay on the desk.", []),
    ("Crowds filled the twin Harbour Towers.", []),
]

MEMBERS = [
    ("A 15-member jury heard the case.", [expect("15-member", 15, unit="members")]),
    ("The five-member commission met on Monday.", [expect("five-member", 5, unit="members")]),
    ("A 30-strong team of volunteers searched the hills.", [expect("30-strong", 30, unit="members")]),
    ("A three-person crew flew the balloon.", [expect("three-person", 3, unit="people")]),
    ("The 10-man squad held on for the draw.", [expect("10-man", 10, unit="men")]),
    ("An 11-person jury was sworn in.", [expect("11-person", 11, unit="people")]),
    ("A four-woman crew rowed the ocean.", [expect("four-woman", 4, unit="women")]),
    ("The two-member panel met.", [expect("two-member", 2, unit="members")]),
    ("A 100-member choir sang.", [expect("100-member", 100, unit="members")]),
    ("A 3-member team and a seven-member board met.",
     [expect("3-member", 3, unit="members"), expect("seven-member", 7, unit="members")]),
    # A group of one is no group; a hyphenated measure or story count is no group.
    ("He put on a one-man show.", []),
    ("She lives in a 10-story building.", []),
    ("The 1-member committee is a joke.", []),
    ("The 5-member-state deal stalled.", []),
    ("He bought a 10-foot boat and a two-year plan.", []),
]

PLURALS = [
    ("More than 300 NGOs signed the appeal.",
     [expect("More than 300 NGOs", 300, "lower_bound", low=300, high=None, unit="ngos")]),
    ("Forty MPs voted against the bill.", [expect("Forty MPs", 40, unit="mps")]),
    ("Some 25 CEOs met in the capital.", [expect("Some 25 CEOs", 25, "approximate", low=22.5, high=27.5, unit="ceos")]),
    ("The 40 VIPs were late.", [expect("40 VIPs", 40, unit="vips")]),
    ("Eleven firemen and nine policewomen were there.",
     [expect("Eleven firemen", 11, unit="firemen"), expect("nine policewomen", 9, unit="policewomen")]),
    ("Nine ATMs were broken overnight.", [expect("Nine ATMs", 9, unit="atms")]),
    ("Six fishermen and four linemen were hurt.",
     [expect("Six fishermen", 6, unit="fishermen"), expect("four linemen", 4, unit="linemen")]),
    ("Two of the country's richest businessmen pledged money.",
     [expect("Two of the country's richest businessmen", 2, unit="businessmen")]),
    ("Three congressmen and four aldermen toured the site.",
     [expect("Three congressmen", 3, unit="congressmen"), expect("four aldermen", 4, unit="aldermen")]),
    ("Twelve police cars and three staff members were there.",
     [expect("Twelve police cars", 12, unit="cars"), expect("three staff", 3, unit="staff")]),
    # Singulars that end like a plural, and an all-capitals word: no count of them.
    ("The lab kept two specimen jars.", [expect("two specimen jars", 2, unit="jars")]),
    ("Three abdomen scans and two acumen tests were done.",
     [expect("Three abdomen scans", 3, unit="scans"), expect("two acumen tests", 2, unit="tests")]),
    ("The ABCs of voting were taught.", []),
    ("The 12 AIDS clinics stayed open.", [expect("12 AIDS clinics", 12, unit="clinics")]),
    ("Ten children ages 4 to 12 were treated.", [expect("Ten children", 10, unit="children")]),
]

PARTS = [
    ("Crews lifted out the last four of 17 stranded climbers.",
     [expect("17 stranded climbers", 17, unit="climbers")]),
    ("The first two of 30 evacuees arrived at noon.", [expect("30 evacuees", 30, unit="evacuees")]),
    ("All four of 11 passengers survived.", [expect("11 passengers", 11, unit="passengers")]),
    ("The remaining two of 30 trapped workers were freed.",
     [expect("30 trapped workers", 30, unit="workers")]),
    ("Twenty workers were trapped. The first group of five freed on Friday was unhurt.",
     [expect("Twenty workers", 20, unit="workers"), expect("The first group of five", 5, unit="workers")]),
    ("Forty pupils were evacuated. Another group of ten followed.",
     [expect("Forty pupils", 40, unit="pupils"), expect("Another group of ten", 10, unit="pupils")]),
    ("The final batch of six left on Friday.", []),
    ("The last three of 25 climbers reached the top.", [expect("25 climbers", 25, unit="climbers")]),
    ("The other two of 8 suspects fled.", [expect("8 suspects", 8, unit="suspects")]),
    ("Nine hikers were stranded. The second group of four rescued later was cold.",
     [expect("Nine hikers", 9, unit="hikers"), expect("The second group of four", 4, unit="hikers")]),
    # A ratio: the second number counts nothing.
    ("Nine of 10 residents said they felt safe.", []),
    ("One in five voters stayed home.", []),
    ("Two out of 3 voters agree.", []),
    ("Nine of 10 doctors agree.", []),
    ("One in 40 callers waits an hour.", []),
]


@pytest.mark.parametrize("text, expected", ZEROS)
def test_zero_counts(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", ONES)
def test_one_person_named_by_an_article(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", PAIRS)
def test_pairs(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", MEMBERS)
def test_groups_named_by_their_size(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", PLURALS)
def test_plurals_the_plain_rules_miss(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", PARTS)
def test_parts_of_a_group(quantities, text, expected):
    check(quantities, text, KIND, expected)
