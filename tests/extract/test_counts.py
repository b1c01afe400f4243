"""Table tests for count claims: a number (digits or words) attached to the noun it counts.

Each row gives a sentence and the count claims a fact-checker expects from it, as
``(span, fields)`` pairs; only the fields named in a row are compared. An empty list means
the sentence holds no count at all (years, dates, ages, labels, codes and the like).
"""

from __future__ import annotations

import pytest

from .tables import check

KIND = "count"


def exact(n, unit):
    return {"amount": n, "qualifier": "exact", "low": n, "high": n, "unit": unit}


POSITIVE = [
    # Plain numbers in digits and words, with modifiers between number and noun.
    ("Nine people were rescued from the flooded basement.",
     [("Nine people", exact(9, "people"))]),
    ("Two former council members quit the party on Tuesday.",
     [("Two former council members", exact(2, "members"))]),
    ("The clinic treated 1,250 patients over the weekend.",
     [("1,250 patients", exact(1250, "patients"))]),
    ("Forty-two delegates voted against the motion.",
     [("Forty-two delegates", exact(42, "delegates"))]),
    ("Three hundred volunteers turned up to clear the beach.",
     [("Three hundred volunteers", exact(300, "volunteers"))]),
    ("The airline said 1.2 million passengers flew with it in March.",
     [("1.2 million passengers", exact(1_200_000, "passengers"))]),
    ("Around a dozen reporters waited outside the courthouse.",
     [("Around a dozen reporters",
       {"amount": 12, "qualifier": "approximate", "low": 10.8, "high": 13.2,
        "unit": "reporters"})]),
    ("Two dozen reporters waited outside the courthouse.",
     [("Two dozen reporters", exact(24, "reporters"))]),
    ("One person was taken to hospital after the crash.",
     [("One person", exact(1, "person"))]),
    # Bounds.
    ("More than 650 city employees signed the open letter.",
     [("More than 650 city employees",
       {"amount": 650, "qualifier": "lower_bound", "low": 650, "high": None,
        "unit": "employees", "currency": None})]),
    ("Organisers collected over 650 employee signatures in a week.",
     [("over 650 employee signatures",
       {"amount": 650, "qualifier": "lower_bound", "low": 650, "high": None,
        "unit": "signatures"})]),
    ("At least 17 patients were moved to other wards.",
     [("At least 17 patients",
       {"amount": 17, "qualifier": "lower_bound", "low": 17, "high": None,
        "unit": "patients"})]),
    ("Up to 40 families may have to leave their homes.",
     [("Up to 40 families",
       {"amount": 40, "qualifier": "upper_bound", "low": None, "high": 40,
        "unit": "families"})]),
    ("Fewer than 20 students attended the evening session.",
     [("Fewer than 20 students",
       {"amount": 20, "qualifier": "upper_bound", "low": None, "high": 20,
        "unit": "students"})]),
    ("The scheme is open to under 25 applicants a year.",
     [("under 25 applicants",
       {"amount": 25, "qualifier": "upper_bound", "low": None, "high": 25,
        "unit": "applicants"})]),
    # Approximations.
    ("About 300 protesters marched to the town hall.",
     [("About 300 protesters",
       {"amount": 300, "qualifier": "approximate", "low": 270, "high": 330,
        "unit": "protesters"})]),
    ("Some 5,000 runners took part despite the heat.",
     [("Some 5,000 runners",
       {"amount": 5000, "qualifier": "approximate", "low": 4500, "high": 5500,
        "unit": "runners"})]),
    ("Roughly 80 firefighters fought the blaze overnight.",
     [("Roughly 80 firefighters",
       {"amount": 80, "qualifier": "approximate", "low": 72, "high": 88,
        "unit": "firefighters"})]),
    ("Nearly 1,000 passengers were stranded at the terminal.",
     [("Nearly 1,000 passengers",
       {"amount": 1000, "qualifier": "approximate", "low": 900, "high": 1000,
        "unit": "passengers"})]),
    ("Almost 400 teachers joined the strike.",
     [("Almost 400 teachers",
       {"amount": 400, "qualifier": "approximate", "low": 360, "high": 400,
        "unit": "teachers"})]),
    # Ranges.
    ("Between 50 and 70 homes were damaged by the storm.",
     [("Between 50 and 70 homes",
       {"amount": None, "qualifier": "range", "low": 50, "high": 70, "unit": "homes"})]),
    ("Police detained 12 to 15 people near the stadium.",
     [("12 to 15 people",
       {"amount": None, "qualifier": "range", "low": 12, "high": 15, "unit": "people"})]),
    ("The start-up plans to hire 30-40 engineers next year.",
     [("30-40 engineers",
       {"amount": None, "qualifier": "range", "low": 30, "high": 40, "unit": "engineers"})]),
    # Vague quantities.
    ("Hundreds of workers walked off the job at noon.",
     [("Hundreds of workers",
       {"amount": None, "qualifier": "vague", "low": 200, "high": 999, "unit": "workers"})]),
    ("Dozens of residents packed the community centre.",
     [("Dozens of residents",
       {"amount": None, "qualifier": "vague", "low": 24, "high": 99, "unit": "residents"})]),
    ("Thousands of fans lined the parade route.",
     [("Thousands of fans",
       {"amount": None, "qualifier": "vague", "low": 2000, "high": 999999, "unit": "fans"})]),
    # A label next to a real count.
    ("A crash closed Interstate 95, stranding 200 drivers.",
     [("200 drivers", exact(200, "drivers"))]),
    # Two separate counts in one sentence.
    ("Four nurses and 11 doctors signed the complaint.",
     [("Four nurses", exact(4, "nurses")), ("11 doctors", exact(11, "doctors"))]),
    # No noun, but a verb that says what was counted.
    ("One person is dead and three are wounded after the crash.",
     [("One person", exact(1, "person")), ("three are wounded", exact(3, "wounded"))]),
    ("Autopsies showed all four died of smoke inhalation.",
     [("four died", exact(4, "died"))]),
    ("Officials said five others were injured in the blast.",
     [("five others were injured", exact(5, "injured"))]),
    ("Two of the three victims were treated at the scene.",
     [("three victims", exact(3, "victims"))]),
]

NEGATIVE = [
    # "one" that counts nothing.
    "One of them later apologised to the family.",
    "No one knows how the roof gave way.",
    "It was one of the wettest summers on record.",
    # Years, dates and times.
    "The bridge finally opened in 1998 after years of delay.",
    "The hearing has been set for July 8.",
    "The law took effect on 1 March 2021.",
    "The meeting began at 9:30 a.m. and ran until 11.",
    "Bands from the 1990s headlined the festival.",
    # Ages.
    "A 15-year-old boy was questioned by officers.",
    "Jane Doe, 34, was charged with careless driving.",
    "The driver, aged 40, escaped without injury.",
    # Durations, repetitions and ordinals.
    "He spent 10 years working abroad.",
    "The trial lasted three weeks.",
    "Rents have risen three times since the spring.",
    "She finished 21st out of the whole field.",
    # Phone and street numbers.
    "Readers can call 555-0142 for further details.",
    "The bakery at 221 Baker Street closed its doors.",
    # Labels.
    "Flight 370 disappeared over the ocean.",
    "Traffic on Route 66 was backed up for hours.",
    "The retailer filed for Chapter 11 protection.",
    "The carrier grounded its Boeing 737 fleet.",
    "The files were kept locked in Room 101.",
    # Glued codes.
    "COVID-19 cases climbed again in the region.",
    "The council adopted a 1-1-1 model for its housing programme.",
    "4G coverage finally reached the valley.",
    "He sent the interview as an MP3 attachment.",
    # Other kinds of quantity are not counts.
    "The city paid $4 million to settle the case.",
    "Turnout fell 12 percent compared with the last election.",
    "The wildfire has burned 2,000 acres of forest.",
    "The new fence is 20 feet tall.",
    "Some 250 millilitres of fluid leaked from the valve.",
    # Compound adjectives, fractions and ratios count nothing.
    "Crews cleared the rubble of a 12-story hotel.",
    "Two-thirds of members backed the motion.",
    "About 3 in 5 parents said the school was too far.",
    "One in four tenants pays more than half their income in rent.",
    "The 7-Eleven on the corner was closed.",
]


POSITIVE += [
    # "more" and "other" stand between a number and its noun without changing it.
    ("The crate held 40 rifles and the van carried 6 more pistols.",
     [("40 rifles", exact(40, "rifles")), ("6 more pistols", exact(6, "pistols"))]),
    # A capitalised plural is a counted noun.
    ("Officials said 45 Canadians were among the passengers.", [("45 Canadians", exact(45, "canadians"))]),
    ("Of the 12 people hurt, four were children.", [("12 people", exact(12, "people"))]),
    # Bare numbers after a count are ages or other things unless the construction repeats.
    ("Deputies detained two brothers, 19 and 22, near the bridge.", [("two brothers", exact(2, "brothers"))]),
    ("The 2 hikers, ages 30 and 34, were found safe.", [("2 hikers", exact(2, "hikers"))]),
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_counts_found(quantities, text, expected):
    check(quantities, text, KIND, expected)


@pytest.mark.parametrize("text, expected", [(text, []) for text in NEGATIVE])
def test_not_counts(quantities, text, expected):
    check(quantities, text, KIND, expected)


def bound(n, qualifier, unit):
    low, high = (n, None) if qualifier == "lower_bound" else (None, n)
    return {"amount": n, "qualifier": qualifier, "low": low, "high": high, "unit": unit}


def about(n, low, high, unit):
    return {"amount": n, "qualifier": "approximate", "low": low, "high": high, "unit": unit}


# Gapping: a later clause of the sentence says a count again with its noun left out. The bare
# number counts the noun of the count before it when a conjunction, comma or semicolon opens its
# clause and the clause marks the repeated construction: a possessive, a qualifier, or "more".
# Without a marker, in another sentence, or where the number is said of something else, it
# counts nothing.
GAPPING = [
    # A possessive before the number, with or without a qualifier.
    ("The north wing has 30 beds and the south wing's fewer than 20.",
     [("30 beds", exact(30, "beds")), ("fewer than 20", bound(20, "upper_bound", "beds"))]),
    ("The hall seats 90 people in the stalls and the balcony's 40.",
     [("90 people", exact(90, "people")), ("40", exact(40, "people"))]),
    ("The old hall seats 250 guests while the new one's up to 400.",
     [("250 guests", exact(250, "guests")), ("up to 400", bound(400, "upper_bound", "guests"))]),
    ("The school has 450 pupils; the college's over 900.",
     [("450 pupils", exact(450, "pupils")), ("over 900", bound(900, "lower_bound", "pupils"))]),
    # A qualifier after the new clause's subject (no verb), after a comma standing for the verb, or
    # right after the conjunction; an adjunct may follow the number.
    ("The first ferry carried 120 passengers and the second about 80.",
     [("120 passengers", exact(120, "passengers")), ("about 80", about(80, 72, 88, "passengers"))]),
    ("The first ferry carried 120 passengers; the second, about 80.",
     [("120 passengers", exact(120, "passengers")), ("about 80", about(80, 72, 88, "passengers"))]),
    ("Police counted 300 marchers on Friday and about 500 on Saturday.",
     [("300 marchers", exact(300, "marchers")), ("about 500", about(500, 450, 550, "marchers"))]),
    ("Each crew needs 6 divers, or at least 4 on calm days.",
     [("6 divers", exact(6, "divers")), ("at least 4", bound(4, "lower_bound", "divers"))]),
    # A word like "more" after the number.
    ("Rescuers freed 14 miners on Friday and 9 more on Saturday.",
     [("14 miners", exact(14, "miners")), ("9", exact(9, "miners"))]),
    ("The clinic vaccinated 200 children in May and nearly 50 more in June.",
     [("200 children", exact(200, "children")), ("nearly 50", about(50, 45, 50, "children"))]),
    # No marker: a bare remnant, a list of ages, a number said of the subject, a duration, a clock.
    ("The first bus carried 40 children and the second 35.", [("40 children", exact(40, "children"))]),
    ("The club signed 3 players in June and sold 2 in July.", [("3 players", exact(3, "players"))]),
    ("Officers found two hikers, both about 30, near the summit.", [("two hikers", exact(2, "hikers"))]),
    ("The coach has two sons and is about 40.", [("two sons", exact(2, "sons"))]),
    ("Police held 3 men and over 2 hours later freed them.", [("3 men", exact(3, "men"))]),
    ("The council hired 40 teachers and at about 9 the meeting ended.", [("40 teachers", exact(40, "teachers"))]),
    # The new clause has a verb of its own: its number is said of something else, with or
    # without an adjunct after it, whatever the conjunction.
    ("The flood reached 60 houses on Monday, and the creek rose about 2 on Tuesday.",
     [("60 houses", exact(60, "houses"))]),
    ("Divers brought up 15 miners; the crew worked about 40 in all.", [("15 miners", exact(15, "miners"))]),
    ("The union counted 800 nurses at the rally and the strike lasted over 4.",
     [("800 nurses", exact(800, "nurses"))]),
    ("The visitors scored 5 goals and the game finished around 10 at night.",
     [("5 goals", exact(5, "goals"))]),
    ("The ferry carried 120 passengers and the crossing took about 80.",
     [("120 passengers", exact(120, "passengers"))]),
    ("Police arrested 12 protesters, and officers waited about 3 on the bridge.",
     [("12 protesters", exact(12, "protesters"))]),
    ("The north wing has 30 beds and the south wing's roof leaked for over 20.",
     [("30 beds", exact(30, "beds"))]),
    ("The bank cut 200 jobs while the bank's shares fell nearly 4 on Monday.",
     [("200 jobs", exact(200, "jobs"))]),
    ("The shelter took in 60 dogs; the adoption drive ran about 5 in June.", [("60 dogs", exact(60, "dogs"))]),
    ("Police held 30 men, and freed those over 40.", [("30 men", exact(30, "men"))]),
    # The count before is in another sentence.
    ("The vet treated 20 cats. About 15 were adopted.", [("20 cats", exact(20, "cats"))]),
]


@pytest.mark.parametrize("text, expected", GAPPING)
def test_gapping(quantities, text, expected):
    check(quantities, text, KIND, expected)


# Tolls: the counted thing stands away from the number, named by a toll noun before it, a verb
# that carries the count, a partitive pronoun or a group noun. Verbs such as "rose to" and
# "stands at" make a point, not a bound.
TOLLS = [
    ("The death toll from the ferry fire rose to 23 overnight.",
     [("death toll from the ferry fire rose to 23", exact(23, "deaths"))]),
    ("The landslide buried six more homes, bringing the toll to 31.",
     [("six more homes", exact(6, "homes")), ("toll to 31", exact(31, "deaths"))]),
    ("Confirmed deaths climbed to 41 as crews reached the valley.",
     [("deaths climbed to 41", exact(41, "deaths"))]),
    ("By Friday the toll now stands at 14, the coroner said.",
     [("toll now stands at 14", exact(14, "deaths"))]),
    ("The quake left a death toll of 8 in the hill villages.",
     [("death toll of 8", exact(8, "deaths"))]),
    ("The number of missing fell to three after two climbers walked into camp.",
     [("number of missing fell to three", exact(3, "missing")), ("two climbers", exact(2, "climbers"))]),
    ("The bus overturned on the pass, injuring 27, 6 of them seriously.",
     [("injuring 27", exact(27, "injured")), ("6 of them", exact(6, "injured"))]),
    ("Nineteen workers were hurt, five of whom remain in intensive care.",
     [("Nineteen workers", exact(19, "workers")), ("five of whom", exact(5, "workers"))]),
    ("A family of five was pulled from the flooded car.",
     [("family of five", exact(5, "people"))]),
    ("Lawyers for relatives of 13 of the victims filed suit.",
     [("13 of the victims", exact(13, "victims"))]),
    ("The death toll is now 52, the ministry said.",
     [("death toll is now 52", exact(52, "deaths"))]),
    ("The number of injured has risen to 64.",
     [("number of injured has risen to 64", exact(64, "injured"))]),
    ("Fatalities reached 11 by the end of the week.",
     [("Fatalities reached 11", exact(11, "deaths"))]),
    ("The gas explosion killed four and destroyed a bakery.",
     [("killed four", exact(4, "deaths"))]),
    ("The toll rose to about 90 as more bodies were found.",
     [("toll rose to about 90",
       {"amount": 90, "qualifier": "approximate", "unit": "deaths"})]),
    ("Another seven were also hurt at the depot on Sunday.",
     [("seven were also hurt", exact(7, "hurt"))]),
    ("Rescuers freed nine miners. Three of them were taken to hospital.",
     [("nine miners", exact(9, "miners")), ("Three of them", exact(3, "miners"))]),
    ("The crew of 40 sailors, 12 of them cadets, reached port.",
     [("40 sailors", exact(40, "sailors")), ("12 of them cadets", exact(12, "cadets"))]),
    ("Two of them were killed when the wall gave way.",
     [("Two of them were killed", exact(2, "killed"))]),
    ("The storm left a team of six stranded on the ridge.",
     [("team of six", exact(6, "people"))]),
    ("The number of people killed in the floods has risen to 38.",
     [("people killed in the floods has risen to 38", exact(38, "deaths"))]),
    ("The number of dead has climbed to 205, officials said.",
     [("number of dead has climbed to 205", exact(205, "deaths"))]),
]

NOT_TOLLS = [
    "The home side won 3-1 after extra time.",
    "Traffic on Route 66 was backed up past the toll road.",
    "Readers can call the toll-free 800 number for help.",
    "For questions call 1-800-555-0199 before noon.",
    "The toll road opened in 1998 after years of delay.",
    "The toll rose to 4.50 for cars and vans.",
    "He was killed 2 days after the attack.",
    "Deaths fell to their lowest level in 20 years.",
    "The victims were aged 19 and 24.",
    "The striker was first injured at 14 and never fully recovered.",
    "The singer, found dead at 45, had toured for years.",
    "The Group of 20 met in the capital.",
    "One of them later apologised to the family.",
    "The fever killed 1 in 5 patients it reached.",
    "The bridge toll is now 3 euros for cars.",
]


@pytest.mark.parametrize("text, expected", TOLLS + [(text, []) for text in NOT_TOLLS])
def test_tolls(quantities, text, expected):
    check(quantities, text, KIND, expected)


# Elliptical counts: a bare number after "the", "another", "all", "the last" and the like, with no
# counted noun after it, refers back to a group already counted, in its sentence or one of the
# two before. The claim runs from the opener. A noun after the number, a preposition before the
# opener ("at the 45"), a year, a time, an ordinal or a decade counts nothing.
ELLIPTICAL = [
    ("Nine miners and their foreman were trapped. The 10 were brought up on Friday.",
     [("Nine miners", exact(9, "miners")), ("The 10", exact(10, "miners"))]),
    ("Five hikers reached the hut on Monday. Another five arrived on Tuesday.",
     [("Five hikers", exact(5, "hikers")), ("Another five", exact(5, "hikers"))]),
    ("Six climbers were flown out on Friday and the last six on Sunday.",
     [("Six climbers", exact(6, "climbers")), ("the last six", exact(6, "climbers"))]),
    ("Twenty pupils sat the test. The first ten finished early.",
     [("Twenty pupils", exact(20, "pupils")), ("The first ten", exact(10, "pupils"))]),
    ("Seven sailors were missing. All seven were found alive.",
     [("Seven sailors", exact(7, "sailors")), ("All seven", exact(7, "sailors"))]),
    ("Eleven patients were moved; the remaining three stayed in the ward.",
     [("Eleven patients", exact(11, "patients")), ("the remaining three", exact(3, "patients"))]),
    ("Police questioned eight suspects and released the other five.",
     [("eight suspects", exact(8, "suspects")), ("the other five", exact(5, "suspects"))]),
    ("The club signed 14 players. The weather was bad. The 14 trained anyway.",
     [("14 players", exact(14, "players")), ("The 14", exact(14, "players"))]),
    ("Thirty dogs were rescued from the farm. All 30 recovered.",
     [("Thirty dogs", exact(30, "dogs")), ("All 30", exact(30, "dogs"))]),
    ("Four nurses left in May. A further four resigned in June.",
     [("Four nurses", exact(4, "nurses")), ("A further four", exact(4, "nurses"))]),
    ("Twelve firms bid for the contract and the final three were interviewed.",
     [("Twelve firms", exact(12, "firms")), ("the final three", exact(3, "firms"))]),
    # Not elliptical: a noun after the number, a place or label, a year, a time, an ordinal, a
    # decade, a pronoun "one", a count three sentences away, no count before at all.
    ("Twelve players trained. The coach was stopped at the 45.", [("Twelve players", exact(12, "players"))]),
    ("Ten boys came in 2019. The 2019 intake was smaller.", [("Ten boys", exact(10, "boys"))]),
    ("Ten boys came. The 9.15 train left late.", [("Ten boys", exact(10, "boys"))]),
    ("Ten boys came. The 1990s were good years.", [("Ten boys", exact(10, "boys"))]),
    ("Ten boys came. The 13th was a Friday.", [("Ten boys", exact(10, "boys"))]),
    ("Ten guests came. The one who stayed was late.", [("Ten guests", exact(10, "guests"))]),
    ("Ten guests came. It rained. It snowed. It froze. The 10 left.", [("Ten guests", exact(10, "guests"))]),
    ("The 12 were freed on Monday.", []),
    ("Five teams played. The visitors won 3-1.", [("Five teams", exact(5, "teams"))]),
]


@pytest.mark.parametrize("text, expected", ELLIPTICAL)
def test_elliptical(quantities, text, expected):
    check(quantities, text, KIND, expected)


# Demonyms: a capitalised plural right after a number counts people by where they come from,
# whatever its ending ("Iraqis" ends like "crisis"). A capitalised word after it makes the pair a
# name; glued digits, labels and names with a number are no count.
DEMONYMS = [
    ("Some 30 Iraqis and 50 Canadians joined the march.",
     [("Some 30 Iraqis", about(30, 27, 33, "iraqis")), ("50 Canadians", exact(50, "canadians"))]),
    ("The embassy said about 300 Americans were still in the city.",
     [("about 300 Americans", about(300, 270, 330, "americans"))]),
    ("Police detained two Britons at the border.", [("two Britons", exact(2, "britons"))]),
    ("Three Kenyans finished in the top five.", [("Three Kenyans", exact(3, "kenyans"))]),
    ("The tour drew 12 Swedes and 8 Danes.",
     [("12 Swedes", exact(12, "swedes")), ("8 Danes", exact(8, "danes"))]),
    ("Four Laotians were among the passengers.", [("Four Laotians", exact(4, "laotians"))]),
    ("Nearly 70 Malaysians signed the petition.", [("Nearly 70 Malaysians", about(70, 63, 70, "malaysians"))]),
    ("Six Filipinos were rescued from the boat.", [("Six Filipinos", exact(6, "filipinos"))]),
    ("Five Kuwaitis were among the medics.", [("Five Kuwaitis", exact(5, "kuwaitis"))]),
    ("Three Americans Killed in Crash", [("Three Americans", exact(3, "americans"))]),
    # Names, not counts.
    ("The band 3 Doors Down played the stadium.", []),
    ("The 76ers won again on Sunday.", []),
    ("The Route 66 Diner reopened on Monday.", []),
    ("A 7 Eleven opened on the corner.", []),
    ("Tickets for 3 Doors Down went on sale on Friday.", []),
    ("Fans of the 5 Seconds Of Summer tour queued early.", []),
]


@pytest.mark.parametrize("text, expected", DEMONYMS)
def test_demonyms(quantities, text, expected):
    check(quantities, text, KIND, expected)


# A scale abbreviation glued to a number counts when a known counted noun follows ("40m users");
# elsewhere "3m" stays three metres and "100m" a race.
SCALED = [
    ("The service lost 40m users last year.", [("40m users", exact(40_000_000, "users"))]),
    ("The app has 2.3bn people on its books.", [("2.3bn people", exact(2_300_000_000, "people"))]),
    ("The region has 1.5m residents.", [("1.5m residents", exact(1_500_000, "residents"))]),
    ("More than 4m customers lost power.",
     [("More than 4m customers", bound(4_000_000, "lower_bound", "customers"))]),
    ("About 12m voters stayed at home.", [("About 12m voters", about(12_000_000, 10_800_000, 13_200_000, "voters"))]),
    ("The census counted 3bn people in the region.", [("3bn people", exact(3_000_000_000, "people"))]),
    ("The firm has 250k customers.", [("250k customers", exact(250_000, "customers"))]),
    ("The service lost 1.2m active users in a year.", [("1.2m active users", exact(1_200_000, "users"))]),
    ("Some 6m students sat the exam.", [("Some 6m students", about(6_000_000, 5_400_000, 6_600_000, "students"))]),
    ("The plant employs 1.1bn workers worldwide.", [("1.1bn workers", exact(1_100_000_000, "workers"))]),
    # Not a scaled count: a measure, a race, an unknown noun, a spaced single letter.
    ("The wall is 3m high.", []),
    ("She won the 100m hurdles.", []),
    ("The 400m runners warmed up.", []),
    ("The lorry carried 5m pipes.", []),
    ("The crowd of 5 m people is a typo.", []),
    ("A 2m fence surrounds 40 homes.", [("40 homes", exact(40, "homes"))]),
]


@pytest.mark.parametrize("text, expected", SCALED)
def test_scaled_counts(quantities, text, expected):
    check(quantities, text, KIND, expected)
