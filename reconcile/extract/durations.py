"""Durations: a stretch of time ("for eight months", "a two-year inquiry", "months of talks").

One scan over the words of the sentences that name a unit of time (`durations.yaml`). For each
unit:
  1. read the amount that ends right before it: a number ("60 days", "six-month"), with "and a
     half" after it, a fraction ("half-year"), an article that stands for one after a qualifier
     ("more than a year"), none at all before "-long" ("a year-long ban"), or a vague one: a
     vague number ("hundreds of years") or the unit alone in the plural where the words
     around it ask for a stretch ("for hours", "months of talks", "within minutes");
  2. read a range ("three to five years", "10-15 days") and the qualifier before it ("more
     than", "within");
  3. drop what is no duration: a person's age ("22-year-old", "a man of 45 years"), rates ("12
     hours a day", "a 40-hour week"), idioms ("One day, ..."), numbers glued to others ("24/7
     days"); the age of a thing ("the 40-year-old law") is set apart: it is a measure;
  4. turn the amount into days with the unit's span (a month is 28 to 31 days);
  5. read a difference set off after it in its unit ("seven hours, two fewer than the first").

How old a thing is ("the 600-year-old abbey", "a decade-old feud") is read by the same scan
(`find_thing_ages`) but is no stretch of time with a start and end a story states: it is a
measure, in the unit written, restated in years by the factors of the time units in
`units.yaml` ("a century-old church" and "a 100-year-old church" are one figure). The people
extractor claims it, beside the ages of persons it is told apart from.

Glued hyphens are read as joints, not words, so "eight-and-a-half hours" reads as "eight and a
half hours"; a joint is remembered where it tells something ("a 40-hour week").

The stretch between two dates ("from Monday to Wednesday") is read from the date claims
(`date_spans`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from ..model import DateValue, Duration, Qualifier, Quantity, SIValue
from ..rules import RuleSet
from .aged import AgedRules, aged_rules, qualifies_thing
from .lexicon import Lexicon, lexicon
from .names import NameRules, name_rules
from .numbers import NumberMatch, parse_number, to_number
from .tokens import Phrases, Token, tokenize

_WORDS = re.compile(r"[^\W\d_]+")
_GLUE = frozenset(":./")
_MINUTES_A_DAY = 1440  # a time of day is read as minutes after midnight


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """A unit of time and the days one of it spans, [low, high]."""

    name: str
    low: Decimal
    high: Decimal
    article: bool


@dataclass(frozen=True)
class DurationRules:
    """The `durations` rules, compiled, with the tables of the number rules they lean on."""

    lex: Lexicon
    units: Phrases[TimeUnit]
    triggers: frozenset[str]
    one_unit: dict[str, TimeUnit]
    qualifiers: Phrases[tuple[str, tuple[Decimal, Decimal] | None]]
    articles: frozenset[str]
    article_after: frozenset[str]
    adjectives: frozenset[str]
    plus_half: Phrases[bool]
    fractions: dict[str, Decimal]
    rate_words: Phrases[bool]
    not_before: Phrases[bool]
    age_links: frozenset[str]
    age_nouns: frozenset[str]
    age_unit: str | None
    age_after_comma: bool
    idioms: Phrases[bool]
    words_between: int
    number_words: int
    rule: str
    age_words: Phrases[bool]
    oldest: Decimal
    aged: AgedRules
    names: NameRules
    vague: dict[str, tuple[Decimal, Decimal | None]]
    vague_after: Phrases[bool]
    vague_not_after: frozenset[str]
    vague_of: frozenset[str]
    differences: Phrases[bool]
    date_spans: dict[str, frozenset[str]]
    units_by_name: dict[str, TimeUnit]
    # A thing's age as a measure: each unit of time's factor to the unit `units.yaml` restates
    # it in, and that unit ("year"); how the pack writes numbers, to read the sentences it is in.
    measures: dict[str, tuple[Decimal, str]]
    marks: tuple[str, str] | None


@dataclass(frozen=True, slots=True)
class FoundDuration:
    """A duration found in a sentence: its character span and value."""

    start: int
    end: int
    value: Duration


@dataclass(frozen=True, slots=True)
class FoundAge:
    """How old a thing is, found in a sentence: its character span and value, a measure."""

    start: int
    end: int
    value: Quantity


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a unit of time and the words before it state, words[first:end], before it is a value.

    `amount` is None for a range or a vague amount; `low` and `high` are in the unit; `aged` says
    it is how old a thing is ("the 40-year-old law").
    """

    first: int
    end: int
    unit: TimeUnit
    amount: Decimal | None
    qualifier: Qualifier
    band: tuple[Decimal, Decimal] | None
    low: Decimal | None
    high: Decimal | None
    aged: bool = False


def _words(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def duration_rules(rules: RuleSet) -> DurationRules | None:
    """Compile the `durations` rules (cached per rule set); None where the pack has none."""
    data = rules.of_type("durations")
    if not data.get("units"):
        return None
    lex = lexicon(rules)
    units: dict[str, TimeUnit] = {}
    entries: list[tuple[str, TimeUnit]] = []
    possessives = tuple(str(p) for p in rules.of_type("quotes").get("possessives") or ())
    for key, spec in data["units"].items():
        if "per_day" in spec:
            low = high = Decimal(1) / Decimal(str(spec["per_day"]))
        else:
            low, high = (Decimal(str(v)) for v in spec["days"])
        unit = units[key] = TimeUnit(key, low, high, not spec.get("no_article"))
        for name in spec["names"]:
            # "a month's worth": the possessive is part of the word as the tokenizer cuts it
            entries += [(str(name), unit), *((f"{name}{p}", unit) for p in possessives)]
    one_unit = {str(w).lower(): units[str(u)] for w, u in (data.get("one_unit_words") or {}).items()}
    quals = [(p, kind) for kind in ("lower_bound", "upper_bound") for p in data.get(kind) or ()]
    table = Phrases(entries)
    measure_units, si_of = rules.of_type("units").get("units") or {}, rules.of_type("units").get("dimensions") or {}
    numbers = rules.of_type("numbers")
    return DurationRules(
        lex=lex,
        units=table,
        triggers=frozenset(table.firsts) | frozenset(one_unit),
        one_unit=one_unit,
        qualifiers=Phrases([*((" ".join(key), value) for key, value in lex.qualifiers.table.items()),
                            *((p, (kind, None)) for p, kind in quals)]),
        articles=_words(data.get("articles")),
        article_after=_words(data.get("article_after")),
        adjectives=_words(data.get("adjectives")),
        plus_half=Phrases((p, True) for p in data.get("plus_half") or ()),
        fractions={str(k).lower(): Decimal(str(v)) for k, v in (data.get("fractions") or {}).items()},
        rate_words=Phrases((p, True) for p in data.get("rate_words") or ()),
        not_before=Phrases((p, True) for p in data.get("not_before") or ()),
        age_links=_words(data.get("age_links")),
        age_nouns=_words(data.get("age_nouns")) | _words(rules.of_type("counts").get("persons")),
        age_unit=data.get("age_unit"),
        age_after_comma=bool(data.get("age_after_comma")),
        idioms=Phrases((p, True) for p in data.get("idioms") or ()),
        words_between=int(data["words_between"]),
        number_words=int(data["number_words"]),
        rule=rules.name_of("durations"),
        age_words=Phrases((p, True) for p in data.get("age_words") or ()),
        oldest=Decimal(str(rules.of_type("counts")["age"]["max"])),
        aged=aged_rules(rules),
        names=name_rules(rules),
        vague={str(k).lower(): (Decimal(str(lo)), None if hi is None else Decimal(str(hi)))
               for k, (lo, hi) in (data.get("vague_plurals") or {}).items()},
        vague_after=Phrases((p, True) for p in data.get("vague_after") or ()),
        vague_not_after=_words(data.get("vague_not_after")),
        vague_of=_words(data.get("vague_of")),
        differences=Phrases((p, True) for p in data.get("differences") or ()),
        date_spans={str(k).lower(): _words(v) for k, v in (data.get("date_spans") or {}).items()},
        units_by_name=units,
        # A unit of time of the durations is the unit of the same name in `units.yaml`.
        measures={key: (Decimal(str(spec["factor"])), str(si_of[spec["dimension"]]))
                  for key, spec in measure_units.items() if key in units and spec["dimension"] in si_of},
        marks=(str(numbers["group_mark"]), str(numbers["decimal_mark"]))
        if "group_mark" in numbers and "decimal_mark" in numbers else None,
    )


def find_durations(view: str, sentences: list[tuple[int, int]], compiled: DurationRules,
                   marks: tuple[str, str]) -> list[FoundDuration]:
    """Every duration in these sentences of the view, in text order (how old a thing is, is none)."""
    return [FoundDuration(words[r.first].start, words[r.end - 1].end, _value(r))
            for words, r in _readings(view, sentences, compiled, marks) if not _measured(r, compiled)]


def find_thing_ages(view: str, sentences: list[tuple[int, int]] | tuple[tuple[int, int], ...],
                    compiled: DurationRules) -> list[FoundAge]:
    """How old the things are that age phrases in these sentences qualify, as measures, in text order.

    "the 600-year-old abbey" is 600 years, "an almost 30-year-old record" about 30, "a
    six-month-old truce" half a year; "a 22-year-old nurse" is a person's age, no measure.
    """
    if compiled.marks is None or not compiled.measures:
        return []
    # Only a sentence with an age word ("old") may say how old a thing is.
    aged = [(start, end) for start, end in sentences
            if not compiled.age_words.firsts.isdisjoint(_WORDS.findall(view[start:end].lower()))]
    return [FoundAge(words[r.first].start, words[r.end - 1].end, _measure(r, compiled))
            for words, r in _readings(view, aged, compiled, compiled.marks) if _measured(r, compiled)]


def _readings(view: str, sentences: list[tuple[int, int]] | tuple[tuple[int, int], ...], compiled: DurationRules,
              marks: tuple[str, str]) -> Iterator[tuple[list[Token], _Reading]]:
    """Each unit of time read in these sentences, with the words of its sentence, in text order."""
    for start, end in sentences:
        if compiled.triggers.isdisjoint(_WORDS.findall(view[start:end].lower())):
            continue  # most sentences name no unit of time: they are not tokenised
        words, joined = _joints(tokenize(view, start, end, marks=marks))

        def thing(at: int, end: int = end) -> bool:
            return qualifies_thing(view, at, end, compiled.aged, compiled.names)

        yield from ((words, reading) for reading in _scan(words, joined, compiled, thing))


def _measured(reading: _Reading, compiled: DurationRules) -> bool:
    """Whether a reading is how old a thing is, in a unit `units.yaml` restates: a measure, not a duration."""
    return reading.aged and reading.unit.name in compiled.measures


def _joints(tokens: list[Token]) -> tuple[list[Token], list[bool]]:
    """The tokens without glued hyphens, and for each whether such a hyphen stood before it."""
    words: list[Token] = []
    joined: list[bool] = []
    hyphen = False
    for i, token in enumerate(tokens):
        glued = token.text == "-" and not token.gap and i + 1 < len(tokens) and not tokens[i + 1].gap and words
        if glued:
            hyphen = True
            continue
        words.append(token)
        joined.append(hyphen)
        hyphen = False
    return words, joined


def _scan(words: list[Token], joined: list[bool], compiled: DurationRules,
          thing: Callable[[int], bool]) -> list[_Reading]:
    found: list[_Reading] = []
    last_end = 0
    for k, word in enumerate(words):
        if k < last_end:
            continue
        hit = compiled.units.forward(words, k)
        if hit is not None:
            unit, after = hit
        elif word.low in compiled.one_unit:
            unit, after = compiled.one_unit[word.low], k + 1
        else:
            continue
        reading = _duration(words, joined, k, unit, after, word.low in compiled.one_unit, compiled, thing)
        if reading is not None:
            found.append(reading)
            last_end = reading.end
            difference = _difference(words, reading.end, unit, compiled)
            if difference is not None:
                found.append(difference[0])
                last_end = difference[1]
    return found


def _difference(words: list[Token], end: int, unit: TimeUnit,
                compiled: DurationRules) -> tuple[_Reading, int] | None:
    """A difference set off after a duration, in its unit: "took seven hours, two fewer than the first"."""
    if end + 2 >= len(words) or words[end].text != "," or words[end + 1].kind == "sym":
        return None
    number = parse_number(words, end + 1, compiled.lex)
    if number is None or number.value is None:
        return None
    hit = compiled.differences.forward(words, number.last)
    if hit is None:
        return None
    return _Reading(end + 1, hit[1], unit, number.value, Qualifier.EXACT, None, None, None), hit[1]


def _duration(words: list[Token], joined: list[bool], k: int, unit: TimeUnit, after: int, one_word: bool,
              compiled: DurationRules, thing: Callable[[int], bool]) -> _Reading | None:
    """What the unit at words[k:after] states with the words around it, or None where it is no duration."""
    n = len(words)
    long_form = after < n and joined[after] and words[after].low in compiled.adjectives
    end = after + 1 if long_form else after
    # "the 40-year-old law": the age of a thing, a measure; of a person, an age.
    aged = None if long_form else compiled.age_words.forward(words, end)
    if aged is not None:
        end = aged[1]
    elif compiled.not_before.forward(words, end) is not None:
        return None  # an age: "12-year-olds", "15 years of age"; a date: "two weeks ago"
    if _rate(words, end, compiled) or (joined[k] and compiled.units.forward(words, end) is not None):
        return None  # "12 hours a day", "a 40-hour week"
    read = _amount(words, joined, k, unit, after, end, one_word, long_form or aged is not None, compiled)
    if read is None:
        return None
    first, amount, low, high = read
    vague = amount is None
    if aged and not (unit.name == compiled.age_unit and amount is not None and amount > compiled.oldest) \
            and not thing(words[end - 1].end):
        return None  # "a 22-year-old nurse": a person's age (no person is 700 years old)
    qualifier, band = (Qualifier.VAGUE if vague else Qualifier.EXACT), None
    range_low = None if vague else _range_start(words, joined, first, compiled)
    if amount is not None and range_low is not None and range_low[1] < amount:
        first, low, high = range_low[0], range_low[1], amount
        qualifier = Qualifier.RANGE
    hit = compiled.qualifiers.backward(words, first)
    if hit is not None and qualifier is not Qualifier.RANGE:
        (kind, band), first = hit
        qualifier = Qualifier(kind)
        if vague:  # "within minutes" is at most a vague number of them; "about" leaves it vague
            qualifier = qualifier if qualifier in (Qualifier.LOWER_BOUND, Qualifier.UPPER_BOUND) else Qualifier.VAGUE
            low = None if qualifier is Qualifier.UPPER_BOUND else low
            high = None if qualifier is Qualifier.LOWER_BOUND else high
    elif compiled.idioms.forward(words, first) is not None \
            and (first == 0 or words[first - 1].low not in compiled.article_after):
        return None  # "One day, the river rose"
    if _age_of_person(words, first, unit, compiled):
        return None
    return _Reading(first, end, unit, None if qualifier is Qualifier.RANGE else amount, qualifier, band, low, high,
                    aged=aged is not None)


def _amount(words: list[Token], joined: list[bool], k: int, unit: TimeUnit, after: int, end: int, one_word: bool,
            alone: bool, compiled: DurationRules
            ) -> tuple[int, Decimal | None, Decimal | None, Decimal | None] | None:
    """The amount of the unit at words[k:after], as (first word, amount, low, high), or None.

    A vague amount has no amount, only its bounds in the unit. `alone` says that the unit may
    stand for one of it with no number ("a year-long ban", "the decade-old law").
    """
    number = None if one_word else _number_before(words, k, compiled)
    if number is None and not one_word:
        number = _number_before_adjectives(words, joined, k, compiled)
    if number is not None:
        if _glued_code(words, joined, number.first) or (number.value is None and number.low is None):
            return None  # "24/7 days", "COVID-19 weeks" are codes
        return number.first, number.value, number.low, number.high  # "hundreds of years" is vague
    if one_word:
        return k, Decimal(1), None, None  # "a yearlong inquiry"
    if k > 0 and words[k - 1].low in compiled.fractions:
        return k - 1, compiled.fractions[words[k - 1].low], None, None  # "a half-year review"
    if after == k + 1 and words[k].low in compiled.vague:
        # "months of talks", "for hours", "a decades-old feud": the unit alone in the plural
        if not (alone or _vague_context(words, joined, k, end, compiled)):
            return None
        return (k, None, *compiled.vague[words[k].low])
    if alone:
        return k, Decimal(1), None, None  # "a year-long ban", "the decade-old law"
    if k > 0 and words[k - 1].low in compiled.articles and not joined[k] and unit.article:
        before = words[k - 2].low if k > 1 else ""
        if before not in compiled.article_after and compiled.qualifiers.backward(words, k - 1) is None:
            return None  # "twice a year", "a day after the vote": no stretch of time stated
        return k - 1, Decimal(1), None, None
    return None


def _vague_context(words: list[Token], joined: list[bool], k: int, end: int, compiled: DurationRules) -> bool:
    """Whether a unit in the plural with no number states a stretch of time.

    It does after a word that asks for one ("for hours", "within minutes", "spent days") or
    before "of" and what filled it ("months of talks", "Years of neglect"); not after a word that
    makes it a period of the calendar ("in recent months", "the months of July and August"),
    nor glued to a word ("man-hours").
    """
    if joined[k] or not (k == 0 or words[k].text.islower()):
        return False  # "man-hours"; "The Hours", a title
    if k > 0 and words[k - 1].low in compiled.vague_not_after:
        return False
    if compiled.vague_after.backward(words, k) is not None:
        return True
    if end + 1 >= len(words) or words[end].low not in compiled.vague_of:
        return False
    filler = words[end + 1]
    return filler.kind == "word" and filler.text.islower() and filler.low not in compiled.names.stop_words


def _number_before(words: list[Token], k: int, compiled: DurationRules) -> NumberMatch | None:
    """The longest number that ends right before words[k] (with "and a half" after it)."""
    lex = compiled.lex
    for start in range(max(0, k - compiled.number_words), k):
        if words[start].kind != "num" and words[start].low not in lex.number_starts:
            continue
        number = parse_number(words, start, lex)
        if number is None:
            continue
        if number.last == k:
            return number
        half = compiled.plus_half.forward(words, number.last)
        if half is not None and half[1] == k and number.value is not None:
            value = number.value + Decimal(1) / 2
            return NumberMatch(number.first, k, value, value, value, number.digits, number.scaled)
    return None


def _number_before_adjectives(words: list[Token], joined: list[bool], k: int,
                             compiled: DurationRules) -> NumberMatch | None:
    """A number a few lower-case words before the unit: "nine harrowing days", "two more weeks"."""
    lex = compiled.lex
    for gap in range(1, compiled.words_between + 1):
        between = words[k - gap:k] if k - gap > 0 else []
        if not between or any(w.kind != "word" or not w.text.islower() or w.low in lex.function_words
                              or w.low in lex.number_starts or compiled.units.forward(words, i) is not None
                              for i, w in enumerate(between, start=k - gap)) or joined[k - gap + 1:k + 1].count(True):
            return None
        number = _number_before(words, k - gap, compiled)
        if number is not None and number.value is not None:
            return number
    return None


def _glued_code(words: list[Token], joined: list[bool], first: int) -> bool:
    """A number glued to what precedes it: the "7" of "24/7", the "19" of "COVID-19"."""
    if words[first].kind != "num" or first == 0:
        return False
    prev = words[first - 1]
    if joined[first]:
        return prev.kind == "word"
    if words[first].gap:
        return False
    return prev.kind in ("word", "num") or (prev.text in _GLUE and first >= 2 and not prev.gap
                                             and words[first - 2].kind in ("word", "num"))


def _range_start(words: list[Token], joined: list[bool], first: int,
                 compiled: DurationRules) -> tuple[int, Decimal] | None:
    """The first end of a range before the number at `first`: "three to five", "10-15", "between 2 and 3"."""
    lex = compiled.lex
    if first == 0:
        return None
    if joined[first] and words[first - 1].kind == "num" and words[first].kind == "num":
        return first - 1, Decimal(words[first - 1].low)
    if first < 2 or words[first - 1].low not in lex.range_joiners:
        return None
    number = parse_number(words, first - 2, lex)
    if number is None or number.last != first - 1 or number.value is None:
        return None
    start = first - 2
    if words[first - 1].low in lex.number_joiners:
        # "and" joins a range only after "between"
        if start == 0 or words[start - 1].low not in lex.range_openers:
            return None
        start -= 1
    elif start > 0 and words[start - 1].low in lex.range_blockers:
        return None  # "from three to five years" is a change
    return start, number.value


def _rate(words: list[Token], end: int, compiled: DurationRules) -> bool:
    """Whether a rate word and a unit follow: "12 hours a day", "20 days per year"."""
    hit = compiled.rate_words.forward(words, end)
    return hit is not None and compiled.units.forward(words, hit[1]) is not None


def _age_of_person(words: list[Token], first: int, unit: TimeUnit, compiled: DurationRules) -> bool:
    """Whether years are said of a person, an age: "a man of 45 years", "aged 9 to 13 years"."""
    if unit.name == compiled.age_unit and first >= 1 and words[first - 1].low in compiled.lex.age_before:
        return True  # "aged between 20 and 25 years" (the words of `counts.age.before`)
    if unit.name != compiled.age_unit or first < 2 or words[first - 1].low not in compiled.age_links:
        return False
    before = words[first - 2]
    return before.low in compiled.age_nouns or (compiled.age_after_comma and before.text == ",")


def _ends(reading: _Reading) -> tuple[Decimal | None, Decimal | None]:
    """The interval a reading allows in its unit, given its qualifier (None: unbounded)."""
    amount, low, high = reading.amount, reading.low, reading.high
    if amount is not None:
        low = high = amount
        if reading.qualifier is Qualifier.LOWER_BOUND:
            high = None
        elif reading.qualifier is Qualifier.UPPER_BOUND:
            low = None
        elif reading.qualifier is Qualifier.APPROXIMATE and reading.band is not None:
            low, high = amount * reading.band[0], amount * reading.band[1]
    return low, high


def _value(reading: _Reading) -> Duration:
    """The days a duration allows, given its qualifier: each end times the unit's span."""
    low, high = _ends(reading)
    unit = reading.unit
    return Duration(
        amount=to_number(reading.amount),
        qualifier=reading.qualifier,
        unit=unit.name,
        low_days=None if low is None else to_number(low * unit.low),
        high_days=None if high is None else to_number(high * unit.high),
    )


def _measure(reading: _Reading, compiled: DurationRules) -> Quantity:
    """How old a thing is, in its unit as a measure, restated in the unit of `units.yaml` where it has an amount."""
    low, high = _ends(reading)
    factor, si_unit = compiled.measures[reading.unit.name]
    amount = reading.amount
    return Quantity(
        amount=to_number(amount),
        qualifier=reading.qualifier,
        low=to_number(low),
        high=to_number(high),
        unit=reading.unit.name,
        # As a measure of length or weight: a vague or ranged one has no single figure to restate.
        si=None if amount is None else SIValue(to_number(amount * factor), si_unit),  # type: ignore[arg-type]
    )


def date_spans(view: str, dates: list[tuple[int, int, DateValue]], compiled: DurationRules) -> list[FoundDuration]:
    """Stretches of time between two dates: "from Monday to Wednesday", "from 6.50pm until 3.30am".

    `dates` are the date claims of the text as (start, end, value). Two of them make a stretch
    when one of `date_spans` opens the first and one of the joiners it takes stands alone
    between them. The stretch runs from the first to the second, as little as the time between
    them and as much as both include: "from Monday to Wednesday" is one to three days (it sits
    beside the two date claims, which keep their own words).
    """
    found: list[FoundDuration] = []
    for (a_start, a_end, a), (b_start, b_end, b) in pairwise(sorted(dates, key=lambda d: d[0])):
        between = view[a_end:b_start].split()
        start, opener = _word_before(view, a_start)
        if len(between) != 1 or between[0].lower() not in compiled.date_spans.get(opener, ()):
            continue
        value = _between(a, b, compiled)
        if value is not None:
            found.append(FoundDuration(start, b_end, value))
    return found


def _word_before(view: str, at: int) -> tuple[int, str]:
    """The word that ends right before `at`, past spaces, lower-cased, and where it starts ("" if none)."""
    end = at
    while end > 0 and view[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and view[start - 1].isalpha():
        start -= 1
    return start, view[start:end].lower() if end < at else ""


def _between(a: DateValue, b: DateValue, compiled: DurationRules) -> Duration | None:
    """The stretch from date `a` to date `b`: two times of day, or two days, months or years."""
    if a.start is None and b.start is None and a.clock and b.clock and not (a.half_day or b.half_day):
        # Two times of day with no day: the second is the next one after the first.
        low = (b.clock[0] - a.clock[1]) % _MINUTES_A_DAY
        high = (b.clock[1] - a.clock[0]) % _MINUTES_A_DAY
        minute = next((u for u in compiled.units_by_name.values() if u.low == Decimal(1) / _MINUTES_A_DAY), None)
        if minute is None or not 0 < low <= high:
            return None
        exact = Decimal(low) if low == high else None
        return _value(_Reading(0, 0, minute, exact, Qualifier.RANGE if exact is None else Qualifier.EXACT, None,
                               Decimal(low), Decimal(high)))
    unit = compiled.units_by_name.get(a.granularity.value)
    if unit is None or a.granularity is not b.granularity or a.clock or b.clock:
        return None
    if a.start is None or a.end is None or b.start is None or b.end is None or b.start <= a.end:
        return None  # a date not placed in time, or the second not after the first
    # From the last moment of the first to the first of the second, or across both whole.
    low, high = max(0, (b.start - a.end).days - 1), (b.end - a.start).days + 1
    return Duration(amount=None, qualifier=Qualifier.RANGE, unit=unit.name, low_days=low, high_days=high)
