"""Money, counts, percents and measures: a number, what it is a number of, and its qualifier.

One scan over the tokens finds each number once and decides what it is, so the kinds never
compete for the same words. For each number:
  1. read the number (digits, words, scale words, a vague "hundreds of");
  2. read what stands before it: a currency symbol or code, a qualifier ("more than");
  3. drop numbers that are not quantities (years, days of a month, times, ages, labels such
     as "Route 66", glued codes such as "COVID-19" or "3-2-1", street numbers);
  4. read a range ("10 to 20", "between 10 and 20", "10-20");
  5. read what follows: a percent sign, a currency word, a unit, or the counted noun; a bare
     number in a later clause of a count's sentence that repeats its construction ("90 seats
     in the stalls and the balcony's about 40") counts the same noun, and so does a bare number
     that refers back to a group already counted ("Nine miners and their foreman were trapped. The
     10 were brought up"); a glued scale abbreviation before a known noun scales a count ("40m users").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TypeVar

from ..model import Kind, Qualifier, Quantity, SIValue
from .lexicon import Lexicon, Unit
from .numbers import NumberMatch, parse_number, to_number
from .tallies import tally
from .tokens import Phrases, Token
from .worded import Worded, fraction, paired, singular, zeros

T = TypeVar("T")

_GLUE = frozenset("-:./")
# What stands before a number after the word that opens a range ("between"): not a qualifier
# of its own, it lets the joiner that also joins numbers ("and") end the range.
_OPENED = Qualifier.RANGE.value
_CLOSERS = frozenset(".,;:)!?\"'")
# The words a gapped clause's subject may hold after its determiner or possessive: a modifier
# and a noun ("the other letter's", "the second ferry,"); a longer run has room for a verb.


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity found in the tokens: its kind, value, character span and rule family."""

    kind: Kind
    value: Quantity
    start: int
    end: int
    next_token: int
    rule: str


@dataclass(slots=True)
class _Context:
    """What stands before a number: currency and qualifier, and where the claim starts."""

    first: int
    currency: str | None = None
    qualifier: str | None = None
    band: tuple[Decimal, Decimal] | None = None
    sign: int = 1
    range_blocked: bool = False


def scan_quantities(tokens: list[Token], view: str, lex: Lexicon,
                    sentence_of: Callable[[int], tuple[int, int]]) -> list[Found]:
    """Every quantity in the tokens, in text order."""
    found: list[Found] = []
    starts, worded_starts = lex.quantity_starts, lex.worded_starts
    # Most tokens open no number: the few that may are picked out first, in one pass.
    openers = [k for k, token in enumerate(tokens) if token.kind == "num" or token.low in starts]
    i = 0  # where the next quantity may start: the tokens before are read already
    for k in openers:
        if k < i:
            continue
        worded = _worded(tokens, k, view, lex) if tokens[k].low in worded_starts else []
        if worded:
            found += worded
            i = worded[-1].next_token
            continue
        number = parse_number(tokens, k, lex)
        if number is None:
            continue
        second = tally(tokens, number, lex)
        if second is not None:
            found += _tally_counts(tokens, number, second, lex)
            i = second.last
            continue
        result = _quantity(tokens, number, view, lex, found, sentence_of)
        if result is None:
            # digits are one token; a run of words may hold a number that stands alone ("twenty-five")
            i = number.last if number.digits else k + 1
            continue
        found.append(result)
        i = result.next_token
    return found


def _worded(tokens: list[Token], i: int, view: str, lex: Lexicon) -> list[Found]:
    """Counts and shares written without a numeral that start at token i (see `worded`)."""
    counts = lex.rule_names["counts"]

    def count(w: Worded) -> Found:
        amount = to_number(w.amount)
        value = Quantity(amount, Qualifier.EXACT, amount, amount, unit=w.unit)
        return Found(Kind.COUNT, value, tokens[w.first].start, tokens[w.end - 1].end, w.end, counts)

    # Each reader starts at its own few words ("no", "a", "twin"): the others are not asked.
    word = tokens[i].low
    zero = zeros(tokens, i, lex) if word in lex.zero_starts else []
    if zero:
        return [count(w) for w in zero]
    share = _share(tokens, i, view, lex) if word in lex.percent_fractions.firsts else None
    if share is not None:
        return [share]
    one = (paired(tokens, i, lex) if word in lex.pair_starts else None) \
        or (singular(tokens, i, lex) if word in lex.singular_articles else None)
    return [count(one)] if one is not None else []


def _share(tokens: list[Token], i: int, view: str, lex: Lexicon) -> Found | None:
    """A fraction of a whole as a percent ("two-thirds of the roof"), with its qualifier ("more than half").

    Unqualified, a fraction that is no whole multiple of `percent.fraction_rounding` stands for
    the multiples either side of it: "two-thirds" is 66 to 67, so "66%" is compatible with it.
    """
    hit = fraction(tokens, i, lex)
    if hit is None or lex.percent_unit is None:
        return None
    value, end = hit
    context = _before(tokens, i, view, lex)
    if context.currency is not None:
        return None
    number = NumberMatch(i, end, value, value, value, False, False)
    quantity = _value(number, None, context, value, value)
    step = lex.fraction_rounding
    if context.qualifier is None and step and value % step:
        low, high = (value // step) * step, (value // step + 1) * step
        quantity = Quantity(to_number(value), Qualifier.APPROXIMATE, to_number(low), to_number(high))
    return Found(Kind.PERCENT, replace(quantity, unit=lex.percent_unit), tokens[context.first].start,
                 tokens[end - 1].end, end, lex.rule_names["percent"])


def _tally_counts(tokens: list[Token], number: NumberMatch, second: NumberMatch, lex: Lexicon) -> list[Found]:
    """The votes for and against of a tally: the first claim spans the tally, the second its second number."""
    assert lex.tally_units is not None and number.value is not None and second.value is not None
    end = tokens[second.last - 1].end
    sides = ((number, tokens[number.first].start, lex.tally_units[0]),
             (second, tokens[second.first].start, lex.tally_units[1]))
    return [Found(Kind.COUNT, Quantity(to_number(side.value), Qualifier.EXACT, to_number(side.value),
                                       to_number(side.value), unit=unit), start, end, second.last,
                  lex.rule_names["counts"])
            for side, start, unit in sides]


def _quantity(tokens: list[Token], number: NumberMatch, view: str, lex: Lexicon,
              found: list[Found], sentence_of) -> Found | None:
    context = _before(tokens, number.first, view, lex)
    if _not_a_quantity(tokens, number, context, lex):
        return None
    number = _count_scale(tokens, _money_number(tokens, number, context, lex), context, lex)
    if _decimal_tail(tokens, number, lex):
        return None  # a decimal comma before no scale this pack knows ("R$ 7,2 bilhões"): not half-read
    second, low = _range_end(tokens, number, context, lex)
    last = second or number
    j = last.last
    high = last.high

    def make(kind: Kind, end_token: int, *, unit: str | None = None, currency: str | None = None,
             si: tuple[Decimal, str] | None = None, elided: bool = False, rule: str) -> Found:
        value = _value(number, second, context, low, high)
        si_value = None
        if si is not None and value.amount is not None:
            si_value = SIValue(to_number(Decimal(str(value.amount)) * si[0]), si[1])  # type: ignore[arg-type]
        value = replace(value, unit=unit, currency=currency, si=si_value, elided=elided)
        return Found(kind, value, tokens[context.first].start, tokens[end_token - 1].end, end_token, rule)

    # percent: "12%", "12.5 per cent", "a 4.5-percent raise"
    percent = _suffix(lex.percent_words, tokens, j)
    if percent is not None:
        return make(Kind.PERCENT, percent[1], unit=percent[0], rule=lex.rule_names["percent"])

    # money: a symbol or code before, or a currency word after (after "of" for vague amounts)
    if context.currency is not None:
        return make(Kind.MONEY, j, currency=context.currency, rule=lex.rule_names["money"])
    money = _suffix(lex.currency_words, tokens, j)
    if money is not None and (not money[0].needs_scale or last.scaled) \
            and not (money[1] < len(tokens) and tokens[money[1]].low in money[0].not_before):
        return make(Kind.MONEY, money[1], currency=money[0].code, rule=lex.rule_names["money"])

    # measure: "45 metres", "45m", "a 45-metre-high wall"
    unit_hit = _unit(tokens, j, lex)
    if unit_hit is not None:
        unit, written, end = unit_hit
        if end + 1 < len(tokens) and tokens[end].text == "-" and not tokens[end].gap \
                and not tokens[end + 1].gap and tokens[end + 1].low in lex.unit_adjectives:
            end += 2
        return make(Kind.MEASURE, end, unit=written, si=(unit.factor, unit.si_unit),
                    rule=lex.rule_names["units"])

    if _is_year(tokens, number, lex.year_range):
        return None

    if number.digits and j < len(tokens) and tokens[j].kind == "word" and not tokens[j].gap:
        return None  # glued letters that are no unit: "4G", "1990s", "21st"

    members = _members(tokens, number, second, lex)
    if members is not None:
        return make(Kind.COUNT, members[1], unit=members[0], rule=lex.rule_names["counts"])

    # count: the counted noun after the number, or the noun of the count just before it
    head = _counted_noun(tokens, j, number, lex)
    if head is not None:
        return make(Kind.COUNT, head + 1, unit=tokens[head].low, rule=lex.rule_names["counts"])
    away = _counted_away(tokens, number, context, found, lex,
                         lambda: _antecedent(view, tokens, number, found, sentence_of))
    if away is not None:
        first, end, counted = away
        claim = make(Kind.COUNT, end, unit=counted, rule=lex.rule_names["counts"])
        return replace(claim, start=min(claim.start, tokens[first].start))
    toll = _toll(tokens, j, lex)
    k = number.first - 1
    if k > 0 and tokens[k].text == "-" and not tokens[k].gap and not tokens[k + 1].gap:
        k -= 1  # "no-one was hurt"
    before = tokens[k].low if k >= 0 else ""
    if toll is not None and before not in lex.toll_not_after:  # "no one was hurt" counts nobody
        return make(Kind.COUNT, toll + 1, unit=tokens[toll].low, rule=lex.rule_names["counts"])
    previous = _elided_unit(tokens, number, context, found, lex, sentence_of)
    if previous is not None:
        return make(Kind.COUNT, j, unit=previous, elided=True, rule=lex.rule_names["counts"])
    back = _elliptical(view, tokens, number, context, found, lex, sentence_of)
    if back is not None:
        first, counted = back
        claim = make(Kind.COUNT, j, unit=counted, elided=True, rule=lex.rule_names["counts"])
        return replace(claim, start=tokens[first].start)  # the claim says which group: "the last six"
    return None


def _before(tokens: list[Token], i: int, view: str, lex: Lexicon) -> _Context:
    """Currency symbol or code, then qualifier, read leftwards from the number at token i."""
    context = _Context(first=i)
    start = tokens[i].start
    near = lex.symbols_by_last.get(view[start - 1], ()) if start else ()
    if start > 1 and view[start - 1] == " ":
        near += lex.symbols_by_last.get(view[start - 2], ())
    for symbol, code in sorted(near, key=lex.symbols.index) if len(near) > 1 else near:
        at = start - len(symbol)
        spaced = at - 1
        for pos in (at, spaced):  # "$480,000", "$ 480,000"
            if pos >= 0 and view.startswith(symbol, pos) and (pos == 0 or not view[pos - 1].isalnum()) \
                    and view[pos + len(symbol):start].strip() == "":
                context.currency = code
                while context.first > 0 and tokens[context.first - 1].start >= pos:
                    context.first -= 1
                break
        if context.currency:
            break
    if context.currency is None and i > 0 and tokens[i - 1].text in lex.codes:
        context.currency = tokens[i - 1].text
        context.first = i - 1
    k = context.first - 1
    if k >= 0 and (tokens[k].low in lex.negative_words or (
            tokens[k].text == "-" and not tokens[k + 1].gap and (k == 0 or tokens[k].gap))) \
            and lex.negative_blockers.backward(tokens, k) is None:
        # "-0.3%", "minus 2 percent"; a hyphen glued on both sides joins, it is no sign
        context.sign = -1
        context.first = k
    hit = lex.qualifiers.backward(tokens, context.first)
    if hit is not None:
        (context.qualifier, context.band), context.first = hit
    elif context.first > 0 and tokens[context.first - 1].low in lex.range_openers:
        context.qualifier = _OPENED  # "between 10 and 20": the joiner may be "and"
        context.first -= 1
    # "rose from 10 to 20" is a change between two values, not a range
    context.range_blocked = context.first > 0 and tokens[context.first - 1].low in lex.range_blockers
    return context


def _not_a_quantity(tokens: list[Token], number: NumberMatch, context: _Context, lex: Lexicon) -> bool:
    """Numbers that look like quantities but are dates, times, ages, codes or labels."""
    i, n = number.first, len(tokens)
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[number.last] if number.last < n else None
    after = tokens[number.last + 1] if number.last + 1 < n else None
    if number.digits and prev is not None and not tokens[i].gap and context.currency is None:
        # glued to what precedes: "MP3", "COVID-19", the second "2" of "3-2-1", "11:45", "#5"
        if prev.kind in ("word", "num") or prev.text == "#":
            return True
        if prev.text in _GLUE and i >= 2 and not prev.gap and tokens[i - 2].kind in ("word", "num"):
            return True
        if prev.text == lex.group_mark and i >= 2 and not prev.gap and tokens[i - 2].kind == "num":
            return True  # the decimals of "7,2" where a comma groups thousands
    if number.digits and nxt is not None and not nxt.gap:
        # glued to what follows: "11:45", "3.2.1", "9/11", "1990s", "21st"
        if nxt.text in ":./" and after is not None and after.kind == "num" and not after.gap:
            return True
    if prev is not None and (_is_month(prev, lex) or prev.low in lex.age_before):
        return True
    if prev is not None and prev.text == "." and i >= 2 and (_is_month(tokens[i - 2], lex)
                                                             or tokens[i - 2].low in lex.label_words):
        return True  # "Aug. 14", "No. 5"
    if nxt is not None and _is_month(nxt, lex):
        return True
    if lex.age_after.forward(tokens, number.last) is not None:
        return True
    ratio = lex.ratio_joiners.backward(tokens, context.first)
    if ratio is not None and ratio[1] > 0 and (tokens[ratio[1] - 1].kind == "num"
                                               or tokens[ratio[1] - 1].low in lex.number_words) \
            and lex.elliptical_openers.backward(tokens, ratio[1] - 1) is None:
        # the second number of a ratio: "1 in 3 voters", "nine of 10 residents"; not of a
        # part of a group ("the last four of 12 hikers")
        return True
    if number.digits and context.currency is None and context.qualifier is None and prev is not None:
        if _is_label(prev, lex):
            return True
        # an appositive age: "Jane Doe, 34, said"
        if prev.text == "," and i >= 2 and tokens[i - 2].text[:1].isupper() and nxt is not None \
                and nxt.text in ",.)" and number.value is not None and number.value <= lex.max_age:
            return True
    if number.digits and nxt is not None and nxt.text[:1].isupper() and nxt.kind == "word":
        # a street number: "221 Baker Street"
        for k in range(number.last + 1, min(number.last + 1 + lex.street_words, n)):
            if tokens[k].low in lex.street_suffixes and tokens[k].text[:1].isupper():
                return True
    return False


def _is_month(token: Token, lex: Lexicon) -> bool:
    # Month names are capitalised; "may" and "march" in lower case are a verb and a noun.
    return token.low in lex.months and token.text[:1].isupper()


def _is_label(prev: Token, lex: Lexicon) -> bool:
    """A word right before a number that makes it a name or label: "Flight 370", "Boeing 737"."""
    if prev.kind != "word":
        return False
    if prev.low in lex.label_words:
        return True
    if lex.nouns_capitalised:
        # "Anwohnern 180.000": a noun before a figure, capitalised as every noun is.
        return prev.text.isupper() and len(prev.text) > 1
    named = any(ch.isupper() for ch in prev.text) and not prev.low.endswith(lex.possessives)
    return named and prev.low not in lex.function_words and prev.low not in lex.months \
        and prev.low not in lex.weekdays


def _is_year(tokens: list[Token], number: NumberMatch, years: tuple[int, int]) -> bool:
    text = tokens[number.first].text
    return number.digits and not number.scaled and len(text) == 4 and text.isdigit() \
        and years[0] <= int(text) <= years[1]


def _range_end(tokens: list[Token], number: NumberMatch, context: _Context,
               lex: Lexicon) -> tuple[NumberMatch | None, Decimal | None]:
    """The second number of a range ("10 to 20", "10-20", "between 10 and 20") and the low end.

    Without a range, (None, the number's own low end).
    """
    j = number.last
    none = (None, number.low)
    if number.value is None or j + 1 >= len(tokens) or context.range_blocked:
        return none
    if tokens[j].low not in lex.range_joiners:
        # "3% to 5%", "12%-15%": the first end may repeat the unit
        hit = lex.percent_words.forward(tokens, j) or lex.units.forward(tokens, j)
        j = hit[1] if hit is not None else j
        if j + 1 >= len(tokens):
            return none
    joiner = tokens[j]
    if joiner.low not in lex.range_joiners or (joiner.low in lex.number_joiners and context.qualifier != _OPENED):
        return none
    if joiner.text == "-" and (joiner.gap or tokens[j + 1].gap):
        return none
    second = parse_number(tokens, j + 1, lex)
    if second is None and tokens[j + 1].kind == "sym" and j + 2 < len(tokens):
        # "$5 million to $10 million": the second number may repeat the currency symbol
        second = parse_number(tokens, j + 2, lex)
    if second is None or second.value is None or number.value is None \
            or (joiner.text == "-" and second.digits != number.digits):
        return none  # "7-Eleven" is a name, not a range
    if context.currency is not None:
        second = _with_money_scale(tokens, second, lex)
    low, high = number.value, second.value
    if high is None:
        return none
    if not number.scaled and second.scaled and tokens[second.first].kind == "num":
        # "$5-10 million", "between 2 and 3 billion": the scale written once applies to both.
        low = low * high / Decimal(tokens[second.first].text.replace(",", ""))
    return (second, low) if low < high else none


def _money_number(tokens: list[Token], number: NumberMatch, context: _Context, lex: Lexicon) -> NumberMatch:
    """The number as money writes it, where it is money, else the number as it is.

    Money stands after a currency sign or code, or before a currency word ("450mn euros"); a
    decimal comma ("1,25 bn euro") and an abbreviated scale are taken in.
    """
    money = _with_money_scale(tokens, _decimal_comma(tokens, number, lex), lex)
    if context.currency is not None:
        return money
    if money is number or money.value is None:
        return number
    word = _suffix(lex.currency_words, tokens, money.last)
    return money if word is not None and word[0].code else number


def _decimal_comma(tokens: list[Token], number: NumberMatch, lex: Lexicon) -> NumberMatch:
    """The number read with a decimal comma before a scale ("1,25 bn", "2,5 million"), else as it is.

    Whole digits, the group mark and digits that group no thousands are a decimal, as outlets
    writing in a language with a decimal comma print it.
    """
    j = number.last
    if not _decimal_tail(tokens, number, lex) or number.scaled or j + 2 >= len(tokens):
        return number
    scale = tokens[j + 2]
    if scale.kind != "word" or (scale.low not in lex.scales and scale.low not in lex.money_scales):
        return number
    value = Decimal(f"{tokens[number.first].text}.{tokens[j + 1].text}")
    widened = replace(number, last=j + 2, value=value, low=value, high=value)
    if scale.low in lex.money_scales:
        return widened
    scaled = value * lex.scales[scale.low]
    return replace(widened, last=j + 3, value=scaled, low=scaled, high=scaled, scaled=True)


def _decimal_tail(tokens: list[Token], number: NumberMatch, lex: Lexicon) -> bool:
    """Whether whole digits go on with the group mark and digits that group no thousands ("7,2")."""
    j = number.last
    return number.digits and tokens[number.first].text.isdigit() and j + 1 < len(tokens) \
        and tokens[j].text == lex.group_mark and not tokens[j].gap and not tokens[j + 1].gap \
        and tokens[j + 1].text.isdigit() and len(tokens[j + 1].text) != lex.group_digits


def _with_money_scale(tokens: list[Token], number: NumberMatch, lex: Lexicon) -> NumberMatch:
    """The number with an abbreviated scale taken in: the "bn" of "$5bn" or "$1.2 bn".

    Glued to the number, or after a space when it is no single letter ("$5 m" may be metres).
    """
    j = number.last
    if number.value is None or j >= len(tokens) or tokens[j].kind != "word" \
            or tokens[j].low not in lex.money_scales or (tokens[j].gap and len(tokens[j].text) < 2):
        return number
    value = number.value * lex.money_scales[tokens[j].low]
    return replace(number, last=j + 1, value=value, low=value, high=value, scaled=True)


def _count_scale(tokens: list[Token], number: NumberMatch, context: _Context, lex: Lexicon) -> NumberMatch:
    """The number with a glued scale abbreviation taken in where it counts a known noun ("40m users").

    Only before a noun of `counts.nouns`: elsewhere "3m" is three metres ("a 3m wall", "the 100m
    hurdles").
    """
    if context.currency is not None or number.scaled:
        return number
    scaled = _with_money_scale(tokens, number, lex)
    if scaled is number or tokens[number.last].gap:
        return number
    head = _counted_noun(tokens, scaled.last, scaled, lex)
    return scaled if head is not None and tokens[head].low in lex.nouns else number


def _suffix(phrases: Phrases[T], tokens: list[Token], j: int) -> tuple[T, int] | None:
    """A phrase right after a number, or after a glued hyphen ("4.5-percent", "million-dollar")."""
    if j < len(tokens) and tokens[j].text == "-" and not tokens[j].gap:
        if j + 1 >= len(tokens) or tokens[j + 1].gap:
            return None
        j += 1
    return phrases.forward(tokens, j) if j < len(tokens) else None


def _unit(tokens: list[Token], j: int, lex: Lexicon) -> tuple[Unit, str, int] | None:
    """A measurement unit at token j (or after a glued hyphen): (unit, as written, end index)."""
    hit = _suffix(lex.units, tokens, j) or _suffix(lex.units_folded, tokens, j)
    if hit is None:
        return None
    unit, end = hit
    if tokens[j].text == "-":
        j += 1
    written = tokens[j].text + "".join((" " if t.gap else "") + t.text for t in tokens[j + 1:end])
    return unit, written.lower() if len(written) > lex.abbreviation_chars else written, end  # type: ignore[return-value]


def _counted_noun(tokens: list[Token], j: int, number: NumberMatch, lex: Lexicon) -> int | None:
    """The index of the noun a number counts, within the rules' window, or None."""
    n = len(tokens)
    if number.value is not None and number.value < 1:
        return None  # "half a loaf" counts nothing
    if j + 1 < n and tokens[j].text == "-" and not tokens[j].gap and not tokens[j + 1].gap:
        return None  # a compound adjective: "a 10-story building", "a 30-round magazine"
    if j < n and lex.not_counted.forward(tokens, j) is not None:
        return None
    # A partitive: "12 of the victims", "400 of its employees"
    if j + 1 < n and tokens[j].low in lex.partitives and number.value is not None:
        j += 2 if tokens[j + 1].low in lex.determiners else 1
        if j < n and (tokens[j].kind == "num" or tokens[j].low in lex.number_words):
            return None  # "one of five people": the count is the five, read on its own
    # "7 more magazines", "three other victims"
    while j < n and tokens[j].low in lex.more_words:
        j += 1
    one = number.value == 1
    head = None
    for k in range(j, min(j + lex.count_window, n)):
        token = tokens[k]
        if token.kind == "sym" and token.text == "-" and not token.gap:
            continue
        if token.kind != "word" or token.low in lex.function_words:
            break
        if lex.not_counted.forward(tokens, k) is not None and head is None:
            return None
        if token.low in lex.nouns or (not one and lex.looks_plural(token, name=k == j)):
            head = k
            # a noun compound goes on from a singular ("family members"), and from a plural that
            # does not look like one to a plural of things ("30 police cars"); "police officers"
            # and "crew members" count the police and the crew
            nxt = tokens[k + 1] if k + 1 < n else None
            if nxt is None or nxt.kind != "word" or not (nxt.low in lex.nouns or lex.looks_plural(nxt)) \
                    or (lex.looks_plural(token) and not (token.low in lex.irregular_plurals and lex.looks_plural(nxt)
                                                         and nxt.low not in lex.persons
                                                         and nxt.low not in lex.age_before)):
                break
        elif head is not None:
            break
    if head is None:
        return None
    if one and tokens[head].low not in lex.nouns:
        return None
    after = tokens[head + 1] if head + 1 < n else None
    if tokens[head].text[:1].isupper() and tokens[head].low not in lex.nouns and after is not None \
            and after.kind == "word" and after.text[:1].isupper() and after.low not in lex.toll_words:
        return None  # a name: "3 Doors Down"
    return head


def _members(tokens: list[Token], number: NumberMatch, second: NumberMatch | None,
             lex: Lexicon) -> tuple[str, int] | None:
    """A group named by its size, "the 15-member board", "a three-person crew": (what it counts, end)."""
    j = number.last
    if second is not None or number.value is None or number.value != int(number.value) or number.value < 2 \
            or j + 1 >= len(tokens) or tokens[j].text != "-" or tokens[j].gap or tokens[j + 1].gap:
        return None  # a group of one is no group: "a one-man show"
    unit = lex.member_words.get(tokens[j + 1].low)
    if unit is None or (j + 2 < len(tokens) and tokens[j + 2].text == "-" and not tokens[j + 2].gap):
        return None  # "a 5-member-state deal" counts states
    return unit, j + 2


def _toll(tokens: list[Token], j: int, lex: Lexicon) -> int | None:
    """A count with no noun whose verb says what it counted: "three are wounded", "two were seriously hurt"."""
    k = j
    while k < len(tokens) and k - j < lex.count_window and (tokens[k].low in lex.toll_skips
                                                             or tokens[k].low in lex.toll_adverbs):
        k += 1
    return k if k < len(tokens) and tokens[k].low in lex.toll_words else None


def _counted_away(tokens: list[Token], number: NumberMatch, context: _Context, found: list[Found],
                  lex: Lexicon, antecedent: Callable[[], str | None]) -> tuple[int, int, str] | None:
    """A count whose counted thing stands away from the number: (first token, end token, unit).

    With no counted noun after the number, the counted thing is read, in this order, from:
      1. a partitive pronoun after it ("5 of them", "four of whom"): a toll word after the
         pronoun ("two of them were killed"), else what the count just before counts;
      2. a toll noun before it, joined by `toll_links` ("the death toll rose to 17", "a death
         toll of 9"); a toll is a whole number, and the links make a point, not a bound;
      3. a verb that carries a count right before it ("injuring 16", "killed three,");
      4. a group noun and a partitive before it ("a family of four").
    The claim runs from the word that names the counted thing to the number (or pronoun).
    """
    n = len(tokens)
    j = number.last
    if j < n and (lex.not_counted.forward(tokens, j) is not None or (tokens[j].text == "-" and not tokens[j].gap)):
        return None  # "killed 2 days later", "a 30-round magazine"
    ratio = lex.ratio_joiners.forward(tokens, j)
    if ratio is not None and ratio[1] < n \
            and (tokens[ratio[1]].kind == "num" or tokens[ratio[1]].low in lex.number_words):
        return None  # the first number of a ratio: "killed 1 in 5"
    if j + 1 < n and tokens[j].low in lex.partitives and tokens[j + 1].low in lex.partitive_pronouns:
        toll = _toll(tokens, j + 2, lex)
        if toll is not None:
            return context.first, toll + 1, tokens[toll].low
        noun = tokens[j + 2] if j + 2 < n else None
        if noun is not None and noun.kind == "word" and noun.low not in lex.function_words \
                and (noun.low in lex.nouns or lex.looks_plural(noun)):
            return context.first, j + 3, noun.low  # "90 medics, 50 of them volunteers"
        unit = antecedent()
        return (context.first, j + 2, unit) if unit is not None else None
    # Never reach back over a quantity already found.
    limit = found[-1].next_token if found else 0
    k = context.first
    while k > limit and context.first - k < lex.toll_link_window and tokens[k - 1].low in lex.toll_links:
        k -= 1
    if k < context.first and number.value is not None and number.value == int(number.value):
        hit = lex.toll_nouns.backward(tokens, k)
        # a short phrase may say whose toll it is: "the death toll from the fire rose to 23"
        for m in range(k - 1, max(limit, k - lex.toll_scope_words - 1) - 1, -1):
            if hit is not None or tokens[m].kind != "word":
                break
            if tokens[m].low in lex.toll_scopes:
                hit = lex.toll_nouns.backward(tokens, m)
        if hit is not None and hit[1] >= limit:
            return hit[1], j, hit[0]
    if context.first <= limit:
        return None
    before = tokens[context.first - 1]
    if before.low in lex.count_verbs:
        return context.first - 1, j, lex.count_verbs[before.low]
    if before.low in lex.partitives and context.first - 2 >= limit:
        group = tokens[context.first - 2]
        if group.low in lex.group_nouns and group.text.islower():
            return context.first - 2, j, lex.group_nouns[group.low]
    return None


def _antecedent(view: str, tokens: list[Token], number: NumberMatch, found: list[Found],
                sentence_of: Callable[[int], tuple[int, int]]) -> str | None:
    """What the count just before counts, when it stands in this sentence or the one before."""
    if not found or found[-1].kind != Kind.COUNT or not found[-1].value.unit:
        return None
    here, there = sentence_of(tokens[number.first].start), sentence_of(found[-1].start)
    if there == here or (there[1] <= here[0] and not view[there[1]:here[0]].strip()):
        return found[-1].value.unit
    return None


def _elliptical(view: str, tokens: list[Token], number: NumberMatch, context: _Context, found: list[Found],
                lex: Lexicon, sentence_of: Callable[[int], tuple[int, int]]) -> tuple[int, str] | None:
    """The noun of the latest count, for a bare number that refers back to the group it counted.

    "Nine miners and their foreman were trapped. The 10 were brought up", "another five", "the
    last six on Sunday":
    a whole number of at least `elliptical.min` after one of `elliptical.openers` (not after a
    word of `elliptical.not_after`: "at the 45"), followed by punctuation, a function word or a
    verb-looking word, never a noun ("the 45 yard line"). The latest count stands in the same
    sentence or one of the `elliptical.sentences` before it. Returns (first token, counted noun):
    the claim runs from the opener.
    """
    value = number.value
    if context.qualifier is not None or context.currency is not None or value is None \
            or value != int(value) or value < lex.elliptical_min:
        return None
    opened = lex.elliptical_openers.backward(tokens, context.first)
    if opened is None:
        return None
    start = opened[1]
    if (start > 0 and tokens[start - 1].low in lex.elliptical_not_after) \
            or (found and start < found[-1].next_token):
        return None
    nxt = tokens[number.last] if number.last < len(tokens) else None
    if nxt is not None and not (nxt.text in _CLOSERS or nxt.low in lex.conjunctions or nxt.low in lex.function_words
                                or (nxt.kind == "word" and nxt.text.islower()
                                    and nxt.low.endswith(lex.elliptical_verb_endings))):
        return None
    latest = next((f for f in reversed(found) if f.kind == Kind.COUNT and f.value.unit), None)
    if latest is None:
        return None
    here, there = sentence_of(tokens[number.first].start), sentence_of(latest.start)
    for _ in range(lex.elliptical_sentences):
        if there == here:
            break
        k = here[0] - 1
        while k >= 0 and view[k].isspace():
            k -= 1
        previous = sentence_of(k) if k >= 0 else here
        if previous[0] >= here[0]:
            return None
        here = previous
    return (start, latest.value.unit) if there == here else None


def _elided_unit(tokens: list[Token], number: NumberMatch, context: _Context, found: list[Found],
                 lex: Lexicon, sentence_of: Callable[[int], tuple[int, int]]) -> str | None:
    """The noun of the count just before, for a bare number that repeats its construction.

    Gapping: a later clause of the same sentence, opened by one of `text.conjunctions` ("and",
    "while", a comma, a semicolon), states the count again with its noun left out. The number
    ends its clause or has only an adjunct after it, opened by a function word ("on Saturday"),
    and the clause marks the repeated construction in one of three ways:
      - a possessive before the number: "30 beds in the north wing and the south wing's 20";
      - a qualifier after the subject of the clause or after the conjunction itself: "120
        passengers on the first ferry and the second about 80", "300 marchers on Friday and
        about 500 on Saturday";
      - a word like "more" after it: "14 miners freed on Friday and 9 more on Saturday".
    With a possessive or a qualifier, the clause holds nothing but its subject before them (see
    `_verbless`): a clause with a verb of its own ("and the river rose about 3") says its number
    of something else. Bare numbers with no marker ("two men, 24 and 31") are ages or other
    things, and stay out.
    """
    if not found or found[-1].kind != Kind.COUNT:
        return None
    n = len(tokens)
    nxt = tokens[number.last] if number.last < n else None
    more = nxt is not None and nxt.low in lex.more_words
    if nxt is not None and nxt.text not in _CLOSERS and nxt.low not in lex.conjunctions and not more \
            and nxt.low not in lex.function_words:
        return None
    # The new clause runs from its conjunction to the qualifier or number. A comma just before
    # them may stand for the verb ("; the second, about 80") or be the conjunction itself
    # ("6 medics, at least 4"): the clause opens at the last conjunction before it, else at it.
    start = found[-1].next_token
    end = context.first
    comma = end - 1 > start and tokens[end - 1].text == ","
    if comma:
        end -= 1
    opener = next((k for k in range(end - 1, start - 1, -1) if tokens[k].low in lex.conjunctions), None)
    if opener is None and comma:
        opener, end, comma = end, end + 1, False
    if opener is None:
        return None
    before = tokens[context.first - 1] if context.first > 0 else None
    possessive = before is not None and before.kind == "word" and before.low.endswith(lex.possessives)
    qualified = context.qualifier in ("lower_bound", "upper_bound", "approximate")
    if not (more or ((possessive or qualified) and _verbless(tokens[opener + 1:end], comma, lex))):
        return None
    if sentence_of(found[-1].start) != sentence_of(tokens[number.first].start):
        return None
    return found[-1].value.unit


def _verbless(clause: list[Token], comma: bool, lex: Lexicon) -> bool:
    """Whether the words of a gapped clause before its number are a subject and no more.

    Nothing ("and about 500"), or a noun phrase: a determiner (`counts.determiners`) or a
    possessive ("Acme's") and up to `counts.gapped_subject_words` more words, none a function word
    but one like "other" ("the other letter's"). Without a verb list the second of two words
    after a determiner may be a verb ("the river rose about 3", "the match ended around 9"), so
    two are taken only when the last is a possessive ("the new one's up to 400") or a comma
    stands for the verb ("the second ferry, about 80").
    """
    if not clause:
        return True
    head, rest = clause[0], clause[1:]
    owner = head.kind == "word" and head.low.endswith(lex.possessives)
    if head.low not in lex.determiners and not owner:
        return False
    if not rest:
        return owner  # a determiner alone is a pronoun: "those over 40" are ages
    if len(rest) > lex.gapped_subject_words or any(
            t.kind != "word" or (t.low in lex.function_words and t.low not in lex.more_words) for t in rest):
        return False
    return len(rest) < lex.gapped_subject_words or comma or rest[-1].low.endswith(lex.possessives)


def _value(number: NumberMatch, second: NumberMatch | None, context: _Context,
           low: Decimal | None, high: Decimal | None) -> Quantity:
    """The interval a number asserts, given its qualifier and sign."""
    sign = Decimal(context.sign)
    if second is not None and low is not None and high is not None:
        ends = sorted((low * sign, high * sign))
        return Quantity(None, Qualifier.RANGE, to_number(ends[0]), to_number(ends[1]))
    if number.value is None:
        return Quantity(None, Qualifier.VAGUE, to_number(low), to_number(high))
    amount = number.value * sign
    qualifier = context.qualifier
    if qualifier == "lower_bound":
        return Quantity(to_number(amount), Qualifier.LOWER_BOUND, to_number(amount), None)
    if qualifier == "upper_bound":
        return Quantity(to_number(amount), Qualifier.UPPER_BOUND, None, to_number(amount))
    if qualifier == "approximate" and context.band is not None:
        ends = sorted((amount * context.band[0], amount * context.band[1]))
        return Quantity(to_number(amount), Qualifier.APPROXIMATE, to_number(ends[0]), to_number(ends[1]))
    exact = to_number(amount)
    return Quantity(exact, Qualifier.EXACT, exact, exact)
