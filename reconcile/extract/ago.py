"""Dates counted back from publication: "two weeks ago", "more than a year ago", "hace dos semanas".

Such a phrase is a stretch of time (an amount and a unit of the duration rules) and a word that
turns it into a point before publication (`dates.ago`: "ago" after it in English, "hace" before
it in Spanish). This module finds the phrases and says how many days back each reaches, as an
interval; `dates.resolve` subtracts it from the publication date.

The word is rare and the stretch short, so the text is searched for the word alone (`hints`),
and only around each one for the stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..rules import RuleSet
from .hints import Words, alternation, words
from .lexicon import Lexicon, lexicon
from .numbers import parse_amount

# How far from its word a stretch may reach ("just more than two and a half years ago").
_REACH = 80


@dataclass(frozen=True, slots=True)
class Ago:
    """A stretch counted back from publication: where it is written and the days back it allows.

    `low_days` to `high_days` (None: no limit, "more than a year ago"); `unit_days` is the
    length of its unit, which sets how much time the phrase names.
    """

    start: int
    end: int
    low_days: Decimal
    high_days: Decimal | None
    unit_days: Decimal


@dataclass(frozen=True, slots=True)
class AgoRules:
    """The `dates.ago` rules, compiled with the units, numbers and qualifiers they lean on."""

    after: Words   # the words after a stretch ("ago")
    stretch_before: re.Pattern[str]  # a stretch that ends where the word after it begins
    before: Words  # the words before a stretch ("hace")
    stretch_after: re.Pattern[str]  # such a word and the stretch after it
    units: dict[str, tuple[Decimal, Decimal]]
    qualifiers: dict[str, tuple[str, tuple[Decimal, Decimal] | None]]
    band: tuple[Decimal, Decimal]
    not_after: frozenset[str]
    lex: Lexicon


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def ago_rules(rules: RuleSet, data: dict[str, Any]) -> AgoRules | None:
    """Compile the `ago` key of the date rules `data`; None where the pack has none."""
    ago = data.get("ago") or {}
    if not (ago.get("after") or ago.get("before")):
        return None
    units = {_folded(str(name)): (Decimal(str(spec["days"][0])), Decimal(str(spec["days"][1])))
             for spec in (rules.of_type("durations").get("units") or {}).values() if "days" in spec
             for name in spec["names"]}
    if not units:
        return None
    quals = rules.of_type("qualifiers")
    qualifiers: dict[str, tuple[str, tuple[Decimal, Decimal] | None]] = {
        _folded(str(p)): (kind, None) for kind in ("lower_bound", "upper_bound") for p in quals.get(kind) or ()}
    qualifiers.update({_folded(str(p)): ("approximate", (Decimal(str(b[0])), Decimal(str(b[1]))))
                       for p, b in (quals.get("approximate") or {}).items()})
    numbers = rules.of_type("numbers")
    articles = alternation(numbers.get("articles") or ()) or "(?!)"
    spelled = alternation([*(numbers.get("words") or {}), *(numbers.get("scales") or {})]) or "(?!)"
    joiners = alternation(numbers.get("joiners") or ()) or "(?!)"
    fractions = alternation(numbers.get("fractions") or ()) or "(?!)"
    # An amount: digits, a fraction ("half a century"), an article ("a week", "a hundred
    # years"), or a run of number words ("twenty-five", "one hundred and fifty").
    amount = (rf"\d{{1,4}}|(?:{fractions})|(?:{articles})(?:\s+(?:{spelled}))?"
              rf"|(?:{spelled})(?:(?:\s+|-|\s+(?:{joiners})\s+)(?:{spelled}))*")
    stretch = (rf"(?:(?P<qualifier>{alternation(qualifiers) or '(?!)'})\s+)?(?P<amount>{amount})"
               rf"[\s-]+(?P<unit>{alternation(units)})")
    before = ago.get("before") or ()
    band = ago["band"]
    return AgoRules(
        after=words(str(w) for w in ago.get("after") or ()),
        stretch_before=re.compile(rf"(?<![\w-]){stretch}\s+\Z", re.IGNORECASE),
        before=words(str(w) for w in before),
        stretch_after=re.compile(rf"(?:{alternation(before) or '(?!)'})\s+{stretch}(?![\w-])", re.IGNORECASE),
        units=units,
        qualifiers=qualifiers,
        band=(Decimal(str(band[0])), Decimal(str(band[1]))),
        not_after=frozenset(_folded(str(w)) for w in ago.get("not_after") or ()),
        lex=lexicon(rules),
    )


def find_ago(view: str, start: int, end: int, compiled: AgoRules) -> list[Ago]:
    """Every stretch counted back from publication in view[start:end], in text order."""
    found = []
    for word_start, word_end in compiled.after.find(view, start, end):
        match = compiled.stretch_before.search(view, max(start, word_start - _REACH), word_start)
        if match is not None:
            found.append(_ago(view, match.start(), word_end, match, start, compiled))
    for word_start, _ in compiled.before.find(view, start, end):
        match = compiled.stretch_after.match(view, word_start, min(end, word_start + _REACH))
        if match is not None:
            found.append(_ago(view, match.start(), match.end(), match, start, compiled))
    return sorted((a for a in found if a is not None), key=lambda a: a.start)


def _ago(view: str, start: int, end: int, match: re.Match[str], floor: int, compiled: AgoRules) -> Ago | None:
    """What one phrase states, or None where its amount is no number or a word before it makes it a stretch."""
    before = _WORD_BEFORE.search(view, max(floor, start - 30), start)
    if before is not None and _folded(before.group(1)) in compiled.not_after:
        return None  # "desde hace dos años" is a stretch of two years up to now
    written = _folded(match.group("amount").replace("-", " "))
    amount = Decimal(1) if written in compiled.lex.articles else parse_amount(written, compiled.lex)
    if amount is None or amount <= 0:
        return None
    low_unit, high_unit = compiled.units[_folded(match.group("unit"))]
    qualifier = match.group("qualifier")
    kind, band = compiled.qualifiers[_folded(qualifier)] if qualifier else ("approximate", compiled.band)
    if kind == "lower_bound":
        low, high = amount * low_unit, None
    elif kind == "upper_bound":
        low, high = Decimal(0), amount * high_unit
    else:
        assert band is not None
        low, high = amount * band[0] * low_unit, amount * band[1] * high_unit
    return Ago(start, end, low, high, low_unit)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*\Z")
