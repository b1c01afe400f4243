"""Table tests for money claims: symbols, codes, currency words, scales and qualifiers.

Each row is an invented news sentence and the money claims a fact-checker would want read
from it, in order. Only money claims are compared (a sentence may also hold counts or
measures); an empty list means the sentence holds no money at all. Fields a row does not
name are not compared.
"""

from __future__ import annotations

import pytest

from .tables import check, expect

KIND = "money"


def money(span, amount=None, qualifier="exact", *, currency="USD", **bounds):
    """An expected money claim."""
    return expect(span, amount, qualifier, currency=currency, **bounds)


ROWS = [
    # --- plain amounts: symbols, scales, abbreviations -----------------------------------
    ("The charity raised $250,000 at its spring gala.",
     [money("$250,000", 250000)]),
    ("The school district's reserve fund grew to $19.4 million last year.",
     [money("$19.4 million", 19400000)]),
    ("Analysts valued the merger at US$5bn.",
     [money("US$5bn", 5000000000)]),
    ("The club paid €3m for the young goalkeeper.",
     [money("€3m", 3000000, currency="EUR")]),
    ("The council set aside £2.5 million for pothole repairs.",
     [money("£2.5 million", 2500000, currency="GBP")]),
    ("The founders sold their app for $250k in 2016.",
     [money("$250k", 250000)]),
    ("Lawmakers approved a $1.5 trillion spending package.",
     [money("$1.5 trillion", 1500000000000)]),
    ("A cup of coffee at the stadium costs $3.75.",
     [money("$3.75", 3.75)]),
    ("The developer paid C$12 million for the waterfront lot.",
     [money("C$12 million", 12000000, currency="CAD")]),
    ("The film took in ¥800 million in its opening week.",
     [money("¥800 million", 800000000, currency="JPY")]),
    ("The ministry earmarked USD 300 million for new rail lines.",
     [money("USD 300 million", 300000000)]),
    # --- currency words after the number ------------------------------------------------
    ("In her will she left 250,000 dollars to the animal shelter.",
     [money("250,000 dollars", 250000)]),
    ("The painting fetched 3 million pounds at auction.",
     [money("3 million pounds", 3000000, currency="GBP")]),
    ("The bakery was ordered to pay 40,000 euros in back wages.",
     [money("40,000 euros", 40000, currency="EUR")]),
    ("The town received two million dollars from the state.",
     [money("two million dollars", 2000000)]),
    ("The foundation promised a million dollars to the food bank.",
     [money("a million dollars", 1000000)]),
    ("The start-up earned 500 yuan per order.",
     [money("500 yuan", 500, currency="CNY")]),
    ("Revenue at the brewer reached EUR3m last year.",
     [money("EUR3m", 3000000, currency="EUR")]),
    # --- hyphenated adjectives ------------------------------------------------------------
    ("The province signed a $3.5-million deal with the contractor.",
     [money("$3.5-million", 3500000)]),
    ("Crews finished the 2.5 million-dollar renovation in May.",
     [money("2.5 million-dollar", 2500000)]),
    # --- bounds -------------------------------------------------------------------------
    ("More than $20 million was raised for the new hospital wing.",
     [money("More than $20 million", 20000000, "lower_bound", low=20000000, high=None)]),
    ("The library received at least $500,000 in private gifts.",
     [money("at least $500,000", 500000, "lower_bound", low=500000, high=None)]),
    ("Rents in the district have climbed to over £1,200 a month.",
     [money("over £1,200", 1200, "lower_bound", low=1200, high=None, currency="GBP")]),
    ("Organizers hope to collect up to $5,000 at the bake sale.",
     [money("up to $5,000", 5000, "upper_bound", low=None, high=5000)]),
    ("The agency spent less than $1 billion on the program.",
     [money("less than $1 billion", 1000000000, "upper_bound", low=None, high=1000000000)]),
    ("As much as $1 million is missing from the account.",
     [money("As much as $1 million", 1000000, "upper_bound", low=None, high=1000000)]),
    ("In excess of £1m was spent on consultants.",
     [money("In excess of £1m", 1000000, "lower_bound", low=1000000, high=None,
            currency="GBP")]),
    # --- approximations -----------------------------------------------------------------
    ("Tickets for the final cost about $40 each.",
     [money("about $40", 40, "approximate", low=36, high=44)]),
    ("Repairs to the bridge cost nearly $1.2 million.",
     [money("nearly $1.2 million", 1200000, "approximate", low=1080000, high=1200000)]),
    ("Roughly €450 million was set aside for flood defences.",
     [money("Roughly €450 million", 450000000, "approximate", low=405000000, high=495000000,
            currency="EUR")]),
    ("The airline lost some $2 billion during the strike.",
     [money("some $2 billion", 2000000000, "approximate", low=1800000000, high=2200000000)]),
    ("The pipeline is worth an estimated $7 billion.",
     [money("an estimated $7 billion", 7000000000, "approximate", low=6300000000,
            high=7700000000)]),
    # --- ranges -------------------------------------------------------------------------
    ("Damage was estimated at between $3 million and $4 million.",
     [money("between $3 million and $4 million", None, "range", low=3000000, high=4000000)]),
    ("Bids for the contract came in at $2 million to $3 million.",
     [money("$2 million to $3 million", None, "range", low=2000000, high=3000000)]),
    ("Parking near the arena costs $10-$15 a day.",
     [money("$10-$15", None, "range", low=10, high=15)]),
    ("The club expects to spend €30m-€40m on new players.",
     [money("€30m-€40m", None, "range", low=30000000, high=40000000, currency="EUR")]),
    # --- vague quantities ---------------------------------------------------------------
    ("The lawsuit could cost the city tens of millions of dollars.",
     [money("tens of millions of dollars", None, "vague", low=10000000, high=99999999)]),
    ("The festival brought hundreds of thousands of dollars into local shops.",
     [money("hundreds of thousands of dollars", None, "vague", low=200000, high=999999)]),
    ("Scammers have taken millions of dollars from retirees.",
     [money("millions of dollars", None, "vague", low=2000000, high=999999999)]),
    # --- a modal verb after the amount is not a month ("may" is no date) ------------------
    ("Auditors warn that $1 million may be missing from the account.",
     [money("$1 million", 1000000)]),
    # --- two amounts in one sentence are two claims, not a range -------------------------
    ("Quarterly sales rose from $3 million to $4.5 million.",
     [money("$3 million", 3000000), money("$4.5 million", 4500000)]),
    ("The mayor earns $180,000 a year, while her deputy earns $150,000.",
     [money("$180,000", 180000), money("$150,000", 150000)]),
    # --- no money -----------------------------------------------------------------------
    ("The prize-winning pumpkin weighed 40 pounds.", []),
    ("The museum first opened its doors in 1998.", []),
    ("The parade is scheduled for June 19.", []),
    ("Police were called to the scene at 10:48 p.m.", []),
    ("A 15-year-old was among the finalists.", []),
    ("She finished 3rd in the 400-metre race.", []),
    ("Readers can call the newsroom at 555-0142.", []),
    ("Schools closed for weeks during the COVID-19 pandemic.", []),
    ("The company follows a 1-1-1 model of giving back.", []),
    ("The diner sits on Route 66 outside town.", []),
    ("The update to version 2.3.1 fixed the login bug.", []),
    ("The shelter's hotline is staffed 24/7.", []),
    ("The home side won 3-2 after extra time.", []),
    ("Parliament debated the 2024-25 budget on Monday.", []),
    ("Two F-16 jets escorted the plane.", []),
    ("The price of eggs has doubled, shoppers complained.", []),
]

# Money as outlets really write it: a space after the sign, the country after the sign ("$US",
# "$A"), codes glued to a sign, a decimal comma before a scale, abbreviated scales before a
# currency word, Indian scales; and what is no money (debris, labels, scores, a cut amount).
WRITTEN_ROWS = [
    # --- a space after the sign -------------------------------------------------------------
    ("The county paid $ 480,000 to settle the lawsuit.",
     [money("$ 480,000", 480000)]),
    ("The harbour board set aside $ 12 million, between $ 10 million and $ 14 million by its count.",
     [money("$ 12 million", 12000000),
      money("between $ 10 million and $ 14 million", None, "range", low=10000000, high=14000000)]),
    ("The orchestra's deficit reached £ 1.2 million last season.",
     [money("£ 1.2 million", 1200000, currency="GBP")]),
    ("The utility raised USD$ 2.35 billion from bondholders.",
     [money("USD$ 2.35 billion", 2350000000)]),
    ("The bank lent the copper miner US $2bn last spring.",
     [money("US $2bn", 2000000000)]),
    # --- the country after the sign -----------------------------------------------------------
    ("Regulators fined the lender $US3 billion on Tuesday.",
     [money("$US3 billion", 3000000000)]),
    ("The insurer booked a $US3b charge against its profits.",
     [money("$US3b", 3000000000)]),
    ("The levy will cost growers about $A4.2 billion a year.",
     [money("about $A4.2 billion", 4200000000, "approximate", low=3780000000, high=4620000000,
            currency="AUD")]),
    ("The port operator has spent more than $A4 billion on new cranes.",
     [money("more than $A4 billion", 4000000000, "lower_bound", low=4000000000, high=None,
            currency="AUD")]),
    ("The dairy co-operative paid $NZ90 million for the plant.",
     [money("$NZ90 million", 90000000, currency="NZD")]),
    # --- abbreviated scales before a currency word, decimal commas -------------------------
    ("The carmaker set aside 1,25 bn euro for the recall.",
     [money("1,25 bn euro", 1250000000, currency="EUR")]),
    ("The brewer paid 1.2bn euro for its smaller rival.",
     [money("1.2bn euro", 1200000000, currency="EUR")]),
    ("Donors pledged 450mn euros within two days.",
     [money("450mn euros", 450000000, currency="EUR")]),
    ("The merger, worth 3,5 billion euros, closed in June.",
     [money("3,5 billion euros", 3500000000, currency="EUR")]),
    ("The startup raised $1.8 bn from three investors.",
     [money("$1.8 bn", 1800000000)]),
    # --- Indian scales ------------------------------------------------------------------------
    ("The state will spend Rs 12,400 crore on rural roads.",
     [money("Rs 12,400 crore", 124000000000, currency="INR")]),
    ("Each affected family received Rs 5 lakh in compensation.",
     [money("Rs 5 lakh", 500000, currency="INR")]),
    ("The ministry approved Rs. 300 crore for the metro line.",
     [money("Rs. 300 crore", 3000000000, currency="INR")]),
    ("The grant was raised to ₹2 lakh per farmer.",
     [money("₹2 lakh", 200000, currency="INR")]),
    ("The victims' families were paid 10 lakh rupees each.",
     [money("10 lakh rupees", 1000000, currency="INR")]),
    # --- other currencies as written --------------------------------------------------------
    ("The wealth fund lost NOK 12 billion in the quarter.",
     [money("NOK 12 billion", 12000000000, currency="NOK")]),
    ("The ferry operator paid HK$ 480 million for two new vessels.",
     [money("HK$ 480 million", 480000000, currency="HKD")]),
    # --- no money: debris, labels, codes, scores, numbers we cannot read ---------------------
    ("The fine came to [1234567] dollars, a clerk wrote.", []),
    ("The diner on Route 66 raised its prices again.", []),
    ("Call the box office on 555-123-4567 for refunds.", []),
    ("The visitors won 3-1 and pocketed the prize money.", []),
    ("Take US 101 north to reach the new toll plaza.", []),
    ("The R2-D2 toy sold out before the holiday.", []),
    ("The 2019 budget left the pension fund short.", []),
    ("A stall sold the Windows 2000 discs for cash.", []),
    # a decimal comma before a scale this pack does not know is not half-read
    ("The stadium cost R$ 7,2 bilhões to build.", []),
    # an amount cut by the end of an excerpt is dropped, not half-read
    ("The council then set aside $3 million", []),
    ("The grant was worth $3 bil", []),
]


@pytest.mark.parametrize("text, expected", ROWS + WRITTEN_ROWS)
def test_money(quantities, text, expected):
    check(quantities, text, KIND, expected)


def test_money_es_written_by_outlets(rules):
    """In Spanish the comma is the decimal mark: "R$ 7,2 mil millones" is read whole."""
    from reconcile import claims_from_text
    from reconcile.report.records import value_record

    claims = [(c.text, value_record(c.value)) for c in claims_from_text(
        "El estadio costó R$ 7,2 mil millones y US$ 3,5 millones más.", rules, language="es")
        if c.kind.value == KIND]
    assert [(text, value["amount"], value["currency"]) for text, value in claims] == [
        ("R$ 7,2 mil millones", 7200000000, "BRL"), ("US$ 3,5 millones", 3500000, "USD")]


@pytest.mark.parametrize("text", [text for text, _ in ROWS + WRITTEN_ROWS])
def test_money_span_is_exact_substring(quantities, text):
    for kind, span, _ in quantities(text):
        if kind == KIND:
            assert span and span in text, span
