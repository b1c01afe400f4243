"""Placing date phrases in time: what a phrase says (`Phrase`) becomes the days it names (`DateValue`).

A phrase is read against a reference date, the publication date of its source (or the story's,
`inferred`), never the clock. A phrase that needs one and has none, or that would fall outside
the calendar, stays unplaced rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import DateValue, Granularity


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative phrase: `offset` units from the one holding the reference, maybe a part of it.

    `part` is `before` or `after` (the part of the unit before or after the reference day), or
    `past` (the latest such unit that began before the reference day).
    """

    unit: str
    offset: int
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a date phrase says, before it is placed in time.

    `form` is one of: day, month, part, quarter, year, decade, century, weekday, relative, ago
    (a stretch counted back, `back` days before the reference: low, high or None), time (a
    time of day, with the date it is joined to as `anchor`). Fields the phrase does not give
    stay None; `clock` is the time of day it states, in minutes after midnight (see
    `DateValue`). A quarter runs from `month` to `last_month`, in `year` or in the year
    `relative` names ("the first quarter of last year").
    """

    form: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: tuple[int, int | None] | None = None
    weekday: int | None = None
    modifier: str = "on_or_before"
    relative: Relative | None = None
    time: str | None = None
    clock: tuple[int, int] | None = None
    zone: str | None = None
    utc_offset: int | None = None
    half_day: bool = False
    anchor: Phrase | None = None  # for a time, the date it is joined to
    last_month: int | None = None
    back: tuple[Decimal, Decimal | None] | None = None
    unit_days: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Calendar:
    """What placing needs from the rules: the weekend's days and how far the future counts."""

    weekend: tuple[int, int]
    future_weight: float


# How much time a stretch counted back names, by the days of its unit: "10 days ago" a day,
# "two weeks ago" a week. (Calendar facts: a week is seven days, a month at least 28.)
_SPANS = ((Decimal(7), Granularity.DAY), (Decimal(28), Granularity.WEEK), (Decimal(365), Granularity.MONTH),
          (Decimal(3652), Granularity.YEAR), (Decimal(36524), Granularity.DECADE))


def place(phrase: Phrase, reference: dt.date | None, *, inferred: bool, rules: Calendar) -> DateValue:
    """The value of a date phrase, read against `reference` (the publication date, or None).

    A phrase that would fall outside the calendar (last week, read in the year 1) stays
    unplaced rather than failing.
    """
    try:
        value = _place(phrase, reference, inferred=inferred, rules=rules)
    except (OverflowError, ValueError):
        granularity = _granularity(phrase) if phrase.form in ("weekday", "relative", "ago", "quarter") \
            else Granularity.DAY
        value = DateValue(None, None, False, granularity, False, phrase.month, phrase.day)
    if phrase.clock is None:
        return value
    return replace(value, time=phrase.time, clock=phrase.clock, zone=phrase.zone, utc_offset=phrase.utc_offset,
                   half_day=phrase.half_day)


def _place(phrase: Phrase, reference: dt.date | None, *, inferred: bool, rules: Calendar) -> DateValue:
    form = phrase.form
    if form == "time":
        if phrase.anchor is None:
            return DateValue(None, None, False, Granularity.TIME)
        on = _place(phrase.anchor, reference, inferred=inferred, rules=rules)
        return replace(on, granularity=Granularity.TIME)
    if form in ("year", "decade", "century"):
        assert phrase.year is not None
        years = {"year": 1, "decade": 10, "century": 100}[form]
        return _value(dt.date(phrase.year, 1, 1), dt.date(phrase.year + years - 1, 12, 31), Granularity(form))
    if form in ("day", "month", "part"):
        return _calendar(phrase, reference, inferred=inferred, rules=rules)
    if form == "quarter":
        return _quarter(phrase, reference, inferred=inferred, rules=rules)
    granularity = _granularity(phrase)
    if reference is None:
        return DateValue(None, None, False, granularity)
    if form == "weekday":
        assert phrase.weekday is not None
        day = _weekday(reference, phrase.weekday, phrase.modifier)
        return _value(day, day, Granularity.DAY, inferred=inferred)
    if form == "ago":
        assert phrase.back is not None
        low, high = phrase.back
        # Whole days, rounded outwards: "a week ago" with a band of 0.9 to 1.1 is 6 to 8 days back.
        first = dt.date.min if high is None else reference - dt.timedelta(days=math.ceil(high))
        return _value(first, reference - dt.timedelta(days=math.floor(low)), granularity, inferred=inferred)
    assert phrase.relative is not None
    first, last = _relative(reference, phrase.relative, rules.weekend)
    return _value(first, last, granularity, inferred=inferred)


def _granularity(phrase: Phrase) -> Granularity:
    if phrase.form == "weekday":
        return Granularity.DAY
    if phrase.form == "quarter":
        return Granularity.QUARTER
    if phrase.form == "ago":
        assert phrase.unit_days is not None
        return next((g for days, g in _SPANS if phrase.unit_days < days), Granularity.CENTURY)
    assert phrase.relative is not None
    unit = phrase.relative.unit
    if unit == "weekend":
        return Granularity.WEEK
    if phrase.relative.part in ("before", "after") and unit == "month":
        return Granularity.PART_OF_MONTH
    return Granularity(unit)


def _value(first: dt.date, last: dt.date, granularity: Granularity, *, inferred: bool = False,
           month: int | None = None, day: int | None = None) -> DateValue:
    if last < first:
        # "earlier this month" on the 1st names no day at all: say so rather than guess one.
        return DateValue(None, None, False, granularity, inferred, month, day)
    return DateValue(first, last, True, granularity, inferred, month, day)


def _calendar(phrase: Phrase, reference: dt.date | None, *, inferred: bool, rules: Calendar) -> DateValue:
    granularity = {"day": Granularity.DAY, "month": Granularity.MONTH, "part": Granularity.PART_OF_MONTH}[phrase.form]
    assert phrase.month is not None
    if phrase.year is None and reference is None:
        return DateValue(None, None, False, granularity, False, phrase.month, phrase.day)
    if phrase.year is not None:
        first, last = _span_in(phrase, phrase.year)
        return _value(first, last, granularity, month=phrase.month, day=phrase.day)
    assert reference is not None
    # February 29 only falls in a leap year: other years are no candidates.
    candidates = [_span_in(phrase, year) for year in (reference.year - 1, reference.year, reference.year + 1)
                  if phrase.day is None or phrase.day <= calendar.monthrange(year, phrase.month)[1]]
    if not candidates:
        return DateValue(None, None, False, granularity, False, phrase.month, phrase.day)
    first, last = min(candidates, key=lambda span: _distance(span, reference, rules.future_weight))
    return _value(first, last, granularity, inferred=inferred, month=phrase.month, day=phrase.day)


def _quarter(phrase: Phrase, reference: dt.date | None, *, inferred: bool, rules: Calendar) -> DateValue:
    """A quarter: in its own year, in the year a relative phrase names, or the one closest to publication."""
    if phrase.year is not None:
        first, last = _months(phrase, phrase.year)
        return _value(first, last, Granularity.QUARTER)
    if reference is None:
        return DateValue(None, None, False, Granularity.QUARTER)
    if phrase.relative is not None:
        first, last = _months(phrase, reference.year + phrase.relative.offset)
        return _value(first, last, Granularity.QUARTER, inferred=inferred)
    candidates = [_months(phrase, year) for year in (reference.year - 1, reference.year, reference.year + 1)]
    first, last = min(candidates, key=lambda span: _distance(span, reference, rules.future_weight))
    return _value(first, last, Granularity.QUARTER, inferred=inferred)


def _months(phrase: Phrase, year: int) -> tuple[dt.date, dt.date]:
    """The days from the first of `month` to the end of `last_month` (in the next year if it wraps)."""
    assert phrase.month is not None and phrase.last_month is not None
    end_year = year + (phrase.last_month < phrase.month)
    return (dt.date(year, phrase.month, 1),
            dt.date(end_year, phrase.last_month, calendar.monthrange(end_year, phrase.last_month)[1]))


def _span_in(phrase: Phrase, year: int) -> tuple[dt.date, dt.date]:
    assert phrase.month is not None
    days_in_month = calendar.monthrange(year, phrase.month)[1]
    if phrase.form == "day":
        assert phrase.day is not None
        return dt.date(year, phrase.month, phrase.day), dt.date(year, phrase.month, phrase.day)
    low, high = phrase.part or (1, None)
    return dt.date(year, phrase.month, low), dt.date(year, phrase.month, min(high or days_in_month, days_in_month))


def _distance(span: tuple[dt.date, dt.date], reference: dt.date, future_weight: float) -> float:
    first, last = span
    if first <= reference <= last:
        return 0.0
    if last < reference:
        return float((reference - last).days)
    return (first - reference).days * future_weight


def _weekday(reference: dt.date, weekday: int, modifier: str) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    if modifier == "before":
        return reference - dt.timedelta(days=back or 7)
    if modifier == "after":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if modifier == "on_or_after":
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7)
    return reference - dt.timedelta(days=back)


def _relative(reference: dt.date, relative: Relative, weekend: tuple[int, int]) -> tuple[dt.date, dt.date]:
    unit, offset = relative.unit, relative.offset
    if relative.part == "past":
        # The latest unit that began before the reference day: the one holding the day before,
        # or for a weekend, the last one whose first day is before the reference day.
        reference = reference - dt.timedelta(days=1)
        if unit == "weekend" and reference.weekday() < weekend[0]:
            offset -= 1
    if unit == "day":
        day = reference + dt.timedelta(days=offset)
        return day, day
    if unit in ("week", "weekend"):
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if unit == "weekend":
            first, last = monday + dt.timedelta(days=weekend[0]), monday + dt.timedelta(days=weekend[1])
    elif unit in ("month", "quarter"):
        months = 3 if unit == "quarter" else 1
        index = reference.year * 12 + (reference.month - 1) // months * months + offset * months
        year, month = divmod(index, 12)
        end_year, end_month = divmod(index + months - 1, 12)
        first = dt.date(year, month + 1, 1)
        last = dt.date(end_year, end_month + 1, calendar.monthrange(end_year, end_month + 1)[1])
    else:
        first, last = dt.date(reference.year + offset, 1, 1), dt.date(reference.year + offset, 12, 31)
    if relative.part == "before" and offset == 0:
        last = reference - dt.timedelta(days=1)
    elif relative.part == "after" and offset == 0:
        first = reference + dt.timedelta(days=1)
    return first, last
