"""Quotation claims: the quoted stretches of a text and the words in each.

A stretch runs from an opening double mark to its closing mark, within a paragraph; a
quotation that runs over paragraphs (the opening mark repeated, no closing mark) is one
stretch, read as one claim per paragraph (another outlet may print any one of them); an
unclosed mark ends at its paragraph, so it never swallows the rest of the article. Inside
a stretch, a passage in single marks is a nested stretch of its own. A paragraph that writes
no double mark quotes in single ones (headlines, some outlets' house style). Apostrophes (`isn't`,
`workers'`) are told from single marks by the letters around them. Who is quoted is
`attribution`'s job.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..furniture import line_breaks
from ..rules import RuleSet
from .hints import alternation

_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_WORD_BEFORE = re.compile(r"[^\W_]+$")
# The spaces typography sets inside guillemets: a space, a no-break space, a narrow no-break space.
_INNER_SPACES = " \u00a0\u202f"
_OPEN_BEFORE = set(" \t\r\n([{\u2014\u2013-/:")


@dataclass(frozen=True, slots=True)
class QuoteRules:
    """The `quotes` rules, compiled."""

    double_open: frozenset[str]
    double_close: frozenset[str]
    single_open: frozenset[str]
    single_close: frozenset[str]
    short_below: int
    markers: tuple[tuple[str, re.Pattern[str]], ...]
    cut_markers: frozenset[str]
    term_frame: re.Pattern[str]
    marks: re.Pattern[str]
    single_marks: re.Pattern[str]
    single_marks_all: re.Pattern[str]
    single_openers: re.Pattern[str]
    elisions: frozenset[str]
    plural_endings: tuple[str, ...]


@lru_cache(maxsize=8)
def quote_rules(rules: RuleSet) -> QuoteRules:
    """Compile the quotation-mark part of the `quotes` rules (cached per rule set)."""
    data = rules.of_type("quotes")
    markers = tuple((str(name), re.compile(p, re.IGNORECASE))
                    for name, patterns in (data.get("markers") or {}).items() for p in patterns)
    double_open = frozenset(data.get("double_open") or ()) | {'"'}
    single_open = frozenset(data.get("single_open") or ()) | {"'"}
    double_close = frozenset(data.get("double_close") or ()) | {'"'}
    # Longest first: a doubled single mark ('' or \u2019\u2019) is one double mark.
    alternation = "|".join(re.escape(m) for m in sorted(double_open | double_close, key=lambda m: (-len(m), m)))
    return QuoteRules(
        double_open=double_open,
        double_close=double_close,
        marks=re.compile(alternation),
        elisions=frozenset(str(w).lower() for w in data.get("elisions") or ()),
        plural_endings=tuple(str(e).lower() for e in data.get("plural_endings") or ()),
        single_marks_all=re.compile("|".join(re.escape(m) for m in sorted(
            single_open | frozenset(data.get("single_close") or ()) | {"'"}, key=lambda m: (-len(m), m)))),
        single_marks=re.compile("|".join(re.escape(m) for m in sorted(
            frozenset(data.get("single_close") or ()) | {"'"}, key=lambda m: (-len(m), m)))),
        # A passage opens on one character: the one-character opening marks are what is searched for.
        single_openers=re.compile("[" + "".join(re.escape(m) for m in sorted(single_open) if len(m) == 1) + "]"),
        single_open=single_open,
        single_close=frozenset(data.get("single_close") or ()) | {"'"},
        short_below=int(data["short_below_words"]),
        markers=markers,
        cut_markers=frozenset(str(m) for m in data.get("cut_markers") or ()),
        term_frame=_frame_before(data.get("term_frames") or ()),
    )


def _frame_before(words) -> re.Pattern[str]:
    """A pattern for one of `words` ending right before an opening mark (spaces between)."""
    frames = alternation(words)
    return re.compile(rf"(?<![\w-])(?i:{frames})\s*$") if frames else re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Stretch:
    """One quoted stretch: its words at [start, end), its marks, and where it stands.

    `open` is the offset of the opening mark; `close` that of the closing mark's last
    character (None when the mark never closes). `paragraph` numbers the paragraph it starts
    in; `leads` says whether only whitespace stands before it there. `resumes` are the opening
    marks repeated where the quotation goes on in a new paragraph.
    """

    open: int
    start: int
    end: int
    close: int | None
    paragraph: int
    leads: bool = False
    nested: bool = False
    resumes: tuple[tuple[int, int], ...] = ()

    def pieces(self, text: str) -> list[tuple[int, int]]:
        """The quotation's words paragraph by paragraph.

        Each is a claim of its own, since another outlet may print any one of them.
        """
        spans, pos = [], self.start
        for mark_start, mark_end in self.resumes:
            end = mark_start
            while end > pos and text[end - 1].isspace():
                end -= 1
            spans.append((pos, end))
            pos = mark_end
            while pos < self.end and text[pos].isspace():
                pos += 1
        return [(s, e) for s, e in (*spans, (pos, self.end)) if _WORD.search(text, s, e)]


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans of text[start:end]: blocks between blank lines, or lines if it has none."""
    if _BLANK_LINE.search(text, start, end):
        breaks = [brk.span() for brk in _BLANK_LINE.finditer(text, start, end)]
    else:
        breaks = line_breaks(text, start, end)
    spans, pos = [], start
    for brk_start, brk_end in breaks:
        spans.append((pos, brk_start))
        pos = brk_end
    spans.append((pos, end))
    return [(s, e) for s, e in spans if not _blank(text, s, e)]


def _blank(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all whitespace (read in place, not copied)."""
    while start < end and text[start].isspace():
        start += 1
    return start == end


def find_stretches(text: str, view: str, start: int, end: int, compiled: QuoteRules) -> list[Stretch]:
    """Every quoted stretch of text[start:end], nested ones after their outer one.

    Marks are read from the text (the view folds curly marks); what stands around them is
    read from the view, where template debris is blanked. A paragraph that writes no double
    mark quotes in single ones. A stretch left open by the end of a cut excerpt loses its last
    (maybe partial) word, and is dropped when too few are left.
    """
    found: list[Stretch] = []
    blocks = paragraphs(text, start, end)
    opened: _Open | None = None  # an opening mark still waiting for its close
    single = False
    for n, (p_start, p_end) in enumerate(blocks):
        pos = p_start
        if opened is None:
            # A paragraph with no double mark quotes in single ones (a headline's 'The fire is
            # out', a house style); one with double marks keeps single ones for nesting.
            single = compiled.marks.search(text, p_start, p_end) is None
            marks = compiled.single_marks_all if single else compiled.marks
            opens = compiled.single_open if single else compiled.double_open
            closes = compiled.single_close if single else compiled.double_close
        else:
            first = marks.match(text, _first_visible(text, p_start, p_end))
            # The quotation goes on only if its paragraph ended a sentence; a comma there means
            # the closing mark was left out ("...no warning at all,").
            last = _last_visible(text, blocks[n - 1][0], blocks[n - 1][1])
            ended = last is None or text[last] not in ",;"
            if first is not None and first.group() in opens and ended:
                opened.resumes.append((first.start(), first.end()))
                pos = first.end()  # the quotation goes on in this paragraph
            else:
                found.extend(_stretch(text, opened, blocks[n - 1][1], None, compiled))
                opened = None
        for mark in marks.finditer(text, pos, p_end):
            at, after, kind = mark.start(), mark.end(), mark.group()
            if single and _apostrophe(text, at, after, p_start, p_end, compiled):
                continue
            if opened is None:
                # A closing mark where an opening one belongs (after a space, before a word) is
                # a typo for the opening mark.
                if (kind in opens or kind in closes) and _can_open(view, at, after, p_start, p_end,
                                                                   dedicated=kind not in closes):
                    opened = _Open(at, after, n, _first_visible(text, p_start, at) == at)
            elif kind in closes and (kind not in opens or at > opened.after) and not (single and (
                    text[at - 1].isspace() or _possessive(text, at, after, p_end, marks, closes, compiled))):
                found.extend(_stretch(text, opened, at, after - 1, compiled))
                opened = None
            elif kind in opens and kind not in closes:
                # A second opening mark: the first never closed. End it here, start anew.
                found.extend(_stretch(text, opened, at, None, compiled))
                opened = _Open(at, after, n, False)
    if opened is not None:
        last = _last_visible(text, start, end)
        cut = last is not None and text[last].isalnum()  # the excerpt ends mid-sentence
        found.extend(_stretch(text, opened, blocks[-1][1], None, compiled, cut=cut))
    terms = {s.open for s in found
             if not s.nested and compiled.term_frame.search(view, max(start, s.open - 40), s.open)}
    return [s for s in found if not _within_any(s, terms, found)] if terms else found


def _within_any(stretch: Stretch, opens: set[int], found: list[Stretch]) -> bool:
    """Whether a stretch is one of the `opens` or nested in one of them."""
    return stretch.open in opens or (stretch.nested and any(
        o.open in opens and o.start <= stretch.start < o.end for o in found if not o.nested))


@dataclass(slots=True)
class _Open:
    at: int
    after: int
    paragraph: int
    leads: bool
    resumes: list[tuple[int, int]] = field(default_factory=list)


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _last_visible(text: str, start: int, end: int) -> int | None:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end - 1 if end > start else None


def _can_open(text: str, at: int, after: int, p_start: int, p_end: int, *, dedicated: bool = False) -> bool:
    # A mark right after a letter or digit closes or measures (6'2"), it does not open.
    if at > p_start and text[at - 1] not in _OPEN_BEFORE and text[at - 1] not in "\"'":
        return False
    if dedicated:
        # A mark that only ever opens may stand apart from its first word, as French sets "« Nous".
        while after < p_end and text[after] in _INNER_SPACES:
            after += 1
    return after < p_end and not text[after].isspace()


def _apostrophe(text: str, at: int, after: int, p_start: int, p_end: int, compiled: QuoteRules) -> bool:
    """Whether a single mark is an apostrophe.

    That is a letter or digit on both sides (won't), or a digit or an elided word after it ('90s, 'em).
    """
    return (at > p_start and text[at - 1].isalnum() and after < p_end and text[after].isalnum()) \
        or (after < p_end and text[after].isdigit()) or _elision(text, after, p_end, compiled)


def _possessive(text: str, at: int, after: int, p_end: int, marks: re.Pattern[str], closes: frozenset[str],
                compiled: QuoteRules) -> bool:
    # "the teachers' union": a mark after a plural, with a lower-case word right after it and a
    # closing mark (not an opening one) next in the paragraph, is the possessive's apostrophe.
    word = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if not (word and word.group().lower().endswith(compiled.plural_endings)
            and after + 1 < p_end and text[after] == " " and text[after + 1].islower()):
        return False
    following = marks.search(text, after, p_end)
    return following is not None and following.group() in closes


def _stretch(text: str, opened: _Open, stop: int, close: int | None, compiled: QuoteRules,
             cut: bool = False) -> list[Stretch]:
    start, end = opened.after, stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if cut:
        words = list(_WORD.finditer(text, start, end))
        if len(words) < compiled.short_below:
            return []  # a fragment cut by the excerpt's end: too little left to compare
        end = words[-2].end()
    if not _WORD.search(text, start, end):
        return []
    outer = Stretch(opened.at, start, end, close, opened.paragraph, opened.leads, resumes=tuple(opened.resumes))
    return [outer, *_nested(text, outer, compiled)]


def _nested(text: str, outer: Stretch, compiled: QuoteRules) -> list[Stretch]:
    """Passages in single marks inside a stretch: opened before a letter, closed after one."""
    # Every possible closing mark, found once, so that many unclosed openers stay linear.
    closes = [m.start() for m in compiled.single_marks.finditer(text, outer.start + 1, outer.end)
              if _closes_single(text, m.start(), outer.end, compiled)]
    found = []
    resume = outer.start
    # Only the single marks are visited, not every character of the quotation.
    for opener in compiled.single_openers.finditer(text, outer.start, outer.end):
        i = opener.start()
        if i < resume:
            continue  # inside the passage before
        if (i == outer.start or text[i - 1] in _OPEN_BEFORE or text[i - 1] == '"') \
                and i + 1 < outer.end and text[i + 1].isalpha() and not _elision(text, i + 1, outer.end, compiled):
            k = bisect.bisect_right(closes, i + 1)
            if k < len(closes):
                close = closes[k]
                start, end = i + 1, close
                while end > start and text[end - 1].isspace():
                    end -= 1
                found.append(Stretch(i, start, end, close, outer.paragraph, nested=True))
                resume = close + 1
    return found


def _elision(text: str, start: int, stop: int, compiled: QuoteRules) -> bool:
    """Whether the word after a single mark is an elided one ('em, 'n', 'til): an apostrophe."""
    match = _WORD.match(text, start, stop)
    return match is not None and match.group().lower() in compiled.elisions


def _closes_single(text: str, j: int, stop: int, compiled: QuoteRules) -> bool:
    # An apostrophe has a letter on both sides (isn't); a closing mark has none after it.
    return text[j] in compiled.single_close and not text[j - 1].isspace() \
        and (j + 1 >= stop or not text[j + 1].isalnum())


def is_short(text: str, compiled: QuoteRules) -> bool:
    """Whether a quotation has fewer words than the rules' short limit (a scare quote)."""
    for n, _ in enumerate(_WORD.finditer(text), start=1):
        if n >= compiled.short_below:
            return False
    return True


def markers(text: str, compiled: QuoteRules) -> tuple[str, ...]:
    """The editorial marks in a quotation's words: sic, insertion, ellipsis (each once).

    Where two marks overlap, the earlier rule wins: "[sic]" is sic, not also an insertion. An
    ellipsis counts only between words: "… and we will rebuild" is an excerpt, no change.
    """
    hits = sorted((m.start(), rank, m.end(), name) for rank, (name, pattern) in enumerate(compiled.markers)
                  for m in pattern.finditer(text))
    found: list[str] = []
    taken_until = -1
    for start, _, end, name in hits:
        if start < taken_until:
            continue
        taken_until = end
        if name in compiled.cut_markers and not (_WORD.search(text, 0, start) and _WORD.search(text, end)):
            continue  # where the quotation begins or ends, an ellipsis marks the cut: no words changed
        if name not in found:
            found.append(name)
    return tuple(found)


def normalise(view: str, start: int, end: int) -> str:
    """A quotation's words for comparison: typography folded, whitespace collapsed."""
    return " ".join(view[start:end].split())
