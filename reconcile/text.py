"""Prepare a source's text for matching without losing offsets.

Everything here keeps the text's length: the matching view folds typography character for
character and blanks template debris and page furniture, so an offset into the view is an
offset into the original text. Sentences and the story's extent are spans of that same text.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .model import Source
from .rules import RuleSet

# Typography that varies between outlets but means the same: one character for one character.
# Upper-case letters of the Latin, Greek and Cyrillic blocks, for patterns (`re` has no class for them).
UPPER = "".join(c for c in map(chr, range(0x530)) if c.isupper() and c.isalpha())

_FOLD = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u200b": " ", "\ufeff": " ", "\t": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
})

_FOLD_TO = {chr(k): chr(v) if isinstance(v, int) else v for k, v in _FOLD.items()}
_FOLDED = re.compile("[" + "".join(re.escape(ch) for ch in _FOLD_TO) + "]")

_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]*[A-Z0-9])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# A label's separator from what it introduces ("Read more: ...", "Tags | ...").
_SEPARATOR = r"[:|>\u00bb\u203a\u2014-]+(?=\s|$)"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_STOP = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


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


@dataclass(frozen=True, slots=True)
class TextRules:
    """The text rules, compiled."""

    abbreviations: frozenset[str]
    furniture: Furniture
    debris: tuple[re.Pattern[str], ...]
    markdown: tuple[re.Pattern[str], ...]
    sentence_reach: int


@lru_cache(maxsize=8)
def text_rules(rules: RuleSet) -> TextRules:
    """Compile the `text` rules of a rule set (cached per rule set)."""
    data = rules.of_type("text")
    return TextRules(
        frozenset(a.lower() for a in data.get("abbreviations", ())),
        _furniture(data["furniture"], data.get("trailing_boilerplate") or ()),
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("debris", ())),
        tuple(re.compile(p, re.MULTILINE) for p in data.get("markdown_syntax", ())),
        int(data["sentence_reach_chars"]),
    )


def _furniture(data: dict[str, Any], trailers: Any) -> Furniture:
    opening = r"^\W{0,3}?"
    labels, trailing, prompts, headings = (_phrases(data.get(key) or ())
                                           for key in ("labels", "trailing_labels", "prompts", "heading_words"))
    bullets = "|".join(re.escape(b) for b in data.get("bullets") or ())
    return Furniture(
        label=re.compile(fr"{opening}{labels}\s*(?P<sep>{_SEPARATOR})?\s*(?P<rest>.*)$", re.IGNORECASE)
        if labels else None,
        trailing_label=re.compile(opening + trailing, re.IGNORECASE) if trailing else None,
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


def _phrases(words: Any) -> str:
    """One alternation of whole words or phrases, longest first (so "read more" beats "read")."""
    alternatives = [
        r"\s+".join(map(re.escape, w.split())) + (r"(?!\w)" if w[-1].isalnum() else "")
        for w in sorted(words, key=len, reverse=True)]
    return f"(?:{'|'.join(alternatives)})" if alternatives else ""


@dataclass(frozen=True, slots=True)
class Prepared:
    """A source ready for extraction: the matching view, the story's extent, its sentences.

    `reach` is how much of a very long sentence a claim keeps on each side of itself.
    """

    source: Source
    view: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    reach: int

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span holding `offset` (the story's extent if none does)."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return self.start, self.end

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that hold text[start:end]: more than one where a claim spans a break."""
        first, last = self.sentence_at(start), self.sentence_at(max(start, end - 1))
        # A "sentence" of a whole unpunctuated document is cut to the claim's neighbourhood.
        return max(min(first[0], last[0], start), start - self.reach), \
            min(max(first[1], last[1], end), end + self.reach)


def prepare(source: Source, rules: RuleSet) -> Prepared:
    """Fold typography, blank debris and furniture, find where the story ends, split it into sentences."""
    compiled = text_rules(rules)
    view = matching_view(source.text, compiled, markdown=source.path.lower().endswith(".md"))
    start = source.body_start
    end, furniture = page_furniture(view, start, compiled)
    view = blank_spans(view, furniture)
    # A blanked block stays a sentence of its own, holding no words: a context that reaches to
    # the sentence before (whom a sentence is about) loses the furniture's words and gains none
    # from across it.
    sentences = tuple(sorted([*split_sentences(view, start, end, compiled), *furniture]))
    return Prepared(source, view, start, end, sentences, tuple(s for s, _ in sentences), compiled.sentence_reach)


def matching_view(text: str, compiled: TextRules, *, markdown: bool = False) -> str:
    """The text with typography folded and debris blanked, of exactly the same length.

    In Markdown, syntax (code, link targets, comments, heading and list marks) is blanked too,
    so that only the prose is read, with offsets into the file as it is.
    """
    # str.translate() visits every character; the few that fold are found faster by a regex.
    view = _FOLDED.sub(lambda match: _FOLD_TO[match.group()], text)
    for pattern in compiled.debris + (compiled.markdown if markdown else ()):
        view = pattern.sub(_blank, view)
    return view


def _blank(match: re.Match[str]) -> str:
    # Line breaks stay, so that lines and paragraphs keep their places.
    return _NOT_LINE_BREAK.sub(" ", match.group())


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


def page_furniture(view: str, start: int, compiled: TextRules) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Where the story ends, and the furniture blocks inside it (spans to blank).

    1. Each line of view[start:] is told by its shape and words (`_Line`).
    2. A list hangs from a label or heading: the short lines right under it, then (past a blank
       line) title-case ones.
    3. From the last line up, blank lines, labels, headings, their lists, and runs of
       `min_run_lines` title-case lines with no heading are the page's tail. The first line
       never goes: a page that is nothing but a headline is still a story.
    4. Before the tail, a line that is only a label or a prompt is blanked, and so is a label or
       heading with the list hanging from it; a heading over no list may be a subheading.
    """
    lines = _lines(view, start)
    kinds = [_kind(view[s:e].strip(), compiled) for s, e in lines]
    hangs = _hangs(kinds)
    hung = [False] * len(lines)
    for i, last in enumerate(hangs):
        hung[i + 1:last + 1] = [True] * (last - i)
    first = next((i for i, k in enumerate(kinds) if k is not _Line.BLANK), len(lines))
    cut, run = len(lines), 0
    for i in range(len(lines) - 1, first, -1):
        kind = kinds[i]
        if kind in _PAGE or hung[i]:
            cut, run = i, 0
        elif kind is _Line.ITEM:
            run += 1
            if run >= compiled.furniture.min_run:
                cut = i
        elif kind is not _Line.BLANK:
            break
    end = lines[cut][0] if cut < len(lines) else len(view)
    # Keep the last line's text but not its line break.
    while end > start and view[end - 1] in "\r\n ":
        end -= 1
    # Quotations are read from the text, not the view: inside the story a line holding a
    # quotation mark is never blanked, so that no quotation loses one of its marks.
    inside = [_Line.PROSE if '"' in view[s:e] else k for (s, e), k in zip(lines[:cut], kinds[:cut], strict=True)]
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
        if kinds[i] in (_Line.LABEL, _Line.FURNITURE) or (kinds[i] is _Line.HEADING and hangs[i] > i):
            yield lines[i][0], lines[hangs[i]][1]
            i = hangs[i]
        i += 1


def _lines(view: str, start: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for brk in _LINE_BREAK.finditer(view, start):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(view)))
    return spans


def _kind(line: str, compiled: TextRules) -> _Line:
    """What one stripped line is (see `_Line`)."""
    f = compiled.furniture
    if not line:
        return _Line.BLANK
    words = len(line.split())
    if sum(len(m.group()) for m in _URL.finditer(line)) >= f.link_share * len(line.replace(" ", "")):
        return _Line.FURNITURE
    if any(p.search(line) for p in f.trailers):
        return _Line.TRAILER
    if words <= f.label_words and f.trailing_label and f.trailing_label.match(line):
        return _Line.TRAILER
    if words <= f.label_words:
        if f.prompt and f.prompt.match(line):
            return _Line.FURNITURE
        label = f.label.match(line) if f.label else None
        if label:
            rest = label["rest"]
            title_case = _title_case(rest, f) and not _punctuated(rest, compiled)
            # A label that is all its line says, or heads what follows ("Related stories:").
            if not rest or ((line.endswith(":") or title_case) and words <= f.heading_words):
                return _Line.LABEL
            # A label before its link ("Read more: ...", "Tags Budget Council Taxes").
            if label["sep"] or title_case:
                return _Line.FURNITURE
            # At the end, a label before a name, a number, or a phrase ("Sponsored by ..."), but
            # not before a clause ("Related charges were filed ...").
            opening = rest.split()[0]
            if not opening.islower() or (opening in f.minor_words and not _punctuated(rest, compiled)):
                return _Line.TRAILER
    body = f.bullet.sub("", line, count=1)
    if len(body.split()) > f.short_words or _punctuated(body, compiled):
        return _Line.PROSE
    title_case = _title_case(body, f)
    if f.heading and f.heading_word and words <= f.heading_words \
            and (f.heading.search(body) or (title_case and f.heading_word.search(body))):
        return _Line.HEADING
    return _Line.ITEM if title_case else _Line.SHORT


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


def _punctuated(text: str, compiled: TextRules) -> bool:
    """Whether a line ends a sentence somewhere (a period after an abbreviation does not)."""
    return any(not (text[m.start()] == "." and _is_abbreviation(text, 0, m.start(), compiled))
               for m in _STOP.finditer(text))


def blank_spans(view: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The view with these spans blanked (line breaks kept)."""
    if not spans:
        return view
    pieces, pos = [], 0
    for s, e in spans:
        pieces += [view[pos:s], _NOT_LINE_BREAK.sub(" ", view[s:e])]
        pos = e
    return "".join([*pieces, view[pos:]])


def split_sentences(view: str, start: int, end: int, compiled: TextRules) -> list[tuple[int, int]]:
    """Sentence spans of view[start:end]: lines split at sentence-ending punctuation."""
    spans: list[tuple[int, int]] = []
    pos = start
    for brk in [*_LINE_BREAK.finditer(view, start, end), None]:
        line_end = brk.start() if brk else end
        spans.extend(_split_line(view, pos, line_end, compiled))
        pos = brk.end() if brk else end
    return spans


def _split_line(view: str, start: int, end: int, compiled: TextRules) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for match in _SENTENCE_END.finditer(view, start, end):
        if view[match.start()] == "." and _is_abbreviation(view, start, match.start(), compiled):
            continue
        spans.append((pos, match.end()))
        pos = match.end()
    spans.append((pos, end))
    return [trimmed for span in spans if (trimmed := _trim(view, *span))]


def _is_abbreviation(view: str, line_start: int, dot: int, compiled: TextRules) -> bool:
    word_start = dot
    while word_start > line_start and (view[word_start - 1].isalpha() or view[word_start - 1] == "."):
        word_start -= 1
    word = view[word_start:dot].lower()
    # Initials ("J. Smith", "J.R. Smith") do not end a sentence.
    return word in compiled.abbreviations or (_INITIALS.fullmatch(word) is not None and view[word_start].isupper())


def _trim(view: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
