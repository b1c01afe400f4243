"""Prepare a source's text for matching without losing offsets.

Everything here keeps the text's length: the matching view folds typography character for
character and blanks template debris and page furniture (which `furniture` finds), so an
offset into the view is an offset into the original text. Sentences and the story's extent are
spans of that same text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import RuleError
from .furniture import Furniture, furniture_rules, line_breaks, page_furniture
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

# A stop never looks past its line's end, so the whole text is searched at once.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=[^\S\r\n]+[\"'(\[]*[A-Z0-9])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


@dataclass(frozen=True, slots=True)
class TextRules:
    """The text rules, compiled."""

    abbreviations: frozenset[str]
    furniture: Furniture
    debris: tuple[re.Pattern[str], ...]
    markdown: tuple[re.Pattern[str], ...]
    sentence_reach: int
    sentence_block: int


@lru_cache(maxsize=8)
def text_rules(rules: RuleSet) -> TextRules:
    """Compile the `text` rules of a rule set (cached per rule set)."""
    data = rules.of_type("text")
    return TextRules(
        frozenset(a.lower() for a in data.get("abbreviations", ())),
        furniture_rules(data["furniture"], data.get("trailing_boilerplate") or ()),
        tuple(re.compile(p, re.IGNORECASE) for p in data.get("debris", ())),
        tuple(re.compile(p, re.MULTILINE) for p in data.get("markdown_syntax", ())),
        int(data["sentence_reach_chars"]),
        _at_least_one(data["long_sentence_block_chars"], "long_sentence_block_chars"),
    )


def _at_least_one(value: object, key: str) -> int:
    number = int(value)  # type: ignore[call-overload]
    if number < 1:
        raise RuleError(f"text rules: {key} must be at least 1 (got {number})")
    return number


@dataclass(frozen=True, slots=True)
class Prepared:
    """A source ready for extraction: the matching view, the story's extent, its sentences.

    The sentences are disjoint spans in text order (a furniture block is one of its own).
    `reach` is how much of a sentence a claim reads on each side of itself before the sentence
    counts as endless; in an endless one it reads blocks of `block` characters (see `window`).
    """

    source: Source
    view: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    reach: int
    block: int
    # The text of each stretch handed out, so that claims sharing a window share one string.
    texts: dict[tuple[int, int], str] = field(default_factory=dict, compare=False, repr=False)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span holding `offset` (the story's extent if none does)."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return self.start, self.end

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that hold text[start:end]: more than one where a claim spans a break."""
        i = bisect.bisect_right(self.sentence_starts, start) - 1
        if i >= 0 and self.sentences[i][0] <= start and max(start, end - 1) < self.sentences[i][1]:
            first = last = self.sentences[i]  # most claims stand inside one sentence: one look-up
        else:
            first, last = self.sentence_at(start), self.sentence_at(max(start, end - 1))
        return self.window(min(first[0], last[0], start), max(first[1], last[1], end), start, end)

    def window(self, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
        """The stretch of the sentence [s_start, s_end) that text[start:end] is read in.

        The whole sentence, where it reaches no further than `reach` either side. A "sentence"
        of a whole unpunctuated document is cut into blocks of `block` characters from its
        start, and the stretch is the blocks the text stands in and one either side: bounded,
        and the same for every claim of a block.
        """
        if start - s_start <= self.reach and s_end - end <= self.reach:
            return s_start, s_end
        first = (start - s_start) // self.block - 1
        last = (max(start, end - 1) - s_start) // self.block + 2
        low, high = max(s_start, s_start + first * self.block), min(s_end, s_start + last * self.block)
        # A block's edge falls where it falls: the word it cuts is left out, not read in part.
        if low > s_start:
            low = self._word_edge(low, min(start, low + _SNAP), 1)
        if high < s_end:
            high = self._word_edge(high, max(end, high - _SNAP), -1)
        return low, high

    def _word_edge(self, at: int, limit: int, step: int) -> int:
        """The first place from `at` towards `limit` that is no word's inside (else `at` itself)."""
        view = self.view
        k = at
        while k != limit and view[k - 1].isalnum() and view[k].isalnum():
            k += step
        return at if k == limit and view[k - 1].isalnum() and view[k].isalnum() else k

    def text_of(self, start: int, end: int) -> str:
        """The source's text[start:end], one string for every claim that asks for the same stretch."""
        found = self.texts.get((start, end))
        if found is None:
            found = self.texts[(start, end)] = self.source.text[start:end]
        return found


# How far a block's edge moves to a word's edge, at most (a word of news is shorter).
_SNAP = 32


def prepare(source: Source, rules: RuleSet) -> Prepared:
    """Fold typography, blank debris and furniture, find where the story ends, split it into sentences."""
    compiled = text_rules(rules)
    view = matching_view(source.text, compiled, markdown=source.path.lower().endswith(".md"))
    start = source.body_start
    # Furniture tells a sentence from a label by its stop, and a stop after an abbreviation is no
    # stop: the sentence rules here say which is which, read from the line's own start.
    end, furniture = page_furniture(view, start, compiled.furniture,
                                    is_abbreviation=lambda text, dot: _is_abbreviation(text, 0, dot, compiled))
    view = blank_spans(view, furniture)
    # A blanked block stays a sentence of its own, holding no words: a context that reaches to
    # the sentence before (whom a sentence is about) loses the furniture's words and gains none
    # from across it.
    sentences = tuple(sorted([*split_sentences(view, start, end, compiled), *furniture]))
    return Prepared(source, view, start, end, sentences, tuple(s for s, _ in sentences), compiled.sentence_reach,
                    compiled.sentence_block)


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
    # Stops and line breaks are each found in one pass over the text, not line by line: a
    # stop cuts no characters, a line break its own.
    stops = [(m.end(), m.end()) for m in _SENTENCE_END.finditer(view, start, end)
             if not (view[m.start()] == "." and _is_abbreviation(view, start, m.start(), compiled))]
    spans, pos = [], start
    for cut, resume in sorted([*stops, *line_breaks(view, start, end)]):
        if cut > pos:  # an empty line holds no sentence
            spans.append((pos, cut))
        pos = resume
    spans.append((pos, end))
    return [trimmed for span in spans if (trimmed := _trim(view, *span))]


def _is_abbreviation(view: str, floor: int, dot: int, compiled: TextRules) -> bool:
    # The word before the dot is read back to `floor` at most (a line break ends it anyway).
    word_start = dot
    while word_start > floor and (view[word_start - 1].isalpha() or view[word_start - 1] == "."):
        word_start -= 1
    word = view[word_start:dot].lower()
    # Initials ("J. Smith", "J.R. Smith") do not end a sentence.
    return word in compiled.abbreviations or (_INITIALS.fullmatch(word) is not None and view[word_start].isupper())


def _trim(view: str, start: int, end: int) -> tuple[int, int] | None:
    # Read in place, not copied: most spans have no whitespace to trim.
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
