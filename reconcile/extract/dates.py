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
from dataclasses import dataclass
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
    time_length: int
    pattern: re.Pattern[str]
    parser: DateDataParser


@dataclass(frozen=True, slots=True)
class Phrase:
    """What a date phrase says, before it is placed in time.

    `form` is one of: day, month, part, year, weekday, relative. Fields the phrase does not
    give stay None.
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
    openers = {w.split()[0] for w in relative} | set(data.get("month_part_before") or ()) \
        | set(data.get("weekday_modifiers") or ())
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
        rf"|(?:(?P<modifier>(?i:{mods}))\s+)?(?P<weekday>{full_day})(?:\s+(?P<pod>(?i:{pods}))\b)?"
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
    return DateRules(
        months=months,
        weekdays=weekdays,
        weekday_modifiers={str(k).lower(): str(v) for k, v in (data.get("weekday_modifiers") or {}).items()},
        month_parts=parts,
        month_alone_after=frozenset(str(w).lower() for w in data.get("month_alone_after") or ()),
        year_after=frozenset(str(w).lower() for w in data.get("year_after") or ()),
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
        times=re.compile("|".join(f"(?:{p})" for p in data.get("times") or ()) or "(?!)", re.IGNORECASE),
        time_chars=int(data["time_reach_chars"]),
        time_length=int(data["time_longest_chars"]),
        pattern=pattern,
        parser=DateDataParser(languages=[language], settings=settings),
    )


def find_dates(view: str, start: int, end: int, compiled: DateRules) -> list[Phrase]:
    """Every date phrase in view[start:end], in text order."""
    found = []
    for match in compiled.pattern.finditer(view, start, end):
        phrase = _phrase(match, view, start, compiled)
        if phrase is not None:
            found.append(phrase)
    return found


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
    if groups["year"]:
        year = int(groups["year"])
        if not compiled.years[0] <= year <= compiled.years[1] or (
                _word_before(view, start, floor) not in compiled.year_after
                and not _after_a_date(view, start, floor, compiled)):
            return None
        return Phrase("year", start, end, year=year)
    return None


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
        return _resolve(phrase, reference, inferred=inferred, compiled=compiled)
    except (OverflowError, ValueError):
        granularity = _granularity(phrase) if phrase.form in ("weekday", "relative") else Granularity.DAY
        return DateValue(None, None, False, granularity, False, phrase.month, phrase.day)


def _resolve(phrase: Phrase, reference: dt.date | None, *, inferred: bool, compiled: DateRules) -> DateValue:
    form = phrase.form
    if form == "year":
        assert phrase.year is not None
        return _value(dt.date(phrase.year, 1, 1), dt.date(phrase.year, 12, 31), Granularity.YEAR)
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
    """Which date phrase (by index) each stated time of day belongs to ("11:45 p.m. Saturday").

    A time belongs to the nearest date within a few characters of it, so that in "left at
    6 a.m. Oct. 3 and landed Oct. 4 at noon" each day keeps its own time.
    """
    found: dict[int, str] = {}
    if not phrases:
        return found
    starts = [p.start for p in phrases]
    # Times are looked for only near dates: most of an article holds none.
    reach = compiled.time_chars + compiled.time_length
    matches: dict[int, re.Match[str]] = {}
    for phrase in phrases:
        for match in compiled.times.finditer(view, max(start, phrase.start - reach), min(end, phrase.end + reach)):
            matches.setdefault(match.start(), match)
    for match in (matches[k] for k in sorted(matches)):
        k = bisect.bisect_left(starts, match.start())
        near = [(gap, i) for i in (k - 1, k) if 0 <= i < len(phrases)
                if (gap := max(phrases[i].start - match.end(), match.start() - phrases[i].end)) <= compiled.time_chars]
        if near:
            _, i = min(near)
            found.setdefault(i, " ".join(match.group().split()))
    return found
