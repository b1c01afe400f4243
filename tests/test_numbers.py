"""Number normalisation: digits, words and scale words read the same value, and round-trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile import claims_from_text, load_rules
from reconcile.extract.lexicon import lexicon
from reconcile.extract.numbers import parse_amount, to_number

# English numbers: each source is read in its own language's pack (German "Billion" is 10**12).
LEX = lexicon(load_rules().for_language("en"))


@pytest.fixture
def lex():
    return LEX


@pytest.mark.parametrize("text, value", [
    ("1,234,000", 1234000),
    ("1.234 million", 1234000),
    ("1234000", 1234000),
    ("19.4 million", 19400000),
    ("2.5 billion", 2500000000),
    ("twenty-five", 25),
    ("twenty five", 25),
    ("Ninety-nine", 99),
    ("two hundred", 200),
    ("one hundred and fifty", 150),
    ("two hundred thousand", 200000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("a million", 1000000),
    ("three million", 3000000),
    ("0.5", 0.5),
    ("12", 12),
])
def test_written_numbers_have_their_value(lex, text, value):
    assert to_number(parse_amount(text, lex)) == value


@pytest.mark.parametrize("digits, is_number", [(20, True), (24, True), (25, False), (5_000, False)])
def test_a_run_of_digits_longer_than_any_figure_is_no_number(lex, digits, is_number):
    # A code, an identifier or a scraped run of noise: reading it as a value would cost time that
    # grows with the square of its length, and no news figure has that many digits.
    assert lex.max_digits == 24
    assert (parse_amount("9" * digits, lex) is not None) is is_number


def test_a_long_run_of_digits_states_no_claim(rules):
    text = f"Reference {'7' * 60} was filed with 12 complaints."
    claims = [(c.kind.value, c.text) for c in claims_from_text(text, rules)]
    assert claims == [("count", "12 complaints")]


@pytest.mark.parametrize("text", ["1,23", "twenty-", "hundred", "1.2.3", "", "dozen", "minus five"])
def test_non_numbers_have_no_value(lex, text):
    assert parse_amount(text, lex) is None


def test_decimal_arithmetic_keeps_whole_amounts_whole(lex):
    # float arithmetic would give 19399999.999999996
    assert to_number(parse_amount("19.4 million", lex)) == 19400000
    assert isinstance(to_number(Decimal("19400000.0")), int)


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_and_without_commas_round_trip(n):
    assert parse_amount(f"{n:,}", LEX) == n
    assert parse_amount(str(n), LEX) == n


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from([("thousand", 3), ("million", 6), ("billion", 9)]))
def test_scaled_decimals_round_trip(n, scale):
    word, power = scale
    written = f"{Decimal(n) / 1000:f} {word}"  # e.g. "1.234 million"
    assert parse_amount(written, LEX) == Decimal(n) * 10 ** (power - 3)
