"""Where a rare word stands in a text, found fast: the few phrases built on it are read only around it.

A phrase such as "two weeks ago" or "the third quarter of 2016" rests on one rare word. Python's
re searches fast for a pattern that opens with a plain literal, and slowly for one that opens
with a case-insensitive alternation or a lookbehind; so each spelling of each word (as written
and capitalised, as it opens a sentence; a headline in capitals is not searched) is searched for
as a literal, and whole-word checks are made on the few hits. A pattern that cannot open with a
literal opens with quick tests built here instead: the characters a match may open with, at the
start of a word (`first_chars`, `word_start`), and alternations grouped by first character
(`by_first_char`). `alternation` makes the rules' phrases one pattern, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Words:
    """Literal searches for some words in the cases running text writes them in."""

    patterns: tuple[re.Pattern[str], ...]

    def find(self, view: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of these words in view[start:end], whole words only, in text order."""
        return sorted((m.start(), m.end()) for pattern in self.patterns for m in pattern.finditer(view, start, end)
                      if m.start() == 0 or not _glued(view[m.start() - 1]))

    def any(self, view: str, start: int, end: int) -> bool:
        """Whether one of these words stands in view[start:end]."""
        return bool(self.find(view, start, end)) if self.patterns else False


def alternation(words: Iterable[object]) -> str:
    """Phrases as one regular-expression alternation, longest first, any run of spaces between words."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _glued(char: str) -> bool:
    """Whether a character before a word makes it part of a longer one ("Chicago" holds no "ago").

    A hyphen does not: "fourth-quarter" holds the word "quarter".
    """
    return char.isalnum() or char == "_"


def words(spellings: Iterable[str], *, codes: Iterable[str] = ()) -> Words:
    """A search for whole words as written or capitalised, and for codes as written.

    `codes` are regular expressions searched as given ("Q[1-4]"), each opening with a literal.
    """
    variants = {v for w in spellings if str(w) for v in (str(w), str(w)[:1].upper() + str(w)[1:])}
    return Words(tuple(re.compile(rf"{re.escape(v)}(?![\w-])") for v in sorted(variants))
                 + tuple(re.compile(rf"(?:{code})(?![\w-])") for code in codes))


def first_chars(cased: Iterable[str], any_case: Iterable[str]) -> str:
    """A lookahead for the characters a match may open with, a digit or a word's first letter.

    Python's re skips fast to the next place a pattern can start only where it opens with a
    plain set of characters; a pattern that opens with a lookbehind or an alternation of words
    is tried at every place. `cased` are words matched as written, `any_case` words matched in
    any case (with every character re folds to the same letter, "K" the Kelvin sign for "k").
    """
    return _lookahead(_opening(cased, any_case))


def word_start(cased: Iterable[str], any_case: Iterable[str], *, not_after: str = "") -> str:
    r"""A test that a match opens a word here: `first_chars`, after no word character (nor one of `not_after`).

    Where every character a match may open with is a word character, `\b` says there is none
    before in one test, which most places fail: a look back alone is slower.
    """
    chars = _opening(cased, any_case)
    if all(_WORD_CHAR.match(c) for c in chars):
        return rf"\b{_lookahead(chars)}" + (f"(?<![{re.escape(not_after)}])" if not_after else "")
    return rf"{_lookahead(chars)}(?<![\w{re.escape(not_after)}])"


def _lookahead(chars: set[str]) -> str:
    return r"(?=[\d" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_WORD_CHAR = re.compile(r"\w")


def _opening(cased: Iterable[str], any_case: Iterable[str]) -> set[str]:
    """The first letters of the words, in any case for `any_case` (digits are added by the callers)."""
    chars = {str(w)[0] for w in cased if str(w)}
    for word in any_case:
        if str(word):
            chars |= _folded(str(word)[0])
    return chars


def by_first_char(words: Iterable[str]) -> str:
    """Phrases as one alternation for a quick test, those sharing a first character grouped.

    re tries the alternatives of a group one by one; grouped, a place is left at its first
    character. Alternatives keep no order: a test (a lookahead, or a search for whether one
    stands anywhere) only asks whether one matches, not which. Words are joined by any run of
    spaces, as `times.alternation` joins them.
    """
    groups: dict[str, list[str]] = {}
    for word in {str(w) for w in words}:
        parts = word.split() or [""]  # a blank word matches nothing but the place, as in an alternation
        groups.setdefault(parts[0][:1], []).append(r"\s+".join(map(re.escape, [parts[0][1:], *parts[1:]])))
    return "|".join(re.escape(first) + (rest[0] if len(rest) == 1 else f"(?:{'|'.join(sorted(rest))})")
                    for first, rest in sorted(groups.items())) or "(?!)"


@cache
def _folded(char: str) -> frozenset[str]:
    """Every character re's case-insensitive matching takes for `char` (found by re itself)."""
    return frozenset(re.findall(f"(?i:{re.escape(char)})", _characters())) | {char}


@cache
def _characters() -> str:
    return "".join(map(chr, range(_FOLDED_BELOW)))


# The characters re folds to a Latin letter lie below this code point (U+212A, the Kelvin sign,
# is the last).
_FOLDED_BELOW = 0x2200
