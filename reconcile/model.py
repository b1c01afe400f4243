"""The data that flows through reconcile: Source -> Claim -> Group -> Report.

Plain frozen dataclasses, shared by every stage. This module imports nothing from the package,
so that every other module can depend on it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

_LINE_END = re.compile(r"\r\n|\r|\n")


class Kind(str, Enum):
    """What a claim states."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    MEASURE = "measure"
    DATE = "date"
    QUOTE = "quote"
    AGE = "age"
    NAME = "name"
    TITLE = "title"
    DURATION = "duration"


class Qualifier(str, Enum):
    """How a quantity's number relates to the truth it reports."""

    EXACT = "exact"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    APPROXIMATE = "approximate"
    RANGE = "range"
    VAGUE = "vague"


class Verdict(str, Enum):
    """What judging a group of aligned claims concluded."""

    AGREE = "agree"
    COMPATIBLE = "compatible"
    CONFLICT = "conflict"
    QUOTE_VARIANT = "quote_variant"
    SINGLE_SOURCE = "single_source"


Number = int | float


@dataclass(frozen=True, slots=True)
class Span:
    """Where a claim stands in its source: character offsets [start, end) and 1-based line/col."""

    start: int
    end: int
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Source:
    """One article: its original text and metadata.

    `body_start` skips a metadata prefix or front matter; offsets everywhere index `text`
    itself, never a cleaned copy.
    """

    id: str
    path: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    encoding: str = "utf-8"
    body_start: int = 0
    # The language its rule pack is chosen by ("en", "es"); None until given or detected.
    language: str | None = None
    # Where a saved page says it was published on the web.
    url: str | None = None
    # Whether `text` was extracted from a page's HTML rather than stored as it is: reports keep it.
    extracted: bool = False
    # Whether no rule pack reads its language: it is read only for what every language shares.
    partial_language: bool = False
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def name(self) -> str:
        """How reports name the source: its outlet where known, else its id."""
        return self.outlet or self.id

    def span(self, start: int, end: int) -> Span:
        """The span of text[start:end], with the line and column of its start."""
        starts = self.line_starts or line_starts(self.text)
        line = bisect.bisect_right(starts, start)
        return Span(start, end, line, start - starts[line - 1] + 1)


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line of `text` starts (LF, CRLF and CR all end a line)."""
    # CRLF counts once: the line starts after the LF.
    return (0, *(match.end() for match in _LINE_END.finditer(text)))


def display_names(sources: tuple[Source, ...]) -> dict[str, str]:
    """How reports name each source: its outlet, or "outlet (id)" where outlets repeat."""
    counts: dict[str, int] = {}
    for source in sources:
        counts[source.name] = counts.get(source.name, 0) + 1
    return {s.id: s.name if counts[s.name] == 1 else f"{s.name} ({s.id})" for s in sources}


@dataclass(frozen=True, slots=True)
class SIValue:
    """A measure restated in its SI unit."""

    amount: Number
    unit: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """The value of a money, count, percent or measure claim: an interval with a qualifier.

    `amount` is the number as written (None for vague amounts and ranges); `low`/`high` are
    the interval it asserts, None where unbounded.
    """

    amount: Number | None
    qualifier: Qualifier
    low: Number | None
    high: Number | None
    unit: str | None = None
    currency: str | None = None
    si: SIValue | None = None
    elided: bool = False
    # An age's person, as the source names them ("Jo Lee"); None for other quantities.
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    """The value of a duration claim: a stretch of time, as written and in days.

    `amount` and `unit` are as written ("six-month": 6, month; None amount for a range);
    `low_days`/`high_days` are the days it allows, None where unbounded. A unit spans the days
    the rules give it (a month is 28 to 31), so "two months" and "60 days" can both be true.
    """

    amount: Number | None
    qualifier: Qualifier
    unit: str
    low_days: Number | None
    high_days: Number | None


class Granularity(str, Enum):
    """How much time a date claim names."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    PART_OF_MONTH = "part_of_month"
    QUARTER = "quarter"  # three months: "the third quarter of 2016", "Q3", "the April-June quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    TIME = "time"  # a time of day with no day stated ("at about 9.15am")


@dataclass(frozen=True, slots=True)
class DateValue:
    """The value of a date claim: the days [start, end] it names, both ends included.

    `resolved` is False where the text alone cannot place it in time (a weekday in an undated
    story); `inferred` is True where it was placed through the story's latest publication
    date because its own source has none. `month`/`day` keep what the text gave, so that a
    date without a year still compares with another.
    """

    start: dt.date | None
    end: dt.date | None
    resolved: bool
    granularity: Granularity
    inferred: bool = False
    month: int | None = None
    day: int | None = None
    time: str | None = None
    # The stated time of day as minutes after midnight, both ends included (an interval for
    # "about 9.15am" or "evening"; the high end may pass 1440 for "night"), its zone as written
    # ("GMT", "local time", "+02:00") and that zone's offset from UTC in minutes, where known.
    clock: tuple[int, int] | None = None
    zone: str | None = None
    utc_offset: int | None = None
    half_day: bool = False  # "5:40" with no am or pm, where the rules read a 12-hour clock: or 17:40


@dataclass(frozen=True, slots=True)
class QuoteValue:
    """The value of a quotation: its words normalised, who said them, where, and how edited.

    `speaker` is a person's full name where the source gives it, else the words that name the
    speaker ("a company spokesperson"); `role` is a title stated with it. `markers` lists
    editorial marks inside the quotation (`sic`, `insertion`, `ellipsis`).
    """

    text: str
    speaker: str | None = None
    role: str | None = None
    medium: str | None = None
    markers: tuple[str, ...] = ()
    short: bool = False
    nested: bool = False


class Entity(str, Enum):
    """What a name names."""

    PERSON = "person"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class NameValue:
    """The value of a name claim: a person or organisation as the source spells it.

    `name` is the fullest form the source gives (a surname alone becomes the full name);
    `long_form` is an acronym's spelled-out name where the source gives one ("Office of
    Budget Review (OBR)"); `sic` marks a name the source flagged as misspelled in what it quotes.
    """

    name: str
    entity: Entity
    long_form: str | None = None
    sic: bool = False
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class TitleValue:
    """The value of a title claim: a person's role as stated ("executive director")."""

    title: str
    person: str


Value = Quantity | DateValue | QuoteValue | NameValue | TitleValue | Duration


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic statement in one source, with its provenance.

    `text` is exactly `source.text[span.start:span.end]`; `sentence` is the text around it
    from `sentence_start`; `rule` names the rule file that produced it; `quoted` says it stands
    inside a quotation (a figure someone said, which may meet the same figure an outlet states).
    `credited` names the news organisation the source passes it on from (`according to the
    Valley Herald`); `anonymous` says the source gives it to unnamed sources.
    """

    id: str
    source: str
    kind: Kind
    span: Span
    text: str
    sentence: str
    value: Value
    rule: str
    sentence_start: int = 0
    quoted: bool = False
    credited: str | None = None
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    """Claims that state the same fact, with the verdict on whether they agree."""

    id: str
    kind: Kind
    claims: tuple[str, ...]
    verdict: Verdict
    flags: tuple[str, ...] = ()
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found in a folder that could not be read, and why: reported, never silently lost."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one comparison found, in a stable order.

    `copies` pairs each source that reprints another with the original, by id.
    """

    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    skipped: tuple[Skipped, ...] = ()
    copies: tuple[tuple[str, str], ...] = ()
