"""Figures of their moment: whether two conflicting figures may be one figure as a story developed.

A toll of 12 on the 3rd and of 19 on the 6th are each the figure of their day, and so is "the
toll rose to 14" beside "12 people died" on one day. Publication dates and the developing words
of the rules (`developing` in each language's counts rules: "rose to", "so far") tell; the
explanation lists the values in publication order, "12 (Mar 3) → 14 (Mar 3) → 19 (Mar 6)".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .model import Claim, Duration, Kind, Quantity
from .rules import RuleSet
from .values import SAME, ValueRules, relation

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_TOKEN = re.compile(r"\S+")
# Characters a word and the space after it take at most, for reading a window of words.
_WORD_CHARS = 40

Phrases = frozenset[tuple[str, ...]]
_NOTHING = re.compile(r"(?!)")  # matches nowhere: no phrases, no first words


@dataclass(frozen=True, slots=True)
class DevelopingRules:
    """What may develop (`developing_kinds` of the judge rules) and the words that mark a figure of its moment."""

    kinds: frozenset[Kind]
    before: Phrases
    after: Phrases
    window: int
    # The qualifiers ("at least", "about"), so that a figure is shown with its own.
    qualifiers: Phrases
    # The first word of any developing phrase (lower-case): where none stands near a figure, no
    # phrase does.
    firsts: re.Pattern[str] = _NOTHING


def _phrases(words: Iterable[Any]) -> Phrases:
    return frozenset(tuple(w.lower() for w in _WORD.findall(str(p))) for p in words)


@lru_cache(maxsize=8)
def developing_rules(rules: RuleSet) -> DevelopingRules:
    """Compile what the judge and counts rules say of developing figures (cached per rule set)."""
    developing = rules.of_type("counts").get("developing") or {}
    qualifiers = rules.of_type("qualifiers")
    said = [*(qualifiers.get("lower_bound") or ()), *(qualifiers.get("upper_bound") or ()),
            *(qualifiers.get("approximate") or {}), *((qualifiers.get("range") or {}).get("opening") or ())]
    before, after = _phrases(developing.get("before") or ()), _phrases(developing.get("after") or ())
    firsts = sorted({p[0] for p in before | after if p}, key=len, reverse=True)
    return DevelopingRules(frozenset(Kind(k) for k in rules.of_type("judge").get("developing_kinds") or ()),
                           before, after, int(developing["window"]) if developing else 0, _phrases(said),
                           # Lower-case and with no look-behind: the fastest search there is (see _may_hold).
                           re.compile(r"(?:" + "|".join(map(re.escape, firsts)) + r")(?![^\W_])")
                           if firsts else _NOTHING)


def moved(a: Claim, b: Claim, compiled: DevelopingRules, published: Mapping[str, dt.date | None]) -> bool:
    """Whether two conflicting figures may be one figure at two moments: days apart, or marked as of its moment."""
    day_a, day_b = published.get(a.source), published.get(b.source)
    if day_a is not None and day_b is not None and day_a != day_b:
        return True
    return of_its_moment(a, compiled) or of_its_moment(b, compiled)


def of_its_moment(claim: Claim, compiled: DevelopingRules) -> bool:
    """Whether a developing word stands inside the claim or within the window around it in its sentence."""
    start = claim.span.start - claim.sentence_start
    end = start + len(claim.text)
    if not 0 <= start <= end <= len(claim.sentence):
        return False
    # Only the window's reach of the sentence is read, so a claim in an endless sentence costs
    # no more than one in a short one; and only where a phrase's first word stands in it.
    reach = compiled.window * _WORD_CHARS
    if not _may_hold(claim.sentence[max(0, start - reach):end + reach], compiled):
        return False
    own = _words(claim.text)
    before = (_words(claim.sentence[max(0, start - reach):start])[-compiled.window:] if compiled.window else []) + own
    after = own + _words(claim.sentence[end:end + reach])[:compiled.window]
    return _holds(before, compiled.before) or _holds(after, compiled.after)


def _may_hold(text: str, compiled: DevelopingRules) -> bool:
    """Whether a phrase's first word stands in the text as a word of its own (lower-cased)."""
    low = text.lower()
    return any(m.start() == 0 or not low[m.start() - 1].isalnum() for m in compiled.firsts.finditer(low))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _holds(words: list[str], phrases: Phrases) -> bool:
    lengths = _lengths(phrases)
    return any(tuple(words[i:i + n]) in phrases for i in range(len(words)) for n in lengths)


@lru_cache(maxsize=32)
def _lengths(phrases: Phrases) -> tuple[int, ...]:
    """The lengths of the phrases, in words: a window is looked up by each, not scanned per phrase."""
    return tuple(sorted({len(p) for p in phrases if p}))


def sequence(claims: tuple[Claim, ...], compiled: DevelopingRules, values: ValueRules,
             published: Mapping[str, dt.date | None]) -> str:
    """The distinct values in publication order, each with its first day: "12 (Mar 3) → 19 (Mar 6)".

    Within a day the smaller comes first, as tolls and totals grow; outlets of unknown date come
    last, marked undated.
    """
    figures: list[list[Claim]] = []
    for claim in claims:
        same = next((f for f in figures if relation(f[0], claim, values) == SAME), None)
        if same is None:
            figures.append([claim])
        else:
            same.append(claim)

    def first_day(figure: list[Claim]) -> dt.date | None:
        return min((d for c in figure if (d := published.get(c.source)) is not None), default=None)

    def order(figure: list[Claim]) -> tuple[bool, dt.date, float, str]:
        day = first_day(figure)
        return day is None, day or dt.date.min, _size(figure[0]), figure_of(figure[0], compiled)

    years = {d.year for f in figures if (d := first_day(f)) is not None}
    shown = []
    for figure in sorted(figures, key=order):
        day = first_day(figure)
        when = "undated" if day is None else f"{day:%b} {day.day}" + (f", {day.year}" if len(years) > 1 else "")
        shown.append(f"{figure_of(figure[0], compiled)} ({when})")
    return " \u2192 ".join(shown)


def _size(claim: Claim) -> float:
    """A value's magnitude, to order the figures of one day."""
    value = claim.value
    if isinstance(value, Quantity):
        ends = (value.amount, value.low, value.high)
    elif isinstance(value, Duration):
        ends = (value.amount, value.low_days, value.high_days)
    else:
        return 0.0
    return float(next((e for e in ends if e is not None), 0))


def figure_of(claim: Claim, compiled: DevelopingRules) -> str:
    """A claim's figure as written, from its qualifier or number on ("at least 17" of "toll rose to at least 17").

    A figure written in words ("seventeen people") is shown whole.
    """
    text = " ".join(claim.text.split())
    tokens = list(_TOKEN.finditer(text))
    first = next((k for k, t in enumerate(tokens) if any(ch.isdigit() for ch in t.group())), None)
    if first is None:
        return text
    before = [_words(t.group()) for t in tokens[:first]]
    for k in range(first):
        # A qualifier right before the number belongs to the figure.
        if tuple(w for words in before[k:] for w in words) in compiled.qualifiers:
            return text[tokens[k].start():]
    return text[tokens[first].start():]
