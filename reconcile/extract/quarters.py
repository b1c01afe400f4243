"""Quarters of the year: "the third quarter of 2016", "fourth-quarter results", "Q2 2017", "the April-June quarter".

A quarter is three months, January to March the first. With its year, or "of last year", it is
placed by the calendar; without one it is read only where its sentence speaks of a year's
quarters (`quarters.context`: "results", "GDP"), since "the second quarter" of a game is none,
and only where no word such as "fiscal" sets it in a company's own year. Quarters are rare:
the text is searched for the quarter word and the codes, and the phrase is read only around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .hints import Words, alternation, words
from .placing import Phrase, Relative

# How far a quarter phrase reaches around its word: before it, "the November-January "; after
# it, " of last year".
_BEFORE, _AFTER = 50, 40
# How close to a quarter a word like "fiscal" stands when it sets the quarter in a company's own
# year: just before the ordinal, or in the few words after the quarter ("of its financial year").
_OWN_YEAR_BEFORE, _OWN_YEAR_AFTER = 20, 25
_SENTENCE_END = re.compile(r"[.!?;](?=\s)")
_LAST_WORD = re.compile(r"([^\W_]+)\W{0,2}\Z")


@dataclass(frozen=True, slots=True)
class QuarterRules:
    """The `dates.quarters` rules, compiled with the month names and relative years they lean on."""

    hint: Words
    pattern: re.Pattern[str]
    ordinals: dict[str, int]
    months: dict[str, int]
    relative: dict[str, Relative]
    years: tuple[int, int]
    context: re.Pattern[str]
    context_chars: int
    own_year: re.Pattern[str]
    name_words: frozenset[str]


def _words_pattern(words_: Any) -> re.Pattern[str]:
    """Any of these words or phrases, whole, in any case (never matching where there are none)."""
    alternatives = alternation(words_ or ())
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])" if alternatives else r"(?!)", re.IGNORECASE)


def quarter_rules(data: dict[str, Any], *, month: str, the: str, year: str, months: dict[str, int],
                  relative: dict[str, Relative], years: tuple[int, int],
                  name_words: frozenset[str]) -> QuarterRules | None:
    """Compile the `quarters` key of the date rules `data`; None where the pack has none.

    `month`, `the` and `year` are the date patterns' pieces for a month name, an article and a
    year; `relative` the relative phrases, of which those naming a whole year may follow "of".
    """
    quarters = data.get("quarters") or {}
    if not quarters.get("words"):
        return None
    ordinals = alternation(quarters.get("ordinals") or ()) or "(?!)"
    quarter = alternation(quarters["words"])
    codes = [rf"{re.escape(str(c))}[1-4]" for c in quarters.get("codes") or ()]
    of = alternation(quarters.get("of") or ()) or "(?!)"
    years_relative = {k: v for k, v in relative.items() if v.unit == "year" and not v.part}
    relative_year = alternation(years_relative) or "(?!)"
    pattern = re.compile(
        rf"(?<![\w/-])(?:"
        rf"(?:(?i:{the})\s+)?(?P<ordinal>(?i:{ordinals}))[-\s]+(?i:{quarter})(?![\w-])"
        rf"(?:,?\s+(?:(?i:{of})\s+)?(?P<year>{year})|\s+(?i:{of})\s+(?P<relative>(?i:{relative_year}))\b)?"
        rf"|(?P<code>{'|'.join(codes) or '(?!)'})(?:[\s-]+(?P<code_year>{year}))?(?![\w-])"
        rf"|(?:(?i:{the})\s+)?(?P<first>{month})[-–/](?P<last>{month})\s+(?i:{quarter})(?![\w-])"
        r")")
    return QuarterRules(
        hint=words([str(w) for w in quarters["words"]], codes=codes),
        pattern=pattern,
        ordinals={" ".join(str(k).lower().split()): int(v) for k, v in (quarters.get("ordinals") or {}).items()},
        months=months,
        relative=years_relative,
        years=years,
        context=_words_pattern(quarters.get("context")),
        context_chars=int(quarters["context_chars"]),
        own_year=_words_pattern(quarters.get("own_year_words")),
        name_words=name_words,
    )


def find_quarters(view: str, start: int, end: int, compiled: QuarterRules) -> list[Phrase]:
    """Every quarter of a year in view[start:end], in text order."""
    found: dict[tuple[int, int], Phrase] = {}
    for hit_start, hit_end in compiled.hint.find(view, start, end):
        for match in compiled.pattern.finditer(view, max(start, hit_start - _BEFORE), min(end, hit_end + _AFTER)):
            if match.start() <= hit_start < match.end() and match.span() not in found:
                phrase = _quarter(match, view, start, compiled)
                if phrase is not None:
                    found[match.span()] = phrase
    return sorted(found.values(), key=lambda p: p.start)


def _quarter(match: re.Match[str], view: str, floor: int, compiled: QuarterRules) -> Phrase | None:
    """A quarter of a year, or None where it is a company's own year's or nothing says it is one of a year."""
    groups = match.groupdict()
    start, end = match.span()
    if compiled.own_year.search(view, max(floor, start - _OWN_YEAR_BEFORE), end + _OWN_YEAR_AFTER):
        return None  # "the fiscal first quarter": a company's own year, which the calendar cannot place
    if groups["first"]:
        first, last = (compiled.months[groups[key].lower().rstrip(".")] for key in ("first", "last"))
        return Phrase("quarter", start, end, month=first, last_month=last) if (last - first) % 12 == 2 else None
    written = groups["year"] or groups["code_year"]
    if written and not compiled.years[0] <= int(written) <= compiled.years[1]:
        return None
    relative = compiled.relative[" ".join(groups["relative"].lower().split())] if groups["relative"] else None
    if not written and relative is None and (
            (groups["code"] and _after_a_name(view, start, floor, compiled))  # a model: "the Audi Q4"
            or not _in_context(view, start, end, floor, compiled)):
        return None  # "the second quarter" of a game
    number = int(groups["code"][-1]) if groups["code"] \
        else compiled.ordinals[" ".join(groups["ordinal"].lower().split())]
    month = 3 * number - 2
    return Phrase("quarter", start, end, year=int(written) if written else None, month=month, last_month=month + 2,
                  relative=relative)


def _after_a_name(view: str, start: int, floor: int, compiled: QuarterRules) -> bool:
    """Whether a capitalised word other than a function word stands right before `start`."""
    before = _LAST_WORD.search(view, max(floor, start - 40), start)
    return before is not None and before.group(1)[:1].isupper() and before.group(1).lower() not in compiled.name_words


def _in_context(view: str, start: int, end: int, floor: int, compiled: QuarterRules) -> bool:
    """Whether a word that speaks of a year's quarters ("results", "GDP") stands in the sentence near `start`."""
    low = max(floor, start - compiled.context_chars)
    low = max((m.end() for m in _SENTENCE_END.finditer(view, low, start)), default=low)
    after = _SENTENCE_END.search(view, end, end + compiled.context_chars)
    return compiled.context.search(view, low, after.start() if after else end + compiled.context_chars) is not None
