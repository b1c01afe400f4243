"""Tokens of the matching view, and phrase tables that match runs of them.

A token keeps its offsets and whether whitespace precedes it (`gap`), so that "5bn" (glued)
and "5 bn" can be told apart without going back to the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")
_new = tuple.__new__



@lru_cache(maxsize=8)
def token_pattern(group: str = ",", decimal: str = ".") -> re.Pattern[str]:
    """The tokenizer for one way of writing numbers: "1,234.5" in English, "1.234,5" in Spanish."""
    g, d = re.escape(group), re.escape(decimal)
    return re.compile(rf"(?P<num>\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?|(?<![\w{d}]){d}\d+)"
                      r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
                      r"|(?P<sym>\S)")


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
    tokens: list[Token] = []
    append = tokens.append
    last_end = -1
    group, decimal = marks
    english = marks == (",", ".")
    for match in token_pattern(group, decimal).finditer(view, start, len(view) if end is None else end):
        text = match.group()
        begin, finish = match.span()
        kind = match.lastgroup or "sym"
        if kind == "num":
            low = text.replace(",", "") if english else text.replace(group, "").replace(decimal, ".")
        else:
            low = text.lower()
        # tuple.__new__ skips the named tuple's Python-level constructor: this loop is hot.
        append(_new(Token, (text, low, begin, finish, kind, begin != last_end)))
        last_end = finish
    return tokens


def split_phrase(phrase: str) -> tuple[str, ...]:
    """The token texts of a phrase, as the tokenizer would cut it."""
    return tuple(m.group() for m in TOKEN.finditer(phrase))


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

    def _word(self, token: Token) -> str:
        return token.text if self.case_sensitive else token.low

    def _key(self, tokens: list[Token], lo: int, hi: int) -> tuple[str, ...]:
        return tuple(t.text if self.case_sensitive else t.low for t in tokens[lo:hi])

    def forward(self, tokens: list[Token], i: int) -> tuple[T, int] | None:
        """The longest phrase starting at token i: its value and the index after it."""
        if i >= len(tokens) or self._word(tokens[i]) not in self.firsts:
            return None
        for length in range(min(self.longest, len(tokens) - i), 0, -1):
            key = self._key(tokens, i, i + length)
            if key in self.table:
                return self.table[key], i + length
        return None

    def backward(self, tokens: list[Token], i: int) -> tuple[T, int] | None:
        """The longest phrase ending just before token i: its value and its first index."""
        if i <= 0 or i > len(tokens) or self._word(tokens[i - 1]) not in self.lasts:
            return None
        for length in range(min(self.longest, i), 0, -1):
            key = self._key(tokens, i - length, i)
            if key in self.table:
                return self.table[key], i - length
        return None
