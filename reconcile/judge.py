"""Groups of claims -> verdicts, flags and a one-line explanation.

The one judge of values: `compare` judges each group of aligned claims here, and `check`
judges a draft claim here against each source claim aligned with it (a group of two), so
both read values by the same rules. Typed values decide (see `values`): quantities and dates
are intervals compared across sources with closed bounds; quotations are compared word by
word, and their editorial markers with them. Amounts in several currencies are compared within
each currency and across, through the rules' rates (flag `conversion`); a conflict of figures
that moved as the story developed (outlets of different days, or a developing word) stays a
conflict, flagged `developing`, its values listed in publication order.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from .developing import DevelopingRules, developing_rules, moved, sequence
from .identity import IdentityRules, identity_rules, name_difference, titles_agree
from .model import (
    Claim,
    DateValue,
    Duration,
    Entity,
    Group,
    Kind,
    NameValue,
    Quantity,
    QuoteValue,
    TitleValue,
    Verdict,
)
from .origins import Origins
from .rules import RuleSet
from .values import (
    COMPATIBLE,
    CONFLICT,
    ValueRules,
    contains,
    implied_rate,
    quote_words,
    rate_band,
    relation,
    stated_rates,
    value_rules,
    with_rates,
)

_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")

# Every flag a group (or a draft finding) may carry, in the order reports list them; the
# check's --fail-on accepts each of them.
FLAGS = ("sic", "attribution_conflict", "same_origin", "unresolved_date", "inferred_date", "developing",
         "conversion", "translated", "copies", "credited", "anonymous", "name_spelling", "title_conflict",
         "possible_misspelling")


@dataclass(frozen=True, slots=True)
class JudgeRules:
    """The `judge` rules, compiled."""

    values: ValueRules
    variant_markers: frozenset[str]
    not_names: frozenset[str]
    developing: DevelopingRules
    # Words that say nothing about what a claim is about, left out of "why one fact".
    plain_words: frozenset[str]
    # Whether agreement counts origins (an outlet with its reprints and those crediting it) or outlets.
    by_origin: bool


@lru_cache(maxsize=8)
def judge_rules(rules: RuleSet) -> JudgeRules:
    """Compile the `judge` rules (cached per rule set)."""
    data, quotes = rules.of_type("judge"), rules.of_type("quotes")
    # Pronouns and determiners open a speaker given by role, never a name.
    not_names = frozenset(str(w).lower() for key in ("person_pronouns", "other_pronouns", "determiners")
                          for w in quotes.get(key) or ())
    text, dates = rules.of_type("text"), rules.of_type("dates")
    plain = frozenset(str(w).lower() for w in [*(text.get("function_words") or ()), *(dates.get("months") or {}),
                                               *(dates.get("weekdays") or {})])
    return JudgeRules(value_rules(rules), frozenset(str(m) for m in data.get("variant_markers") or ()), not_names,
                      developing_rules(rules), plain, data["counting"] == "origins")


def judge(group_id: str, claims: tuple[Claim, ...], names: dict[str, str], rules: RuleSet,
          languages: Mapping[str, str | None] | None = None, origins: Origins | None = None,
          published: Mapping[str, dt.date | None] | None = None) -> Group:
    """The verdict on one group of aligned claims, with its flags and explanation.

    `languages` gives each source's language: quotations in different languages are not
    compared word by word, and their group carries the flag `translated`. `origins` tells where
    each claim comes from: a group's agreement counts origins, not outlets, so a fact that only
    one outlet, its reprints (flag `copies`) and the outlets crediting it (flag `credited`) state
    is that outlet's alone; a conflict between claims of one origin is flagged `same_origin`.
    `published` gives each source's publication date (None or absent: unknown): figures of
    different days that conflict are a story developing (flag `developing`).
    """
    compiled = judge_rules(rules)
    kind = claims[0].kind
    flags = _flags(claims, compiled)
    outlets = list(dict.fromkeys(c.source for c in claims))
    spoken = sorted({(languages or {}).get(c.source) or "" for c in claims})
    if kind is Kind.QUOTE and len(spoken) > 1:
        flags = (*flags, "translated")
    # Without origins every outlet counts: a draft against its sources, an origin's own outlets.
    of = origins.of if origins is not None else (lambda c: f"source:{c.source}")
    passed = _passed_on(claims, origins) if origins is not None else ([], [])
    if passed[1]:
        flags = (*flags, "copies")
    if passed[0]:
        flags = (*flags, "credited")
    if all(c.anonymous for c in claims):
        flags = (*flags, "anonymous")
    keys = list(dict.fromkeys(of(c) for c in claims))
    plain, names = names, _by_origin(claims, names, *passed)
    if len(outlets) == 1:
        verdict, explanation, flags = _single(claims, keys, plain, origins, passed, rules, flags)
    else:
        verdict, explanation, flags = _judged(claims, names, rules, languages, published, spoken, flags)
        if len(keys) == 1 and compiled.by_origin and not _differ(verdict, flags):
            # Outlets passing on one origin that bear each other out: that origin's word alone.
            verdict, explanation, flags = _single(claims, keys, plain, origins, passed, rules, flags)
        elif origins is not None and verdict is Verdict.AGREE and (passed[0] or passed[1]):
            explanation = _agreed(claims, keys, plain, origins, passed)
        elif origins is not None and _differ(verdict, flags) \
                and _within_one(claims, keys, plain, rules, languages, origins, published):
            flags = (*flags, "same_origin")
            explanation += "; outlets passing on one origin differ: one of them misreports it"
    ids = tuple(c.id for c in claims)
    return Group(id=group_id, kind=kind, claims=ids, verdict=verdict, flags=flags, explanation=explanation)


def _single(claims: tuple[Claim, ...], keys: list[str], names: dict[str, str], origins: Origins | None,
            passed: tuple[list[tuple[str, str]], list[tuple[str, str]]], rules: RuleSet,
            flags: tuple[str, ...]) -> tuple[Verdict, str, tuple[str, ...]]:
    """One origin's fact: who states it, and how the other outlets pass it on."""
    first = origins.name(keys[0], claims) if origins is not None else _name(names, claims[0].source)
    explanation = f"only {first} states this: {_said(claims[0])}{_how_passed(names, *passed)}"
    if claims[0].kind is Kind.NAME and len({_spelling(c) for c in claims}) > 1:
        _, explanation, more = _judge_names(claims, names, identity_rules(rules))
        flags = (*flags, *more)
    return Verdict.SINGLE_SOURCE, explanation, flags


def _judged(claims: tuple[Claim, ...], names: dict[str, str], rules: RuleSet,
            languages: Mapping[str, str | None] | None, published: Mapping[str, dt.date | None] | None,
            spoken: list[str], flags: tuple[str, ...]) -> tuple[Verdict, str, tuple[str, ...]]:
    """The verdict on several outlets' claims, by what their values or words say."""
    compiled, kind = judge_rules(rules), claims[0].kind
    if kind is Kind.QUOTE and len(spoken) > 1:
        verdict, explanation = _judge_translations(claims, names, compiled, languages or {}, spoken)
    elif kind is Kind.QUOTE:
        verdict, explanation = _judge_quotes(claims, names, compiled)
    elif kind is Kind.NAME:
        verdict, explanation, more = _judge_names(claims, names, identity_rules(rules))
        flags = (*flags, *more)
    elif kind is Kind.TITLE and len(spoken) > 1:
        verdict, explanation, more = _judge_translated_titles(claims, names, identity_rules(rules), languages or {},
                                                              spoken)
        flags = (*flags, *more)
    elif kind is Kind.TITLE:
        verdict, explanation, more = _judge_titles(claims, names, identity_rules(rules))
        flags = (*flags, *more)
    else:
        verdict, explanation, more = _judge_values(claims, names, compiled, published or {})
        flags = _with(flags, more)
    if "attribution_conflict" in flags:
        explanation += "; " + _attribution(claims, names)
    return verdict, explanation, flags


def _passed_on(claims: tuple[Claim, ...], origins: Origins) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The group's outlets that pass a fact on: (outlet, organisation it credits) and (reprint, original).

    A reprint is one whose original is in the group too; an outlet credits an organisation
    where every claim it has here is credited to one that is not itself.
    """
    sources = list(dict.fromkeys(c.source for c in claims))
    roots = [origins.copies.get(s, s) for s in sources]
    # A reprint beside its original, or beside another reprint of it.
    reprints = [(s, origins.copies[s]) for s in sources if s in origins.copies and roots.count(origins.copies[s]) > 1]
    crediting = []
    for source in sources:
        own = [c for c in claims if c.source == source]
        if source not in dict(reprints) and all(c.credited for c in own) \
                and origins.of(own[0]) != f"source:{origins.copies.get(source, source)}":
            crediting.append((source, str(own[0].credited)))
    return crediting, reprints


def _by_origin(claims: tuple[Claim, ...], names: dict[str, str], crediting: list[tuple[str, str]],
               reprints: list[tuple[str, str]]) -> dict[str, str]:
    """The sources' names for this group, each with whom it passes the fact on from.

    "Valley News, crediting Metro Wire", "Valley News (reprinting Metro Wire)": an explanation
    then says which outlets are one origin.
    """
    if not crediting and not reprints:
        return names
    named = dict(names)
    for source, original in reprints:
        named[source] = f"{_name(names, source)} (reprinting {_name(names, original)})"
    for source, organisation in crediting:
        named[source] = f"{_name(names, source)}, crediting {organisation},"
    return named


def _agreed(claims: tuple[Claim, ...], keys: list[str], names: dict[str, str], origins: Origins,
            passed: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> str:
    """An agreement told by origin: "Metro Wire (and 3 reprints) and Valley Herald both say 37 people"."""
    crediting, reprints = dict(passed[0]), dict(passed[1])
    told = []
    for key in keys:
        members = list(dict.fromkeys(c.source for c in claims if origins.of(c) == key))
        stating = [s for s in members if s not in reprints and s not in crediting]
        said = _listed([_name(names, s) for s in stating]) if stating else origins.name(key, claims)
        copied = sum(1 for s in members if s in reprints)
        if copied:
            said += f" (and {copied} reprint{'s' if copied > 1 else ''})"
        passing = [_name(names, s) for s in members if s in crediting]
        if passing:
            said = f"{said}, and {_listed(passing)} crediting it," if stating else \
                f"{_listed(passing)}, crediting {said},"
        told.append(said)
    return f"{_listed(told)} {'both' if len(told) == 2 else 'all'} say {_said(claims[0])}"


def _how_passed(names: dict[str, str], crediting: list[tuple[str, str]], reprints: list[tuple[str, str]]) -> str:
    """How the other outlets of a single origin's fact have it: " (B credits it; C reprints it)"."""
    parts = []
    for pairs, verb in ((crediting, "credit"), (reprints, "reprint")):
        if pairs:
            outlets = [_name(names, s) for s, _ in pairs]
            parts.append(f"{_listed(outlets)} {verb}{'s' if len(outlets) == 1 else ''} it")
    return f" ({'; '.join(parts)})" if parts else ""


def _within_one(claims: tuple[Claim, ...], keys: list[str], names: dict[str, str], rules: RuleSet,
                languages: Mapping[str, str | None] | None, origins: Origins,
                published: Mapping[str, dt.date | None] | None) -> bool:
    """Whether two outlets passing on one origin state it in ways that cannot both be right."""
    for key in keys:
        own = tuple(c for c in claims if origins.of(c) == key)
        if len({c.source for c in own}) > 1 and discrepant(judge("", own, names, rules, languages, None, published)):
            return True
    return False


def _with(flags: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    """The flags with more of them, each put before the first flag that `FLAGS` lists after it."""
    placed = list(flags)
    for flag in more:
        after = [k for k, f in enumerate(placed) if f in FLAGS and FLAGS.index(f) > FLAGS.index(flag)]
        placed.insert(after[0] if after else len(placed), flag)
    return tuple(placed)


def discrepant(group: Group) -> bool:
    """Whether a group's claims differ as a reader must be told.

    Values that cannot both be true, other words or marks in a quotation, or the words given
    to another speaker or medium.
    """
    return _differ(group.verdict, group.flags)


def _differ(verdict: Verdict, flags: tuple[str, ...]) -> bool:
    return verdict in (Verdict.CONFLICT, Verdict.QUOTE_VARIANT) or "attribution_conflict" in flags


def _name(names: dict[str, str], source_id: str) -> str:
    return names.get(source_id, source_id)


def _said(claim: Claim) -> str:
    if claim.kind is Kind.QUOTE:
        return f"\u201c{_short(claim)}\u201d"
    said = " ".join(claim.text.split())
    if isinstance(claim.value, Quantity) and claim.value.person:
        return f"{claim.value.person} is {said}" if said.isdigit() else f"{said} {claim.value.person}"
    if isinstance(claim.value, TitleValue):
        return f"{claim.value.person} is {said}"
    return said


def _short(claim: Claim, limit: int = 60) -> str:
    text = claim.value.text if isinstance(claim.value, QuoteValue) else claim.text
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _cross(claims: tuple[Claim, ...]) -> list[tuple[Claim, Claim]]:
    """Pairs of claims from different sources, in a stable order."""
    return [(a, b) for a, b in combinations(claims, 2) if a.source != b.source]


# --- quantities and dates ----------------------------------------------------------------------

def _judge_values(claims: tuple[Claim, ...], names: dict[str, str], compiled: JudgeRules,
                  published: Mapping[str, dt.date | None]) -> tuple[Verdict, str, tuple[str, ...]]:
    """Quantities, durations and dates: the pair of sources that differ most decides.

    A conflict within one currency says more than one across two, which rests on a band of
    rates; amounts in currencies with no rate between them are not compared.
    """
    # One claim per source and value is enough: outlets printing one figure alike add nothing.
    distinct = tuple({(c.source, repr(c.value)): c for c in claims}.values())
    values = with_rates(compiled.values, stated_rates(claims))
    relations = [(a, b, relation(a, b, values)) for a, b in _cross(distinct)]
    # A relative day ("Monday", "last night") in an article with no date of its own was placed
    # by the story's latest date: a guess, against which no conflict can be asserted.
    relations = [(a, b, _GUESSED if how == CONFLICT and (guessed(a) or guessed(b)) else how)
                 for a, b, how in relations]
    apart = [(a, b) for a, b, how in relations if how is None]
    ordered = sorted((r for r in relations if r[2] is not None), key=lambda r: _converted(r[0], r[1]))
    worst = next((r for r in ordered if r[2] == CONFLICT), None) or next(
        (r for r in ordered if r[2] in (COMPATIBLE, _GUESSED)), None)
    if worst is None and apart:
        a, b = apart[0]
        return Verdict.COMPATIBLE, (f"{_says(a, b, names)}: the rules give no rate between "
                                    f"{_currency(a)} and {_currency(b)}, so these are not compared"), ()
    if worst is None:
        outlets = list(dict.fromkeys(_name(names, c.source) for c in claims))
        both = "both" if len(outlets) == 2 else "all"
        return Verdict.AGREE, f"{_listed(outlets)} {both} say {_said(claims[0])}", ()
    a, b, how = worst
    said = _says(a, b, names)
    if how == CONFLICT:
        return _judge_conflict(a, b, relations, claims, names, compiled, values, published)
    if how == _GUESSED:
        undated = _listed([_name(names, c.source) for c in (a, b) if guessed(c)])
        return Verdict.COMPATIBLE, (f"{said}: {undated} gives no date of its own, so its day is a guess, "
                                    "not compared"), ()
    if _converted(a, b):
        return Verdict.COMPATIBLE, f"{said}: {_conversion(a, b, values, compiled.values)}", ("conversion",)
    explanation = f"{said}: {_precision(a, b)}, compatible"
    converted = next(((x, y) for x, y, how in relations if how == COMPATIBLE and _converted(x, y)), None)
    if converted is None:
        return Verdict.COMPATIBLE, explanation, ()
    x, y = converted
    conversion = _conversion(x, y, values, compiled.values)
    return Verdict.COMPATIBLE, f"{explanation}; {_says(x, y, names)}: {conversion}", ("conversion",)


def _judge_conflict(a: Claim, b: Claim, relations: list[tuple[Claim, Claim, str | None]],
                    claims: tuple[Claim, ...], names: dict[str, str], compiled: JudgeRules, values: ValueRules,
                    published: Mapping[str, dt.date | None]) -> tuple[Verdict, str, tuple[str, ...]]:
    """Values that cannot both be true: a slip, a conversion out of the band, or a figure that moved."""
    said = _says(a, b, names)
    if _converted(a, b):
        return Verdict.CONFLICT, f"{said}: {_conversion(a, b, values, compiled.values)}", ("conversion",)
    if _steady(relations):
        # The amount they convert agrees in its own currency: the conversions differ, the fact did not move.
        return Verdict.CONFLICT, f"{said}: conversions of one amount that cannot both be true", ("conversion",)
    conflicting = [(x, y) for x, y, how in relations if how == CONFLICT]
    if a.kind in compiled.developing.kinds and all(moved(x, y, compiled.developing, published)
                                                   for x, y in conflicting):
        same = tuple(c for c in claims if _currency(c) == _currency(a))
        return Verdict.CONFLICT, (f"{said}: the figure developed, "
                                  f"{sequence(same, compiled.developing, values, published)}"), ("developing",)
    return Verdict.CONFLICT, f"{said}: these cannot both be true{_why_one(a, b, compiled)}", ()


_WORDS = re.compile(r"[^\W\d_]{3,}")


def _why_one(a: Claim, b: Claim, compiled: JudgeRules, most: int = 4) -> str:
    """Why two claims are taken to state one fact: the words their sentences share around them."""
    theirs = {w.lower() for w in _WORDS.findall(b.sentence)}
    own = {w.lower() for w in _WORDS.findall(a.text)} | {w.lower() for w in _WORDS.findall(b.text)}
    shared = [w for w in dict.fromkeys(w.lower() for w in _WORDS.findall(a.sentence))
              if w in theirs and w not in own and w not in compiled.plain_words][:most]
    return f" (one fact: both say {', '.join(shared)})" if shared else ""


def _says(a: Claim, b: Claim, names: dict[str, str]) -> str:
    return f"{_name(names, a.source)} says {_said(a)}; {_name(names, b.source)} says {_said(b)}"


# --- conversions ---------------------------------------------------------------------------------

def _currency(claim: Claim) -> str | None:
    return claim.value.currency if isinstance(claim.value, Quantity) else None


def _converted(a: Claim, b: Claim) -> bool:
    """Whether comparing two claims converts one currency into another."""
    return _currency(a) != _currency(b)


def _conversion(a: Claim, b: Claim, values: ValueRules, given: ValueRules) -> str:
    """The rate one amount converts the other at, and the band it falls in or out of.

    The pair is read the way the rules list it ("EUR to USD"); the band is the rules' own
    (`given`) or, in `values`, widened by the rate a source states.
    """
    x, y = _currency(a), _currency(b)
    if (y, x) in given.conversions and (x, y) not in given.conversions:
        a, b, x, y = b, a, y, x
    assert isinstance(a.value, Quantity) and isinstance(b.value, Quantity) and x and y
    rate, band, stated = implied_rate(a.value, b.value), rate_band(x, y, given), rate_band(x, y, values)
    said = f"a conversion{f' at {rate:.3g}' if rate is not None else ''} ({x} to {y})"
    where = f" ({band[0]:.3g} to {band[1]:.3g})" if band else ""
    if relation(a, b, values) == CONFLICT:
        return f"{said}, outside the rules' band{where}"
    if band is not None and (rate is None or band[0] <= rate <= band[1]):
        return f"{said}, within the rules' band{where}"
    if stated is not None and rate is not None and stated != band and stated[0] <= rate <= stated[1]:
        return f"{said}, at the rate a source itself states"
    return f"{said}, within the rules' band{where} once the figures' rounding is allowed for"


def _steady(relations: list[tuple[Claim, Claim, str | None]]) -> bool:
    """Whether, in a group of several currencies, the amounts in one of them agree across sources.

    Then the fact's amount did not move: any conflict lies in how it was converted.
    """
    within: dict[str | None, set[str | None]] = {}
    for a, b, how in relations:
        if not _converted(a, b):
            within.setdefault(_currency(a), set()).add(how)
    return len({_currency(x) for r in relations for x in r[:2]}) > 1 and any(
        CONFLICT not in found for found in within.values())


_GUESSED = "guessed"


def guessed(claim: Claim) -> bool:
    """Whether a date's day is a guess: a relative day placed by the story's date, not its source's.

    "June 29" in an undated article guesses only its year: its day still contradicts June 28.
    """
    return isinstance(claim.value, DateValue) and claim.value.inferred and claim.value.day is None


def _listed(outlets: list[str], most: int = 3) -> str:
    """Outlets as a reader names them: "A and B", "A, B and C", or "A, B, C and 4 more"."""
    if len(outlets) <= most:
        return " and ".join(outlets) if len(outlets) <= 2 else f"{', '.join(outlets[:-1])} and {outlets[-1]}"
    return f"{', '.join(outlets[:most])} and {len(outlets) - most} more"


def _precision(a: Claim, b: Claim) -> str:
    """How two compatible values differ: "a lower bound and a point", "a range and a day in it"."""
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        spans = (v.granularity.value.replace("_", " ") for v in (a.value, b.value))
        return " and ".join(spans) + " overlap"
    assert isinstance(a.value, (Quantity, Duration)) and isinstance(b.value, (Quantity, Duration))
    words = {"exact": "a point", "lower_bound": "a lower bound", "upper_bound": "an upper bound",
             "approximate": "an approximate figure", "range": "a range", "vague": "a vague amount"}
    qa, qb = a.value.qualifier.value, b.value.qualifier.value
    if qa == qb == "exact":
        return "figures rounded differently"
    return f"{words.get(qa, qa)} and {words.get(qb, qb)}"


# --- quotations ----------------------------------------------------------------------------------

def _quote_words(claim: Claim) -> list[str]:
    assert isinstance(claim.value, QuoteValue)
    return quote_words(claim.value)


def _judge_quotes(claims: tuple[Claim, ...], names: dict[str, str], compiled: JudgeRules) -> tuple[Verdict, str]:
    # Outlets printing a quotation alike share one wording; each other wording is compared
    # with the most printed one, so the explanation grows with the wordings, not the outlets.
    wordings: dict[tuple[tuple[str, ...], frozenset[str]], list[Claim]] = {}
    for claim in claims:
        wordings.setdefault((tuple(_quote_words(claim)), _markers(claim, compiled)), []).append(claim)
    ordered = sorted(wordings.items(), key=lambda item: -len({c.source for c in item[1]}))
    (main_words, main_marks), main = ordered[0]
    notes: list[str] = []
    excerpt = False

    def outlets(members: list[Claim]) -> str:
        return _listed(list(dict.fromkeys(_name(names, c.source) for c in members)))

    for (words, marks), members in ordered[1:]:
        for marker in sorted(marks ^ main_marks):
            has, lacks = (members, main) if marker in marks else (main, members)
            notes.append(f"[{marker}] present in {outlets(has)}, absent in {outlets(lacks)}")
        if contains(list(main_words), list(words)) or contains(list(words), list(main_words)):
            excerpt = True
            continue
        notes.append(f"{outlets(main)} vs {outlets(members)}: {word_diff(list(main_words), list(words))}")
    if notes:
        return Verdict.QUOTE_VARIANT, "; ".join(dict.fromkeys(notes))
    if excerpt:
        return Verdict.AGREE, f"{outlets(list(claims))} quote the same words, one an excerpt of the other: " \
            f"{_said(claims[0])}"
    return Verdict.AGREE, f"{outlets(list(claims))} quote the same words: {_said(claims[0])}"


def _within_languages(claims: tuple[Claim, ...], languages: Mapping[str, str | None],
                      spoken: list[str]) -> Iterator[tuple[Claim, ...]]:
    """The claims of each language that more than one outlet prints: what can be compared word by word."""
    for language in spoken:
        same = tuple(c for c in claims if (languages.get(c.source) or "") == language)
        if len({c.source for c in same}) > 1:
            yield same


def _judge_translations(claims: tuple[Claim, ...], names: dict[str, str], compiled: JudgeRules,
                        languages: Mapping[str, str | None], spoken: list[str]) -> tuple[Verdict, str]:
    """A quotation printed in several languages: words compared only within each language."""
    for same in _within_languages(claims, languages, spoken):
        verdict, explanation = _judge_quotes(same, names, compiled)
        if verdict is Verdict.QUOTE_VARIANT:
            return verdict, explanation
    outlets = ", ".join(f"{_name(names, c.source)} ({languages.get(c.source) or '?'})"
                        for c in {c.source: c for c in claims}.values())
    return Verdict.COMPATIBLE, (f"the same quotation in {len(spoken)} languages: {outlets}; "
                                "a translation is not compared word by word")


def _markers(claim: Claim, compiled: JudgeRules) -> frozenset[str]:
    assert isinstance(claim.value, QuoteValue)
    return frozenset(m for m in claim.value.markers if m in compiled.variant_markers)


def quotes_more(a: Claim, b: Claim) -> bool:
    """Whether quotation `a` prints words beyond `b`'s: `b` is a shorter excerpt of `a`."""
    words_a, words_b = _quote_words(a), _quote_words(b)
    return len(words_a) > len(words_b) and contains(words_a, words_b)


def word_diff(a: list[str], b: list[str], most: int = 6) -> str:
    """The words that differ, as "old -> new" pieces ("officers -> agents", "the -> (none)"), the first `most`."""
    pieces = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left, right = " ".join(a[i1:i2]) or "(none)", " ".join(b[j1:j2]) or "(none)"
        pieces.append(f"{left} -> {right}")
    return ", ".join(pieces[:most]) + (", ..." if len(pieces) > most else "")


# --- names and titles -----------------------------------------------------------------------------

def _spelling(claim: Claim) -> str:
    return claim.value.name if isinstance(claim.value, NameValue) else claim.text


def _judge_names(claims: tuple[Claim, ...], names: dict[str, str],
                 compiled: IdentityRules) -> tuple[Verdict, str, tuple[str, ...]]:
    """One person or organisation, spelled alike, less precisely, or differently."""
    spelled = {name: [c for c in claims if _spelling(c) == name] for name in dict.fromkeys(map(_spelling, claims))}
    first = claims[0].value
    if len(spelled) == 1:
        outlets = list(dict.fromkeys(_name(names, c.source) for c in claims))
        both = "both" if len(outlets) == 2 else "all"
        return Verdict.AGREE, f"{_listed(outlets)} {both} write {_said(claims[0])}", ()
    if isinstance(first, NameValue) and first.entity is Entity.ORGANISATION:
        return _judge_acronyms(spelled, names)
    said = "; ".join(f"{_listed(list(dict.fromkeys(_name(names, c.source) for c in members)))} "
                     f"{'write' if len(members) > 1 else 'writes'} {name}" for name, members in spelled.items())
    differences = {name_difference(a, b, compiled) for a, b in combinations(spelled, 2)}
    if "spelling" in differences:
        return Verdict.CONFLICT, f"{said}: the name is spelled differently", ("name_spelling",)
    return Verdict.COMPATIBLE, f"{said}: one name given more or less fully, compatible", ()


def _judge_acronyms(spelled: dict[str, list[Claim]], names: dict[str, str]) -> tuple[Verdict, str, tuple[str, ...]]:
    # The spelling most sources use is the organisation's; the others may be slips.
    # Of forms as widely written, the first met (in `check`, the source's, not the draft's).
    order = {name: k for k, name in enumerate(spelled)}
    usual = max(spelled, key=lambda n: (len({c.source for c in spelled[n]}), len(spelled[n]), -order[n]))
    long_form = next((c.value.long_form for c in spelled[usual] if isinstance(c.value, NameValue)
                      and c.value.long_form), None)
    named = _listed(list(dict.fromkeys(_name(names, c.source) for c in spelled[usual])))
    odd = []
    flags = ["possible_misspelling"]
    for name, members in spelled.items():
        if name == usual:
            continue
        notes = []
        if any(isinstance(c.value, NameValue) and c.value.sic for c in members):
            notes.append("marked [sic]")
            flags.append("sic")
        if any(isinstance(c.value, NameValue) and c.value.quoted for c in members):
            notes.append("in a quotation")
        where = _listed(list(dict.fromkeys(_name(names, c.source) for c in members)))
        odd.append(f"{where} {'writes' if len(members) == 1 else 'write'} {name}"
                   + (f" ({', '.join(notes)})" if notes else ""))
    return Verdict.CONFLICT, (f"{'; '.join(odd)}; the story names {usual}{f' ({long_form})' if long_form else ''} "
                              f"in {named}: possibly a misspelling"), tuple(dict.fromkeys(flags))


def _judge_titles(claims: tuple[Claim, ...], names: dict[str, str],
                  compiled: IdentityRules) -> tuple[Verdict, str, tuple[str, ...]]:
    """One person's roles: the same, one more precise than the other, or different."""
    by_source: dict[str, list[str]] = {}
    for c in claims:
        if isinstance(c.value, TitleValue):
            by_source.setdefault(c.source, []).append(c.value.title)
    person = claims[0].value.person if isinstance(claims[0].value, TitleValue) else ""
    said = "; ".join(f"{_name(names, source)} calls {person} {' and '.join(dict.fromkeys(titles))}"
                     for source, titles in by_source.items())
    relations = []
    for a, b in combinations(by_source, 2):
        found = {titles_agree(x, y, compiled) for x in by_source[a] for y in by_source[b]}
        relations.append("same" if "same" in found else "compatible" if "compatible" in found else None)
    if None in relations:
        return Verdict.CONFLICT, f"{said}: different roles", ("title_conflict",)
    if "compatible" in relations:
        return Verdict.COMPATIBLE, f"{said}: one role stated more fully, compatible", ()
    outlets = _listed([_name(names, s) for s in by_source])
    return Verdict.AGREE, f"{outlets} {'both' if len(by_source) == 2 else 'all'} say {_said(claims[0])}", ()


def _judge_translated_titles(claims: tuple[Claim, ...], names: dict[str, str], compiled: IdentityRules,
                             languages: Mapping[str, str | None],
                             spoken: list[str]) -> tuple[Verdict, str, tuple[str, ...]]:
    """One person's roles in several languages: compared within each language, never word for word across."""
    for same in _within_languages(claims, languages, spoken):
        verdict, explanation, flags = _judge_titles(same, names, compiled)
        if verdict is Verdict.CONFLICT:
            return verdict, explanation, flags
    person = claims[0].value.person if isinstance(claims[0].value, TitleValue) else ""
    roles = ", ".join(f"{_name(names, c.source)} ({languages.get(c.source) or '?'}): {c.value.title}"
                      for c in {c.source: c for c in claims}.values() if isinstance(c.value, TitleValue))
    return Verdict.COMPATIBLE, (f"{person}'s role in {len(spoken)} languages: {roles}; a translation is not "
                                "compared word by word"), ("translated",)


# --- flags ---------------------------------------------------------------------------------------

def _flags(claims: tuple[Claim, ...], compiled: JudgeRules) -> tuple[str, ...]:
    flags = []
    quotes = [c.value for c in claims if isinstance(c.value, QuoteValue)]
    dates = [c.value for c in claims if isinstance(c.value, DateValue)]
    if any("sic" in q.markers for q in quotes):
        flags.append("sic")
    if _attribution_differs(claims, compiled):
        flags.append("attribution_conflict")
    if any(not d.resolved for d in dates):
        flags.append("unresolved_date")
    if any(d.inferred for d in dates):
        flags.append("inferred_date")
    return tuple(flags)


def speaker_surname(speaker: str | None, compiled: JudgeRules) -> str | None:
    """The last name of a speaker given by name ("Jo Lee"); None for a role ("a spokesperson", "he")."""
    words = (speaker or "").split()
    if not words or words[0].lower() in compiled.not_names or not all(w[:1].isupper() for w in words):
        return None
    return words[-1]


def _attribution_differs(claims: tuple[Claim, ...], compiled: JudgeRules) -> bool:
    for a, b in _cross(claims):
        va, vb = a.value, b.value
        if not (isinstance(va, QuoteValue) and isinstance(vb, QuoteValue)):
            return False
        sa, sb = speaker_surname(va.speaker, compiled), speaker_surname(vb.speaker, compiled)
        if sa and sb and sa != sb:
            return True
        if va.medium and vb.medium and va.medium != vb.medium:
            return True
    return False


def _attribution(claims: tuple[Claim, ...], names: dict[str, str]) -> str:
    parts = []
    for claim in claims:
        value = claim.value
        assert isinstance(value, QuoteValue)
        said = " ".join(filter(None, [value.speaker, f"({value.medium})" if value.medium else None]))
        if said:
            parts.append(f"{_name(names, claim.source)}: {said}")
    return "attribution differs (" + "; ".join(dict.fromkeys(parts)) + ")"
