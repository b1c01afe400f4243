"""Vote tallies: "voted 4-1", "a 5-4 ruling", "by a vote of six to three".

A tally is two whole numbers joined by a dash or "to", with a vote word beside it; the quantity
scan (`quantities`) makes of it two counts, the votes for and the votes against. The same two
numbers with no vote word are a score ("won 3-1"), a range or a label, and no tally.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .numbers import NumberMatch, parse_number
from .tokens import Token

_GLUE = frozenset("-:./#")


def tally(tokens: list[Token], number: NumberMatch, lex: Lexicon) -> NumberMatch | None:
    """The second number of the vote tally that `number` opens, or None.

    The vote word is one of `tally.verbs` before the tally, past at most `tally.reach` of
    `tally.links` ("voted 4-1", "the vote was six to three"), or one of `tally.nouns` after it,
    past at most `tally.reach` words ("a 5-4 vote", "a 6-3 appeals court ruling"). What follows
    the tally must not make it a range of something else ("voted 2-3 times", "approved 2-3 new
    projects").
    """
    n = len(tokens)
    j = number.last
    # The joiner first: most numbers have none after them, and it is the cheapest test.
    if lex.tally_units is None or j + 1 >= n or tokens[j].low not in lex.tally_joiners \
            or not _whole(tokens, number, lex):
        return None
    if tokens[j].kind == "sym" and tokens[j].gap != tokens[j + 1].gap:
        return None  # "4 -1" is no tally
    second = parse_number(tokens, j + 1, lex)
    if second is None or second.digits != number.digits or not _whole(tokens, second, lex):
        return None
    if number.digits and (_glued_before(tokens, number.first) or _glued_after(tokens, second.last)):
        return None  # "COVID-19-2", "3-2-1", "4-1.5"
    if _vote_after(tokens, second.last, lex):
        return second
    if _counts_something(tokens, second.last, lex):
        return None
    return second if _vote_before(tokens, number.first, lex) else None


def _whole(tokens: list[Token], number: NumberMatch, lex: Lexicon) -> bool:
    """A whole number of votes: no decimals, no scale, no year."""
    value = number.value
    if value is None or value != int(value) or number.scaled:
        return False
    if not number.digits:
        return True
    text = tokens[number.first].text
    return text.isdigit() and not (len(text) == 4 and lex.year_range[0] <= int(text) <= lex.year_range[1])


def _glued_before(tokens: list[Token], i: int) -> bool:
    if i == 0 or tokens[i].gap:
        return False
    prev = tokens[i - 1]
    return prev.kind in ("word", "num") or prev.text in _GLUE


def _glued_after(tokens: list[Token], k: int) -> bool:
    if k >= len(tokens) or tokens[k].gap:
        return False
    nxt = tokens[k]
    if nxt.kind in ("word", "num"):
        return True
    return nxt.text in _GLUE and k + 1 < len(tokens) and not tokens[k + 1].gap and tokens[k + 1].kind == "num"


def _counts_something(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether the words right after the two numbers make them a range of things, times or shares."""
    if k >= len(tokens):
        return False
    if lex.not_counted.forward(tokens, k) is not None or lex.percent_words.forward(tokens, k) is not None \
            or lex.units.forward(tokens, k) is not None or lex.units_folded.forward(tokens, k) is not None:
        return True
    for m in range(k, min(k + 2, len(tokens))):
        word = tokens[m]
        if word.kind != "word" or word.low in lex.function_words or lex.tally_nouns.forward(tokens, m) is not None:
            return False
        if word.low in lex.nouns or lex.looks_plural(word):
            return True
    return False


def _vote_before(tokens: list[Token], first: int, lex: Lexicon) -> bool:
    k, links = first, 0
    while True:
        if lex.tally_verbs.backward(tokens, k) is not None:
            return True
        if k == 0 or links >= lex.tally_reach or tokens[k - 1].low not in lex.tally_links:
            return False
        k -= 1
        links += 1


def _vote_after(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    words = 0
    while k < len(tokens):
        if lex.tally_nouns.forward(tokens, k) is not None:
            return True
        token = tokens[k]
        if token.text == "-" and not token.gap:
            k += 1
            continue
        if token.kind != "word" or token.low in lex.function_words or words >= lex.tally_reach:
            return False
        words += 1
        k += 1
    return False
