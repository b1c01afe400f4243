"""Counts and shares written without a numeral.

Nobody hurt, a firefighter injured, twin towers, two-thirds of the roof. Each reader looks at
the words that start at one token and says what they count, or nothing; the quantity scan
(`quantities`) makes the claim, with the qualifier before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .lexicon import Lexicon
from .tokens import Token


@dataclass(frozen=True, slots=True)
class Worded:
    """A count read from words: tokens[first:end], its amount, and what it counts."""

    first: int
    end: int
    amount: Decimal
    unit: str


def zeros(tokens: list[Token], i: int, lex: Lexicon) -> list[Worded]:
    """Counts of nobody at token i: "No one was killed", "no deaths", "no one was killed or injured".

    A subject ("no one", "nobody") counts none of the toll word after it, past `toll_skips` only:
    an adverb or "else" between ("no one was seriously hurt", "no one else was hurt") leaves the
    rest uncounted. A determiner ("no") counts none of the toll noun right after it.
    """
    if i > 0 and tokens[i - 1].low in lex.zero_not_after:
        return []  # "almost no one was hurt"
    found = _zeros(tokens, i, lex)
    if any(lex.zero_not_before.forward(tokens, w.end) is not None for w in found):
        return []  # "no one was hurt badly", "nadie resultó herido de gravedad"
    return found


def _zeros(tokens: list[Token], i: int, lex: Lexicon) -> list[Worded]:
    n = len(tokens)
    subject = lex.zero_subjects.forward(tokens, i)
    if subject is not None:
        k = _past(tokens, subject[1], lex.toll_skips)
        if k < n and tokens[k].low in lex.toll_words:
            return [Worded(i, k + 1, Decimal(0), tokens[k].low),
                    *_joined(tokens, k + 1, lex, lambda j: (tokens[j].low, j + 1)
                             if tokens[j].low in lex.toll_words else None)]
        return []
    determiner = lex.zero_determiners.forward(tokens, i)
    if determiner is None:
        return []
    noun = lex.zero_nouns.forward(tokens, determiner[1])
    if noun is None:
        return []
    unit, end = noun
    return [Worded(i, end, Decimal(0), unit), *_joined(tokens, end, lex, lambda j: lex.zero_nouns.forward(tokens, j))]


def _joined(tokens: list[Token], k: int, lex: Lexicon,
            read: Callable[[int], tuple[str, int] | None]) -> list[Worded]:
    """Further zero counts joined to the one ending at token k: the "injured" of "killed or injured"."""
    more: list[Worded] = []
    while k + 1 < len(tokens) and tokens[k].low in lex.zero_joiners:
        hit = read(k + 1)
        if hit is None:
            break
        unit, end = hit
        more.append(Worded(k + 1, end, Decimal(0), unit))
        k = end
    return more


def _past(tokens: list[Token], k: int, words: frozenset[str]) -> int:
    while k < len(tokens) and tokens[k].low in words:
        k += 1
    return k


def singular(tokens: list[Token], i: int, lex: Lexicon) -> Worded | None:
    """One person named by an article, as the subject of a toll word: "a firefighter was injured".

    The noun is a singular of `counts.persons` with at most `counts.window` words before it
    ("an off-duty police officer", "a 23-year-old man"). A participle needs a passive verb
    before it ("was killed", "has been hurt"): in "a man has killed two people" the man is no
    victim; an intransitive toll word needs none ("a man died"). Others may share the verb after
    a joiner ("a man and two children were hurt").
    """
    n = len(tokens)
    if tokens[i].low not in lex.singular_articles or (i > 0 and tokens[i - 1].low in lex.singular_not_after):
        return None
    head, words, k = None, 0, i + 1
    while k < n and words <= lex.count_window:
        token = tokens[k]
        glued = k + 1 < n and tokens[k + 1].text == "-" and not tokens[k + 1].gap
        if (token.text == "-" and not token.gap) or (token.kind in ("num", "word") and glued):
            k += 1  # "off-duty", "23-year-old"
            continue
        if token.kind != "word" or token.low in lex.function_words:
            return None
        following = tokens[k + 1] if k + 1 < n else None
        if _one_person(token, lex) and not (following is not None and _one_person(following, lex)):
            head = k
            break
        words += 1
        k += 1
    if head is None:
        return None
    verb = _shared(tokens, head + 1, lex)
    m = _past(tokens, verb, lex.toll_skips | lex.toll_adverbs)
    if m >= n or tokens[m].low not in lex.toll_words:
        return None
    passive = any(t.low in lex.singular_passive for t in tokens[verb:m])
    if not passive and (tokens[m].low not in lex.singular_intransitive or head + 1 < verb):
        return None  # "a man has killed two people"
    return Worded(i, head + 1, Decimal(1), tokens[head].low)


def _shared(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where the verb stands after a subject that goes on past a joiner ("and two bystanders"), else k.

    The rest of the subject holds numbers, articles, determiners and other words, but no other
    function word ("a man and the officer who ...") and no punctuation.
    """
    if k >= len(tokens) or tokens[k].low not in lex.singular_joiners:
        return k
    for m in range(k + 1, min(k + 2 + lex.count_window, len(tokens))):
        token = tokens[m]
        if token.low in lex.toll_skips:
            return m
        if token.kind == "sym" or (token.low in lex.function_words and token.low not in lex.determiners
                                   and token.low not in lex.singular_articles):
            return k
    return k


def _one_person(token: Token, lex: Lexicon) -> bool:
    """A singular noun that counts a person: "firefighter", not "firefighters" or "police"."""
    return token.kind == "word" and token.low in lex.persons and not lex.looks_plural(token)


def paired(tokens: list[Token], i: int, lex: Lexicon) -> Worded | None:
    """Two of the plural noun after a pair word: "twin bell towers", "a pair of suspects".

    Not a name ("the Twin Towers"), a compound ("a twin-engine plane") or one thing ("a pair of
    jeans": a pair phrase counts only people).
    """
    n = len(tokens)
    token = tokens[i]
    people = False
    if token.low in lex.pair_words:
        amount, k = lex.pair_words[token.low], i + 1
        if not token.text.islower() and (k >= n or not tokens[k].text.islower()):
            return None  # a name: "Twin Towers", "TWIN PEAKS"
    else:
        hit = lex.pair_phrases.forward(tokens, i)
        if hit is None:
            return None
        (amount, k), people = hit, True
    if k < n and tokens[k].text == "-" and not tokens[k].gap:
        return None
    for head in range(k, min(k + lex.count_window, n)):
        word = tokens[head]
        if word.kind != "word" or word.low in lex.function_words or word.low.endswith(lex.possessives):
            return None
        if not word.text.islower():
            return None  # "the twin Emirates Towers"
        if lex.looks_plural(word):
            if people and word.low not in lex.persons:
                return None
            return Worded(i, head + 1, Decimal(amount), word.low)
    return None


def fraction(tokens: list[Token], i: int, lex: Lexicon) -> tuple[Decimal, int] | None:
    """A fraction of a whole at token i, "two-thirds of the roof": (its value in percent, its end).

    Only before a link ("of") and a noun phrase: a determiner ("of the roof"), a pronoun ("of
    them") or a content word ("of voters"); never a number ("half of one percent") or a stretch
    of time ("half of the year", "a third of the time").
    """
    n = len(tokens)
    hit = lex.percent_fractions.forward(tokens, i)
    if hit is None or (i > 0 and tokens[i - 1].low in lex.fraction_not_after):
        return None
    value, end = hit
    link = lex.fraction_links.forward(tokens, end)
    if link is None or link[1] >= n:
        return None
    k = link[1]
    # the noun phrase, as far as a counted noun is looked for, names no stretch of time
    if any(lex.not_counted.forward(tokens, m) is not None for m in range(k, min(k + lex.count_window, n))):
        return None
    word = tokens[k]
    if word.low in lex.determiners or word.low in lex.partitive_pronouns:
        return value, end
    if word.kind != "word" or word.low in lex.function_words or word.low in lex.number_words:
        return None
    return (value, end) if word.text.islower() or lex.looks_plural(word) else None
