"""Page furniture: the lines of a scraped page that are the page's, not the story's.

Labels ("Read more:", "Tags"), prompts, bare links, datelines and the lists of links that hang
from a heading ("Related stories", "Most Read") are told by each line's shape and words; this
module finds where the story ends and which blocks inside it to blank. It knows nothing of
sentences: whether a period ends one (or follows an abbreviation) is asked of the caller.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# A label's separator from what it introduces ("Read more: ...", "Tags | ...").
_SEPARATOR = r"[:|>\u00bb\u203a\u2014-]+(?=\s|$)"
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_STOP = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")

# Whether the period at text[dot] follows an abbreviation or an initial (so ends no sentence).
IsAbbreviation = Callable[[str, int], bool]


@dataclass(frozen=True, slots=True)
class Furniture:
    """The page-furniture rules, compiled: what makes a line the page's rather than the story's.

    `label` matches a line opening with a label, with the separator after it (`sep`) and what
    it introduces (`rest`); `trailers` are a pack's own whole-line patterns for the story's end.
    """

    label: re.Pattern[str] | None
    trailing_label: re.Pattern[str] | None
    prompt: re.Pattern[str] | None
    heading: re.Pattern[str] | None
    heading_word: re.Pattern[str] | None
    bullet: re.Pattern[str]
    trailers: tuple[re.Pattern[str], ...]
    minor_words: frozenset[str]
    short_words: int
    label_words: int
    heading_words: int
    min_run: int
    title_share: float
    link_share: float


def furniture_rules(data: dict[str, Any], trailers: Any) -> Furniture:
    """Compile a pack's `furniture` rules and its whole-line `trailers` (the story's end)."""
    opening = r"^\W{0,3}?"
    labels, trailing, prompts, headings = (phrases(data.get(key) or ())
                                           for key in ("labels", "trailing_labels", "prompts", "heading_words"))
    bullets = "|".join(re.escape(b) for b in data.get("bullets") or ())
    return Furniture(
        label=re.compile(fr"{opening}{labels}\s*(?P<sep>{_SEPARATOR})?\s*(?P<rest>.*)$", re.IGNORECASE)
        if labels else None,
        trailing_label=re.compile(fr"{opening}{trailing}\s*(?P<sep>{_SEPARATOR})?\s*(?P<rest>.*)$", re.IGNORECASE)
        if trailing else None,
        prompt=re.compile(opening + prompts, re.IGNORECASE) if prompts else None,
        # A list's heading names it at one of its ends ("Latest news", "Stories for you"), or
        # anywhere in a title-case line ("Most Read Stories This Week").
        heading=re.compile(fr"^\W*{headings}|(?<!\w){headings}\W*$", re.IGNORECASE) if headings else None,
        heading_word=re.compile(fr"(?<!\w){headings}", re.IGNORECASE) if headings else None,
        bullet=re.compile(fr"^(?:{bullets + '|' if bullets else ''}\d{{1,3}}[.)])\s+"),
        trailers=tuple(re.compile(p, re.IGNORECASE) for p in trailers),
        minor_words=frozenset(w.lower() for w in data.get("minor_words") or ()),
        short_words=int(data["short_line_words"]),
        label_words=int(data["label_line_words"]),
        heading_words=int(data["heading_line_words"]),
        min_run=int(data["min_run_lines"]),
        title_share=float(data["title_case_share"]),
        link_share=float(data["link_share"]),
    )


def phrases(words: Any) -> str:
    """One alternation of whole words or phrases, longest first (so "read more" beats "read")."""
    alternatives = [
        r"\s+".join(map(re.escape, w.split())) + (r"(?!\w)" if w[-1].isalnum() else "")
        for w in sorted(words, key=len, reverse=True)]
    return f"(?:{'|'.join(alternatives)})" if alternatives else ""


class _Line(enum.Enum):
    """What a line of a page is, as far as its shape and words tell."""

    BLANK = enum.auto()
    LABEL = enum.auto()  # the page's wherever it stands, and heads a list: "Related stories:"
    FURNITURE = enum.auto()  # the page's wherever it stands: "Read more: <link>", a prompt, a URL
    TRAILER = enum.auto()  # the page's at the story's end: a dateline, a label before more than a link
    HEADING = enum.auto()  # heads a list of links
    ITEM = enum.auto()  # may be a link of a list: short, unpunctuated, in title case
    SHORT = enum.auto()  # short and unpunctuated, in any case: a link only right under a heading
    PROSE = enum.auto()


_HEADS = (_Line.LABEL, _Line.HEADING)
_PAGE = (_Line.LABEL, _Line.FURNITURE, _Line.TRAILER, _Line.HEADING)
_BLOCK_HEADS = (_Line.LABEL, _Line.FURNITURE, _Line.HEADING)  # blanked: the heading with its list only


def page_furniture(view: str, start: int, furniture: Furniture, *,
                   is_abbreviation: IsAbbreviation) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Where the story ends, and the furniture blocks inside it (spans to blank).

    1. Each line of view[start:] is told by its shape and words (`_Line`).
    2. A list hangs from a label or heading: the short lines right under it, then (past a blank
       line) title-case ones.
    3. From the last line up, blank lines, labels, headings, their lists, and runs of
       `min_run_lines` title-case lines with no heading and no figure are the page's tail. The first line
       never goes: a page that is nothing but a headline is still a story.
    4. Before the tail, a line that is only a label or a prompt is blanked, and so is a label or
       heading with the list hanging from it; a heading over no list may be a subheading.
    """
    lines = _lines(view, start)
    blank = _Line.BLANK  # most pages hold as many empty lines as lines of text
    kinds = [blank if s == e else _kind(view[s:e].strip(), furniture, is_abbreviation) for s, e in lines]
    hangs = _hangs(kinds)
    hung = [False] * len(lines)
    for i, last in enumerate(hangs):
        if last > i:
            hung[i + 1:last + 1] = [True] * (last - i)
    first = next((i for i, k in enumerate(kinds) if k is not _Line.BLANK), len(lines))
    cut, run = len(lines), 0
    for i in range(len(lines) - 1, first, -1):
        kind = kinds[i]
        if kind in _PAGE or hung[i]:
            cut, run = i, 0
        elif kind is _Line.ITEM and not _DIGIT.search(view, *lines[i]):
            # A line stating a figure ("Jo Lee, 24, of Elm Street") may be the story's own list.
            run += 1
            if run >= furniture.min_run:
                cut = i
        elif kind is not _Line.BLANK:
            break
    end = lines[cut][0] if cut < len(lines) else len(view)
    # Keep the last line's text but not its line break.
    while end > start and view[end - 1] in "\r\n ":
        end -= 1
    # Quotations are read from the text, not the view: inside the story a line holding a
    # quotation mark is never blanked, so that no quotation loses one of its marks.
    inside = [_Line.PROSE if view.find('"', s, e) != -1 else k
              for (s, e), k in zip(lines[:cut], kinds[:cut], strict=True)]
    return end, tuple(_blocks(lines, inside))


def _hangs(kinds: list[_Line]) -> list[int]:
    """For each line, the last line of the list hanging from it (itself where none does)."""
    hangs = list(range(len(kinds)))
    for i, kind in enumerate(kinds):
        if kind not in _HEADS:
            continue
        gap = False
        for j in range(i + 1, len(kinds)):
            if kinds[j] is _Line.BLANK:
                gap = True
            elif kinds[j] is _Line.ITEM or (kinds[j] is _Line.SHORT and not gap):
                hangs[i] = j
            else:
                break
    return hangs


def _blocks(lines: list[tuple[int, int]], kinds: list[_Line]) -> Iterator[tuple[int, int]]:
    hangs = _hangs(kinds)
    i = 0
    while i < len(kinds):
        # One test turns away the story's own lines (most are), where naming members one by one
        # costs a look-up each.
        if kinds[i] in _BLOCK_HEADS and (kinds[i] is not _Line.HEADING or hangs[i] > i):
            yield lines[i][0], lines[hangs[i]][1]
            i = hangs[i]
        i += 1


def _lines(view: str, start: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for brk_start, brk_end in line_breaks(view, start, len(view)):
        spans.append((pos, brk_start))
        pos = brk_end
    spans.append((pos, len(view)))
    return spans


def line_breaks(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the line breaks in view[start:end] (CRLF, CR or LF)."""
    if "\r" in view:
        return [brk.span() for brk in _LINE_BREAK.finditer(view, start, end)]
    # Most texts end their lines with LF alone: str.find() skips to each faster than a pattern.
    breaks = []
    at = view.find("\n", start, end)
    while at != -1:
        breaks.append((at, at + 1))
        at = view.find("\n", at + 1, end)
    return breaks


def _kind(line: str, f: Furniture, is_abbreviation: IsAbbreviation) -> _Line:
    """What one stripped line is (see `_Line`)."""
    if not line:
        return _Line.BLANK
    # Words are counted only as far as a threshold reads them: a paragraph is not split whole.
    reach = max(f.label_words, f.short_words, f.heading_words)
    words = len(line.split(None, reach))
    links = _link_chars(line)
    if links and links >= f.link_share * len(line.replace(" ", "")):
        return _Line.FURNITURE
    if not f.trailers and words > f.label_words and words > f.short_words:
        return _Line.PROSE  # a paragraph: too long for any label, list line or heading
    if f.trailers and any(p.search(line) for p in f.trailers):
        return _Line.TRAILER
    trailing = f.trailing_label.match(line) if words <= f.label_words and f.trailing_label else None
    # A dateline ("Updated 10:32 a.m.", "Posted by ..."), not a sentence ("Updated figures show ...").
    if trailing and not _opens_clause(trailing["rest"], f, is_abbreviation):
        return _Line.TRAILER
    if words <= f.label_words:
        if f.prompt and f.prompt.match(line):
            return _Line.FURNITURE
        label = f.label.match(line) if f.label else None
        if label:
            rest = label["rest"]
            title_case = _title_case(rest, f) and not _punctuated(rest, is_abbreviation)
            # A label that is all its line says, or heads what follows ("Related stories:").
            if not rest or ((line.endswith(":") or title_case) and words <= f.heading_words):
                return _Line.LABEL
            # A label before its link ("Read more: ...", "Tags Budget Council Taxes").
            if label["sep"] or title_case:
                return _Line.FURNITURE
            # At the end, a label before a name, a number, or a phrase ("Sponsored by ..."), but
            # not before a clause ("Related charges were filed ...").
            if not _opens_clause(rest, f, is_abbreviation):
                return _Line.TRAILER
    body = f.bullet.sub("", line, count=1)
    # Without a bullet the body is the line, its words counted already where all were read.
    if (words if body is line and words <= reach else len(body.split())) > f.short_words \
            or _punctuated(body, is_abbreviation):
        return _Line.PROSE
    title_case = _title_case(body, f)
    if f.heading and f.heading_word and words <= f.heading_words \
            and (f.heading.search(body) or (title_case and f.heading_word.search(body))):
        return _Line.HEADING
    return _Line.ITEM if title_case else _Line.SHORT


def _link_chars(line: str) -> int:
    """How many characters of a line are URLs."""
    # Most lines hold none: a test for the marks every URL has skips the scan of a paragraph.
    if "://" not in line and "www." not in line.lower():
        return 0
    return sum(len(m.group()) for m in _URL.finditer(line))


def _opens_clause(rest: str, f: Furniture, is_abbreviation: IsAbbreviation) -> bool:
    """Whether what follows a label is a clause ("... charges were filed"), not a name or a phrase.

    A name, a number or a phrase ("... by Jane Doe", "... 10:32 a.m.") is the page's.
    """
    if not rest:
        return False
    opening = rest.split()[0]
    return opening.islower() and not (opening in f.minor_words and not _punctuated(rest, is_abbreviation))


def _title_case(text: str, f: Furniture) -> bool:
    """Whether the words of a line are capitalised, as a headline's are (minor words aside)."""
    counted = capitalised = 0
    for word in text.split():
        core = word.strip("\"'([{")
        if not core or not core[0].isalnum() or (core.islower() and core in f.minor_words):
            continue
        counted += 1
        capitalised += core[0].isupper() or core[0].isdigit()
    return counted > 0 and capitalised >= f.title_share * counted


def _punctuated(text: str, is_abbreviation: IsAbbreviation) -> bool:
    """Whether a line ends a sentence somewhere (a period after an abbreviation does not)."""
    return any(not (text[m.start()] == "." and is_abbreviation(text, m.start()))
               for m in _STOP.finditer(text))
