"""Date claims: find date phrases with tight patterns from the rules, then place them in time.

Finding and placing are separate steps. `find_dates` reads the text alone and returns what
each phrase says (a day, a month, a part of a month, a weekday, a relative phrase, a year);
`resolve` turns that into a range of days against the story's reference date (`placing`).
A month name is read from the rules' own table and a numeric date by strptime; what neither
reads is parsed by dateparser, one cached parse per distinct phrase, never whole articles
(`search_dates` reads "we" as a weekday and "$82" as 1982). Rarer phrases have modules
of their own, which search for their one rare word first: stretches counted back ("two weeks
ago", `ago`) and quarters ("the third quarter of 2016", `quarters`); so do times of day
(`times`), which `find_dates` joins to the dates they belong to.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from dateparser.date import DateDataParser

from ..model import DateValue
from ..rules import RuleSet
from .ago import Ago, AgoRules, ago_rules, find_ago
from .hints import alternation, by_first_char, word_start
from .placing import Calendar, Phrase, Relative, place
from .quarters import QuarterRules, find_quarters, quarter_rules
from .times import TimeRules, day_part, find_clocks, joins, time_rules, within


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
    future: re.Pattern[str]
    future_chars: int
    # A finite past verb right before the day ("the roof collapsed Monday") dates a past event,
    # whatever future the clause began with; after an auxiliary it is a participle ("will be
    # restored Monday").
    past_endings: tuple[str, ...]
    auxiliaries: frozenset[str]
    past_skips: frozenset[str]
    named_days: re.Pattern[str] | None
    early_years: tuple[int, int] | None
    early_year_after: frozenset[str]
    quarters: QuarterRules | None
    placing: Calendar
    times: TimeRules
    ago: AgoRules | None
    pattern: re.Pattern[str]
    parser: DateDataParser
    numeric_formats: tuple[str, str] | None  # strptime's, for four- and two-digit years


def _alternation(words, *, capitalised: bool) -> str:
    # Longest first, so that "Sept" wins over "Sep"; months and weekdays are capitalised in
    # running text, relative phrases match in any case.
    if not capitalised:
        return alternation(words)
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w[:1].upper() + w[1:]) for w in ordered)


def _names(words, capitalised: bool) -> str:
    """Month or weekday names as written: capitalised, or in any case."""
    return _alternation(words, capitalised=True) if capitalised else f"(?i:{_alternation(words, capitalised=False)})"


def _openers(phrases: list[str], function_words: set[str], words: set[str]) -> set[str]:
    """What phrases and `words` open with, for the pattern's quick test.

    The first word of each phrase; or where that is a common word that opens only phrases of
    two words or more ("the seventies", "at the weekend"), those phrases whole: a test at every
    "the" would cost more than the few phrases. A phrase that one of `words` opens is tested
    with that word.
    """
    firsts: dict[str, list[str]] = {}
    for phrase in phrases:
        firsts.setdefault(phrase.split()[0], []).append(phrase)
    return set(words) | {opener for first, some in firsts.items() if first not in words
                         for opener in (some if first in function_words and all(len(p.split()) > 1 for p in some)
                                        else [first])}


def _tree(phrases: object) -> str:
    """Phrases as one alternation nested word by word ("this (?:week|month)"), longest first.

    A flat alternation of some fifty phrases is tried phrase by phrase at every place a date may
    start; nested, a place is left at its first word that opens none.
    """
    tree: dict[str, dict] = {}
    for phrase in phrases:  # type: ignore[attr-defined]
        node = tree
        for word in str(phrase).split():
            node = node.setdefault(word, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        alternatives = []
        for word in sorted((w for w in node if w), key=lambda w: (-len(w), w)):
            rest = render(node[word])
            optional = "?" if "" in node[word] else ""
            alternatives.append(re.escape(word) + (rf"(?:\s+(?:{rest})){optional}" if rest else ""))
        return "|".join(alternatives)

    return render(tree) or "(?!)"


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
    # A suffix may end in a mark ("12." in German, "1er" in French): it ends the day where no letter follows.
    ordinal = "|".join(map(re.escape, data["ordinal_suffixes"])) or "(?!)"
    day = rf"(?:[12]\d|3[01]|0?[1-9])(?:(?:{ordinal})(?!\w)|\b)"
    year = r"\d{4}\b"  # checked against the rules' year range when read
    before = _alternation(data.get("month_part_before") or (), capitalised=False)
    of_parts = _alternation(data.get("month_part_of") or (), capitalised=False)
    pods = _alternation(data.get("parts_of_day") or (), capitalised=False)
    mods = _alternation(data.get("weekday_modifiers") or (), capitalised=False)
    # Fail fast where no date can start: a date begins with a digit, the first letters of a
    # month or weekday name, or one of a few lower-case words (relative phrases, month parts,
    # "the" before a day or a part of a month).
    starts = {name[:3] for name in [*months, *weekdays]}
    prefixes = by_first_char({w[:1].upper() + w[1:] for w in starts}) if capitalised \
        else f"(?i:{by_first_char(starts)})"
    decades = {" ".join(str(k).lower().split()): int(v) for k, v in (data.get("decades") or {}).items()}
    function_words = {str(w).lower() for w in rules.of_type("text").get("function_words") or ()}
    openers = _openers([*relative, *decades], function_words,
                       {*(data.get("month_part_before") or ()), *(data.get("weekday_modifiers") or ())})
    suffixes = "|".join(map(re.escape, data["ordinal_suffixes"]))
    centuries = _alternation(data.get("century_words") or (), capitalised=False) or "(?!)"
    decade_words = _alternation(decades, capitalised=False) or "(?!)"
    decade_suffix = _alternation(data.get("decade_suffixes") or (), capitalised=False) or "(?!)"
    the = _alternation(data.get("day_articles") or (), capitalised=False)
    of = _alternation(data.get("day_of") or (), capitalised=False)
    names = [*months, *weekdays]
    start = word_start([n[:1].upper() for n in names] if capitalised else [],
                       [*openers, *(data.get("day_articles") or ()), *(() if capitalised else names)], not_after="/-")
    pattern = re.compile(
        rf"{start}(?=\d|{prefixes}|(?i:{by_first_char(openers)})\b"
        rf"|(?i:{the})\s+(?:\d|(?i:{of_parts})))(?:"
        rf"(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?![\w/-])"
        rf"|(?P<numeric>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})|\d{{1,2}}(?P<mark>[.-])\d{{1,2}}(?P=mark)\d{{4}})"
        rf"(?![\w/]|[.-]\d)"
        rf"|(?:{weekday},?\s+)?(?P<md>(?P<md_month>{month})\s+(?P<md_day>{day}))(?:,?\s+(?P<md_year>{year}))?"
        rf"|(?:{weekday},?\s+)?(?P<dm>(?:(?i:{the})\s+)?(?P<dm_day>{day})\s+(?:(?i:{of})\s+)?(?P<dm_month>{month}))"
        rf"(?:,?\s+(?:(?i:{of})\s+)?(?P<dm_year>{year}))?"
        rf"|(?P<part_before>(?i:{before}))[-\s]+(?P<pb_month>{full_month})(?:,?\s+(?:(?i:{of})\s+)?(?P<pb_year>{year}))?"
        rf"|(?i:{the})\s+(?P<part_of>(?i:{of_parts}))\s+(?i:{of})\s+(?P<po_month>{full_month})"
        rf"(?:,?\s+(?P<po_year>{year}))?"
        rf"|(?P<my_month>{month}),?\s+(?:(?i:{of})\s+)?(?P<my_year>{year})"
        rf"|(?P<month>{full_month})"
        rf"|(?P<relative>(?i:{_tree(relative)}))\b"
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
    name_words = frozenset(function_words) | frozenset(months) | frozenset(weekdays) \
        | frozenset(data.get("weekday_modifiers") or ())
    early = data.get("early_years") or {}
    named_days = _alternation(data.get("named_days") or (), capitalised=False)
    low, high = rules.of_type("numbers")["years"]
    year_after = [" ".join(str(w).lower().split()) for w in data.get("year_after") or ()]
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
        name_words=name_words,
        years=(int(low), int(high)),
        relative=relative,
        relative_not_after=frozenset(str(w).lower() for w in data.get("relative_not_after") or ()),
        future=re.compile(rf"(?<![\w-])(?:{_alternation(data.get('future_markers') or (), capitalised=False)})(?![\w-])"
                          if data.get("future_markers") else r"(?!)", re.IGNORECASE),
        future_chars=int(data["future_reach_chars"]),
        past_endings=tuple(str(w).lower() for w in data.get("past_verb_endings") or ()),
        auxiliaries=frozenset(str(w).lower() for w in data.get("participle_auxiliaries") or ()),
        past_skips=frozenset(str(w).lower() for w in data.get("past_verb_skips") or ()),
        named_days=re.compile(rf"(?<![\w-])(?:{named_days})(?![\w-])", re.IGNORECASE) if named_days else None,
        early_years=(int(early["range"][0]), int(early["range"][1])) if early.get("range") else None,
        early_year_after=frozenset(str(w).lower() for w in early.get("after") or ()),
        quarters=quarter_rules(data, month=month, the=the, year=year, months=months, relative=relative,
                               years=(int(low), int(high)), name_words=name_words),
        placing=Calendar((min(weekend), max(weekend)), float(data["future_weight"])),
        times=time_rules(data),
        ago=ago_rules(rules, data),
        pattern=pattern,
        parser=DateDataParser(languages=[language], settings=settings),
        numeric_formats=_NUMERIC_FORMATS.get(str(data["numeric_order"])),
    )


# The numeric orders read without dateparser (the slashed pattern puts the year last).
_NUMERIC_FORMATS = {"mdy": ("%m/%d/%Y", "%m/%d/%y"), "dmy": ("%d/%m/%Y", "%d/%m/%y")}


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
            found.append(phrase)
    # Counted back ("two weeks ago") and quarters ("the third quarter of 2016") win over the
    # dates they hold.
    rare = [*(_agos(find_ago(view, start, end, compiled.ago)) if compiled.ago is not None else ()),
            *(find_quarters(view, start, end, compiled.quarters) if compiled.quarters is not None else ())]
    if rare:
        found = sorted([*(p for p in found if not any(r.start < p.end and p.start < r.end for r in rare)), *rare],
                       key=lambda p: p.start)
    clocks = find_clocks(view, start, end, compiled.times)
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
                if joins(view, *gap, compiled.times):
                    near.append((gap[1] - gap[0], i))
        anchor, minutes = None, clock.clock
        if near:
            i = min(near)[1]
            minutes = within(clock.clock, found[i].clock)
            found[i] = anchor = replace(found[i], time=clock.text, clock=minutes, zone=clock.zone,
                                        utc_offset=clock.utc_offset, half_day=clock.half_day)
        found.insert(k, Phrase("time", clock.start, clock.end, time=clock.text, clock=minutes,
                               zone=clock.zone, utc_offset=clock.utc_offset, half_day=clock.half_day,
                               anchor=anchor))
    return found


def _agos(stretches: list[Ago]) -> list[Phrase]:
    """Stretches counted back from publication as date phrases."""
    return [Phrase("ago", a.start, a.end, back=(a.low_days, a.high_days), unit_days=a.unit_days) for a in stretches]


def _day_part(view: str, start: int, end: int, compiled: DateRules) -> tuple[int, int] | None:
    """The hours a weekday or relative phrase names by a part of the day ("Tuesday night", "this morning")."""
    return day_part(f" {' '.join(view[start:end].lower().split())} ", compiled.times)


def _word_before(view: str, pos: int, floor: int, *, keep_case: bool = False) -> str:
    """The word that ends at most two marks before `pos` (and after `floor`), or "".

    The 40 characters before `pos` are read backwards: re searches forwards only, and a search
    for the last word of a stretch tries every word in it.
    """
    match = _LAST_WORD_BACKWARDS.match(view[max(floor, pos - 40):pos][::-1])
    if match is None:
        return ""
    word = match.group(1)[::-1]
    return word if keep_case else word.lower()


_DIGITS = re.compile(r"\d+")
# Read backwards, `([^\W_]+)\W{0,2}$`: `$` also stands before a line break that ends the text.
_LAST_WORD_BACKWARDS = re.compile(r"\n?\W{0,2}([^\W_]+)")
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


_CLAUSE_WORD = re.compile(r"[^\W\d_]+")


def _future(view: str, start: int, floor: int, compiled: DateRules) -> bool:
    """Whether the clause before a weekday speaks of the future ("will vote Tuesday").

    Not where a finite past verb stands right before the day: "will be restored after the
    roof collapsed Monday" dates the collapse.
    """
    window = view[max(floor, start - compiled.future_chars):start]
    cut = max(window.rfind("."), window.rfind("!"), window.rfind("?"), window.rfind(";"))
    markers = [m.end() for m in compiled.future.finditer(window, cut + 1)]
    if not markers:
        return False
    words = [w.lower() for w in _CLAUSE_WORD.findall(window, markers[-1])]
    while words and words[-1] in compiled.past_skips:
        words.pop()
    if len(words) < 2 or not any(words[-1].endswith(e) and len(words[-1]) > len(e) + 2 for e in compiled.past_endings):
        return True
    return words[-2] in compiled.auxiliaries


def _phrase(match: re.Match[str], view: str, floor: int, compiled: DateRules) -> Phrase | None:
    group = match.group  # what each alternative captured, read only as far as the branch taken needs
    start, end = match.span()
    if group("iso") or group("numeric"):
        return _parsed("day", group("iso") or group("numeric"), start, end, compiled)
    if group("md") or group("dm"):
        # The month name is read from the rules' table; the day and year are the digits matched.
        year = group("md_year") or group("dm_year")
        if year and not compiled.years[0] <= int(year) <= compiled.years[1]:
            year = None
        day = int(_DIGITS.match(group("md_day") or group("dm_day")).group())  # type: ignore[union-attr]
        return _parsed("day", group("md_month") or group("dm_month"), start, end, compiled, year, day)
    if group("part_before") or group("part_of"):
        name = " ".join((group("part_before") or group("part_of")).lower().split())
        month = compiled.months[(group("pb_month") or group("po_month")).lower()]
        year = group("pb_year") or group("po_year")
        return Phrase("part", start, end, year=int(year) if year else None, month=month,
                      part=compiled.month_parts[name])
    if group("my_month"):
        if not compiled.years[0] <= int(group("my_year")) <= compiled.years[1]:
            return None
        return _parsed("month", group("my_month"), start, end, compiled, group("my_year"))
    if group("month"):
        if (_word_before(view, start, floor) not in compiled.month_alone_after
                and not _after_a_date(view, start, floor, compiled)) or _in_a_name(view, start, end, floor, compiled):
            return None
        return Phrase("month", start, end, month=compiled.months[group("month").lower()])
    if group("relative"):
        if _word_before(view, start, floor) in compiled.relative_not_after \
                or (view[start].isupper() and _in_a_name(view, start, None, floor, compiled)):
            return None  # "over the past week" is a stretch of time; "USA Today" a name
        relative = compiled.relative[" ".join(group("relative").lower().split())]
        if relative.part == "past" and _future(view, start, floor, compiled):
            relative = Relative(relative.unit, 0)  # "talks will go on over the weekend": the coming one
        return Phrase("relative", start, end, relative=relative, clock=_day_part(view, start, end, compiled))
    if group("weekday"):
        modifier = (group("modifier") or "").lower()
        if not modifier and (_word_before(view, start, floor) in compiled.relative_not_after
                             or _named_day(view, match.start("weekday"), match.end("weekday"), floor, compiled)):
            return None  # "every Monday" recurs; "Black Friday" is a name
        rule = compiled.weekday_modifiers.get(modifier, "on_or_before")
        if not modifier and _future(view, start, floor, compiled):
            rule = "on_or_after"  # "the council will vote Tuesday"
        return Phrase("weekday", start, end, weekday=compiled.weekdays[group("weekday").lower()],
                      modifier=rule, clock=_day_part(view, start, end, compiled))
    if group("decade_words"):
        return Phrase("decade", start, end, year=compiled.decades[" ".join(group("decade_words").lower().split())])
    if group("decade"):
        year = int(group("decade"))
        return Phrase("decade", start, end, year=year) if compiled.years[0] <= year <= compiled.years[1] else None
    if group("century"):
        century = int(group("century"))
        return Phrase("century", start, end, year=(century - 1) * 100 + 1) if century >= 1 else None
    if group("year"):
        year = int(group("year"))
        if not compiled.years[0] <= year <= compiled.years[1]:
            early = _early_year(view, start, end, floor, year, compiled)
            return Phrase("year", start, end, year=year) if early else None
        if _word_before(view, start, floor) in compiled.year_after or _after_a_date(view, start, floor, compiled) \
                or _after_phrase(view, start, floor, compiled.year_after_phrases) \
                or _adjectival_year(view, start, end, floor, year, compiled):
            return Phrase("year", start, end, year=year)
    return None


def _early_year(view: str, start: int, end: int, floor: int, year: int, compiled: DateRules) -> bool:
    """Whether a year before the usual range is one: after "since" or "in", before a punctuation mark."""
    if compiled.early_years is None or not compiled.early_years[0] <= year <= compiled.early_years[1]:
        return False
    return _word_before(view, start, floor) in compiled.early_year_after and _CLAUSE_END.match(view, end) is not None


_CLAUSE_END = re.compile(r"[,.;:!?)](?:\s|$)")


def _named_day(view: str, start: int, end: int, floor: int, compiled: DateRules) -> bool:
    """Whether a weekday stands inside a name from the rules ("Black Friday", "the Good Friday agreement")."""
    if compiled.named_days is None or not (_word_before(view, start, floor, keep_case=True)[:1].isupper()
                                           or _NEXT_CAPITAL.match(view, end)):
        return False  # a name holding a weekday has a capitalised word beside it
    return any(m.start() <= start and end <= m.end()
               for m in compiled.named_days.finditer(view, max(floor, start - _NAME_REACH), end + _NAME_REACH))


_NEXT_CAPITAL = re.compile(r"[ \t]+[^\W\d_a-z]")
# How far around a weekday a name holding it may reach ("Small Business Saturday").
_NAME_REACH = 30


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
    """A day or month phrase, with what `text` says and the day and year given.

    A month name is read from the rules' own table and a valid numeric date by strptime, as
    dateparser reads them (a month name: the month, no year, the first of the month); any
    other text takes dateparser.
    """
    key = " ".join(text.replace(".", " ").lower().split())
    if key in compiled.months:
        parsed: tuple[int | None, int, int] | None = (None, compiled.months[key], 1)
    else:
        parsed = _numeric(key, compiled.numeric_formats) or _parse(key, compiled.parser)
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


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_MARKS = re.compile(r"[.-]")


def _numeric(text: str, formats: tuple[str, str] | None) -> tuple[int, int, int] | None:
    """A numeric date ("2021-03-14", "3/14/2021", "3/14/21") that is valid in the rules' order, else None.

    strptime reads a two-digit year as dateparser does (69 to 99 in the 1900s, 00 to 68 in the
    2000s). A date that is none in that order ("13/5/2019") is left to dateparser, which tries
    the other orders.
    """
    if _ISO.fullmatch(text):
        form = "%Y-%m-%d"
    elif formats is not None:
        # "14.03.2024" and "14-03-2024" are read as "14/03/2024" (a four-digit year: never a decimal).
        text = _DATE_MARKS.sub("/", text)
        form = formats[len(text.rsplit("/", 1)[-1]) == 2]
    else:
        return None
    try:
        day = dt.datetime.strptime(text, form)
    except ValueError:
        return None
    return day.year, day.month, day.day


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


def resolve(phrase: Phrase, reference: dt.date | None, *, inferred: bool, compiled: DateRules) -> DateValue:
    """The value of a date phrase, read against `reference` (the publication date, or None)."""
    return place(phrase, reference, inferred=inferred, rules=compiled.placing)


def times_of_day(view: str, phrases: list[Phrase], start: int, end: int, compiled: DateRules) -> dict[int, str]:
    """Which date phrase (by index) states a time of day, and the time as written.

    `find_dates` joins each time to its date already ("left at 6 a.m. Oct. 3 and landed Oct. 4
    at noon": each day keeps its own time); this reads that back for callers that set it.
    """
    return {i: phrase.time for i, phrase in enumerate(phrases) if phrase.time is not None}

