"""How two values relate when judged: bounds as news writes them, and amounts in two currencies.

Each row is two invented sentences and how their one figure relates, read both ways round:

- a bound sits near its number: "more than N" is N to N times the rules' `near_bound`, "up to N"
  (and "fewer than", "as many as", "under") N divided by it to N, while the value itself keeps
  its open end; approximate words and vague amounts keep their own bands, and two approximate
  figures agree when one's figure lies in the other's band, and two ranges with different ends
  conflict;
- amounts in two currencies relate through the rules' band of rates for the pair (`conversions`),
  each amount keeping its rounding and bounds; a pair with no band is not compared (None).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.extract import claims_from_text
from reconcile.model import Qualifier, Quantity
from reconcile.values import (
    COMPATIBLE,
    CONFLICT,
    SAME,
    bound_beyond,
    converts,
    rate_band,
    relation,
    value_rules,
    with_rates,
)

FIGURES = ("money", "count", "percent", "measure", "duration")


def figure(rules, text):
    """The one figure of an invented sentence."""
    found = [c for c in claims_from_text(text, rules) if c.kind.value in FIGURES]
    assert len(found) == 1, [(c.kind.value, c.text) for c in found]
    return found[0]


NEAR_BOUNDS = [
    # A lower bound holds its own number and what lies near above it ...
    ("More than 320 people signed the letter.", "In all, 320 people signed the letter.", COMPATIBLE),
    ("At least 23 boats were damaged.", "In all, 24 boats were damaged.", COMPATIBLE),
    ("Over 320 people signed the letter.", "In all, 450 people signed the letter.", COMPATIBLE),
    ("More than 320 people signed the letter.", "More than 400 people signed the letter.", COMPATIBLE),
    # ... not a figure an order of magnitude above, bound or point.
    ("More than 320 people signed the letter.", "More than 3,200 people signed the letter.", CONFLICT),
    ("More than 320 people signed the letter.", "In all, 3,200 people signed the letter.", CONFLICT),
    ("More than 320 people signed the letter.", "In all, 500 people signed the letter.", CONFLICT),
    ("More than 320 people signed the letter.", "In all, 300 people signed the letter.", CONFLICT),
    # An upper bound holds its number and what lies near below it.
    ("Up to 42 million users were affected.", "In all, 42 million users were affected.", COMPATIBLE),
    ("As many as 42 million users were affected.", "In all, 30 million users were affected.", COMPATIBLE),
    ("As many as 42 million users were affected.", "In all, 10 million users were affected.", CONFLICT),
    ("Fewer than 90 homes were flooded.", "In all, 70 homes were flooded.", COMPATIBLE),
    ("Fewer than 90 homes were flooded.", "In all, 40 homes were flooded.", CONFLICT),
    ("Under 50 boats were damaged.", "In all, 51 boats were damaged.", CONFLICT),
    # A lower and an upper bound meet where their near ranges do.
    ("More than 320 people signed the letter.", "Up to 400 people signed the letter.", COMPATIBLE),
    ("More than 320 people signed the letter.", "Fewer than 200 people signed the letter.", CONFLICT),
    # Approximate words and vague amounts keep their place.
    ("Nearly 380 firefighters were sent.", "In all, 380 firefighters were sent.", COMPATIBLE),
    ("Hundreds of people signed the letter.", "More than 320 people signed the letter.", COMPATIBLE),
    ("Hundreds of people signed the letter.", "In all, 320 people signed the letter.", COMPATIBLE),
    # A bare plural of a scale reaches up to the next scale; its compounds keep their own.
    ("Millions of users were affected.", "In all, 60 million users were affected.", COMPATIBLE),
    ("Thousands of people marched.", "In all, 45,000 people marched.", COMPATIBLE),
    ("Thousands of people marched.", "In all, 1,500 people marched.", CONFLICT),
    ("Tens of thousands of people marched.", "In all, 450,000 people marched.", CONFLICT),
    # Money and percent bounds, rounding kept on the other side.
    ("The bill came to more than $2 billion.", "The bill came to $2.4 billion.", COMPATIBLE),
    ("The bill came to more than $2 billion.", "The bill came to $5 billion.", CONFLICT),
    ("More than 30% of voters stayed home.", "Some 40% of voters stayed home.", COMPATIBLE),
    ("More than 30% of voters stayed home.", "In all, 60% of voters stayed home.", CONFLICT),
    # The same bound twice is the same value.
    ("More than 320 people signed the letter.", "More than 320 people signed the letter.", SAME),
    # Durations: the days they allow, near a bound's number.
    ("The blaze burned for more than 20 hours.", "The blaze burned for 22 hours.", COMPATIBLE),
    ("The blaze burned for more than 20 hours.", "The blaze burned for four days.", CONFLICT),
    ("The firm must reply within 60 days.", "The firm must reply within two months.", COMPATIBLE),
    ("He faces up to five years in prison.", "He faces four years in prison.", COMPATIBLE),
    ("He faces up to five years in prison.", "He faces six months in prison.", CONFLICT),
    ("The talks lasted nearly 15 hours.", "The talks lasted more than 14 hours.", COMPATIBLE),
    # Two approximate figures agree when one's figure lies in the other's band; bands that only
    # touch hold two figures.
    ("About 300 volunteers were sent.", "Around 315 volunteers were sent.", COMPATIBLE),
    ("About 300 volunteers were sent.", "Roughly 345 volunteers were sent.", CONFLICT),
    ("Nearly 300 volunteers were sent.", "About 285 volunteers were sent.", COMPATIBLE),
    ("The village lies about 6 km from the border.", "The village lies around 6.4 km from the border.", COMPATIBLE),
    ("The village lies about 6 km from the border.", "The village lies about 5.1 km from the border.", CONFLICT),
    ("The strike lasted around 30 hours.", "The strike lasted about 32 hours.", COMPATIBLE),
    ("The strike lasted around 30 hours.", "The strike lasted about 36 hours.", CONFLICT),
    # Two ranges state their ends: different ends are two ranges, however they overlap.
    ("Between 300 and 400 people marched.", "Some 300 to 400 people marched.", SAME),
    ("Between 300 and 400 people marched.", "Some 300 to 450 people marched.", CONFLICT),
    ("Repairs will cost between $2 million and $4 million.", "Repairs will cost $2 million to $5 million.",
     CONFLICT),
    ("The works will take two to three weeks.", "The works will take two to four weeks.", CONFLICT),
    # A range and a point inside it are compatible.
    ("Repairs will cost between $2 million and $4 million.", "Repairs will cost $3 million.", COMPATIBLE),
]


@pytest.mark.parametrize("first, second, expected", NEAR_BOUNDS)
def test_a_bound_sits_near_its_number(rules, first, second, expected):
    a, b = figure(rules, first), figure(rules, second)
    compiled = value_rules(rules)
    assert (relation(a, b, compiled), relation(b, a, compiled)) == (expected, expected), (a.value, b.value)


def test_a_bound_keeps_its_open_end_in_the_value(rules):
    value = figure(rules, "More than 320 people signed the letter.").value
    assert isinstance(value, Quantity)
    assert (value.qualifier, value.low, value.high) == (Qualifier.LOWER_BOUND, 320, None)


CONVERSIONS = [
    # Within the pair's band, either way round the rules list it.
    ("The donor gave €40 million.", "The donor gave $45 million.", COMPATIBLE),
    ("The donor gave $45 million.", "The donor gave €40 million.", COMPATIBLE),
    ("The donor gave £30 million.", "The donor gave $39 million.", COMPATIBLE),
    ("The donor gave £30 million.", "The donor gave €35 million.", COMPATIBLE),
    ("The firm paid $500 million.", "The firm paid A$725 million.", COMPATIBLE),
    ("The firm paid $500 million.", "The firm paid C$680 million.", COMPATIBLE),
    ("The firm paid $40 million.", "The firm paid ¥5 billion.", COMPATIBLE),
    ("The firm paid $40 million.", "The firm paid CHF 36 million.", COMPATIBLE),
    ("The firm paid $40 million.", "The firm paid 270 million yuan.", COMPATIBLE),
    ("The firm paid $40 million.", "The firm paid Rs 300 crore.", COMPATIBLE),
    # Rounding stays: "$2.3bn" is 2.25 to 2.35 billion, "€2bn" 1.5 to 2.5 billion.
    ("The plant cost €2bn to build.", "The plant cost $2.3bn to build.", COMPATIBLE),
    # Outside the band.
    ("The donor gave €40 million.", "The donor gave $80 million.", CONFLICT),
    ("The firm paid $500 million.", "The firm paid A$450 million.", CONFLICT),
    ("The donor gave £30 million.", "The donor gave €30 million.", CONFLICT),
    # A bound converts near its number too.
    ("The donor gave more than €40 million.", "The donor gave $48 million.", COMPATIBLE),
    ("The donor gave more than €40 million.", "The donor gave $90 million.", CONFLICT),
    # No band between the two: not compared.
    ("The firm paid $500 million.", "The firm paid ₩650 billion.", None),
]


@pytest.mark.parametrize("first, second, expected", CONVERSIONS)
def test_amounts_in_two_currencies_relate_through_the_band(rules, first, second, expected):
    a, b = figure(rules, first), figure(rules, second)
    compiled = value_rules(rules)
    assert (relation(a, b, compiled), relation(b, a, compiled)) == (expected, expected)


@pytest.mark.parametrize("first, second, expected", [
    ("USD", "EUR", True), ("EUR", "USD", True), ("AUD", "USD", True), ("INR", "GBP", True), ("CNY", "EUR", True),
    ("USD", "USD", True), (None, None, True), ("USD", "KRW", False), ("AUD", "NZD", False), ("USD", None, False),
])
def test_converts_says_whether_two_currencies_compare_at_all(rules, first, second, expected):
    def amount(currency):
        return Quantity(5, Qualifier.EXACT, 5, 5, currency=currency)

    assert converts(amount(first), amount(second), value_rules(rules)) is expected


@pytest.mark.parametrize("rate, widened", [
    (1.3, True),   # a little past the band's top (1.26): a rate of a later day
    (0.9, True),   # a little under its bottom
    (1.1, False),  # inside it already: nothing to widen
    (2.0, False),  # far beyond it: a slip, not a rate
])
def test_a_rate_a_source_states_widens_the_band_near_it(rules, rate, widened):
    compiled = value_rules(rules)
    band = rate_band("EUR", "USD", compiled)
    assert band is not None and not band[0] <= 1.3 <= band[1]
    wider = rate_band("EUR", "USD", with_rates(compiled, [("EUR", "USD", rate)]))
    assert wider is not None
    assert (wider != band) is widened
    assert (wider[0] <= rate <= wider[1]) is (widened or band[0] <= rate <= band[1])
    # Stated the other way round, the same rate widens the same band.
    assert rate_band("EUR", "USD", with_rates(compiled, [("USD", "EUR", 1 / rate)])) == pytest.approx(wider)


def test_a_pair_with_no_band_takes_the_rates_its_sources_state(rules):
    compiled = with_rates(value_rules(rules), [("USD", "KRW", 1300.0), ("KRW", "USD", 1 / 1400)])
    assert rate_band("USD", "KRW", compiled) == pytest.approx((1300, 1400))


@given(rate=st.floats(0.001, 0.999), millions=st.integers(10, 900))
def test_every_rate_in_the_band_is_a_conversion(rules, rate, millions):
    """Any rate in a pair's band turns an amount written in full into a compatible one."""
    from reconcile.model import Claim, Kind, Span

    compiled = value_rules(rules)
    for (source, target), (low, high) in compiled.conversions.items():
        at = low + (high - low) * rate
        given, converted = millions * 1_000_000, millions * 1_000_000 * at
        amounts = (Quantity(given, Qualifier.EXACT, given, given, currency=source),
                   Quantity(converted, Qualifier.EXACT, converted, converted, currency=target))
        a, b = (Claim(f"c{k}", f"s{k}", Kind.MONEY, Span(0, 1, 1, 1), "x", "x", v, "money")
                for k, v in enumerate(amounts))
        assert relation(a, b, compiled) == relation(b, a, compiled) == COMPATIBLE, (source, target, at)


@given(base=st.integers(10, 5000), factor=st.floats(1, 3))
def test_a_lower_bound_holds_a_point_exactly_as_far_as_the_near_factor(rules, base, factor):
    from reconcile.model import Claim, Kind, Span

    compiled = value_rules(rules)
    point = round(base * factor)
    values = (Quantity(base, Qualifier.LOWER_BOUND, base, None), Quantity(point, Qualifier.EXACT, point, point))
    a, b = (Claim(f"c{k}", f"s{k}", Kind.COUNT, Span(0, 1, 1, 1), "x", "x", v, "counts") for k, v in enumerate(values))
    expected = COMPATIBLE if point <= base * compiled.near_bound else CONFLICT
    assert relation(a, b, compiled) == relation(b, a, compiled) == expected


@pytest.mark.parametrize("claim, other, beyond", [
    ("More than 400 people signed the letter.", "More than 300 people signed the letter.", True),
    ("More than 400 people signed the letter.", "In all, 350 people signed the letter.", True),
    ("More than 250 people signed the letter.", "More than 300 people signed the letter.", False),
    ("More than 250 people signed the letter.", "In all, 300 people signed the letter.", False),
    ("More than 250 people signed the letter.", "About 300 people signed the letter.", False),
    ("More than 250 people signed the letter.", "Between 200 and 350 people signed the letter.", True),
    ("Fewer than 40 boats were damaged.", "Fewer than 50 boats were damaged.", True),
    ("Fewer than 60 boats were damaged.", "Fewer than 50 boats were damaged.", False),
    ("The talks lasted more than 20 hours.", "The talks lasted more than 15 hours.", True),
    # Only a bound can go beyond; a point is judged by how the values relate.
    ("In all, 350 people signed the letter.", "More than 300 people signed the letter.", False),
    ("The fine came to more than $5 million.", "The fine came to more than €4 million.", False),
])
def test_a_bound_goes_beyond_what_says_less(rules, claim, other, beyond):
    assert bound_beyond(figure(rules, claim), figure(rules, other), value_rules(rules)) is beyond
