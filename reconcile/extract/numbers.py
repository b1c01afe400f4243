"""Numbers as news writes them: digits, words, scale words and vague quantities.

Arithmetic is decimal, so that "$4.1 million" is 4100000 and not 4099999.9999999995.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .lexicon import Lexicon
from .tokens import Token, tokenize


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number found at tokens[first:last]: a value, or for vague quantities only bounds."""

    first: int
    last: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    digits: bool
    scaled: bool


def to_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON-friendly number: an int when whole, else a float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(tokens: list[Token], i: int, lex: Lexicon) -> NumberMatch | None:
    """The number that starts at token i, or None."""
    token = tokens[i]
    if token.kind == "num":
        if len(token.low) > lex.max_digits:
            return None  # a code or noise, not a figure
        value = Decimal(token.low)  # the tokenizer wrote it with a decimal point and no group marks
        j, value, scaled = _apply_scales(tokens, i + 1, value, lex)
        return NumberMatch(i, j, value, value, value, True, scaled)
    if token.kind != "word":
        return None
    vague = lex.vague.forward(tokens, i)
    if vague is not None:
        (low, high), j = vague
        return NumberMatch(i, j, None, low, high, False, True)
    fraction = lex.fractions.forward(tokens, i)
    if fraction is not None:
        value, j = fraction
        j, value, scaled = _apply_scales(tokens, j, value, lex)
        return NumberMatch(i, j, value, value, value, False, scaled)
    if token.low in lex.articles and i + 1 < len(tokens) and tokens[i + 1].low in lex.scales:
        j, value, _ = _apply_scales(tokens, i + 1, Decimal(1), lex)
        return NumberMatch(i, j, value, value, value, False, True)
    if token.low in lex.number_words:
        j, value = _number_words(tokens, i, lex)
        j, value, scaled = _apply_scales(tokens, j, value, lex)
        return NumberMatch(i, j, value, value, value, False, scaled)
    return None


def _apply_scales(tokens: list[Token], j: int, value: Decimal, lex: Lexicon) -> tuple[int, Decimal, bool]:
    """Multiply by the scale words that follow ("1.5 million", "two hundred thousand")."""
    scaled = False
    while j < len(tokens):
        # "$3.5-million", as some outlets hyphenate the scale
        k = j + 1 if tokens[j].text == "-" and not tokens[j].gap and j + 1 < len(tokens) \
            and not tokens[j + 1].gap else j
        if tokens[k].kind != "word" or tokens[k].low not in lex.scales:
            break
        value *= lex.scales[tokens[k].low]
        scaled = True
        j = k + 1
    return j, value, scaled


def _number_words(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, Decimal]:
    """Read a run of number words ("twenty-five", "one hundred and fifty"); returns (end, value)."""
    words = lex.number_words
    current = words[tokens[i].low]
    j = i + 1
    # Tens take a unit after them ("twenty-five", "twenty five"); nothing else combines here:
    # "hundred", "thousand" and friends are scale words, applied by the caller.
    if current >= 20 and current % 10 == 0 and j < len(tokens):
        hyphen = tokens[j].text == "-" and not tokens[j].gap
        k = j + 1 if hyphen else j
        if k < len(tokens) and tokens[k].low in words and 1 <= words[tokens[k].low] <= 9 \
                and (not hyphen or not tokens[k].gap):
            current += words[tokens[k].low]
            j = k + 1
    # "one hundred and fifty": a scale, a joining word, then the rest below that scale.
    if j + 2 < len(tokens) and tokens[j].low in lex.scales and tokens[j + 1].low in lex.number_joiners \
            and tokens[j + 2].low in words:
        rest_end, rest = _number_words(tokens, j + 2, lex)
        scale = lex.scales[tokens[j].low]
        if rest < scale:
            return rest_end, current * scale + rest
    return j, Decimal(current)


def parse_amount(text: str, lex: Lexicon) -> Decimal | None:
    """The value of a whole string that is one number ("1,234,000", "1.234 million"), else None."""
    tokens = tokenize(text)
    if not tokens:
        return None
    match = parse_number(tokens, 0, lex)
    if match is None or match.last != len(tokens):
        return None
    return match.value
