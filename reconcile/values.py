"""How two values relate: the same, compatible (differ only in precision), or in conflict.

Quantities and dates are intervals compared with closed bounds, since news rounds: "more
than 400" and "400" can both be true, as can "$12.3 million" and "$12 million" (a figure
written with a scale word stands for what rounds to it: half a unit either side, as the
`judge` rules say). A bound is read as news writes it, near its number: "more than 400" is
400 up to the rules' `near_bound` times 400 when compared, though the value keeps its open end.
Amounts of money in two currencies compare through the rules' band of rates for the pair
(`conversions`), widened by the rate a source itself gives (`with_rates`); a pair with no band
cannot be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from .model import Claim, DateValue, Duration, Qualifier, Quantity, QuoteValue
from .rules import RuleSet

_NUMBER = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_BRACKETS = re.compile(r"\[[^\]]*\]")

SAME, COMPATIBLE, CONFLICT = "same", "compatible", "conflict"


@dataclass(frozen=True, slots=True)
class ValueRules:
    """The `judge` rules on values, compiled, with the scale words they lean on."""

    round_scaled: bool
    rounded_within: float
    same_within: float
    scales: dict[str, Decimal]
    # What a bound stated in news reaches: "more than N" is N to N * near_bound, "up to N" is
    # N / near_bound to N.
    near_bound: float
    # (from, to) -> (low, high): what one unit of `from` is worth in `to`, as a band of rates.
    conversions: Mapping[tuple[str, str], tuple[float, float]]
    # How far beyond its pair's band a rate a source itself gives may lie and still widen it.
    implied_within: float


@lru_cache(maxsize=8)
def value_rules(rules: RuleSet) -> ValueRules:
    """Compile the value part of the `judge` rules (cached per rule set)."""
    data = rules.of_type("judge")
    # A scale word two languages spell alike keeps the value of the pack read first (English):
    # German "Billion" is a thousand times English "billion", and a story in both reads each in
    # its own pack; here the word only sets how finely a figure was rounded.
    scales: dict[str, Decimal] = {}
    for rule_file in rules.files:
        if rule_file.type == "numbers":
            for key in ("scales", "money_scales"):
                for k, v in (rule_file.data.get(key) or {}).items():
                    scales.setdefault(str(k).lower(), Decimal(str(v)))
    conversions = {(str(x).upper(), str(y).upper()): (float(band[0]), float(band[1]))
                   for x, pairs in (data.get("conversions") or {}).items() for y, band in (pairs or {}).items()}
    return ValueRules(bool(data["round_scaled_amounts"]), float(data["rounded_within"]), float(data["same_within"]),
                      scales, float(data["near_bound"]), conversions, float(data["implied_rate_within"]))


def rate_band(source: str, target: str, compiled: ValueRules) -> tuple[float, float] | None:
    """What one unit of `source` is worth in `target`, as the rules' band (either way round), or None."""
    if source == target:
        return 1.0, 1.0
    band = compiled.conversions.get((source, target))
    if band is not None:
        return band
    back = compiled.conversions.get((target, source))
    return None if back is None else (1 / back[1], 1 / back[0])


def converts(a: Quantity, b: Quantity, compiled: ValueRules) -> bool:
    """Whether two amounts can be compared at all: one currency, or two with a band of rates between them."""
    if a.currency == b.currency:
        return True
    return a.currency is not None and b.currency is not None and rate_band(a.currency, b.currency, compiled) is not None


def implied_rate(a: Quantity, b: Quantity) -> float | None:
    """The rate at which `b` converts `a` (what one unit of a's currency is worth in b's), if both give an amount."""
    if a.currency is None or b.currency is None or a.currency == b.currency or not a.amount or b.amount is None:
        return None
    return float(b.amount) / float(a.amount)


def stated_rates(claims: Iterable[Claim]) -> list[tuple[str, str, float]]:
    """The rates sources state by giving one amount in two currencies, as (from, to, rate).

    Claims of one source in one group are one amount: "€40 million ($45 million)" states 1.125.
    """
    rates = []
    listed = list(claims)
    for k, a in enumerate(listed):
        for b in listed[k + 1:]:
            if a.source == b.source and isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
                rate = implied_rate(a.value, b.value)
                if rate is not None and a.value.currency and b.value.currency:
                    rates.append((a.value.currency, b.value.currency, rate))
    return rates


def with_rates(compiled: ValueRules, rates: Iterable[tuple[str, str, float]]) -> ValueRules:
    """The rules with each pair's band widened to the rates (from, to, rate) that sources themselves give.

    A source that prints one amount in two currencies ("€40 million ($45 million)") states
    the rate it converts at: another source converting at that rate is no error, though the rate
    lies beyond the rules' band (rates move after the band's date). A rate further than
    `implied_within` beyond the band is taken for a slip, not a rate, and widens nothing; a pair
    the rules give no band takes the rates its sources give.
    """
    bands = dict(compiled.conversions)
    for source, target, rate in rates:
        if rate <= 0:
            continue
        key, rate = ((source, target), rate) if (target, source) not in bands else ((target, source), 1 / rate)
        given = compiled.conversions.get(key)
        if given is not None and not (given[0] * (1 - compiled.implied_within) <= rate
                                      <= given[1] * (1 + compiled.implied_within)):
            continue
        low, high = bands.get(key, (rate, rate))
        bands[key] = (min(low, rate), max(high, rate))
    return replace(compiled, conversions=bands) if bands != compiled.conversions else compiled


def relation(a: Claim, b: Claim, compiled: ValueRules) -> str | None:
    """SAME, COMPATIBLE or CONFLICT for two quantities or two dates; None for other values.

    None too for two amounts of money in currencies the rules give no rate between.
    """
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        if a.value.clock is not None and b.value.clock is not None and a.value.start is None \
                and b.value.start is None and not a.value.month and not b.value.month:
            return _clock_relation(a.value, b.value)  # two times of day with no day stated
        if a.value.start is None and b.value.start is None and not a.value.month and not b.value.month:
            # Two dates nothing could place ("on Monday", "on Friday" in undated articles)
            # compare as written.
            return SAME if " ".join(a.text.lower().split()) == " ".join(b.text.lower().split()) else CONFLICT
        return _date_relation(a.value, b.value)
    if isinstance(a.value, Duration) and isinstance(b.value, Duration):
        return _duration_relation(a.value, b.value, compiled)
    if not (isinstance(a.value, Quantity) and isinstance(b.value, Quantity)):
        return None
    if a.value.currency != b.value.currency:
        return _conversion_relation(a, b, compiled)
    if a.value.qualifier == b.value.qualifier and all(
            _close(x, y, compiled) for x, y in zip(_stated(a.value), _stated(b.value), strict=True)):
        return SAME
    if a.value.qualifier is b.value.qualifier is Qualifier.RANGE:
        return CONFLICT  # "aged 9 to 13" and "aged 9 to 14" state two ranges, however they overlap
    (la, ha), rounded_a = _interval(a, compiled)
    (lb, hb), rounded_b = _interval(b, compiled)
    if a.value.qualifier is b.value.qualifier is Qualifier.APPROXIMATE and a.value.amount is not None \
            and b.value.amount is not None:
        return _approximately(float(a.value.amount) * _si_factor(a.value), (la, ha),
                              float(b.value.amount) * _si_factor(b.value), (lb, hb))
    if rounded_a and rounded_b:
        # Two rounded figures ("$14 million", "$15 million") only touch at their edges: they
        # must share more than an edge to be the same figure rounded differently.
        overlaps = la < hb and lb < ha  # type: ignore[operator]
    else:
        overlaps = _overlap((la, ha), (lb, hb))
    return COMPATIBLE if overlaps else CONFLICT


def _conversion_relation(a: Claim, b: Claim, compiled: ValueRules) -> str | None:
    """Two amounts in different currencies: compatible when a rate in the pair's band turns one into the other.

    Each amount keeps its rounding and bounds ("$1.4bn" is 1.35 to 1.45 billion), so a converted
    figure rounded differently is no conflict.
    """
    assert isinstance(a.value, Quantity) and isinstance(b.value, Quantity)
    if a.value.currency is None or b.value.currency is None:
        return None
    band = rate_band(a.value.currency, b.value.currency, compiled)
    if band is None:
        return None
    if a.value.amount is not None and b.value.amount is not None \
            and (a.value.low, a.value.high) == (b.value.low, b.value.high):
        # A conversion changes the figure: "£70 million" printed again as "$70 million" is the
        # currency slipping, unless the pair's band holds parity itself (rounding does not stretch it there).
        return COMPATIBLE if band[0] <= 1 <= band[1] else CONFLICT
    (la, ha), _ = _interval(a, compiled)
    (lb, hb), _ = _interval(b, compiled)
    low = None if la is None else la * band[0]
    high = None if ha is None else ha * band[1]
    return COMPATIBLE if _overlap((low, high), (lb, hb)) else CONFLICT


def _overlap(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    """Whether two closed intervals share a value (None: unbounded)."""
    return (a[1] is None or b[0] is None or b[0] <= a[1]) and (b[1] is None or a[0] is None or a[0] <= b[1])


def _near(low: float | None, high: float | None, qualifier: Qualifier,
          compiled: ValueRules) -> tuple[float | None, float | None]:
    """A bound as news writes it: "more than N" sits near N (N to N * near_bound), "up to N" likewise below N."""
    if qualifier is Qualifier.LOWER_BOUND and low is not None and high is None:
        return low, low * compiled.near_bound
    if qualifier is Qualifier.UPPER_BOUND and high is not None and low is None:
        return high / compiled.near_bound, high
    return low, high


def bound_beyond(claim: Claim, other: Claim, compiled: ValueRules) -> bool:
    """Whether a bound claims more than the other claim bears out, though the two may both be true.

    "More than 400" goes beyond "more than 300" and beyond "300"; "more than 250" does not (it
    says less, and stays true). Likewise "fewer than 40" goes beyond "fewer than 50". Only a
    bound can go beyond: a point or an approximate figure is judged by `relation`.
    """
    ends_a, ends_b = _ends(claim, compiled), _ends(other, compiled)
    if ends_a is None or ends_b is None or relation(claim, other, compiled) is None \
            or getattr(claim.value, "currency", None) != getattr(other.value, "currency", None):
        return False  # amounts in two currencies compare through the rate band, in `relation`
    (qualifier, low, high), (_, other_low, other_high) = ends_a, ends_b
    if qualifier is Qualifier.LOWER_BOUND and low is not None and other_low is not None:
        return low > other_low and not _close(low, other_low, compiled)
    if qualifier is Qualifier.UPPER_BOUND and high is not None and other_high is not None:
        return high < other_high and not _close(high, other_high, compiled)
    return False


def _ends(claim: Claim, compiled: ValueRules) -> tuple[Qualifier, float | None, float | None] | None:
    """A figure's qualifier and the ends it states (SI units, days), or None for what is not a figure."""
    value = claim.value
    if isinstance(value, Duration):
        return value.qualifier, _float(value.low_days), _float(value.high_days)
    if isinstance(value, Quantity) and value.qualifier is Qualifier.APPROXIMATE and value.amount is not None:
        point = float(value.amount) * _si_factor(value)  # "about 300" bears out "more than 250"
        return value.qualifier, point, point
    if isinstance(value, Quantity) and value.qualifier is not Qualifier.VAGUE:
        low, high = _stated(value)
        return value.qualifier, low, high
    return None


def _duration_relation(a: Duration, b: Duration, compiled: ValueRules) -> str:
    """Durations compare by the days they allow: "two months" (56 to 62 days) holds "60 days".

    A bound sits near its number here too: "more than 20 hours" is no "four days".
    """
    ends = ((a.low_days, b.low_days), (a.high_days, b.high_days))
    if a.qualifier == b.qualifier and all(_close(x, y, compiled) for x, y in ends):
        return SAME
    if a.qualifier is b.qualifier is Qualifier.RANGE:
        return CONFLICT
    near_a = _near(_float(a.low_days), _float(a.high_days), a.qualifier, compiled)
    near_b = _near(_float(b.low_days), _float(b.high_days), b.qualifier, compiled)
    if a.qualifier is b.qualifier is Qualifier.APPROXIMATE and None not in (*near_a, *near_b):
        return _approximately(_middle(near_a), near_a, _middle(near_b), near_b)
    return COMPATIBLE if _overlap(near_a, near_b) else CONFLICT


def _approximately(point_a: float, around_a: tuple[float | None, float | None],
                   point_b: float, around_b: tuple[float | None, float | None]) -> str:
    """Two figures both given as approximate agree when one's figure is within the other's band.

    "About 30 hours" and "about 36 hours" name two figures, though their bands touch.
    """
    return COMPATIBLE if _overlap((point_a, point_a), around_b) or _overlap((point_b, point_b), around_a) \
        else CONFLICT


def _middle(interval: tuple[float | None, float | None]) -> float:
    low, high = interval
    assert low is not None and high is not None
    return (low + high) / 2


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _close(x: float | None, y: float | None, compiled: ValueRules) -> bool:
    if x is None or y is None:
        return x is y
    return abs(x - y) <= compiled.same_within * max(abs(x), abs(y), 1)


def _si_factor(value: Quantity) -> float:
    """What turns a measure's written amounts into SI ("5 kilometres" and "5,000 metres" are one)."""
    return float(value.si.amount) / float(value.amount) if value.si is not None and value.amount else 1.0


def _stated(value: Quantity) -> tuple[float | None, float | None]:
    """The bounds a quantity states, in SI units for measures ("5 km" and "5,000 m" are one)."""
    factor = _si_factor(value)
    return tuple(None if v is None else float(v) * factor for v in (value.low, value.high))  # type: ignore[return-value]


def _interval(claim: Claim, compiled: ValueRules) -> tuple[tuple[float | None, float | None], bool]:
    """The values a quantity allows when judged, in SI units for measures, and whether it is a rounded figure.

    A rounded figure ("$14 million") allows the rules' share of a unit of its last digit either
    side (half of one: what rounds to it); a bound reaches only near its number (`_near`).
    """
    value = claim.value
    assert isinstance(value, Quantity)
    factor = _si_factor(value)
    if value.qualifier == Qualifier.EXACT and compiled.round_scaled and value.amount is not None:
        step = _rounding_step(claim.text, compiled)
        if step:
            margin = step * compiled.rounded_within
            return ((float(value.amount) - margin) * factor, (float(value.amount) + margin) * factor), True
    low, high = value.low, value.high
    return _near(None if low is None else float(low) * factor, None if high is None else float(high) * factor,
                 value.qualifier, compiled), False


def _rounding_step(text: str, compiled: ValueRules) -> float | None:
    match = _NUMBER.search(text)
    if match is None:
        return None
    after = _WORD.match(text, match.end()) or _WORD.search(text, match.end())
    scale = compiled.scales.get(after.group().lower()) if after else None
    if scale is None:
        return None
    decimals = len(match.group(2) or "")
    return float(scale / Decimal(10) ** decimals)


def _date_relation(a: DateValue, b: DateValue) -> str:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        # Unplaced dates compare by what they give: "March 3" and "March 3" agree, "March" and
        # "April" do not.
        if a.month and b.month:
            if a.month != b.month or (a.day and b.day and a.day != b.day):
                return CONFLICT
            return SAME if a.day == b.day else COMPATIBLE
        return COMPATIBLE
    if (a.start, a.end) == (b.start, b.end):
        return _clock_relation(a, b) if a.clock is not None and b.clock is not None else SAME
    return COMPATIBLE if a.start <= b.end and b.start <= a.end else CONFLICT


def _clock_relation(a: DateValue, b: DateValue) -> str:
    """How two stated times of one day compare.

    In UTC where both zones are known, as written where neither is; a time with a known zone
    and one without cannot conflict.
    """
    assert a.clock is not None and b.clock is not None
    if (a.utc_offset is None) != (b.utc_offset is None):
        return SAME if a.clock == b.clock and a.zone == b.zone else COMPATIBLE
    shift_a, shift_b = a.utc_offset or 0, b.utc_offset or 0
    la, ha = a.clock[0] - shift_a, a.clock[1] - shift_a
    lb, hb = b.clock[0] - shift_b, b.clock[1] - shift_b
    if (la, ha) == (lb, hb):
        return SAME
    # A clock is a circle: "night" (21:00-30:00) holds 2am (120-120) a day on; "5:40" with no am
    # or pm may be 17:40.
    halves = (0, 720, -720) if a.half_day or b.half_day else (0,)
    return COMPATIBLE if any(la <= hb + turn + half and lb + turn + half <= ha
                             for turn in (-1440, 0, 1440) for half in halves) else CONFLICT


def quote_words(value: QuoteValue) -> list[str]:
    """A quotation's words for comparing: lower case, without brackets and what they hold."""
    return [m.group().lower() for m in _WORD.finditer(_BRACKETS.sub(" ", value.text))]


def contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether `shorter` is a run of `longer`'s words: an excerpt of the same quotation."""
    n = len(shorter)
    return 0 < n <= len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))
