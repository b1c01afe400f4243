"""Quotation claims: the quoted stretches of a text and the words in each.

A stretch runs from an opening double mark to its closing mark, within a paragraph; a
quotation that runs over paragraphs (the opening mark repeated, no closing mark) is one
stretch; an unclosed mark ends at its paragraph, so it never swallows the rest of the
article. Inside a stretch, a passage in single marks is a nested stretch of its own.
Apostrophes (`isn't`, `workers'`) are told from single marks by the letters around them.
Who is quoted is `attribution`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..rules import RuleSet

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)")
_LINE = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_OPEN_BEFORE = set(" \t\r\n([{\u2014\u2013-/:")


@dataclass(frozen=True)
class QuoteRules:
    """The `quotes` rules, compiled."""

    double_open: frozenset[str]
    double_close: frozenset[str]
    single_open: frozenset[str]
    single_close: frozenset[str]
    short_below: int
    markers: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=8)
def quote_rules(rules: RuleSet) -> QuoteRules:
    """Compile the quotation-mark part of the `quotes` rules (cached per rule set)."""
    data = rules.of_type("quotes")
    markers = tuple((str(name), re.compile(p, re.IGNORECASE))
                    for name, patterns in (data.get("markers") or {}).items() for p in patterns)
    return QuoteRules(
        double_open=frozenset(data.get("double_open") or ()) | {'"'},
        double_close=frozenset(data.get("double_close") or ()) | {'"'},
        single_open=frozenset(data.get("single_open") or ()) | {"'"},
        single_close=frozenset(data.get("single_close") or ()) | {"'"},
        short_below=int(data.get("short_below_words", 4)),
        markers=markers,
    )


@dataclass(frozen=True, slots=True)
class Stretch:
    """One quoted stretch: its words at [start, end), its marks, and where it stands.

    `open` is the offset of the opening mark; `close` that of the closing mark (None when the
    mark never closes). `paragraph` numbers the paragraph it starts in.
    """

    open: int
    start: int
    end: int
    close: int | None
    paragraph: int
    nested: bool = False


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans of text[start:end]: blocks between blank lines, or lines if it has none."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text, start, end) else _LINE
    spans, pos = [], start
    for brk in splitter.finditer(text, start, end):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_stretches(text: str, start: int, end: int, compiled: QuoteRules) -> list[Stretch]:
    """Every quoted stretch of text[start:end], nested ones after their outer one."""
    found: list[Stretch] = []
    blocks = paragraphs(text, start, end)
    opened: int | None = None  # offset of an opening mark still waiting for its close
    opened_in = 0
    for n, (p_start, p_end) in enumerate(blocks):
        i = p_start
        if opened is not None:
            first = _first_visible(text, p_start, p_end)
            if first is not None and text[first] in compiled.double_open:
                i = first + 1  # the quotation goes on in this paragraph
            else:
                found.extend(_stretch(text, opened, blocks[n - 1][1], None, opened_in, compiled))
                opened = None
        while i < p_end:
            ch = text[i]
            if opened is None:
                if ch in compiled.double_open and _can_open(text, i, p_start, p_end):
                    opened, opened_in = i, n
            elif ch in compiled.double_close and _can_close(text, i, opened):
                found.extend(_stretch(text, opened, i, i, opened_in, compiled))
                opened = None
            elif ch in compiled.double_open and ch != '"':
                # A second opening mark: the first never closed. End it here, start anew.
                found.extend(_stretch(text, opened, i, None, opened_in, compiled))
                opened, opened_in = i, n
            i += 1
    if opened is not None:
        found.extend(_stretch(text, opened, blocks[-1][1], None, opened_in, compiled))
    return found


def _first_visible(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None


def _can_open(text: str, i: int, p_start: int, p_end: int) -> bool:
    # A straight mark after a letter or digit closes or measures (6'2"), it does not open.
    if text[i] == '"' and i > p_start and text[i - 1] not in _OPEN_BEFORE and text[i - 1] not in "\"'":
        return False
    return i + 1 < p_end and not text[i + 1].isspace()


def _can_close(text: str, i: int, opened: int) -> bool:
    return i > opened + 1 or text[i] != '"'


def _stretch(text: str, open_at: int, stop: int, close: int | None, paragraph: int,
             compiled: QuoteRules) -> list[Stretch]:
    start, end = open_at + 1, stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not _WORD.search(text, start, end):
        return []
    outer = Stretch(open_at, start, end, close, paragraph)
    return [outer, *_nested(text, outer, compiled)]


def _nested(text: str, outer: Stretch, compiled: QuoteRules) -> list[Stretch]:
    """Passages in single marks inside a stretch: opened before a letter, closed after one."""
    found = []
    i = outer.start
    while i < outer.end:
        ch = text[i]
        if ch in compiled.single_open and (i == outer.start or text[i - 1] in _OPEN_BEFORE or text[i - 1] == '"') \
                and i + 1 < outer.end and text[i + 1].isalnum():
            close = _single_close(text, i + 1, outer.end, compiled)
            if close is not None:
                start, end = i + 1, close
                while end > start and text[end - 1].isspace():
                    end -= 1
                found.append(Stretch(i, start, end, close, outer.paragraph, nested=True))
                i = close
        i += 1
    return found


def _single_close(text: str, start: int, stop: int, compiled: QuoteRules) -> int | None:
    for j in range(start, stop):
        # An apostrophe has a letter on both sides (isn't); a closing mark has none after it.
        if text[j] in compiled.single_close and not text[j - 1].isspace() \
                and (j + 1 >= stop or not text[j + 1].isalnum()):
            return j
    return None


def words(text: str) -> int:
    """How many words a stretch of text holds."""
    return sum(1 for _ in _WORD.finditer(text))


def markers(text: str, compiled: QuoteRules) -> tuple[str, ...]:
    """The editorial marks in a quotation's words: sic, insertion, ellipsis (each once)."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in compiled.markers:
        for match in pattern.finditer(text):
            # "[sic]" is sic, not also an insertion: a span claimed once stays claimed.
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append(match.span())
            if name not in found:
                found.append(name)
    return tuple(found)


def normalise(view_text: str) -> str:
    """A quotation's words for comparison: typography already folded, whitespace collapsed."""
    return " ".join(view_text.split())
