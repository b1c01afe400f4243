"""The rule files that quantities need, compiled once per RuleSet into lookup tables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import filterfalse
from typing import Any

from ..rules import RuleSet
from .tokens import Phrases, Token


@dataclass(frozen=True, slots=True)
class Unit:
    """A measurement unit: its name, dimension, factor to the SI unit, and that SI unit."""

    name: str
    dimension: str
    factor: Decimal
    si_unit: str


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency word: its ISO code, and whether it needs a scale word before it."""

    code: str
    needs_scale: bool
    not_before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Every table the quantity extractor looks words up in."""

    number_words: dict[str, int]
    scales: dict[str, Decimal]
    money_scales: dict[str, Decimal]
    group_mark: str
    group_digits: int
    max_digits: int
    articles: frozenset[str]
    number_joiners: frozenset[str]
    fractions: Phrases[Decimal]
    negative_words: frozenset[str]
    negative_blockers: Phrases[bool]
    vague: Phrases[tuple[Decimal, Decimal]]
    qualifiers: Phrases[tuple[str, tuple[Decimal, Decimal] | None]]
    range_openers: frozenset[str]
    range_joiners: frozenset[str]
    range_blockers: frozenset[str]
    symbols: tuple[tuple[str, str], ...]
    codes: frozenset[str]
    currency_words: Phrases[Currency]
    percent_words: Phrases[str]
    units: Phrases[Unit]
    units_folded: Phrases[Unit]
    unit_adjectives: frozenset[str]
    abbreviation_chars: int
    nouns: frozenset[str]
    irregular_plurals: frozenset[str]
    plural_endings: tuple[str, ...]
    not_plural_endings: tuple[str, ...]
    plural_min_chars: int
    name_not_plural_endings: tuple[str, ...]
    possessives: tuple[str, ...]
    not_counted: Phrases[bool]
    count_window: int
    partitives: frozenset[str]
    toll_words: frozenset[str]
    toll_skips: frozenset[str]
    toll_not_after: frozenset[str]
    toll_nouns: Phrases[str]
    toll_links: frozenset[str]
    toll_link_window: int
    toll_scopes: frozenset[str]
    toll_scope_words: int
    count_verbs: dict[str, str]
    partitive_pronouns: frozenset[str]
    group_nouns: dict[str, str]
    determiners: frozenset[str]
    gapped_subject_words: int
    more_words: frozenset[str]
    elliptical_openers: Phrases[bool]
    elliptical_not_after: frozenset[str]
    elliptical_verb_endings: tuple[str, ...]
    elliptical_sentences: int
    elliptical_min: int
    ratio_joiners: Phrases[bool]
    conjunctions: frozenset[str]
    age_after: Phrases[bool]
    age_before: frozenset[str]
    max_age: int
    year_range: tuple[int, int]
    function_words: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    street_suffixes: frozenset[str]
    street_words: int
    label_words: frozenset[str]
    # A language that capitalises every noun (German): a capital tells no name or label there.
    nouns_capitalised: bool
    rule_names: dict[str, str]
    toll_adverbs: frozenset[str]
    acronym_plural_endings: tuple[str, ...]
    persons: frozenset[str]
    zero_subjects: Phrases[bool]
    zero_determiners: Phrases[bool]
    zero_nouns: Phrases[str]
    zero_joiners: frozenset[str]
    zero_not_after: frozenset[str]
    zero_not_before: Phrases[bool]
    singular_articles: frozenset[str]
    singular_not_after: frozenset[str]
    singular_joiners: frozenset[str]
    singular_passive: frozenset[str]
    singular_intransitive: frozenset[str]
    pair_words: dict[str, int]
    pair_phrases: Phrases[int]
    member_words: dict[str, str]
    tally_joiners: frozenset[str]
    tally_nouns: Phrases[bool]
    tally_verbs: Phrases[bool]
    tally_links: frozenset[str]
    tally_reach: int
    tally_units: tuple[str, str] | None
    percent_fractions: Phrases[Decimal]
    fraction_links: Phrases[bool]
    percent_unit: str | None
    fraction_not_after: frozenset[str]
    fraction_rounding: Decimal | None

    @cached_property
    def number_starts(self) -> frozenset[str]:
        """Words a number may start with; any other word starts none, so it is skipped unread."""
        return frozenset(self.number_words) | self.vague.firsts | self.fractions.firsts | self.articles

    def looks_plural(self, token: Token, *, name: bool = False) -> bool:
        """Whether a word the rules may not know looks plural; `name` when it stands right after a number.

        Capitalised plurals count too ("10 Americans"); single capitalised names do not. Right
        after a number a capitalised word is a demonym whatever its ending ("30 Iraqis"). An
        acronym with a plural ending in lower case is a plural of any length ("300 MPs").
        """
        word, text = token.low, token.text
        if word in self.irregular_plurals:
            return True
        for ending in self.acronym_plural_endings:
            stem = text[:-len(ending)]
            if text.endswith(ending) and len(stem) >= 2 and stem.isalpha() and stem.isupper():
                return True
        endings = self.name_not_plural_endings if name and text[:1].isupper() else self.not_plural_endings
        return len(word) >= self.plural_min_chars and word.endswith(self.plural_endings) \
            and not word.endswith(endings) \
            and word not in self.function_words and (text.islower() or text[1:].islower())

    @cached_property
    def worded_starts(self) -> frozenset[str]:
        """Words that may open a count or share written without a numeral.

        "no one", "a firefighter", "twin", "two-thirds of": any other word opens none.
        """
        return self.zero_starts | self.singular_articles | self.pair_starts | self.percent_fractions.firsts

    @cached_property
    def quantity_starts(self) -> frozenset[str]:
        """Words that may open a quantity, with or without a numeral."""
        return self.number_starts | self.worded_starts

    @cached_property
    def zero_starts(self) -> frozenset[str]:
        """Words that may open a count of nobody: "no one", "nobody", "no deaths"."""
        return self.zero_subjects.firsts | self.zero_determiners.firsts

    @cached_property
    def pair_starts(self) -> frozenset[str]:
        """Words that may open a count of two: "twin towers", "a pair of suspects"."""
        return frozenset(self.pair_words) | self.pair_phrases.firsts

    @cached_property
    def symbols_by_last(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Currency symbols by their last character, in rule order.

        Only a symbol ending in the character before a number (or before the space before
        it) can be that number's currency.
        """
        table: dict[str, list[tuple[str, str]]] = {}
        for symbol, code in self.symbols:
            table.setdefault(symbol[-1], []).append((symbol, code))
        return {last: tuple(entries) for last, entries in table.items()}

    @cached_property
    def number_triggers(self) -> frozenset[str]:
        """Words whose presence lets a sentence hold a number ("hundreds", "a million")."""
        # A count without a numeral needs one of its own words: "nobody", "deaths", "killed", "twin", "half".
        worded = (_content(self.zero_subjects) | self.zero_nouns.firsts | self.toll_words | frozenset(self.pair_words)
                  | _content(self.pair_phrases) | _content(self.percent_fractions)) - self.function_words
        # Only a word can be found in a sentence's words (a table's "%" or "-" never is).
        return frozenset(w for w in (self.number_starts - self.articles) | frozenset(self.scales) | worded
                         if _WORDS.fullmatch(w))

    def numeric(self, view: str, sentences: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that can hold a number at all: a digit or a number-starting word.

        Most sentences of a story hold none; they are not tokenised.
        """
        triggers = self.number_triggers
        found = []
        for start, end in sentences:
            if _DIGIT.search(view, start, end) is None:
                # Most words stand between spaces: one set test reads them all, and only the
                # pieces with a mark in them ("killed,", "one-third") are cut into words.
                pieces = view[start:end].lower().split()
                if triggers.isdisjoint(pieces) \
                        and triggers.isdisjoint(_WORDS.findall(" ".join(filterfalse(str.isalpha, pieces)))):
                    continue
            found.append((start, end))
        return found

_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")


def _content(phrases: Phrases[Any]) -> frozenset[str]:
    """Every word of a table's phrases (a sentence holding none of them holds no phrase)."""
    return frozenset(word for key in phrases.table for word in key if word.isalpha())


def _dec(value: object) -> Decimal:
    return Decimal(str(value))


def _lower_set(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())  # type: ignore[attr-defined]


def _pair(values: object) -> tuple[int, int]:
    low, high = values  # type: ignore[misc]
    return int(low), int(high)  # type: ignore[has-type]


@lru_cache(maxsize=8)
def lexicon(rules: RuleSet) -> Lexicon:
    """Compile the numbers, qualifiers, money, percent, units, counts and text rules (and possessives)."""
    numbers = rules.of_type("numbers")
    quals = rules.of_type("qualifiers")
    money = rules.of_type("money")
    percent = rules.of_type("percent")
    units = rules.of_type("units")
    counts = rules.of_type("counts")
    text = rules.of_type("text")
    dates = rules.of_type("dates")

    qualifier_entries: list[tuple[str, tuple[str, tuple[Decimal, Decimal] | None]]] = []
    for kind in ("lower_bound", "upper_bound"):
        qualifier_entries += [(phrase, (kind, None)) for phrase in quals.get(kind, ())]
    for phrase, band in (quals.get("approximate") or {}).items():
        qualifier_entries.append((phrase, ("approximate", (_dec(band[0]), _dec(band[1])))))

    si_of = units.get("dimensions") or {}
    unit_entries = [(name, Unit(key, spec["dimension"], _dec(spec["factor"]), si_of[spec["dimension"]]))
                    for key, spec in (units.get("units") or {}).items() for name in spec["names"]]
    ranges = quals.get("range") or {}
    zero = counts.get("zero") or {}
    tally = counts.get("tally") or {}
    rounding = percent.get("fraction_rounding")
    age = counts["age"]
    elliptical = counts["elliptical"]
    # Unit names this short are abbreviations: matched as written ("m" is a metre, "M" is not).
    abbreviation_chars = int(units["abbreviation_chars"])
    return Lexicon(
        number_words={k.lower(): int(v) for k, v in (numbers.get("words") or {}).items()},
        scales={k.lower(): _dec(v) for k, v in (numbers.get("scales") or {}).items()},
        money_scales={k.lower(): _dec(v) for k, v in (numbers.get("money_scales") or {}).items()},
        group_mark=str(numbers["group_mark"]),
        group_digits=int(numbers["group_digits"]),
        max_digits=int(numbers["max_digits"]),
        articles=_lower_set(numbers.get("articles")),
        number_joiners=_lower_set(numbers.get("joiners")),
        fractions=Phrases((p, _dec(v)) for p, v in (numbers.get("fractions") or {}).items()),
        negative_words=_lower_set(numbers.get("negative")),
        negative_blockers=Phrases((p, True) for p in numbers.get("negative_not_after") or ()),
        vague=Phrases((p, (_dec(lo), _dec(hi))) for p, (lo, hi) in (numbers.get("vague") or {}).items()),
        qualifiers=Phrases(qualifier_entries),
        range_openers=_lower_set(ranges.get("opening")),
        range_joiners=_lower_set(ranges.get("joiners")),
        range_blockers=_lower_set(ranges.get("not_after")),
        symbols=tuple(sorted(((s, c) for s, c in (money.get("symbols") or {}).items()),
                             key=lambda sc: -len(sc[0]))),
        codes=frozenset(money.get("codes") or ()),
        currency_words=Phrases((w, Currency(spec["code"], bool(spec.get("needs_scale")),
                                            _lower_set(spec.get("not_before"))))
                               for w, spec in (money.get("words") or {}).items()),
        percent_words=Phrases((w, u) for w, u in (percent.get("words") or {}).items()),
        # Abbreviations are matched as written ("m" is a metre, "M" is not); full names in any case.
        units=Phrases(unit_entries, case_sensitive=True),
        units_folded=Phrases((n, u) for n, u in unit_entries if len(n) > abbreviation_chars),
        unit_adjectives=_lower_set(units.get("adjectives")),
        abbreviation_chars=abbreviation_chars,
        nouns=_lower_set(counts.get("nouns")),
        irregular_plurals=_lower_set(counts.get("irregular_plurals")),
        plural_endings=tuple(str(e) for e in counts.get("plural_endings") or ()),
        not_plural_endings=tuple(str(e) for e in counts.get("not_plural_endings") or ()),
        plural_min_chars=int(counts["plural_min_chars"]),
        name_not_plural_endings=tuple(str(e) for e in counts.get("name_not_plural_endings") or ()),
        possessives=tuple(str(p) for p in rules.of_type("quotes").get("possessives") or ()),
        not_counted=Phrases((w, True) for w in counts.get("not_counted") or ()),
        count_window=int(counts["window"]),
        partitives=_lower_set(counts.get("partitives")),
        toll_words=_lower_set(counts.get("toll_words")),
        toll_skips=_lower_set(counts.get("toll_skips")),
        toll_not_after=_lower_set(counts.get("toll_not_after")),
        toll_nouns=Phrases((p, str(u).lower()) for p, u in (counts.get("toll_nouns") or {}).items()),
        toll_links=_lower_set(counts.get("toll_links")),
        toll_link_window=int(counts["toll_link_window"]),
        toll_scopes=_lower_set(counts.get("toll_scopes")),
        toll_scope_words=int(counts["toll_scope_words"]),
        count_verbs={str(k).lower(): str(v).lower() for k, v in (counts.get("count_verbs") or {}).items()},
        partitive_pronouns=_lower_set(counts.get("partitive_pronouns")),
        group_nouns={str(k).lower(): str(v).lower() for k, v in (counts.get("group_nouns") or {}).items()},
        determiners=_lower_set(counts.get("determiners")),
        gapped_subject_words=int(counts["gapped_subject_words"]),
        more_words=_lower_set(counts.get("more_words")),
        elliptical_openers=Phrases((p, True) for p in elliptical.get("openers") or ()),
        elliptical_not_after=_lower_set(elliptical.get("not_after")),
        elliptical_verb_endings=tuple(str(e) for e in elliptical.get("verb_endings") or ()),
        elliptical_sentences=int(elliptical["sentences"]),
        elliptical_min=int(elliptical["min"]),
        ratio_joiners=Phrases((p, True) for p in counts.get("ratio_joiners") or ()),
        conjunctions=_lower_set(text.get("conjunctions")),
        age_after=Phrases((w, True) for w in age.get("after") or ()),
        age_before=_lower_set(age.get("before")),
        max_age=int(age["max"]),
        year_range=_pair(numbers["years"]),
        function_words=_lower_set(text.get("function_words")),
        months=_lower_set([*(dates.get("months") or ()), *(dates.get("month_abbreviations") or ())]),
        weekdays=_lower_set([*(dates.get("weekdays") or ()), *(dates.get("weekday_abbreviations") or ())]),
        street_suffixes=_lower_set(text.get("street_suffixes")),
        street_words=int(text["street_reach_words"]),
        label_words=_lower_set(text.get("label_words")),
        nouns_capitalised=bool(text.get("nouns_capitalised")),
        rule_names={t: rules.name_of(t) for t in ("money", "counts", "percent", "units")},
        toll_adverbs=_lower_set(counts.get("toll_adverbs")),
        acronym_plural_endings=tuple(str(e) for e in counts.get("acronym_plural_endings") or ()),
        persons=_lower_set(counts.get("persons")),
        zero_subjects=Phrases((p, True) for p in zero.get("subjects") or ()),
        zero_determiners=Phrases((p, True) for p in zero.get("determiners") or ()),
        zero_nouns=Phrases((p, str(u).lower()) for p, u in (zero.get("nouns") or {}).items()),
        zero_joiners=_lower_set(zero.get("joiners")),
        zero_not_after=_lower_set(zero.get("not_after")),
        zero_not_before=Phrases((p, True) for p in zero.get("not_before") or ()),
        singular_articles=_lower_set((counts.get("singular") or {}).get("articles")),
        singular_not_after=_lower_set((counts.get("singular") or {}).get("not_after")),
        singular_joiners=_lower_set((counts.get("singular") or {}).get("joiners")),
        singular_passive=_lower_set((counts.get("singular") or {}).get("passive")),
        singular_intransitive=_lower_set((counts.get("singular") or {}).get("intransitive")),
        pair_words={str(k).lower(): int(v) for k, v in (counts.get("pair_words") or {}).items()},
        pair_phrases=Phrases((p, int(v)) for p, v in (counts.get("pair_phrases") or {}).items()),
        member_words={str(k).lower(): str(v).lower() for k, v in (counts.get("member_words") or {}).items()},
        tally_joiners=_lower_set(tally.get("joiners")),
        tally_nouns=Phrases((p, True) for p in tally.get("nouns") or ()),
        tally_verbs=Phrases((p, True) for p in tally.get("verbs") or ()),
        tally_links=_lower_set(tally.get("links")),
        tally_reach=int(tally["reach"]) if tally else 0,  # read only where the pack has tallies
        tally_units=(str(tally["units"][0]), str(tally["units"][1])) if tally.get("units") else None,
        percent_fractions=Phrases((p, Decimal(100) * _dec(n) / _dec(d))
                                  for p, (n, d) in (percent.get("fractions") or {}).items()),
        fraction_links=Phrases((p, True) for p in percent.get("fraction_links") or ()),
        # What a share is a percent of: the unit the pack gives the percent sign.
        percent_unit=(percent.get("words") or {}).get("%"),
        fraction_not_after=_lower_set(percent.get("fraction_not_after")),
        fraction_rounding=None if rounding is None else _dec(rounding),
    )
