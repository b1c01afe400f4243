"""Times of day: where a clock time is written ("at about 9.15am", "noon", "14:00 GMT") and what it states.

A time is read as minutes after midnight, an interval where a qualifier widens it ("about 9.15am"
is 9:00 to 9:30) or the words name a stretch of the clock ("lunchtime", "night"), with its zone
and that zone's offset from UTC where known. Joining a time to the date it belongs to is the
date phrases' business (`dates.find_dates`); this module only says where times stand and
whether the words between a time and a date may join them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .hints import alternation, by_first_char, word_start


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day found in the text: where, as written, and what it states."""

    start: int
    end: int
    text: str
    clock: tuple[int, int]
    zone: str | None
    utc_offset: int | None
    half_day: bool = False


@dataclass(frozen=True, slots=True)
class TimeRules:
    """The time-of-day keys of the `dates` rules, compiled."""

    pattern: re.Pattern[str]
    reach_chars: int
    joiner: re.Pattern[str]
    qualifiers: dict[str, tuple[int, int]]
    zones: dict[str, int | None]
    named_times: dict[str, tuple[int, int]]
    day_parts: dict[str, tuple[int, int]]
    am_markers: tuple[str, ...]
    pm_markers: tuple[str, ...]
    twelve_hour: bool


def _folded(key: object) -> str:
    return " ".join(str(key).lower().split())


def time_rules(data: dict[str, Any]) -> TimeRules:
    """Compile the time-of-day keys of a `dates` rule mapping."""
    joiners = alternation(data.get("time_joiners") or ()) or "(?!)"
    return TimeRules(
        pattern=_time_pattern(data),
        reach_chars=int(data["time_reach_chars"]),
        joiner=re.compile(rf"[\s,]*(?:(?:{joiners})[\s,]+)?", re.IGNORECASE),
        qualifiers={_folded(k): (int(v[0]), int(v[1])) for k, v in (data.get("time_qualifiers") or {}).items()},
        zones={_folded(k): None if v is None else int(v) for k, v in (data.get("time_zones") or {}).items()},
        named_times={_folded(k): (_minutes(v[0]), _minutes(v[1])) for k, v in (data.get("named_times") or {}).items()},
        day_parts={_folded(k): (_minutes(v[0]), _minutes(v[1])) for k, v in (data.get("day_parts") or {}).items()},
        am_markers=tuple(_compact(w) for w in data.get("am_markers") or ()),
        pm_markers=tuple(_compact(w) for w in data.get("pm_markers") or ()),
        twelve_hour=bool(data.get("twelve_hour_clock")),
    )


def _minutes(hhmm: object) -> int:
    """Minutes after midnight: "06:00" is 360, "30:00" (6am the next day, a night's end) 1800."""
    hours, minutes = str(hhmm).split(":")
    return int(hours) * 60 + int(minutes)


def _compact(text: str) -> str:
    """Lower case without spaces and periods: "p.m.", "p. m." and "PM" alike."""
    return re.sub(r"[\s.]", "", str(text).lower())


def _time_pattern(data: dict[str, Any]) -> re.Pattern[str]:
    """The pattern of a time of day, from the rules.

    Maybe a qualifier before it ("about"), the clock, maybe its zone after it ("GMT", "local
    time", "+02:00", or a capitalised place before "time": "Lisbon time").
    """
    clock = "|".join(f"(?:{p})" for p in data.get("times") or ()) or "(?!)"
    qualifiers = alternation(data.get("time_qualifiers") or ()) or "(?!)"
    zones = alternation(data.get("time_zones") or ()) or "(?!)"
    place = alternation(data.get("place_time_words") or ()) or "(?!)"
    # Fail fast where no time can start: a time opens with a digit, a qualifier or a named time.
    openers = by_first_char({str(w).split()[0] for w in [*(data.get("time_qualifiers") or ()),
                                                         *(data.get("named_times") or ())]})
    start = word_start((), [*(data.get("time_qualifiers") or ()), *(data.get("named_times") or ())])
    # The first characters are a set already closed under case: read as written, each is one
    # test, where ignoring case folds every character of the text first.
    return re.compile(rf"(?-i:{start})(?=\d|(?:{openers})\b)(?:(?P<qualifier>{qualifiers})\s+)?(?P<clock>{clock})"
                      rf"(?:\s+(?P<zone>(?:{zones})\b|[+\-−]\d{{2}}:?\d{{2}}\b|(?-i:[A-Z][a-z]+)\s+(?:{place})\b))?",
                      re.IGNORECASE)


def find_clocks(view: str, start: int, end: int, compiled: TimeRules) -> list[Clock]:
    """Every time of day in view[start:end], in text order."""
    return [c for c in (_clock(m, compiled) for m in compiled.pattern.finditer(view, start, end)) if c is not None]


def joins(view: str, start: int, end: int, compiled: TimeRules) -> bool:
    """Whether view[start:end], the words between a date and a time, joins them ("Oct. 4 at noon")."""
    return end - start <= compiled.reach_chars and compiled.joiner.fullmatch(view, start, end) is not None


def within(clock: tuple[int, int], part: tuple[int, int] | None) -> tuple[int, int]:
    """A time as read within the part of the day it is joined to.

    A night runs past midnight ("18:00" to "30:00"): a time in its small hours ("Tuesday night
    at 2am") is the morning after, 26:00 on the night's day, as the night itself counts it.
    """
    if part is not None and part[1] > _DAY and clock[1] <= part[1] - _DAY:
        return clock[0] + _DAY, clock[1] + _DAY
    return clock


def day_part(words: str, compiled: TimeRules) -> tuple[int, int] | None:
    """The hours a date phrase's words name by a part of the day ("Tuesday night"), if any.

    `words` is the phrase in lower case with single spaces, padded with a space at each end.
    """
    for part, clock in compiled.day_parts.items():
        if f" {part} " in words:
            return clock
    return None


def _clock(match: re.Match[str], compiled: TimeRules) -> Clock | None:
    """What a time of day states: minutes after midnight (an interval), its zone and offset."""
    text = " ".join(match.group("clock").lower().split())
    half_day = False
    if text in compiled.named_times:
        low, high = compiled.named_times[text]
    elif text in compiled.day_parts:
        low, high = compiled.day_parts[text]
    else:
        digits = [int(d) for d in _DIGITS.findall(text)]
        if not digits:
            return None
        hours, minutes = digits[0], digits[1] if len(digits) > 1 else 0
        compact = _compact(text)
        if hours < 12 and compact.endswith(compiled.pm_markers):
            hours += 12
        elif hours == 12 and compact.endswith(compiled.am_markers):
            hours = 0
        elif compiled.twelve_hour and 1 <= hours <= 12 and not text.startswith("0") \
                and not compact.endswith(compiled.am_markers + compiled.pm_markers):
            half_day = True  # "5:40" in English news may be the evening
        low = high = hours * 60 + minutes
    qualifier = match.group("qualifier")
    if qualifier:
        before, after = compiled.qualifiers[_folded(qualifier)]
        low, high = low + before, high + after
    zone, offset = match.group("zone"), None
    if zone:
        zone = " ".join(zone.split())
        key = zone.lower()
        if key in compiled.zones:
            offset = compiled.zones[key]
        elif key[:1] in "+-−":
            sign = -1 if key[0] != "+" else 1
            digits_only = re.sub(r"\D", "", key)
            offset = sign * (int(digits_only[:2]) * 60 + int(digits_only[2:]))
    return Clock(match.start(), match.end(), " ".join(match.group().split()), (low, high), zone, offset, half_day)


_DIGITS = re.compile(r"\d+")
_DAY = 24 * 60  # minutes
