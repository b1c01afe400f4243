"""Date claims: find date phrases with tight patterns from the rules, then place them in time.

Finding and placing are separate steps. `find_dates` reads the text alone and returns what
each phrase says (a day, a month, a part of a month, a weekday, a relative phrase);
`resolve` turns that into a range of days against the story's reference date. Absolute
phrases are parsed by dateparser, one cached parse per distinct phrase, never whole
articles (`search_dates` reads "we" as a weekday and "$82" as 1982).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from dateparser.date import DateDataParser

from ..model import DateValue, Granularity
from ..rules import RuleSet


@dataclass(frozen=True, slots=True)
class Relative:
    """A relative phrase: `offset` units from the one holding the reference, maybe a part of it."""

    unit: str
    offset: int
    part: str | None = None


@dataclass(frozen=True, slots=True)
class DateRules:
    """The `dates` rules, compiled."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_modifiers: dict[str, str]
    month_parts: dict[str, tuple[int, int | None]]
    month_alone_after: frozenset[str]
    year_after: frozenset[str]
    year_after_phrases: tuple[str, ...]
    year_before: frozenset[str]
    year_not_before_endings: tuple[str, ...]
    decades: dict[str, int]
    range_joiners: frozenset[str]
    name_words: frozenset[str]
    years: tuple[int, int]
    relative: dict[str, Relative]
    relative_not_after: frozenset[str]
    weekend: tuple[int, int]
    future: re.Pattern[str]
    future_weight: float
    future_chars: int
    times: re.Pattern[str]
    time_chars: int
    time_joiner: re.Pattern[str]
    time_qualifiers: dict[str, tuple[int, int]]
    time_zones: dict[str, int | None]
    named_times: dict[str, tuple[int, int]]
    day_parts: dict[str, tuple[int, int]]
    am_markers: tuple[str, ...]
    pm_markers: tuple[str, ...]
    twelve_hour: bool
    pattern: re.Pattern[str]
    parser: DateDataParser


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a date phrase says, before it is placed in time.

    `form` is one of: day, month, part, year, decade, century, weekday, relative, time (a
    time of day, with the date it is joined to as `anchor`). Fields the phrase does not give
    stay None; `clock` is the time of day it states, in minutes after midnight (see `DateValue`).
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


def _alternation(words, *, capitalised: bool) -> str:
    # Longest first, so that "Sept" wins over "Sep"; months and weekdays are capitalised in
    # running text, relative phrases match in any case.
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if capitalised:
        return "|".join(re.escape(w[:1].upper() + w[1:]) for w in ordered)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _names(words, capitalised: bool) -> str:
    """Month or weekday names as written: capitalised, or in any case."""
    return _alternation(words, capitalised=True) if capitalised else f"(?i:{_alternation(words, capitalised=False)})"


def _numbered(table: object) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in (table or {}).items()}  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def date_rules(rules: RuleSet) -> DateRules:
    """Compile the `dates` rules of a rule set (cached per rule set)."""
    data = rules.of_type("dates")
    full_months = _numbered(data.get("months"))
    full_days = _numbered(data.get("weekdays"))
    short_months = _numbered(data.get("month_abbreviations"))
    months = {**short_months, **full_months}
    weekdays = {**_numbered(data.get("weekday_abbreviations")), **full_days}
    parts = {str(k).lower(): (int(v[0]), None if v[1] == "end" else int(v[1]))
             for k, v in (data.get("month_parts") or {}).items()}
    relative = {" ".join(str(k).lower().split()): Relative(str(v["unit"]), int(v["offset"]), v.get("part"))
                for k, v in (data.get("relative") or {}).items()}
    # Only an abbreviation takes a period ("Aug. 14"); after "July" it ends the sentence.
    # English capitalises month and weekday names (so "may" and "march" stay verbs); Spanish does not.
    capitalised = bool(data["names_capitalised"])
    month = (rf"(?:(?:{_names(short_months, capitalised)})\b\.?"
             rf"|(?:{_names(full_months, capitalised)})\b)")
    full_month = rf"(?:{_names(full_months, capitalised)})\b"
    weekday = rf"(?:{_names(weekdays, capitalised)})\b\.?"  # only before a date: "Tue. Aug. 14"
    full_day = rf"(?:{_names(full_days, capitalised)})\b"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:" + "|".join(map(re.escape, data["ordinal_suffixes"])) + r")?\b"
    year = r"\d{4}\b"  # checked against the rules' year range when read
    before = _alternation(data.get("month_part_before") or (), capitalised=False)
    of_parts = _alternation(data.get("month_part_of") or (), capitalised=False)
    pods = _alternation(data.get("parts_of_day") or (), capitalised=False)
    mods = _alternation(data.get("weekday_modifiers") or (), capitalised=False)
    # Fail fast where no date can start: a date begins with a digit, the first letters of a
    # month or weekday name, or one of a few lower-case words (relative phrases, month parts,
    # "the" before a day or a part of a month).
    prefixes = _names({name[:3] for name in [*months, *weekdays]}, capitalised)
    decades = {" ".join(str(k).lower().split()): int(v) for k, v in (data.get("decades") or {}).items()}
    openers = {w.split()[0] for w in [*relative, *decades]} | set(data.get("month_part_before") or ()) \
        | set(data.get("weekday_modifiers") or ())
    suffixes = "|".join(map(re.escape, data["ordinal_suffixes"]))
    centuries = _alternation(data.get("century_words") or (), capitalised=False) or "(?!)"
    decade_words = _alternation(decades, capitalised=False) or "(?!)"
    decade_suffix = _alternation(data.get("decade_suffixes") or (), capitalised=False) or "(?!)"
    the = _alternation(data.get("day_articles") or (), capitalised=False)
    of = _alternation(data.get("day_of") or (), capitalised=False)
    pattern = re.compile(
        rf"(?<![\w/-])(?=\d|{prefixes}|(?i:{_alternation(openers, capitalised=False)})\b"
        rf"|(?i:{the})\s+(?:\d|(?i:{of_parts})))(?:"
        rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\w/-])"
        rf"|(?P<numeric>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}}))(?![\w/])"
        rf"|(?:{weekday},?\s+)?(?P<md>(?P<md_month>{month})\s+(?P<md_day>{day}))(?:,?\s+(?P<md_year>{year}))?"
        rf"|(?:{weekday},?\s+)?(?P<dm>(?:(?i:{the})\s+)?(?P<dm_day>{day})\s+(?:(?i:{of})\s+)?(?P<dm_month>{month}))"
        rf"(?:,?\s+(?:(?i:{of})\s+)?(?P<dm_year>{year}))?"
        rf"|(?P<part_before>(?i:{before}))[-\s]+(?P<pb_month>{full_month})(?:,?\s+(?:(?i:{of})\s+)?(?P<pb_year>{year}))?"
        rf"|(?i:{the})\s+(?P<part_of>(?i:{of_parts}))\s+(?i:{of})\s+(?P<po_month>{full_month})"
        rf"(?:,?\s+(?P<po_year>{year}))?"
        rf"|(?P<my_month>{month}),?\s+(?:(?i:{of})\s+)?(?P<my_year>{year})"
        rf"|(?P<month>{full_month})"
        rf"|(?P<relative>(?i:{_alternation(relative, capitalised=False)}))\b"
        rf"|(?P<decade_words>(?i:{decade_words}))\b"
        rf"|(?:(?P<modifier>(?i:{mods}))\s+)?(?P<weekday>{full_day})(?:\s+(?P<pod>(?i:{pods}))\b)?"
        rf"|(?P<decade>\d{{3}}0)(?:{decade_suffix})\b"
        rf"|(?P<century>\d{{1,2}})(?:{suffixes})[-\s]+(?i:{centuries})\b"
        rf"|(?P<year>{year})"
        r")")
    # The phrases are absolute dates already told apart by the patterns: dateparser's other
    # parsers (relative time, timestamps) would only cost time. A fixed leap-year base keeps
    # "February 29" valid; the year is chosen later, against the publication date.
    settings = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1),
                "DATE_ORDER": str(data["numeric_order"]).upper(),
                "PARSERS": ["custom-formats", "absolute-time"]}
    language = str(data["dateparser_language"])
    weekend = [int(d) for d in data["weekend_days"]]
    low, high = rules.of_type("numbers")["years"]
    year_after = [" ".join(str(w).lower().split()) for w in data.get("year_after") or ()]
    joiners = _alternation(data.get("time_joiners") or (), capitalised=False) or "(?!)"
    return DateRules(
        months=months,
        weekdays=weekdays,
        weekday_modifiers={str(k).lower(): str(v) for k, v in (data.get("weekday_modifiers") or {}).items()},
        month_parts=parts,
        month_alone_after=frozenset(str(w).lower() for w in data.get("month_alone_after") or ()),
        year_after=frozenset(w for w in year_after if " " not in w),
        year_after_phrases=tuple(w for w in year_after if " " in w),
        year_before=frozenset(str(w).lower() for w in data.get("year_before") or ()),
        year_not_before_endings=tuple(str(w).lower() for w in data.get("year_not_before_endings") or ()),
        decades=decades,
        range_joiners=frozenset(str(w).lower() for w in data.get("range_joiners") or ()),
        name_words=frozenset(str(w).lower() for w in rules.of_type("text").get("function_words") or ())
        | frozenset(months) | frozenset(weekdays) | frozenset(data.get("weekday_modifiers") or ()),
        years=(int(low), int(high)),
        relative=relative,
        relative_not_after=frozenset(str(w).lower() for w in data.get("relative_not_after") or ()),
        weekend=(min(weekend), max(weekend)),
        future=re.compile(rf"(?<![\w-])(?:{_alternation(data.get('future_markers') or (), capitalised=False)})(?![\w-])"
                          if data.get("future_markers") else r"(?!)", re.IGNORECASE),
        future_weight=float(data["future_weight"]),
        future_chars=int(data["future_reach_chars"]),
        times=_time_pattern(data),
        time_chars=int(data["time_reach_chars"]),
        time_joiner=re.compile(rf"[\s,]*(?:(?:{joiners})[\s,]+)?", re.IGNORECASE),
        time_qualifiers={" ".join(str(k).lower().split()): (int(v[0]), int(v[1]))
                         for k, v in (data.get("time_qualifiers") or {}).items()},
        time_zones={" ".join(str(k).lower().split()): None if v is None else int(v)
                    for k, v in (data.get("time_zones") or {}).items()},
        named_times={" ".join(str(k).lower().split()): (_minutes(v[0]), _minutes(v[1]))
                     for k, v in (data.get("named_times") or {}).items()},
        day_parts={" ".join(str(k).lower().split()): (_minutes(v[0]), _minutes(v[1]))
                   for k, v in (data.get("day_parts") or {}).items()},
        am_markers=tuple(_compact(w) for w in data.get("am_markers") or ()),
        pm_markers=tuple(_compact(w) for w in data.get("pm_markers") or ()),
        twelve_hour=bool(data.get("twelve_hour_clock")),
        pattern=pattern,
        parser=DateDataParser(languages=[language], settings=settings),
    )


def _minutes(hhmm: object) -> int:
    """Minutes after midnight: "06:00" is 360, "30:00" (6am the next day, a night's end) 1800."""
    hours, minutes = str(hhmm).split(":")
    return int(hours) * 60 + int(minutes)


def _compact(text: str) -> str:
    """Lower case without spaces and periods: "p.m.", "p. m." and "PM" alike."""
    return re.sub(r"[\s.]", "", str(text).lower())


def _time_pattern(data: dict) -> re.Pattern[str]:
    """The pattern of a time of day, from the rules.

    Maybe a qualifier before it ("about"), the clock, maybe its zone after it ("GMT", "local
    time", "+02:00", or a capitalised place before "time": "Lisbon time").
    """
    clock = "|".join(f"(?:{p})" for p in data.get("times") or ()) or "(?!)"
    qualifiers = _alternation(data.get("time_qualifiers") or (), capitalised=False) or "(?!)"
    zones = _alternation(data.get("time_zones") or (), capitalised=False) or "(?!)"
    place = _alternation(data.get("place_time_words") or (), capitalised=False) or "(?!)"
    # Fail fast where no time can start: a time opens with a digit, a qualifier or a named time.
    openers = _alternation({str(w).split()[0] for w in [*(data.get("time_qualifiers") or ()),
                                                         *(data.get("named_times") or ())]},
                           capitalised=False) or "(?!)"
    return re.compile(rf"(?<!\w)(?=\d|(?:{openers})\b)(?:(?P<qualifier>{qualifiers})\s+)?(?P<clock>{clock})"
                      rf"(?:\s+(?P<zone>(?:{zones})\b|[+\-−]\d{{2}}:?\d{{2}}\b|(?-i:[A-Z][a-z]+)\s+(?:{place})\b))?",
                      re.IGNORECASE)


def find_dates(view: str, start: int, end: int, compiled: DateRules) -> list[Phrase]:
    """Every date phrase in view[start:end], in text order, with the times of day they state.

    Every time of day is a phrase of its own ("at about 9.15am"). A time joined to a date
    ("10:25 p.m. on Tuesday", "Oct. 4 at noon") also belongs to it: the date states the time,
    and the time takes the date's days. (Reports of a story name the day and the hour apart:
    "died last night" in one outlet, "at 2am" in another.)
    """
    found = []
    for match in compiled.pattern.finditer(view, start, end):
        phrase = _phrase(match, view, start, compiled)
        if phrase is not None:
            found.append(_with_day_part(phrase, view, compiled))
    clocks = [c for c in (_clock(m, compiled) for m in compiled.times.finditer(view, start, end)) if c is not None]
    if not clocks:
        return found
    # A time inside a date phrase is no time of its own.
    clocks = [c for c in clocks if not any(p.start < c.end and c.start < p.end for p in found)]
    for clock in clocks:
        k = bisect.bisect_left([p.start for p in found], clock.start)
        near = []
        for i in (k - 1, k):
            if 0 <= i < len(found) and found[i].form != "time" and found[i].time is None:
                gap = (found[i].end, clock.start) if i < k else (clock.end, found[i].start)
                if gap[1] - gap[0] <= compiled.time_chars and compiled.time_joiner.fullmatch(view, *gap):
                    near.append((gap[1] - gap[0], i))
        anchor = None
        if near:
            i = min(near)[1]
            found[i] = anchor = replace(found[i], time=clock.text, clock=clock.clock, zone=clock.zone,
                                        utc_offset=clock.utc_offset, half_day=clock.half_day)
        found.insert(k, Phrase("time", clock.start, clock.end, time=clock.text, clock=clock.clock,
                               zone=clock.zone, utc_offset=clock.utc_offset, half_day=clock.half_day,
                               anchor=anchor))
    return found


def _clock(match: re.Match[str], compiled: DateRules) -> Clock | None:
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
        before, after = compiled.time_qualifiers[" ".join(qualifier.lower().split())]
        low, high = low + before, high + after
    zone, offset = match.group("zone"), None
    if zone:
        zone = " ".join(zone.split())
        key = zone.lower()
        if key in compiled.time_zones:
            offset = compiled.time_zones[key]
        elif key[:1] in "+-−":
            sign = -1 if key[0] != "+" else 1
            digits_only = re.sub(r"\D", "", key)
            offset = sign * (int(digits_only[:2]) * 60 + int(digits_only[2:]))
    return Clock(match.start(), match.end(), " ".join(match.group().split()), (low, high), zone, offset, half_day)


def _with_day_part(phrase: Phrase, view: str, compiled: DateRules) -> Phrase:
    """A date phrase naming a part of the day ("Tuesday night", "this morning") states its hours."""
    if not compiled.day_parts or phrase.form not in ("weekday", "relative"):
        return phrase
    words = f" {' '.join(view[phrase.start:phrase.end].lower().split())} "
    for part, clock in compiled.day_parts.items():
        if f" {part} " in words:
            return replace(phrase, clock=clock)
    return phrase


def _word_before(view: str, pos: int, floor: int, *, keep_case: bool = False) -> str:
    match = _LAST_WORD.search(view[max(floor, pos - 40):pos])
    if match is None:
        return ""
    return match.group(1) if keep_case else match.group(1).lower()


_DIGITS = re.compile(r"\d+")
_LAST_WORD = re.compile(r"([^\W_]+)\W{0,2}$")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _in_a_name(view: str, start: int, end: int | None, floor: int, compiled: DateRules) -> bool:
    """Whether a month or day name stands in a proper name: "Black Friday", "June Carter".

    With `end`, a capitalised word after the name counts too (for a month alone only: after a
    weekday or "Last week" a sentence goes on with its subject).
    """
    before = _word_before(view, start, floor, keep_case=True)
    if before[:1].isupper() and before.lower() not in compiled.name_words and view[start - 1] == " ":
        return True
    if end is None:
        return False
    after = _NEXT_WORD.match(view, end)
    return after is not None and after.group(1)[:1].isupper() and after.group(1).lower() not in compiled.name_words


def _after_a_date(view: str, start: int, floor: int, compiled: DateRules) -> bool:
    """Whether a word like "to" or "and" before `start` follows another date ("March to May")."""
    match = re.search(r"([^\W_]+)\.?\s+([^\W_]+)\W{0,2}$", view[max(floor, start - 40):start])
    if match is None or match.group(2).lower() not in compiled.range_joiners:
        return False
    word = match.group(1).lower()
    return word in compiled.months or (word.isdigit() and len(word) == 4)


def _future(view: str, start: int, floor: int, compiled: DateRules) -> bool:
    """Whether the clause before a weekday speaks of the future ("will vote Tuesday")."""
    window = view[max(floor, start - compiled.future_chars):start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind("?"), window.rfind(";"))
    return compiled.future.search(window, cut + 1) is not None


def _phrase(match: re.Match[str], view: str, floor: int, compiled: DateRules) -> Phrase | None:
    groups = match.groupdict()
    start, end = match.span()
    if groups["iso"] or groups["numeric"]:
        return _parsed("day", groups["iso"] or groups["numeric"], start, end, compiled)
    if groups["md"] or groups["dm"]:
        # dateparser reads the month name; the day and year are the digits matched. So a
        # whole corpus costs a few dozen parses (one per spelling of a month), not one per date.
        year = groups["md_year"] or groups["dm_year"]
        if year and not compiled.years[0] <= int(year) <= compiled.years[1]:
            year = None
        day = int(_DIGITS.match(groups["md_day"] or groups["dm_day"]).group())  # type: ignore[union-attr]
        return _parsed("day", groups["md_month"] or groups["dm_month"], start, end, compiled, year, day)
    if groups["part_before"] or groups["part_of"]:
        name = " ".join((groups["part_before"] or groups["part_of"]).lower().split())
        month = compiled.months[(groups["pb_month"] or groups["po_month"]).lower()]
        year = groups["pb_year"] or groups["po_year"]
        return Phrase("part", start, end, year=int(year) if year else None, month=month,
                      part=compiled.month_parts[name])
    if groups["my_month"]:
        if not compiled.years[0] <= int(groups["my_year"]) <= compiled.years[1]:
            return None
        return _parsed("month", groups["my_month"], start, end, compiled, groups["my_year"])
    if groups["month"]:
        if (_word_before(view, start, floor) not in compiled.month_alone_after
                and not _after_a_date(view, start, floor, compiled)) or _in_a_name(view, start, end, floor, compiled):
            return None
        return Phrase("month", start, end, month=compiled.months[groups["month"].lower()])
    if groups["relative"]:
        if _word_before(view, start, floor) in compiled.relative_not_after \
                or (view[start].isupper() and _in_a_name(view, start, None, floor, compiled)):
            return None  # "over the past week" is a stretch of time; "USA Today" a name
        key = " ".join(groups["relative"].lower().split())
        return Phrase("relative", start, end, relative=compiled.relative[key])
    if groups["weekday"]:
        modifier = (groups["modifier"] or "").lower()
        if not modifier and (_word_before(view, start, floor) in compiled.relative_not_after
                             or _in_a_name(view, match.start("weekday"), None, floor, compiled)):
            return None  # "every Monday" recurs; "Black Friday" is a name
        rule = compiled.weekday_modifiers.get(modifier, "on_or_before")
        if not modifier and _future(view, start, floor, compiled):
            rule = "on_or_after"  # "the council will vote Tuesday"
        return Phrase("weekday", start, end, weekday=compiled.weekdays[groups["weekday"].lower()],
                      modifier=rule)
    if groups["decade_words"]:
        return Phrase("decade", start, end, year=compiled.decades[" ".join(groups["decade_words"].lower().split())])
    if groups["decade"]:
        year = int(groups["decade"])
        return Phrase("decade", start, end, year=year) if compiled.years[0] <= year <= compiled.years[1] else None
    if groups["century"]:
        century = int(groups["century"])
        return Phrase("century", start, end, year=(century - 1) * 100 + 1) if century >= 1 else None
    if groups["year"]:
        year = int(groups["year"])
        if not compiled.years[0] <= year <= compiled.years[1]:
            return None
        if _word_before(view, start, floor) in compiled.year_after or _after_a_date(view, start, floor, compiled) \
                or _after_phrase(view, start, floor, compiled.year_after_phrases) \
                or _adjectival_year(view, start, end, floor, year, compiled):
            return Phrase("year", start, end, year=year)
    return None


def _after_phrase(view: str, start: int, floor: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of several words ("back to") stands right before `start`."""
    if not phrases:
        return False
    before = " " + " ".join(view[max(floor, start - 40):start].lower().split())
    return before.endswith(tuple(f" {p}" for p in phrases))


def _adjectival_year(view: str, start: int, end: int, floor: int, year: int, compiled: DateRules) -> bool:
    """Whether a year stands before the noun it dates: "a 2014 law", "the 1972 tower".

    It follows an article or a possessive; not a round hundred ("the 2000 residents"), nothing
    glued on ("a 1500-page report"), and not before a plural ("the 2017 passengers"): those
    are counts.
    """
    if year % 100 == 0 or _word_before(view, start, floor) not in compiled.year_before:
        return False
    after = _NEXT_WORD.match(view, end)
    if after is None:
        return False
    noun = after.group(1)
    return noun[:1].isupper() or not noun.lower().endswith(compiled.year_not_before_endings)


def _parsed(form: str, text: str, start: int, end: int, compiled: DateRules, year: str | None = None,
            day: int | None = None) -> Phrase | None:
    """A day or month phrase, with what dateparser reads in `text` and the day and year given."""
    parsed = _parse(" ".join(text.replace(".", " ").lower().split()), compiled.parser)
    if parsed is None:
        return None
    parsed_year, month, parsed_day = parsed
    if year is not None:
        parsed_year = int(year)
    if form == "day":
        day = parsed_day if day is None else day
        # "February 30" matches the pattern but not the calendar; without a year, a leap
        # year's calendar lets "February 29" through.
        if day > calendar.monthrange(parsed_year or 2000, month)[1]:
            return None
    return Phrase(form, start, end, year=parsed_year, month=month, day=day if form == "day" else None)


def clear_parse_cache() -> None:
    """Forget every cached parse (benchmarks use it to time a first pass honestly)."""
    _parse.cache_clear()


@lru_cache(maxsize=4096)
def _parse(text: str, parser: DateDataParser) -> tuple[int | None, int, int] | None:
    data = parser.get_date_data(text)
    date, parts = data.date_obj, data.parts or ()
    if date is None or "month" not in parts:
        return None
    return (date.year if "year" in parts else None), date.month, date.day


# --- placing phrases in time -------------------------------------------------------------

def resolve(phrase: Phrase, reference: dt.date | None, *, inferred: bool, compiled: DateRules) -> DateValue:
    """The value of a date phrase, read against `reference` (the publication date, or None).

    A phrase that would fall outside the calendar (last week, read in the year 1) stays
    unplaced rather than failing.
    """
    try:
        value = _resolve(phrase, reference, inferred=inferred, compiled=compiled)
    except (OverflowError, ValueError):
        granularity = _granularity(phrase) if phrase.form in ("weekday", "relative") else Granularity.DAY
        value = DateValue(None, None, False, granularity, False, phrase.month, phrase.day)
    if phrase.clock is None:
        return value
    return replace(value, time=phrase.time, clock=phrase.clock, zone=phrase.zone, utc_offset=phrase.utc_offset,
                   half_day=phrase.half_day)


def _resolve(phrase: Phrase, reference: dt.date | None, *, inferred: bool, compiled: DateRules) -> DateValue:
    form = phrase.form
    if form == "time":
        if phrase.anchor is None:
            return DateValue(None, None, False, Granularity.TIME)
        on = _resolve(phrase.anchor, reference, inferred=inferred, compiled=compiled)
        return replace(on, granularity=Granularity.TIME)
    if form in ("year", "decade", "century"):
        assert phrase.year is not None
        years = {"year": 1, "decade": 10, "century": 100}[form]
        return _value(dt.date(phrase.year, 1, 1), dt.date(phrase.year + years - 1, 12, 31), Granularity(form))
    if form in ("day", "month", "part"):
        return _calendar(phrase, reference, inferred=inferred, compiled=compiled)
    granularity = _granularity(phrase)
    if reference is None:
        return DateValue(None, None, False, granularity)
    if form == "weekday":
        assert phrase.weekday is not None
        day = _weekday(reference, phrase.weekday, phrase.modifier)
        return _value(day, day, Granularity.DAY, inferred=inferred)
    assert phrase.relative is not None
    first, last = _relative(reference, phrase.relative, compiled.weekend)
    return _value(first, last, granularity, inferred=inferred)


def _granularity(phrase: Phrase) -> Granularity:
    if phrase.form == "weekday":
        return Granularity.DAY
    assert phrase.relative is not None
    unit = phrase.relative.unit
    if unit == "weekend":
        return Granularity.WEEK
    if phrase.relative.part and unit == "month":
        return Granularity.PART_OF_MONTH
    return Granularity(unit)


def _value(first: dt.date, last: dt.date, granularity: Granularity, *, inferred: bool = False,
           month: int | None = None, day: int | None = None) -> DateValue:
    if last < first:
        # "earlier this month" on the 1st names no day at all: say so rather than guess one.
        return DateValue(None, None, False, granularity, inferred, month, day)
    return DateValue(first, last, True, granularity, inferred, month, day)


def _calendar(phrase: Phrase, reference: dt.date | None, *, inferred: bool, compiled: DateRules) -> DateValue:
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
    first, last = min(candidates, key=lambda span: _distance(span, reference, compiled.future_weight))
    return _value(first, last, granularity, inferred=inferred, month=phrase.month, day=phrase.day)


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
    if unit == "day":
        day = reference + dt.timedelta(days=offset)
        return day, day
    if unit in ("week", "weekend"):
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if unit == "weekend":
            first, last = monday + dt.timedelta(days=weekend[0]), monday + dt.timedelta(days=weekend[1])
    elif unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        year, month = divmod(index, 12)
        first = dt.date(year, month + 1, 1)
        last = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    else:
        first, last = dt.date(reference.year + offset, 1, 1), dt.date(reference.year + offset, 12, 31)
    if relative.part == "before" and offset == 0:
        last = reference - dt.timedelta(days=1)
    elif relative.part == "after" and offset == 0:
        first = reference + dt.timedelta(days=1)
    return first, last


def times_of_day(view: str, phrases: list[Phrase], start: int, end: int, compiled: DateRules) -> dict[int, str]:
    """Which date phrase (by index) states a time of day, and the time as written.

    `find_dates` joins each time to its date already ("left at 6 a.m. Oct. 3 and landed Oct. 4
    at noon": each day keeps its own time); this reads that back for callers that set it.
    """
    return {i: phrase.time for i, phrase in enumerate(phrases) if phrase.time is not None}

