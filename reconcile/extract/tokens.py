"""Tokens of the matching view, and phrase tables that match runs of them.

A token keeps its offsets and whether whitespace precedes it (`gap`), so that "5bn" (glued)
and "5 bn" can be told apart without going back to the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")
_new = tuple.__new__


@lru_cache(maxsize=8)
def token_pattern(group: str = ",", decimal: str = ".") -> re.Pattern[str]:
    """The tokenizer for one way of writing numbers: "1,234.5" in English, "1.234,5" in Spanish.

    Each match is the whitespace before a token and the token, as a word, a number or any
    other character (a symbol); one of the three groups holds it.
    """
    g, d = re.escape(group), re.escape(decimal)
    # Words first: most tokens are words, and no word can start a number.
    return re.compile(r"(\s*)(?:([^\W\d_]+(?:'[^\W\d_]+)*)"
                      rf"|(\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?|(?<![\w{d}]){d}\d+)"
                      r"|(\S))")


TOKEN = token_pattern()


class Token(NamedTuple):
    """One token: its text, lower-cased text, offsets, type (num, word, sym) and leading gap."""

    text: str
    low: str
    start: int
    end: int
    kind: str
    gap: bool


def tokenize(view: str, start: int = 0, end: int | None = None, *, marks: tuple[str, str] = (",", ".")) -> list[Token]:
    """Tokens of view[start:end]; `marks` are the group and decimal marks numbers are written with.

    A number's `low` is its digits with a decimal point, whatever the marks ("1.234,5" -> "1234.5").
    """
    return tokenize_spans(view, [(start, len(view) if end is None else end)], marks=marks)


def tokenize_spans(view: str, spans: Iterable[tuple[int, int]], *, marks: tuple[str, str] = (",", ".")) -> list[Token]:
    """The tokens of each view[start:end] in turn, in one list (see `tokenize`)."""
    tokens: list[Token] = []
    append = tokens.append
    group, decimal = marks
    english = marks == (",", ".")
    findall = token_pattern(group, decimal).findall
    for start, end in spans:
        last_end = -1
        pos = start
        # Whitespace at the end holds no token, and each place in it would be tried to its end.
        while end > start and view[end - 1].isspace():
            end -= 1
        # findall() makes no match objects, and a token's offsets follow from the lengths read:
        # this loop is hot.
        for space, word, number, symbol in findall(view, start, end):
            begin = pos + len(space)
            if word:
                text, low, kind = word, word.lower(), "word"
            elif number:
                low = number.replace(",", "") if english else number.replace(group, "").replace(decimal, ".")
                text, kind = number, "num"
            else:
                text, low, kind = symbol, symbol.lower(), "sym"
            pos = begin + len(text)
            # tuple.__new__ skips the named tuple's Python-level constructor.
            append(_new(Token, (text, low, begin, pos, kind, begin != last_end)))
            last_end = pos
    return tokens


def split_phrase(phrase: str) -> tuple[str, ...]:
    """The token texts of a phrase, as the tokenizer would cut it."""
    return tuple(m.group().lstrip() for m in TOKEN.finditer(phrase))


class Phrases(Generic[T]):
    """A table of multi-token phrases, matched longest first, forwards or backwards."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, case_sensitive: bool = False):
        self.case_sensitive = case_sensitive
        self.table: dict[tuple[str, ...], T] = {}
        for phrase, value in entries:
            key = split_phrase(phrase if case_sensitive else phrase.lower())
            if key:
                self.table[key] = value
        self.longest = max((len(k) for k in self.table), default=0)
        # Most tokens start (or end) no phrase at all: one set lookup turns them away before
        # any key is built.
        self.firsts = frozenset(k[0] for k in self.table)
        self.lasts = frozenset(k[-1] for k in self.table)
        # A match grows a word at a time while its words still begin (or end) some phrase, so
        # a lookup costs the length of what matches, not the length of the longest phrase.
        self._heads = frozenset(k[:n] for k in self.table for n in range(1, len(k) + 1))
        self._tails = frozenset(k[-n:] for k in self.table for n in range(1, len(k) + 1))
        # Most words that open a phrase open none where they stand: the next word tells so
        # before a key is built ("a" opens "a third", not "a statement").
        self._alone = frozenset(k[0] for k in self.table if len(k) == 1)
        self._seconds: dict[str, frozenset[str]] = {}
        for k in self.table:
            if len(k) > 1:
                self._seconds[k[0]] = self._seconds.get(k[0], frozenset()) | {k[1]}
        self._word: Callable[[Token], str] = attrgetter("text" if case_sensitive else "low")

    def forward(self, tokens: list[Token], i: int) -> tuple[T, int] | None:
        """The longest phrase starting at token i: its value and the index after it."""
        word = self._word
        if i >= len(tokens) or word(tokens[i]) not in self.firsts:
            return None
        first = word(tokens[i])
        if first not in self._alone and (i + 1 >= len(tokens) or word(tokens[i + 1]) not in self._seconds[first]):
            return None
        found = None
        key: tuple[str, ...] = ()
        for j in range(i, min(len(tokens), i + self.longest)):
            key += (word(tokens[j]),)
            if key not in self._heads:
                break
            if key in self.table:
                found = self.table[key], j + 1
        return found

    def backward(self, tokens: list[Token], i: int) -> tuple[T, int] | None:
        """The longest phrase ending just before token i: its value and its first index."""
        word = self._word
        if i <= 0 or i > len(tokens) or word(tokens[i - 1]) not in self.lasts:
            return None
        found = None
        key: tuple[str, ...] = ()
        for j in range(i - 1, max(-1, i - 1 - self.longest), -1):
            key = (word(tokens[j]), *key)
            if key not in self._tails:
                break
            if key in self.table:
                found = self.table[key], j
        return found
