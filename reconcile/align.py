"""Claims -> groups of claims that state the same fact.

Fuzzy matching proposes, typed values decide: nothing here looks at a claim's value, so two
different values about the same thing (a conflict) meet like two equal ones.

1. Each claim gets a context: the content words of its sentence (words near the claim count
   more, the sentence before counts less, names count more), and for quantities the kinds of
   thing it may count (its unit's synonym set; for people, what the verb beside it says they
   did: "300 residents signed" counts signatures).
2. Candidates are proposed per kind through an inverted index of context words, skipping
   words too common to tell anything, and scored in bulk with rapidfuzz.process.cdist, so the
   work grows with the story roughly linearly.
3. A candidate pair links when the IDF-weighted overlap of the two contexts reaches the rules'
   threshold; quotations link by their words instead.
4. Groups grow from the strongest links down, never joining claims that cannot state the
   same fact: two claims of one sentence (but an amount restated in another currency), a
   claim and one inside it, quantities of unrelated things (killed and injured), batches of a
   sequence ("the first four", "the last four"), currencies with no rate between them,
   dimensions.
5. Then each group joins the group it fits best by a margin over the best rival fact, on
   the weaker fits step 3 left (reconcile.assign): within a story the facts of one kind are
   few, so a clear best fit is one fact where a pairwise threshold would miss it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, product

from rapidfuzz import fuzz, process

from .assign import DEVELOPING, AssignRules, Fit, assign
from .developing import DevelopingRules, developing_rules, of_its_moment
from .disjoint import DisjointSets
from .errors import RuleError
from .furniture import phrases
from .heap import collector_paused
from .identity import PEOPLE_KINDS, IdentityRules, group_people, identity_rules, parts, same_person
from .model import Claim, DateValue, Granularity, Kind, Qualifier, Quantity, QuoteValue, Source
from .rules import RuleSet
from .text import Prepared, prepare
from .values import COMPATIBLE, CONFLICT, SAME, ValueRules, contains, converts, quote_words, relation, value_rules

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """How a draft's claim is placed among the story's facts (`place`), per part of the story.

    `floor`: the fit a fact needs to be one the claim may state at all; `support`: the share
    of the best fit at which a fact stating the claim's value still bears it out; `conflict`: the
    fit the best fact needs for a differing value to be a fault; `tie`: how near the best
    another faulting fact must fit to be named beside it.
    """

    floor: dict[str, float]
    support: dict[str, float]
    conflict: dict[str, float]
    tie: float
    near_words: int
    local_weight: float
    anchor: float


@dataclass(frozen=True, slots=True)
class AlignRules:
    """The `align` rules, compiled, with the vocabulary they lean on."""

    near_words: int
    date_near_words: int
    date_shared: int
    written_day: float
    near_weight: float
    previous_weight: float
    entity_weight: float
    endings: tuple[tuple[str, str], ...]
    keep: tuple[str, ...]
    min_stem: int
    key_words: int
    posting_cap: int
    posting_per_source: int
    candidate_budget: int
    max_candidates: int
    floor: float
    thresholds: dict[tuple[str, bool, str], float]
    owner_words: int
    values: ValueRules
    value_bonus: dict[str, float]
    translated: dict[str, float]
    translated_dates: dict[str, float]
    translated_unit: float
    translated_topic: float
    translated_length: float
    pronouns: frozenset[str]
    possessives: tuple[str, ...]
    speech_verbs: frozenset[str]
    quote_variant: float
    quote_min_words: int
    quote_shared: float
    # Who is one person, by name (the people rules: spellings, nicknames, initials).
    people: IdentityRules
    stop_words: frozenset[str]
    unit_classes: dict[str, frozenset[int]]
    # What people did or underwent, counted in its own right: a verb -> the classes it makes a
    # count of people one of ("300 tenants signed" counts signatures, "three people died" deaths).
    acts: dict[str, frozenset[int]]
    act_classes: frozenset[int]
    fate_classes: frozenset[int]
    persons: frozenset[str]
    bare_people: frozenset[str]
    known_nouns: frozenset[str]
    verb_skips: frozenset[str]
    verb_chars: int
    spoken_words: int
    more_words: frozenset[str]
    # A word -> the place in a sequence it marks ("first", "another", "last").
    sequence: dict[str, str]
    sequence_words: int
    thing_words: int
    restated_gap: int
    of_words: frozenset[str]
    # Endings of the words that end an amount's phrase (past forms, adverbs: "burned", "already").
    phrase_ends: tuple[str, ...]
    # A page's own stamp: a date and time on a line with one of these labels ("Updated"), or
    # a date in a dateline ("LYON, May 1 —"), on a line of at most `stamp_chars`.
    stamp_labels: re.Pattern[str]
    stamp_chars: int
    # The fit two dates of one day get from a fact their two sentences state.
    anchor_fit: float
    # What marks a figure of its moment ("so far", "rose to"): two such figures that differ
    # may be one developing fact.
    developing: DevelopingRules
    # A word -> the word its synonym list stands by ("blaze" -> "fire").
    synonyms: dict[str, str]
    assign: AssignRules
    placing: PlaceRules
    # Stems already worked out: a story repeats its words, and stemming is the hot path.
    stems: dict[str, str]


@lru_cache(maxsize=8)
def align_rules(rules: RuleSet) -> AlignRules:
    """Compile the `align` rules of a rule set (cached per rule set)."""
    data = rules.of_type("align")
    # Every setting is read without a fallback: the rule file states it, once.
    context, propose, link, quotes = data["context"], data["propose"], data["link"], data["quotes"]
    text, counts, dates = rules.of_type("text"), rules.of_type("counts"), rules.of_type("dates")
    titles = rules.of_type("quotes").get("titles") or ()
    numbers = rules.of_type("numbers")
    # Words that say nothing about the subject: function words, titles, calendar words, and
    # the number and scale words that belong to the value itself.
    stop = {str(w).lower() for w in [*(text.get("function_words") or ()), *titles,
                                     *(dates.get("months") or {}), *(dates.get("weekdays") or {}),
                                     *(numbers.get("words") or {}), *(numbers.get("scales") or {}),
                                     *(numbers.get("money_scales") or {})]}
    classes: dict[str, set[int]] = defaultdict(set)
    for n, members in enumerate(_synonym_sets(rules)):
        for word in members:
            classes[word].add(n)
    # What people do (acts) and what befalls them (fates): a verb -> the classes it counts.
    verbs = {key: {str(verb).lower(): (str(noun), frozenset(classes.get(str(noun).lower(), ())))
                   for verb, noun in (counts.get(key) or {}).items()} for key in ("acts", "fates")}
    for key, named in verbs.items():
        for verb, (noun, found) in sorted(named.items()):
            if not found:
                raise RuleError(f"counts rules: {key}: {verb!r} names {noun!r}, which no synonym set holds")
    return AlignRules(
        near_words=int(context["near_words"]),
        date_near_words=int(context["date_near_words"]),
        date_shared=int(link["dates"]["shared_words"]),
        written_day=float(link["dates"]["written_day"]),
        near_weight=float(context["near_weight"]),
        previous_weight=float(context["previous_weight"]),
        entity_weight=float(context["entity_weight"]),
        endings=tuple((str(a), str(b)) for a, b in context.get("endings") or ()),
        keep=tuple(str(k) for k in context.get("keep") or ()),
        min_stem=int(context["min_stem"]),
        key_words=int(propose["key_words"]),
        posting_cap=int(propose["posting_cap"]),
        posting_per_source=int(propose["posting_per_source"]),
        candidate_budget=int(propose["candidate_budget"]),
        max_candidates=int(propose["max_candidates"]),
        floor=float(propose["floor"]),
        # (quantities, dates or ages; same source; how the values relate) -> the context overlap needed
        thresholds={(part, same, how): float(value)
                    for part in ("quantities", "durations", "dates", "ages")
                    for same, key in ((False, "cross_source"), (True, "same_source"))
                    for how, value in ((link.get(part) or {}).get(key) or {}).items()},
        owner_words=int(context["owner_words"]),
        values=value_rules(rules),
        value_bonus={str(k): float(v) for k, v in (link.get("value_bonus") or {}).items()},
        translated={str(k): float(v) for k, v in link["translated"].items() if k not in ("unit", "topic")},
        translated_topic=float(link["translated"]["topic"]),
        translated_dates={str(k): float(v) for k, v in link["dates"]["translated"].items()},
        translated_unit=float(link["translated"]["unit"]),
        translated_length=float(quotes["translated_length"]),
        pronouns=frozenset(str(w).lower() for key in ("person_pronouns", "other_pronouns")
                           for w in rules.of_type("quotes").get(key) or ()),
        possessives=tuple(str(p) for p in rules.of_type("quotes").get("possessives") or ()),
        speech_verbs=frozenset(str(w).lower() for w in rules.of_type("quotes").get("speech_verbs") or ()),
        quote_variant=float(quotes["variant"]),
        quote_min_words=int(quotes["min_words"]),
        quote_shared=float(quotes["shared_words"]),
        people=identity_rules(rules),
        stop_words=frozenset(stop),
        unit_classes={word: frozenset(ns) for word, ns in classes.items()},
        acts={verb: found for named in verbs.values() for verb, (_, found) in named.items()},
        act_classes=frozenset(n for _, found in verbs["acts"].values() for n in found),
        fate_classes=frozenset(n for _, found in verbs["fates"].values() for n in found),
        persons=frozenset(str(w).lower() for w in counts.get("persons") or ()),
        bare_people=frozenset(str(w).lower() for w in counts.get("bare_people") or ()),
        known_nouns=frozenset(str(w).lower() for key in ("nouns", "irregular_plurals")
                              for w in counts.get(key) or ()) | frozenset(classes),
        verb_skips=frozenset(str(w).lower() for w in context.get("verb_skips") or ()),
        verb_chars=int(context["verb_chars"]),
        spoken_words=int(context["spoken_words"]),
        more_words=frozenset(str(w).lower() for w in counts.get("more_words") or ()),
        sequence={str(w).lower(): str(place) for place, words in context["sequence"].items() for w in words},
        sequence_words=int(context["sequence_words"]),
        thing_words=int(context["thing_words"]),
        restated_gap=int(context["restated_gap"]),
        of_words=frozenset(str(w).lower() for w in context.get("of_words") or ()),
        phrase_ends=tuple(str(w).lower() for w in context.get("phrase_ends") or ()),
        stamp_labels=_stamp_labels(rules),
        stamp_chars=int(context["stamp_chars"]),
        anchor_fit=float(data["assign"]["anchor_fit"]),
        developing=developing_rules(rules),
        synonyms={str(w).lower(): str(words[0]).lower() for words in context.get("synonyms") or () for w in words},
        assign=AssignRules(floor=float(data["assign"]["floor"]), margin=float(data["assign"]["margin"]),
                           needed={(str(part), str(how)): float(v)
                                   for part, relations in data["assign"]["needed"].items()
                                   for how, v in relations.items()},
                           rounds=int(data["assign"]["rounds"]), options=int(data["assign"]["options"])),
        placing=PlaceRules(**{key: {str(part): float(v) for part, v in data["place"][key].items()}
                              for key in ("floor", "support", "conflict")},
                           tie=float(data["place"]["tie"]), near_words=int(data["place"]["near_words"]),
                           local_weight=float(data["place"]["local_weight"]),
                           anchor=float(data["place"]["anchor"])),
        stems={},
    )


@dataclass(frozen=True, slots=True)
class Context:
    """What a claim is about, as far as alignment can tell."""

    claim: Claim
    weights: dict[str, float]
    name_words: frozenset[str]
    owners: frozenset[str]
    owner_is_topic: bool
    spoken: bool
    more: bool
    units: frozenset[int]
    specific: frozenset[int]
    unit_word: str | None
    sentence: tuple[str, int]
    words: tuple[str, ...]
    language: str | None = None
    # What an amount is of: the words right after it ("a $3 million fine", "$2 million in
    # donations") or the noun it is "of" ("a fine of $3 million").
    thing: frozenset[str] = frozenset()
    # Where in a sequence a count sits ("the first four", "another four", "the last four").
    sequence: frozenset[str] = frozenset()
    # A date the page stamps itself with (when it was published or updated), not the story's.
    stamp: bool = False
    # A figure worded as of its moment ("so far", "has risen to"): a running total or toll.
    moment: bool = False
    # The days its sentence places events on ("on Sunday", "July 8"): a figure of each day.
    days: frozenset[object] = frozenset()
    # The content words right around it and in it ("involved 19 divers", "trapped since"):
    # what places a draft's claim among the story's facts.
    local: frozenset[str] = frozenset()
    # The whole sentence it stands in, where `sentence` is the stretch of an endless one it reads.
    whole: tuple[str, int] = ("", 0)


def align(sources: tuple[Source, ...], claims: tuple[Claim, ...], rules: RuleSet) -> list[tuple[Claim, ...]]:
    """The claims grouped by the fact they state, each group in claim order; every claim once."""
    with collector_paused():  # contexts, links and fits: many small objects, no cycles
        # Names, titles and the ages of named people group by whom they are about.
        people, rest = group_people(claims, rules)
        groups = _align(sources, tuple(rest), rules) + people
    return sorted(groups, key=lambda g: (g[0].source, g[0].span.start, g[0].kind.value))


def _align(sources: tuple[Source, ...], claims: tuple[Claim, ...], rules: RuleSet) -> list[tuple[Claim, ...]]:
    compiled = align_rules(rules)
    prepared = {s.id: prepare(s, rules) for s in sources}
    # A name one source capitalises mid-sentence is a name in every source of the story.
    story_names = frozenset().union(*(_names_of(prepared[s.id], compiled) for s in sources))
    contexts = _contexts(sources, claims, prepared, story_names, compiled)
    idf = _idf(prepared.values(), compiled)
    links: list[tuple[float, int, int]] = []
    fits: list[Fit] = []
    by_kind: dict[Kind, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_kind[claim.kind].append(i)
    for kind, members in by_kind.items():
        if kind is Kind.QUOTE:
            links.extend(_quote_links(contexts, members, compiled))
            fits.extend(_speaker_fits(contexts, members, compiled))
        else:
            found, weak = _context_links(contexts, members, idf, compiled)
            links.extend(found)
            fits.extend(weak)
        if kind is Kind.DATE and compiled.written_day:
            links.extend(_written_day_links(contexts, members, compiled))
        if kind is Kind.DATE:
            fits.extend(_same_day_fits(contexts, members, idf, compiled))
    return _groups(contexts, links, fits, idf, compiled)


def _contexts(sources: Iterable[Source], claims: Iterable[Claim], prepared: dict[str, Prepared],
              names: frozenset[str], compiled: AlignRules, *, placing: bool = False) -> list[Context]:
    """Each claim's context, read in its source with the story's names (for placing, its near words too)."""
    sources = tuple(sources)
    topics = {s.id: _topic(prepared[s.id], names, compiled) for s in sources}
    languages = {s.id: s.language for s in sources}
    bags = {s.id: _Bags(prepared[s.id], names, compiled) for s in sources}
    return _with_days([_context(c, prepared[c.source], bags[c.source], topics[c.source], compiled,
                                language=languages.get(c.source),
                                local=_local(c, prepared[c.source], compiled) if placing else frozenset())
                       for c in claims])


def _window(claim: Claim, prepared: Prepared) -> tuple[int, int]:
    """The stretch of its sentence a claim's context is read in (see `Prepared.window`)."""
    return prepared.window(*prepared.sentence_at(claim.span.start), claim.span.start, claim.span.end)


class _Bags:
    """The content words of a source's stretches, read once and shared by the claims in them.

    A bag maps each word's stem to its boost (the story's names weigh `entity_weight`), with
    the stems that are names; a context scales a bag by the weight of where it stands.
    """

    def __init__(self, prepared: Prepared, names: frozenset[str], compiled: AlignRules) -> None:
        self.view, self.names, self.compiled = prepared.view, names, compiled
        self.cache: dict[tuple[int, int, bool], tuple[dict[str, float], frozenset[str]]] = {}

    def __call__(self, start: int, end: int, *, names_only: bool = False,
                 shared: bool = True) -> tuple[dict[str, float], frozenset[str]]:
        """The bag of text[start:end]; one no other claim reads (`shared` False) is not kept."""
        if not shared:
            return self._read(start, end, names_only)
        key = (start, end, names_only)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._read(start, end, names_only)
        return found

    def _read(self, start: int, end: int, names_only: bool) -> tuple[dict[str, float], frozenset[str]]:
        compiled, names = self.compiled, self.names
        bag: dict[str, float] = {}
        name_words: set[str] = set()
        for match in _WORD.finditer(self.view, start, end):
            low = match.group().lower()
            if low in compiled.stop_words or (names_only and low not in names):
                continue
            stem = _stem(low, compiled)
            boost = compiled.entity_weight if low in names else 1.0
            if boost > bag.get(stem, 0.0):
                bag[stem] = boost
            if low in names:
                name_words.add(stem)
        return bag, frozenset(name_words)


def _local(claim: Claim, prepared: Prepared, compiled: AlignRules) -> frozenset[str]:
    """The content words of a claim and of the few words either side of it, in its sentence."""
    s_start, s_end = _window(claim, prepared)
    start, end = _near(prepared.view, claim.span.start, claim.span.end, s_start, s_end, compiled.placing.near_words)
    return frozenset(_stem(low, compiled) for m in _WORD.finditer(prepared.view, start, end)
                     if (low := m.group().lower()) not in compiled.stop_words)


def _with_days(contexts: list[Context]) -> list[Context]:
    """Each figure's context with the days its sentence places events on."""
    days: dict[tuple[str, int], set[object]] = defaultdict(set)
    for context in contexts:
        if (day := _day_of(context)) is not None and not context.stamp:
            days[context.sentence].add(day)
    return [replace(c, days=frozenset(days[c.sentence])) if c.claim.kind is not Kind.DATE and days.get(c.sentence)
            else c for c in contexts]


def _synonym_sets(rules: RuleSet) -> list[frozenset[str]]:
    """The counts' synonym sets, a set of one language joined to those of others it shares a word with.

    A pack bridges its sets to other languages by listing their words in them ("einwohner ...
    residents", "habitants ... residents"): through the bridge, German residents and French ones
    are one class, as the English word is one class with each. A class never holds two sets of
    one language: sets of a language stay apart whatever words they share, and a bridge word
    listed in two sets ("casualties" with the dead and with the injured) joins neither to both.
    """
    sets = [(f.language, frozenset(" ".join(str(m).lower().split()) for m in members))
            for f in rules.files if f.type == "counts" for members in f.data.get("synonyms") or ()]
    joins = DisjointSets(len(sets))
    by_word: dict[str, list[int]] = defaultdict(list)
    for n, (_, words) in enumerate(sets):
        for word in words:
            by_word[word].append(n)
    languages = [{language} for language, _ in sets]
    for holders in by_word.values():
        for n in holders[1:]:
            a, b = joins.root(n), joins.root(holders[0])
            if a != b and not languages[a] & languages[b]:
                joins.point(a, b)
                languages[b] |= languages[a]
    joined: dict[int, set[str]] = defaultdict(set)
    for n, (_, words) in enumerate(sets):
        joined[joins.root(n)] |= words
    return [frozenset(words) for _, words in sorted(joined.items())]


# --- 1. contexts --------------------------------------------------------------------------

def _stem(word: str, compiled: AlignRules) -> str:
    stem = compiled.stems.get(word)
    if stem is None:
        stripped = _strip_ending(word, compiled)
        stem = compiled.stems[word] = compiled.synonyms.get(word) or compiled.synonyms.get(stripped) or stripped
    return stem


def _strip_ending(word: str, compiled: AlignRules) -> str:
    if word.endswith(compiled.keep):
        return word
    for ending, replacement in compiled.endings:
        if word.endswith(ending) and len(word) - len(ending) >= compiled.min_stem:
            return word[:-len(ending)] + replacement
    return word


def _context(claim: Claim, prepared: Prepared, bags: _Bags, topic: str | None, compiled: AlignRules, *,
             language: str | None = None, local: frozenset[str] = frozenset()) -> Context:
    view, names = prepared.view, bags.names
    sentence = prepared.sentence_at(claim.span.start)
    # A "sentence" of a whole unpunctuated page is cut to the claim's neighbourhood.
    s_start, s_end = _window(claim, prepared)
    weights: dict[str, float] = {}
    name_words: set[str] = set()

    def add(start: int, end: int, weight: float, *, names_only: bool = False, shared: bool = True) -> None:
        bag, named = bags(start, end, names_only=names_only, shared=shared)
        if not weights and weight == 1.0:
            weights.update(bag)  # the sentence's own words, copied whole
        else:
            for stem, boost in bag.items():
                if weight * boost > weights.get(stem, 0.0):
                    weights[stem] = weight * boost
        name_words.update(named)

    # The sentence before, where the window opens the sentence: whole, or of an endless one the
    # stretch a claim at its very end would read.
    previous = _previous(prepared, sentence[0]) if s_start == sentence[0] else None
    if previous is not None:
        previous = prepared.window(*previous, previous[1], previous[1])
    first = _WORD.search(view, s_start, s_end)
    opens_with_pronoun = first is not None and first.group().lower() in compiled.pronouns
    reach = compiled.date_near_words if claim.kind is Kind.DATE else compiled.near_words
    near_start, near_end = _near(view, claim.span.start, claim.span.end, s_start, s_end, reach)
    if claim.kind is Kind.DATE:
        # A date belongs to the event next to it ("shot Saturday", "in court Tuesday"); the
        # rest of a sentence is the same story every article tells, and the date's own words
        # are its value.
        add(near_start, claim.span.start, compiled.near_weight, shared=False)
        add(claim.span.end, near_end, compiled.near_weight, shared=False)
    else:
        add(s_start, s_end, 1.0)
        if previous is not None:
            # The sentence before says whom this one is about: through its names, or wholly
            # when this one opens with a pronoun ("It sank in 40 metres of water").
            add(*previous, compiled.previous_weight, names_only=not opens_with_pronoun)
        add(near_start, near_end, compiled.near_weight, shared=False)  # its own neighbourhood
    # Whose fact it is: a name inside the claim ("400 Acme employees") or a possessive name in
    # its clause ("Acme's budget set aside 300 places"); failing that, the article's main name.
    owners = _owners(claim, view, s_start, s_end, names, compiled)
    owner_is_topic = not owners and topic is not None
    if owner_is_topic:
        owners = frozenset([topic])  # type: ignore[list-item]
    units, specific, unit_word = _units(claim, view, compiled)
    words: tuple[str, ...] = ()
    if isinstance(claim.value, QuoteValue):
        words = tuple(quote_words(claim.value))
    # "said on Tuesday" dates a statement, not the event it reports.
    before = [m.group().lower() for m in _WORD.finditer(view, max(s_start, claim.span.start - compiled.verb_chars),
                                                          claim.span.start)]
    spoken = claim.kind is Kind.DATE and any(w in compiled.speech_verbs for w in before[-compiled.spoken_words:])
    # "7 more magazines" counts some more of them; the "more" of "more than 300" is a bound's.
    said = [m.group().lower() for m in _WORD.finditer(view, claim.span.start, claim.span.end)]
    bound = isinstance(claim.value, Quantity) and claim.value.qualifier is not Qualifier.EXACT
    more = claim.kind is Kind.COUNT and any(w in compiled.more_words for w in said[1 if bound else 0:])
    sequence: frozenset[str] = frozenset()
    if claim.kind is Kind.COUNT:
        near = before[-compiled.sequence_words:] + said
        sequence = frozenset(compiled.sequence[w] for w in near if w in compiled.sequence)
    return Context(claim, weights, frozenset(name_words), owners, owner_is_topic, spoken, more, units, specific,
                   unit_word, (claim.source, s_start), words, language=language, whole=(claim.source, sentence[0]),
                   thing=_thing(claim, view, before, s_end, compiled), local=local,
                   sequence=sequence, stamp=claim.kind is Kind.DATE and _stamped(claim, view, compiled),
                   moment=claim.kind in compiled.developing.kinds and of_its_moment(claim, compiled.developing))


def _stamp_labels(rules: RuleSet) -> re.Pattern[str]:
    """The text rules' publication labels ("Updated", "Published"), found anywhere on a line."""
    found = phrases((rules.of_type("text").get("furniture") or {}).get("trailing_labels") or ())
    return re.compile(rf"(?<!\w){found}" if found else r"(?!)", re.IGNORECASE)


def _stamped(claim: Claim, view: str, compiled: AlignRules) -> bool:
    """Whether a date is the page's own: "Updated May 1, 2024, 9:10 PM", "LYON, May 1 —".

    A date alone on a line ("May 2, 2024") is not told apart: it may be a stamp as well as the
    day the story tells of, and corpora that link a page's date to the story's day are right
    to. Only short lines are looked at, so a page with no line breaks costs nothing more.
    """
    start, end = claim.span.start, claim.span.end
    reach = compiled.stamp_chars
    opens = view.rfind("\n", max(0, start - reach), start) + 1
    closes = view.find("\n", end, end + reach)
    closes = len(view) if closes < 0 and len(view) - end <= reach else closes
    if (opens == 0 and start > reach) or closes < 0:
        return False
    before, after = view[opens:start], view[end:closes]
    if isinstance(claim.value, DateValue) and claim.value.clock is not None \
            and compiled.stamp_labels.search(view, opens, closes):
        return True  # a timestamp on a line with a label: "Updated May 1, 2024, 9:10 PM"
    # A dateline: a place in capitals, a comma, the date, then a dash or the agency.
    return bool(_DATELINE_PLACE.fullmatch(before)) and after.lstrip()[:1] in _DATELINE_AFTER


_PUNCTUATION = re.compile(r"[^\w\s'\u2019-]")

_DATELINE_PLACE = re.compile(r"\W*[A-Z][A-Z .'-]+,\s*")
_DATELINE_AFTER = ("\u2014", "\u2013", "-", "(")


def _thing(claim: Claim, view: str, before: list[str], s_end: int, compiled: AlignRules) -> frozenset[str]:
    """The content words that say what a quantity is of, next to it (`before`: the words ahead of it)."""
    if claim.kind not in (Kind.MONEY, Kind.MEASURE, Kind.PERCENT, Kind.DURATION):
        return frozenset()
    # The words of its own phrase: up to a punctuation mark ("$70 million (£55 million) has
    # been raised" names no thing) or a verb ("the 600-year-old church burned").
    found: list[str] = []
    at = claim.span.end
    for m in _WORD.finditer(view, claim.span.end, min(s_end, claim.span.end + compiled.verb_chars)):
        word = m.group().lower()
        if _PUNCTUATION.search(view, at, m.start()) or word in compiled.verb_skips \
                or word in compiled.speech_verbs or _ends_phrase(word, compiled):
            break
        at = m.end()
        if word not in compiled.stop_words and not word[:1].isdigit():
            found.append(word)
            if len(found) == compiled.thing_words:
                break
    if len(before) >= 2 and before[-1] in compiled.of_words and before[-2] not in compiled.stop_words:
        found.append(before[-2])
    return frozenset(_stem(w, compiled) for w in found)


def _ends_phrase(word: str, compiled: AlignRules) -> bool:
    return any(word.endswith(e) and len(word) - len(e) >= compiled.min_stem for e in compiled.phrase_ends)


def _near(view: str, start: int, end: int, floor: int, ceiling: int, n: int) -> tuple[int, int]:
    """The span reaching `n` words either side of [start, end), inside the sentence.

    Words are looked for in a short stretch first, so the cost does not grow with the sentence.
    """
    if n <= 0:
        return start, end
    after = list(islice(_WORD.finditer(view, end, ceiling), n))
    near_end = after[n - 1].end() if len(after) >= n else ceiling
    span = _NEAR_CHARS * n
    while True:  # the first word found may be cut: only more than n words make the last n whole
        lookback = max(floor, start - span)
        before = list(_WORD.finditer(view, lookback, start))
        if len(before) > n or lookback == floor:
            break
        span *= 4
    return (before[-n].start() if len(before) >= n else floor), near_end


# Characters per word looked back over first (a word of news is rarely longer).
_NEAR_CHARS = 24


def _previous(prepared: Prepared, s_start: int) -> tuple[int, int] | None:
    i = bisect.bisect_left(prepared.sentence_starts, s_start)
    return prepared.sentences[i - 1] if 0 < i <= len(prepared.sentences) else None


def _names_of(prepared: Prepared, compiled: AlignRules) -> frozenset[str]:
    """A source's names (lower-cased).

    These are the words it capitalises inside a sentence, or in a possessive opening one
    ("Globex's budget set aside ...").
    """
    names = set()
    view, stop = prepared.view, compiled.stop_words
    for s_start, s_end in prepared.sentences:
        first = _WORD.search(view, s_start, s_end)
        if first is None:
            continue
        word = first.group()
        low = word.lower()
        # Only punctuation before it ("«Nunca ...", "(Later ...") still makes it the sentence's first word.
        opens = not any(ch.isalnum() for ch in view[s_start:first.start()])
        if word[:1].isupper() and low not in stop and (not opens or low.endswith(compiled.possessives)):
            names.add(low)
        names.update(low for word in _WORD.findall(view, first.end(), s_end)
                      if word[:1].isupper() and (low := word.lower()) not in stop)
    return frozenset(names)


_CLAUSE_END = re.compile(r"[,;:.!?()]")


def _owners(claim: Claim, view: str, s_start: int, s_end: int, names: frozenset[str],
            compiled: AlignRules) -> frozenset[str]:
    """Names that own a claim's fact: inside it, or possessive in its clause near it."""
    start, end = claim.span.start, claim.span.end
    found = {_stem(low, compiled) for m in _WORD.finditer(view, start, end)
             if (low := m.group().lower()) in names and low not in compiled.stop_words}
    # The clause: up to the nearest punctuation either side, inside the sentence.
    before = _clause_ends(view, max(s_start, start - _NEAR_CHARS * compiled.owner_words), start)
    if not before:
        before = _clause_ends(view, s_start, start)  # the clause opens further back: read the rest
    after = _CLAUSE_END.search(view, end, s_end)
    clause_start, clause_end = (before[-1] if before else s_start), (after.start() if after else s_end)
    near_start, near_end = _near(view, start, end, clause_start, clause_end, compiled.owner_words)
    for m in _WORD.finditer(view, near_start, near_end):
        low = m.group().lower()
        if low.endswith(compiled.possessives) and low in names:
            found.add(_stem(low, compiled))
    return frozenset(found)


def _clause_ends(view: str, start: int, end: int) -> list[int]:
    return [m.end() for m in _CLAUSE_END.finditer(view, start, end)]


def _topic(prepared: Prepared, names: frozenset[str], compiled: AlignRules) -> str | None:
    """The name an article mentions most: what a claim is about when its sentence names nobody."""
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for at, word in enumerate(_WORD.findall(prepared.view, prepared.start, prepared.end)):
        low = word.lower()
        if low in names:
            name = _stem(low, compiled)
            counts[name] += 1
            first.setdefault(name, at)
    # The most mentioned; of equals, the first mentioned.
    return min(counts, key=lambda name: (-counts[name], first[name])) if counts else None


_ASIDE = re.compile(r"\s*(?:[\u2013\u2014]|\s-\s)[^\u2013\u2014.;]{1,160}?(?:[\u2013\u2014]|\s-\s)|\s*\([^()]{1,160}\)")

def _units(claim: Claim, view: str, compiled: AlignRules) -> tuple[frozenset[int], frozenset[int], str | None]:
    """The synonym classes a count's unit belongs to, and those its verb makes more specific.

    A count of people whose verb names an act counts that act: "300 tenants signed" counts
    signatures, "killed five people" the dead. A count of things is never made one of people's
    acts ("40 letters were signed" counts letters).
    """
    value = claim.value
    if not isinstance(value, Quantity) or claim.kind is not Kind.COUNT or not value.unit:
        return frozenset(), frozenset(), None
    unit = value.unit.lower()
    base = compiled.unit_classes.get(unit, frozenset())
    if not _of_people(unit, compiled):
        return base, frozenset(), unit
    reach = compiled.verb_chars
    # An aside between the count and its verb is skipped: "three people – two guards and a
    # driver – were hurt", "two people (both staff) died".
    aside = _ASIDE.match(view, claim.span.end)
    end = aside.end() if aside else claim.span.end
    after = [m.group().lower() for m in _WORD.finditer(view, end, min(len(view), end + reach))]
    before = [m.group().lower() for m in _WORD.finditer(view, max(0, claim.span.start - reach), claim.span.start)]
    specific: set[int] = set()
    # The verb after the count ("two people were killed") or before it ("killed five people").
    for verb in [w for w in after if w not in compiled.verb_skips][:1] + [w for w in before
                                                                          if w not in compiled.verb_skips][-1:]:
        specific |= compiled.acts.get(verb, frozenset())
    return base | specific, frozenset(specific) - base, unit


def _of_people(unit: str, compiled: AlignRules) -> bool:
    """Whether a counted noun counts people: a known person noun, or a plural the rules do not know."""
    return unit in compiled.persons or unit not in compiled.known_nouns


def _idf(prepared: Iterable[Prepared], compiled: AlignRules) -> dict[str, float]:
    """Inverse sentence frequency of each (stemmed) word over the whole story."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for p in prepared:
        for s_start, s_end in p.sentences:
            n += 1
            for word in {_stem(w.lower(), compiled) for w in _WORD.findall(p.view, s_start, s_end)}:
                df[word] += 1
    return {word: math.log((n + 1) / (count + 1)) + 1.0 for word, count in df.items()}


# --- 2 and 3. candidates and links -----------------------------------------------------------

def _context_links(contexts: list[Context], members: list[int], idf: dict[str, float],
                   compiled: AlignRules) -> tuple[list[tuple[float, int, int]], list[Fit]]:
    """Links that pass the rules' thresholds, and every weaker fit the assignment may weigh."""
    strings = {i: " ".join(sorted(_key_words(contexts[i], idf, compiled))) for i in members}
    # Articles in two languages share few words but names; what a claim measures (its unit
    # class, its currency) proposes candidates across them too.
    multilingual = len({contexts[i].language for i in members}) > 1
    features: dict[int, Iterable[str]] = {
        i: (contexts[i].weights.keys() | _unit_features(contexts[i]) | {f"\x00owner{o}" for o in contexts[i].owners})
        if multilingual else contexts[i].weights.keys() for i in members}
    fallback = {i: _value_feature(contexts[i], compiled) for i in members}
    pairs = _candidates(contexts, members, features, strings, fuzz.token_set_ratio, compiled.floor, compiled, fallback)
    links, fits = [], []
    for i, j in pairs:
        a, b = contexts[i], contexts[j]
        if not _may_link(a, b, compiled):
            continue
        if a.language != b.language:
            how = relation(a.claim, b.claim, compiled.values)
            strength = _translated_overlap(a, b, idf, compiled)
            needed = compiled.translated_dates if a.claim.kind is Kind.DATE else compiled.translated
            if strength >= needed.get(how or CONFLICT, 1.0):
                links.append((strength + compiled.value_bonus.get(how or "", 0.0), i, j))
            continue
        shared = a.weights.keys() & b.weights.keys()
        # Two articles telling one event share words for it, not only names.
        if a.claim.kind is Kind.DATE and a.claim.source != b.claim.source and not shared - a.name_words - b.name_words:
            continue
        overlap = _overlap(a.weights, b.weights, idf)
        how = relation(a.claim, b.claim, compiled.values)
        bonus = compiled.value_bonus.get(how or "", 0.0)
        if overlap >= compiled.assign.floor:
            fits.append(Fit(overlap, bonus, i, j))
        if a.claim.kind is Kind.DATE and len(shared) < compiled.date_shared:
            continue
        if overlap >= _threshold(a, b, how, compiled):
            # Stronger links are taken first; agreeing values make a link stronger, so that of
            # two claims one source offers, the one that agrees meets first.
            links.append((overlap + bonus, i, j))
    return links, fits


def _value_feature(context: Context, compiled: AlignRules) -> set[str]:
    """The value a claim states, with what it counts: outlets print one figure alike."""
    value = context.claim.value
    if isinstance(value, Quantity) and value.amount is not None:
        unit = _stem(context.unit_word, compiled) if context.unit_word else ""
        return {f"\x00value{value.amount}:{value.currency}:{value.unit}:{unit}"}
    return set()


def _unit_features(context: Context) -> set[str]:
    """What a quantity measures, as candidate features that do not depend on the language."""
    value = context.claim.value
    found = {f"\x00class{n}" for n in context.units}
    if isinstance(value, Quantity):
        if value.currency:
            found.add(f"\x00currency{value.currency}")
        if value.si is not None:
            found.add(f"\x00si{value.si.unit}")
        if context.claim.kind is Kind.PERCENT:
            found.add(f"\x00percent{value.unit}")
    return found


def _translated_overlap(a: Context, b: Context, idf: dict[str, float], compiled: AlignRules) -> float:
    """How surely two claims in different languages are about one thing.

    That is their shared names, and whether they measure the same thing (a synonym class, a
    currency, a unit).
    """
    names = _overlap({w: a.weights[w] for w in a.name_words if w in a.weights},
                     {w: b.weights[w] for w in b.name_words if w in b.weights}, idf)
    # The name each article is about (its owner, or failing one the name it mentions most)
    # stands in for the names a sentence leaves out.
    topic = compiled.translated_topic if a.owners & b.owners else 0.0
    return names + topic + (compiled.translated_unit if _unit_features(a) & _unit_features(b) else 0.0)


def _candidates(contexts: list[Context], members: list[int], features: dict[int, Iterable[str]],
                strings: dict[int, str], scorer, floor: float, compiled: AlignRules,
                fallback: dict[int, set[str]] | None = None) -> list[tuple[int, int]]:
    """Candidate pairs (i < j) of a kind's claims, proposed by shared features, scored in bulk.

    A feature shared by too many claims proposes nothing (the cap grows with the number of
    sources, so one word every article repeats still counts). Each claim keeps its best
    `max_candidates`; a pair is a candidate when either side kept the other, so the result
    does not depend on the order of the claims.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    fallback = fallback or {}
    for i in members:
        for feature in set(features[i]) | fallback.get(i, set()):
            postings[feature].append(i)
    sources = len({contexts[i].claim.source for i in members})
    cap = max(compiled.posting_cap, compiled.posting_per_source * sources)
    pairs: set[tuple[int, int]] = set()
    for i in members:
        # The rarest shared features first, until the budget is spent: a fixed amount of work
        # per claim, spent where it tells most.
        found: set[int] = set()
        for feature in sorted(set(features[i]), key=lambda f: (len(postings[f]), f)):
            if len(postings[feature]) > cap:
                break
            new = [j for j in postings[feature] if j != i and j not in found]
            room = compiled.candidate_budget - len(found)
            if len(new) <= room:
                found.update(new)
                continue
            # A word too many claims share (a big story every outlet tells alike): the rest of
            # the budget goes to its claims nearest by id, so every claim still meets some.
            ordered = sorted(new, key=lambda j: contexts[j].claim.id)
            at = bisect.bisect_left([contexts[j].claim.id for j in ordered], contexts[i].claim.id)
            first = max(0, min(at - room // 2, len(ordered) - room))
            found.update(ordered[first:first + room])
            break
        if not found:
            for feature in sorted(fallback.get(i, ())):
                if len(postings[feature]) <= cap:
                    found.update(j for j in postings[feature] if j != i)
        # A claim of its own sentence states another fact: no candidate, it takes no wording's
        # place below. (An amount given again in another currency meets its twin through the
        # outlets that print either.)
        candidates = sorted(j for j in found if contexts[j].whole != contexts[i].whole)
        if not candidates:
            continue
        # rapidfuzz proposes: one bulk call per claim over its candidates.
        scores = process.cdist([strings[i]], [strings[j] for j in candidates], scorer=scorer,
                               score_cutoff=floor)[0]
        # Only the best-scored candidates are weighed: a fixed number per claim keeps the work
        # linear in the size of the story. Ties go by claim id, never by position.
        ranked = sorted((-score, contexts[j].claim.id, j) for j, score in zip(candidates, scores, strict=True)
                        if score > 0)
        # Many outlets often word a fact alike: one candidate per wording, so the kept few
        # reach the other wordings too.
        kept: dict[str, int] = {}
        for _, _, j in ranked:
            kept.setdefault(strings[j], j)
            if len(kept) == compiled.max_candidates:
                break
        pairs.update((min(i, j), max(i, j)) for j in kept.values())
    return sorted(pairs)


_WRITTEN_YEARS = (Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY)


def _written_year(claim: Claim) -> bool:
    """Whether a claim writes a year specific enough to link articles by itself.

    A decade or century in digits ("the 1950s") is, and so is a year before the noun it dates
    ("a 2014 order"); not "last year", nor a year after a preposition ("in 2014"), which many
    facts of a story share.
    """
    if not any(ch.isdigit() for ch in claim.text):
        return False
    if claim.value.granularity is not Granularity.YEAR:  # type: ignore[union-attr]
        return True
    return re.search(re.escape(claim.text) + r" [^\W\d_]", claim.sentence) is not None


def _written_day_links(contexts: list[Context], members: list[int],
                       compiled: AlignRules) -> list[tuple[float, int, int]]:
    """Links between articles that write out the same day or month ("Dec. 15, 2013", "June 2005").

    A day or month named in words is specific enough to tell by itself which date two articles
    of one story mean, whatever words surround it; a weekday or "last week" is not.
    Each claim links to the latest claim of each other source naming its day (enough to join
    them all, and linear in the number of claims).
    """
    by_day: dict[tuple[object, int], list[int]] = defaultdict(list)
    for i in members:
        if (key := _written_key(contexts[i])) is not None:
            by_day[key].append(i)
    links = []
    for same_day in by_day.values():
        latest: dict[str, int] = {}
        for i in sorted(same_day, key=lambda k: contexts[k].claim.id):
            a = contexts[i]
            for j in latest.values():
                b = contexts[j]
                if b.claim.source != a.claim.source and relation(a.claim, b.claim, compiled.values) == SAME \
                        and _may_link(a, b, compiled):
                    links.append((compiled.written_day + compiled.value_bonus.get(SAME, 0.0), j, i))
            latest[a.claim.source] = i
    return links


def _written_key(context: Context) -> tuple[object, int] | None:
    """The day or month a date writes out (month, day), or the year it writes, or None."""
    value = context.claim.value
    if isinstance(value, DateValue) and value.month and (
            (value.granularity is Granularity.DAY and value.day) or value.granularity is Granularity.MONTH):
        return value.month, value.day or 0
    if isinstance(value, DateValue) and value.start and value.granularity in _WRITTEN_YEARS \
            and _written_year(context.claim):
        return value.granularity.value, value.start.year
    return None


def _same_day_fits(contexts: list[Context], members: list[int], idf: dict[str, float],
                   compiled: AlignRules) -> list[Fit]:
    """Fits between claims of other sources that place the same day, for the assignment.

    Outlets word the day of one event in few and different words ("caught fire on Monday
    evening", "a blaze on Monday night"), so their claims seldom propose each other as
    candidates; the day they name does.
    """
    by_day: dict[tuple[object, object], list[int]] = defaultdict(list)
    for i in members:
        if (day := _day_of(contexts[i])) is not None:
            by_day[day].append(i)
    fits = []
    for i, j in _neighbours(by_day.values(), contexts, compiled):
        a, b = contexts[i], contexts[j]
        if a.claim.source == b.claim.source or a.language != b.language or not _may_link(a, b, compiled):
            continue
        if not (a.weights.keys() & b.weights.keys()) - a.name_words - b.name_words:
            continue
        overlap = _overlap(a.weights, b.weights, idf)
        if overlap >= compiled.assign.floor:
            fits.append(Fit(overlap, compiled.value_bonus.get(SAME, 0.0), i, j))
    return fits


def _day_group_fits(contexts: list[Context], members: dict[int, list[int]], idf: dict[str, float],
                    compiled: AlignRules) -> list[Fit]:
    """Fits between linked groups that place one day, on all their members' words at once.

    Two outlets seldom word the day of an event alike, but two groups of outlets do: what
    several sources say around the day ("rescue", "cave", "coach") overlaps where a pair of
    short contexts does not.
    """
    by_day: dict[tuple[object, object], list[int]] = defaultdict(list)
    for root, ids in members.items():
        days = {day for i in ids if (day := _day_of(contexts[i])) is not None}
        if len(ids) > 1 and len(days) == 1:
            by_day[days.pop()].append(root)
    merged = {root: _merged_weights(contexts, members[root]) for roots in by_day.values() for root in roots}
    fits = []
    for r, q in _neighbours(by_day.values(), contexts, compiled):
        overlap = _overlap(merged[r], merged[q], idf)
        if overlap >= compiled.assign.floor:
            fits.append(Fit(overlap, compiled.value_bonus.get(SAME, 0.0), r, q))
    return fits


def _anchor_fits(contexts: list[Context], members: dict[int, list[int]], compiled: AlignRules) -> list[Fit]:
    """Fits between dates of one day whose sentences state one fact (an amount, a quotation) of other sources.

    "The last four boys were brought out on Tuesday" and "On Tuesday the final four were freed"
    share few words next to the day, but the four they count is one fact of the story.
    """
    group_of = {i: root for root, ids in members.items() for i in ids}
    spread = {root: len({contexts[i].claim.source for i in ids}) for root, ids in members.items()}
    facts: dict[tuple[str, int], set[int]] = defaultdict(set)
    for i, context in enumerate(contexts):
        if context.claim.kind is not Kind.DATE and spread[group_of[i]] > 1:
            facts[context.sentence].add(group_of[i])
    buckets: dict[tuple[int, object], list[int]] = defaultdict(list)
    for i, context in enumerate(contexts):
        if (day := _day_of(context)) is not None and not context.stamp:
            for root in facts.get(context.sentence, ()):
                buckets[(root, day)].append(i)
    fits = []
    for i, j in _neighbours(buckets.values(), contexts, compiled):
        a, b = contexts[i], contexts[j]
        if a.claim.source != b.claim.source and _may_link(a, b, compiled):
            fits.append(Fit(compiled.anchor_fit, compiled.value_bonus.get(SAME, 0.0), i, j))
    return fits


def _day_of(context: Context) -> tuple[object, object] | None:
    """The day a date claim places the event beside it on (not a statement's day), or None."""
    value = context.claim.value
    if isinstance(value, DateValue) and value.granularity is Granularity.DAY and value.start is not None \
            and not context.spoken:
        return value.start, value.end
    return None


def _neighbours(buckets: Iterable[list[int]], contexts: list[Context],
                compiled: AlignRules) -> Iterator[tuple[int, int]]:
    """Each claim of a bucket paired with the next few of it by id.

    A bounded window, so the work stays linear in the story and does not hang on the order of
    the input.
    """
    reach = compiled.candidate_budget // 2
    for bucket in buckets:
        ordered = sorted(bucket, key=lambda k: contexts[k].claim.id)
        for at, i in enumerate(ordered):
            for j in ordered[at + 1:at + 1 + reach]:
                yield i, j


def _merged_weights(contexts: list[Context], ids: list[int]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for i in ids:
        for word, weight in contexts[i].weights.items():
            weights[word] = max(weights.get(word, 0.0), weight)
    return weights


def _key_words(context: Context, idf: dict[str, float], compiled: AlignRules) -> list[str]:
    ranked = sorted(context.weights, key=lambda w: (-context.weights[w] * idf.get(w, 1.0), w))
    return ranked[:compiled.key_words]


def _overlap(a: dict[str, float], b: dict[str, float], idf: dict[str, float]) -> float:
    """Cosine similarity of two contexts as TF-IDF vectors: 0 (nothing shared) to 1."""
    # fsum is exact, so the result does not hang on the order of the words, which follows the
    # hash seed: a plain sum's last bits would, enough to flip a tie between two runs.
    shared = math.fsum(a[w] * b[w] * idf.get(w, 1.0) ** 2 for w in a.keys() & b.keys())
    if not shared:
        return 0.0
    norm_a = math.sqrt(math.fsum((v * idf.get(w, 1.0)) ** 2 for w, v in a.items()))
    norm_b = math.sqrt(math.fsum((v * idf.get(w, 1.0)) ** 2 for w, v in b.items()))
    return shared / (norm_a * norm_b)


_PARTS = {Kind.DATE: "dates", Kind.AGE: "ages", Kind.DURATION: "durations", Kind.QUOTE: "quotes"}


def _part(context: Context) -> str:
    """The part of the story a claim is weighed in: a year written alone is a figure of its own."""
    value = context.claim.value
    if isinstance(value, DateValue) and value.granularity in _WRITTEN_YEARS:
        return "years"
    return _PARTS.get(context.claim.kind, "quantities")


def _threshold(a: Context, b: Context, how: str | None, compiled: AlignRules) -> float:
    """The context overlap two claims need: by source and by how their values relate."""
    same = a.claim.source == b.claim.source
    part = _PARTS.get(a.claim.kind, "quantities")
    key = (part, same, how or CONFLICT)
    return compiled.thresholds.get(key, compiled.thresholds.get(("quantities", *key[1:]), 1.0))


def _quote_links(contexts: list[Context], members: list[int], compiled: AlignRules) -> list[tuple[float, int, int]]:
    strings = {i: " ".join(contexts[i].words) for i in members}
    pairs = _candidates(contexts, members, {i: contexts[i].words for i in members}, strings,
                        fuzz.partial_ratio, compiled.quote_variant, compiled)
    links = _translated_quote_links(contexts, members, compiled)
    for i, j in pairs:
        a, b = contexts[i], contexts[j]
        if not _may_link(a, b, compiled) or a.language != b.language:
            continue
        shorter = min(len(a.words), len(b.words))
        if shorter < compiled.quote_min_words and a.words != b.words:
            continue
        # A variant shares most of its words with the other: "full of life" inside a long
        # quotation of the same speaker is another quotation, not a variant of it.
        few, many = sorted((a.words, b.words), key=len)
        if sum(1 for w in set(few) if w in set(many)) < compiled.quote_shared * len(set(few)):
            continue
        score = fuzz.partial_ratio(strings[i], strings[j])
        # Of two candidates for a quotation, the one closest in length is the better match
        # ("work with ..." meets the nested quotation, not the paragraph holding it).
        closeness = shorter / max(len(a.words), len(b.words), 1)
        links.append((score / 100 + closeness / 100, i, j))
    return links


def _speaker_fits(contexts: list[Context], members: list[int], compiled: AlignRules) -> list[Fit]:
    """Fits between quotations one named speaker is given in two outlets, for the assignment.

    Outlets translate or trim one statement differently ("We will rebuild the cathedral even
    more beautiful", "We'll rebuild it more beautifully still"): too few words alike to link,
    yet of the speaker's quotations in the story, the one sharing most words is most likely
    the same statement. The fit is the share of the shorter one's content words in the other.
    """
    named = {i: value.speaker for i in members if isinstance(value := contexts[i].claim.value, QuoteValue)
             and value.speaker and value.speaker[:1].isupper()}
    person = _speakers(sorted(set(named.values())), compiled)
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, speaker in named.items():
        by_speaker[person[speaker]].append(i)
    words = {i: {w for w in contexts[i].words if w not in compiled.stop_words}
             for quoted in by_speaker.values() for i in quoted}
    fits = []
    for i, j in _neighbours(by_speaker.values(), contexts, compiled):
        a, b = contexts[i], contexts[j]
        few = min(len(words[i]), len(words[j]))
        if a.claim.source == b.claim.source or a.language != b.language or few < compiled.quote_min_words:
            continue
        overlap = len(words[i] & words[j]) / few
        if overlap >= compiled.assign.floor and _may_link(a, b, compiled):
            fits.append(Fit(overlap, 0.0, i, j))
    return fits


def _speakers(names: list[str], compiled: AlignRules) -> dict[str, str]:
    """Each speaker's name -> one name standing for everyone it names.

    Outlets name one speaker in full, by surname alone or by given name alone ("Ana Ortiz",
    "Ortiz", "Ana"), and spell a foreign surname two ways; two full names sharing only a
    given name are two people.
    """
    parent = {name: name for name in names}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def one(a: str, b: str) -> bool:
        (given_a, surname_a), (given_b, surname_b) = parts(a, compiled.people), parts(b, compiled.people)
        if not given_a or not given_b:
            # One word alone is a surname or a given name: "Ortiz" or "Ana" for "Ana Ortiz".
            alone, full = (surname_a, (*given_b, surname_b)) if not given_a else (surname_b, (*given_a, surname_a))
            return alone in full
        return same_person(a, b, compiled.people)

    # Names meet through a word they share; a word too many names share proposes none of them.
    by_word: dict[str, list[str]] = defaultdict(list)
    for name in names:
        for word in set(name.lower().split()):
            by_word[word].append(name)
    for found in by_word.values():
        if len(found) > compiled.posting_cap:
            continue
        for k, a in enumerate(found):
            for b in found[k + 1:]:
                if one(a, b):
                    low, high = sorted((find(a), find(b)))
                    parent[high] = low  # the first name stands for all, whatever order they met in
    return {name: find(name) for name in names}


def _translated_quote_links(contexts: list[Context], members: list[int],
                            compiled: AlignRules) -> list[tuple[float, int, int]]:
    """Quotations of one speaker in articles of two languages, paired one to one.

    Their words cannot be compared without a translation; what can be is who said them and
    how long they are. A speaker quoted once in each article is paired, when the lengths are
    alike; a speaker quoted more often is left unpaired, as lengths alone would guess.
    """
    by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in members:
        value = contexts[i].claim.value
        if isinstance(value, QuoteValue) and value.speaker and value.speaker[:1].isupper() and contexts[i].language:
            by_speaker[(value.speaker.split()[-1].lower(), contexts[i].claim.source)].append(i)
    links = []
    for (surname, source), mine in sorted(by_speaker.items()):
        for (other_surname, other_source), theirs in sorted(by_speaker.items()):
            if other_surname != surname or other_source <= source \
                    or contexts[mine[0]].language == contexts[theirs[0]].language:
                continue
            if len(mine) != 1 or len(theirs) != 1:
                continue
            for i, j in zip(mine, theirs, strict=True):
                ratio = min(len(contexts[i].words), len(contexts[j].words)) / max(
                    len(contexts[i].words), len(contexts[j].words), 1)
                if ratio >= compiled.translated_length and _may_link(contexts[i], contexts[j], compiled):
                    links.append((ratio, i, j))
    return links


# --- placing one more source's claims among the story's facts -------------------------------

@dataclass(frozen=True, slots=True)
class Facts:
    """A story's facts as alignment found them, with what it knows of each claim.

    Built once (`facts`), then claims of one more source (a draft) are placed among them
    (`place`) without aligning the story again: the facts stay what the sources say.
    """

    groups: tuple[tuple[Claim, ...], ...]
    contexts: tuple[Context, ...]
    group_of: tuple[int, ...]  # the group of each context
    postings: dict[tuple[Kind, str], tuple[int, ...]]  # (kind, context word or quoted word) -> contexts
    sentences: dict[tuple[str, int], tuple[int, ...]]  # (source, sentence start) -> its contexts
    index: dict[str, int]  # claim id -> its context
    written: dict[tuple[object, int], tuple[int, ...]]  # a written day, month or year -> its contexts
    names: frozenset[str]
    idf: dict[str, float]
    rules: RuleSet


@dataclass(frozen=True, slots=True)
class Placement:
    """The facts a claim may state, best fit first: (fit, group index) at the rules' floor or above.

    `part` is the part of the story it is weighed in ("quantities", "dates", "quotes", ...).
    """

    claim: Claim
    part: str
    fits: tuple[tuple[float, int], ...]


def facts(sources: tuple[Source, ...], claims: tuple[Claim, ...], rules: RuleSet) -> Facts:
    """Align the sources' claims into facts and keep what placing another claim needs."""
    compiled = align_rules(rules)
    groups = tuple(align(sources, claims, rules))
    prepared = {s.id: prepare(s, rules) for s in sources}
    names = frozenset().union(*(_names_of(prepared[s.id], compiled) for s in sources))
    members = [(c, g) for g, group in enumerate(groups) for c in group if c.kind in _PLACED]
    contexts = tuple(_contexts(sources, (c for c, _ in members), prepared, names, compiled, placing=True))
    postings: dict[tuple[Kind, str], list[int]] = defaultdict(list)
    for i, context in enumerate(contexts):
        for word in set(_placing_words(context)):
            postings[(context.claim.kind, word)].append(i)
    sentences: dict[tuple[str, int], list[int]] = defaultdict(list)
    written: dict[tuple[object, int], list[int]] = defaultdict(list)
    for i, context in enumerate(contexts):
        sentences[context.sentence].append(i)
        if (key := _written_key(context)) is not None:
            written[key].append(i)
    return Facts(groups, contexts, tuple(g for _, g in members),
                 {key: tuple(ids) for key, ids in postings.items()},
                 {key: tuple(ids) for key, ids in sentences.items()},
                 {context.claim.id: i for i, context in enumerate(contexts)},
                 {key: tuple(ids) for key, ids in written.items()}, names,
                 _idf(prepared.values(), compiled), rules)


# The kinds placed by their context; people's names and titles go by whom they name.
_PLACED = frozenset(Kind) - PEOPLE_KINDS


def _placing_words(context: Context) -> Iterable[str]:
    return context.words if context.claim.kind is Kind.QUOTE else context.weights.keys()


def place(story: Facts, source: Source, claims: Iterable[Claim]) -> list[Placement]:
    """Where each claim of `source` (not one of the story's) fits among the story's facts.

    Values are not looked at: a claim that changed a figure still fits the fact whose figure it
    changed, so the judge can say it differs. A quotation fits by the share of the shorter
    quotation's words the other holds; another claim by its context's overlap with the fact's
    and the words right around it, then by the facts its sentence states beside it.
    """
    compiled = align_rules(story.rules)
    prepared = {source.id: prepare(source, story.rules)}
    names = story.names | _names_of(prepared[source.id], compiled)
    claims = tuple(c for c in claims if c.kind in _PLACED)
    contexts = _contexts((source,), claims, prepared, names, compiled, placing=True)
    fits: dict[int, dict[int, float]] = {}
    for i, context in enumerate(contexts):
        kind = context.claim.kind
        seen = {j for word in set(_placing_words(context)) for j in story.postings.get((kind, word), ())}
        best: dict[int, float] = {}
        for j in sorted(seen):
            other = story.contexts[j]
            if not _may_link(context, other, compiled, placing=True):
                continue
            if kind is Kind.QUOTE:
                fit = _quote_fit(context, other, compiled)
            elif context.language != other.language:
                # Across languages, what they share is names and what they measure, as alignment weighs it.
                fit = _translated_overlap(context, other, story.idf, compiled)
            else:
                fit = _overlap(context.weights, other.weights, story.idf) \
                    + compiled.placing.local_weight * _local_fit(context, other)
            group = story.group_of[j]
            if fit >= compiled.placing.floor[_part(context)] and fit > best.get(group, -1.0):
                best[group] = fit
        fits[i] = best
        _written(context, fits[i], story, compiled)
    _anchored(contexts, fits, story, compiled)
    _one_per_sentence(contexts, fits, story, compiled)
    return [Placement(context.claim, _part(context),
                      tuple(sorted(((f, g) for g, f in fits[i].items()), key=lambda fg: (-fg[0], fg[1]))))
            for i, context in enumerate(contexts)]


def _written(context: Context, fits: dict[int, float], story: Facts, compiled: AlignRules) -> None:
    """A day or month written out ("March 9, 2025") fits a fact stating that very day as well as any fits.

    It tells by itself which date it means, whatever words stand around it, as alignment links it.
    """
    key = _written_key(context)
    if key is None:
        return
    best = max(fits.values(), default=compiled.placing.floor[_part(context)])
    for j in story.written.get(key, ()):
        other = story.contexts[j]
        if relation(context.claim, other.claim, compiled.values) == SAME and _may_link(context, other, compiled,
                                                                                        placing=True):
            fits[story.group_of[j]] = max(fits.get(story.group_of[j], 0.0), best)


def _anchored(contexts: list[Context], fits: dict[int, dict[int, float]], story: Facts,
              compiled: AlignRules) -> None:
    """A claim fits better the facts of its kind stated in the sources' sentences that state its sentence's other facts.

    "Acme pledged €40 million on Tuesday": the sources stating that pledge date it too, in words
    that may share little with the draft's around the day. Only a fact the draft states as its
    sources do anchors; the bonus is the share of those sources whose sentence states the fact.
    """
    found = {i: dict(fit) for i, fit in fits.items()}  # read before any bonus: the order of claims tells nothing
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, context in enumerate(contexts):
        by_sentence[context.sentence].append(i)
    for members in by_sentence.values():
        for i in members:
            bonus: dict[int, float] = defaultdict(float)
            for k in members:
                if k == i or not found[k]:
                    continue
                fact = max(found[k], key=lambda g: (found[k][g], -g))
                stating = [c for c in story.groups[fact] if c.id in story.index
                           and relation(contexts[k].claim, c, compiled.values) == SAME]
                if not stating:
                    continue
                beside: dict[int, set[str]] = defaultdict(set)
                for claim in stating:
                    for j in story.sentences[story.contexts[story.index[claim.id]].sentence]:
                        if story.contexts[j].claim.kind is contexts[i].claim.kind:
                            beside[story.group_of[j]].add(claim.source)
                sources = len({c.source for c in stating})
                for group, said in beside.items():
                    bonus[group] = max(bonus[group], compiled.placing.anchor * len(said) / sources)
            for group, extra in bonus.items():
                fits[i][group] = fits[i].get(group, 0.0) + extra


def _one_per_sentence(contexts: list[Context], fits: dict[int, dict[int, float]], story: Facts,
                      compiled: AlignRules) -> None:
    """A sentence does not state one fact twice: of its claims that fit one fact, one keeps it.

    That is the claim whose value the fact states, else the one that fits it best; the others
    lose that fact ("set aside $2 billion for a fine of $4 billion": the fine is the $4 billion).
    """
    by_sentence: dict[tuple[tuple[str, int], str], list[int]] = defaultdict(list)
    for i, context in enumerate(contexts):
        by_sentence[(context.sentence, _part(context))].append(i)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        claimed: dict[int, tuple[tuple[bool, float], int]] = {}
        for i in members:
            for group, fit in fits[i].items():
                stated = any(relation(contexts[i].claim, c, compiled.values) == SAME for c in story.groups[group])
                key = (stated, fit)
                if group not in claimed or key > claimed[group][0]:
                    claimed[group] = (key, i)
        for group, (_, keeper) in claimed.items():
            for i in members:
                if i != keeper:
                    fits[i].pop(group, None)


def _local_fit(mine: Context, theirs: Context) -> float:
    """The share of the words right around one claim that stand around the other (0 to 1)."""
    return len(mine.local & theirs.local) / len(mine.local) if mine.local else 0.0


def _quote_fit(mine: Context, theirs: Context, compiled: AlignRules) -> float:
    """The share of the shorter quotation's content words that the other holds (0 to 1).

    A quotation of a few words and a longer one fit only where the longer holds its very words
    ("user data" is no part of a long statement that happens to say "user" and "data").
    """
    if not mine.words or mine.language != theirs.language:
        return 0.0
    short, long_ = sorted((mine.words, theirs.words), key=len)
    if len(short) < compiled.quote_min_words:
        if len(long_) >= compiled.quote_min_words:
            return 1.0 if contains(list(long_), list(short)) else 0.0
        # Two short ones: every word counts ("lack of will", "lack of resolve").
        return len(set(mine.words) & set(theirs.words)) / len(set(mine.words))
    words = {w for w in mine.words if w not in compiled.stop_words} or set(mine.words)
    other = {w for w in theirs.words if w not in compiled.stop_words} or set(theirs.words)
    # Of the shorter one: a source printing an excerpt of the draft's quotation still prints it.
    return len(words & other) / min(len(words), len(other))


# --- 4. groups ------------------------------------------------------------------------------

def _may_link(a: Context, b: Context, compiled: AlignRules, *, placing: bool = False) -> bool:
    """Whether two claims could state the same fact at all.

    `placing` asks it of a draft's claim and a source's, whatever their values: then only what
    the claims are about counts (a statement's date is still not an event's).
    """
    ca, cb = a.claim, b.claim
    # "Acme's budget" and "Globex's budget" are two budgets. An article's main name stands in
    # for an owner only within that article: another article may name its subject otherwise.
    stand_in = a.owner_is_topic or b.owner_is_topic
    if a.owners and b.owners and not a.owners & b.owners and not (a.owner_is_topic and b.owner_is_topic) \
            and (ca.source == cb.source or not stand_in):
        return False
    if a.stamp or b.stamp:
        # A page's stamp says when the page was written: it states no fact of the story, and
        # two pages' stamps are two stamps.
        return a.stamp and b.stamp and ca.source == cb.source and ca.span != cb.span
    if a.spoken != b.spoken or (a.spoken and not placing and relation(ca, cb, compiled.values) != SAME):
        # The day someone said something is not the day it happened, and two statements on
        # different days are two statements.
        return False
    if ca.source == cb.source and (a.sentence == b.sentence or (ca.span.start < cb.span.end
                                                                 and cb.span.start < ca.span.end)) \
            and not _in_two_currencies(a, b, compiled):
        return False  # a sentence does not state one fact twice; a claim is not the one inside it
    va, vb = ca.value, cb.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue) and (
            (va.granularity is Granularity.TIME) != (vb.granularity is Granularity.TIME)
            or (va.granularity in _WRITTEN_YEARS) != (vb.granularity in _WRITTEN_YEARS)):
        # The hour something happened is a fact apart from its day; a year or decade named on
        # its own ("the 2007 ceremony", "since 2009") is one apart from a day or month.
        return False
    if a.sequence and b.sequence and not a.sequence & b.sequence:
        return False  # "the first four" and "the last four" are two batches; "four" may be either
    if placing and a.more != b.more:
        return False  # "another four" counts a batch, "twelve" all of them: never one fact
    if (a.more or b.more) and not placing and relation(ca, cb, compiled.values) == CONFLICT:
        return False  # "two other rifles" counts some of them, not all: no conflict with "nine"
    # "11 hours on Sunday" and "nine hours on Monday" are a figure of each day (but a draft's
    # claim is placed whatever its sentence's day: that day may be the slip).
    if not placing and a.days and b.days and not a.days & b.days and not (a.moment and b.moment) \
            and relation(ca, cb, compiled.values) == CONFLICT:
        return False
    if isinstance(va, QuoteValue) and isinstance(vb, QuoteValue) and min(len(a.words), len(b.words)) \
            < compiled.quote_min_words and _named_differently(va.speaker, vb.speaker):
        return False  # "We will rebuild," from two different people is two quotations
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        if not converts(va, vb, compiled.values):
            return False
        if (va.si is None) != (vb.si is None) or (va.si and vb.si and va.si.unit != vb.si.unit):
            return False
        if ca.kind is Kind.PERCENT and va.unit != vb.unit:
            return False  # percent and percentage points measure different things
        if ca.kind is Kind.COUNT and not _related_units(a, b, compiled):
            return False
    return True


def _wordings(members: list[int], contexts: list[Context]) -> list[tuple[frozenset[str], Context]]:
    """A group's distinct wordings of its value, each with the sources that print it and one claim."""
    found: dict[tuple[str, object], tuple[set[str], Context]] = {}
    for i in members:
        claim = contexts[i].claim
        sources, _ = found.setdefault((claim.text, claim.value), (set(), contexts[i]))
        sources.add(claim.source)
    return [(frozenset(sources), context) for sources, context in found.values()]


def _one_day(a: Claim, b: Claim) -> bool:
    """Two claims naming one day, at whatever time of it."""
    va, vb = a.value, b.value
    return isinstance(va, DateValue) and isinstance(vb, DateValue) and va.granularity is vb.granularity \
        is Granularity.DAY and va.start is not None and (va.start, va.end) == (vb.start, vb.end)


def _restates(a: Context, b: Context, compiled: AlignRules) -> bool:
    """Whether one source's two claims could be it stating one fact again (a headline, then the body).

    The same value, or a day named again at another time of it ("Monday", "Monday evening").
    """
    how = relation(a.claim, b.claim, compiled.values)
    if how in (SAME, None):
        return True
    return how == COMPATIBLE and _one_day(a.claim, b.claim)


def _in_two_currencies(a: Context, b: Context, compiled: AlignRules) -> bool:
    """An amount given again in another currency right after it: "€40 million ($45 million)"."""
    va, vb = a.claim.value, b.claim.value
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity) and va.currency and vb.currency
            and va.currency != vb.currency):
        return False
    first, second = sorted((a.claim.span, b.claim.span), key=lambda span: span.start)
    gap = second.start - first.end
    return 0 <= gap <= compiled.restated_gap and a.sentence == b.sentence


def _vouched(x: int, y: int, group_x: list[int], group_y: list[int], linked: set[tuple[int, int]],
             contexts: list[Context], compiled: AlignRules) -> bool:
    """Whether a link stands behind putting two disagreeing claims x and y together.

    That is a link between them, or between claims of their groups stating their very values
    (outlets printing one figure, or one quotation's words, alike).
    """
    if (x, y) in linked:
        return True
    same = [z for z in group_y if _alike(contexts[z], contexts[y], compiled)]
    twins = [z for z in group_x if _alike(contexts[z], contexts[x], compiled)]
    return any((a, b) in linked for a in twins for b in same)


def _alike(a: Context, b: Context, compiled: AlignRules) -> bool:
    if a.claim.kind is Kind.QUOTE:
        return a.words == b.words
    return relation(a.claim, b.claim, compiled.values) == SAME


def _named_differently(a: str | None, b: str | None) -> bool:
    """Two speakers given by name whose last names differ."""
    if not a or not b or not a[:1].isupper() or not b[:1].isupper():
        return False
    return a.split()[-1] != b.split()[-1]


def _may_join(a: Context, b: Context, compiled: AlignRules) -> bool:
    """Whether two claims may stand in one group, as far as the two alone tell.

    They must be able to state one fact, and one source does not contradict itself: two
    conflicting values from one source are two facts. (Two sources are found to disagree only
    on the strength of a link: see `_vouched`.)
    """
    if not _may_link(a, b, compiled):
        return False
    return a.claim.source != b.claim.source or relation(a.claim, b.claim, compiled.values) != CONFLICT


def _disagree(a: Context, b: Context, compiled: AlignRules) -> bool:
    """Whether judging these two would find a discrepancy: conflicting values, or different words."""
    if a.claim.kind is Kind.QUOTE:
        if a.language != b.language:
            return False  # a translation is not compared word by word
        few, many = sorted((a.words, b.words), key=len)
        return bool(few) and not contains(list(many), list(few))
    return relation(a.claim, b.claim, compiled.values) == CONFLICT


def _related_units(a: Context, b: Context, compiled: AlignRules) -> bool:
    """Counts of the same kind of thing, or of people and what they did (people ~ killed).

    Two counts made specific by their verbs must agree on it: "two people were killed" and
    "three people were wounded" count different things.
    """
    if a.specific and b.specific:
        return bool(a.specific & b.specific)
    if a.unit_word is None or b.unit_word is None or _stem(a.unit_word, compiled) == _stem(b.unit_word, compiled):
        return True
    if not a.units or not b.units:
        return False  # two different nouns no synonym set relates: teachers are not students
    if a.units & b.units:
        return True
    return _may_count(a, b, compiled) or _may_count(b, a, compiled)


def _may_count(act: Context, people: Context, compiled: AlignRules) -> bool:
    """Whether a bare count of people may count an act.

    Any people may count what people do ("hundreds of tenants", "300 signatures"); only people
    as such what befalls them ("three people", "three deaths"; not "12 officers", "9 arrests").
    People whose own verb names another act count that one ("three people were hurt" are not
    the killed).
    """
    if people.specific and not people.specific & act.units:
        return False
    return bool(act.units & compiled.act_classes and _of_people(people.unit_word or "", compiled)
                or act.units & compiled.fate_classes and people.unit_word in compiled.bare_people)


def _groups(contexts: list[Context], links: list[tuple[float, int, int]], fits: list[Fit],
            idf: dict[str, float], compiled: AlignRules) -> list[tuple[Claim, ...]]:
    parent = list(range(len(contexts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(contexts))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked = {(i, j) for _, i, j in links} | {(j, i) for _, i, j in links}
    # Strongest first; ties broken by position, so the result never depends on input order.
    for _, i, j in sorted(links, key=lambda link: (-link[0], contexts[link[1]].claim.id, contexts[link[2]].claim.id)):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if not all(_may_join(contexts[x], contexts[y], compiled)
                   and (contexts[x].claim.source == contexts[y].claim.source
                        or not _disagree(contexts[x], contexts[y], compiled)
                        or _vouched(x, y, members[ri], members[rj], linked, contexts, compiled))
                   for x in members[ri] for y in members[rj]):
            continue
        parent[rj] = ri
        members[ri].extend(members.pop(rj))

    # Outlets print one figure alike: how two values relate is worked out once per pair of wordings.
    related: dict[tuple[str, object, str, object], str | None] = {}

    def relate(a: Claim, b: Claim) -> str | None:
        key = (a.text, a.value, b.text, b.value)
        if key not in related:
            related[key] = relation(a, b, compiled.values)
        return related[key]

    # Groups only grow: a pair of claims found able to stand together stays so, and is not
    # weighed again when their groups are.
    together: set[tuple[int, int]] = set()

    def joinable(xs: list[int], ys: list[int]) -> str | None:
        for x in xs:
            for y in ys:
                if (x, y) in together:
                    continue
                a, b = contexts[x], contexts[y]
                if not _may_join(a, b, compiled):
                    return None
                if a.claim.source == b.claim.source and not _restates(a, b, compiled):
                    return None  # a source restates its own figure alike; another figure of it is another fact
                together.add((x, y))
        # Values across sources, once per pair of wordings: outlets print one figure alike.
        how = SAME
        for (sources_a, a), (sources_b, b) in product(_wordings(xs, contexts), _wordings(ys, contexts)):
            if sources_a == sources_b and len(sources_a) == 1:
                continue  # one source's own wordings: weighed above
            found = relate(a.claim, b.claim) or SAME
            if found == COMPATIBLE and _one_day(a.claim, b.claim):
                found = SAME  # "Monday" and "Monday evening" name one day
            if found == CONFLICT and a.thing and b.thing and not a.thing & b.thing:
                return None  # "a $19 million contract" and "$20 million in donations"
            if found == CONFLICT and a.moment and b.moment:
                found = DEVELOPING  # "€300 million so far" and "€450 million has been raised so far"
            if found == CONFLICT or (found == DEVELOPING and how != CONFLICT) \
                    or (found == COMPATIBLE and how == SAME):
                how = found
        return how

    # Then each group weighs the groups it might belong to, and joins the best by a margin.
    fits = fits + _day_group_fits(contexts, members, idf, compiled)
    members = assign(members, fits, joinable, lambda i: contexts[i].claim.id,
                     lambda i: _part(contexts[i]), compiled.assign)
    # Once the story's amounts and quotations stand as facts, a day is weighed by the facts its
    # sentence states as well: two outlets placing one fact on one day date the same event.
    anchored = _anchor_fits(contexts, members, compiled)
    if anchored:
        dated = {root: ids for root, ids in members.items() if contexts[ids[0]].claim.kind is Kind.DATE}
        weighed = [f for f in fits + _day_group_fits(contexts, dated, idf, compiled)
                   if contexts[f.i].claim.kind is Kind.DATE] + anchored
        members = {root: ids for root, ids in members.items() if root not in dated} | assign(
            dated, weighed, joinable, lambda i: contexts[i].claim.id, lambda i: _part(contexts[i]), compiled.assign)
    return [tuple(contexts[i].claim for i in sorted(ids)) for ids in members.values()]
